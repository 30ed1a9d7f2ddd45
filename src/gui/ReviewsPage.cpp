// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewsPage.h"

#include "PlaceholderTableView.h"
#include "ReviewsModel.h"
#include "cache/Cache.h"
#include "cache/Journal.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace md {

struct ReviewsPage::Loaded {
    qint64 nowMs = 0;
    QList<ReviewRequest> requests;
    std::optional<Error> error;
};

ReviewsPage::ReviewsPage(const QString &cachePath, const QString &journalPath, QWidget *parent)
    : QWidget(parent), m_cachePath(cachePath), m_journalPath(journalPath), m_model(new ReviewsModel(this))
{
    setObjectName(u"reviewsPage"_s);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_open = new QPushButton(this);
    m_open->setObjectName(u"openReviewButton"_s);
    m_open->setEnabled(false);

    m_table = new PlaceholderTableView(this);
    m_table->setObjectName(u"reviewsTable"_s);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ReviewsModel::RequestedColumn, Qt::DescendingOrder);
    const QList<QPair<int, int>> widths{{ReviewsModel::SourceColumn, 150}, {ReviewsModel::ModelColumn, 180},
                                        {ReviewsModel::VersionColumn, 70}, {ReviewsModel::RequesterColumn, 230},
                                        {ReviewsModel::RequestedColumn, 150}, {ReviewsModel::DeltaColumn, 100}};
    for (const auto &[column, width] : widths)
        m_table->setColumnWidth(column, width);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_intro, 1);
    buttons->addWidget(m_open);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    // Enter, Return and a double-click all activate the row.
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &) { openCurrent(); });
    connect(m_open, &QPushButton::clicked, this, &ReviewsPage::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { m_open->setEnabled(current.isValid()); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_open->setEnabled(m_table->currentIndex().isValid()); });

    // "3 h ago" grows older.
    m_ageTimer = new QTimer(this);
    connect(m_ageTimer, &QTimer::timeout, this, [this] { m_model->setNow(QDateTime::currentMSecsSinceEpoch()); });
    m_ageTimer->start(60 * 1000);
    updateTexts();
}

QTableView *ReviewsPage::table() const
{
    return m_table;
}

int ReviewsPage::count() const
{
    return m_model->rowCount();
}

QString ReviewsPage::errorText() const
{
    return m_errorText;
}

QString ReviewsPage::shortTitle() const
{
    return count() > 0 ? tr("Reviews (%1)").arg(count()) : tr("Reviews");
}

QString ReviewsPage::arrivalText(const QList<ReviewRequest> &added)
{
    if (added.isEmpty())
        return {};
    QStringList names;
    for (const ReviewRequest &r : added)
        names.append(tr("%1 v%2").arg(r.model).arg(r.version));
    constexpr qsizetype kShown = 3;
    QString list = names.mid(0, kShown).join(u", "_s);
    if (names.size() > kShown)
        list += u", …"_s;
    return added.size() == 1 ? tr("1 new review request: %1").arg(list)
                             : tr("%1 new review requests: %2").arg(added.size()).arg(list);
}

void ReviewsPage::reload(bool announce)
{
    m_announce = m_announce || announce;
    const auto read = [cachePath = m_cachePath, journalPath = m_journalPath](const JobToken &) {
        return ReviewsPage::read(cachePath, journalPath);
    };
    m_reading.start(read, [this](const Loaded &result) { apply(result); });
}

void ReviewsPage::apply(const Loaded &result)
{
    const bool announce = m_announce;
    m_announce = false;
    if (result.error) {
        m_errorText = result.error->toString();
        m_error->setText(tr("The inbox could not be read: %1").arg(m_errorText));
        m_error->show();
        Q_EMIT loaded();
        return;
    }
    m_errorText.clear();
    m_error->hide();
    const QList<ReviewRequest> before = m_model->requests();
    const bool hadBefore = m_everLoaded;
    const int oldCount = count();
    // Keep the selected row across the reading.
    const std::optional<ReviewRequest> current = currentRequest();
    m_model->setRequests(result.requests, result.nowMs);
    m_everLoaded = true;
    if (current)
        selectRequest(current->sourceUri, current->model, current->version);
    updateTexts();
    if (count() != oldCount || !hadBefore)
        Q_EMIT countChanged(count());
    if (announce) {
        const QList<ReviewRequest> added = ReviewInbox::added(before, result.requests);
        if (!added.isEmpty())
            Q_EMIT requestsArrived(added);
    }
    Q_EMIT loaded();
}

bool ReviewsPage::selectRequest(const QString &sourceUri, const QString &model, qint64 version)
{
    const int row = m_model->rowOf(sourceUri, model, version);
    if (row < 0)
        return false;
    const QModelIndex index = m_model->index(row, ReviewsModel::ModelColumn);
    m_table->setCurrentIndex(index);
    m_table->selectRow(row);
    m_table->scrollTo(index);
    return true;
}

std::optional<ReviewRequest> ReviewsPage::currentRequest() const
{
    const QModelIndex current = m_table->currentIndex();
    const ReviewRequest *r = current.isValid() ? m_model->requestAt(current.row()) : nullptr;
    if (!r)
        return std::nullopt;
    return *r;
}

void ReviewsPage::openCurrent()
{
    if (auto r = currentRequest())
        Q_EMIT reviewRequested(*r);
}

void ReviewsPage::updateTexts()
{
    m_intro->setText(tr("Versions waiting for a review decision, in every source and model. Enter opens the review."));
    m_open->setText(tr("Open Review"));
    m_open->setToolTip(tr("Open the review of the selected version in the Models tab (Enter)"));
    m_table->setPlaceholderText(m_everLoaded ? tr("Nothing waits for your review.") : tr("Reading the inbox…"));
}

void ReviewsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateTexts();
        // The rows' texts are the model's: read them again in the new language.
        reload();
    }
    QWidget::changeEvent(event);
}

ReviewsPage::Loaded ReviewsPage::read(const QString &cachePath, const QString &journalPath)
{
    ReviewsPage::Loaded out;
    Cache cache;
    if (Status s = cache.open(cachePath); !s) {
        out.error = s.error();
        return out;
    }
    Journal journal;
    const bool haveJournal = !journalPath.isEmpty() && journal.open(journalPath).ok();
    auto policies = Policies::load();
    if (!policies) {
        out.error = policies.error();
        return out;
    }
    auto inbox = ReviewInbox::collect(cache, haveJournal ? &journal : nullptr, *policies);
    if (!inbox)
        out.error = inbox.error();
    else
        out.requests = *inbox;
    out.nowMs = QDateTime::currentMSecsSinceEpoch();
    return out;
}

} // namespace md

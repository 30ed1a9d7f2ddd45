// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelsPage.h"

#include "ui_ModelsPage.h"

#include "ElidingHeaderView.h"
#include "ElidingLabel.h"
#include "KeyMetricChart.h"
#include "MessageBar.h"
#include "TimelineWidget.h"
#include "VersionDetailsWidget.h"
#include "cache/Cache.h"
#include "core/NumberFormat.h"
#include "core/Settings.h"
#include "models/PlainToolTip.h"
#include "models/TimelineData.h"
#include "models/VersionDetails.h"
#include "models/VersionsModel.h"

#include <QDateTime>
#include <QLabel>
#include <QToolBar>
#include <QEvent>
#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QStandardItemModel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

ModelsPage::ModelsPage(Cache *cache, const QString &journalPath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ModelsPage>())
    , m_cache(cache)
    , m_journalPath(journalPath)
    , m_models(new QStandardItemModel(this))
    , m_versions(new VersionsModel(this))
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    // One elided line in a fixed place: a model with a long description must not push its
    // versions down (the whole text is in the tooltip).
    m_ui->descriptionLabel->hide();
    m_description = new ElidingLabel(this);
    m_description->setObjectName(u"modelDescription"_s);
    m_description->setMaxLines(1);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_ui->detailLayout->insertWidget(m_ui->detailLayout->indexOf(m_ui->descriptionLabel) + 1, m_description);

    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
    m_ui->modelsView->setModel(m_models);
    m_ui->modelsView->header()->setStretchLastSection(false);
    m_ui->modelsView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->modelsView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_ui->modelsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString name = current.siblingAtColumn(0).data(ModelNameRole).toString();
                if (name != m_modelName)
                    showModel(name);
            });

    m_ui->versionsTable->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_ui->versionsTable));
    m_ui->versionsTable->horizontalHeader()->setSectionsClickable(true);
    m_ui->versionsTable->horizontalHeader()->setHighlightSections(false);
    m_ui->versionsTable->horizontalHeader()->setSortIndicatorShown(true);
    m_ui->versionsTable->verticalHeader()->hide();
    m_ui->versionsTable->setModel(m_versions);
    m_ui->versionsTable->sortByColumn(VersionsModel::VersionColumn, Qt::AscendingOrder);
    m_ui->versionsTable->horizontalHeader()->setStretchLastSection(true);

    m_timeline = new TimelineWidget(m_ui->historyPane);
    m_timeline->setObjectName(u"timeline"_s);
    m_chart = new KeyMetricChart(m_ui->historyPane);
    m_chart->setObjectName(u"keyMetricChart"_s);
    m_ui->historyLayout->addWidget(m_timeline, 3);
    m_ui->historyLayout->addWidget(m_chart, 1);
    connect(m_timeline, &TimelineWidget::versionClicked, this, [this](qint64 version) { selectVersion(version); });

    // The version card: a third pane on the right.
    m_details = new VersionDetailsWidget(m_ui->splitter);
    m_details->setObjectName(u"versionDetails"_s);
    m_ui->splitter->addWidget(m_details);
    m_compareProduction = new QAction(this);
    m_compareProduction->setObjectName(u"actionCompareWithProduction"_s);
    m_compareProduction->setText(tr("Compare with Production"));
    m_compareProduction->setToolTip(tr("Show the selected version beside the model's Production version"));
    m_compareProduction->setEnabled(false);
    connect(m_compareProduction, &QAction::triggered, this, [this] {
        const qint64 production = productionVersion(), current = currentVersion();
        if (production && current && production != current)
            compareVersions(production, current);
    });
    m_details->addHeaderAction(m_compareProduction);
    connect(m_details, &VersionDetailsWidget::comparisonClosed, this, [this] { showVersionCard(currentVersion()); });
    connect(m_ui->versionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showVersionCard(current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0);
            });
    m_ui->versionsTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->versionsTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex idx = m_ui->versionsTable->indexAt(pos);
        if (!idx.isValid())
            return;
        QMenu *menu = createVersionMenu(idx.row(), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_ui->versionsTable->viewport()->mapToGlobal(pos));
    });

    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setStretchFactor(2, 1);
    m_ui->splitter->setSizes({220, 560, 400});
    m_ui->splitter->restoreState(Settings::instance().value(Settings::Key::ModelsPageSplitter).toByteArray());
    connect(m_ui->splitter, &QSplitter::splitterMoved, this, [this] {
        Settings::instance().setValue(Settings::Key::ModelsPageSplitter, m_ui->splitter->saveState());
    });
    // Extra height goes to the table; the timeline keeps what its lanes need.
    m_ui->detailSplitter->setStretchFactor(0, 1);
    m_ui->detailSplitter->setStretchFactor(1, 0);
    m_ui->detailSplitter->setSizes({400, 240});
    setTabOrder(m_ui->modelsView, m_ui->versionsTable);
    setTabOrder(m_ui->versionsTable, m_timeline);
    setTabOrder(m_timeline, m_details);
    setUpActions();
    connect(m_ui->versionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateActions(); });
    showSource(std::nullopt, {});
}

ModelsPage::~ModelsPage() = default;

QTreeView *ModelsPage::modelsView() const
{
    return m_ui->modelsView;
}

QTableView *ModelsPage::versionsTable() const
{
    return m_ui->versionsTable;
}

QWidget *ModelsPage::keyMetricChart() const
{
    return m_chart;
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
        m_compareProduction->setText(tr("Compare with Production"));
        m_compareProduction->setToolTip(tr("Show the selected version beside the model's Production version"));
        reload();
    }
    QWidget::changeEvent(event);
}

void ModelsPage::showSource(std::optional<qint64> sourceId, const QString &sourceUri)
{
    if (sourceId == m_sourceId && sourceUri == m_sourceUri && sourceId)
        return;
    m_sourceId = sourceId;
    m_sourceUri = sourceUri;
    m_details->setSourceUri(sourceUri);
    m_modelName.clear();
    loadModels();
}

void ModelsPage::reload()
{
    const QString keep = m_modelName;
    const QModelIndex current = m_ui->versionsTable->currentIndex();
    const qint64 version = current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0;
    // A sync may have changed the artifacts too, and the policy file may have been edited.
    m_details->invalidateArtifacts();
    if (auto loaded = Policies::load())
        m_policies = *loaded;
    m_modelName.clear();
    loadModels();
    if (!keep.isEmpty() && selectModel(keep) && version)
        selectVersion(version);
}

void ModelsPage::loadModels()
{
    const QSignalBlocker blocker(m_ui->modelsView->selectionModel());
    m_models->removeRows(0, m_models->rowCount());
    if (!m_sourceId) {
        m_ui->modelsView->setPlaceholderText(tr("Select a source on the left to see its registered models."));
        showModel({});
        return;
    }
    auto models = m_cache->registeredModels(m_sourceId);
    if (!models) {
        m_ui->modelsView->setPlaceholderText(tr("Cannot read the cache: %1").arg(models.error().toString()));
        showModel({});
        return;
    }
    m_ui->modelsView->setPlaceholderText(tr("This source has no registered models."));
    // MLflow 3's prompts are registered models too: listed after the models, marked, never acted on.
    std::stable_partition(models->begin(), models->end(), [](const RegisteredModel &m) { return !m.isPrompt(); });
    for (const RegisteredModel &m : std::as_const(*models)) {
        const bool prompt = m.isPrompt();
        auto *name = new QStandardItem(prompt ? tr("%1 (prompt)").arg(m.name) : m.name);
        name->setData(m.name, ModelNameRole);
        name->setData(qint64(m.versions.size()), VersionCountRole);
        const QString about = prompt ? tr("A prompt of MLflow's prompt registry: its versions hold template text. "
                                          "Prompts are not promoted, reviewed or rolled back.")
                                     : QString();
        QStringList tip{m.name};
        for (const QString &line : {m.description, about})
            if (!line.isEmpty())
                tip.append(line);
        name->setToolTip(plainToolTip(tip.join(u'\n')));
        if (prompt) {
            QFont italic = name->font();
            italic.setItalic(true);
            name->setFont(italic);
        }
        name->setEditable(false);
        auto *count = new QStandardItem(QString::number(m.versions.size()));
        count->setData(m.name, ModelNameRole);
        count->setData(qint64(m.versions.size()), VersionCountRole);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setToolTip(m.versions.size() == 1 ? tr("1 version") : tr("%1 versions").arg(m.versions.size()));
        count->setEditable(false);
        m_models->appendRow({name, count});
    }
    showModel({});
}

bool ModelsPage::selectModel(const QString &name)
{
    for (int r = 0; r < m_models->rowCount(); ++r) {
        const QModelIndex idx = m_models->index(r, 0);
        if (idx.data(ModelNameRole).toString() == name) {
            m_ui->modelsView->setCurrentIndex(idx);
            m_ui->modelsView->scrollTo(idx);
            if (m_modelName != name)
                showModel(name);
            return true;
        }
    }
    return false;
}

bool ModelsPage::selectVersion(qint64 version)
{
    const int row = m_versions->rowOfVersion(version);
    if (row < 0)
        return false;
    const QModelIndex idx = m_versions->index(row, VersionsModel::VersionColumn);
    m_ui->versionsTable->setCurrentIndex(idx);
    m_ui->versionsTable->selectRow(row);
    m_ui->versionsTable->scrollTo(idx);
    return true;
}

QList<JournalEntry> ModelsPage::journalEntries(const QString &model)
{
    if (m_journalPath.isEmpty() || m_sourceUri.isEmpty())
        return {};
    if (!m_journal.isOpen() && !m_journal.open(m_journalPath))
        return {};
    auto entries = m_journal.entries(m_sourceUri, model);
    if (!entries)
        return {};
    // The prefix also matches "model_b" for "model": keep this model's own.
    entries->removeIf([&](const JournalEntry &e) { return e.subject != model && !e.subject.startsWith(model + u'/'); });
    return *entries;
}

void ModelsPage::showModel(const QString &name)
{
    // A message about one model must not stay while another is shown.
    if (name != m_modelName)
        m_message->clear();
    m_modelName = name;
    m_description->setText(QString());
    m_details->clear(name.isEmpty() ? tr("Select a model and one of its versions to see the version's card.")
                                    : tr("Select a version to see its card."));
    if (name.isEmpty() || !m_sourceId) {
        m_versions->clear();
        m_timeline->setTimeline({});
        m_chart->setSeries({}, {});
        m_chart->setProduction(0, {});
        m_ui->titleLabel->setText(tr("Models"));
        const bool none = m_sourceId && m_models->rowCount() == 0;
        m_ui->versionsTable->setPlaceholderText(
            !m_sourceId ? tr("Select a source on the left to see its registered models.")
                        : none ? tr("This source has no registered models.")
                               : tr("Select a model to see its versions, their timeline and key metric."));
        m_timeline->setPlaceholderText(QString());
        updateActions();
        Q_EMIT modelShown(QString());
        return;
    }
    const QList<JournalEntry> journal = journalEntries(name);
    if (Status s = m_versions->load(*m_cache, *m_sourceId, name, journal); !s) {
        m_versions->clear();
        m_ui->versionsTable->setPlaceholderText(tr("Cannot read the model: %1").arg(s.error().toString()));
    }
    const RegisteredModel &model = m_versions->registeredModel();
    m_scheme = ActionService::resolveScheme(model, policy(), !m_sourceUri.startsWith(u"folder://"_s));
    const qsizetype count = model.versions.size();
    m_ui->titleLabel->setText(count == 1 ? tr("%1 — 1 version").arg(name) : tr("%1 — %2 versions").arg(name).arg(count));
    QStringList details;
    if (!model.description.isEmpty())
        details.append(model.description);
    QStringList tags;
    for (const KeyValue &t : model.tags)
        tags.append(t.key + u" = "_s + t.value);
    if (!tags.isEmpty())
        details.append(tr("Tags: %1").arg(tags.join(u", "_s)));
    m_description->setText(details.join(u"\n"_s));
    m_ui->versionsTable->setPlaceholderText(tr("This model has no versions yet."));
    m_ui->versionsTable->resizeColumnsToContents();
    QHeaderView *header = m_ui->versionsTable->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::min(header->sectionSize(c), 260));

    m_timeline->setTimeline(TimelineData::build(model, journal, QDateTime::currentMSecsSinceEpoch(),
                                                m_scheme == RegistryScheme::Aliases ? policy().productionAlias : QString()));
    m_timeline->setPlaceholderText(tr("No versions, so no timeline."));
    m_chart->setSeries(m_versions->keyMetric(), m_versions->keyMetricSeries(), m_versions->keyMetricDataset());
    m_chart->setProduction(productionVersion(), productionWord());
    updateCompareAction();
    updateActions();
    Q_EMIT modelShown(name);
}

qint64 ModelsPage::currentVersion() const
{
    const QModelIndex current = m_ui->versionsTable->currentIndex();
    return current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0;
}

qint64 ModelsPage::productionVersion() const
{
    // The champion of an alias model is its Production; among several Production versions
    // (against MLflow's habit), the newest.
    return ActionService::productionVersion(m_versions->registeredModel(), policy(), m_scheme);
}

ModelPolicy ModelsPage::policy() const
{
    return m_policies.forModel(m_modelName);
}

QString ModelsPage::productionWord() const
{
    return m_scheme == RegistryScheme::Aliases ? policy().productionAlias : tr("Production");
}

void ModelsPage::updateCompareAction()
{
    const qint64 production = productionVersion(), current = currentVersion();
    const QString word = productionWord();
    m_compareProduction->setText(tr("Compare with %1").arg(word));
    m_compareProduction->setEnabled(production && current && production != current);
    m_compareProduction->setToolTip(!production ? tr("This model has no %1 version to compare with").arg(word)
                                    : !current  ? tr("Select a version to compare with %1 (v%2)").arg(word).arg(production)
                                    : production == current
                                        ? tr("The selected version is the %1 version").arg(word)
                                        : tr("Show v%1 beside the %2 version v%3").arg(current).arg(word).arg(production));
}

void ModelsPage::showVersionCard(qint64 version)
{
    updateCompareAction();
    if (!version || !m_sourceId || m_modelName.isEmpty()) {
        m_details->clear(tr("Select a version to see its card."));
        return;
    }
    auto details = VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, version);
    if (!details) {
        m_details->showError(tr("Cannot read the version from the cache: %1").arg(details.error().toString()));
        return;
    }
    details->setJournal(journalEntries(m_modelName));
    m_details->showVersion(*details);
}

bool ModelsPage::compareVersions(qint64 left, qint64 right)
{
    if (!m_sourceId || m_modelName.isEmpty() || m_versions->rowOfVersion(left) < 0 || m_versions->rowOfVersion(right) < 0)
        return false;
    auto a = VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, left);
    auto b = a ? VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, right) : a;
    if (!a || !b) {
        m_details->showError(tr("Cannot read the versions from the cache: %1")
                                 .arg((a ? b.error() : a.error()).toString()));
        return false;
    }
    a->setJournal(journalEntries(m_modelName));
    b->setJournal(journalEntries(m_modelName));
    m_details->showComparison(*a, *b);
    return true;
}

QMenu *ModelsPage::createVersionMenu(int row, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const qint64 version = m_versions->index(row, VersionsModel::VersionColumn).data(VersionsModel::VersionRole).toLongLong();
    const qint64 production = productionVersion();
    QAction *withProduction = menu->addAction(tr("Compare with %1").arg(productionWord()));
    withProduction->setObjectName(u"menuCompareWithProduction"_s);
    withProduction->setEnabled(production && version && production != version);
    connect(withProduction, &QAction::triggered, this, [this, version, production] {
        selectVersion(version);
        compareVersions(production, version);
    });
    QMenu *with = menu->addMenu(tr("Compare with…"));
    with->setObjectName(u"menuCompareWith"_s);
    for (const ModelVersion &other : m_versions->registeredModel().versions) {
        if (other.version == version)
            continue;
        const QString label = other.currentStage.isEmpty() || other.currentStage == kStageNone
            ? tr("v%1").arg(other.version)
            : tr("v%1 (%2)").arg(other.version).arg(other.currentStage);
        const qint64 otherVersion = other.version;
        connect(with->addAction(label), &QAction::triggered, this, [this, version, otherVersion] {
            selectVersion(version);
            compareVersions(otherVersion, version);
        });
    }
    with->setEnabled(!with->isEmpty());
    return menu;
}

// ---------------------------------------------------------------------------- registry actions

class ModelsPage::RegistryHost final : public RegistryActionsHost {
public:
    explicit RegistryHost(ModelsPage *page) : m_page(page) {}
    std::optional<qint64> sourceId() const override { return m_page->m_sourceId; }
    QString sourceUri() const override { return m_page->m_sourceUri; }
    QString model() const override { return m_page->m_modelName; }
    const RegisteredModel &registeredModel() const override { return m_page->m_versions->registeredModel(); }
    qint64 selectedVersion() const override { return m_page->currentVersion(); }
    qint64 productionVersion() const override { return m_page->productionVersion(); }
    ModelPolicy policy() const override { return m_page->policy(); }
    RegistryScheme scheme() const override { return m_page->m_scheme; }
    QString productionWord() const override { return m_page->productionWord(); }
    MessageBar *messageBar() const override { return m_page->m_message; }
    Journal *journal() override
    {
        if (!m_page->m_journal.isOpen() && !m_page->m_journalPath.isEmpty())
            (void)m_page->m_journal.open(m_page->m_journalPath);
        return m_page->m_journal.isOpen() ? &m_page->m_journal : nullptr;
    }
    QList<JournalEntry> journalEntries() override { return m_page->journalEntries(m_page->m_modelName); }
    void reload() override { m_page->reload(); }
    bool selectVersion(qint64 version) override { return m_page->selectVersion(version); }

private:
    ModelsPage *m_page;
};

void ModelsPage::setUpActions()
{
    if (auto loaded = Policies::load())
        m_policies = *loaded;
    m_registry = new RegistryActions(m_cache, m_journalPath, std::make_unique<RegistryHost>(this), this);
    // Above the versions, always the same height: a message never moves the table.
    m_message = new MessageBar(this);
    m_ui->pageLayout->insertWidget(0, m_registry->toolBar());
    m_ui->detailLayout->insertWidget(m_ui->detailLayout->indexOf(m_ui->detailSplitter), m_message);
    connect(m_registry, &RegistryActions::registryChanged, this, &ModelsPage::registryChanged);
    connect(m_registry, &RegistryActions::compareRunsRequested, this, &ModelsPage::compareRunsRequested);
}

void ModelsPage::updateActions()
{
    if (m_registry)
        m_registry->updateActions();
}

PlanDialog *ModelsPage::planDialog() const
{
    return m_registry->planDialog();
}

QList<QAction *> ModelsPage::registryActions() const
{
    return m_registry->actions();
}

bool ModelsPage::applyQueuedFor(const QString &sourceUri)
{
    return m_registry->applyQueuedFor(sourceUri);
}

QString ModelsPage::actionStatusText() const { return m_message ? m_message->text() : QString(); }

} // namespace md

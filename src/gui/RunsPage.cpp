// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsPage.h"

#include "FilterCompleter.h"

#include "ui_RunsPage.h"

#include "ElidingHeaderView.h"
#include "RunsTableDelegate.h"
#include "cache/Cache.h"
#include "core/SearchFilter.h"
#include "models/RunsTableModel.h"

#include <QHeaderView>
#include <QMenu>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTimer>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// Wide enough for names and 6-digit numbers; long keys elide (the header tooltip has them).
constexpr int kMaxColumnWidth = 260;
constexpr int kMaxValueColumnWidth = 128;
constexpr int kMaxIdColumnWidth = 84;

} // namespace

RunsPage::RunsPage(Cache *cache, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::RunsPage>())
    , m_model(new RunsTableModel(cache, this))
    , m_hiddenColumns{QStringLiteral("attributes.run_id")}
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    m_ui->filterErrorLabel->hide();
    m_ui->filterHintLabel->hide();
    updateErrorColour();

    m_ui->runsTable->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_ui->runsTable));
    m_ui->runsTable->horizontalHeader()->setHighlightSections(false);
    m_ui->runsTable->horizontalHeader()->setSectionsClickable(true);
    // The model sorts itself: a proxy would read every cell of 100,000 rows to sort one column.
    m_ui->runsTable->setModel(m_model);
    // QStyledItemDelegate's text layout made a screenful of cells cost ~9 ms to paint.
    m_ui->runsTable->setItemDelegate(new RunsTableDelegate(m_ui->runsTable));
    // Re-arm sorting: the form enabled it on the header that was just replaced.
    m_ui->runsTable->setSortingEnabled(false);
    m_ui->runsTable->setSortingEnabled(true);
    m_ui->runsTable->sortByColumn(RunsTableModel::StartedColumn, Qt::DescendingOrder);
    QHeaderView *header = m_ui->runsTable->horizontalHeader();
    header->setSectionsMovable(true);
    header->setResizeContentsPrecision(200);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    header->setToolTip(tr("Click to sort; right-click to choose the columns"));
    connect(header, &QHeaderView::customContextMenuRequested, this, &RunsPage::showHeaderMenu);
    m_ui->runsTable->verticalHeader()->setDefaultSectionSize(m_ui->runsTable->fontMetrics().height() + 8);
    // Column widths come from the first screenful of rows, not 1,000 rows × 200 columns read from
    // the cache.
    m_ui->runsTable->verticalHeader()->setResizeContentsPrecision(32);
    // The rows now in view are asked for as soon as the view scrolled (its own slot ran first),
    // all of them: its paint would ask block by block as it reaches them, and the last block
    // would be read only when that paint ("Loading…") is nearly done.
    connect(m_ui->runsTable->verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        const QTableView *view = m_ui->runsTable;
        const int first = view->rowAt(0);
        if (first < 0)
            return;
        const int shown = view->rowAt(view->viewport()->height() - 1);
        m_model->fetchNow(first, shown < 0 ? m_model->rowCount() - 1 : shown);
    });
    // When the view is idle after a scroll, have the page below and the page above read on the
    // model's worker, so that the next scroll step paints from memory instead of "Loading…".
    m_prefetch = new QTimer(this);
    m_prefetch->setSingleShot(true);
    m_prefetch->setInterval(0);
    connect(m_ui->runsTable->verticalScrollBar(), &QScrollBar::valueChanged, m_prefetch, qOverload<>(&QTimer::start));
    connect(m_prefetch, &QTimer::timeout, this, [this] {
        QTableView *view = m_ui->runsTable;
        const int rows = m_model->rowCount();
        // Not while the scroll bar is dragged: the view jumps on before the pages around it are
        // looked at, and the reads would only delay the rows of the next mouse move.
        if (rows == 0 || view->verticalScrollBar()->isSliderDown())
            return;
        const int first = std::max(0, view->rowAt(0));
        const int lastShown = view->rowAt(view->viewport()->height() - 1);
        const int last = lastShown < 0 ? rows - 1 : lastShown;
        const int page = last - first + 1;
        m_model->prefetch(first - page, last + page);
    });
    // Rows asked for are read with the values of the columns in view (and two either side)
    // first: a jump far down then waits for a few values a run, not 200.
    m_columnsInView = new QTimer(this);
    m_columnsInView->setSingleShot(true);
    m_columnsInView->setInterval(0);
    connect(m_columnsInView, &QTimer::timeout, this, [this] {
        const QTableView *view = m_ui->runsTable;
        const QHeaderView *header = view->horizontalHeader();
        if (header->count() == 0)
            return;
        int first = header->visualIndexAt(0);
        int last = header->visualIndexAt(view->viewport()->width() - 1);
        first = first < 0 ? 0 : first;
        last = last < 0 ? header->count() - 1 : last;
        QList<int> columns;
        const auto add = [&](int visual) {
            const int logical = header->logicalIndex(visual);
            if (header->isSectionHidden(logical))
                return false;
            columns.append(logical);
            return true;
        };
        for (int v = first; v <= last; ++v)
            add(v);
        for (int v = first - 1, more = 2; v >= 0 && more > 0; --v)
            more -= add(v) ? 1 : 0;
        for (int v = last + 1, more = 2; v < header->count() && more > 0; ++v)
            more -= add(v) ? 1 : 0;
        m_model->setColumnsInView(columns);
    });
    const auto columnsMayMove = [this] { m_columnsInView->start(); };
    connect(m_ui->runsTable->horizontalScrollBar(), &QScrollBar::valueChanged, this, columnsMayMove);
    connect(m_ui->runsTable->horizontalScrollBar(), &QScrollBar::rangeChanged, this, columnsMayMove);
    connect(header, &QHeaderView::sectionResized, this, columnsMayMove);
    connect(header, &QHeaderView::sectionMoved, this, columnsMayMove);
    connect(header, &QHeaderView::sectionCountChanged, this, columnsMayMove);
    connect(m_model, &QAbstractItemModel::modelReset, this, columnsMayMove);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, columnsMayMove);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, columnsMayMove);

    // Every reset (a load, a filter, clear()) keeps the widths the person gave the columns when
    // the metric and param columns stay the same, else measures the new ones.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_columnsBefore = m_model->metricKeys() + m_model->paramKeys();
        m_widthsBefore.clear();
        const QHeaderView *header = m_ui->runsTable->horizontalHeader();
        for (int c = 0; c < header->count(); ++c)
            m_widthsBefore.append(header->sectionSize(c));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { keepColumnWidths(m_columnsBefore, m_widthsBefore); });
    connect(m_model, &RunsTableModel::loaded, this, &RunsPage::showLoaded);

    m_ui->compareButton->hide();  // until the window gives it its action
    connect(m_ui->runsTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { Q_EMIT selectionCountChanged(int(m_ui->runsTable->selectionModel()->selectedRows().size())); });
    connect(m_ui->filterEdit, &QLineEdit::returnPressed, this, &RunsPage::load);
    m_completer = new FilterCompleter(m_ui->filterEdit);
    // The clear button should show everything again without a second keystroke.
    connect(m_ui->filterEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (text.isEmpty() && !m_appliedFilter.isEmpty())
            load();
    });
    showNothing(tr("Runs"), tr("Select an experiment on the left to see its runs."));
}

RunsPage::~RunsPage() = default;

QTableView *RunsPage::table() const
{
    return m_ui->runsTable;
}

QLineEdit *RunsPage::filterEdit() const
{
    return m_ui->filterEdit;
}

QLabel *RunsPage::filterErrorLabel() const
{
    return m_ui->filterErrorLabel;
}

QLabel *RunsPage::filterHintLabel() const
{
    return m_ui->filterHintLabel;
}

void RunsPage::readSelectedRunIds(QObject *context, std::function<void(const QStringList &)> done) const
{
    const QModelIndexList selected = m_ui->runsTable->selectionModel()->selectedRows();
    QList<int> rows;
    rows.reserve(selected.size());
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    // Rows scrolled past may not be held: the model reads their ids on its worker.
    m_model->runIdsInBackground(rows, context, std::move(done));
}

void RunsPage::setCompareAction(QAction *action)
{
    m_ui->compareButton->setDefaultAction(action);
    m_ui->compareButton->show();
}

void RunsPage::showExperiment(qint64 sourceId, const QString &experimentId, const QString &experimentName)
{
    showRunGroup(sourceId, experimentId, experimentName, {}, {});
}

void RunsPage::showRunGroup(qint64 sourceId, const QString &experimentId, const QString &experimentName,
                            const QString &parentRunId, const QString &parentName)
{
    const bool same = m_sourceId == sourceId && m_experimentId == experimentId && m_parentRunId == parentRunId;
    m_sourceId = sourceId;
    m_experimentId = experimentId;
    m_experimentName = experimentName;
    m_parentRunId = parentRunId;
    m_parentName = parentName.isEmpty() ? parentRunId : parentName;
    if (!same)
        m_model->clear();
    load();
}

void RunsPage::showNothing(const QString &title, const QString &hint)
{
    m_sourceId.reset();
    m_experimentId.clear();
    m_experimentName.clear();
    m_parentRunId.clear();
    m_parentName.clear();
    m_appliedFilter.clear();
    m_loadRequest = 0;
    m_emptyRequest = 0;
    m_model->clear();  // the columns are measured on the reset
    clearFilterError();
    m_ui->filterHintLabel->clear();
    m_ui->filterHintLabel->hide();
    m_ui->titleLabel->setText(title);
    m_ui->filterEdit->setEnabled(false);
    m_ui->runsTable->setPlaceholderText(hint);
    Q_EMIT runsShown(0);
    Q_EMIT selectionCountChanged(0);
}

void RunsPage::setShowDeleted(bool show)
{
    if (show == m_showDeleted)
        return;
    m_showDeleted = show;
    reload();
}

void RunsPage::reload()
{
    if (m_sourceId)
        load();
}

void RunsPage::focusFilter()
{
    m_ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    m_ui->filterEdit->selectAll();
}

QStringList RunsPage::hiddenColumns() const
{
    QStringList ids(m_hiddenColumns.cbegin(), m_hiddenColumns.cend());
    ids.sort();
    return ids;
}

void RunsPage::setHiddenColumns(const QStringList &columnIds)
{
    m_hiddenColumns = QSet<QString>(columnIds.cbegin(), columnIds.cend());
    applyHiddenColumns();
}

void RunsPage::applyHiddenColumns()
{
    for (int c = 0; c < m_model->columnCount(); ++c) {
        const bool hidden = m_hiddenColumns.contains(m_model->columnId(c))
            || (c == RunsTableModel::ParentColumn && !m_model->hasNestedRuns());
        m_ui->runsTable->setColumnHidden(c, hidden);
    }
}

void RunsPage::showHeaderMenu(const QPoint &pos)
{
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->setToolTipsVisible(true);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (c == RunsTableModel::ParentColumn && !m_model->hasNestedRuns())
            continue;
        const QString id = m_model->columnId(c);
        QAction *action = menu->addAction(m_model->headerData(c, Qt::Horizontal).toString());
        action->setToolTip(id);
        action->setCheckable(true);
        action->setChecked(!m_hiddenColumns.contains(id));
        // The run name identifies a row: it always stays.
        action->setEnabled(c != RunsTableModel::NameColumn);
        connect(action, &QAction::toggled, this, [this, id](bool shown) {
            if (shown)
                m_hiddenColumns.remove(id);
            else
                m_hiddenColumns.insert(id);
            applyHiddenColumns();
            adjustColumns();
        });
        if (c == RunsTableModel::FixedColumnCount - 1 || c == RunsTableModel::FixedColumnCount + m_model->metricKeys().size() - 1)
            menu->addSeparator();
    }
    menu->popup(m_ui->runsTable->horizontalHeader()->mapToGlobal(pos));
}

void RunsPage::load()
{
    if (!m_sourceId)
        return;
    m_ui->filterEdit->setEnabled(true);
    RunQuery query;
    query.sourceId = m_sourceId;
    query.experiments = QStringList{m_experimentId};
    query.parentRunId = m_parentRunId;
    query.filter = m_ui->filterEdit->text().trimmed();
    query.includeDeleted = m_showDeleted;
    m_appliedFilter = query.filter;
    m_emptyRequest = 0;
    // Read on the worker with the rows the view will show (it keeps its scroll position), so that
    // they paint with the reset; the table shows what it showed until then.
    QTableView *view = m_ui->runsTable;
    const int rowHeight = std::max(1, view->verticalHeader()->defaultSectionSize());
    const int shown = view->viewport()->height() / rowHeight + 2;
    // The column widths are measured from up to 32 rows (the header's precision) around them.
    m_loadRequest = m_model->loadInBackground(query, std::max(0, view->rowAt(0)), std::max(shown, 32));
}

void RunsPage::showLoaded(const RunsTableModel::LoadResult &result)
{
    if (result.request == m_emptyRequest) {
        m_emptyRequest = 0;
        if (result.error)
            m_model->clear();
        return;
    }
    if (result.request != m_loadRequest)
        return;  // not this page's, or one asked for before the newest
    m_loadRequest = 0;
    const RunQuery &query = result.query;
    if (result.error) {
        showFilterError(*result.error, query, result.unfilteredRuns);
        return;
    }
    clearFilterError();
    showFilterHints(result.unknownKeys);
    m_completer->setKeys(m_model->metricKeys(), m_model->paramKeys());
    const int count = m_model->rowCount();
    if (!m_parentRunId.isEmpty()) {
        // The parent is one of the rows; the title counts its children.
        const int children = std::max(0, count - 1);
        // One arg() call per text: a run name may itself contain "%1".
        const QString n = QString::number(query.filter.isEmpty() ? children : count);
        if (!query.filter.isEmpty())
            m_ui->titleLabel->setText(count == 1 ? tr("%1 › %2 — 1 run matches the filter").arg(m_experimentName, m_parentName)
                                                 : tr("%1 › %2 — %3 runs match the filter").arg(m_experimentName, m_parentName, n));
        else
            m_ui->titleLabel->setText(children == 1 ? tr("%1 › %2 — 1 child run").arg(m_experimentName, m_parentName)
                                                    : tr("%1 › %2 — %3 child runs").arg(m_experimentName, m_parentName, n));
        m_ui->runsTable->setPlaceholderText(query.filter.isEmpty() ? tr("This parent run has no child runs left.")
                                                                   : tr("No runs match the filter.\nChange it, or clear it to see all runs."));
    } else if (query.filter.isEmpty()) {
        m_ui->titleLabel->setText(count == 1 ? tr("%1 — 1 run").arg(m_experimentName)
                                             : tr("%1 — %2 runs").arg(m_experimentName).arg(count));
        m_ui->runsTable->setPlaceholderText(
            m_showDeleted ? tr("This experiment has no runs yet.")
                          : tr("This experiment has no active runs.\nDeleted runs show with View › Show deleted runs."));
    } else {
        m_ui->titleLabel->setText(count == 1 ? tr("%1 — 1 run matches the filter").arg(m_experimentName)
                                             : tr("%1 — %2 runs match the filter").arg(m_experimentName).arg(count));
        m_ui->runsTable->setPlaceholderText(tr("No runs match the filter.\nChange it, or clear it to see all runs."));
    }
    Q_EMIT runsShown(count);
    Q_EMIT selectionCountChanged(int(m_ui->runsTable->selectionModel()->selectedRows().size()));
}

void RunsPage::keepColumnWidths(const QStringList &columnsBefore, const QList<int> &widths)
{
    applyHiddenColumns();
    QHeaderView *header = m_ui->runsTable->horizontalHeader();
    if (m_model->metricKeys() + m_model->paramKeys() == columnsBefore && widths.size() == header->count()
        && !columnsBefore.isEmpty()) {
        for (int c = 0; c < widths.size(); ++c)
            if (!header->isSectionHidden(c) && widths.at(c) > 0)
                header->resizeSection(c, widths.at(c));
    } else {
        adjustColumns();
    }
}

void RunsPage::showFilterError(const Error &error, const RunQuery &query, std::optional<qsizetype> total)
{
    const bool badFilter = error.category == ErrorCategory::BadInput;
    const QString text = error.where.isEmpty() ? error.message : tr("%1: %2").arg(error.where, error.message);
    m_ui->filterErrorLabel->setText(badFilter ? tr("Invalid filter (%1)").arg(text)
                                              : tr("The runs could not be read: %1").arg(text));
    m_ui->filterErrorLabel->show();
    m_ui->filterHintLabel->clear();
    m_ui->filterHintLabel->hide();
    // Put the cursor where the filter went wrong, so the person can fix it right there.
    static const QRegularExpression columnRe(QStringLiteral("column (\\d+)"));
    if (const auto match = columnRe.match(error.where); match.hasMatch())
        m_ui->filterEdit->setCursorPosition(std::max(0, match.captured(1).toInt() - 1));

    // The table and its heading show what this filter gives, nothing: never the runs or the count
    // of the filter before it. The model keeps the experiment's columns and scope with a query no
    // run matches (no run has an empty id), so that a live refresh re-reads it and stays empty.
    // The clear button then brings every run back.
    RunQuery none = query;
    none.filter = u"attributes.run_id IN ('')"_s;
    m_emptyRequest = m_model->loadInBackground(none, 0, 0);
    const QString heading = m_parentRunId.isEmpty() ? m_experimentName
                                                    : tr("%1 › %2").arg(m_experimentName, m_parentName);
    if (!badFilter)
        m_ui->titleLabel->setText(tr("%1 — the runs could not be read").arg(heading));
    else if (!total)
        m_ui->titleLabel->setText(tr("%1 — filter error").arg(heading));
    else if (*total == 1)
        m_ui->titleLabel->setText(tr("%1 — filter error, 0 of 1 run shown").arg(heading));
    else
        m_ui->titleLabel->setText(tr("%1 — filter error, 0 of %2 runs shown").arg(heading, QString::number(*total)));
    m_ui->runsTable->setPlaceholderText(badFilter ? tr("Fix the filter and press Enter to see the runs.")
                                                  : tr("The runs could not be read; the message above says why."));
    Q_EMIT runsShown(0);
    Q_EMIT selectionCountChanged(0);
}

void RunsPage::showFilterHints(const QList<UnknownSearchKey> &unknown)
{
    QStringList lines;
    for (const UnknownSearchKey &u : unknown) {
        QString line = unknownSearchKeyMessage(u, SearchKeyScope::Experiment);
        line[0] = line.at(0).toUpper();
        lines.append(line);
    }
    m_ui->filterHintLabel->setText(lines.join(u'\n'));
    m_ui->filterHintLabel->setVisible(!lines.isEmpty());
}

void RunsPage::clearFilterError()
{
    m_ui->filterErrorLabel->clear();
    m_ui->filterErrorLabel->hide();
}

void RunsPage::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateErrorColour();
}

void RunsPage::updateErrorColour()
{
    // No palette role means "error": pick a red that keeps its contrast on the window colour.
    const bool dark = palette().color(QPalette::Window).lightness() < 128;
    QPalette pal = m_ui->filterErrorLabel->palette();
    pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28));
    m_ui->filterErrorLabel->setPalette(pal);
}

void RunsPage::adjustColumns()
{
    QTableView *view = m_ui->runsTable;
    QHeaderView *header = view->horizontalHeader();
    const int columns = m_model->columnCount();
    for (int c = 0; c < columns; ++c) {
        if (view->isColumnHidden(c))
            continue;
        // Public in QAbstractItemView, protected in QTableView.
        const int content = static_cast<QAbstractItemView *>(view)->sizeHintForColumn(c);
        const int title = header->sectionSizeHint(c);
        int width = std::max(content, title);
        if (c == RunsTableModel::RunIdColumn)
            width = std::min(width, kMaxIdColumnWidth);
        else if (c >= RunsTableModel::FixedColumnCount)
            // Values keep their full width; only a long key is elided (its tooltip has it).
            width = std::max(content, std::min(title, kMaxValueColumnWidth));
        view->setColumnWidth(c, std::min(width, kMaxColumnWidth));
    }
}

} // namespace md

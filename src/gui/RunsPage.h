// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "models/RunsTableModel.h"

#include <QSet>
#include <QWidget>

#include <functional>

#include <memory>
#include <optional>

class QAction;
class QTableView;
class QTimer;
class QLineEdit;
class QLabel;

namespace Ui {
class RunsPage;
}

namespace md {

class FilterCompleter;

class Cache;

/// The runs page: the runs of one experiment in a sortable table, with a filter field that takes
/// MLflow's search syntax (applied on Enter, evaluated in SQL by the cache). A malformed filter
/// shows its error, with the column, in red under the field, empties the table (its columns stay)
/// and says so in the heading ("filter error, 0 of N runs shown"). A filter key that no run of the experiment has is named on the result line under the
/// field, with the key probably meant. The table's model reads the given Cache on its worker
/// thread (RunsTableModel): after a change of experiment or filter the table shows what it showed
/// until the runs arrive, then the heading follows. The cache must outlive the page.
class RunsPage : public QWidget {
    Q_OBJECT
public:
    explicit RunsPage(Cache *cache, QWidget *parent = nullptr);
    ~RunsPage() override;

    /// Shows the runs of an experiment, filtered by what the filter field holds.
    void showExperiment(qint64 sourceId, const QString &experimentId, const QString &experimentName);
    /// Shows a parent run of the experiment with its direct child runs (nested runs).
    void showRunGroup(qint64 sourceId, const QString &experimentId, const QString &experimentName,
                      const QString &parentRunId, const QString &parentName);
    /// Shows an empty table with `hint` painted in it.
    void showNothing(const QString &title, const QString &hint);
    /// Includes deleted runs; reloads.
    void setShowDeleted(bool show);
    /// Re-reads the shown experiment from the cache (after an import), keeping the sort order.
    void reload();
    void focusFilter();
    /// Columns (RunsTableModel::columnId) the person hid through the header's context menu.
    /// Default: {"attributes.run_id"} (the id is in the run name's tooltip too).
    QStringList hiddenColumns() const;
    void setHiddenColumns(const QStringList &columnIds);

    /// Calls `done` with the MLflow ids of the selected runs, top to bottom as shown: at once
    /// when the table holds them, else when its worker has read them (never while `context` is
    /// gone).
    void readSelectedRunIds(QObject *context, std::function<void(const QStringList &)> done) const;
    /// The action of the page's "Compare Selected" button (the window's menu item).
    void setCompareAction(QAction *action);

    RunsTableModel *model() const { return m_model; }
    QTableView *table() const;
    QLineEdit *filterEdit() const;
    QLabel *filterErrorLabel() const;
    /// The result line under the filter field: the filter's keys that no run has, with the keys
    /// probably meant; hidden when there is nothing to say.
    QLabel *filterHintLabel() const;
    FilterCompleter *filterCompleter() const { return m_completer; }
    std::optional<qint64> sourceId() const { return m_sourceId; }
    QString experimentId() const { return m_experimentId; }
    /// The parent run whose children are shown; empty when a whole experiment is.
    QString parentRunId() const { return m_parentRunId; }

Q_SIGNALS:
    /// After every (re)load: how many runs the table shows.
    void runsShown(int count);
    /// The number of selected runs changed (also to 0 when the table is reloaded).
    void selectionCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    /// Loads the runs of the experiment (or run group) with the filter field's filter, in the
    /// background: showLoaded() finishes.
    void load();
    void showLoaded(const RunsTableModel::LoadResult &result);
    /// `total`: how many runs there are without the filter, when known.
    void showFilterError(const Error &error, const RunQuery &query, std::optional<qsizetype> total);
    void clearFilterError();
    /// Names the filter's keys that no run of the experiment has on the result line.
    void showFilterHints(const QList<UnknownSearchKey> &unknown);
    void updateErrorColour();
    void adjustColumns();
    /// After a load: the widths the person gave the columns when the metric and param columns
    /// are still `columnsBefore`, else widths measured from the contents.
    void keepColumnWidths(const QStringList &columnsBefore, const QList<int> &widths);
    void applyHiddenColumns();
    void showHeaderMenu(const QPoint &pos);

    std::unique_ptr<Ui::RunsPage> m_ui;
    FilterCompleter *m_completer = nullptr;
    RunsTableModel *m_model;
    /// The model's loadInBackground() of the newest load(), and of the empty table after a bad
    /// filter (0: none on the way).
    qint64 m_loadRequest = 0;
    qint64 m_emptyRequest = 0;
    /// The metric and param columns and the column widths before the model's newest reset.
    QStringList m_columnsBefore;
    QList<int> m_widthsBefore;
    std::optional<qint64> m_sourceId;
    QString m_experimentId;
    QString m_experimentName;
    QString m_parentRunId;
    QString m_parentName;
    QString m_appliedFilter;
    bool m_showDeleted = false;
    QSet<QString> m_hiddenColumns;
    QTimer *m_prefetch = nullptr;  ///< reads the pages around the view when it is idle
    QTimer *m_columnsInView = nullptr;  ///< tells the model which columns are shown
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ComparedRuns.h"
#include "core/RunComparison.h"
#include "core/Error.h"
#include "models/AsyncJob.h"

#include <QWidget>

#include <memory>
#include <optional>

class QAbstractButton;
class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;

namespace Ui {
class ComparisonPage;
}

namespace md {

class Cache;
class ComparisonModel;
class RunsProxyModel;

/// The side-by-side comparison of runs (md::RunComparison through a ComparisonModel): runs as columns
/// (or rows, transposed), a baseline run that every other value is compared with, the value shown
/// per metric (latest, minimum, maximum, at a step), "Differences only", a row search, copy as TSV
/// (Ctrl+C) or Markdown, export as CSV. Right-click a metric to say whether higher or lower is
/// better; the choice is remembered (Settings::Key::MetricDirections).
///
/// Reads runs through the given Cache on the GUI thread; full metric histories (for minimum,
/// maximum and at-step) are loaded off the GUI thread with HistoryLoader on a connection of its own
/// to `cachePath`. The cache must outlive the page.
class ComparisonPage : public QWidget {
    Q_OBJECT
public:
    ComparisonPage(Cache *cache, QString cachePath, QWidget *parent = nullptr);
    ~ComparisonPage() override;

    /// Compares these runs (MLflow run ids, in this order; of `sourceId` when given). The baseline
    /// becomes the run behind the model version in Production (or aliased `champion`) when it is
    /// one of them, else the first. Fails, keeping what was shown, when a run is not in the cache.
    Status compare(const QStringList &runIds, std::optional<qint64> sourceId = std::nullopt);
    /// Shows the empty state.
    void clear();
    /// Re-reads the compared runs from the cache (after an import), keeping the options.
    void reload();

    /// Compares against the run at this index of the compared runs.
    void setBaseline(int run);
    int baseline() const;
    /// Which metric values are shown; loads the full histories first when they are needed.
    void setStepSelection(const StepSelection &step);
    StepSelection stepSelection() const { return m_step; }
    /// True while full histories are being loaded.
    bool isLoadingHistories() const { return m_historyJob.isRunning(); }
    /// Selects the column of the run with this MLflow id (its row when transposed) and scrolls it
    /// into view, e.g. after a click on its line in a chart; false when it is not compared.
    bool selectRun(const QString &runId);
    /// Sets (or with nullopt, removes) the person's direction for a metric, and remembers it.
    void setMetricDirection(const QString &metricKey, std::optional<MetricDirection> direction);
    /// Writes the shown comparison as CSV (RunComparison::toCsv).
    Status exportCsv(const QString &path) const;
    /// Settings are neither read nor written (for --screenshot and tests that want defaults).
    void setUseSettings(bool use);

    ComparisonModel *model() const { return m_model; }
    QTableView *table() const;
    QComboBox *baselineCombo() const;
    QComboBox *stepCombo() const;
    QSpinBox *stepSpin() const;
    QCheckBox *differencesOnlyCheck() const;
    QAbstractButton *transposeButton() const;
    QLineEdit *searchEdit() const;
    QLabel *infoLabel() const;
    QAction *copyTsvAction() const { return m_copyTsv; }
    QAction *copyMarkdownAction() const { return m_copyMarkdown; }
    QAction *exportCsvAction() const { return m_exportCsv; }
    /// "Compare 4 runs", or "Compare" when empty: for the tab.
    QString shortTitle() const;

Q_SIGNALS:
    /// After every rebuild of the table (new runs, baseline, step, direction, loaded histories).
    void comparisonChanged();
    /// Full histories arrived (ok) or could not be loaded.
    void historiesLoaded(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    Status load(const QStringList &runIds, std::optional<qint64> sourceId, bool keepOptions);
    void rebuild();
    void startLoadingHistories();
    void updateControls();
    void updatePalette();
    /// Columns to their contents, capped, then widened into the room the view has to spare.
    /// While the page is hidden that room is unknown: it is done again when the page shows.
    void adjustColumns();
    void showContextMenu(const QPoint &pos);
    void showHeaderMenu(const QPoint &pos);
    void showDirectionMenu(int comparisonRow, const QPoint &globalPos);
    void copyTsv();
    void copyMarkdown();
    void chooseExportFile();
    void setInfo(const QString &text);

    std::unique_ptr<Ui::ComparisonPage> m_ui;
    Cache *m_cache;
    QString m_cachePath;
    ComparisonModel *m_model;
    RunsProxyModel *m_proxy;
    QAction *m_copyTsv;
    QAction *m_copyMarkdown;
    QAction *m_exportCsv;

    ComparedRuns m_runs;
    int m_baseline = 0;
    StepSelection m_step;
    MetricDirections m_directions;
    RunHistories m_histories;
    bool m_historiesComplete = false;
    bool m_useSettings = true;
    bool m_updatingControls = false;

    /// Loads the full histories; discarded whenever the compared runs change.
    AsyncJob m_historyJob;
    bool m_adjustColumnsOnShow = false;
};

} // namespace md

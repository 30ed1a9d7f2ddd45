// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ComparedRuns.h"
#include "core/Domain.h"
#include "core/Error.h"
#include "models/AsyncJob.h"
#include "models/ChartData.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QAbstractButton;
class QCheckBox;
class QComboBox;
class QLabel;
class QSlider;

namespace Ui {
class ChartsPage;
}

namespace md {

class Cache;
class MetricChart;
class ParallelCoordinatesChart;

/// Charts of the compared runs (MetricChart): the history of one metric, one line per run, a bar
/// chart of its latest value per run, a scatter chart of one param (x) against that value (y),
/// one point per run, or parallel coordinates (ParallelCoordinatesChart) of chosen params and
/// metrics, one line per run; x mode, log y, smoothing, export as PNG, SVG or PDF. The scatter chart
/// leaves out runs without the param or the metric and says how many in the info text.
///
/// Parallel coordinates: the axes are the ones chosen with Axes… (kept in Settings as MLflow
/// names, "params.max_depth", "metrics.val_r2_score"; those the compared runs do not have are left
/// out), else defaultParallelAxes() with the chosen metric as the key metric. "Up is better" flips
/// lower-is-better metrics (by the comparison's remembered directions); lines are coloured by the
/// last axis or by run. Both choices are remembered too.
///
/// Reads the runs through the given Cache on the GUI thread. Histories load off the GUI thread
/// (HistoryLoader on a connection of its own to `cachePath`), one run at a time, so the chart
/// fills in as they arrive; histories of earlier runs or metrics are dropped when they arrive late.
/// Loaded histories are kept until the runs change. The cache must outlive the page.
class ChartsPage : public QWidget {
    Q_OBJECT
public:
    enum class Kind { History, Bar, Scatter, Parallel };

    ChartsPage(Cache *cache, QString cachePath, QWidget *parent = nullptr);
    ~ChartsPage() override;

    /// Charts these runs (MLflow run ids, in this order; of `sourceId` when given), keeping the
    /// chosen metric when they have it. Fails, keeping what was shown, when a run is not in the cache.
    Status setRuns(const QStringList &runIds, std::optional<qint64> sourceId = std::nullopt);
    /// Shows the empty state.
    void clear();
    /// Re-reads the runs (after an import) and reloads the shown histories.
    void reload();
    /// A live update: re-reads those of `runIds` that are charted (on a worker thread, dropped
    /// when the chart changed meanwhile) and their histories of the shown metric, and redraws their lines grown (MetricChart::setSeries keeps a view the person
    /// zoomed or panned). Does nothing while histories load (the next update catches up).
    void updateLive(const QStringList &runIds);
    QStringList runIds() const { return m_runs.ids; }

    /// Selects the metric; false when no compared run logged it.
    bool setMetric(const QString &key);
    QString metric() const;
    /// Selects the scatter chart's param; false when no compared run logged it.
    bool setParam(const QString &key);
    /// The scatter chart's param (empty when the compared runs have none).
    QString param() const;
    void setKind(Kind kind);
    Kind kind() const;
    /// Sets the parallel-coordinates axes (in this order) and remembers them; empty goes back to
    /// the default axes.
    void setParallelAxes(const QList<ParallelAxisKey> &axes);
    /// The axes the parallel-coordinates chart shows for the compared runs.
    QList<ParallelAxisKey> parallelAxes() const;
    /// Whether Settings are read and written (the remembered axes, flip and colour, and the
    /// comparison's metric directions). On by default; off for --screenshot. Re-reads them.
    void setUseSettings(bool use);
    /// True while histories of the shown metric are loading.
    bool isLoading() const { return m_historyJob.isRunning(); }
    /// The index (into runIds()) of the run whose history line, bar or scatter point is at `pos`
    /// (in the coordinates of chart()->plot()), within the plot's selection tolerance; the nearest
    /// line wins. -1 off them, on hidden lines and in the parallel-coordinates chart.
    int runAt(const QPoint &pos) const;
    /// Writes the chart as PNG, SVG or PDF by the suffix of `path` (MetricChart::exportTo).
    Status exportChart(const QString &path, QSize size = {});

    MetricChart *chart() const { return m_chart; }
    ParallelCoordinatesChart *parallelChart() const { return m_parallel; }
    QAbstractButton *axesButton() const;
    QCheckBox *flipCheck() const;
    QComboBox *colourCombo() const;
    QComboBox *metricCombo() const;
    QComboBox *kindCombo() const;
    QComboBox *paramCombo() const;
    QComboBox *xModeCombo() const;
    QCheckBox *logYCheck() const;
    QSlider *smoothingSlider() const;
    QLabel *infoLabel() const;
    QLabel *emptyLabel() const;
    QAbstractButton *exportButton() const;
    /// The colour of the run at this index for this palette (stable per index, lighter on dark).
    static QColor runColour(int index, const QPalette &palette);

Q_SIGNALS:
    /// Every history of the shown metric arrived (ok) or could not be loaded.
    void historiesLoaded(bool ok);
    /// One run's history of the shown metric arrived and is drawn.
    void seriesArrived(const QString &runId);
    /// The person clicked this run (MLflow run id) in a chart: its history line, its bar, its
    /// scatter point or its parallel-coordinates line (MainWindow selects it on the Compare tab).
    void runSelected(const QString &runId);

protected:
    void changeEvent(QEvent *event) override;

private:
    Status load(const QStringList &runIds, std::optional<qint64> sourceId);
    void showChart();
    void showScatter(const QString &key);
    void showParallel(const QString &key);
    void updateParallelInfo();
    void chooseParallelAxes();
    void updateKindControls();
    void startLoading();
    void updateControls();
    void chooseExportFile(const QString &suffix, const QString &filter);
    void setInfo(const QString &text);
    QString runLabel(int index) const;
    /// Selects `key` in `combo`; false when it is not there.
    static bool selectText(QComboBox *combo, const QString &key);

    std::unique_ptr<Ui::ChartsPage> m_ui;
    Cache *m_cache;
    QString m_cachePath;
    MetricChart *m_chart;
    ParallelCoordinatesChart *m_parallel;
    /// The axes chosen with Axes… (remembered); empty: the defaults.
    QList<ParallelAxisKey> m_chosenAxes;
    bool m_useSettings = true;

    ComparedRuns m_runs;
    /// The run (index into m_runs) of each scatter point, in the order the chart added them.
    QList<int> m_scatterRuns;
    /// Loaded histories: metric key, then run id.
    QHash<QString, QHash<QString, QList<MetricPoint>>> m_histories;
    bool m_updatingControls = false;

    /// Both discarded when the runs or the metric change: results of an older request are dropped.
    AsyncJob m_historyJob;  ///< histories of the shown metric, one run at a time
    AsyncJob m_liveJob;     ///< updateLive()'s re-read of the runs
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Side-by-side comparison of runs: one row per metric, param, tag and attribute, one value per run,
// each compared with a baseline run. Widget-free, so the GUI (ComparisonModel) and the CLI print
// the same table.

#include "core/Domain.h"
#include "core/MetricDirection.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace md {

/// Which value of a metric's history a comparison shows.
struct StepSelection {
    enum class Mode {
        Latest,  ///< MLflow's latest value (Run::latestMetrics); needs no history
        Min,     ///< the smallest value of the history (NaN only when every value is NaN)
        Max,     ///< the largest value of the history
        AtStep,  ///< the value logged at `step` (the latest one there); missing when none was
    };
    Mode mode = Mode::Latest;
    qint64 step = 0;  ///< for AtStep

    bool needsHistory() const { return mode != Mode::Latest; }
    friend bool operator==(const StepSelection &, const StepSelection &) = default;
};

/// Histories by run id, then metric key. Series ordered by step, then timestamp.
using RunHistories = QHash<QString, QHash<QString, QList<MetricPoint>>>;

/// The kinds of rows, in the order the rows come.
enum class ComparisonSection { Metric, Param, Tag, Attribute };

/// A cell compared with the baseline's cell of the same row.
enum class CellOutcome {
    None,       ///< nothing to compare: a value is missing, NaN/∞, or this row has no comparison
    Equal,      ///< the same value as the baseline (always so for the baseline's own cell)
    Improved,   ///< better than the baseline by the metric's direction
    Regressed,  ///< worse than the baseline by the metric's direction
    Changed,    ///< different, but with no direction (unknown-direction metric, param, tag, attribute)
};

struct ComparisonCell {
    bool present = false;        ///< the run has this metric, param, tag or attribute
    QString text;                ///< the value as text (metrics: ComparisonTable::formatNumber)
    std::optional<double> number;  ///< metrics only: the value (may be NaN or ±∞)
    std::optional<qint64> step;    ///< metrics only: the step the value was logged at
    /// Metrics only, set when both this value and the baseline's are finite: this − baseline …
    std::optional<double> delta;
    /// … and 100 × delta / |baseline| (unset when the baseline is 0).
    std::optional<double> deltaPercent;
    CellOutcome outcome = CellOutcome::None;
};

struct ComparisonRow {
    ComparisonSection section = ComparisonSection::Metric;
    QString key;  ///< the metric, param or tag key; for attributes MLflow's name (run_id, status, …)
    MetricDirection direction = MetricDirection::Unknown;  ///< metrics only
    bool directionOverridden = false;                      ///< the person chose the direction
    QList<ComparisonCell> cells;  ///< one per run, in run order
    /// The runs holding the best value (several on a tie). Empty when the direction is unknown,
    /// fewer than two runs have a finite value, or all finite values are equal.
    QList<int> bestRuns;
    /// False when every run has the same value (or all lack it): "Differences only" drops it.
    bool differs = false;

    /// MLflow's search name: "metrics.rmse", "params.max_depth", "tags.model_type",
    /// "attributes.status".
    QString qualifiedKey() const;
};

/// What the text exports contain and how they are laid out.
struct ComparisonExportOptions {
    bool onlyDifferences = false;  ///< drop rows whose `differs` is false
    QString search;                ///< keep rows whose qualified key contains this (case-insensitive)
    bool transposed = false;       ///< runs as rows, keys as columns
};

/// The comparison of a list of runs. Build with build(); immutable afterwards. (Named RunComparison:
/// md::Comparison is a clause of the search-filter language, SearchFilter.h.)
class RunComparison {
public:
    struct Options {
        int baseline = 0;            ///< index into the runs; clamped to the valid range
        StepSelection step;
        MetricDirections directions;
        /// Used for Min, Max and AtStep. A run missing here falls back to Run::history when its
        /// hasHistory is set; otherwise its metric cells are missing.
        RunHistories histories;
        bool includeAttributes = true;
    };

    RunComparison() = default;

    /// Rows: metrics, then params, then tags, then attributes (run_id, run_name, status, user_id,
    /// start_time, end_time, duration, experiment_id), keys sorted within each section. O(runs × keys).
    static RunComparison build(const QList<Run> &runs, const Options &options);

    const QList<Run> &runs() const { return m_runs; }
    int runCount() const { return int(m_runs.size()); }
    /// The run's name, or its id when it has none.
    QString runLabel(int run) const;
    int baseline() const { return m_baseline; }
    const StepSelection &step() const { return m_step; }
    const QList<ComparisonRow> &rows() const { return m_rows; }
    bool isEmpty() const { return m_runs.isEmpty(); }

    /// Indices into rows() that `options` keeps (onlyDifferences, search).
    QList<int> visibleRows(const ComparisonExportOptions &options) const;
    /// True when `row` contains `search` in its qualified key, case-insensitively (empty = all).
    static bool rowMatches(const ComparisonRow &row, const QString &search);

    /// Tab-separated, one line per row, "\n" line ends, no quoting (tabs and line breaks inside
    /// values become spaces). Header: "key" then the run labels; first column the qualified key.
    /// Numbers in C locale, shortest exact form ("0.89", "2653.2998"); missing values empty.
    /// Transposed: header "run" then the qualified keys, one line per run.
    QString toTsv(const ComparisonExportOptions &options = {}) const;
    /// The same grid as CSV (RFC 4180: fields with , " or line breaks quoted, "\r\n" line ends).
    QString toCsv(const ComparisonExportOptions &options = {}) const;
    /// A GitHub table for notes and reviews: display texts with deltas ("0.82 (−0.07, −7.9 %)"),
    /// the baseline's header marked "(baseline)", best values in bold, `|` escaped.
    QString toMarkdown(const ComparisonExportOptions &options = {}) const;
    /// JSON with MLflow's names: {"baseline_run_id", "step": {"mode": "latest|min|max|at_step",
    /// "step"}, "runs": [{"run_id", "run_name", "experiment_id", "status"}], "rows": [{"section":
    /// "metric|param|tag|attribute", "key", "direction": "higher|lower|none" (metrics),
    /// "direction_overridden", "differs", "best_run_ids": [...], "values": [{"run_id", "value"
    /// (number or string, null when missing, "NaN"/"Infinity"/"-Infinity" like MLflow), "step",
    /// "delta", "delta_pct", "outcome": "none|equal|improved|regressed|changed"}]}]}. Compact.
    QByteArray toJson(const ComparisonExportOptions &options = {}) const;

    /// The value with its deltas as the table shows it: "0.82 (−0.07, −7.9 %)"; only the value
    /// for the baseline and for cells without a delta; empty for a missing value.
    QString displayText(const ComparisonRow &row, int run) const;
    /// displayText() and shorter forms of it for a narrow column, longest first: the value
    /// with its delta and percentage, the value with the percentage only, the bare value.
    /// Forms equal to a longer one are left out.
    QStringList displayTexts(const ComparisonRow &row, int run) const;

    /// Up to 6 significant digits in the default locale, "NaN", "∞", "−∞" (like the runs table).
    static QString formatNumber(double value);
    /// "+0.01", "−0.07", "+741", "±0" (a zero delta): 3 significant digits, the default locale.
    static QString formatDelta(double delta);
    /// "+1.1 %", "−7.9 %" (one decimal, the default locale).
    static QString formatPercent(double percent);
    static QString sectionName(ComparisonSection section);  ///< "metric", "param", "tag", "attribute"
    static QString outcomeName(CellOutcome outcome);        ///< "none", "equal", "improved", …

    /// The cells the exports print: a header line, then one line per visible row. `display`:
    /// the texts with deltas as displayText() gives them; otherwise the plain values.
    QList<QStringList> grid(const ComparisonExportOptions &options, bool display) const;

private:

    QList<Run> m_runs;
    int m_baseline = 0;
    StepSelection m_step;
    QList<ComparisonRow> m_rows;
};

/// The run a comparison measures against by default: the run of the version in stage Production
/// (of any model, the first by model name then highest version) when it is among `runIds`, else
/// the run of a version with the alias `champion`, else 0 (the first run). Returns an index into
/// `runIds`.
int defaultBaselineIndex(const QStringList &runIds, const QList<RegisteredModel> &models);

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QString>

#include <atomic>
#include <functional>

namespace md {

/// The shape of a generated data set (`modeldesk-cli generate`).
struct DatasetSpec {
    qint64 runs = 0;       ///< 1 … kMaxRuns, spread over the experiments in blocks of equal size (±1)
    int metrics = 0;       ///< metrics per run, 0 … kMaxKeys, keys "metric_000" …
    int params = 0;        ///< params per run, 0 … kMaxKeys, keys "param_000" …
    qint64 steps = 1;      ///< points per metric (steps 0 … steps-1), 1 … kMaxSteps
    int experiments = 1;   ///< experiments "bench-1" … with ids 1 …, 1 … kMaxExperiments
    quint64 seed = 1;      ///< any value; the same spec and seed always give the same data

    static constexpr qint64 kMaxRuns = 10'000'000;
    static constexpr int kMaxKeys = 10'000;
    static constexpr qint64 kMaxSteps = 10'000'000;
    static constexpr int kMaxExperiments = 10'000;
};

/// What a spec generates, as every reader must count it. The Default experiment (id 0, no runs),
/// which MLflow always has, is included in `experiments`.
struct DatasetCounts {
    qint64 experiments = 0;
    qint64 runs = 0;
    qint64 metricPoints = 0;   ///< history points (runs × metrics × steps)
    qint64 latestMetrics = 0;  ///< runs × metrics
    qint64 params = 0;
    qint64 tags = 0;           ///< runs × 3: mlflow.runName, mlflow.source.type, mlflow.user
};

/// Deterministic benchmark and test data in MLflow's own formats: an MLflow FILE store (`mlruns/`,
/// laid out as MLflow 2.x writes it: meta.yaml, metrics/, params/, tags/) and an MLflow SQL
/// backend store on SQLite (`mlflow.db`, the schema of alembic revision acf3f17fdcc7, MLflow
/// 2.10). Both hold the same experiments, runs, values and timestamps; run ids are 32 hex digits
/// derived from the seed and the run's index. Every value is a pure function of (seed, run,
/// metric, step), so the same spec writes byte-identical metric, param and tag files and
/// identical database rows every time, and no run is held in memory longer than it is written.
///
/// The only difference between two outputs of one spec in different folders is the file store's
/// `artifact_uri` / `artifact_location`: MLflow records them as absolute `file://` URIs.
/// Not thread-safe per object; separate objects may run in parallel.
class DatasetGenerator {
public:
    /// Receives the number of runs written so far and the total, after every run.
    using ProgressFn = std::function<void(qint64 done, qint64 total)>;

    explicit DatasetGenerator(DatasetSpec spec);

    /// BadInput when a field of `spec` is out of its range; `where` names the field ("runs",
    /// "metrics", "params", "steps", "experiments") and the message the allowed range.
    static Status check(const DatasetSpec &spec);

    const DatasetSpec &spec() const { return m_spec; }
    DatasetCounts counts() const;

    /// Experiment `index` (0 = Default, 1 … spec.experiments) as the database holds it
    /// (artifact location "mlflow-artifacts:/<id>").
    Experiment experiment(int index) const;
    /// Run `index` (0 … runs-1) with params, tags, latest metrics and the full history
    /// (hasHistory set), as the database holds it (artifact URI "mlflow-artifacts:/…").
    Run run(qint64 index) const;
    /// The point of `metric` at `step` of run `index`: what run(index).history holds.
    MetricPoint point(qint64 index, int metric, qint64 step) const;

    /// Writes an MLflow file store into `mlrunsPath` (which must not exist yet) and/or an MLflow
    /// SQLite database at `dbPath` (must not exist yet); an empty path skips that output. Both are
    /// written in one pass over the runs. `artifactRoot` is the absolute folder the file store's
    /// artifact URIs point at (default: `mlrunsPath`), for a store built in one place and moved
    /// to another. Checks `cancel` before every run and returns Cancelled when it is set; on any
    /// error what was written so far is left for the caller to remove. Errors name the file.
    Status write(const QString &mlrunsPath, const QString &dbPath, const std::atomic_bool &cancel,
                 const ProgressFn &progress = {}, const QString &artifactRoot = {}) const;

    /// Writes `dir`/mlruns and `dir`/mlflow.db so that nobody ever sees half of them: everything
    /// is built in a hidden sibling folder and moved into place when complete; on an error or
    /// cancel that folder is removed and `dir` is left as it was. `dir` must not exist or be empty
    /// (BadInput naming it otherwise) unless `replace` is set: then its `mlruns/` and `mlflow.db`
    /// are replaced (only after the new ones are complete) and its other files are left alone.
    Status writeInto(const QString &dir, bool replace, const std::atomic_bool &cancel,
                     const ProgressFn &progress = {}) const;

    /// True when `dir` does not exist or is an empty folder (what writeInto accepts without replace).
    static bool isFreeTarget(const QString &dir);

private:
    /// run(index) without metrics.
    Run runHead(qint64 index) const;
    QString runId(qint64 index) const;
    int experimentOf(qint64 index) const;
    QString paramValue(qint64 index, int param) const;

    DatasetSpec m_spec;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QString>

#include <atomic>
#include <memory>

namespace md {

enum class SourceKind { FileStore, MlflowDb, ModelFolder, TrackingServer };

/// "file", "sqlite", "folder", "http" — the scheme we print and store.
QString sourceKindName(SourceKind kind);

/// A problem found while reading one item of a source. The item is skipped, the rest goes on.
struct ReadProblem {
    Error error;
};

/// Receives what a source reads, one unit of work at a time, in this order: experiments (each
/// before its runs), runs, registered models. Called on the reading thread. Each call is one
/// unit of work: the receiver stores it atomically or not at all.
class ImportSink {
public:
    virtual ~ImportSink() = default;
    /// Total number of runs the source will deliver, when known up front (for progress).
    virtual void expectRuns(qint64 total) { Q_UNUSED(total) }
    virtual Status experiment(const Experiment &experiment) = 0;
    /// `run.history` holds the full metric history when `run.hasHistory` is set.
    virtual Status run(const Run &run) = 0;
    virtual Status registeredModel(const RegisteredModel &model) = 0;
    /// An item that could not be read. The source skips it and continues.
    virtual void problem(const ReadProblem &problem) = 0;
};

/// One place where MLflow users keep runs. Implementations are not thread-safe: use one object
/// per thread. They never show UI.
class Source {
public:
    virtual ~Source() = default;
    virtual SourceKind kind() const = 0;
    /// The canonical URI, e.g. "file:///abs/path/mlruns".
    virtual QString uri() const = 0;
    /// Checks that the source is what it claims to be (exists, is readable, known schema).
    virtual Status open() = 0;
    /// Reads everything into `sink`. Stops early, returning ErrorCategory::Cancelled, when
    /// `cancel` becomes true, or with the sink's error when the sink fails (e.g. disk full).
    /// Problems with single items go to sink.problem() and do not fail the read.
    virtual Status readAll(ImportSink &sink, const std::atomic_bool &cancel) = 0;
};

/// Recognises a URI or a plain path (by what it holds) and returns the source for it, not yet
/// opened. Errors name the URI.
Result<std::unique_ptr<Source>> createSource(const QString &uriOrPath);

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "models/AsyncJob.h"
#include "sync/Importer.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <optional>

namespace md {

/// The outcome of importing one URI.
struct ImportOutcome {
    QString uri;                        ///< as requested
    std::optional<ImportReport> report; ///< set on success
    std::optional<Error> error;         ///< set on failure
};

/// One batch: the URIs of one start() call, imported one after the other.
struct ImportBatch {
    qint64 id = 0;
    QStringList uris;
    /// When set: writeDemo() into this folder first, unless it already holds something.
    QString demoDir;
    QList<ImportOutcome> outcomes;  ///< filled when finished, one per URI (fewer when cancelled)
    bool cancelled = false;
    /// A live update (startLive()): incremental, with the histories of running runs, and shown
    /// in place rather than as an import.
    bool live = false;

    bool ok() const;
};

/// Runs imports off the GUI thread: an AsyncJob calling Importer::importUri, each job with its own
/// cache and journal connections. Batches run one at a time, in the order started. Progress and
/// results arrive as signals on the thread that owns this object (the GUI thread). A batch still
/// running when the controller goes is cancelled and ends on its own (the importer checks its flag
/// often); nothing of it is reported.
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(QString cachePath, QString journalPath, QObject *parent = nullptr);

    /// Queues a batch and returns its id. It starts at once when nothing is running.
    qint64 start(const QStringList &uris, const QString &demoDir = {});
    /// Queues a live update of one source (ImportBatch::live) and returns its batch id.
    qint64 startLive(const QString &uri);
    /// Asks the running batch to stop and drops the queued ones. finished() still follows.
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    /// `live`: a startLive() batch. Said here because a batch may start inside start() or
    /// startLive(), before the caller has its id.
    void batchStarted(qint64 batchId, const QStringList &uris, bool live);
    /// `uri` is the one being read; `index` its position in the batch.
    void progress(qint64 batchId, const QString &uri, int index, const md::ImportProgress &progress);
    void batchFinished(const md::ImportBatch &batch);

private:
    void startNext();
    void onJobFinished(const ImportBatch &batch);

    QString m_cachePath;
    QString m_journalPath;
    QList<ImportBatch> m_queue;
    qint64 m_nextId = 1;
    AsyncJob m_job;  ///< the running batch
};

} // namespace md

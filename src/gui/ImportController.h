// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"
#include "sync/Importer.h"

#include <QFutureWatcher>
#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
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

/// Runs imports off the GUI thread: QtConcurrent::run calling Importer::importUri, each job with its
/// own cache and journal connections. Batches run one at a time, in the order started. Progress and
/// results arrive as signals on the thread that owns this object (the GUI thread).
class ImportController : public QObject {
    Q_OBJECT
public:
    ImportController(QString cachePath, QString journalPath, QObject *parent = nullptr);
    /// Cancels the running batch and waits for it to stop (the importer checks its flag often).
    ~ImportController() override;

    /// Queues a batch and returns its id. It starts at once when nothing is running.
    qint64 start(const QStringList &uris, const QString &demoDir = {});
    /// Queues a live update of one source (ImportBatch::live) and returns its batch id.
    qint64 startLive(const QString &uri);
    /// Asks the running batch to stop and drops the queued ones. finished() still follows.
    void cancel();
    bool isBusy() const;

Q_SIGNALS:
    void batchStarted(qint64 batchId, const QStringList &uris);
    /// `uri` is the one being read; `index` its position in the batch.
    void progress(qint64 batchId, const QString &uri, int index, const md::ImportProgress &progress);
    void batchFinished(const md::ImportBatch &batch);

private:
    void startNext();
    void onJobFinished();

    QString m_cachePath;
    QString m_journalPath;
    QList<ImportBatch> m_queue;
    qint64 m_nextId = 1;
    qint64 m_runningId = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<ImportBatch> *m_watcher;
};

} // namespace md

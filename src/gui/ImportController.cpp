// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportController.h"

#include "demo/DemoStore.h"

#include <QDir>

#include <functional>
#include <utility>

namespace md {

bool ImportBatch::ok() const
{
    if (cancelled || outcomes.size() != uris.size())
        return false;
    for (const ImportOutcome &o : outcomes)
        if (o.error)
            return false;
    return true;
}

namespace {

/// Reports the progress of one URI of a batch; called on the GUI thread.
using ProgressReport = std::function<void(qint64 batchId, const QString &uri, int index, const ImportProgress &)>;

// Runs on a worker thread: everything it touches is its own or a copy; `report` only goes to the
// GUI thread through the token.
ImportBatch runBatch(ImportBatch batch, const QString &cachePath, const QString &journalPath, const JobToken &token,
                     const ProgressReport &report)
{
    if (!batch.demoDir.isEmpty()) {
        const QDir dir(batch.demoDir);
        const bool present = dir.exists() && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
        if (!present) {
            if (Status s = writeDemo(batch.demoDir); !s) {
                for (const QString &uri : std::as_const(batch.uris))
                    batch.outcomes.append(ImportOutcome{uri, std::nullopt, s.error()});
                return batch;
            }
        }
    }
    for (int i = 0; i < batch.uris.size(); ++i) {
        if (token.isCancelled()) {
            batch.cancelled = true;
            break;
        }
        const QString uri = batch.uris.at(i);
        const qint64 id = batch.id;
        auto onProgress = [&token, &report, id, uri, i](const ImportProgress &p) {
            token.post([report, id, uri, i, p] { report(id, uri, i, p); });
        };
        ImportOptions options;
        options.liveHistories = batch.live;
        auto result = Importer::importUri(uri, cachePath, journalPath, token.cancelFlag(), onProgress, options);
        if (result) {
            batch.outcomes.append(ImportOutcome{uri, result.value(), std::nullopt});
        } else {
            batch.outcomes.append(ImportOutcome{uri, std::nullopt, result.error()});
            if (result.error().category == ErrorCategory::Cancelled) {
                batch.cancelled = true;
                break;
            }
        }
    }
    return batch;
}

} // namespace

ImportController::ImportController(QString cachePath, QString journalPath, QObject *parent)
    : QObject(parent), m_cachePath(std::move(cachePath)), m_journalPath(std::move(journalPath))
{
}

qint64 ImportController::start(const QStringList &uris, const QString &demoDir)
{
    ImportBatch batch;
    batch.id = m_nextId++;
    batch.uris = uris;
    batch.demoDir = demoDir;
    m_queue.append(batch);
    if (!isBusy())
        startNext();
    return batch.id;
}

qint64 ImportController::startLive(const QString &uri)
{
    ImportBatch batch;
    batch.id = m_nextId++;
    batch.uris = {uri};
    batch.live = true;
    m_queue.append(batch);
    if (!isBusy())
        startNext();
    return batch.id;
}

void ImportController::cancel()
{
    // Queued batches finish at once as cancelled, so that every start() gets its batchFinished().
    const QList<ImportBatch> dropped = std::exchange(m_queue, {});
    m_job.cancel();
    for (ImportBatch b : dropped) {
        b.cancelled = true;
        Q_EMIT batchFinished(b);
    }
}

bool ImportController::isBusy() const
{
    return m_job.isRunning();
}

void ImportController::startNext()
{
    // Busy when a batchFinished() handler started the next batch already.
    if (m_queue.isEmpty() || isBusy())
        return;
    const ImportBatch batch = m_queue.takeFirst();
    const ProgressReport report = [this](qint64 id, const QString &uri, int index, const ImportProgress &p) {
        Q_EMIT progress(id, uri, index, p);
    };
    const auto run = [batch, c = m_cachePath, j = m_journalPath, report](const JobToken &token) {
        return runBatch(batch, c, j, token, report);
    };
    // Stopped by cancel() it still reports, as cancelled: every start() gets its batchFinished().
    m_job.start(run, [this](const ImportBatch &finished) { onJobFinished(finished); });
    Q_EMIT batchStarted(batch.id, batch.uris, batch.live);
}

void ImportController::onJobFinished(const ImportBatch &batch)
{
    Q_EMIT batchFinished(batch);
    startNext();
}

} // namespace md

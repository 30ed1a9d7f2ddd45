// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportController.h"

#include "demo/DemoStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QtConcurrent/QtConcurrentRun>

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

// Runs on a worker thread: everything it touches is its own or a copy.
ImportBatch runBatch(ImportBatch batch, const QString &cachePath, const QString &journalPath,
                     std::shared_ptr<std::atomic_bool> cancel, ImportController *receiver)
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
        if (cancel->load()) {
            batch.cancelled = true;
            break;
        }
        const QString uri = batch.uris.at(i);
        const qint64 id = batch.id;
        // The receiver outlives the job (its destructor waits for it); a queued call still pending
        // when the receiver is destroyed is dropped by Qt.
        auto onProgress = [receiver, id, uri, i](const ImportProgress &p) {
            QMetaObject::invokeMethod(
                receiver, [receiver, id, uri, i, p] { Q_EMIT receiver->progress(id, uri, i, p); },
                Qt::QueuedConnection);
        };
        ImportOptions options;
        options.liveHistories = batch.live;
        auto result = Importer::importUri(uri, cachePath, journalPath, *cancel, onProgress, options);
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
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_journalPath(std::move(journalPath))
    , m_watcher(new QFutureWatcher<ImportBatch>(this))
{
    connect(m_watcher, &QFutureWatcher<ImportBatch>::finished, this, &ImportController::onJobFinished);
}

ImportController::~ImportController()
{
    m_queue.clear();
    if (m_cancel)
        m_cancel->store(true);
    // The job reports to this object, so it must end before this object does.
    m_watcher->waitForFinished();
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
    if (m_cancel)
        m_cancel->store(true);
    for (ImportBatch b : dropped) {
        b.cancelled = true;
        Q_EMIT batchFinished(b);
    }
}

bool ImportController::isBusy() const
{
    return m_runningId != 0;
}

void ImportController::startNext()
{
    if (m_queue.isEmpty())
        return;
    ImportBatch batch = m_queue.takeFirst();
    m_runningId = batch.id;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Q_EMIT batchStarted(batch.id, batch.uris);
    m_watcher->setFuture(QtConcurrent::run(runBatch, batch, m_cachePath, m_journalPath, m_cancel, this));
}

void ImportController::onJobFinished()
{
    const ImportBatch batch = m_watcher->result();
    m_runningId = 0;
    m_cancel.reset();
    Q_EMIT batchFinished(batch);
    startNext();
}

} // namespace md

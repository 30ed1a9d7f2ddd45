// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImportController.h"
#include "models/AsyncJob.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <optional>

class QFileSystemWatcher;
class QTimer;

namespace md {

/// Keeps the sources that have RUNNING runs up to date in the background: an incremental sync
/// (ImportController::startLive(), on the import worker) every serverInterval() for a tracking
/// server; for `mlruns/` and `mlflow.db` whenever a watched file changes (QFileSystemWatcher on
/// the running runs' folders and metric files, or on the database and its WAL), with a poll of
/// the same files' sizes and times every kPollMs because watchers miss changes on some file
/// systems (NFS, some containers). A source stops being followed when a sync finds none of its
/// runs RUNNING.
///
/// A local store is re-read whole (its source has no incremental read), so that each sync costs
/// at most 5 % of the time: the next one starts no sooner than 19 times the last one's duration
/// after it ended.
///
/// Which sources have running runs: from every finished batch's reports (handleBatch()), and at
/// start from the cache, read on a worker thread (rescan()). Lives on the GUI thread.
class LiveUpdater : public QObject {
    Q_OBJECT
public:
    /// How often the watched files of a local store are compared when no watcher reported.
    static constexpr int kPollMs = 2000;
    /// A burst of file changes (a metric file written, then the run's meta.yaml) is one sync.
    static constexpr int kSettleMs = 300;

    LiveUpdater(QString cachePath, ImportController *imports, QObject *parent = nullptr);
    ~LiveUpdater() override;

    /// Finds the sources with running runs in the cache (on a worker) and follows them.
    void rescan();
    /// Updates the followed sources from a finished batch (any: the person's or a live one).
    /// Returns true when the batch was a live update (ImportBatch::live).
    bool handleBatch(const ImportBatch &batch);

    /// No syncs start while paused; the running runs are still tracked from other syncs.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// Starts a live sync of the followed source `uri` now, whatever its schedule (nothing when
    /// paused, when it is not followed, or while its last one is still in flight). Benchmarks
    /// and tests; the schedule keeps syncs under 5 % of the time otherwise.
    void syncNow(const QString &uri);
    /// A tracking server's interval (Settings' LiveServerIntervalSeconds unless set here).
    void setServerInterval(int ms);
    int serverInterval() const { return m_serverIntervalMs; }

    /// True while some source has running runs (paused or not).
    bool hasLiveSources() const { return !m_sources.isEmpty(); }
    /// The URIs followed, sorted.
    QStringList liveSources() const;
    /// The running runs of a followed source.
    QStringList runningRuns(const QString &uri) const;
    /// When the last live sync ended (ms since the epoch); unset before the first.
    std::optional<qint64> lastSyncMs() const { return m_lastSyncMs; }
    /// Live syncs finished since this object was made (tests, benchmarks).
    int syncCount() const { return m_syncCount; }
    /// The files and folders watched for changes (tests).
    QStringList watchedPaths() const;

Q_SIGNALS:
    /// Sources started or stopped being followed, a sync ended, or pause toggled.
    void stateChanged();
    /// A live batch finished: the models should update in place. `changedRuns` are the runs that
    /// are or were running in it (their rows and chart lines may have moved on).
    void synced(const md::ImportBatch &batch, const QStringList &changedRuns);

private:
    struct Followed {
        QString uri;
        QStringList running;
        QStringList watched;     ///< local stores: what the watcher and the poll look at
        QByteArray signature;    ///< sizes and times of `watched` at the last look
        QTimer *timer = nullptr; ///< the next sync
        qint64 lastDurationMs = 0;
        QElapsedTimer sinceEnd;  ///< since the last live sync of this source ended
        bool dirty = false;      ///< a change was seen while a sync ran or the worker was busy
    };

    void follow(const QString &uri, const QStringList &running);
    void unfollow(const QString &uri);
    /// Starts the source's sync after `delayMs` (or later, when the import worker is busy).
    void schedule(Followed &f, int delayMs);
    /// The files a local source's running runs write; empty for a server.
    QStringList watchPaths(const QString &uri, const QStringList &running) const;
    static QByteArray signatureOf(const QStringList &paths);
    void rewatch();
    void onPathChanged(const QString &path);
    void poll();

    QString m_cachePath;
    ImportController *m_imports;
    QHash<QString, Followed> m_sources;
    /// The live batch in flight per source: one at a time.
    QHash<QString, qint64> m_inFlight;
    QFileSystemWatcher *m_watcher;
    QTimer *m_poll;
    bool m_paused = false;
    int m_serverIntervalMs;
    std::optional<qint64> m_lastSyncMs;
    int m_syncCount = 0;
    QElapsedTimer m_syncClock;  ///< since the live sync in flight started
    AsyncJob m_rescan;  ///< dropped when a batch's report comes first: that is newer
};

} // namespace md

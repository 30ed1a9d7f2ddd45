// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveUpdater.h"

#include "cache/Cache.h"
#include "core/Settings.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

bool isServer(const QString &uri)
{
    return uri.startsWith("http://"_L1) || uri.startsWith("https://"_L1);
}

/// The database file of an `sqlite:///…` URI (MlflowDbSource::uri()), empty for another URI.
QString databasePath(const QString &uri)
{
    return uri.startsWith("sqlite:///"_L1) ? uri.mid(10) : QString();
}

/// The root of a `file://…` file store, empty for another URI.
QString fileStoreRoot(const QString &uri)
{
    const QUrl url(uri);
    return url.isLocalFile() ? url.toLocalFile() : QString();
}

/// Sources of the cache with running runs: URI -> run ids. Runs on a worker thread.
QHash<QString, QStringList> runningInCache(const QString &cachePath)
{
    QHash<QString, QStringList> result;
    Cache cache;
    if (!cache.open(cachePath))
        return result;
    auto sources = cache.sources();
    if (!sources)
        return result;
    for (const SourceInfo &source : std::as_const(*sources)) {
        auto running = cache.runningRunIds(source.id);
        if (running && !running->isEmpty())
            result.insert(source.uri, *running);
    }
    return result;
}

} // namespace

LiveUpdater::LiveUpdater(QString cachePath, ImportController *imports, QObject *parent)
    : QObject(parent)
    , m_cachePath(std::move(cachePath))
    , m_imports(imports)
    , m_watcher(new QFileSystemWatcher(this))
    , m_poll(new QTimer(this))
{
    bool ok = false;
    const int seconds = Settings::instance().value(Settings::Key::LiveServerIntervalSeconds).toInt(&ok);
    m_serverIntervalMs = (ok && seconds > 0 ? seconds : 15) * 1000;
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &LiveUpdater::onPathChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &LiveUpdater::onPathChanged);
    m_poll->setInterval(kPollMs);
    connect(m_poll, &QTimer::timeout, this, &LiveUpdater::poll);
    connect(m_imports, &ImportController::batchStarted, this, [this](qint64, const QStringList &, bool live) {
        if (live)
            m_syncClock.start();
    });
}

LiveUpdater::~LiveUpdater() = default;

void LiveUpdater::rescan()
{
    m_rescan.start([path = m_cachePath](const JobToken &) { return runningInCache(path); },
                   [this](const QHash<QString, QStringList> &found) {
                       for (auto it = found.cbegin(); it != found.cend(); ++it)
                           if (!m_sources.contains(it.key()))
                               follow(it.key(), it.value());
                       Q_EMIT stateChanged();
                   });
}

bool LiveUpdater::handleBatch(const ImportBatch &batch)
{
    const bool live = batch.live;
    m_rescan.discard();  // this report is newer than what a rescan still reading would find
    for (auto it = m_inFlight.begin(); it != m_inFlight.end();)
        it = it.value() == batch.id ? m_inFlight.erase(it) : std::next(it);
    QStringList changed;
    for (const ImportOutcome &o : batch.outcomes) {
        if (!o.report) {
            // A live sync that failed (server away) tries again at its usual pace.
            if (auto f = m_sources.find(o.uri); live && f != m_sources.end())
                schedule(*f, isServer(f->uri) ? m_serverIntervalMs : kPollMs);
            continue;
        }
        const ImportReport &r = *o.report;
        changed += r.runningRunIds;
        changed += r.endedRunIds;
        if (r.runningRunIds.isEmpty()) {
            unfollow(r.uri);
            continue;
        }
        const QByteArray before = m_sources.contains(r.uri) ? m_sources.value(r.uri).signature : QByteArray();
        follow(r.uri, r.runningRunIds);
        Followed &f = m_sources[r.uri];
        if (live) {
            f.lastDurationMs = m_syncClock.isValid() ? m_syncClock.elapsed() : 0;
            f.sinceEnd.start();
        }
        if (isServer(r.uri))
            schedule(f, m_serverIntervalMs);
        else if (live && !before.isEmpty() && f.signature != before)
            schedule(f, kSettleMs);  // written to while the sync read: once more
    }
    if (live) {
        m_lastSyncMs = QDateTime::currentMSecsSinceEpoch();
        ++m_syncCount;
        changed.removeDuplicates();
        Q_EMIT synced(batch, changed);
    }
    Q_EMIT stateChanged();
    return live;
}

void LiveUpdater::setPaused(bool paused)
{
    if (m_paused == paused)
        return;
    m_paused = paused;
    for (Followed &f : m_sources) {
        if (paused)
            f.timer->stop();
        else
            schedule(f, kSettleMs);
    }
    Q_EMIT stateChanged();
}

void LiveUpdater::setServerInterval(int ms)
{
    m_serverIntervalMs = std::max(100, ms);
    for (Followed &f : m_sources)
        if (isServer(f.uri) && f.timer->isActive())
            schedule(f, m_serverIntervalMs);
}

QStringList LiveUpdater::liveSources() const
{
    QStringList uris = m_sources.keys();
    uris.sort();
    return uris;
}

QStringList LiveUpdater::runningRuns(const QString &uri) const
{
    return m_sources.value(uri).running;
}

QStringList LiveUpdater::watchedPaths() const
{
    return m_watcher->files() + m_watcher->directories();
}

void LiveUpdater::follow(const QString &uri, const QStringList &running)
{
    auto it = m_sources.find(uri);
    const bool added = it == m_sources.end();
    if (added) {
        it = m_sources.insert(uri, Followed{});
        it->uri = uri;
        it->timer = new QTimer(this);
        it->timer->setSingleShot(true);
        connect(it->timer, &QTimer::timeout, this, [this, uri] { syncNow(uri); });
    }
    it->running = running;
    if (!isServer(uri)) {
        it->watched = watchPaths(uri, running);
        it->signature = signatureOf(it->watched);
        rewatch();
    } else if (added) {
        schedule(*it, m_serverIntervalMs);
    }
}

void LiveUpdater::unfollow(const QString &uri)
{
    auto it = m_sources.find(uri);
    if (it == m_sources.end())
        return;
    delete it->timer;
    m_sources.erase(it);
    rewatch();
}

void LiveUpdater::schedule(Followed &f, int delayMs)
{
    if (m_paused)
        return;
    // At most 5 % of the time in syncs of this source: 19 × its duration between two.
    qint64 delay = delayMs;
    if (f.sinceEnd.isValid())
        delay = std::max(delay, 19 * f.lastDurationMs - f.sinceEnd.elapsed());
    if (f.timer->isActive() && f.timer->remainingTime() <= delay && !isServer(f.uri))
        return;  // a change already has its sync coming
    f.timer->start(int(std::clamp<qint64>(delay, 0, 24 * 3600 * 1000)));
}

void LiveUpdater::syncNow(const QString &uri)
{
    auto it = m_sources.find(uri);
    if (m_paused || it == m_sources.end() || m_inFlight.contains(uri))
        return;
    // What the sync starts from: a change after this look is caught when it ends.
    it->signature = signatureOf(it->watched);
    const qint64 id = m_imports->startLive(uri);
    m_inFlight.insert(uri, id);
}

QStringList LiveUpdater::watchPaths(const QString &uri, const QStringList &running) const
{
    QStringList paths;
    if (const QString db = databasePath(uri); !db.isEmpty()) {
        // MLflow writes through SQLite: the database, its WAL (where a writer's pages go first)
        // and the folder (where the WAL appears).
        paths = {db, db + "-wal"_L1, QFileInfo(db).absolutePath()};
        return paths;
    }
    const QString root = fileStoreRoot(uri);
    if (root.isEmpty())
        return paths;
    const QDir rootDir(root);
    const QStringList experiments = rootDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &runId : running) {
        for (const QString &experiment : experiments) {
            const QString runDir = rootDir.filePath(experiment + u'/' + runId);
            if (!QFileInfo(runDir + "/meta.yaml"_L1).exists())
                continue;
            // New runs appear in the experiment; the run's status in meta.yaml; points in the
            // metric files, new metrics in the metrics folder.
            paths << rootDir.filePath(experiment) << runDir + "/meta.yaml"_L1 << runDir + "/metrics"_L1;
            const QDir metrics(runDir + "/metrics"_L1);
            for (const QString &file : metrics.entryList(QDir::Files))
                paths << metrics.filePath(file);
            break;
        }
    }
    paths.removeDuplicates();
    return paths;
}

QByteArray LiveUpdater::signatureOf(const QStringList &paths)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (const QString &path : paths) {
        QFileInfo info(path);
        const qint64 data[2] = {info.exists() ? info.size() : -1,
                                info.exists() ? info.lastModified().toMSecsSinceEpoch() : 0};
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(data), sizeof data));
    }
    return hash.result();
}

void LiveUpdater::rewatch()
{
    QSet<QString> wanted;
    for (const Followed &f : std::as_const(m_sources))
        for (const QString &path : f.watched)
            if (QFileInfo::exists(path))
                wanted.insert(path);
    const QStringList current = watchedPaths();
    QStringList gone;
    for (const QString &path : current)
        if (!wanted.remove(path))
            gone.append(path);
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
    if (!wanted.isEmpty())
        m_watcher->addPaths(QStringList(wanted.cbegin(), wanted.cend()));
    bool local = false;
    for (const Followed &f : std::as_const(m_sources))
        local = local || !isServer(f.uri);
    if (local && !m_poll->isActive())
        m_poll->start();
    else if (!local)
        m_poll->stop();
}

void LiveUpdater::onPathChanged(const QString &path)
{
    for (Followed &f : m_sources) {
        if (!f.watched.contains(path))
            continue;
        schedule(f, kSettleMs);
    }
}

void LiveUpdater::poll()
{
    for (Followed &f : m_sources) {
        if (isServer(f.uri) || m_inFlight.contains(f.uri))
            continue;
        // A new metric file is not watched yet: a changed listing of the folder finds it.
        const QStringList paths = watchPaths(f.uri, f.running);
        const QByteArray now = signatureOf(paths);
        if (now == f.signature && paths == f.watched)
            continue;
        f.watched = paths;
        f.signature = now;
        schedule(f, kSettleMs);
    }
    rewatch();
}

} // namespace md

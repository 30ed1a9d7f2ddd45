// SPDX-License-Identifier: GPL-3.0-or-later
// `sync`: import a source into the cache, once or (--watch) again and again.
#include "Command.h"

#include "sync/Importer.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

#include <csignal>

namespace md::cli {

namespace {

/// `sync URI --watch SECONDS`: an incremental sync, then another every SECONDS (counted from the
/// end of the previous one) until SIGINT or SIGTERM. Each round prints one line saying what
/// changed. A signal during a round cancels it: the importer keeps the whole units it wrote
/// (each its own savepoint, the open batch committed) and nothing of the unit in progress, so
/// the cache is consistent and the next sync resumes from it. Exits 0 when interrupted; a round
/// that fails is reported on stderr and the next one tries again, except for the first round,
/// whose failure (a bad URI, no server) ends the command as a plain sync would.
int watchSync(Context &c, const QString &uri, ImportOptions options)
{
    bool ok = false;
    const double seconds = c.value(QStringLiteral("watch")).toDouble(&ok);
    if (!ok || !(seconds >= 0.1) || seconds > 86400)
        return c.usageError(Tr::tr("--watch needs a number of seconds between 0.1 and 86400"));
    options.liveHistories = true;
    if (Status st = c.cache.open(c.cachePath); !st)
        return c.fail(st.error());
    auto points = [&c](qint64 sourceId) -> qint64 {
        auto counts = c.cache.counts(sourceId);
        return counts ? counts->metricPoints : 0;
    };
    std::optional<qint64> sourceId;
    if (auto known = c.cache.sourceByUri(uri); known && *known)
        sourceId = (*known)->id;
    for (int round = 1; !cancelFlag().load(); ++round) {
        const qint64 pointsBefore = sourceId ? points(*sourceId) : 0;
        auto report = Importer::importUri(uri, c.cachePath, c.journalPath, cancelFlag(), {}, options);
        // Only the first round is full when asked: the later ones read what changed.
        options.full = false;
        options.histories = false;
        if (!report) {
            if (report.error().category == ErrorCategory::Cancelled)
                break;
            if (round == 1)
                return c.fail(report.error());
            c.err(Tr::tr("modeldesk-cli: error: %1").arg(report.error().toString()) + QLatin1Char('\n'));
        } else {
            sourceId = report->sourceId;
            const qint64 added = points(report->sourceId) - pointsBefore;
            for (const auto &p : std::as_const(report->problems))
                c.err((p.warning ? QStringLiteral("modeldesk-cli: warning: ") : QStringLiteral("modeldesk-cli: skipped: "))
                      + p.error.toString() + QLatin1Char('\n'));
            const QString when = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
            if (c.format == Format::Json) {
                json ended = json::array();
                for (const QString &id : std::as_const(report->endedRunIds))
                    ended.push_back(s(id));
                json running = json::array();
                for (const QString &id : std::as_const(report->runningRunIds))
                    running.push_back(s(id));
                c.out(QString::fromStdString(json{{"round", round}, {"time", s(when)}, {"source", s(report->uri)},
                                                  {"runs_changed", report->runsChanged}, {"running", running},
                                                  {"ended", ended}, {"metric_points_added", added},
                                                  {"registry_changes", report->changes.size()}}
                                                 .dump())
                      + QLatin1Char('\n'));
            } else if (!c.quiet || c.format == Format::Csv) {
                QString line = Tr::tr("%1 round %2: %3 runs changed, %4 running, %5 ended, %6 metric points added")
                                   .arg(when)
                                   .arg(round)
                                   .arg(report->runsChanged)
                                   .arg(report->runningRunIds.size())
                                   .arg(report->endedRunIds.size())
                                   .arg(added);
                if (!report->changes.isEmpty())
                    line += Tr::tr(", %1 registry changes").arg(report->changes.size());
                c.out(line + QLatin1Char('\n'));
            }
        }
        c.console.flush();
        QElapsedTimer wait;
        wait.start();
        while (!cancelFlag().load() && wait.elapsed() < qint64(seconds * 1000))
            QThread::msleep(50);
    }
    c.console.flush();
    return 0;
}

int cmdSync(Context &c)
{
    QString uri = c.positional.value(0);
    if (uri.isEmpty())
        uri = qEnvironmentVariable("MLFLOW_TRACKING_URI");
    if (uri.isEmpty())
        return c.usageError(Tr::tr("sync needs a SOURCE-URI (or MLFLOW_TRACKING_URI)"));
    cancelOn({SIGINT, SIGTERM});
    const bool showProgress = !c.quiet;
    // On a terminal one line rewrites itself; in a log each update is its own line.
    const bool tty = c.console.errIsTerminal();
    auto progress = [&c, showProgress, tty](const ImportProgress &p) {
        if (!showProgress)
            return;
        const QString bytes = p.bytes > 0 ? Tr::tr(", %1 KiB").arg(p.bytes / 1024) : QString();
        const QString line = p.runsTotal > 0 ? Tr::tr("%1: %2 of %3 runs").arg(p.phase).arg(p.runsDone).arg(p.runsTotal)
                                             : Tr::tr("%1: %2 runs").arg(p.phase).arg(p.runsDone);
        c.err(tty ? QString(QStringLiteral("\r") + line + bytes + QStringLiteral("\x1b[K")) : QString(line + bytes + QLatin1Char('\n')));
    };
    ImportOptions options;
    options.full = c.isSet(QStringLiteral("full"));
    options.histories = c.isSet(QStringLiteral("histories"));
    if (c.isSet(QStringLiteral("watch")))
        return watchSync(c, uri, options);
    auto report = Importer::importUri(uri, c.cachePath, c.journalPath, cancelFlag(), progress, options);
    if (showProgress && tty)
        c.err(QStringLiteral("\n"));
    if (!report)
        return c.fail(report.error());
    bool skipped = false;
    for (const auto &p : std::as_const(report->problems)) {
        skipped = skipped || !p.warning;
        c.err((p.warning ? QStringLiteral("modeldesk-cli: warning: ") : QStringLiteral("modeldesk-cli: skipped: "))
              + p.error.toString() + QLatin1Char('\n'));
    }
    if (c.format == Format::Json) {
        json problems = json::array();
        for (const auto &p : std::as_const(report->problems))
            problems.push_back({{"where", s(p.error.where)}, {"message", s(p.error.message)}, {"warning", p.warning}});
        json changes = json::array();
        for (const auto &ch : std::as_const(report->changes))
            changes.push_back({{"model", s(ch.model)}, {"version", ch.version}, {"field", s(ch.field)},
                               {"old", s(ch.oldValue)}, {"new", s(ch.newValue)}});
        c.printJson({{"source", s(report->uri)}, {"experiments", report->experiments}, {"runs", report->runs},
                     {"registered_models", report->models}, {"model_versions", report->versions},
                     {"problems", problems}, {"registry_changes", changes}});
    } else if (!c.quiet || c.format == Format::Csv) {
        c.out(Tr::tr("Imported %1 experiments, %2 runs, %3 registered models (%4 versions) from %5\n")
                  .arg(report->experiments)
                  .arg(report->runs)
                  .arg(report->models)
                  .arg(report->versions)
                  .arg(report->uri));
        for (const auto &ch : std::as_const(report->changes))
            c.out(Tr::tr("Registry change since the last sync: %1 v%2 %3: '%4' -> '%5'\n")
                      .arg(ch.model)
                      .arg(ch.version)
                      .arg(ch.field, ch.oldValue, ch.newValue));
    }
    return skipped ? 2 : 0;
}

} // namespace

QList<Command> syncCommands()
{
    return {
        {QStringLiteral("sync"), cmdSync,
         {valueOption(QStringLiteral("watch"), QStringLiteral("SECONDS")), flagOption(QStringLiteral("histories")),
          flagOption(QStringLiteral("full"))},
         false},
    };
}

} // namespace md::cli

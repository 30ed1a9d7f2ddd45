// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include "OutputTable.h"
#include "actions/ActionService.h"
#include "actions/Policy.h"
#include "actions/ReviewInbox.h"
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/RunComparison.h"
#include "models/TimelineData.h"
#include "sources/RegistryWriter.h"
#include "demo/DatasetGenerator.h"
#include "demo/DemoStore.h"
#include "sync/HistoryLoader.h"
#include "sync/Importer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QMap>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <csignal>
#include <unistd.h>
#include <cstdio>

namespace md::cli {

namespace {

using json = nlohmann::ordered_json;

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

void printOut(const QString &s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stdout);
}

void printErr(const QString &s)
{
    const QByteArray b = s.toUtf8();
    std::fwrite(b.constData(), 1, size_t(b.size()), stderr);
}

enum class Format { Table, Csv, Json };

struct Options {
    QString cachePath;
    QString journalPath;
    Format format = Format::Table;
    bool quiet = false;
    QString command;
    QStringList positional;
    QMultiMap<QString, QString> values;  ///< command options with a value
    QSet<QString> flags;                 ///< command options without a value
};

const char *kUsage = QT_TRANSLATE_NOOP("Cli",
    "Usage: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  sync SOURCE-URI [--full] [--histories] [--watch SECONDS]\n"
    "                             import a source into the cache (http(s)://, file://, sqlite://, folder://\n"
    "                             or a path); a server is read incrementally unless --full is given,\n"
    "                             --histories fetches every full metric history now; --watch syncs again\n"
    "                             every SECONDS (with the histories of running runs), one line per round,\n"
    "                             until Ctrl+C or SIGTERM (exit 0, the cache consistent)\n"
    "  sources                    the sources in the cache\n"
    "  stats                      what the cache holds of each source: runs, metric points, params, tags …\n"
    "  experiments [--deleted]    experiments with run counts\n"
    "  runs [--experiment NAME|ID] [--filter EXPR] [--order-by EXPR]... [--max N] [--deleted]\n"
    "                             runs; EXPR in MLflow's search syntax, e.g. \"metrics.rmse < 1\"\n"
    "  run RUN_ID                 one run with its metrics, params, tags and dataset inputs\n"
    "  history RUN_ID METRIC      every logged value of a metric\n"
    "  compare RUN_ID RUN_ID... [--baseline RUN_ID] [--step latest|min|max|N] [--diff-only]\n"
    "                             runs side by side with deltas against the baseline (default: the\n"
    "                             run behind the Production version or the champion alias)\n"
    "  models                     registered models (MLflow's prompts are listed by `prompts`)\n"
    "  versions MODEL             the versions of a registered model\n"
    "  prompts [PROMPT]           the prompts of MLflow 3's prompt registry; with PROMPT its versions,\n"
    "                             aliases and template text (prompts are never promoted or rolled back)\n"
    "  reviews [--policies FILE]  every version waiting for a review, in all sources and models: who asked\n"
    "                             and when (or the window in which a sync saw another tool move it),\n"
    "                             the key metric against Production, the A/B share\n"
    "  journal [verify] [--model MODEL]\n"
    "                             the journal of actions and observed registry changes\n"
    "  timeline MODEL             the version history of a model: stages, aliases, every event\n"
    "\n"
    "Registry actions (on the source that holds MODEL; --source URI chooses when several do):\n"
    "  register MODEL (--run RUN_ID | --from URI-OR-FILE) [--description TEXT] [--tag KEY=VALUE]...\n"
    "                             register a run's model (or, for a model folder, a model file) as a\n"
    "                             new version\n"
    "  promote MODEL VERSION --to Staging|Production|Archived|None|ALIAS\n"
    "                             Staging asks for a review; Production needs an approval and\n"
    "                             archives the version it replaces (kept as rollback target)\n"
    "  ab MODEL VERSION (--share PERCENT | --end)\n"
    "                             start or end an A/B test of a version in Staging\n"
    "  approve MODEL VERSION --note TEXT\n"
    "  reject MODEL VERSION --note TEXT\n"
    "                             decide a review; the approver must not be who asked for it\n"
    "  rollback MODEL [--to VERSION] --reason TEXT [--yes] [--report FILE]\n"
    "                             put the last known-good version back into Production now\n"
    "  queue [apply]              actions waiting for an unreachable server; apply re-checks them\n"
    "  Every action takes --dry-run (print the plan, change nothing) and --policies FILE.\n"
    "  demo --into DIR            write the bundled demo (MLflow file store and model folder)\n"
    "  generate --runs N --into DIR [--metrics M] [--params P] [--steps S] [--experiments E]\n"
    "           [--seed K] [--force]\n"
    "                             write a synthetic data set as an MLflow file store (DIR/mlruns) and an\n"
    "                             MLflow SQLite database (DIR/mlflow.db); defaults: 10 metrics, 10 params,\n"
    "                             1 step, 1 experiment, seed 1; the same arguments give the same data;\n"
    "                             --force replaces mlruns/ and mlflow.db in a folder that is not empty\n"
    "\n"
    "Global options:\n"
    "  --cache PATH    the cache file (default: $XDG_DATA_HOME/modeldesk/cache.sqlite)\n"
    "  --journal PATH  the journal file (default: journal.sqlite beside the cache)\n"
    "  --format F      table (default), csv or json\n"
    "  --source URI    limit listings to one source\n"
    "  --quiet         no progress on stderr\n"
    "  --version, --help\n"
    "\n"
    "Exit codes: 0 success, 1 runtime failure (also: the source changed under us), 2 usage error\n"
    "or bad input, 3 refused by a policy rule (the message names the rule).\n"
    "Who acts: the MLflow user signed in to a tracking server (MLFLOW_TRACKING_USERNAME), else $USER.\n"
    "MLFLOW_TRACKING_URI is used by 'sync' when no SOURCE-URI is given.\n");

int usageError(const QString &message)
{
    printErr(QStringLiteral("modeldesk-cli: ") + message + QLatin1Char('\n') + Tr::tr("Try 'modeldesk-cli --help'.") +
             QLatin1Char('\n'));
    return 2;
}

int fail(const Error &e)
{
    printErr(Tr::tr("modeldesk-cli: error: %1").arg(e.toString()) + QLatin1Char('\n'));
    return e.exitCode();
}

QString isoTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString numberText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 15);
}

/// MLflow's proto3 JSON: NaN and infinities as strings, numbers otherwise.
json jsonNumber(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

std::string s(const QString &q) { return q.toStdString(); }

json keyValues(const QList<KeyValue> &kvs)
{
    json a = json::array();
    for (const auto &kv : kvs)
        a.push_back({{"key", s(kv.key)}, {"value", s(kv.value)}});
    return a;
}

json runJson(const Run &r)
{
    json info = {{"run_id", s(r.runId)},           {"run_uuid", s(r.runId)},
                 {"run_name", s(r.runName)},       {"experiment_id", s(r.experimentId)},
                 {"user_id", s(r.userId)},         {"status", s(r.status)},
                 {"start_time", r.startTime},      {"end_time", nullptr},
                 {"artifact_uri", s(r.artifactUri)}, {"lifecycle_stage", s(r.lifecycleStage)}};
    if (r.endTime)
        info["end_time"] = *r.endTime;
    else
        info.erase("end_time");
    json metrics = json::array();
    for (const auto &m : r.latestMetrics)
        metrics.push_back({{"key", s(m.key)}, {"value", jsonNumber(m.value)}, {"timestamp", m.timestamp}, {"step", m.step}});
    json inputs = json::array();
    for (const auto &in : r.inputs) {
        json d = {{"dataset", {{"name", s(in.name)}, {"digest", s(in.digest)}, {"source_type", s(in.sourceType)},
                               {"source", s(in.source)}, {"schema", s(in.schema)}, {"profile", s(in.profile)}}}};
        if (!in.context.isEmpty())
            d["tags"] = json::array({{{"key", "mlflow.data.context"}, {"value", s(in.context)}}});
        inputs.push_back(d);
    }
    return {{"info", info},
            {"data", {{"metrics", metrics}, {"params", keyValues(r.params)}, {"tags", keyValues(r.tags)}}},
            {"inputs", {{"dataset_inputs", inputs}}}};
}

json versionJson(const ModelVersion &v)
{
    json j = {{"name", s(v.name)},
              {"version", std::to_string(v.version)},
              {"creation_timestamp", v.creationTime},
              {"last_updated_timestamp", v.lastUpdatedTime},
              {"user_id", s(v.userId)},
              {"current_stage", s(v.currentStage)},
              {"description", s(v.description)},
              {"source", s(v.source)},
              {"run_id", s(v.runId)},
              {"status", s(v.status)},
              {"run_link", s(v.runLink)},
              {"tags", keyValues(v.tags)},
              {"aliases", json::array()}};
    for (const auto &a : v.aliases)
        j["aliases"].push_back(s(a));
    return j;
}

void printJson(const json &j) { printOut(QString::fromStdString(j.dump(2)) + QLatin1Char('\n')); }

void printTable(const Options &o, const OutputTable &t)
{
    printOut(o.format == Format::Csv ? t.toCsv() : t.toText());
}

std::atomic_bool g_cancel{false};

void onSignal(int) { g_cancel = true; }

struct Context {
    Options o;
    Cache cache;
    std::optional<qint64> sourceId;

    Status openCache()
    {
        if (Status st = cache.open(o.cachePath); !st)
            return st;
        const QString src = o.values.value(QStringLiteral("--source"));
        if (src.isEmpty())
            return {};
        auto list = cache.sources();
        if (!list)
            return list.error();
        for (const auto &si : std::as_const(*list))
            if (si.uri == src || QString::number(si.id) == src) {
                sourceId = si.id;
                return {};
            }
        return makeError(ErrorCategory::NotFound, Tr::tr("no such source in the cache (see 'modeldesk-cli sources')"), src);
    }
};

// ------------------------------------------------------------------------------------------ commands

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
    const double seconds = c.o.values.value(QStringLiteral("--watch")).toDouble(&ok);
    if (!ok || !(seconds >= 0.1) || seconds > 86400)
        return usageError(Tr::tr("--watch needs a number of seconds between 0.1 and 86400"));
    options.liveHistories = true;
    if (Status st = c.cache.open(c.o.cachePath); !st)
        return fail(st.error());
    auto points = [&c](qint64 sourceId) -> qint64 {
        auto counts = c.cache.counts(sourceId);
        return counts ? counts->metricPoints : 0;
    };
    std::optional<qint64> sourceId;
    if (auto known = c.cache.sourceByUri(uri); known && *known)
        sourceId = (*known)->id;
    for (int round = 1; !g_cancel.load(); ++round) {
        const qint64 pointsBefore = sourceId ? points(*sourceId) : 0;
        auto report = Importer::importUri(uri, c.o.cachePath, c.o.journalPath, g_cancel, {}, options);
        // Only the first round is full when asked: the later ones read what changed.
        options.full = false;
        options.histories = false;
        if (!report) {
            if (report.error().category == ErrorCategory::Cancelled)
                break;
            if (round == 1)
                return fail(report.error());
            printErr(Tr::tr("modeldesk-cli: error: %1").arg(report.error().toString()) + QLatin1Char('\n'));
        } else {
            sourceId = report->sourceId;
            const qint64 added = points(report->sourceId) - pointsBefore;
            for (const auto &p : std::as_const(report->problems))
                printErr((p.warning ? QStringLiteral("modeldesk-cli: warning: ") : QStringLiteral("modeldesk-cli: skipped: "))
                         + p.error.toString() + QLatin1Char('\n'));
            const QString when = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
            if (c.o.format == Format::Json) {
                json ended = json::array();
                for (const QString &id : std::as_const(report->endedRunIds))
                    ended.push_back(s(id));
                json running = json::array();
                for (const QString &id : std::as_const(report->runningRunIds))
                    running.push_back(s(id));
                printOut(QString::fromStdString(json{{"round", round}, {"time", s(when)}, {"source", s(report->uri)},
                                                     {"runs_changed", report->runsChanged}, {"running", running},
                                                     {"ended", ended}, {"metric_points_added", added},
                                                     {"registry_changes", report->changes.size()}}
                                                    .dump())
                         + QLatin1Char('\n'));
            } else if (!c.o.quiet || c.o.format == Format::Csv) {
                QString line = Tr::tr("%1 round %2: %3 runs changed, %4 running, %5 ended, %6 metric points added")
                                   .arg(when)
                                   .arg(round)
                                   .arg(report->runsChanged)
                                   .arg(report->runningRunIds.size())
                                   .arg(report->endedRunIds.size())
                                   .arg(added);
                if (!report->changes.isEmpty())
                    line += Tr::tr(", %1 registry changes").arg(report->changes.size());
                printOut(line + QLatin1Char('\n'));
            }
        }
        std::fflush(stdout);
        QElapsedTimer wait;
        wait.start();
        while (!g_cancel.load() && wait.elapsed() < qint64(seconds * 1000))
            QThread::msleep(50);
    }
    std::fflush(stdout);
    return 0;
}

int cmdSync(Context &c)
{
    QString uri = c.o.positional.value(0);
    if (uri.isEmpty())
        uri = qEnvironmentVariable("MLFLOW_TRACKING_URI");
    if (uri.isEmpty())
        return usageError(Tr::tr("sync needs a SOURCE-URI (or MLFLOW_TRACKING_URI)"));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const bool showProgress = !c.o.quiet;
    // On a terminal one line rewrites itself; in a log each update is its own line.
    const bool tty = isatty(fileno(stderr));
    auto progress = [showProgress, tty](const ImportProgress &p) {
        if (!showProgress)
            return;
        const QString bytes = p.bytes > 0 ? Tr::tr(", %1 KiB").arg(p.bytes / 1024) : QString();
        const QString line = p.runsTotal > 0 ? Tr::tr("%1: %2 of %3 runs").arg(p.phase).arg(p.runsDone).arg(p.runsTotal)
                                             : Tr::tr("%1: %2 runs").arg(p.phase).arg(p.runsDone);
        printErr(tty ? QString(QStringLiteral("\r") + line + bytes + QStringLiteral("\x1b[K")) : QString(line + bytes + QLatin1Char('\n')));
    };
    ImportOptions options;
    options.full = c.o.flags.contains(QStringLiteral("--full"));
    options.histories = c.o.flags.contains(QStringLiteral("--histories"));
    if (c.o.values.contains(QStringLiteral("--watch")))
        return watchSync(c, uri, options);
    auto report = Importer::importUri(uri, c.o.cachePath, c.o.journalPath, g_cancel, progress, options);
    if (showProgress && tty)
        printErr(QStringLiteral("\n"));
    if (!report)
        return fail(report.error());
    bool skipped = false;
    for (const auto &p : std::as_const(report->problems)) {
        skipped = skipped || !p.warning;
        printErr((p.warning ? QStringLiteral("modeldesk-cli: warning: ") : QStringLiteral("modeldesk-cli: skipped: "))
                 + p.error.toString() + QLatin1Char('\n'));
    }
    if (c.o.format == Format::Json) {
        json problems = json::array();
        for (const auto &p : std::as_const(report->problems))
            problems.push_back({{"where", s(p.error.where)}, {"message", s(p.error.message)}, {"warning", p.warning}});
        json changes = json::array();
        for (const auto &ch : std::as_const(report->changes))
            changes.push_back({{"model", s(ch.model)}, {"version", ch.version}, {"field", s(ch.field)},
                               {"old", s(ch.oldValue)}, {"new", s(ch.newValue)}});
        printJson({{"source", s(report->uri)}, {"experiments", report->experiments}, {"runs", report->runs},
                   {"registered_models", report->models}, {"model_versions", report->versions},
                   {"problems", problems}, {"registry_changes", changes}});
    } else if (!c.o.quiet || c.o.format == Format::Csv) {
        printOut(Tr::tr("Imported %1 experiments, %2 runs, %3 registered models (%4 versions) from %5\n")
                     .arg(report->experiments)
                     .arg(report->runs)
                     .arg(report->models)
                     .arg(report->versions)
                     .arg(report->uri));
        for (const auto &ch : std::as_const(report->changes))
            printOut(Tr::tr("Registry change since the last sync: %1 v%2 %3: '%4' -> '%5'\n")
                         .arg(ch.model)
                         .arg(ch.version)
                         .arg(ch.field, ch.oldValue, ch.newValue));
    }
    return skipped ? 2 : 0;
}

int cmdSources(Context &c)
{
    auto list = c.cache.sources();
    if (!list)
        return fail(list.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &si : std::as_const(*list))
            a.push_back({{"id", si.id}, {"uri", s(si.uri)}, {"kind", s(si.kind)},
                         {"last_sync", si.lastSyncMs ? json(*si.lastSyncMs) : json(nullptr)},
                         {"last_error", s(si.lastError)}, {"experiments", si.experimentCount}, {"runs", si.runCount},
                         {"registered_models", si.modelCount}});
        printJson({{"sources", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("ID"), Tr::tr("Kind"), Tr::tr("URI"), Tr::tr("Experiments"), Tr::tr("Runs"), Tr::tr("Models"), Tr::tr("Last sync"), Tr::tr("Last error")}, {}};
    for (const auto &si : std::as_const(*list))
        t.rows.append({QString::number(si.id), si.kind, si.uri, QString::number(si.experimentCount),
                       QString::number(si.runCount), QString::number(si.modelCount),
                       si.lastSyncMs ? isoTime(*si.lastSyncMs) : QString(), si.lastError});
    printTable(c.o, t);
    return 0;
}

int cmdStats(Context &c)
{
    auto list = c.cache.sources();
    if (!list)
        return fail(list.error());
    struct Field {
        const char *name;
        qint64 Cache::Counts::*member;
    };
    static const Field fields[] = {
        {"experiments", &Cache::Counts::experiments},       {"deleted_experiments", &Cache::Counts::deletedExperiments},
        {"runs", &Cache::Counts::runs},                     {"metric_points", &Cache::Counts::metricPoints},
        {"latest_metrics", &Cache::Counts::latestMetrics},  {"params", &Cache::Counts::params},
        {"run_tags", &Cache::Counts::runTags},              {"experiment_tags", &Cache::Counts::experimentTags},
        {"registered_models", &Cache::Counts::models},      {"model_versions", &Cache::Counts::versions},
        {"aliases", &Cache::Counts::aliases},               {"version_tags", &Cache::Counts::versionTags},
        {"model_tags", &Cache::Counts::modelTags},
        {"logged_models", &Cache::Counts::loggedModels},
    };
    json all = json::array();
    OutputTable t{{Tr::tr("Source")}, {}};
    for (const auto &f : fields)
        t.headers.append(QString::fromLatin1(f.name));
    for (const auto &si : std::as_const(*list)) {
        if (c.sourceId && *c.sourceId != si.id)
            continue;
        auto counts = c.cache.counts(si.id);
        if (!counts)
            return fail(counts.error());
        json o = {{"source", s(si.uri)}};
        QStringList row{si.uri};
        for (const auto &f : fields) {
            o[f.name] = (*counts).*(f.member);
            row.append(QString::number((*counts).*(f.member)));
        }
        all.push_back(o);
        t.rows.append(row);
    }
    if (c.o.format == Format::Json)
        printJson({{"sources", all}});
    else
        printTable(c.o, t);
    return 0;
}

int cmdExperiments(Context &c)
{
    auto list = c.cache.experiments(c.sourceId, c.o.flags.contains(QStringLiteral("--deleted")));
    if (!list)
        return fail(list.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &x : std::as_const(*list)) {
            const Experiment &e = x.experiment;
            a.push_back({{"experiment_id", s(e.experimentId)}, {"name", s(e.name)},
                         {"artifact_location", s(e.artifactLocation)}, {"lifecycle_stage", s(e.lifecycleStage)},
                         {"creation_time", e.creationTime}, {"last_update_time", e.lastUpdateTime},
                         {"tags", keyValues(e.tags)}, {"run_count", x.runCount}, {"deleted_run_count", x.deletedRunCount},
                         {"source_id", x.sourceId}});
        }
        printJson({{"experiments", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Experiment ID"), Tr::tr("Name"), Tr::tr("Runs"), Tr::tr("Deleted runs"), Tr::tr("Stage"), Tr::tr("Created"), Tr::tr("Source")}, {}};
    for (const auto &x : std::as_const(*list))
        t.rows.append({x.experiment.experimentId, x.experiment.name, QString::number(x.runCount),
                       QString::number(x.deletedRunCount), x.experiment.lifecycleStage, isoTime(x.experiment.creationTime),
                       QString::number(x.sourceId)});
    printTable(c.o, t);
    return 0;
}

int cmdRuns(Context &c)
{
    RunQuery q;
    q.sourceId = c.sourceId;
    q.experiments = c.o.values.values(QStringLiteral("--experiment"));
    q.filter = c.o.values.value(QStringLiteral("--filter"));
    const QStringList orderBy = c.o.values.values(QStringLiteral("--order-by"));
    q.orderBy = QStringList(orderBy.crbegin(), orderBy.crend());  // QMultiMap returns the last first
    std::reverse(q.experiments.begin(), q.experiments.end());
    q.onlyDeleted = c.o.flags.contains(QStringLiteral("--deleted"));
    if (c.o.values.contains(QStringLiteral("--max"))) {
        bool ok = false;
        q.limit = c.o.values.value(QStringLiteral("--max")).toLongLong(&ok);
        if (!ok || q.limit < 0)
            return usageError(Tr::tr("--max needs a number, got '%1'").arg(c.o.values.value(QStringLiteral("--max"))));
    }
    if (!q.experiments.isEmpty()) {
        auto exps = c.cache.experiments(c.sourceId, true);
        if (!exps)
            return fail(exps.error());
        for (const auto &want : std::as_const(q.experiments)) {
            const bool known = std::any_of(exps->cbegin(), exps->cend(), [&](const ExperimentInfo &x) {
                return x.experiment.experimentId == want || x.experiment.name == want;
            });
            if (!known)
                return fail(makeError(ErrorCategory::NotFound, Tr::tr("no experiment with this name or id in the cache"), want));
        }
    }
    auto rows = c.cache.runs(q);
    if (!rows)
        return fail(rows.error());
    // A key no run has gives no runs, as in MLflow; say so on stderr instead of leaving the
    // person with an empty table. The output and the exit code stay what MLflow's answer is.
    if (!q.filter.trimmed().isEmpty()) {
        const SearchKeyScope scope = q.experiments.size() == 1 ? SearchKeyScope::Experiment
            : !q.experiments.isEmpty()                          ? SearchKeyScope::Experiments
            : c.sourceId                                        ? SearchKeyScope::Source
                                                                : SearchKeyScope::Cache;
        if (auto unknown = c.cache.unknownFilterKeys(q))
            for (const UnknownSearchKey &u : std::as_const(*unknown))
                printErr(Tr::tr("modeldesk-cli: warning: %1").arg(unknownSearchKeyMessage(u, scope)) + QLatin1Char('\n'));
    }
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &r : std::as_const(*rows))
            a.push_back(runJson(r.run));
        printJson({{"runs", a}});
        return 0;
    }
    // MLflow's search_runs() data frame columns: attributes, then metrics.*, params.*, tags.*.
    QStringList metricKeys, paramKeys, tagKeys;
    {
        QSet<QString> m, p, t;
        for (const auto &r : std::as_const(*rows)) {
            for (const auto &x : r.run.latestMetrics)
                m.insert(x.key);
            for (const auto &x : r.run.params)
                p.insert(x.key);
            for (const auto &x : r.run.tags)
                t.insert(x.key);
        }
        metricKeys = QStringList(m.cbegin(), m.cend());
        paramKeys = QStringList(p.cbegin(), p.cend());
        tagKeys = QStringList(t.cbegin(), t.cend());
        metricKeys.sort();
        paramKeys.sort();
        tagKeys.sort();
    }
    const bool csv = c.o.format == Format::Csv;
    OutputTable t;
    t.headers = {QStringLiteral("run_id"), QStringLiteral("run_name"), QStringLiteral("experiment_id"), QStringLiteral("status"),
                 QStringLiteral("start_time"), QStringLiteral("end_time")};
    if (csv)
        t.headers << QStringLiteral("user_id") << QStringLiteral("artifact_uri") << QStringLiteral("lifecycle_stage");
    for (const auto &k : std::as_const(metricKeys))
        t.headers << QStringLiteral("metrics.") + k;
    for (const auto &k : std::as_const(paramKeys))
        t.headers << QStringLiteral("params.") + k;
    if (csv)
        for (const auto &k : std::as_const(tagKeys))
            t.headers << QStringLiteral("tags.") + k;
    for (const auto &row : std::as_const(*rows)) {
        const Run &r = row.run;
        QStringList cells{r.runId, r.runName, r.experimentId, r.status, isoTime(r.startTime),
                          r.endTime ? isoTime(*r.endTime) : QString()};
        if (csv)
            cells << r.userId << r.artifactUri << r.lifecycleStage;
        QHash<QString, double> mv;
        for (const auto &x : r.latestMetrics)
            mv.insert(x.key, x.value);
        for (const auto &k : std::as_const(metricKeys))
            cells << (mv.contains(k) ? numberText(mv.value(k)) : QString());
        QHash<QString, QString> pv;
        for (const auto &x : r.params)
            pv.insert(x.key, x.value);
        for (const auto &k : std::as_const(paramKeys))
            cells << pv.value(k);
        if (csv) {
            QHash<QString, QString> tv;
            for (const auto &x : r.tags)
                tv.insert(x.key, x.value);
            for (const auto &k : std::as_const(tagKeys))
                cells << tv.value(k);
        }
        t.rows.append(cells);
    }
    printTable(c.o, t);
    if (!csv && !c.o.quiet)
        printErr(Tr::tr("%n run(s)\n", nullptr, int(rows->size())));
    return 0;
}

int cmdRun(Context &c)
{
    if (c.o.positional.size() != 1)
        return usageError(Tr::tr("run needs exactly one RUN_ID"));
    auto row = c.cache.run(c.o.positional[0], c.sourceId);
    if (!row)
        return fail(row.error());
    const Run &r = row->run;
    if (c.o.format == Format::Json) {
        printJson({{"run", runJson(r)}});
        return 0;
    }
    OutputTable t{{Tr::tr("Section"), Tr::tr("Key"), Tr::tr("Value")}, {}};
    auto add = [&](const QString &section, const QString &k, const QString &v) { t.rows.append({section, k, v}); };
    const QString attr = QStringLiteral("attribute");
    add(attr, QStringLiteral("run_id"), r.runId);
    add(attr, QStringLiteral("run_name"), r.runName);
    add(attr, QStringLiteral("experiment_id"), r.experimentId);
    add(attr, QStringLiteral("status"), r.status);
    add(attr, QStringLiteral("start_time"), isoTime(r.startTime));
    add(attr, QStringLiteral("end_time"), r.endTime ? isoTime(*r.endTime) : QString());
    add(attr, QStringLiteral("user_id"), r.userId);
    add(attr, QStringLiteral("artifact_uri"), r.artifactUri);
    add(attr, QStringLiteral("lifecycle_stage"), r.lifecycleStage);
    for (const auto &m : r.latestMetrics)
        add(QStringLiteral("metric"), m.key, numberText(m.value) + Tr::tr(" (step %1)").arg(m.step));
    for (const auto &p : r.params)
        add(QStringLiteral("param"), p.key, p.value);
    for (const auto &p : r.tags)
        add(QStringLiteral("tag"), p.key, p.value);
    for (const auto &in : r.inputs)
        add(QStringLiteral("dataset"), in.name, Tr::tr("digest %1, context %2, source %3").arg(in.digest, in.context, in.source));
    if (c.o.format == Format::Csv)
        printOut(t.toCsv());
    else
        printOut(t.toText(80));
    return 0;
}

int cmdHistory(Context &c)
{
    if (c.o.positional.size() != 2)
        return usageError(Tr::tr("history needs RUN_ID and METRIC"));
    auto row = c.cache.run(c.o.positional[0], c.sourceId);
    if (!row)
        return fail(row.error());
    // Served from the cache; a remote source's history is fetched once and cached.
    std::signal(SIGINT, onSignal);
    HistoryLoader loader(c.cache);
    auto loaded = loader.load({HistoryLoader::Request{row->rowId, c.o.positional[1]}}, g_cancel);
    if (!loaded)
        return fail(loaded.error());
    const QList<MetricPoint> *h = &loaded->first();
    if (h->isEmpty()) {
        const bool known = std::any_of(row->run.latestMetrics.cbegin(), row->run.latestMetrics.cend(),
                                       [&](const MetricPoint &m) { return m.key == c.o.positional[1]; });
        return fail(makeError(ErrorCategory::NotFound,
                              known ? Tr::tr("the source has no history for this metric")
                                    : Tr::tr("run %1 has no metric with this name").arg(row->run.runId),
                              c.o.positional[1]));
    }
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &m : std::as_const(*h))
            a.push_back({{"key", s(m.key)}, {"value", jsonNumber(m.value)}, {"timestamp", m.timestamp}, {"step", m.step}});
        printJson({{"metrics", a}});
        return 0;
    }
    OutputTable t{{QStringLiteral("step"), QStringLiteral("timestamp"), QStringLiteral("value")}, {}};
    for (const auto &m : std::as_const(*h))
        t.rows.append({QString::number(m.step), c.o.format == Format::Csv ? QString::number(m.timestamp) : isoTime(m.timestamp),
                       numberText(m.value)});
    printTable(c.o, t);
    return 0;
}

int cmdCompare(Context &c)
{
    if (c.o.positional.size() < 2)
        return usageError(Tr::tr("compare needs at least two RUN_IDs"));
    // The runs in the order given; each must exist (in the chosen source, or any).
    auto found = c.cache.runsByIds(c.o.positional, c.sourceId);
    if (!found)
        return fail(found.error());
    const QList<RunRow> &rows = *found;
    QList<Run> runs;
    QStringList ids;
    for (const auto &r : rows) {
        runs.append(r.run);
        ids.append(r.run.runId);
    }
    RunComparison::Options options;
    const QString step = c.o.values.value(QStringLiteral("--step"), QStringLiteral("latest"));
    if (step == QLatin1String("min"))
        options.step.mode = StepSelection::Mode::Min;
    else if (step == QLatin1String("max"))
        options.step.mode = StepSelection::Mode::Max;
    else if (step != QLatin1String("latest")) {
        bool ok = false;
        options.step.step = step.toLongLong(&ok);
        if (!ok || options.step.step < 0)
            return usageError(Tr::tr("--step takes latest, min, max or a step number, not '%1'").arg(step));
        options.step.mode = StepSelection::Mode::AtStep;
    }
    const QString baseline = c.o.values.value(QStringLiteral("--baseline"));
    if (!baseline.isEmpty()) {
        options.baseline = int(ids.indexOf(baseline));
        if (options.baseline < 0)
            return usageError(Tr::tr("the baseline %1 is not one of the compared runs").arg(baseline));
    } else {
        auto models = c.cache.registeredModels(rows.first().sourceId);
        options.baseline = models ? defaultBaselineIndex(ids, *models) : 0;
    }
    if (options.step.needsHistory()) {
        QList<HistoryLoader::Request> requests;
        QList<QPair<QString, QString>> keys;
        for (const auto &r : std::as_const(rows))
            for (const auto &m : r.run.latestMetrics) {
                requests.append({r.rowId, m.key});
                keys.append({r.run.runId, m.key});
            }
        std::signal(SIGINT, onSignal);
        HistoryLoader loader(c.cache);
        auto loaded = loader.load(requests, g_cancel);
        if (!loaded)
            return fail(loaded.error());
        for (qsizetype i = 0; i < keys.size(); ++i)
            options.histories[keys[i].first][keys[i].second] = loaded->at(i);
    }
    const RunComparison table = RunComparison::build(runs, options);
    ComparisonExportOptions exportOptions;
    exportOptions.onlyDifferences = c.o.flags.contains(QStringLiteral("--diff-only"));
    switch (c.o.format) {
    case Format::Json: printOut(QString::fromUtf8(table.toJson(exportOptions))); break;
    case Format::Csv: printOut(table.toCsv(exportOptions)); break;
    case Format::Table: {
        const auto grid = table.grid(exportOptions, true);
        OutputTable t;
        if (!grid.isEmpty()) {
            t.headers = grid.first();
            t.rows = grid.mid(1);
        }
        printOut(t.toText(40));
        if (!c.o.quiet)
            printErr(Tr::tr("Baseline: %1. Deltas are against it; **bold** marks the best value of a row.\n")
                         .arg(table.runLabel(table.baseline())));
        break;
    }
    }
    return 0;
}

/// A registered model's aliases as MLflow's JSON lists them (versions as strings).
json aliasesJson(const RegisteredModel &m)
{
    json aliases = json::array();
    for (const auto &al : m.aliases)
        aliases.push_back({{"alias", s(al.alias)}, {"version", std::to_string(al.version)}});
    return aliases;
}

/// "champion=v2, challenger=v3" for a table.
QString aliasesText(const RegisteredModel &m)
{
    QStringList aliases;
    for (const auto &a : m.aliases)
        aliases << a.alias + QStringLiteral("=v") + QString::number(a.version);
    return aliases.join(QStringLiteral(", "));
}

int cmdModels(Context &c)
{
    auto models = c.cache.registeredModels(c.sourceId);
    if (!models)
        return fail(models.error());
    models->removeIf([](const RegisteredModel &m) { return m.isPrompt(); });
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &m : std::as_const(*models)) {
            json latest = json::array();
            QMap<QString, const ModelVersion *> byStage;
            for (const auto &v : m.versions)
                byStage[v.currentStage] = &v;
            for (const auto *v : std::as_const(byStage))
                latest.push_back(versionJson(*v));
            a.push_back({{"name", s(m.name)}, {"creation_timestamp", m.creationTime},
                         {"last_updated_timestamp", m.lastUpdatedTime}, {"description", s(m.description)},
                         {"latest_versions", latest}, {"tags", keyValues(m.tags)}, {"aliases", aliasesJson(m)}});
        }
        printJson({{"registered_models", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Name"), Tr::tr("Versions"), Tr::tr("Production"), Tr::tr("Staging"), Tr::tr("Aliases"), Tr::tr("Description")}, {}};
    for (const auto &m : std::as_const(*models)) {
        QStringList prod, staging;
        for (const auto &v : m.versions) {
            if (v.currentStage == kStageProduction)
                prod << QString::number(v.version);
            if (v.currentStage == kStageStaging)
                staging << QString::number(v.version);
        }
        t.rows.append({m.name, QString::number(m.versions.size()), prod.join(QLatin1Char(',')), staging.join(QLatin1Char(',')),
                       aliasesText(m), m.description});
    }
    printTable(c.o, t);
    return 0;
}

int cmdVersions(Context &c)
{
    if (c.o.positional.size() != 1)
        return usageError(Tr::tr("versions needs a MODEL name"));
    auto m = c.cache.registeredModel(c.o.positional[0], c.sourceId);
    if (!m)
        return fail(m.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &v : m->versions)
            a.push_back(versionJson(v));
        printJson({{"model_versions", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Version"), Tr::tr("Stage"), Tr::tr("Aliases"), Tr::tr("Run ID"), Tr::tr("Status"), Tr::tr("Created"), Tr::tr("Description")}, {}};
    for (const auto &v : m->versions)
        t.rows.append({QString::number(v.version), v.currentStage, v.aliases.join(QStringLiteral(", ")), v.runId, v.status,
                       isoTime(v.creationTime), v.description});
    printTable(c.o, t);
    return 0;
}

/// The template text of a prompt version (MLflow keeps it in a version tag).
QString promptText(const ModelVersion &v)
{
    for (const KeyValue &t : v.tags)
        if (t.key == kPromptTextTag)
            return t.value;
    return {};
}

int cmdPrompts(Context &c)
{
    if (c.o.positional.size() > 1)
        return usageError(Tr::tr("prompts takes at most one PROMPT name"));
    auto models = c.cache.registeredModels(c.sourceId);
    if (!models)
        return fail(models.error());
    models->removeIf([](const RegisteredModel &m) { return !m.isPrompt(); });
    if (c.o.positional.isEmpty()) {
        if (c.o.format == Format::Json) {
            json a = json::array();
            for (const auto &m : std::as_const(*models)) {
                a.push_back({{"name", s(m.name)}, {"creation_timestamp", m.creationTime},
                             {"last_updated_timestamp", m.lastUpdatedTime}, {"description", s(m.description)},
                             {"versions", m.versions.size()}, {"aliases", aliasesJson(m)}, {"tags", keyValues(m.tags)}});
            }
            printJson({{"prompts", a}});
            return 0;
        }
        OutputTable t{{Tr::tr("Prompt"), Tr::tr("Versions"), Tr::tr("Aliases"), Tr::tr("Description")}, {}};
        for (const auto &m : std::as_const(*models)) {
            t.rows.append({m.name, QString::number(m.versions.size()), aliasesText(m), m.description});
        }
        printTable(c.o, t);
        return 0;
    }
    const QString name = c.o.positional[0];
    const auto it = std::find_if(models->cbegin(), models->cend(), [&](const RegisteredModel &m) { return m.name == name; });
    if (it == models->cend()) {
        auto model = c.cache.registeredModel(name, c.sourceId);
        if (model)
            return fail(makeError(ErrorCategory::BadInput, Tr::tr("this is a registered model, not a prompt: see `versions`"),
                                  name));
        return fail(makeError(ErrorCategory::NotFound, Tr::tr("no prompt with this name in the cache"), name));
    }
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &v : it->versions) {
            json j = versionJson(v);
            j["template"] = s(promptText(v));
            a.push_back(j);
        }
        printJson({{"prompt_versions", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Version"), Tr::tr("Aliases"), Tr::tr("Created"), Tr::tr("Template")}, {}};
    for (const auto &v : it->versions)
        t.rows.append({QString::number(v.version), v.aliases.join(QStringLiteral(", ")), isoTime(v.creationTime),
                       promptText(v)});
    printTable(c.o, t);
    return 0;
}

/// ISO 8601 UTC to the second, as ModelDesk's tags write times; empty for 0.
QString isoSeconds(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

/// A number for JSON, or null when it is NaN (not known).
json numberOrNull(double v)
{
    return std::isnan(v) ? json(nullptr) : json(v);
}

json stringOrNull(const QString &text)
{
    return text.isEmpty() ? json(nullptr) : json(s(text));
}

int cmdReviews(Context &c)
{
    if (!c.o.positional.isEmpty())
        return usageError(Tr::tr("reviews takes no arguments"));
    Journal journal;
    if (Status st = journal.open(c.o.journalPath); !st)
        return fail(st.error());
    auto policies = Policies::load(c.o.values.value(QStringLiteral("--policies")));
    if (!policies)
        return fail(policies.error());
    auto inbox = ReviewInbox::collect(c.cache, &journal, *policies, c.sourceId);
    if (!inbox)
        return fail(inbox.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const ReviewRequest &r : std::as_const(*inbox)) {
            json aliases = json::array();
            for (const QString &alias : r.aliases)
                aliases.push_back(s(alias));
            json j = {{"source", s(r.sourceUri)},
                      {"name", s(r.model)},
                      {"version", r.version},
                      {"stage", s(r.stage)},
                      {"aliases", aliases},
                      {"requested_by", stringOrNull(r.requestedBy)},
                      {"requested_at", stringOrNull(isoSeconds(r.requestedAtMs))},
                      {"requester_known", r.requesterKnown()}};
            if (!r.requesterKnown()) {
                j["window_start"] = stringOrNull(isoSeconds(r.windowStartMs));
                j["window_end"] = stringOrNull(isoSeconds(r.windowEndMs));
                j["window_seen_by_sync"] = r.windowObserved;
            }
            j["run_id"] = stringOrNull(r.runId);
            j["key_metric"] = stringOrNull(r.keyMetric);
            j["key_metric_direction"] = s(metricDirectionName(r.keyMetricDirection));
            j["key_metric_value"] = numberOrNull(r.keyMetricValue);
            j["production_version"] = r.productionVersion ? json(r.productionVersion) : json(nullptr);
            j["production_value"] = numberOrNull(r.productionValue);
            // 0.88 - 0.89 is -0.010000000000000009 in binary; 15 digits are what the values have.
            j["key_metric_delta"] = numberOrNull(QString::number(r.keyMetricDelta(), 'g', 15).toDouble());
            j["ab_share"] = r.abShare ? json(*r.abShare) : json(nullptr);
            a.push_back(j);
        }
        printJson({{"reviews", a}});
        return 0;
    }
    const bool csv = c.o.format == Format::Csv;
    if (!csv && inbox->isEmpty()) {
        printOut(Tr::tr("Nothing waits for review.\n"));
        return 0;
    }
    OutputTable t{{Tr::tr("Source"), Tr::tr("Model"), Tr::tr("Version"), Tr::tr("Stage / aliases"), Tr::tr("Requested by"),
                   Tr::tr("Requested at"), Tr::tr("Key metric"), Tr::tr("Value"), Tr::tr("Δ vs Production"),
                   Tr::tr("A/B share")},
                  {}};
    for (const ReviewRequest &r : std::as_const(*inbox)) {
        QStringList where{r.stage};
        where += r.aliases;
        QString when = isoSeconds(r.requestedAtMs);
        if (!r.requesterKnown())
            when = r.windowStartMs > 0 ? Tr::tr("%1 – %2", "a time window").arg(isoSeconds(r.windowStartMs), isoSeconds(r.windowEndMs))
                                       : Tr::tr("before %1").arg(isoSeconds(r.windowEndMs));
        QString delta;
        if (!std::isnan(r.keyMetricDelta()))
            delta = (r.keyMetricDelta() > 0 ? QStringLiteral("+") : QString()) + numberText(r.keyMetricDelta())
                    + (csv ? QString() : Tr::tr(" (v%1)").arg(r.productionVersion));
        t.rows.append({r.sourceUri, r.model, QString::number(r.version), where.join(QStringLiteral(", ")),
                       r.requesterKnown() ? r.requestedBy : Tr::tr("unknown — moved by another tool"), when, r.keyMetric,
                       std::isnan(r.keyMetricValue) ? QString() : numberText(r.keyMetricValue), delta,
                       r.abShare ? QString::number(*r.abShare) + (csv ? QString() : QStringLiteral(" %")) : QString()});
    }
    printTable(c.o, t);
    return 0;
}

int cmdJournal(Context &c)
{
    Journal j;
    if (Status st = j.open(c.o.journalPath); !st)
        return fail(st.error());
    if (c.o.positional.value(0) == QLatin1String("verify")) {
        if (Status st = j.verify(); !st)
            return fail(st.error());
        printOut(Tr::tr("The journal is intact: %1\n").arg(c.o.journalPath));
        return 0;
    }
    if (!c.o.positional.isEmpty())
        return usageError(Tr::tr("unknown journal command '%1'").arg(c.o.positional[0]));
    auto entries = j.entries(c.o.values.value(QStringLiteral("--source")), c.o.values.value(QStringLiteral("--model")));
    if (!entries)
        return fail(entries.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &e : std::as_const(*entries))
            a.push_back({{"seq", e.seq}, {"time", e.timeMs}, {"source", s(e.sourceUri)}, {"kind", s(e.kind)},
                         {"subject", s(e.subject)}, {"user", s(e.user)}, {"note", s(e.note)},
                         {"details", json::parse(QJsonDocument(e.details).toJson(QJsonDocument::Compact).toStdString())},
                         {"hash", s(e.hash)}});
        printJson({{"entries", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("#"), Tr::tr("Time"), Tr::tr("Kind"), Tr::tr("Subject"), Tr::tr("Details"), Tr::tr("Source")}, {}};
    for (const auto &e : std::as_const(*entries))
        t.rows.append({QString::number(e.seq), isoTime(e.timeMs), e.kind, e.subject,
                       QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)), e.sourceUri});
    printTable(c.o, t);
    return 0;
}

int cmdDemo(Context &c)
{
    const QString dir = c.o.values.value(QStringLiteral("--into"));
    if (dir.isEmpty())
        return usageError(Tr::tr("demo needs --into DIR"));
    if (Status st = writeDemo(dir); !st)
        return fail(st.error());
    if (!c.o.quiet)
        printOut(Tr::tr("Wrote the demo to %1\n  MLflow file store: %2\n  model folder:      %3\n")
                     .arg(dir, demoFileStoreUri(dir), demoModelFolderUri(dir)));
    return 0;
}

/// The value of a numeric option of `generate`, or a usage error naming the option.
std::optional<qint64> numberOption(const Context &c, const QString &name, qint64 fallback, qint64 low, qint64 high)
{
    if (!c.o.values.contains(name))
        return fallback;
    const QString text = c.o.values.value(name);
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < low || v > high) {
        usageError(Tr::tr("%1 needs a whole number from %2 to %3, got '%4'").arg(name).arg(low).arg(high).arg(text));
        return std::nullopt;
    }
    return v;
}

int cmdGenerate(Context &c)
{
    if (!c.o.positional.isEmpty())
        return usageError(Tr::tr("generate takes no positional arguments, got '%1'").arg(c.o.positional.first()));
    const QString dir = c.o.values.value(QStringLiteral("--into"));
    if (dir.isEmpty())
        return usageError(Tr::tr("generate needs --into DIR"));
    if (!c.o.values.contains(QStringLiteral("--runs")))
        return usageError(Tr::tr("generate needs --runs N"));
    DatasetSpec spec;
    const auto runs = numberOption(c, QStringLiteral("--runs"), 0, 1, DatasetSpec::kMaxRuns);
    const auto metrics = numberOption(c, QStringLiteral("--metrics"), 10, 0, DatasetSpec::kMaxKeys);
    const auto params = numberOption(c, QStringLiteral("--params"), 10, 0, DatasetSpec::kMaxKeys);
    const auto steps = numberOption(c, QStringLiteral("--steps"), 1, 1, DatasetSpec::kMaxSteps);
    const auto experiments = numberOption(c, QStringLiteral("--experiments"), 1, 1, DatasetSpec::kMaxExperiments);
    if (!runs || !metrics || !params || !steps || !experiments)
        return 2;
    if (c.o.values.contains(QStringLiteral("--seed"))) {
        bool ok = false;
        spec.seed = c.o.values.value(QStringLiteral("--seed")).toULongLong(&ok);
        if (!ok)
            return usageError(Tr::tr("--seed needs a whole number from 0 to %1, got '%2'")
                                  .arg(std::numeric_limits<quint64>::max())
                                  .arg(c.o.values.value(QStringLiteral("--seed"))));
    }
    spec.runs = *runs;
    spec.metrics = int(*metrics);
    spec.params = int(*params);
    spec.steps = *steps;
    spec.experiments = int(*experiments);
    const bool force = c.o.flags.contains(QStringLiteral("--force"));
    if (!force && QFileInfo(dir).isDir() && !DatasetGenerator::isFreeTarget(dir))
        return fail(makeError(ErrorCategory::BadInput,
                              Tr::tr("the folder exists and is not empty; nothing was written (--force replaces its "
                                     "mlruns/ and mlflow.db)"),
                              dir));
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    const bool tty = isatty(fileno(stderr));
    QElapsedTimer shown;
    shown.start();
    const DatasetGenerator generator(spec);
    auto progress = [&](qint64 done, qint64 total) {
        if (c.o.quiet || (done < total && shown.elapsed() < 200))
            return;
        shown.restart();
        const QString line = Tr::tr("Generating: %1 of %2 runs").arg(done).arg(total);
        printErr(tty ? QString(QStringLiteral("\r") + line + QStringLiteral("\x1b[K")) : QString(line + QLatin1Char('\n')));
    };
    const Status st = generator.writeInto(dir, force, g_cancel, progress);
    if (!c.o.quiet && tty)
        printErr(QStringLiteral("\n"));
    if (!st)
        return fail(st.error());
    const DatasetCounts n = generator.counts();
    const QString abs = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QString fileStore = QUrl::fromLocalFile(abs + QStringLiteral("/mlruns")).toString();
    const QString database = QStringLiteral("sqlite:///") + abs + QStringLiteral("/mlflow.db");
    if (c.o.format == Format::Json) {
        printJson({{"file_store", s(fileStore)}, {"database", s(database)}, {"experiments", n.experiments},
                   {"runs", n.runs}, {"metric_points", n.metricPoints}, {"latest_metrics", n.latestMetrics},
                   {"params", n.params}, {"tags", n.tags}, {"seed", spec.seed}});
    } else if (!c.o.quiet) {
        printOut(Tr::tr("Wrote %1 runs in %2 experiments (%3 metric points, %4 params, %5 tags)\n"
                        "  MLflow file store: %6\n  MLflow database:   %7\n")
                     .arg(n.runs)
                     .arg(n.experiments)
                     .arg(n.metricPoints)
                     .arg(n.params)
                     .arg(n.tags)
                     .arg(fileStore, database));
    }
    return 0;
}

// ------------------------------------------------------------------------------------------ actions

/// The source an action on `model` goes to: --source, else the one source in the cache that holds
/// the model, else MLFLOW_TRACKING_URI.
Result<QString> actionSource(Context &c, const QString &model)
{
    const QString given = c.o.values.value(QStringLiteral("--source"));
    if (!given.isEmpty()) {
        if (c.sourceId) {
            auto list = c.cache.sources();
            if (list)
                for (const auto &si : std::as_const(*list))
                    if (si.id == *c.sourceId)
                        return si.uri;
        }
        return given;
    }
    auto models = c.cache.registeredModels(std::nullopt);
    auto list = c.cache.sources();
    if (models && list) {
        QStringList holders;
        for (const auto &si : std::as_const(*list)) {
            auto mine = c.cache.registeredModels(si.id);
            if (!mine)
                continue;
            for (const auto &m : std::as_const(*mine))
                if (m.name == model)
                    holders.append(si.uri);
        }
        if (holders.size() == 1)
            return holders.first();
        if (holders.size() > 1)
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("model '%1' is in several sources (%2); choose one with --source").arg(model, holders.join(QStringLiteral(", "))),
                             QStringLiteral("--source"));
    }
    const QString env = qEnvironmentVariable("MLFLOW_TRACKING_URI");
    if (!env.isEmpty())
        return env;
    return makeError(ErrorCategory::NotFound,
                     Tr::tr("no source in the cache holds model '%1'; sync it first or give --source").arg(model), model);
}

struct ActionSetup {
    std::unique_ptr<RegistryWriter> writer;
    Journal journal;
    std::unique_ptr<ActionService> service;
};

Result<std::unique_ptr<ActionSetup>> setUpActions(Context &c, const QString &model)
{
    auto uri = actionSource(c, model);
    if (!uri)
        return uri.error();
    auto setup = std::make_unique<ActionSetup>();
    auto writer = createRegistryWriter(*uri);
    if (!writer)
        return writer.error();
    setup->writer = std::move(*writer);
    // An unreachable server is not an error yet: the action then waits in the queue.
    if (Status st = setup->writer->open(); !st && st.error().category != ErrorCategory::Network)
        return st.error();
    if (Status st = setup->journal.open(c.o.journalPath); !st)
        return st.error();
    auto policies = Policies::load(c.o.values.value(QStringLiteral("--policies")));
    if (!policies)
        return policies.error();
    setup->service = std::make_unique<ActionService>(*setup->writer, setup->journal, &c.cache, *policies,
                                                     currentIdentity(setup->writer->uri()));
    setup->service->setArtifactCheck(artifactPresenceCheck(setup->writer->uri(), &c.cache));
    return setup;
}

Result<qint64> versionArgument(const QString &text, const QString &what)
{
    bool ok = false;
    QString t = text;
    if (t.startsWith(QLatin1Char('v')) || t.startsWith(QLatin1Char('V')))
        t.remove(0, 1);
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v <= 0)
        return makeError(ErrorCategory::BadInput, Tr::tr("'%1' is not a version number").arg(text), what);
    return v;
}

json planJson(const ActionPlan &p)
{
    json steps = json::array();
    for (const auto &st : p.steps)
        steps.push_back(s(st.describe(p.request.model)));
    json checks = json::array();
    for (const auto &ch : p.checks)
        checks.push_back(s(ch));
    json j = {{"action", s(actionKindName(p.request.kind))}, {"model", s(p.request.model)}, {"version", p.version},
              {"user", s(p.user)}, {"scheme", s(schemeName(p.scheme))}, {"summary", s(p.summary)},
              {"checks", checks}, {"steps", steps}};
    if (p.fromVersion)
        j["from_version"] = p.fromVersion;
    return j;
}

void printPlan(const ActionPlan &p, bool dryRun)
{
    printOut((dryRun ? Tr::tr("Plan (dry run, nothing is written): %1\n") : Tr::tr("%1\n")).arg(p.summary));
    printOut(Tr::tr("  as %1 (%2), model uses %3\n").arg(p.user, p.userOrigin, schemeName(p.scheme)));
    for (const auto &ch : p.checks)
        printOut(Tr::tr("  check: %1\n").arg(ch));
    for (const auto &st : p.steps)
        printOut(Tr::tr("  %1: %2\n").arg(dryRun ? Tr::tr("would") : Tr::tr("did"), st.describe(p.request.model)));
}

int runAction(Context &c, ActionRequest request)
{
    auto setup = setUpActions(c, request.model);
    if (!setup)
        return fail(setup.error());
    ActionService &svc = *(*setup)->service;
    request.sourceUri = (*setup)->writer->uri();
    const bool dryRun = c.o.flags.contains(QStringLiteral("--dry-run"));
    if (dryRun) {
        auto plan = svc.plan(request);
        if (!plan)
            return fail(plan.error());
        if (c.o.format == Format::Json)
            printJson({{"dry_run", true}, {"plan", planJson(*plan)}});
        else
            printPlan(*plan, true);
        return 0;
    }
    if (request.kind == ActionKind::Rollback && !c.o.flags.contains(QStringLiteral("--yes"))) {
        auto plan = svc.plan(request);
        if (!plan)
            return fail(plan.error());
        if (!isatty(fileno(stdin)))
            return usageError(Tr::tr("rollback asks before it acts; add --yes when not at a terminal"));
        printPlan(*plan, true);
        printErr(Tr::tr("Roll back now? [y/N] "));
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            printErr(Tr::tr("Nothing was changed.\n"));
            return 1;
        }
        // The user confirmed this target and what is in Production now: a rollback must not
        // silently pick another one, nor act when someone else moved Production meanwhile.
        request.version = plan->version;
        for (const auto &v : plan->before.versions)
            if (v.version == plan->fromVersion)
                request.expected = VersionSnapshot::of(v);
    }
    auto outcome = svc.execute(request, true);
    if (!outcome)
        return fail(outcome.error());
    if (outcome->queued) {
        printErr(Tr::tr("modeldesk-cli: %1 cannot be reached; the action waits in the queue (#%2) and is applied by "
                        "'modeldesk-cli queue apply' once its preconditions hold again\n")
                     .arg(request.sourceUri)
                     .arg(outcome->queueId));
        if (c.o.format == Format::Json)
            printJson({{"queued", true}, {"queue_id", outcome->queueId}, {"journal_seq", outcome->journalSeq}});
        return 1;
    }
    const QString reportPath = c.o.values.value(QStringLiteral("--report"));
    if (!reportPath.isEmpty() && !outcome->incidentReport.isEmpty()) {
        QFile f(reportPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(outcome->incidentReport.toUtf8()) < 0)
            return fail(makeError(ErrorCategory::Storage, Tr::tr("cannot write the incident report: %1").arg(f.errorString()), reportPath));
    }
    if (c.o.format == Format::Json) {
        json j = {{"plan", planJson(outcome->plan)}, {"journal_seq", outcome->journalSeq}};
        if (outcome->hook)
            j["reload_hook"] = {{"what", s(outcome->hook->what)}, {"ok", outcome->hook->ok},
                                {"timed_out", outcome->hook->timedOut}, {"exit_code", outcome->hook->exitCode},
                                {"elapsed_ms", outcome->hook->elapsedMs}, {"output", s(outcome->hook->output)}};
        if (!outcome->incidentReport.isEmpty())
            j["incident_report"] = s(outcome->incidentReport);
        printJson(j);
    } else if (!c.o.quiet) {
        printPlan(outcome->plan, false);
        printOut(Tr::tr("  journal entry #%1\n").arg(outcome->journalSeq));
        if (outcome->hook)
            printOut(Tr::tr("  reload hook %1: %2 (%3 ms)\n")
                         .arg(outcome->hook->what,
                              outcome->hook->ok ? Tr::tr("ok") : outcome->hook->timedOut ? Tr::tr("timed out") : Tr::tr("failed"))
                         .arg(outcome->hook->elapsedMs));
        if (!outcome->incidentReport.isEmpty() && reportPath.isEmpty())
            printOut(QStringLiteral("\n") + outcome->incidentReport);
    }
    return outcome->hook && !outcome->hook->ok ? 1 : 0;
}

int cmdRegister(Context &c)
{
    if (c.o.positional.size() != 1)
        return usageError(Tr::tr("register needs a MODEL name"));
    ActionRequest r;
    r.kind = ActionKind::Register;
    r.model = c.o.positional[0];
    r.newVersion.name = r.model;
    r.newVersion.runId = c.o.values.value(QStringLiteral("--run"));
    r.newVersion.source = c.o.values.value(QStringLiteral("--from"));
    r.newVersion.description = c.o.values.value(QStringLiteral("--description"));
    if (r.newVersion.source.isEmpty()) {
        if (r.newVersion.runId.isEmpty())
            return usageError(Tr::tr("register needs --run RUN_ID or --from URI-OR-FILE"));
        auto run = c.cache.run(r.newVersion.runId, c.sourceId);
        if (!run)
            return fail(run.error());
        // MLflow's convention: a run's model is logged under the artifact path "model".
        r.newVersion.source = run->run.artifactUri + QStringLiteral("/model");
    }
    const auto tags = c.o.values.values(QStringLiteral("--tag"));
    for (qsizetype i = tags.size() - 1; i >= 0; --i) {
        const QString &t = tags.at(i);
        if (!t.contains(QLatin1Char('=')) || t.startsWith(QLatin1Char('=')))
            return usageError(Tr::tr("--tag needs KEY=VALUE, not '%1'").arg(t));
        r.newVersion.tags.append({t.section(QLatin1Char('='), 0, 0), t.section(QLatin1Char('='), 1)});
    }
    return runAction(c, r);
}

int cmdPromote(Context &c)
{
    if (c.o.positional.size() != 2)
        return usageError(Tr::tr("promote needs MODEL VERSION --to TARGET"));
    ActionRequest r;
    r.kind = ActionKind::Promote;
    r.model = c.o.positional[0];
    auto v = versionArgument(c.o.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return fail(v.error());
    r.version = *v;
    r.target = c.o.values.value(QStringLiteral("--to"));
    if (r.target.isEmpty())
        return usageError(Tr::tr("promote needs --to Staging|Production|Archived|None|ALIAS"));
    r.note = c.o.values.value(QStringLiteral("--note"));
    return runAction(c, r);
}

int cmdAb(Context &c)
{
    if (c.o.positional.size() != 2)
        return usageError(Tr::tr("ab needs MODEL VERSION and --share PERCENT or --end"));
    ActionRequest r;
    r.model = c.o.positional[0];
    auto v = versionArgument(c.o.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return fail(v.error());
    r.version = *v;
    if (c.o.flags.contains(QStringLiteral("--end"))) {
        r.kind = ActionKind::AbEnd;
    } else {
        r.kind = ActionKind::AbStart;
        QString share = c.o.values.value(QStringLiteral("--share"));
        if (share.isEmpty())
            return usageError(Tr::tr("ab needs --share PERCENT or --end"));
        share.remove(QLatin1Char('%'));
        bool ok = false;
        r.sharePercent = share.toDouble(&ok);
        if (!ok)
            return fail(makeError(ErrorCategory::BadInput, Tr::tr("'%1' is not a percentage").arg(share), QStringLiteral("--share")));
    }
    return runAction(c, r);
}

int decide(Context &c, ActionKind kind)
{
    if (c.o.positional.size() != 2)
        return usageError(Tr::tr("%1 needs MODEL VERSION --note TEXT").arg(c.o.command));
    ActionRequest r;
    r.kind = kind;
    r.model = c.o.positional[0];
    auto v = versionArgument(c.o.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return fail(v.error());
    r.version = *v;
    r.note = c.o.values.value(QStringLiteral("--note"));
    return runAction(c, r);
}

int cmdApprove(Context &c) { return decide(c, ActionKind::Approve); }
int cmdReject(Context &c) { return decide(c, ActionKind::Reject); }

int cmdRollback(Context &c)
{
    if (c.o.positional.size() != 1)
        return usageError(Tr::tr("rollback needs a MODEL name"));
    ActionRequest r;
    r.kind = ActionKind::Rollback;
    r.model = c.o.positional[0];
    if (c.o.values.contains(QStringLiteral("--to"))) {
        auto v = versionArgument(c.o.values.value(QStringLiteral("--to")), QStringLiteral("--to"));
        if (!v)
            return fail(v.error());
        r.version = *v;
    }
    r.note = c.o.values.value(QStringLiteral("--reason"));
    return runAction(c, r);
}

int cmdQueue(Context &c)
{
    Journal j;
    if (Status st = j.open(c.o.journalPath); !st)
        return fail(st.error());
    ActionQueue queue(j);
    const QString sub = c.o.positional.value(0);
    if (sub == QLatin1String("apply")) {
        auto pending = queue.list(c.o.values.value(QStringLiteral("--source")), true);
        if (!pending)
            return fail(pending.error());
        QSet<QString> sources;
        for (const auto &a : std::as_const(*pending))
            sources.insert(a.request.sourceUri);
        int rc = 0;
        for (const QString &uri : std::as_const(sources)) {
            auto writer = createRegistryWriter(uri);
            if (!writer) {
                rc = fail(writer.error());
                continue;
            }
            if (Status st = (*writer)->open(); !st) {
                rc = fail(st.error());
                continue;
            }
            auto policies = Policies::load(c.o.values.value(QStringLiteral("--policies")));
            if (!policies)
                return fail(policies.error());
            ActionService svc(**writer, j, &c.cache, *policies, currentIdentity(uri));
            auto done = svc.applyQueued();
            if (!done) {
                rc = fail(done.error());
                continue;
            }
            for (const auto &a : std::as_const(*done)) {
                printOut(Tr::tr("#%1 %2 %3 v%4: %5 — %6\n")
                             .arg(a.id)
                             .arg(actionKindName(a.request.kind), a.request.model)
                             .arg(a.request.version)
                             .arg(a.state, a.result));
                if (a.state != QLatin1String("applied"))
                    rc = 1;
            }
        }
        return rc;
    }
    if (!sub.isEmpty())
        return usageError(Tr::tr("unknown queue command '%1'").arg(sub));
    auto all = queue.list(c.o.values.value(QStringLiteral("--source")), false);
    if (!all)
        return fail(all.error());
    if (c.o.format == Format::Json) {
        json a = json::array();
        for (const auto &q : std::as_const(*all))
            a.push_back({{"id", q.id}, {"created", q.createdMs}, {"user", s(q.user)}, {"state", s(q.state)},
                         {"result", s(q.result)},
                         {"request", json::parse(QJsonDocument(q.request.toJson()).toJson(QJsonDocument::Compact).toStdString())}});
        printJson({{"queue", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("#"), Tr::tr("Queued"), Tr::tr("User"), Tr::tr("Action"), Tr::tr("Model"), Tr::tr("Version"),
                   Tr::tr("State"), Tr::tr("Result"), Tr::tr("Source")}, {}};
    for (const auto &q : std::as_const(*all))
        t.rows.append({QString::number(q.id), isoTime(q.createdMs), q.user, actionKindName(q.request.kind), q.request.model,
                       QString::number(q.request.version), q.state, q.result, q.request.sourceUri});
    printTable(c.o, t);
    return 0;
}

int cmdTimeline(Context &c)
{
    if (c.o.positional.size() != 1)
        return usageError(Tr::tr("timeline needs a MODEL name"));
    auto m = c.cache.registeredModel(c.o.positional[0], c.sourceId);
    if (!m)
        return fail(m.error());
    Journal j;
    if (Status st = j.open(c.o.journalPath); !st)
        return fail(st.error());
    QString uri;
    if (auto list = c.cache.sources())
        for (const auto &si : std::as_const(*list))
            if (auto mine = c.cache.registeredModels(si.id))
                for (const auto &mm : std::as_const(*mine))
                    if (mm.name == m->name && (!c.sourceId || *c.sourceId == si.id))
                        uri = si.uri;
    auto entries = j.entries(uri, m->name);
    if (!entries)
        return fail(entries.error());
    const TimelineData d = TimelineData::build(*m, *entries, QDateTime::currentMSecsSinceEpoch());
    if (c.o.format == Format::Json) {
        json lanes = json::array();
        for (const auto &l : d.lanes) {
            json blocks = json::array();
            for (const auto &b : l.blocks)
                blocks.push_back({{"version", b.version}, {"start", b.startMs}, {"end", b.open ? json(nullptr) : json(b.endMs)}});
            lanes.push_back({{"lane", s(l.name.isEmpty() ? QStringLiteral("events") : l.name)}, {"blocks", blocks}});
        }
        json markers = json::array();
        for (const auto &mk : d.markers)
            markers.push_back({{"time", mk.timeMs}, {"version", mk.version}, {"event", s(mk.field)}, {"old", s(mk.oldValue)},
                               {"new", s(mk.newValue)}, {"user", s(mk.user)}, {"note", s(mk.note)},
                               {"window_start", mk.windowStartMs}, {"window_end", mk.windowEndMs}});
        printJson({{"model", s(m->name)}, {"lanes", lanes}, {"events", markers}});
        return 0;
    }
    OutputTable lanes{{Tr::tr("Lane"), Tr::tr("Version"), Tr::tr("From"), Tr::tr("Until")}, {}};
    for (const auto &l : d.lanes)
        for (const auto &b : l.blocks)
            lanes.rows.append({l.name, QStringLiteral("v") + QString::number(b.version), isoTime(b.startMs),
                               b.open ? Tr::tr("now") : isoTime(b.endMs)});
    printTable(c.o, lanes);
    if (c.o.format == Format::Table)
        printOut(QStringLiteral("\n"));
    OutputTable events{{Tr::tr("Time"), Tr::tr("Version"), Tr::tr("Event"), Tr::tr("Change"), Tr::tr("User"), Tr::tr("Note")}, {}};
    for (const auto &mk : d.markers) {
        QString change;
        if (!mk.oldValue.isEmpty() || !mk.newValue.isEmpty())
            change = mk.oldValue + QStringLiteral(" → ") + mk.newValue;
        QString when = isoTime(mk.timeMs);
        if (mk.windowEndMs > mk.windowStartMs)
            when = Tr::tr("%1 … %2").arg(isoTime(mk.windowStartMs), isoTime(mk.windowEndMs));
        events.rows.append({when, mk.version ? QStringLiteral("v") + QString::number(mk.version) : QString(), mk.field, change,
                            mk.user, mk.note});
    }
    printTable(c.o, events);
    return 0;
}

struct CommandSpec {
    const char *name;
    int (*fn)(Context &);
    QStringList valueOptions;
    QStringList flagOptions;
    bool needsCache;
};

const QList<CommandSpec> &commands()
{
    static const QList<CommandSpec> list = {
        {"sync", cmdSync, {QStringLiteral("--watch")}, {QStringLiteral("--histories"), QStringLiteral("--full")}, false},
        {"sources", cmdSources, {}, {}, true},
        {"stats", cmdStats, {}, {}, true},
        {"experiments", cmdExperiments, {}, {QStringLiteral("--deleted")}, true},
        {"runs", cmdRuns,
         {QStringLiteral("--experiment"), QStringLiteral("--filter"), QStringLiteral("--order-by"), QStringLiteral("--max")},
         {QStringLiteral("--deleted")}, true},
        {"run", cmdRun, {}, {}, true},
        {"history", cmdHistory, {}, {}, true},
        {"compare", cmdCompare, {QStringLiteral("--baseline"), QStringLiteral("--step")}, {QStringLiteral("--diff-only")}, true},
        {"models", cmdModels, {}, {}, true},
        {"versions", cmdVersions, {}, {}, true},
        {"prompts", cmdPrompts, {}, {}, true},
        {"reviews", cmdReviews, {QStringLiteral("--policies")}, {}, true},
        {"journal", cmdJournal, {QStringLiteral("--model")}, {}, false},
        {"timeline", cmdTimeline, {}, {}, true},
        {"register", cmdRegister,
         {QStringLiteral("--run"), QStringLiteral("--from"), QStringLiteral("--description"), QStringLiteral("--tag"),
          QStringLiteral("--policies")},
         {QStringLiteral("--dry-run")}, true},
        {"promote", cmdPromote, {QStringLiteral("--to"), QStringLiteral("--note"), QStringLiteral("--policies")},
         {QStringLiteral("--dry-run")}, true},
        {"ab", cmdAb, {QStringLiteral("--share"), QStringLiteral("--policies")},
         {QStringLiteral("--end"), QStringLiteral("--dry-run")}, true},
        {"approve", cmdApprove, {QStringLiteral("--note"), QStringLiteral("--policies")}, {QStringLiteral("--dry-run")}, true},
        {"reject", cmdReject, {QStringLiteral("--note"), QStringLiteral("--policies")}, {QStringLiteral("--dry-run")}, true},
        {"rollback", cmdRollback,
         {QStringLiteral("--to"), QStringLiteral("--reason"), QStringLiteral("--report"), QStringLiteral("--policies")},
         {QStringLiteral("--yes"), QStringLiteral("--dry-run")}, true},
        {"queue", cmdQueue, {QStringLiteral("--policies")}, {}, true},
        {"demo", cmdDemo, {QStringLiteral("--into")}, {}, false},
        {"generate", cmdGenerate,
         {QStringLiteral("--into"), QStringLiteral("--runs"), QStringLiteral("--metrics"), QStringLiteral("--params"),
          QStringLiteral("--steps"), QStringLiteral("--experiments"), QStringLiteral("--seed")},
         {QStringLiteral("--force")}, false},
    };
    return list;
}

} // namespace

int run(const QStringList &arguments)
{
    Options o;
    const CommandSpec *spec = nullptr;
    const QStringList globalValues{QStringLiteral("--cache"), QStringLiteral("--journal"), QStringLiteral("--format"),
                                   QStringLiteral("--source")};
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        QString arg = arguments[i];
        QString value;
        bool hasInlineValue = false;
        if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
            hasInlineValue = true;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            printOut(Tr::tr(kUsage));
            return 0;
        }
        if (arg == QLatin1String("--version")) {
            printOut(QStringLiteral("modeldesk-cli " MODELDESK_VERSION "\n"));
            return 0;
        }
        if (arg == QLatin1String("--quiet") || arg == QLatin1String("-q")) {
            o.quiet = true;
            continue;
        }
        const bool isValueOpt = globalValues.contains(arg) || (spec && spec->valueOptions.contains(arg));
        if (isValueOpt) {
            if (!hasInlineValue) {
                if (i + 1 >= arguments.size())
                    return usageError(Tr::tr("option %1 needs a value").arg(arg));
                value = arguments[++i];
            }
            if (arg == QLatin1String("--cache"))
                o.cachePath = value;
            else if (arg == QLatin1String("--journal"))
                o.journalPath = value;
            else if (arg == QLatin1String("--format")) {
                if (value == QLatin1String("table"))
                    o.format = Format::Table;
                else if (value == QLatin1String("csv"))
                    o.format = Format::Csv;
                else if (value == QLatin1String("json"))
                    o.format = Format::Json;
                else
                    return usageError(Tr::tr("unknown format '%1' (expected table, csv or json)").arg(value));
            } else
                o.values.insert(arg, value);
            continue;
        }
        if (spec && spec->flagOptions.contains(arg)) {
            o.flags.insert(arg);
            continue;
        }
        if (arg.startsWith(QLatin1Char('-')) && arg.size() > 1)
            return usageError(spec ? Tr::tr("unknown option %1 for '%2'").arg(arg, o.command) : Tr::tr("unknown option %1").arg(arg));
        if (!spec) {
            for (const auto &cs : commands())
                if (arg == QLatin1String(cs.name))
                    spec = &cs;
            if (!spec)
                return usageError(Tr::tr("unknown command '%1'").arg(arg));
            o.command = arg;
            continue;
        }
        o.positional.append(arg);
    }
    if (!spec) {
        printErr(Tr::tr(kUsage));
        return 2;
    }
    if (o.cachePath.isEmpty())
        o.cachePath = Cache::defaultPath();
    if (o.journalPath.isEmpty())
        o.journalPath = Journal::defaultPathFor(o.cachePath);

    Context c;
    c.o = o;
    if (spec->needsCache)
        if (Status st = c.openCache(); !st)
            return fail(st.error());
    return spec->fn(c);
}

} // namespace md::cli

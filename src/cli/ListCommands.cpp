// SPDX-License-Identifier: GPL-3.0-or-later
// What the cache holds, listed and shown: sources, stats, experiments, runs, run, history, models,
// versions, prompts.
#include "Command.h"

#include "core/TagNames.h"
#include "sync/HistoryLoader.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <csignal>

namespace md::cli {

namespace {

int cmdSources(Context &c)
{
    auto list = c.cache.sources(Cache::RunCounts::Count);
    if (!list)
        return c.fail(list.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &si : std::as_const(*list))
            a.push_back({{"id", si.id}, {"uri", s(si.uri)}, {"kind", s(si.kind)},
                         {"last_sync", si.lastSyncMs ? json(*si.lastSyncMs) : json(nullptr)},
                         {"last_error", s(si.lastError)}, {"experiments", si.experimentCount}, {"runs", si.runCount},
                         {"registered_models", si.modelCount}});
        c.printJson({{"sources", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("ID"), Tr::tr("Kind"), Tr::tr("URI"), Tr::tr("Experiments"), Tr::tr("Runs"), Tr::tr("Models"), Tr::tr("Last sync"), Tr::tr("Last error")}, {}};
    for (const auto &si : std::as_const(*list))
        t.rows.append({QString::number(si.id), si.kind, si.uri, QString::number(si.experimentCount),
                       QString::number(si.runCount), QString::number(si.modelCount),
                       si.lastSyncMs ? isoTime(*si.lastSyncMs) : QString(), si.lastError});
    c.printTable(t);
    return 0;
}

int cmdStats(Context &c)
{
    auto list = c.cache.sources();
    if (!list)
        return c.fail(list.error());
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
            return c.fail(counts.error());
        json o = {{"source", s(si.uri)}};
        QStringList row{si.uri};
        for (const auto &f : fields) {
            o[f.name] = (*counts).*(f.member);
            row.append(QString::number((*counts).*(f.member)));
        }
        all.push_back(o);
        t.rows.append(row);
    }
    if (c.format == Format::Json)
        c.printJson({{"sources", all}});
    else
        c.printTable(t);
    return 0;
}

int cmdExperiments(Context &c)
{
    auto list = c.cache.experiments(c.sourceId, c.isSet(QStringLiteral("deleted")));
    if (!list)
        return c.fail(list.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &x : std::as_const(*list)) {
            const Experiment &e = x.experiment;
            a.push_back({{"experiment_id", s(e.experimentId)}, {"name", s(e.name)},
                         {"artifact_location", s(e.artifactLocation)}, {"lifecycle_stage", s(e.lifecycleStage)},
                         {"creation_time", e.creationTime}, {"last_update_time", e.lastUpdateTime},
                         {"tags", keyValues(e.tags)}, {"run_count", x.runCount}, {"deleted_run_count", x.deletedRunCount},
                         {"source_id", x.sourceId}});
        }
        c.printJson({{"experiments", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Experiment ID"), Tr::tr("Name"), Tr::tr("Runs"), Tr::tr("Deleted runs"), Tr::tr("Stage"), Tr::tr("Created"), Tr::tr("Source")}, {}};
    for (const auto &x : std::as_const(*list))
        t.rows.append({x.experiment.experimentId, x.experiment.name, QString::number(x.runCount),
                       QString::number(x.deletedRunCount), x.experiment.lifecycleStage, isoTime(x.experiment.creationTime),
                       QString::number(x.sourceId)});
    c.printTable(t);
    return 0;
}

int cmdRuns(Context &c)
{
    RunQuery q;
    q.sourceId = c.sourceId;
    q.experiments = c.values(QStringLiteral("experiment"));
    q.filter = c.value(QStringLiteral("filter"));
    q.orderBy = c.values(QStringLiteral("order-by"));
    q.onlyDeleted = c.isSet(QStringLiteral("deleted"));
    if (c.isSet(QStringLiteral("max"))) {
        bool ok = false;
        q.limit = c.value(QStringLiteral("max")).toLongLong(&ok);
        if (!ok || q.limit < 0)
            return c.usageError(Tr::tr("--max needs a number, got '%1'").arg(c.value(QStringLiteral("max"))));
    }
    if (!q.experiments.isEmpty()) {
        auto exps = c.cache.experiments(c.sourceId, true);
        if (!exps)
            return c.fail(exps.error());
        for (const auto &want : std::as_const(q.experiments)) {
            const bool known = std::any_of(exps->cbegin(), exps->cend(), [&](const ExperimentInfo &x) {
                return x.experiment.experimentId == want || x.experiment.name == want;
            });
            if (!known)
                return c.fail(makeError(ErrorCategory::NotFound, Tr::tr("no experiment with this name or id in the cache"), want));
        }
    }
    auto rows = c.cache.runs(q);
    if (!rows)
        return c.fail(rows.error());
    // A key no run has gives no runs, as in MLflow; say so on stderr instead of leaving the
    // person with an empty table. The output and the exit code stay what MLflow's answer is.
    if (!q.filter.trimmed().isEmpty()) {
        const SearchKeyScope scope = q.experiments.size() == 1 ? SearchKeyScope::Experiment
            : !q.experiments.isEmpty()                          ? SearchKeyScope::Experiments
            : c.sourceId                                        ? SearchKeyScope::Source
                                                                : SearchKeyScope::Cache;
        if (auto unknown = c.cache.unknownFilterKeys(q))
            for (const UnknownSearchKey &u : std::as_const(*unknown))
                c.err(Tr::tr("modeldesk-cli: warning: %1").arg(unknownSearchKeyMessage(u, scope)) + QLatin1Char('\n'));
    }
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &r : std::as_const(*rows))
            a.push_back(runJson(r.run));
        c.printJson({{"runs", a}});
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
    const bool csv = c.format == Format::Csv;
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
    c.printTable(t);
    if (!csv && !c.quiet)
        c.err(Tr::tr("%n run(s)\n", nullptr, int(rows->size())));
    return 0;
}

int cmdRun(Context &c)
{
    if (c.positional.size() != 1)
        return c.usageError(Tr::tr("run needs exactly one RUN_ID"));
    auto row = c.cache.run(c.positional[0], c.sourceId);
    if (!row)
        return c.fail(row.error());
    const Run &r = row->run;
    if (c.format == Format::Json) {
        c.printJson({{"run", runJson(r)}});
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
    if (c.format == Format::Csv)
        c.out(t.toCsv());
    else
        c.out(t.toText(80));
    return 0;
}

int cmdHistory(Context &c)
{
    if (c.positional.size() != 2)
        return c.usageError(Tr::tr("history needs RUN_ID and METRIC"));
    auto row = c.cache.run(c.positional[0], c.sourceId);
    if (!row)
        return c.fail(row.error());
    // Served from the cache; a remote source's history is fetched once and cached.
    cancelOn({SIGINT});
    HistoryLoader loader(c.cache);
    auto loaded = loader.load({HistoryLoader::Request{row->rowId, c.positional[1]}}, cancelFlag());
    if (!loaded)
        return c.fail(loaded.error());
    const QList<MetricPoint> *h = &loaded->first();
    if (h->isEmpty()) {
        const bool known = std::any_of(row->run.latestMetrics.cbegin(), row->run.latestMetrics.cend(),
                                       [&](const MetricPoint &m) { return m.key == c.positional[1]; });
        return c.fail(makeError(ErrorCategory::NotFound,
                                known ? Tr::tr("the source has no history for this metric")
                                      : Tr::tr("run %1 has no metric with this name").arg(row->run.runId),
                                c.positional[1]));
    }
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &m : std::as_const(*h))
            a.push_back({{"key", s(m.key)}, {"value", jsonNumber(m.value)}, {"timestamp", m.timestamp}, {"step", m.step}});
        c.printJson({{"metrics", a}});
        return 0;
    }
    OutputTable t{{QStringLiteral("step"), QStringLiteral("timestamp"), QStringLiteral("value")}, {}};
    for (const auto &m : std::as_const(*h))
        t.rows.append({QString::number(m.step), c.format == Format::Csv ? QString::number(m.timestamp) : isoTime(m.timestamp),
                       numberText(m.value)});
    c.printTable(t);
    return 0;
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
        return c.fail(models.error());
    models->removeIf([](const RegisteredModel &m) { return m.isPrompt(); });
    if (c.format == Format::Json) {
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
        c.printJson({{"registered_models", a}});
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
    c.printTable(t);
    return 0;
}

int cmdVersions(Context &c)
{
    if (c.positional.size() != 1)
        return c.usageError(Tr::tr("versions needs a MODEL name"));
    auto m = c.cache.registeredModel(c.positional[0], c.sourceId);
    if (!m)
        return c.fail(m.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &v : m->versions)
            a.push_back(versionJson(v));
        c.printJson({{"model_versions", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Version"), Tr::tr("Stage"), Tr::tr("Aliases"), Tr::tr("Run ID"), Tr::tr("Status"), Tr::tr("Created"), Tr::tr("Description")}, {}};
    for (const auto &v : m->versions)
        t.rows.append({QString::number(v.version), v.currentStage, v.aliases.join(QStringLiteral(", ")), v.runId, v.status,
                       isoTime(v.creationTime), v.description});
    c.printTable(t);
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
    if (c.positional.size() > 1)
        return c.usageError(Tr::tr("prompts takes at most one PROMPT name"));
    auto models = c.cache.registeredModels(c.sourceId);
    if (!models)
        return c.fail(models.error());
    models->removeIf([](const RegisteredModel &m) { return !m.isPrompt(); });
    if (c.positional.isEmpty()) {
        if (c.format == Format::Json) {
            json a = json::array();
            for (const auto &m : std::as_const(*models)) {
                a.push_back({{"name", s(m.name)}, {"creation_timestamp", m.creationTime},
                             {"last_updated_timestamp", m.lastUpdatedTime}, {"description", s(m.description)},
                             {"versions", m.versions.size()}, {"aliases", aliasesJson(m)}, {"tags", keyValues(m.tags)}});
            }
            c.printJson({{"prompts", a}});
            return 0;
        }
        OutputTable t{{Tr::tr("Prompt"), Tr::tr("Versions"), Tr::tr("Aliases"), Tr::tr("Description")}, {}};
        for (const auto &m : std::as_const(*models)) {
            t.rows.append({m.name, QString::number(m.versions.size()), aliasesText(m), m.description});
        }
        c.printTable(t);
        return 0;
    }
    const QString name = c.positional[0];
    const auto it = std::find_if(models->cbegin(), models->cend(), [&](const RegisteredModel &m) { return m.name == name; });
    if (it == models->cend()) {
        auto model = c.cache.registeredModel(name, c.sourceId);
        if (model)
            return c.fail(makeError(ErrorCategory::BadInput, Tr::tr("this is a registered model, not a prompt: see `versions`"),
                                    name));
        return c.fail(makeError(ErrorCategory::NotFound, Tr::tr("no prompt with this name in the cache"), name));
    }
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &v : it->versions) {
            json j = versionJson(v);
            j["template"] = s(promptText(v));
            a.push_back(j);
        }
        c.printJson({{"prompt_versions", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("Version"), Tr::tr("Aliases"), Tr::tr("Created"), Tr::tr("Template")}, {}};
    for (const auto &v : it->versions)
        t.rows.append({QString::number(v.version), v.aliases.join(QStringLiteral(", ")), isoTime(v.creationTime),
                       promptText(v)});
    c.printTable(t);
    return 0;
}

} // namespace

QList<Command> listCommands()
{
    return {
        {QStringLiteral("sources"), cmdSources, {}, true},
        {QStringLiteral("stats"), cmdStats, {}, true},
        {QStringLiteral("experiments"), cmdExperiments, {flagOption(QStringLiteral("deleted"))}, true},
        {QStringLiteral("runs"), cmdRuns,
         {valueOption(QStringLiteral("experiment"), QStringLiteral("NAME|ID")),
          valueOption(QStringLiteral("filter"), QStringLiteral("EXPR")),
          valueOption(QStringLiteral("order-by"), QStringLiteral("EXPR")), valueOption(QStringLiteral("max"), QStringLiteral("N")),
          flagOption(QStringLiteral("deleted"))},
         true},
        {QStringLiteral("run"), cmdRun, {}, true},
        {QStringLiteral("history"), cmdHistory, {}, true},
        {QStringLiteral("models"), cmdModels, {}, true},
        {QStringLiteral("versions"), cmdVersions, {}, true},
        {QStringLiteral("prompts"), cmdPrompts, {}, true},
    };
}

} // namespace md::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "MlflowJson.h"

#include <cmath>

namespace md::cli {

json jsonNumber(double v)
{
    if (std::isnan(v))
        return "NaN";
    if (std::isinf(v))
        return v > 0 ? "Infinity" : "-Infinity";
    return v;
}

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

json aliasesJson(const RegisteredModel &m)
{
    json aliases = json::array();
    for (const auto &al : m.aliases)
        aliases.push_back({{"alias", s(al.alias)}, {"version", std::to_string(al.version)}});
    return aliases;
}

} // namespace md::cli

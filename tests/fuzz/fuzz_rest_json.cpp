// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the decoding of a tracking server's answers (src/sources/RestJson.h): the body is
// parsed the way MlflowRestSource parses every page (nlohmann::json without exceptions, an
// object required) and then read as each page kind the importer asks for: experiments/search,
// runs/search and runs/get, metrics/get-history, registered-models/search and /get,
// model-versions/search and /get. Every page kind is tried on every input, so a mutation that
// moves one answer's members into another's is covered too.

#include "FuzzSupport.h"

#include "sources/rest/RestJson.h"

#include <QSet>

using namespace md::restjson;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const auto *begin = reinterpret_cast<const char *>(data);
    const json page = json::parse(begin, begin + size, nullptr, false);
    if (page.is_discarded() || !page.is_object())
        return 0;

    qsizetype total = text(page, "next_page_token").size();
    for (const json &e : array(page, "experiments"))
        total += toExperiment(e).tags.size();
    total += toExperiment(member(page, "experiment")).experimentId.size();

    for (const json &r : array(page, "runs"))
        total += toRun(r).latestMetrics.size();
    total += toRun(member(page, "run")).inputs.size();

    for (const json &m : array(page, "metrics"))
        if (const auto p = metricPoint(m))
            total += p->key.size();

    QList<md::RegisteredModel> models;
    for (const json &m : array(page, "registered_models"))
        models.append(toModel(m));
    models.append(toModel(member(page, "registered_model")));
    for (md::RegisteredModel &m : models) {
        QSet<qint64> seen;
        for (const json &v : array(page, "model_versions"))
            (void)addVersion(m, seen, toVersion(v));
        (void)addVersion(m, seen, toVersion(member(page, "model_version")));
        finishModel(m);
        total += m.versions.size();
    }

    md::fuzz::keep(total);
    return 0;
}

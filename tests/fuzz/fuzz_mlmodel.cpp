// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes what a model card reads from a run's artifacts: the same bytes as an MLmodel file,
// a requirements.txt, a conda.yaml and a python_env.yaml (md::parseMlModel, parseRequirements,
// parseCondaYaml, parsePythonEnv).

#include "FuzzSupport.h"

#include "sources/ArtifactStore.h"

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = md::fuzz::bytesOf(data, size);
    qsizetype total = 0;
    if (auto m = md::parseMlModel(input, u"model/MLmodel"_s))
        total += m->flavors.size() + m->libraryVersions.size() + m->environmentFiles.size();
    total += md::parseRequirements(input).size();
    if (auto c = md::parseCondaYaml(input, u"model/conda.yaml"_s))
        total += c->size();
    if (auto p = md::parsePythonEnv(input, u"model/python_env.yaml"_s))
        total += p->size();
    md::fuzz::keep(total);
    return 0;
}

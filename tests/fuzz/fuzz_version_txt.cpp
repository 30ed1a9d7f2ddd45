// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes a model folder's two text files: version.txt (ModelFolderSource::readVersionTxt) and
// ModelDesk's sidecar .modeldesk-registry.json (ModelFolderSidecar::load), then reads the whole
// folder (three tiny model files) the way an import does. Input: version.txt, the separator
// (FuzzSupport.h), the sidecar. A sidecar that loads must survive toJson() → load() unchanged.

#include "FuzzSupport.h"

#include "sources/modelfolder/ModelFolderSource.h"

#include <QDir>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString folder = [] {
        const QString dir = md::fuzz::scratchDir() + u"/car-price/artifacts/training"_s;
        md::fuzz::writeFile(dir + u"/model_v1.pkl"_s, "first");
        md::fuzz::writeFile(dir + u"/model_v2.pkl"_s, "second");
        md::fuzz::writeFile(dir + u"/model.pkl"_s, "second");
        md::fuzz::writeFile(dir + u"/scaler.pkl"_s, "scaler");
        return dir;
    }();
    static const QString roundTrip = md::fuzz::scratchDir() + u"/round-trip"_s;

    const QList<QByteArray> parts = md::fuzz::splitInput(md::fuzz::bytesOf(data, size), 2);
    md::fuzz::writeFile(folder + u"/version.txt"_s, parts[0]);
    md::fuzz::writeFile(folder + u'/' + md::ModelFolderSidecar::fileName(), parts[1]);

    md::fuzz::CountingSink sink;
    const auto txt = md::ModelFolderSource::readVersionTxt(folder + u"/version.txt"_s, &sink);
    (void)txt.bestScore.size();

    if (auto sidecar = md::ModelFolderSidecar::load(folder)) {
        const QByteArray json = sidecar->toJson();
        md::fuzz::writeFile(roundTrip + u'/' + md::ModelFolderSidecar::fileName(), json);
        auto again = md::ModelFolderSidecar::load(roundTrip);
        if (!again || again->toJson() != json) {
            std::fprintf(stderr, "fuzz_version_txt: the sidecar does not survive toJson() and load()\n%s\n",
                         json.constData());
            std::abort();
        }
    }

    md::ModelFolderSource source(folder);
    const std::atomic_bool cancel{false};
    (void)source.readAll(sink, cancel);
    return 0;
}

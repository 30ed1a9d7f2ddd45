// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes FileStoreSource's readers of an MLflow file store: the meta.yaml of an experiment, a
// run, a registered model and a model version, a metric file, a run input's and a dataset's
// meta.yaml and an alias file. The input is those eight files in this order, joined by the
// separator of FuzzSupport.h; they are written into a tiny store in a scratch folder (/dev/shm)
// which is then read whole. A second, fixed experiment with a valid run gets the same metric,
// input and dataset files, so that those are read even when the fuzzed run's meta.yaml is broken.
// An empty alias file means no aliases/ folder, so that meta.yaml's aliases are read.

#include "FuzzSupport.h"

#include "sources/filestore/FileStoreSource.h"

#include <QDir>

using namespace Qt::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QString root = [] {
        const QString r = md::fuzz::scratchDir() + u"/mlruns"_s;
        md::fuzz::writeFile(r + u"/1/meta.yaml"_s,
                            "artifact_location: file:///tmp/mlruns/1\nexperiment_id: '1'\nname: fixed\n"
                            "lifecycle_stage: active\ncreation_time: 1700000000000\n");
        md::fuzz::writeFile(r + u"/1/fixedrun/meta.yaml"_s,
                            "run_id: fixedrun\nrun_uuid: fixedrun\nexperiment_id: '1'\nstatus: 3\n"
                            "start_time: 1700000000000\nend_time: 1700000001000\nlifecycle_stage: active\n");
        md::fuzz::writeFile(r + u"/1/fixedrun/params/alpha"_s, "0.5");
        return r;
    }();

    const QList<QByteArray> parts = md::fuzz::splitInput(md::fuzz::bytesOf(data, size), 8);
    md::fuzz::writeFile(root + u"/0/meta.yaml"_s, parts[0]);
    md::fuzz::writeFile(root + u"/0/run0/meta.yaml"_s, parts[1]);
    md::fuzz::writeFile(root + u"/models/model/meta.yaml"_s, parts[2]);
    md::fuzz::writeFile(root + u"/models/model/version-1/meta.yaml"_s, parts[3]);
    for (const QString &exp : {u"/0"_s, u"/1"_s}) {
        const QString run = root + exp + (exp == u"/0"_s ? u"/run0"_s : u"/fixedrun"_s);
        md::fuzz::writeFile(run + u"/metrics/loss"_s, parts[4]);
        md::fuzz::writeFile(run + u"/inputs/input1/meta.yaml"_s, parts[5]);
        md::fuzz::writeFile(root + exp + u"/datasets/57675a506ce4f824780de52622b400e9/meta.yaml"_s, parts[6]);
    }
    QDir(root + u"/models/model/aliases"_s).removeRecursively();
    if (!parts[7].isEmpty())
        md::fuzz::writeFile(root + u"/models/model/aliases/champion"_s, parts[7]);

    md::FileStoreSource source(root);
    md::fuzz::CountingSink sink;
    const std::atomic_bool cancel{false};
    (void)source.readAll(sink, cancel);
    return 0;
}

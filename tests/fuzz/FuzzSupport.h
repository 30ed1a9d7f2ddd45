// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the fuzz targets (tests/fuzz/fuzz_*.cpp). Each target is one libFuzzer entry point
// `LLVMFuzzerTestOneInput`; ReplayMain.cpp drives the same sources without libFuzzer (CTest).

#include "sources/Source.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace md::fuzz {

/// The bytes of one fuzz input.
inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// The input cut at every occurrence of kSeparator into exactly `parts` pieces: missing pieces
/// are empty, the last piece keeps any further separators. Seeds join their files with it.
inline constexpr char kSeparator[] = "\n--8<--\n";
QList<QByteArray> splitInput(const QByteArray &input, int parts);

/// Hands a value computed from the parse results to the outside, so nothing is optimised away.
void keep(qsizetype value);

/// A folder created once per process (in /dev/shm when there is one, so that writing the
/// input files costs no disk I/O) and removed at exit.
QString scratchDir();
/// Writes `bytes` to `path`, creating its folder; aborts when it cannot (a broken fuzz harness,
/// not a finding).
void writeFile(const QString &path, const QByteArray &bytes);

/// Takes whatever a source delivers and touches every string, so nothing is optimised away.
class CountingSink final : public ImportSink {
public:
    Status experiment(const Experiment &e) override;
    Status run(const Run &r) override;
    Status registeredModel(const RegisteredModel &m) override;
    void problem(const ReadProblem &p) override;

    qint64 total = 0;
};

} // namespace md::fuzz

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace md::test {

/// Absolute path of a file or folder under tests/data.
QString dataPath(const QString &relative);

/// Copies a folder tree (files and sub-folders) to `to`, making everything writable. Returns false
/// and prints why when something could not be copied.
bool copyTree(const QString &from, const QString &to);

/// Writes `contents` to `path`, creating parent folders.
bool writeFile(const QString &path, const QByteArray &contents);

struct ProcessResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// Runs a program to completion (60 s at most) with the given arguments and optional stdin.
ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData = {});
/// The same with extra environment variables (e.g. USER, to act as another person).
ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData,
                         const QHash<QString, QString> &env);

/// Puts the TZ environment variable back as it was, and has the C library read it again, when it
/// goes out of scope: for tests that switch time zones.
class RestoreTimeZone {
public:
    RestoreTimeZone();
    ~RestoreTimeZone();
    RestoreTimeZone(const RestoreTimeZone &) = delete;
    RestoreTimeZone &operator=(const RestoreTimeZone &) = delete;

private:
    bool m_had;
    QByteArray m_zone;
};

/// The modeldesk-cli binary built alongside the tests.
QString cliPath();

/// Rounds of a soak test: MODELDESK_SOAK_ROUNDS when set to a positive number, else `byDefault`.
int soakRounds(int byDefault);
/// The seed of a soak test's random choices: MODELDESK_SOAK_SEED when set, else a fixed one.
quint32 soakSeed();

/// The process's peak resident memory (VmHWM) in KiB, -1 when /proc does not say.
long peakRssKb();

/// Run number `i` of a generated experiment "1": id `i` in 32 hex digits, named "run-<i>",
/// FINISHED, started `i` seconds after 2026-11-26 23:33 UTC (the highest number is the newest); no
/// metrics, params or end time.
Run numberedRun(int i);

} // namespace md::test

// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestSupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>
#include <ctime>

namespace md::test {

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(MD_TEST_DATA)).absoluteFilePath(relative);
}

bool copyTree(const QString &from, const QString &to)
{
    const QDir src(from);
    if (!src.exists() || !QDir().mkpath(to)) {
        std::fprintf(stderr, "copyTree: cannot copy %s to %s\n", qPrintable(from), qPrintable(to));
        return false;
    }
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QFileInfo fi = it.fileInfo();
        const QString target = to + QLatin1Char('/') + src.relativeFilePath(path);
        if (fi.isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else {
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::remove(target);
            if (!QFile::copy(path, target)) {
                std::fprintf(stderr, "copyTree: cannot copy %s\n", qPrintable(path));
                return false;
            }
            QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner | QFile::ReadOwner);
        }
    }
    return true;
}

bool writeFile(const QString &path, const QByteArray &contents)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(contents) == contents.size();
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData)
{
    return runProcess(program, args, stdinData, {});
}

ProcessResult runProcess(const QString &program, const QStringList &args, const QByteArray &stdinData,
                         const QHash<QString, QString> &env)
{
    QProcess p;
    if (!env.isEmpty()) {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (auto it = env.cbegin(); it != env.cend(); ++it)
            e.insert(it.key(), it.value());
        p.setProcessEnvironment(e);
    }
    p.start(program, args);
    ProcessResult r;
    if (!p.waitForStarted(10000)) {
        r.err = "failed to start " + program.toUtf8();
        return r;
    }
    if (!stdinData.isEmpty())
        p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out: " + program.toUtf8();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QString cliPath() { return QStringLiteral(MD_CLI_PATH); }

int soakRounds(int byDefault)
{
    const int n = qEnvironmentVariableIntValue("MODELDESK_SOAK_ROUNDS");
    return n > 0 ? n : byDefault;
}

quint32 soakSeed()
{
    bool ok = false;
    const quint32 s = qEnvironmentVariable("MODELDESK_SOAK_SEED").toUInt(&ok);
    return ok ? s : 20261127u;
}

long peakRssKb()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &line : lines)
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

Run numberedRun(int i)
{
    Run run;
    run.runId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
    run.experimentId = QStringLiteral("1");
    run.runName = QStringLiteral("run-%1").arg(i);
    run.status = QStringLiteral("FINISHED");
    run.startTime = 1795736000000 + qint64(i) * 1000;
    return run;
}

RestoreTimeZone::RestoreTimeZone()
    : m_had(qEnvironmentVariableIsSet("TZ"))
    , m_zone(qgetenv("TZ"))
{
}

RestoreTimeZone::~RestoreTimeZone()
{
    if (m_had)
        qputenv("TZ", m_zone);
    else
        qunsetenv("TZ");
    tzset();
}

} // namespace md::test

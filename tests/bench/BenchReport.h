// SPDX-License-Identifier: GPL-3.0-or-later
// A benchmark's figures as a JSON file (`--json FILE`), for tests/bench/perf_table.py to turn into
// the README's Performance table. Header only: each bench is one source file.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>
#include <QSysInfo>
#include <QThread>

#include <cmath>
#include <cstdio>
#include <initializer_list>

#ifndef MD_BUILD_TYPE
#define MD_BUILD_TYPE "unknown"
#endif

namespace md::bench {

/// The figures of one run of a benchmark and the facts of the machine it ran on. The machine's
/// facts (and its load average) are read when the report is made, so make it before the first
/// measurement.
///
/// The file holds each of `fields` at the top level, as a number, or null when this run did not
/// measure it; `details` holds the figures behind them (medians, slowest, sizes) for the table's
/// text; `machine` the CPU, cores, load average before the run, date and build type;
/// `arguments` the command line without `--json FILE`.
class Report {
public:
    Report(const char *bench, std::initializer_list<const char *> fields)
        : m_bench(QString::fromLatin1(bench))
    {
        for (const char *f : fields)
            m_figures.insert(QString::fromLatin1(f), QJsonValue::Null);
        m_machine = machineFacts();
    }

    /// Removes `--json FILE` from `args` and returns FILE (empty without one).
    static QString takeJsonFile(QStringList &args)
    {
        const qsizetype at = args.indexOf(QStringLiteral("--json"));
        if (at < 0 || at + 1 >= args.size())
            return {};
        const QString file = args.at(at + 1);
        args.remove(at, 2);
        return file;
    }

    void setArguments(const QStringList &args) { m_arguments = QJsonArray::fromStringList(args); }

    /// Sets one of the fields named at construction; a NaN or ±∞ leaves it null. Another name is
    /// a bug in the bench: it says so on stderr and is ignored, so the file keeps its fields.
    void set(const char *field, double value)
    {
        const QString key = QString::fromLatin1(field);
        if (!m_figures.contains(key)) {
            std::fprintf(stderr, "%s: no JSON field %s\n", qPrintable(m_bench), field);
            return;
        }
        m_figures.insert(key, std::isfinite(value) ? QJsonValue(value) : QJsonValue(QJsonValue::Null));
    }
    void detail(const char *name, const QJsonValue &value) { m_details.insert(QString::fromLatin1(name), value); }

    /// Writes the file; false (and why on stderr) when it cannot. An empty path writes nothing.
    bool write(const QString &path) const
    {
        if (path.isEmpty())
            return true;
        QJsonObject out = m_figures;
        out.insert(QStringLiteral("bench"), m_bench);
        out.insert(QStringLiteral("arguments"), m_arguments);
        out.insert(QStringLiteral("machine"), m_machine);
        out.insert(QStringLiteral("details"), m_details);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(QJsonDocument(out).toJson()) < 0) {
            std::fprintf(stderr, "%s: cannot write %s: %s\n", qPrintable(m_bench), qPrintable(path),
                         qPrintable(f.errorString()));
            return false;
        }
        return true;
    }

    /// CPU model and cores (/proc/cpuinfo), memory (/proc/meminfo), load average (/proc/loadavg),
    /// kernel, Qt version, the local date and time, and the build type the bench was built with.
    static QJsonObject machineFacts()
    {
        QString cpu;
        int cores = 0;
        QFile cpuinfo(QStringLiteral("/proc/cpuinfo"));
        if (cpuinfo.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : cpuinfo.readAll().split('\n')) {
                if (line.startsWith("model name")) {
                    ++cores;
                    if (cpu.isEmpty())
                        cpu = QString::fromUtf8(line.mid(line.indexOf(':') + 1).trimmed());
                }
            }
        }
        double memGib = 0;
        QFile meminfo(QStringLiteral("/proc/meminfo"));
        if (meminfo.open(QIODevice::ReadOnly))
            for (const QByteArray &line : meminfo.readAll().split('\n'))
                if (line.startsWith("MemTotal:"))
                    memGib = line.mid(9).trimmed().split(' ').first().toDouble() / (1024.0 * 1024.0);
        QJsonArray load;
        QFile loadavg(QStringLiteral("/proc/loadavg"));
        if (loadavg.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> parts = loadavg.readAll().split(' ');
            for (int i = 0; i < 3 && i < parts.size(); ++i)
                load.append(parts.at(i).toDouble());
        }
        return QJsonObject{
            {QStringLiteral("cpu_model"), cpu},
            {QStringLiteral("cores"), cores > 0 ? cores : QThread::idealThreadCount()},
            {QStringLiteral("memory_gib"), std::round(memGib * 10) / 10},
            {QStringLiteral("load_average_before"), load},
            {QStringLiteral("kernel"), QSysInfo::kernelVersion()},
            {QStringLiteral("os"), QSysInfo::prettyProductName()},
            {QStringLiteral("qt"), QString::fromLatin1(qVersion())},
            {QStringLiteral("date"), QDateTime::currentDateTime().toString(Qt::ISODate)},
            {QStringLiteral("build_type"), QStringLiteral(MD_BUILD_TYPE)},
        };
    }

private:
    QString m_bench;
    QJsonObject m_figures;
    QJsonObject m_details;
    QJsonObject m_machine;
    QJsonArray m_arguments;
};

} // namespace md::bench

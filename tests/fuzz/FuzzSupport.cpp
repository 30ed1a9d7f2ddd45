// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuzzSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <memory>

using namespace Qt::StringLiterals;

namespace md::fuzz {

QList<QByteArray> splitInput(const QByteArray &input, int parts)
{
    QList<QByteArray> out;
    const QByteArray sep(kSeparator);
    qsizetype from = 0;
    while (out.size() < parts - 1) {
        const qsizetype at = input.indexOf(sep, from);
        if (at < 0)
            break;
        out.append(input.mid(from, at - from));
        from = at + sep.size();
    }
    out.append(from <= input.size() ? input.mid(from) : QByteArray());
    while (out.size() < parts)
        out.append(QByteArray());
    return out;
}

volatile qsizetype g_kept = 0;

void keep(qsizetype value)
{
    g_kept = g_kept + value;
}

QString scratchDir()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        const QString base = QFileInfo(u"/dev/shm"_s).isWritable() ? u"/dev/shm"_s : QDir::tempPath();
        auto d = std::make_unique<QTemporaryDir>(base + u"/modeldesk-fuzz-XXXXXX"_s);
        if (!d->isValid()) {
            std::fprintf(stderr, "fuzz harness: cannot create a scratch folder below %s\n", qPrintable(base));
            std::abort();
        }
        return d;
    }();
    return dir->path();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size()) {
        std::fprintf(stderr, "fuzz harness: cannot write %s\n", qPrintable(path));
        std::abort();
    }
}

Status CountingSink::experiment(const Experiment &e)
{
    total += e.experimentId.size() + e.name.size() + e.tags.size();
    return {};
}

Status CountingSink::run(const Run &r)
{
    total += r.runId.size() + r.params.size() + r.tags.size() + r.history.size() + r.latestMetrics.size();
    return {};
}

Status CountingSink::registeredModel(const RegisteredModel &m)
{
    total += m.name.size() + m.versions.size() + m.aliases.size();
    return {};
}

void CountingSink::problem(const ReadProblem &p)
{
    total += p.error.message.size() + p.error.where.size();
}

} // namespace md::fuzz

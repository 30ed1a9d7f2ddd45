// SPDX-License-Identifier: GPL-3.0-or-later
#include "Command.h"

#include <QDateTime>
#include <QFileDevice>

#include <cmath>
#include <csignal>
#include <unistd.h>

namespace md::cli {

void Console::out(const QString &text)
{
    m_out << text;
}

void Console::err(const QString &text)
{
    m_out.flush();
    m_err << text;
    m_err.flush();
}

void Console::flush()
{
    m_out.flush();
    m_err.flush();
}

bool Console::errIsTerminal() const
{
    // QTextStream(stderr) writes through a QFile on the FILE's descriptor; a string has no device.
    const auto *file = qobject_cast<const QFileDevice *>(m_err.device());
    return file && file->handle() >= 0 && isatty(file->handle());
}

Status Context::openCache()
{
    if (Status st = cache.open(cachePath); !st)
        return st;
    if (source.isEmpty())
        return {};
    auto list = cache.sources();
    if (!list)
        return list.error();
    for (const auto &si : std::as_const(*list))
        if (si.uri == source || QString::number(si.id) == source) {
            sourceId = si.id;
            return {};
        }
    return makeError(ErrorCategory::NotFound, Tr::tr("no such source in the cache (see 'modeldesk-cli sources')"), source);
}

void Context::printJson(const json &j)
{
    out(QString::fromStdString(j.dump(2)) + QLatin1Char('\n'));
}

void Context::printTable(const OutputTable &t)
{
    out(format == Format::Csv ? t.toCsv() : t.toText());
}

int usageError(Console &console, const QString &message)
{
    console.err(QStringLiteral("modeldesk-cli: ") + message + QLatin1Char('\n') + Tr::tr("Try 'modeldesk-cli --help'.") +
                QLatin1Char('\n'));
    return 2;
}

int Context::usageError(const QString &message)
{
    return cli::usageError(console, message);
}

int Context::fail(const Error &e)
{
    err(Tr::tr("modeldesk-cli: error: %1").arg(e.toString()) + QLatin1Char('\n'));
    return e.exitCode();
}

QCommandLineOption valueOption(const QString &name, const QString &valueName)
{
    return QCommandLineOption(name, QString(), valueName);
}

QCommandLineOption flagOption(const QString &name)
{
    return QCommandLineOption(name);
}

namespace {

std::atomic_bool g_cancel{false};

void onSignal(int)
{
    g_cancel = true;
}

using SignalHandler = void (*)(int);
/// The handlers cancelOn() replaced, to put back when the command is done.
QList<QPair<int, SignalHandler>> g_replacedHandlers;

} // namespace

std::atomic_bool &cancelFlag()
{
    return g_cancel;
}

void cancelOn(std::initializer_list<int> signalNumbers)
{
    for (const int signalNumber : signalNumbers) {
        const SignalHandler previous = std::signal(signalNumber, onSignal);
        if (previous != SIG_ERR && previous != onSignal)
            g_replacedHandlers.append({signalNumber, previous});
    }
}

void restoreSignalHandlers()
{
    for (const auto &[signalNumber, handler] : std::as_const(g_replacedHandlers))
        std::signal(signalNumber, handler);
    g_replacedHandlers.clear();
}

QString isoTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString numberText(double v)
{
    if (std::isnan(v))
        return QStringLiteral("NaN");
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
    return QString::number(v, 'g', 15);
}

} // namespace md::cli

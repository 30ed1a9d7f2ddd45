// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What every command group of modeldesk-cli shares: the output streams and format, the context a
// command runs in, and the table of commands. Internal to md_cli; CliApp.h is its public face.

#include "MlflowJson.h"
#include "OutputTable.h"
#include "cache/Cache.h"
#include "core/Error.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <atomic>
#include <initializer_list>
#include <optional>

namespace md::cli {

/// Gives lupdate and the runtime the same translation context ("Cli") in every file of the CLI.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

enum class Format { Table, Csv, Json };

/// The two streams a command writes to: results (table, CSV, JSON) to `out`, progress, warnings,
/// errors and questions to `err`. Text for `err` is written at once, after what waits for `out`,
/// so the two interleave on a terminal as they were written.
class Console {
public:
    Console(QTextStream &out, QTextStream &err) : m_out(out), m_err(err) {}

    void out(const QString &text);
    void err(const QString &text);
    /// Writes what waits in both streams through to their devices (and stdio's buffers).
    void flush();
    /// True when `err` writes to a terminal: progress then rewrites one line instead of adding lines.
    bool errIsTerminal() const;

private:
    QTextStream &m_out;
    QTextStream &m_err;
};

/// One command line, parsed: the global options and the command's own, and the cache it works on.
struct Context {
    Context(Console &console, const QCommandLineParser &args) : console(console), args(args) {}

    Console &console;
    const QCommandLineParser &args;  ///< the command's options, by name without dashes ("filter")
    QString command;                 ///< its name ("runs")
    QStringList positional;          ///< the arguments after the command that are no option
    QString cachePath;               ///< --cache, else Cache::defaultPath()
    QString journalPath;             ///< --journal, else the journal beside the cache
    QString source;                  ///< --source as given (a URI or a source id), empty when not given
    Format format = Format::Table;
    bool quiet = false;
    Cache cache;                     ///< open when the command's `needsCache`
    std::optional<qint64> sourceId;  ///< the cache's id of --source, once openCache() found it

    // Only for options the command defines: QCommandLineParser warns about any other name (and
    // tst_cli_inprocess fails on that warning).
    bool isSet(const QString &option) const { return args.isSet(option); }
    /// The option's value (the last one when given several times), `fallback` when not given.
    QString value(const QString &option, const QString &fallback = {}) const
    {
        return args.isSet(option) ? args.value(option) : fallback;
    }
    /// Every value of a repeatable option, in the order given.
    QStringList values(const QString &option) const { return args.values(option); }

    /// Opens the cache at `cachePath` and resolves --source to `sourceId` (not found: NotFound).
    Status openCache();

    void out(const QString &text) { console.out(text); }
    void err(const QString &text) { console.err(text); }
    void printJson(const json &j);
    /// An aligned table, or CSV with --format csv.
    void printTable(const OutputTable &t);
    /// Prints "modeldesk-cli: MESSAGE" and the hint to --help on `err`; returns 2.
    int usageError(const QString &message);
    /// Prints "modeldesk-cli: error: …" on `err`; returns the error's exit code.
    int fail(const Error &e);
};

/// Prints "modeldesk-cli: MESSAGE" and the hint to --help on the console's `err`; returns 2.
int usageError(Console &console, const QString &message);

/// A command: its name, its own options (the global ones are added by run()) and what it does.
struct Command {
    QString name;
    int (*run)(Context &);
    QList<QCommandLineOption> options;
    bool needsCache;  ///< run() opens the cache (and resolves --source) before the command runs
};

/// An option with a value (`--name VALUE` or `--name=VALUE`), repeatable.
QCommandLineOption valueOption(const QString &name, const QString &valueName);
/// An option without a value.
QCommandLineOption flagOption(const QString &name);

/// The command groups, one file each (SyncCommand.cpp, ListCommands.cpp, CompareCommand.cpp,
/// ReviewCommands.cpp, JournalCommands.cpp, ActionCommands.cpp, DataCommands.cpp).
QList<Command> syncCommands();     ///< sync (also --watch)
QList<Command> listCommands();     ///< sources, stats, experiments, runs, run, history, models, versions, prompts
QList<Command> compareCommands();  ///< compare
QList<Command> reviewCommands();   ///< reviews
QList<Command> journalCommands();  ///< journal, timeline, queue
QList<Command> actionCommands();   ///< register, promote, ab, approve, reject, rollback
QList<Command> dataCommands();     ///< demo, generate

/// Set by SIGINT/SIGTERM once a command asked for them with cancelOn(); cleared by run().
std::atomic_bool &cancelFlag();
/// Until restoreSignalHandlers(), the given signals set cancelFlag() instead of what they did.
void cancelOn(std::initializer_list<int> signalNumbers);
/// Puts back the handlers cancelOn() replaced; run() calls it when the command is done.
void restoreSignalHandlers();

/// ISO 8601 UTC with milliseconds; empty for 0 or less.
QString isoTime(qint64 ms);
/// A metric value as text: 15 significant digits, "NaN", "inf", "-inf".
QString numberText(double v);

} // namespace md::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include "Command.h"
#include "cache/Journal.h"

#include <QHash>

#include <optional>

using namespace Qt::StringLiterals;

namespace md::cli {

namespace {

const char *kUsage = QT_TRANSLATE_NOOP("Cli",
    "Usage: modeldesk-cli [--cache PATH] [--journal PATH] [--format table|csv|json] [--quiet] COMMAND [ARGS]\n"
    "\n"
    "Commands:\n"
    "  sync SOURCE-URI [--full] [--histories] [--watch SECONDS]\n"
    "                             import a source into the cache (http(s)://, file://, sqlite://, folder://\n"
    "                             or a path); a server is read incrementally unless --full is given,\n"
    "                             --histories fetches every full metric history now; --watch syncs again\n"
    "                             every SECONDS (with the histories of running runs), one line per round,\n"
    "                             until Ctrl+C or SIGTERM (exit 0, the cache consistent)\n"
    "  sources                    the sources in the cache\n"
    "  stats                      what the cache holds of each source: runs, metric points, params, tags …\n"
    "  experiments [--deleted]    experiments with run counts\n"
    "  runs [--experiment NAME|ID] [--filter EXPR] [--order-by EXPR]... [--max N] [--deleted]\n"
    "                             runs; EXPR in MLflow's search syntax, e.g. \"metrics.rmse < 1\"\n"
    "  run RUN_ID                 one run with its metrics, params, tags and dataset inputs\n"
    "  history RUN_ID METRIC      every logged value of a metric\n"
    "  compare RUN_ID RUN_ID... [--baseline RUN_ID] [--step latest|min|max|N] [--diff-only]\n"
    "                             runs side by side with deltas against the baseline (default: the\n"
    "                             run behind the Production version or the champion alias)\n"
    "  models                     registered models (MLflow's prompts are listed by `prompts`)\n"
    "  versions MODEL             the versions of a registered model\n"
    "  prompts [PROMPT]           the prompts of MLflow 3's prompt registry; with PROMPT its versions,\n"
    "                             aliases and template text (prompts are never promoted or rolled back)\n"
    "  reviews [--policies FILE]  every version waiting for a review, in all sources and models: who asked\n"
    "                             and when (or the window in which a sync saw another tool move it),\n"
    "                             the key metric against Production, the A/B share\n"
    "  journal [verify] [--model MODEL]\n"
    "                             the journal of actions and observed registry changes\n"
    "  timeline MODEL             the version history of a model: stages, aliases, every event\n"
    "\n"
    "Registry actions (on the source that holds MODEL; --source URI chooses when several do):\n"
    "  register MODEL (--run RUN_ID | --from URI-OR-FILE) [--description TEXT] [--tag KEY=VALUE]...\n"
    "                             register a run's model (or, for a model folder, a model file) as a\n"
    "                             new version\n"
    "  promote MODEL VERSION --to Staging|Production|Archived|None|ALIAS\n"
    "                             Staging asks for a review; Production needs an approval and\n"
    "                             archives the version it replaces (kept as rollback target)\n"
    "  ab MODEL VERSION (--share PERCENT | --end)\n"
    "                             start or end an A/B test of a version in Staging\n"
    "  approve MODEL VERSION --note TEXT\n"
    "  reject MODEL VERSION --note TEXT\n"
    "                             decide a review; the approver must not be who asked for it\n"
    "  rollback MODEL [--to VERSION] --reason TEXT [--yes] [--report FILE]\n"
    "                             put the last known-good version back into Production now\n"
    "  queue [apply]              actions waiting for an unreachable server; apply re-checks them\n"
    "  Every action takes --dry-run (print the plan, change nothing) and --policies FILE.\n"
    "  demo --into DIR            write the bundled demo (MLflow file store and model folder)\n"
    "  generate --runs N --into DIR [--metrics M] [--params P] [--steps S] [--experiments E]\n"
    "           [--seed K] [--force]\n"
    "                             write a synthetic data set as an MLflow file store (DIR/mlruns) and an\n"
    "                             MLflow SQLite database (DIR/mlflow.db); defaults: 10 metrics, 10 params,\n"
    "                             1 step, 1 experiment, seed 1; the same arguments give the same data;\n"
    "                             --force replaces mlruns/ and mlflow.db in a folder that is not empty\n"
    "\n"
    "Global options:\n"
    "  --cache PATH    the cache file (default: $XDG_DATA_HOME/modeldesk/cache.sqlite)\n"
    "  --journal PATH  the journal file (default: journal.sqlite beside the cache)\n"
    "  --format F      table (default), csv or json\n"
    "  --source URI    limit listings to one source\n"
    "  --quiet         no progress on stderr\n"
    "  --version, --help\n"
    "\n"
    "Exit codes: 0 success, 1 runtime failure (also: the source changed under us), 2 usage error\n"
    "or bad input, 3 refused by a policy rule (the message names the rule).\n"
    "Who acts: the MLflow user signed in to a tracking server (MLFLOW_TRACKING_USERNAME), else $USER.\n"
    "MLFLOW_TRACKING_URI is used by 'sync' when no SOURCE-URI is given.\n");

/// The options every command takes, before or after the command's name.
QList<QCommandLineOption> globalOptions()
{
    return {valueOption(u"cache"_s, u"PATH"_s),
            valueOption(u"journal"_s, u"PATH"_s),
            valueOption(u"format"_s, u"table|csv|json"_s),
            valueOption(u"source"_s, u"URI|ID"_s),
            QCommandLineOption(QStringList{u"q"_s, u"quiet"_s}),
            QCommandLineOption(QStringList{u"h"_s, u"help"_s}),
            flagOption(u"version"_s)};
}

const QList<Command> &commands()
{
    static const QList<Command> list = syncCommands() + listCommands() + compareCommands() + reviewCommands()
                                       + journalCommands() + actionCommands() + dataCommands();
    return list;
}

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands())
        if (command.name == name)
            return &command;
    return nullptr;
}

/// A parser for `options`, one name per argument ("-qh" is no bundle of -q and -h).
void setUp(QCommandLineParser &parser, const QList<QCommandLineOption> &options)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addOptions(options);
}

/// The first thing wrong with the options in `arguments` (those before the command when `command`
/// is empty, else the command's), in the order given and worded as modeldesk-cli always did, or
/// nothing when there is none or --help or --version comes first. QCommandLineParser takes the
/// values; this keeps the command line as strict as it was: one dash for "-q" and "-h", two for
/// every other name ("--q" and "-quiet" are unknown), "--" is an unknown option, not the end of
/// the options, and a value given to an option that takes none is refused.
std::optional<QString> firstProblem(const QStringList &arguments, const QList<QCommandLineOption> &options,
                                    const QString &command)
{
    QHash<QString, bool> takesValue;
    for (const QCommandLineOption &option : options)
        for (const QString &name : option.names())
            takesValue.insert(name, !option.valueName().isEmpty());
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (!a.startsWith(u'-') || a.size() == 1) {
            if (command.isEmpty())
                return std::nullopt;  // the command: what follows is its business
            continue;
        }
        const bool isLong = a.startsWith("--"_L1);
        const QString typed = isLong ? a.section(u'=', 0, 0) : a;
        const QString name = typed.mid(isLong ? 2 : 1);
        const auto known = takesValue.constFind(name);
        if (known == takesValue.cend() || (name.size() == 1) == isLong)
            return command.isEmpty() ? Tr::tr("unknown option %1").arg(typed)
                                     : Tr::tr("unknown option %1 for '%2'").arg(typed, command);
        if (name == "h"_L1 || name == "help"_L1 || name == "version"_L1)
            return std::nullopt;
        const bool inlineValue = isLong && a.contains(u'=');
        if (*known && !inlineValue) {
            if (i + 1 == arguments.size())
                return Tr::tr("option %1 needs a value").arg(typed);
            ++i;
        } else if (!*known && inlineValue) {
            return Tr::tr("option %1 takes no value").arg(typed);
        }
    }
    return std::nullopt;
}

/// Prints the usage for --help or the version for --version, whichever came first; false when
/// neither was given.
bool answeredHelpOrVersion(const QCommandLineParser &parser, Console &console)
{
    for (const QString &name : parser.optionNames()) {
        if (name == "h"_L1 || name == "help"_L1) {
            console.out(Tr::tr(kUsage));
            return true;
        }
        if (name == "version"_L1) {
            console.out(QStringLiteral("modeldesk-cli " MODELDESK_VERSION "\n"));
            return true;
        }
    }
    return false;
}

/// Applies the --format values in the order given; returns the first that is none of table, csv
/// and json.
std::optional<QString> applyFormats(const QStringList &values, Format &format)
{
    for (const QString &value : values) {
        if (value == "table"_L1)
            format = Format::Table;
        else if (value == "csv"_L1)
            format = Format::Csv;
        else if (value == "json"_L1)
            format = Format::Json;
        else
            return value;
    }
    return std::nullopt;
}

int runCommandLine(const QStringList &arguments, Console &console)
{
    cancelFlag() = false;
    const QList<QCommandLineOption> globals = globalOptions();

    // The global options before the command; the command and what follows it are positional here.
    if (const auto problem = firstProblem(arguments, globals, {}))
        return usageError(console, *problem);
    QCommandLineParser before;
    setUp(before, globals);
    before.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    const bool parsed = before.parse(arguments);
    if (answeredHelpOrVersion(before, console))
        return 0;
    if (!parsed)  // not expected after firstProblem()
        return usageError(console, before.errorText());
    Format format = Format::Table;
    const auto badFormat = [](const QString &value) {
        return Tr::tr("unknown format '%1' (expected table, csv or json)").arg(value);
    };
    if (const auto bad = applyFormats(before.values(u"format"_s), format))
        return usageError(console, badFormat(*bad));
    const QStringList rest = before.positionalArguments();
    if (rest.isEmpty()) {
        console.err(Tr::tr(kUsage));
        return 2;
    }
    const Command *command = findCommand(rest.first());
    if (!command)
        return usageError(console, Tr::tr("unknown command '%1'").arg(rest.first()));

    // The command's arguments, with its own options and the global ones. parse() skips the first
    // element as it skips argv[0]: here that is the command's name.
    const QList<QCommandLineOption> options = globals + command->options;
    if (const auto problem = firstProblem(rest, options, command->name))
        return usageError(console, *problem);
    QCommandLineParser parser;
    setUp(parser, options);
    const bool commandParsed = parser.parse(rest);
    if (answeredHelpOrVersion(parser, console))
        return 0;
    if (!commandParsed)
        return usageError(console, parser.errorText());
    if (const auto bad = applyFormats(parser.values(u"format"_s), format))
        return usageError(console, badFormat(*bad));

    // A global option given on both sides of the command: the later one counts.
    const auto global = [&](const QString &name) { return parser.isSet(name) ? parser.value(name) : before.value(name); };
    Context c(console, parser);
    c.command = command->name;
    c.positional = parser.positionalArguments();
    c.format = format;
    c.quiet = before.isSet(u"quiet"_s) || parser.isSet(u"quiet"_s);
    c.cachePath = global(u"cache"_s);
    if (c.cachePath.isEmpty())
        c.cachePath = Cache::defaultPath();
    c.journalPath = global(u"journal"_s);
    if (c.journalPath.isEmpty())
        c.journalPath = Journal::defaultPathFor(c.cachePath);
    c.source = global(u"source"_s);
    if (command->needsCache)
        if (Status st = c.openCache(); !st)
            return c.fail(st.error());
    return command->run(c);
}

} // namespace

int run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    Console console(out, err);
    const int exitCode = runCommandLine(arguments, console);
    restoreSignalHandlers();
    console.flush();
    return exitCode;
}

QStringList commandNames()
{
    QStringList names;
    for (const Command &command : commands())
        names.append(command.name);
    return names;
}

QString takeLanguageOption(QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (a == "--"_L1)
            break;
        if (a == "--lang"_L1 && i + 1 < arguments.size()) {
            const QString code = arguments.at(i + 1);
            arguments.remove(i, 2);
            return code;
        }
        if (a.startsWith("--lang="_L1)) {
            arguments.removeAt(i);
            return a.mid(7);
        }
    }
    return {};
}

} // namespace md::cli

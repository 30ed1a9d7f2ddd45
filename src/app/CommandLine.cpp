// SPDX-License-Identifier: GPL-3.0-or-later
#include "CommandLine.h"

#include "cache/Cache.h"
#include "cache/Journal.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QLocale>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace md::app {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(u"ModelDesk"_s);
    QCoreApplication::setApplicationName(u"modeldesk"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
}

QStringList chartKinds()
{
    return {u"history"_s, u"bar"_s, u"scatter"_s, u"parallel"_s};
}

QStringList themeNames()
{
    QStringList names;
    for (const Theme::Mode mode : Theme::modes())
        names.append(Theme::name(mode));
    return names;
}

bool wantsTextOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QLatin1String a(argv[i]);
        if (a == QLatin1String("--"))
            return false;
        if (a == QLatin1String("--help") || a == QLatin1String("-h") || a == QLatin1String("--help-all")
            || a == QLatin1String("--version") || a == QLatin1String("-v"))
            return true;
    }
    return false;
}

QString languageArgument(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--"))
            break;
        if ((a == QLatin1String("--lang") || a == QLatin1String("-lang")) && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return {};
}

Options parseCommandLine(QCoreApplication &app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CommandLine", "ModelDesk: browse MLflow experiments and runs from a local cache."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"SOURCE-URI"_s,
        QCoreApplication::translate("CommandLine",
                                    "The MLflow store to import and show: http://host:5000, file:///path/mlruns, sqlite:///path/mlflow.db, "
                                    "folder:///path/artifacts/training or a plain path. Default: $MLFLOW_TRACKING_URI; "
                                    "without either, the sources saved in the cache (or a demo on first start)."),
        u"[SOURCE-URI]"_s);
    const QCommandLineOption cacheOption(
        u"cache"_s,
        QCoreApplication::translate("CommandLine", "The cache file to use (default: %1).").arg(Cache::defaultPath()),
        QCoreApplication::translate("CommandLine", "PATH"));
    const QCommandLineOption screenshotOption(
        u"screenshot"_s,
        QCoreApplication::translate("CommandLine",
                                    "Save a picture of the window to FILE.png once the first experiment is shown, "
                                    "then exit (0 = ok, 1 = the import failed). Works with QT_QPA_PLATFORM=offscreen."),
        QCoreApplication::translate("CommandLine", "FILE.png"));
    const QCommandLineOption langOption(
        u"lang"_s, QCoreApplication::translate("CommandLine", "The language of the user interface, e.g. de or en."),
        QCoreApplication::translate("CommandLine", "CODE"));
    const QCommandLineOption themeOption(
        u"theme"_s,
        QCoreApplication::translate("CommandLine",
                                    "The look for this run: system, light or dark (Fusion with a dark palette). "
                                    "Default: the one chosen in View › Theme."),
        QCoreApplication::translate("CommandLine", "THEME"));
    const QCommandLineOption compareOption(
        u"compare"_s,
        QCoreApplication::translate("CommandLine",
                                    "Open the side-by-side comparison of these runs (MLflow run ids, separated by "
                                    "commas) once the source is imported."),
        QCoreApplication::translate("CommandLine", "RUN_ID,..."));
    const QCommandLineOption chartOption(
        u"chart"_s,
        QCoreApplication::translate("CommandLine",
                                    "Show the Charts tab with this chart of the compared runs (with --compare): "
                                    "history, bar, scatter or parallel."),
        QCoreApplication::translate("CommandLine", "KIND"));
    const QCommandLineOption metricOption(
        u"metric"_s,
        QCoreApplication::translate("CommandLine", "The metric the Charts tab shows (with --compare)."),
        QCoreApplication::translate("CommandLine", "KEY"));
    const QCommandLineOption modelOption(
        u"model"_s,
        QCoreApplication::translate("CommandLine",
                                    "Open the Models view on this registered model once the source is imported."),
        QCoreApplication::translate("CommandLine", "NAME"));
    const QCommandLineOption experimentOption(
        u"experiment"_s,
        QCoreApplication::translate("CommandLine", "Open on this experiment (its name or id) once the source is imported."),
        QCoreApplication::translate("CommandLine", "NAME"));
    parser.addOption(cacheOption);
    parser.addOption(experimentOption);
    parser.addOption(compareOption);
    parser.addOption(chartOption);
    parser.addOption(metricOption);
    parser.addOption(modelOption);
    parser.addOption(screenshotOption);
    parser.addOption(langOption);
    parser.addOption(themeOption);

    if (!parser.parse(app.arguments())) {
        std::fprintf(stderr, "modeldesk: %s\n\n%s", qPrintable(parser.errorText()), qPrintable(parser.helpText()));
        std::exit(2);
    }
    if (parser.isSet(u"help"_s))
        parser.showHelp(0);
    if (parser.isSet(u"version"_s))
        parser.showVersion();
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        std::fprintf(stderr, "modeldesk: %s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "Give at most one SOURCE-URI.")));
        std::exit(2);
    }

    Options options;
    options.sourceUri = positional.isEmpty() ? qEnvironmentVariable("MLFLOW_TRACKING_URI") : positional.first();
    options.cachePath = parser.isSet(cacheOption) ? parser.value(cacheOption) : Cache::defaultPath();
    options.journalPath = Journal::defaultPathFor(options.cachePath);
    options.screenshot = parser.value(screenshotOption);
    for (const QString &value : parser.values(compareOption))
        for (const QString &id : value.split(u',', Qt::SkipEmptyParts))
            if (const QString trimmed = id.trimmed(); !trimmed.isEmpty() && !options.compareRunIds.contains(trimmed))
                options.compareRunIds.append(trimmed);
    if (parser.isSet(compareOption) && options.compareRunIds.isEmpty()) {
        std::fprintf(stderr, "modeldesk: %s\n",
                     qPrintable(QCoreApplication::translate("CommandLine", "--compare needs at least one run id.")));
        std::exit(2);
    }
    if (parser.isSet(chartOption)) {
        options.chartKind = int(chartKinds().indexOf(parser.value(chartOption).trimmed().toLower()));
        if (options.chartKind < 0) {
            std::fprintf(stderr, "modeldesk: %s\n",
                         qPrintable(QCoreApplication::translate("CommandLine", "--chart takes one of: %1.")
                                        .arg(chartKinds().join(u", "_s))));
            std::exit(2);
        }
    }
    if (parser.isSet(themeOption)) {
        options.theme = Theme::fromName(parser.value(themeOption));
        if (!options.theme) {
            std::fprintf(stderr, "modeldesk: %s\n",
                         qPrintable(QCoreApplication::translate("CommandLine", "--theme takes one of: %1.")
                                        .arg(themeNames().join(u", "_s))));
            std::exit(2);
        }
    }
    options.chartMetric = parser.value(metricOption);
    options.modelName = parser.value(modelOption);
    options.experiment = parser.value(experimentOption);
    return options;
}

} // namespace md::app

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/Theme.h"

#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace md::app {

/// What `modeldesk [SOURCE-URI] [--cache PATH] [--screenshot FILE.png] [--lang CODE]
/// [--theme system|light|dark] [--compare RUN_ID,RUN_ID,...] [--chart KIND] [--metric KEY]
/// [--model NAME]` asked for.
struct Options {
    QString sourceUri;    ///< the argument, else $MLFLOW_TRACKING_URI, else empty
    QString cachePath;    ///< --cache, else Cache::defaultPath()
    QString journalPath;  ///< Journal::defaultPathFor(cachePath)
    QString screenshot;   ///< --screenshot FILE.png, empty when not asked
    QStringList compareRunIds;  ///< --compare, split at commas; empty when not asked
    QString modelName;          ///< --model: the registered model to show; empty when not asked
    QString experiment;         ///< --experiment: name or id of the experiment to open on
    /// --chart: the index into chartKinds() (= ChartsPage::Kind) of the chart to show; -1 when not asked.
    int chartKind = -1;
    QString chartMetric;  ///< --metric: the metric the Charts tab shows; empty when not asked
    /// --theme: the look for this run, not stored; nullopt: the one chosen in View › Theme.
    std::optional<Theme::Mode> theme;
};

/// The values --theme takes: system, light, dark.
QStringList themeNames();

/// The values --chart takes, in the order of ChartsPage::Kind: history, bar, scatter, parallel.
QStringList chartKinds();

/// Sets the application's names and version (also the QSettings and AppDataLocation names).
void setApplicationNames();

/// True when the command line only asks for text (--help, --help-all, --version): then main()
/// answers with a QCoreApplication, so that no display is needed.
bool wantsTextOnly(int argc, char **argv);

/// The --lang value found in `arguments` ("--lang de" or "--lang=de"), empty when none. Read
/// before the parser exists, because the parser's help texts must already be translated.
QString languageArgument(const QStringList &arguments);

/// Parses the command line. --help and --version print and exit(0); a usage error prints and
/// exits with 2. Call after md::installTranslations() (core/Translations.h).
Options parseCommandLine(QCoreApplication &app);

} // namespace md::app

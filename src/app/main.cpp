// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk: the GUI. Wiring only; the work is in md_gui and below.
#include "CommandLine.h"
#include "core/Settings.h"
#include "core/Translations.h"

#include "gui/ChartsPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char *argv[])
{
    md::app::setApplicationNames();
    if (md::app::wantsTextOnly(argc, argv)) {
        QCoreApplication core(argc, argv);
        md::installTranslations(core, md::app::languageArgument(QCoreApplication::arguments()));
        md::app::parseCommandLine(core);  // prints and exits
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setDesktopFileName(QStringLiteral("io.github.modeldesk.ModelDesk"));
    md::installTranslations(app, md::app::languageArgument(QApplication::arguments()));
    const md::app::Options options = md::app::parseCommandLine(app);

    const bool screenshot = !options.screenshot.isEmpty();
    md::MessageBox::setHeadless(screenshot);
    if (!screenshot)  // a screenshot reads and writes no settings
        md::Settings::instance().migrate();
    md::MainWindow window({options.cachePath, options.journalPath, screenshot, options.compareRunIds, options.modelName,
                           options.experiment, options.theme});
    window.chartsPage()->setUseSettings(!screenshot);
    QObject::connect(&window, &md::MainWindow::startupFinished, &app, [&](bool ok, const QString &error) {
        if (!ok)
            std::fprintf(stderr, "modeldesk: %s\n", qPrintable(error));
        if (options.chartKind >= 0) {
            md::ChartsPage *charts = window.chartsPage();
            if (!options.chartMetric.isEmpty())
                charts->setMetric(options.chartMetric);
            charts->setKind(md::ChartsPage::Kind(options.chartKind));
            window.pages()->setCurrentWidget(charts);
        }
        if (!screenshot)
            return;
        // Let the layout and the table settle before the picture is taken.
        QTimer::singleShot(300, &app, [&, ok] {
            const bool saved = window.grab().save(options.screenshot, "PNG");
            if (!saved)
                std::fprintf(stderr, "modeldesk: cannot write %s\n", qPrintable(options.screenshot));
            QCoreApplication::exit(saved && ok ? 0 : 1);
        });
    });
    window.show();
    window.startUp(options.sourceUri);
    return QApplication::exec();
}

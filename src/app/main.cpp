// SPDX-License-Identifier: GPL-3.0-or-later
// modeldesk: the GUI. Wiring only; the work is in md_gui and below.
#include "CommandLine.h"
#include "core/Scheduling.h"
#include "core/Settings.h"
#include "core/Translations.h"

#include "gui/ChartsPage.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"

#include <QApplication>
#include <QDeadlineTimer>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

namespace {

/// Saves a picture of `window` to `path` and quits (exit code 1 when `ok` is false or the file
/// cannot be written) once the layout is done and the pages have what they show: when no page
/// has read anything for three ticks of 10 ms (a page may start its read a turn of the event loop
/// after another's ends) and what they posted has run (a chart's queued replot). The runs table
/// asks for the rows in view while it paints, so a grab can start a read: the picture is the
/// first grab after which nothing is read, or the one after 10 s.
void saveScreenshotWhenRead(md::MainWindow &window, const QString &path, bool ok)
{
    auto *tick = new QTimer(&window);
    tick->setInterval(10);
    QObject::connect(tick, &QTimer::timeout, &window,
        [&window, path, ok, tick, quiet = 0, deadline = QDeadlineTimer(10000)]() mutable {
            quiet = window.isReading() ? 0 : quiet + 1;
            if (quiet < 3 && !deadline.hasExpired())
                return;
            QCoreApplication::sendPostedEvents();
            const QPixmap picture = window.grab();
            if (window.isReading() && !deadline.hasExpired()) {
                quiet = 0;
                return;
            }
            tick->stop();
            const bool saved = picture.save(path, "PNG");
            if (!saved)
                std::fprintf(stderr, "modeldesk: cannot write %s\n", qPrintable(path));
            QCoreApplication::exit(saved && ok ? 0 : 1);
        });
    tick->start();
}

} // namespace

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
    // This thread paints and answers input; the sync's, the tables' and the charts' threads work
    // beside it. With a short slice it runs soon after an event wakes it, also when they (or a
    // local server, or a training job) keep both cores busy (see the README's Performance).
    (void)md::askForShortTimeSlice(md::kGuiTimeSlice);
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
        saveScreenshotWhenRead(window, options.screenshot, ok);
    });
    window.show();
    window.startUp(options.sourceUri);
    return QApplication::exec();
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Test-only helpers for the GUI tests: open the main window as the application does, wait for
// its start-up import, find the dialog a page has open.

#include "cache/Journal.h"
#include "gui/MainWindow.h"

#include <QDebug>
#include <QList>
#include <QSignalSpy>
#include <QTest>
#include <QWidget>

#include <memory>

namespace md::test {

/// The dialog of type T that `parent` has open now (closed ones may still wait for deleteLater).
template<typename T>
T *openDialog(QWidget *parent)
{
    const QList<T *> dialogs = parent->findChildren<T *>();
    for (T *d : dialogs)
        if (d->isVisible())
            return d;
    return nullptr;
}

/// A shown main window on `options` (the journal beside the cache when none is given); null when
/// it was never exposed.
inline std::unique_ptr<MainWindow> showMainWindow(MainWindowOptions options)
{
    if (options.journalPath.isEmpty())
        options.journalPath = Journal::defaultPathFor(options.cachePath);
    auto window = std::make_unique<MainWindow>(options);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

/// startUp(uri), then waits at most `timeoutMs` for startupFinished(); true when it reported success.
inline bool startUpAndWait(MainWindow &window, const QString &uri, int timeoutMs)
{
    QSignalSpy finished(&window, &MainWindow::startupFinished);
    window.startUp(uri);
    if (!finished.wait(timeoutMs) && finished.isEmpty())
        return false;
    if (!finished.first().at(0).toBool())
        qWarning() << "startup failed:" << finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}

} // namespace md::test

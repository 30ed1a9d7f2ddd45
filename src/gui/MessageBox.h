// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMessageBox>
#include <QString>

namespace md {

/// The one way the GUI shows messages, with a test seam (after keepassxc's MessageBox):
/// tests answer the next box with setNextAnswer(), or switch every box off with setHeadless(),
/// and read what would have been shown from history().
///
/// error(), warning(), information() and about() never block: the box is window-modal, opened
/// with QDialog::open() and deletes itself when closed. question() blocks until answered.
/// GUI thread only.
class MessageBox {
public:
    enum class Kind { Information, Warning, Error, About, Question };
    /// What a box showed (or, headless or answered in advance, would have shown).
    struct Record {
        Kind kind = Kind::Information;
        QString title;
        QString text;
        QString details;
        QMessageBox::StandardButton answer = QMessageBox::NoButton;
    };

    static void error(QWidget *parent, const QString &title, const QString &text, const QString &details = {});
    static void warning(QWidget *parent, const QString &title, const QString &text, const QString &details = {});
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void about(QWidget *parent, const QString &title, const QString &text);
    /// Asks and returns the button pressed (`defaultButton` when headless).
    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);

    /// Test seam: the next box is not shown and answers `button`.
    static void setNextAnswer(QMessageBox::StandardButton button);
    /// Test seam and --screenshot: no box is shown at all; questions answer their default button.
    static void setHeadless(bool headless);
    static bool isHeadless();
    /// Every box since the last clearHistory(), oldest first.
    static QList<Record> history();
    static void clearHistory();

private:
    static QMessageBox::StandardButton show(QWidget *parent, Kind kind, const QString &title, const QString &text,
                                            const QString &details, QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

} // namespace md

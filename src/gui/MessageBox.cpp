// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBox.h"

namespace md {

namespace {

QMessageBox::StandardButton g_nextAnswer = QMessageBox::NoButton;
bool g_headless = false;
QList<MessageBox::Record> g_history;

QMessageBox::Icon iconFor(MessageBox::Kind kind)
{
    switch (kind) {
    case MessageBox::Kind::Warning: return QMessageBox::Warning;
    case MessageBox::Kind::Error: return QMessageBox::Critical;
    case MessageBox::Kind::Question: return QMessageBox::Question;
    case MessageBox::Kind::Information: return QMessageBox::Information;
    case MessageBox::Kind::About: return QMessageBox::NoIcon;
    }
    return QMessageBox::NoIcon;
}

} // namespace

void MessageBox::error(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    show(parent, Kind::Error, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::warning(QWidget *parent, const QString &title, const QString &text, const QString &details)
{
    show(parent, Kind::Warning, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::information(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, Kind::Information, title, text, {}, QMessageBox::Ok, QMessageBox::Ok);
}

void MessageBox::about(QWidget *parent, const QString &title, const QString &text)
{
    show(parent, Kind::About, title, text, {}, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget *parent, const QString &title, const QString &text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(parent, Kind::Question, title, text, {}, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton button)
{
    g_nextAnswer = button;
}

void MessageBox::setHeadless(bool headless)
{
    g_headless = headless;
}

bool MessageBox::isHeadless()
{
    return g_headless;
}

QList<MessageBox::Record> MessageBox::history()
{
    return g_history;
}

void MessageBox::clearHistory()
{
    g_history.clear();
}

QMessageBox::StandardButton MessageBox::show(QWidget *parent, Kind kind, const QString &title, const QString &text,
                                             const QString &details, QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    Record record{kind, title, text, details, QMessageBox::NoButton};
    if (g_nextAnswer != QMessageBox::NoButton || g_headless) {
        record.answer = g_nextAnswer != QMessageBox::NoButton ? g_nextAnswer : defaultButton;
        g_nextAnswer = QMessageBox::NoButton;
        g_history.append(record);
        return record.answer;
    }

    auto *box = new QMessageBox(iconFor(kind), title, text, buttons, parent);
    box->setDefaultButton(defaultButton);
    box->setDetailedText(details);
    box->setTextFormat(Qt::AutoText);
    if (kind == Kind::About && parent)
        box->setIconPixmap(parent->windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (kind != Kind::Question) {
        g_history.append(record);
        box->open();
        return QMessageBox::NoButton;
    }
    // A question's answer decides what happens next, so this one waits.
    record.answer = QMessageBox::StandardButton(box->exec());
    g_history.append(record);
    return record.answer;
}

} // namespace md

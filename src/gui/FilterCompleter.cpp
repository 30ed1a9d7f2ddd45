// SPDX-License-Identifier: GPL-3.0-or-later
#include "FilterCompleter.h"

#include "core/SearchFilter.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QLineEdit>
#include <QRegularExpression>
#include <QStringListModel>

namespace md {

namespace {
bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('`');
}
} // namespace

FilterCompleter::FilterCompleter(QLineEdit *edit)
    : QObject(edit), m_edit(edit), m_completer(new QCompleter(this)), m_model(new QStringListModel(this))
{
    m_completer->setModel(m_model);
    m_completer->setWidget(edit);
    m_completer->setCompletionMode(QCompleter::PopupCompletion);
    m_completer->setCaseSensitivity(Qt::CaseInsensitive);
    m_completer->setFilterMode(Qt::MatchStartsWith);
    m_model->setStringList(searchFilterKeywords());
    connect(edit, &QLineEdit::textEdited, this, &FilterCompleter::onEdited);
    connect(m_completer, qOverload<const QString &>(&QCompleter::activated), this, &FilterCompleter::insert);
}

QString FilterCompleter::qualified(const QString &prefix, const QString &key)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z_][A-Za-z0-9_.]*$"));
    return prefix + (plain.match(key).hasMatch() ? key : QLatin1Char('`') + key + QLatin1Char('`'));
}

void FilterCompleter::setKeys(const QStringList &metricKeys, const QStringList &paramKeys)
{
    QStringList all;
    for (const auto &k : metricKeys)
        all.append(qualified(QStringLiteral("metrics."), k));
    for (const auto &k : paramKeys)
        all.append(qualified(QStringLiteral("params."), k));
    all += searchFilterKeywords();
    all.removeDuplicates();
    m_model->setStringList(all);
}

QStringList FilterCompleter::candidates() const { return m_model->stringList(); }

int FilterCompleter::wordStart(const QString &text, int cursor)
{
    int start = std::clamp(cursor, 0, int(text.size()));
    while (start > 0 && isWordChar(text.at(start - 1)))
        --start;
    return start;
}

void FilterCompleter::onEdited()
{
    const QString text = m_edit->text();
    const int cursor = m_edit->cursorPosition();
    const QString word = text.mid(wordStart(text, cursor), cursor - wordStart(text, cursor));
    if (word.isEmpty()) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->setCompletionPrefix(word);
    // Nothing to add when the only candidate is what is typed already.
    if (m_completer->completionCount() == 0
        || (m_completer->completionCount() == 1 && m_completer->currentCompletion() == word)) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void FilterCompleter::insert(const QString &completion)
{
    QString text = m_edit->text();
    const int cursor = m_edit->cursorPosition();
    const int start = wordStart(text, cursor);
    int end = cursor;
    while (end < text.size() && isWordChar(text.at(end)))
        ++end;
    text.replace(start, end - start, completion);
    m_edit->setText(text);
    m_edit->setCursorPosition(start + int(completion.size()));
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

class QCompleter;
class QLineEdit;
class QStringListModel;

namespace md {

/// Completes the word under the cursor of a filter field with MLflow's search keys: the
/// prefixes (metrics., params., tags., attributes., datasets.), the attribute names, and the
/// metric and param keys of the runs shown. Keys that need quoting come back-ticked.
class FilterCompleter : public QObject {
    Q_OBJECT
public:
    explicit FilterCompleter(QLineEdit *edit);

    /// The keys of the runs on show; called whenever the runs table loads.
    void setKeys(const QStringList &metricKeys, const QStringList &paramKeys);
    QCompleter *completer() const { return m_completer; }
    /// Everything the completer offers, in order.
    QStringList candidates() const;

    /// Where the word under `cursor` starts: the identifier characters before it (letters,
    /// digits, _ . and a back-tick quote).
    static int wordStart(const QString &text, int cursor);
    /// "metrics.`my key`" for keys that MLflow's parser needs quoted, else "metrics.key".
    static QString qualified(const QString &prefix, const QString &key);

private:
    void onEdited();
    void insert(const QString &completion);

    QLineEdit *m_edit;
    QCompleter *m_completer;
    QStringListModel *m_model;
};

} // namespace md

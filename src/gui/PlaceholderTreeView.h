// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTreeView>

namespace md {

/// A QTreeView that shows a hint instead of a blank area when its model has no rows.
class PlaceholderTreeView : public QTreeView {
    Q_OBJECT
public:
    explicit PlaceholderTreeView(QWidget *parent = nullptr);
    /// The hint shown while the model is empty; empty = none.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};

} // namespace md

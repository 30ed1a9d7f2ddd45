// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace md {

/// A QTableView that shows a hint instead of a blank area when its model has no rows.
class PlaceholderTableView : public QTableView {
    Q_OBJECT
public:
    explicit PlaceholderTableView(QWidget *parent = nullptr);
    /// The hint shown while the model is empty; empty = none.
    void setPlaceholderText(const QString &text);
    QString placeholderText() const { return m_placeholder; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_placeholder;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractItemView>
#include <QString>

class QPaintEvent;

namespace md {

/// Paints a centred, word-wrapped hint into an empty item view's viewport (in the palette's
/// placeholder colour, so it reads on light and dark themes). Call from the view's paintEvent.
class PlaceholderPainter {
public:
    /// Paints `text` when the view's model has no rows (or no model) and `text` is not empty.
    static void paintIfEmpty(QAbstractItemView *view, const QString &text);
};

/// An item view of class `View` (QTableView, QTreeView) that shows a hint instead of a blank area
/// when its model has no rows.
template <typename View>
class PlaceholderView : public View {
public:
    using View::View;

    /// The hint shown while the model is empty; empty = none.
    void setPlaceholderText(const QString &text)
    {
        if (text == m_placeholder)
            return;
        m_placeholder = text;
        this->viewport()->update();
    }
    QString placeholderText() const { return m_placeholder; }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        View::paintEvent(event);
        PlaceholderPainter::paintIfEmpty(this, m_placeholder);
    }

private:
    QString m_placeholder;
};

} // namespace md

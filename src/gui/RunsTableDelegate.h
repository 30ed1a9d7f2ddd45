// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>
#include <QPointF>
#include <QStyledItemDelegate>

#include <memory>
#include <optional>
#include <vector>

namespace md {

/// Paints the runs table's cells as QStyledItemDelegate does with the Fusion style, pixel for
/// pixel, at a fraction of the cost. A screenful is ~500 cells, and QStyledItemDelegate lays out
/// and shapes each cell's text two or three times (size, elision, drawing) and asks for every role.
///
/// The fast path takes the common cell: one line of plain left-to-right text whose characters all
/// have glyphs in the view's font and that fits the cell, with or without an icon on its left, no
/// check box, background brush or focus frame. It reads the roles it needs in one multiData()
/// call, fills the selection highlight itself and draws the text as a glyph run, placed where
/// QCommonStyle's text layout puts it: the glyph advances and the kerning of each pair of
/// characters are measured once with a real QTextLayout (so ligatures and kerning are honoured
/// or, when a pair does not shape as two plain glyphs, the cell goes to the slow path).
/// Everything else (other styles, printers, right-to-left text, elision, pixmaps, the current
/// cell's focus frame) is handed to QStyledItemDelegate::paint(). sizeHint() takes the same
/// cells the same way.
class RunsTableDelegate final : public QStyledItemDelegate {
    Q_OBJECT

public:
    explicit RunsTableDelegate(QObject *parent = nullptr);
    ~RunsTableDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// What QStyledItemDelegate::sizeHint() says, for the cells the fast path takes without
    /// laying their text out (the table sizes its columns by a screenful of rows).
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// How many cells each path painted since construction (for tests and measurements).
    struct Counts {
        qint64 fast = 0;
        qint64 fallback = 0;
        qint64 fastSizeHints = 0;
        qint64 fallbackSizeHints = 0;
    };
    Counts counts() const { return m_counts; }

private:
    struct FontGlyphs;

    bool paintFast(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const;
    std::optional<QSize> sizeHintFast(const QStyleOptionViewItem &option, const QModelIndex &index) const;
    /// Lays `text` out in `font` into m_glyphIndexes and m_glyphPositions: its advance, what its
    /// last glyph reaches beyond, its ink; null when the text needs QTextLayout.
    FontGlyphs *layOut(const QString &text, const QFont &font, qreal *width, qreal *overhang, QRectF *ink) const;
    FontGlyphs *glyphsFor(const QFont &font) const;
    /// QIcon::actualSize(), remembered.
    QSize iconSize(const QIcon &icon, const QSize &size, QIcon::Mode mode, QIcon::State state) const;

    struct IconSize {
        qint64 key = 0;
        QSize size;
        QIcon::Mode mode = QIcon::Normal;
        QIcon::State state = QIcon::Off;
        qreal ratio = 1;
        QSize actual;
    };

    /// Most recently used first; a handful at most (the view's font, its strike-out variant).
    mutable std::vector<std::unique_ptr<FontGlyphs>> m_fonts;
    /// The glyph run of the cell being painted, kept to spare an allocation per cell.
    mutable std::vector<quint32> m_glyphIndexes;
    mutable std::vector<QPointF> m_glyphPositions;
    mutable std::vector<IconSize> m_iconSizes;
    mutable Counts m_counts;
};

} // namespace md

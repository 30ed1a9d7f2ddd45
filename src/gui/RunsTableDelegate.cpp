// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunsTableDelegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QGlyphRun>
#include <QHash>
#include <QPaintEngine>
#include <QPainter>
#include <QRawFont>
#include <QStyle>
#include <QTextLayout>
#include <QtMath>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <unordered_map>

using namespace Qt::StringLiterals;

namespace md {

namespace {

constexpr qreal kUnknownPair = std::numeric_limits<qreal>::quiet_NaN();
constexpr qreal kUnsafePair = std::numeric_limits<qreal>::infinity();
/// Pairs of characters beyond ASCII measured at most, before the table starts over.
constexpr qsizetype kMaxOtherPairs = 1 << 16;

/// `text` laid out as QCommonStyle lays out an item's text (one line, left to right, no wrap),
/// when it comes out as one glyph run in `raw`; `advance` is the line's advance, which a trailing
/// blank is not part of.
bool shapeOneRun(const QString &text, const QFont &font, const QRawFont &raw, QGlyphRun *run, qreal *advance,
                 qreal *ascent = nullptr, int *height = nullptr, int *lineHeight = nullptr)
{
    QTextLayout layout(text, font);
    QTextOption option;
    option.setWrapMode(QTextOption::ManualWrap);
    option.setTextDirection(Qt::LeftToRight);
    option.setAlignment(Qt::AlignLeft | Qt::AlignAbsolute);
    layout.setTextOption(option);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    if (!line.isValid()) {
        layout.endLayout();
        return false;
    }
    line.setLineWidth(1 << 20);
    line.setPosition(QPointF(0, 0));
    layout.endLayout();
    if (layout.lineCount() != 1)
        return false;
    const QList<QGlyphRun> runs = layout.glyphRuns();
    if (runs.size() != 1 || runs.first().rawFont() != raw)
        return false;
    *run = runs.first();
    *advance = line.naturalTextWidth();
    if (ascent)
        *ascent = line.ascent();
    if (height)
        *height = layout.boundingRect().size().toSize().height();
    if (lineHeight)
        *lineHeight = qCeil(line.height());
    return true;
}

/// Characters the fast path may draw: plain left-to-right text in scripts whose letters do not
/// join or combine (marks, controls, format characters and right-to-left text take the slow path).
bool isPlainCharacter(QChar c)
{
    if (c.isSurrogate())
        return false;
    switch (c.category()) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        break;
    case QChar::Separator_Space:
        if (c != u' ')
            return false;
        break;
    default:
        return false;
    }
    switch (c.direction()) {
    case QChar::DirL:
    case QChar::DirEN:
    case QChar::DirES:
    case QChar::DirET:
    case QChar::DirCS:
    case QChar::DirON:
    case QChar::DirWS:
        break;
    default:
        return false;
    }
    switch (c.script()) {
    case QChar::Script_Common:
    case QChar::Script_Latin:
    case QChar::Script_Greek:
    case QChar::Script_Cyrillic:
    case QChar::Script_Han:
    case QChar::Script_Hiragana:
    case QChar::Script_Katakana:
        return true;
    case QChar::Script_Hangul: {
        // Conjoining jamo compose into syllables when shaped; precomposed syllables do not.
        const char16_t u = c.unicode();
        return !((u >= 0x1100 && u <= 0x11FF) || (u >= 0xA960 && u <= 0xA97F) || (u >= 0xD7B0 && u <= 0xD7FF));
    }
    default:
        return false;
    }
}

} // namespace

/// What the fast path knows of one font: glyphs and advances of the characters met so far, the
/// kerning of the pairs met so far, and where QCommonStyle puts the baseline.
struct RunsTableDelegate::FontGlyphs {
    struct Glyph {
        enum State : quint8 { Unknown, Usable, Unusable };
        State state = Unknown;
        quint32 index = 0;
        qreal advance = 0;
        QRectF ink;  ///< relative to the glyph's origin on the baseline
        qreal overhang = 0;  ///< what a line ending in this glyph adds to its natural width
    };

    explicit FontGlyphs(const QFont &f)
        : font(f)
        , raw(QRawFont::fromFont(f))
        , metrics(f)
        , asciiPairs(128 * 128, kUnknownPair)
    {
        QGlyphRun run;
        qreal advance = 0;
        usable = raw.isValid() && shapeOneRun(u"0"_s, font, raw, &run, &advance, &ascent, &layoutHeight, &lineHeight);
    }

    /// The glyph of `c`, or null when `c` needs the slow path. Valid as long as this font is.
    const Glyph *glyph(QChar c)
    {
        Glyph &g = c.unicode() < 128 ? ascii[c.unicode()] : others[c.unicode()];
        if (g.state == Glyph::Unknown)
            measure(c, g);
        return g.state == Glyph::Usable ? &g : nullptr;
    }

    /// The kerning between `a` and `b` (both usable), or infinity when the pair does not shape
    /// as the two glyphs side by side (a ligature, a mark, an offset).
    qreal pairKerning(QChar a, const Glyph &ga, QChar b, const Glyph &gb)
    {
        if (a.unicode() < 128 && b.unicode() < 128) {
            qreal &slot = asciiPairs[size_t(a.unicode()) * 128 + b.unicode()];
            if (std::isnan(slot))
                slot = measurePair(a, ga, b, gb);
            return slot;
        }
        const quint32 key = quint32(a.unicode()) << 16 | b.unicode();
        auto it = otherPairs.constFind(key);
        if (it != otherPairs.constEnd())
            return it.value();
        if (otherPairs.size() >= kMaxOtherPairs)
            otherPairs.clear();
        return otherPairs.insert(key, measurePair(a, ga, b, gb)).value();
    }

    QFont font;
    QRawFont raw;
    QFontMetricsF metrics;
    bool usable = false;
    qreal ascent = 0;      ///< QTextLine::ascent() of a line in this font
    int layoutHeight = 0;  ///< the height QCommonStyle aligns: the layout's bounding rect, rounded
    int lineHeight = 0;    ///< the height QCommonStyle sizes a line by: QTextLine::height(), rounded up

private:
    void measure(QChar c, Glyph &g) const
    {
        g.state = Glyph::Unusable;
        if (!isPlainCharacter(c))
            return;
        quint32 index = 0;
        int count = 1;
        if (!raw.glyphIndexesForChars(&c, 1, &index, &count) || count != 1 || index == 0)
            return;
        QPointF advance;
        if (!raw.advancesForGlyphIndexes(&index, &advance, 1))
            return;
        // The shaper must agree: the same glyph, at the origin, with the same advance.
        QGlyphRun run;
        const QString text(c);
        qreal shapedAdvance = 0;
        if (!shapeOneRun(text, font, raw, &run, &shapedAdvance))
            return;
        // A line's natural width has its last glyph's negative right bearing added; QCommonStyle
        // compares that with the cell's width to decide on eliding, and so does the fast path
        // (a line wider by its bearing only comes out unelided either way, on the slow path).
        const qreal overhang = c == u' ' ? 0 : shapedAdvance - advance.x();
        const QList<quint32> indexes = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        if (indexes.size() != 1 || indexes.first() != index || positions.first() != QPointF(0, ascent)
            || metrics.horizontalAdvance(text) != advance.x() || overhang < 0)
            return;
        g.index = index;
        g.advance = advance.x();
        g.ink = raw.boundingRect(index);
        g.overhang = overhang;
        g.state = Glyph::Usable;
    }

    qreal measurePair(QChar a, const Glyph &ga, QChar b, const Glyph &gb) const
    {
        const QChar pair[2] = {a, b};
        const QString text(pair, 2);
        QGlyphRun run;
        qreal shapedAdvance = 0;
        if (!shapeOneRun(text, font, raw, &run, &shapedAdvance))
            return kUnsafePair;
        if (b == u' ')
            shapedAdvance = metrics.horizontalAdvance(text);
        const QList<quint32> indexes = run.glyphIndexes();
        const QList<QPointF> positions = run.positions();
        if (indexes.size() != 2 || indexes.at(0) != ga.index || indexes.at(1) != gb.index
            || positions.at(0) != QPointF(0, ascent) || positions.at(1).y() != ascent)
            return kUnsafePair;
        const qreal kerning = positions.at(1).x() - ga.advance;
        // The kerning must move what follows too (an advance, not an offset of the second glyph).
        if (shapedAdvance != ga.advance + kerning + gb.advance + gb.overhang)
            return kUnsafePair;
        return kerning;
    }

    std::array<Glyph, 128> ascii;
    /// Node-based: a glyph handed out stays where it is while others are added.
    std::unordered_map<char16_t, Glyph> others;
    std::vector<qreal> asciiPairs;
    QHash<quint32, qreal> otherPairs;
};

RunsTableDelegate::RunsTableDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{
}

RunsTableDelegate::~RunsTableDelegate() = default;

void RunsTableDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (paintFast(painter, option, index)) {
        ++m_counts.fast;
        return;
    }
    ++m_counts.fallback;
    QStyledItemDelegate::paint(painter, option, index);
}

RunsTableDelegate::FontGlyphs *RunsTableDelegate::glyphsFor(const QFont &font) const
{
    for (size_t i = 0; i < m_fonts.size(); ++i) {
        if (m_fonts[i]->font == font) {
            if (i > 0)
                std::rotate(m_fonts.begin(), m_fonts.begin() + qsizetype(i), m_fonts.begin() + qsizetype(i) + 1);
            return m_fonts.front().get();
        }
    }
    constexpr size_t kMaxFonts = 4;
    if (m_fonts.size() >= kMaxFonts)
        m_fonts.pop_back();
    m_fonts.insert(m_fonts.begin(), std::make_unique<FontGlyphs>(font));
    return m_fonts.front().get();
}

QSize RunsTableDelegate::iconSize(const QIcon &icon, const QSize &size, QIcon::Mode mode, QIcon::State state) const
{
    // QIcon::actualSize() of an SVG icon looks its pixmap up (or renders it) every time.
    const qreal ratio = qApp->devicePixelRatio();
    for (const IconSize &known : m_iconSizes)
        if (known.key == icon.cacheKey() && known.size == size && known.mode == mode && known.state == state
            && known.ratio == ratio)
            return known.actual;
    constexpr size_t kMaxIconSizes = 64;
    if (m_iconSizes.size() >= kMaxIconSizes)
        m_iconSizes.clear();
    m_iconSizes.push_back({icon.cacheKey(), size, mode, state, ratio, icon.actualSize(size, mode, state)});
    return m_iconSizes.back().actual;
}

RunsTableDelegate::FontGlyphs *RunsTableDelegate::layOut(const QString &text, const QFont &font, qreal *width,
                                                         qreal *overhang, QRectF *ink) const
{
    const int count = int(text.size());
    if (count == 0 || font.letterSpacing() != 0 || font.wordSpacing() != 0 || font.capitalization() != QFont::MixedCase
        || font.underline() || font.overline())
        return nullptr;
    FontGlyphs *glyphs = glyphsFor(font);
    if (!glyphs->usable)
        return nullptr;
    const QChar *chars = text.constData();
    // Leading and trailing blanks change what the layout measures and aligns.
    if (chars[0] == u' ' || chars[count - 1] == u' ')
        return nullptr;
    m_glyphIndexes.resize(size_t(count));
    m_glyphPositions.resize(size_t(count));
    // Positions relative to the start of the text on the baseline; exact multiples of 1/64
    // pixel, as QTextLayout's fixed-point arithmetic has them.
    qreal x = 0;
    qreal inkLeft = 0, inkRight = 0, inkTop = 0, inkBottom = 0;
    const FontGlyphs::Glyph *previous = nullptr;
    for (int i = 0; i < count; ++i) {
        const FontGlyphs::Glyph *g = glyphs->glyph(chars[i]);
        if (!g)
            return nullptr;
        if (previous) {
            const qreal kerning = glyphs->pairKerning(chars[i - 1], *previous, chars[i], *g);
            if (std::isinf(kerning))
                return nullptr;
            x += previous->advance + kerning;
        }
        m_glyphIndexes[size_t(i)] = g->index;
        m_glyphPositions[size_t(i)] = QPointF(x, 0);
        if (!g->ink.isEmpty()) {
            inkLeft = std::min(inkLeft, x + g->ink.left());
            inkRight = std::max(inkRight, x + g->ink.right());
            inkTop = std::min(inkTop, g->ink.top());
            inkBottom = std::max(inkBottom, g->ink.bottom());
        }
        previous = g;
    }
    *width = x + previous->advance;
    *overhang = previous->overhang;
    *ink = QRectF(QPointF(inkLeft, inkTop), QPointF(inkRight, inkBottom));
    return glyphs;
}

QSize RunsTableDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    if (const std::optional<QSize> size = sizeHintFast(option, index)) {
        ++m_counts.fastSizeHints;
        return *size;
    }
    ++m_counts.fallbackSizeHints;
    return QStyledItemDelegate::sizeHint(option, index);
}

// Mirrors QStyledItemDelegate::sizeHint() and QCommonStyle's CT_ItemViewItem (viewItemLayout()
// for a size hint, viewItemSize()) for one line of text with or without an icon on its left.
std::optional<QSize> RunsTableDelegate::sizeHintFast(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    if (!style || qstrcmp(style->metaObject()->className(), "QFusionStyle") != 0)
        return std::nullopt;
    if (option.direction != Qt::LeftToRight || option.decorationPosition != QStyleOptionViewItem::Left
        || (option.features & (QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasCheckIndicator
                               | QStyleOptionViewItem::HasDecoration)))
        return std::nullopt;
    std::array<QModelRoleData, 5> roles{{QModelRoleData(Qt::SizeHintRole), QModelRoleData(Qt::DisplayRole),
                                         QModelRoleData(Qt::FontRole), QModelRoleData(Qt::DecorationRole),
                                         QModelRoleData(Qt::CheckStateRole)}};
    index.multiData(roles);
    const QVariant &display = roles[1].data();
    const QVariant &fontValue = roles[2].data();
    const QVariant &decoration = roles[3].data();
    if (roles[0].data().isValid() || roles[4].data().isValid())
        return std::nullopt;
    if (!display.isValid() || display.isNull() || display.userType() != QMetaType::QString)
        return std::nullopt;
    const QString text = display.toString();
    QFont font = option.font;
    if (fontValue.isValid() && !fontValue.isNull())
        font = qvariant_cast<QFont>(fontValue).resolve(option.font);
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;

    // viewItemSize(DisplayRole): the line's natural width, rounded up, and a margin on each side.
    int textWidth = 2 * margin;
    int textHeight = 0;
    if (text.isEmpty()) {
        const FontGlyphs *glyphs = glyphsFor(font);
        if (!glyphs->usable)
            return std::nullopt;
        textHeight = glyphs->lineHeight;
    } else {
        qreal width = 0;
        qreal overhang = 0;
        QRectF ink;
        const FontGlyphs *glyphs = layOut(text, font, &width, &overhang, &ink);
        if (!glyphs)
            return std::nullopt;
        textWidth += qCeil(width + overhang);
        textHeight = glyphs->lineHeight;
    }
    if (!decoration.isValid() || decoration.isNull())
        return QSize(textWidth, textHeight);

    // An icon: its size (as initStyleOption() bounds it) and a margin on each side; two pixels
    // more when it alone makes the height.
    if (decoration.userType() != QMetaType::QIcon)
        return std::nullopt;
    const QIcon icon = qvariant_cast<QIcon>(decoration);
    if (icon.isNull())
        return std::nullopt;
    const bool selected = option.state & QStyle::State_Selected;
    const QIcon::Mode mode = !(option.state & QStyle::State_Enabled) ? QIcon::Disabled
        : selected                                                  ? QIcon::Selected
                                                                    : QIcon::Normal;
    const QIcon::State state = (option.state & QStyle::State_Open) ? QIcon::On : QIcon::Off;
    const QSize size = option.decorationSize.boundedTo(iconSize(icon, option.decorationSize, mode, state));
    if (size.isEmpty())
        return std::nullopt;
    int height = std::max(textHeight, size.height());
    if (height == size.height())
        height += 2;
    return QSize(textWidth + size.width() + 2 * margin, height);
}

// Mirrors QStyledItemDelegate::initStyleOption() and QCommonStyle's CE_ItemViewItem (the layout
// of viewItemLayout(), the background PE_PanelItemViewItem, the icon, then viewItemDrawText())
// for the cells it takes; returns false, having painted nothing, for any other cell.
bool RunsTableDelegate::paintFast(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QWidget *widget = option.widget;
    const QStyle *style = widget ? widget->style() : QApplication::style();
    // Other styles (and style sheets, proxies) draw items their own way.
    if (!style || qstrcmp(style->metaObject()->className(), "QFusionStyle") != 0)
        return false;
    if (option.state & (QStyle::State_HasFocus | QStyle::State_Editing | QStyle::State_MouseOver))
        return false;
    // Only on screen (a PDF or a printer keeps the characters of text, not of glyph runs), and
    // not rotated or scaled by the caller (the device pixel ratio is fine).
    if (!painter->paintEngine() || painter->paintEngine()->type() != QPaintEngine::Raster
        || painter->worldTransform().type() > QTransform::TxTranslate)
        return false;
    if (option.direction != Qt::LeftToRight || !option.showDecorationSelected
        || (option.features & (QStyleOptionViewItem::WrapText | QStyleOptionViewItem::HasCheckIndicator
                               | QStyleOptionViewItem::HasDecoration)))
        return false;

    std::array<QModelRoleData, 7> roles{{QModelRoleData(Qt::DisplayRole), QModelRoleData(Qt::TextAlignmentRole),
                                         QModelRoleData(Qt::ForegroundRole), QModelRoleData(Qt::FontRole),
                                         QModelRoleData(Qt::DecorationRole), QModelRoleData(Qt::CheckStateRole),
                                         QModelRoleData(Qt::BackgroundRole)}};
    index.multiData(roles);
    const QVariant &display = roles[0].data();
    const QVariant &alignment = roles[1].data();
    const QVariant &foreground = roles[2].data();
    const QVariant &fontValue = roles[3].data();
    const QVariant &decoration = roles[4].data();
    if (roles[5].data().isValid()
        || (roles[6].data().isValid() && qvariant_cast<QBrush>(roles[6].data()).style() != Qt::NoBrush))
        return false;
    if (display.isValid() && !display.isNull() && display.userType() != QMetaType::QString)
        return false;  // numbers, dates: QStyledItemDelegate::displayText() formats them
    const QString text = display.toString();

    QFont font = option.font;
    if (fontValue.isValid() && !fontValue.isNull())
        font = qvariant_cast<QFont>(fontValue).resolve(option.font);
    Qt::Alignment align = option.displayAlignment;
    if (alignment.isValid() && !alignment.isNull())
        align = Qt::Alignment(alignment.toInt());
    align = QStyle::visualAlignment(Qt::LeftToRight, align);
    if (align & Qt::AlignJustify)
        return false;

    const bool selected = option.state & QStyle::State_Selected;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;

    // An icon on the left (viewItemLayout()): its own margins, centred in them by
    // decorationAlignment; the text takes the rest of the cell.
    QIcon icon;
    QRect iconRect;
    const QIcon::Mode iconMode = !(option.state & QStyle::State_Enabled) ? QIcon::Disabled
        : selected                                                      ? QIcon::Selected
                                                                        : QIcon::Normal;
    const QIcon::State iconState = (option.state & QStyle::State_Open) ? QIcon::On : QIcon::Off;
    QRect textArea = option.rect;
    if (decoration.isValid() && !decoration.isNull()) {
        if (decoration.userType() != QMetaType::QIcon || option.decorationPosition != QStyleOptionViewItem::Left)
            return false;  // pixmaps, images and colours are sized differently
        icon = qvariant_cast<QIcon>(decoration);
        if (icon.isNull())
            return false;
        const QSize size = option.decorationSize.boundedTo(iconSize(icon, option.decorationSize, iconMode, iconState));
        if (size.isEmpty())
            return false;
        const QRect area(option.rect.x(), option.rect.y(), size.width() + 2 * margin, option.rect.height());
        iconRect = QStyle::alignedRect(Qt::LeftToRight, option.decorationAlignment, size, area);
        if (!option.rect.contains(iconRect))
            return false;
        textArea = QRect(area.right() + 1, option.rect.y(), option.rect.width() - area.width(), option.rect.height());
    }

    // The panel (PE_PanelItemViewItem): the highlight of a selected cell, the whole cell when the
    // style shows the decoration selected, the text's part in any case.
    QPalette::ColorGroup panelGroup =
        (widget ? widget->isEnabled() : bool(option.state & QStyle::State_Enabled)) ? QPalette::Normal : QPalette::Disabled;
    if (panelGroup == QPalette::Normal && !(option.state & QStyle::State_Active))
        panelGroup = QPalette::Inactive;
    const QBrush &highlight = option.palette.brush(panelGroup, QPalette::Highlight);
    if (selected && (highlight.style() != Qt::SolidPattern || highlight.color().alpha() != 255))
        return false;
    const auto drawPanelAndIcon = [&] {
        if (selected) {
            if (!icon.isNull() && style->styleHint(QStyle::SH_ItemView_ShowDecorationSelected, &option, widget))
                painter->fillRect(option.rect, highlight);
            painter->fillRect(textArea, highlight);
        }
        if (!icon.isNull())
            icon.paint(painter, iconRect, option.decorationAlignment, iconMode, iconState);
    };

    const int count = int(text.size());
    if (count == 0) {
        drawPanelAndIcon();
        return true;
    }
    qreal width = 0;
    qreal overhang = 0;
    QRectF ink;
    FontGlyphs *glyphs = layOut(text, font, &width, &overhang, &ink);
    if (!glyphs)
        return false;
    const qreal inkLeft = ink.left(), inkRight = ink.right(), inkTop = ink.top(), inkBottom = ink.bottom();

    // viewItemDrawText(): the text rect less the focus frame margin, the text elided when wider,
    // aligned vertically by the layout's rounded height, horizontally as QTextLine aligns (in
    // 1/64 pixel, halved with truncation for centring).
    const QRect textRect = textArea.adjusted(margin, 0, -margin, 0);
    if (width + overhang > textRect.width() || glyphs->layoutHeight > textRect.height())
        return false;
    const int top = QStyle::alignedRect(Qt::LayoutDirectionAuto, align, QSize(1, glyphs->layoutHeight), textRect).top();
    const qreal baseline = top + glyphs->ascent;
    qreal left = textRect.x();
    if (align & Qt::AlignRight) {
        left += textRect.width() - width;
    } else if (align & Qt::AlignHCenter) {
        const qint64 free64 = qRound64((textRect.width() - width) * 64);
        left += qreal(free64 / 2) / 64;
    }
    // QCommonStyle clips to the cell; the fast path draws only text that needs no clipping.
    const QRectF cell(option.rect);
    if (left + inkLeft < cell.left() || left + inkRight > cell.left() + cell.width() || baseline + inkTop < cell.top()
        || baseline + inkBottom > cell.top() + cell.height())
        return false;

    // The text pen (CE_ItemViewItem): ForegroundRole replaces Text in every colour group.
    QPalette::ColorGroup textGroup = (option.state & QStyle::State_Enabled) ? QPalette::Normal : QPalette::Disabled;
    if (textGroup == QPalette::Normal && !(option.state & QStyle::State_Active))
        textGroup = QPalette::Inactive;
    QColor textColour;
    if (selected)
        textColour = option.palette.color(textGroup, QPalette::HighlightedText);
    else if (foreground.canConvert<QBrush>())
        textColour = qvariant_cast<QBrush>(foreground).color();
    else
        textColour = option.palette.color(textGroup, QPalette::Text);

    drawPanelAndIcon();
    QGlyphRun run;
    run.setRawFont(glyphs->raw);
    run.setRawData(m_glyphIndexes.data(), m_glyphPositions.data(), count);
    const QPen pen = painter->pen();
    painter->setPen(textColour);
    painter->drawGlyphRun(QPointF(left, baseline), run);
    if (font.strikeOut()) {
        // As QPainter draws a text item's strike-out (drawTextItemDecoration()): from the item's
        // floored start to its floored end, a third of the ascent above the baseline.
        QPen line(textColour);
        line.setWidthF(glyphs->raw.lineThickness());
        line.setCapStyle(Qt::FlatCap);
        painter->setPen(line);
        const qreal y = baseline - glyphs->raw.ascent() / 3.;
        painter->drawLine(QLineF(std::floor(left), y, std::floor(left + width), y));
    }
    painter->setPen(pen);
    return true;
}

} // namespace md

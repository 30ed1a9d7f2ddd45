// SPDX-License-Identifier: GPL-3.0-or-later
#include "ParallelCoordinatesChart.h"

#include "ChartFile.h"
#include "models/PlainToolTip.h"

#include <QFileInfo>
#include <QKeyEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPageSize>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QToolTip>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

constexpr double kHoverDistance = 6.0;
constexpr double kAxisReach = 10.0;
constexpr double kMaxTitleHalfWidth = 90.0;

double distanceToSegment(const QPointF &p, const QPointF &a, const QPointF &b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + t * ab);
    return std::hypot(d.x(), d.y());
}

} // namespace

ParallelCoordinatesChart::ParallelCoordinatesChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAutoFillBackground(false);
    setMinimumSize(320, 240);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

ParallelCoordinatesChart::~ParallelCoordinatesChart() = default;

void ParallelCoordinatesChart::setData(const ParallelData &data, const QStringList &labels, const QStringList &ids,
                                       const QList<QColor> &colours)
{
    // Brushes stay on the axes that are still shown: choosing another axis should not lose them.
    QList<std::optional<std::pair<double, double>>> brushes(data.axes.size());
    for (qsizetype a = 0; a < data.axes.size(); ++a)
        for (qsizetype old = 0; old < m_data.axes.size(); ++old)
            if (m_data.axes.at(old).source == data.axes.at(a).source && old < m_brushes.size())
                brushes[a] = m_brushes.at(old);
    const QString selectedId = m_selected >= 0 ? m_ids.value(m_selected) : QString();
    m_data = data;
    m_labels = labels;
    m_ids = ids;
    m_colours = colours;
    m_brushes = brushes;
    m_hovered = -1;
    m_selected = selectedId.isEmpty() ? -1 : int(m_ids.indexOf(selectedId));
    m_brushAxis = -1;
    update();
}

void ParallelCoordinatesChart::clear()
{
    setData({}, {}, {}, {});
}

void ParallelCoordinatesChart::setColourMode(ColourMode mode)
{
    if (mode == m_colourMode)
        return;
    m_colourMode = mode;
    update();
}

bool ParallelCoordinatesChart::isDark() const
{
    return palette().color(QPalette::Base).lightness() < 128;
}

QColor ParallelCoordinatesChart::lineColour(int run) const
{
    if (m_colourMode == ColourMode::Run)
        return m_colours.value(run, palette().color(QPalette::Highlight));
    const QVector<std::optional<double>> positions = m_data.colourPositions();
    const std::optional<double> t = positions.value(run);
    if (!t)
        return palette().color(QPalette::Disabled, QPalette::WindowText);
    return parallelColourRamp(*t, isDark());
}

void ParallelCoordinatesChart::setBrush(int axis, std::optional<std::pair<double, double>> range)
{
    if (axis < 0 || axis >= m_brushes.size())
        return;
    if (range) {
        auto [from, to] = *range;
        from = std::clamp(from, 0.0, 1.0);
        to = std::clamp(to, 0.0, 1.0);
        range = std::pair(std::min(from, to), std::max(from, to));
    }
    m_brushes[axis] = range;
    update();
    Q_EMIT brushesChanged();
}

std::optional<std::pair<double, double>> ParallelCoordinatesChart::brush(int axis) const
{
    return m_brushes.value(axis);
}

void ParallelCoordinatesChart::clearBrushes()
{
    if (!hasBrushes())
        return;
    for (auto &b : m_brushes)
        b.reset();
    update();
    Q_EMIT brushesChanged();
}

bool ParallelCoordinatesChart::hasBrushes() const
{
    return std::any_of(m_brushes.cbegin(), m_brushes.cend(), [](const auto &b) { return b.has_value(); });
}

bool ParallelCoordinatesChart::isActive(int run) const
{
    for (qsizetype a = 0; a < m_brushes.size(); ++a) {
        const auto &b = m_brushes.at(a);
        if (!b)
            continue;
        const std::optional<double> p = m_data.axes.at(a).positions.value(run);
        // A little slack: a brush dragged to an end should keep the lines at that end.
        if (!p || *p < b->first - 1e-9 || *p > b->second + 1e-9)
            return false;
    }
    return true;
}

int ParallelCoordinatesChart::activeCount() const
{
    int n = 0;
    for (int r = 0; r < lineCount(); ++r)
        n += isActive(r) ? 1 : 0;
    return n;
}

void ParallelCoordinatesChart::setSelectedRun(int run)
{
    run = (run >= 0 && run < lineCount()) ? run : -1;
    if (run == m_selected)
        return;
    m_selected = run;
    update();
}

ParallelCoordinatesChart::Layout ParallelCoordinatesChart::layoutFor(QSize size) const
{
    Layout l;
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    const auto halfWidth = [&](int axis) {
        if (axis < 0 || axis >= m_data.axes.size())
            return 0.0;
        const ParallelAxis &a = m_data.axes.at(axis);
        double w = std::min(kMaxTitleHalfWidth, fmBold.horizontalAdvance(a.source.key) / 2);
        if (!a.isCategorical())
            w = std::max({w, fm.horizontalAdvance(a.topLabel()) / 2, fm.horizontalAdvance(a.bottomLabel()) / 2});
        return w;
    };
    l.left = 16 + std::max(24.0, halfWidth(0));
    double right = halfWidth(int(m_data.axes.size()) - 1);
    if (!m_data.axes.isEmpty() && m_data.axes.last().isCategorical()) {
        double widest = 0;
        for (const QString &c : m_data.axes.last().categories)
            widest = std::max(widest, fm.horizontalAdvance(c));
        right = std::max(right, 10 + std::min(widest, 160.0));
    }
    l.right = size.width() - 16 - std::max(24.0, right);
    l.titleY = 10 + fmBold.ascent();
    l.top = l.titleY + fmBold.descent() + 10 + fm.height();
    l.legendY = size.height() - 8 - fm.height();
    l.missingY = l.legendY - 12 - fm.height() / 2;
    l.bottom = l.missingY - 10 - fm.height() - 6;
    if (l.bottom < l.top + 20)
        l.bottom = l.top + 20;
    return l;
}

double ParallelCoordinatesChart::axisXFor(const Layout &l, int axis) const
{
    const qsizetype n = m_data.axes.size();
    if (n <= 1)
        return (l.left + l.right) / 2;
    return l.left + (l.right - l.left) * double(axis) / double(n - 1);
}

QPointF ParallelCoordinatesChart::pointFor(const Layout &l, int run, int axis) const
{
    const std::optional<double> p = m_data.axes.at(axis).positions.value(run);
    return {axisXFor(l, axis), p ? l.bottom - *p * (l.bottom - l.top) : l.missingY};
}

QPointF ParallelCoordinatesChart::pointOf(int run, int axis) const
{
    if (axis < 0 || axis >= m_data.axes.size())
        return {};
    return pointFor(layoutFor(size()), run, axis);
}

double ParallelCoordinatesChart::axisX(int axis) const
{
    return axisXFor(layoutFor(size()), axis);
}

double ParallelCoordinatesChart::yOf(double position) const
{
    const Layout l = layoutFor(size());
    return l.bottom - position * (l.bottom - l.top);
}

double ParallelCoordinatesChart::positionOf(double y) const
{
    const Layout l = layoutFor(size());
    return std::clamp((l.bottom - y) / (l.bottom - l.top), 0.0, 1.0);
}

int ParallelCoordinatesChart::runAt(const QPoint &pos) const
{
    if (m_data.axes.isEmpty())
        return -1;
    const Layout l = layoutFor(size());
    int best = -1;
    double bestDistance = kHoverDistance;
    bool bestActive = false;
    for (int r = 0; r < lineCount(); ++r) {
        const bool active = isActive(r);
        if (bestActive && !active)
            continue;
        double d = std::numeric_limits<double>::max();
        if (m_data.axes.size() == 1) {
            const QPointF p = pointFor(l, r, 0);
            d = std::hypot(p.x() - pos.x(), p.y() - pos.y());
        }
        for (int a = 0; a + 1 < m_data.axes.size(); ++a)
            d = std::min(d, distanceToSegment(pos, pointFor(l, r, a), pointFor(l, r, a + 1)));
        if (d < kHoverDistance && (d < bestDistance || (active && !bestActive))) {
            best = r;
            bestDistance = d;
            bestActive = active;
        }
    }
    return best;
}

int ParallelCoordinatesChart::axisNear(const QPoint &pos) const
{
    const Layout l = layoutFor(size());
    for (int a = 0; a < m_data.axes.size(); ++a)
        if (std::abs(axisXFor(l, a) - pos.x()) <= kAxisReach && pos.y() >= l.top - 8 && pos.y() <= l.bottom + 8)
            return a;
    return -1;
}

QString ParallelCoordinatesChart::toolTipAt(const QPoint &pos) const
{
    const int run = runAt(pos);
    if (run < 0) {
        // Over an axis title: what the axis shows.
        const Layout l = layoutFor(size());
        for (int a = 0; a < m_data.axes.size(); ++a) {
            const ParallelAxis &axis = m_data.axes.at(a);
            if (std::abs(axisXFor(l, a) - pos.x()) > 40 || pos.y() > l.top || pos.y() < 0)
                continue;
            QString text = axis.source.kind == ParallelAxisKind::Param ? tr("Param %1").arg(axis.source.key)
                                                                       : tr("Metric %1 (latest value)").arg(axis.source.key);
            if (axis.flipped)
                text += u'\n' + tr("Lower is better: drawn upside down, so that up is better");
            if (axis.missing + axis.nonFinite > 0)
                text += u'\n' + tr("Without a value: %1 (marker below the axis)").arg(axis.missing + axis.nonFinite);
            return text;
        }
        return {};
    }
    QStringList lines{m_labels.value(run)};
    for (const ParallelAxis &axis : m_data.axes) {
        QString value = axis.texts.value(run);
        if (value.isEmpty())
            value = tr("(none)");
        if (value.size() > 60)
            value = value.left(57) + u"…"_s;
        lines.append(tr("%1: %2").arg(axis.source.key, value));
    }
    return lines.join(u'\n');
}

void ParallelCoordinatesChart::setHovered(int run)
{
    if (run == m_hovered)
        return;
    m_hovered = run;
    update();
}

void ParallelCoordinatesChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    paint(p, size());
}

void ParallelCoordinatesChart::paintLine(QPainter &p, const Layout &l, int run, const QColor &colour, double width) const
{
    QPainterPath solid;
    QPainterPath dashed;
    for (int a = 0; a + 1 < m_data.axes.size(); ++a) {
        const QPointF from = pointFor(l, run, a);
        const QPointF to = pointFor(l, run, a + 1);
        const bool gap = !m_data.axes.at(a).positions.value(run) || !m_data.axes.at(a + 1).positions.value(run);
        QPainterPath &path = gap ? dashed : solid;
        path.moveTo(from);
        path.lineTo(to);
    }
    QPen pen(colour, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawPath(solid);
    pen.setStyle(Qt::DashLine);
    pen.setWidthF(std::max(1.0, width * 0.75));
    p.setPen(pen);
    p.drawPath(dashed);
    if (m_data.axes.size() == 1) {
        p.setBrush(colour);
        p.setPen(Qt::NoPen);
        p.drawEllipse(pointFor(l, run, 0), width + 1.5, width + 1.5);
    }
}

void ParallelCoordinatesChart::paint(QPainter &p, QSize size) const
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::WindowText);
    const QColor base = pal.color(QPalette::Base);
    p.fillRect(QRect(QPoint(0, 0), size), base);
    p.setRenderHint(QPainter::Antialiasing);
    p.setFont(font());
    if (m_data.axes.isEmpty())
        return;

    const Layout l = layoutFor(size);
    const QFontMetricsF fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF fmBold(bold);
    const qsizetype n = m_data.axes.size();
    const double spacing = n > 1 ? (l.right - l.left) / double(n - 1) : (l.right - l.left);
    QColor faint = text;
    faint.setAlpha(isDark() ? 40 : 32);
    QColor axisColour = text;
    axisColour.setAlpha(170);

    // Lines: the greyed ones first, then the ones inside the brushes, the highlighted on top.
    const int runs = lineCount();
    const bool many = runs > 40;
    for (int r = 0; r < runs; ++r)
        if (!isActive(r) && r != m_hovered && r != m_selected)
            paintLine(p, l, r, faint, 1.0);
    // By the colour's value, so that the lines of the best runs are drawn on top.
    QList<int> order;
    for (int r = 0; r < runs; ++r)
        order.append(r);
    if (m_colourMode == ColourMode::LastAxis) {
        const QVector<std::optional<double>> positions = m_data.colourPositions();
        std::stable_sort(order.begin(), order.end(),
                         [&positions](int a, int b) { return positions.value(a).value_or(-1.0) < positions.value(b).value_or(-1.0); });
    }
    for (int r : std::as_const(order)) {
        if (!isActive(r) || r == m_hovered || r == m_selected)
            continue;
        QColor c = lineColour(r);
        c.setAlpha(many ? 150 : 210);
        paintLine(p, l, r, c, many ? 1.2 : 1.8);
    }
    for (int r : {m_selected, m_hovered}) {
        if (r < 0 || r >= runs)
            continue;
        paintLine(p, l, r, base, 6.0);
        const QColor c = isActive(r) ? lineColour(r) : text;
        paintLine(p, l, r, c, 3.2);
        p.setPen(QPen(base, 1.5));
        p.setBrush(c);
        for (int a = 0; a < n; ++a)
            p.drawEllipse(pointFor(l, r, a), 4.0, 4.0);
    }

    // Axes, their names, ends, categories, brushes and "no value" markers.
    for (int a = 0; a < n; ++a) {
        const ParallelAxis &axis = m_data.axes.at(a);
        const double x = axisXFor(l, a);
        p.setPen(QPen(axisColour, 1.4));
        p.drawLine(QPointF(x, l.top), QPointF(x, l.bottom));

        p.setFont(bold);
        p.setPen(text);
        const double titleWidth = std::max(40.0, std::min(spacing - 8, 2 * kMaxTitleHalfWidth));
        const QString title = fmBold.elidedText(axis.source.key, Qt::ElideMiddle, titleWidth);
        p.drawText(QPointF(x - fmBold.horizontalAdvance(title) / 2, l.titleY), title);
        p.setFont(font());

        if (axis.isCategorical()) {
            const qsizetype count = axis.categories.size();
            const bool room = double(count) * fm.height() <= (l.bottom - l.top) * 1.1;
            for (qsizetype i = 0; i < count; ++i) {
                const double t = count > 1 ? double(i) / double(count - 1) : 0.5;
                const double y = l.bottom - t * (l.bottom - l.top);
                p.setPen(QPen(axisColour, 1.4));
                p.drawLine(QPointF(x - 4, y), QPointF(x + 4, y));
                if (!room && i != 0 && i != count - 1)
                    continue;
                const QString label = fm.elidedText(axis.categories.at(i), Qt::ElideRight, std::max(30.0, std::min(spacing * 0.55, 160.0)));
                p.setPen(text);
                p.drawText(QPointF(x + 7, y + fm.ascent() / 2 - 1), label);
            }
        } else {
            p.setPen(QPen(axisColour, 1.4));
            for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
                const double y = l.bottom - t * (l.bottom - l.top);
                const double tick = (t == 0.0 || t == 1.0) ? 5 : 3;
                p.drawLine(QPointF(x - tick, y), QPointF(x + tick, y));
            }
            p.setPen(text);
            const QString top = axis.topLabel();
            const QString bottom = axis.bottomLabel();
            p.drawText(QPointF(x - fm.horizontalAdvance(top) / 2, l.top - 5 - fm.descent()), top);
            p.drawText(QPointF(x - fm.horizontalAdvance(bottom) / 2, l.bottom + 5 + fm.ascent()), bottom);
        }

        if (const auto &b = m_brushes.value(a)) {
            const double y1 = l.bottom - b->second * (l.bottom - l.top);
            const double y2 = l.bottom - b->first * (l.bottom - l.top);
            QColor fill = pal.color(QPalette::Highlight);
            fill.setAlpha(70);
            p.setPen(QPen(pal.color(QPalette::Highlight), 1.2));
            p.setBrush(fill);
            p.drawRoundedRect(QRectF(x - 7, y1, 14, std::max(2.0, y2 - y1)), 3, 3);
            QFont small = font();
            small.setPointSizeF(small.pointSizeF() * 0.85);
            p.setFont(small);
            const QFontMetricsF fms(small);
            p.setPen(text);
            const QString hi = axis.textAt(b->second);
            const QString lo = axis.textAt(b->first);
            p.drawText(QPointF(x - 10 - fms.horizontalAdvance(hi), y1 + fms.ascent() / 2), hi);
            p.drawText(QPointF(x - 10 - fms.horizontalAdvance(lo), y2 + fms.ascent() / 2), lo);
            p.setFont(font());
        }

        const int without = axis.missing + axis.nonFinite;
        if (without > 0) {
            p.setPen(QPen(axisColour, 1.4));
            p.setBrush(base);
            p.drawEllipse(QPointF(x, l.missingY), 4.5, 4.5);
            p.setPen(text);
            p.drawText(QPointF(x + 8, l.missingY + fm.ascent() / 2 - 1), QString::number(without));
        }
    }

    // Legend row: what the hollow markers mean, and the colour ramp of the last axis.
    p.setFont(font());
    double legendX = 16;
    const double legendMid = l.legendY + fm.height() / 2;
    if (std::any_of(m_data.axes.cbegin(), m_data.axes.cend(), [](const ParallelAxis &a) { return a.missing + a.nonFinite > 0; })) {
        p.setPen(QPen(axisColour, 1.4));
        p.setBrush(base);
        p.drawEllipse(QPointF(legendX + 5, legendMid), 4.5, 4.5);
        p.setPen(text);
        const QString note = tr("no value (not logged, NaN or ±∞)");
        p.drawText(QPointF(legendX + 15, l.legendY + fm.ascent()), note);
        legendX += 15 + fm.horizontalAdvance(note) + 24;
    }
    if (m_colourMode == ColourMode::LastAxis) {
        const ParallelAxis &last = m_data.axes.last();
        const QString low = last.bottomLabel();
        const QString high = last.topLabel();
        const QString name = tr("Colour: %1").arg(last.source.key);
        const double barWidth = 120;
        const double total = fm.horizontalAdvance(name) + 10 + fm.horizontalAdvance(low) + 6 + barWidth + 6 + fm.horizontalAdvance(high);
        double x = size.width() - 16 - total;
        if (x > legendX) {
            p.setPen(text);
            p.drawText(QPointF(x, l.legendY + fm.ascent()), name);
            x += fm.horizontalAdvance(name) + 10;
            p.drawText(QPointF(x, l.legendY + fm.ascent()), low);
            x += fm.horizontalAdvance(low) + 6;
            QLinearGradient gradient(QPointF(x, 0), QPointF(x + barWidth, 0));
            for (int i = 0; i <= 8; ++i)
                gradient.setColorAt(i / 8.0, parallelColourRamp(i / 8.0, isDark()));
            p.setPen(Qt::NoPen);
            p.setBrush(gradient);
            p.drawRoundedRect(QRectF(x, legendMid - 5, barWidth, 10), 2, 2);
            x += barWidth + 6;
            p.setPen(text);
            p.drawText(QPointF(x, l.legendY + fm.ascent()), high);
        }
    }
}

void ParallelCoordinatesChart::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressPos = event->position().toPoint();
    m_brushAxis = axisNear(m_pressPos);
    m_brushMoved = false;
    if (m_brushAxis >= 0)
        m_brushFrom = positionOf(event->position().y());
    event->accept();
}

void ParallelCoordinatesChart::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (m_brushAxis >= 0) {
        if (std::abs(pos.y() - m_pressPos.y()) >= 3)
            m_brushMoved = true;
        if (m_brushMoved)
            setBrush(m_brushAxis, std::pair(m_brushFrom, positionOf(event->position().y())));
        return;
    }
    setCursor(axisNear(pos) >= 0 ? Qt::SizeVerCursor : Qt::ArrowCursor);
    setHovered(runAt(pos));
    const QString text = toolTipAt(pos);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), plainToolTip(text), this);  // run names: never HTML
}

void ParallelCoordinatesChart::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    if (m_brushAxis >= 0) {
        const int axis = m_brushAxis;
        m_brushAxis = -1;
        if (m_brushMoved)
            setBrush(axis, std::pair(m_brushFrom, positionOf(event->position().y())));
        else if (m_brushes.value(axis))
            setBrush(axis, std::nullopt);
        return;
    }
    if ((pos - m_pressPos).manhattanLength() > 4)
        return;
    const int run = runAt(pos);
    setSelectedRun(run);
    if (run >= 0)
        Q_EMIT runSelected(run, m_ids.value(run));
}

void ParallelCoordinatesChart::leaveEvent(QEvent *event)
{
    setHovered(-1);
    QWidget::leaveEvent(event);
}

void ParallelCoordinatesChart::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && (hasBrushes() || m_selected >= 0)) {
        if (hasBrushes())
            clearBrushes();
        else
            setSelectedRun(-1);
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ParallelCoordinatesChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        update();
}

Status ParallelCoordinatesChart::exportTo(const QString &path, QSize size)
{
    if (!size.isValid() || size.isEmpty())
        size = this->size().isEmpty() ? QSize(1000, 600) : this->size();
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool ok = false;
    if (suffix == u"png"_s) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        paint(p, size);
        p.end();
        ok = image.save(path, "PNG");
    } else if (suffix == u"svg"_s) {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(size);
        generator.setViewBox(QRect(QPoint(0, 0), size));
        generator.setTitle(tr("Parallel coordinates"));
        ok = paintChartFile(generator, path, [&](QPainter &p) { paint(p, size); });
    } else if (suffix == u"pdf"_s) {
        QPdfWriter pdf(path);
        pdf.setResolution(96);
        pdf.setPageSize(QPageSize(QSizeF(size) * 72.0 / 96.0, QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        ok = paintChartFile(pdf, path, [&](QPainter &p) { paint(p, size); });
    } else {
        return makeError(ErrorCategory::BadInput, tr("Charts can be saved as PNG, SVG or PDF, not “%1”.").arg(suffix), path);
    }
    if (!ok)
        return makeError(ErrorCategory::Storage, tr("The chart could not be written."), path);
    return {};
}

} // namespace md

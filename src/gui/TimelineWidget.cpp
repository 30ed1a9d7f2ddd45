// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineWidget.h"

#include "core/TimeFormat.h"
#include "models/PlainToolTip.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

constexpr int kMarkerSize = 10;
constexpr int kPad = 6;

/// A stage's own hue, blended into the palette's base so that light and dark palettes both work.
QColor laneColour(const TimelineLane &lane, const QPalette &palette)
{
    QColor hue;
    if (lane.kind == TimelineLane::Kind::Alias && !lane.production)
        hue = palette.color(QPalette::Highlight);
    else if (lane.name == kStageProduction || lane.production)
        hue = QColor(46, 160, 67);
    else if (lane.name == kStageStaging)
        hue = QColor(214, 150, 20);
    else
        hue = palette.color(QPalette::Mid);
    const QColor base = palette.color(QPalette::Base);
    const double a = 0.75;
    return QColor::fromRgbF(float(hue.redF() * a + base.redF() * (1 - a)), float(hue.greenF() * a + base.greenF() * (1 - a)),
                            float(hue.blueF() * a + base.blueF() * (1 - a)));
}

QColor textOn(const QColor &background)
{
    return background.lightnessF() > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

TimelineWidget::TimelineWidget(QWidget *parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_Hover);
    setToolTip(tr("The version timeline: hover a block or marker for details, click it to select the version"));
}

void TimelineWidget::setTimeline(const TimelineData &data)
{
    m_data = data;
    m_currentMarker = -1;
    m_hover = {};
    updateGeometry();
    update();
}

void TimelineWidget::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    update();
}

int TimelineWidget::labelWidth() const
{
    int w = 0;
    for (int i = 0; i < m_data.lanes.size(); ++i)
        w = std::max(w, fontMetrics().horizontalAdvance(laneTitle(i)));
    return w + 2 * kPad;
}

QString TimelineWidget::laneTitle(int lane) const
{
    const TimelineLane &l = m_data.lanes.at(lane);
    switch (l.kind) {
    case TimelineLane::Kind::Events: return tr("Events");
    case TimelineLane::Kind::Alias:
        return l.production ? tr("@%1 (Production)").arg(l.name) : u"@"_s + l.name;
    case TimelineLane::Kind::Stage: break;
    }
    return l.name;
}

int TimelineWidget::trackHeight() const
{
    return fontMetrics().height() + 10;
}

int TimelineWidget::totalTracks() const
{
    int tracks = 0;
    for (const TimelineLane &l : m_data.lanes)
        tracks += l.tracks;
    return tracks;
}

QRectF TimelineWidget::plotRect() const
{
    return QRectF(labelWidth(), kPad, std::max(10, width() - labelWidth() - 2 * kPad - kMarkerSize),
                  trackHeight() * totalTracks());
}

QRect TimelineWidget::laneRect(int lane) const
{
    int top = kPad;
    for (int i = 0; i < lane; ++i)
        top += m_data.lanes.at(i).tracks * trackHeight();
    return QRect(0, top, width(), m_data.lanes.at(lane).tracks * trackHeight());
}

QRect TimelineWidget::trackRect(int lane, int track) const
{
    const QRect r = laneRect(lane);
    return QRect(0, r.top() + track * trackHeight(), width(), trackHeight());
}

double TimelineWidget::xOf(qint64 ms) const
{
    const QRectF p = plotRect();
    return p.left() + kMarkerSize / 2.0 + m_data.position(ms) * p.width();
}

QRectF TimelineWidget::blockRect(int lane, int block) const
{
    const TimelineBlock &b = m_data.lanes.at(lane).blocks.at(block);
    const QRect r = trackRect(lane, b.track);
    const double x0 = xOf(b.startMs), x1 = std::max(xOf(b.endMs), x0 + 3);
    return QRectF(x0, r.top() + 3, x1 - x0, r.height() - 6);
}

QRectF TimelineWidget::markerRect(int marker) const
{
    const TimelineMarker &m = m_data.markers.at(marker);
    const QRect r = trackRect(m.lane, m.track);
    return QRectF(xOf(m.timeMs) - kMarkerSize / 2.0, r.center().y() - kMarkerSize / 2.0 + 1, kMarkerSize, kMarkerSize);
}

QSize TimelineWidget::sizeHint() const
{
    return QSize(600, std::max(totalTracks(), 4) * trackHeight() + fontMetrics().height() + 3 * kPad);
}

QSize TimelineWidget::minimumSizeHint() const
{
    return QSize(200, 3 * trackHeight());
}

TimelineWidget::Hit TimelineWidget::hitAt(const QPointF &pos) const
{
    Hit hit;
    // Markers lie on top of blocks: they win. The last painted is the one on top.
    for (int i = int(m_data.markers.size()) - 1; i >= 0; --i) {
        if (markerRect(i).adjusted(-2, -2, 2, 2).contains(pos)) {
            hit.marker = i;
            return hit;
        }
    }
    for (int l = 0; l < m_data.lanes.size(); ++l) {
        if (!laneRect(l).contains(pos.toPoint()))
            continue;
        for (int b = int(m_data.lanes.at(l).blocks.size()) - 1; b >= 0; --b) {
            if (blockRect(l, b).contains(pos)) {
                hit.lane = l;
                hit.block = b;
                return hit;
            }
        }
    }
    return hit;
}

QString TimelineWidget::markerToolTip(int marker) const
{
    if (marker < 0 || marker >= m_data.markers.size())
        return {};
    const TimelineMarker &m = m_data.markers.at(marker);
    QStringList lines;
    const QString version = m.version ? tr("v%1").arg(m.version) : tr("The model");
    switch (m.kind) {
    case TimelineMarker::Kind::Registered:
        lines << tr("%1 registered").arg(version) << localDateTime(m.timeMs);
        break;
    case TimelineMarker::Kind::Observed: {
        if (m.field == u"stage"_s)
            lines << tr("%1: stage %2 → %3").arg(version, m.oldValue, m.newValue);
        else if (m.field.startsWith(u"alias:"_s))
            lines << tr("Alias %1: %2 → %3")
                         .arg(m.field.mid(6), m.oldValue.isEmpty() ? tr("none") : tr("v%1").arg(m.oldValue),
                              m.newValue.isEmpty() ? tr("none") : tr("v%1").arg(m.newValue));
        else if (m.field.startsWith(u"tag:"_s))
            lines << tr("%1: tag %2 changed from “%3” to “%4”").arg(version, m.field.mid(4), m.oldValue, m.newValue);
        else if (m.field == u"deleted"_s)
            lines << tr("%1 deleted").arg(version);
        else
            lines << tr("%1: %2 changed").arg(version, m.field);
        lines << tr("Made by another tool; observed by sync between %1 and %2")
                     .arg(localDateTime(m.windowStartMs), localDateTime(m.windowEndMs));
        break;
    }
    case TimelineMarker::Kind::Action: {
        // Our own actions, exact to the millisecond.
        QString what = m.field == u"register"_s   ? tr("%1 registered").arg(version)
                       : m.field == u"promote"_s  ? tr("%1 promoted").arg(version)
                       : m.field == u"ab.start"_s ? tr("%1: A/B test started").arg(version)
                       : m.field == u"ab.end"_s   ? tr("%1: A/B test ended").arg(version)
                       : m.field == u"approve"_s  ? tr("%1 approved").arg(version)
                       : m.field == u"reject"_s   ? tr("%1 rejected").arg(version)
                       : m.field == u"rollback"_s ? tr("Emergency rollback to %1").arg(version)
                       : m.field == u"reload"_s   ? tr("Reload hook ran for %1").arg(version)
                       : m.field == u"failed"_s   ? tr("An action on %1 failed part-way").arg(version)
                                                  : tr("%1: %2").arg(version, m.field);
        lines << what;
        if (!m.newValue.isEmpty())
            lines << m.newValue;
        lines << localDateTime(m.timeMs);
        break;
    }
    }
    if (!m.user.isEmpty())
        lines << tr("By %1").arg(m.user);
    if (!m.note.isEmpty())
        lines << m.note;
    if (m.version)
        lines << tr("Click to select the version");
    return lines.join(u'\n');
}

QString TimelineWidget::blockToolTip(int lane, int block) const
{
    if (lane < 0 || lane >= m_data.lanes.size() || block < 0 || block >= m_data.lanes.at(lane).blocks.size())
        return {};
    const TimelineLane &l = m_data.lanes.at(lane);
    const TimelineBlock &b = l.blocks.at(block);
    QStringList lines;
    lines << (l.kind == TimelineLane::Kind::Alias ? tr("v%1 held alias %2").arg(b.version).arg(l.name)
                                                  : tr("v%1 in %2").arg(b.version).arg(l.name));
    lines << (b.open ? tr("From %1 until now").arg(localDateTime(b.startMs))
                     : tr("From %1 to %2").arg(localDateTime(b.startMs), localDateTime(b.endMs)));
    if (b.startWindowEndMs > 0)
        lines << tr("The start was observed by sync between %1 and %2")
                     .arg(localDateTime(b.startWindowStartMs), localDateTime(b.startWindowEndMs));
    lines << tr("Click to select the version");
    return lines.join(u'\n');
}

QString TimelineWidget::toolTipAt(const QPoint &pos) const
{
    const Hit hit = hitAt(pos);
    if (hit.marker >= 0)
        return markerToolTip(hit.marker);
    if (hit.block >= 0)
        return blockToolTip(hit.lane, hit.block);
    return {};
}

bool TimelineWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::showText(help->globalPos(), toolTip(), this);
        else
            QToolTip::showText(help->globalPos(), plainToolTip(text), this);
        return true;
    }
    return QWidget::event(event);
}

void TimelineWidget::mouseMoveEvent(QMouseEvent *event)
{
    const Hit hit = hitAt(event->position());
    if (hit.lane != m_hover.lane || hit.block != m_hover.block || hit.marker != m_hover.marker) {
        m_hover = hit;
        setCursor(hit.block >= 0 || hit.marker >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void TimelineWidget::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const Hit hit = hitAt(event->position());
    if (hit.marker >= 0) {
        m_currentMarker = hit.marker;
        update();
        if (const qint64 v = m_data.markers.at(hit.marker).version)
            Q_EMIT versionClicked(v);
    } else if (hit.block >= 0) {
        Q_EMIT versionClicked(m_data.lanes.at(hit.lane).blocks.at(hit.block).version);
    }
}

void TimelineWidget::keyPressEvent(QKeyEvent *event)
{
    const int count = int(m_data.markers.size());
    if (count == 0)
        return QWidget::keyPressEvent(event);
    switch (event->key()) {
    case Qt::Key_Right: m_currentMarker = std::min(count - 1, m_currentMarker + 1); break;
    case Qt::Key_Left: m_currentMarker = std::max(0, m_currentMarker < 0 ? count - 1 : m_currentMarker - 1); break;
    case Qt::Key_Home: m_currentMarker = 0; break;
    case Qt::Key_End: m_currentMarker = count - 1; break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_currentMarker >= 0 && m_data.markers.at(m_currentMarker).version)
            Q_EMIT versionClicked(m_data.markers.at(m_currentMarker).version);
        return;
    default: return QWidget::keyPressEvent(event);
    }
    update();
    const QRectF r = markerRect(m_currentMarker);
    QToolTip::showText(mapToGlobal(r.bottomRight().toPoint()), plainToolTip(markerToolTip(m_currentMarker)), this);
}

void TimelineWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    if (m_data.lanes.isEmpty() || (m_data.markers.isEmpty() && std::all_of(m_data.lanes.cbegin(), m_data.lanes.cend(),
                                                                          [](const TimelineLane &l) { return l.blocks.isEmpty(); }))) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(24, 8, -24, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const QRectF plot = plotRect();
    const QColor grid = pal.color(QPalette::Mid);

    // Lanes: alternate shading and labels.
    for (int l = 0; l < m_data.lanes.size(); ++l) {
        const QRect r = laneRect(l);
        if (l % 2 == 1)
            p.fillRect(r, pal.color(QPalette::AlternateBase));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(kPad, r.top(), labelWidth() - 2 * kPad, trackHeight()), Qt::AlignLeft | Qt::AlignVCenter,
                   laneTitle(l));
    }
    // Time axis: labels at breakpoints that fit, and a faint line for each.
    const int axisY = laneRect(int(m_data.lanes.size()) - 1).bottom() + 2;
    p.setPen(QPen(grid, 1, Qt::DotLine));
    double lastRight = -1e9;
    QDate lastDate;
    // "now" at the right end, always.
    const QString nowText = tr("now");
    const int nowWidth = fontMetrics().horizontalAdvance(nowText);
    const double nowX = xOf(m_data.endMs);
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(nowX - nowWidth, axisY + 2, nowWidth, fontMetrics().height()), Qt::AlignRight, nowText);
    const double nowLeft = nowX - nowWidth;
    for (const qint64 t : m_data.breakpoints) {
        const double x = xOf(t);
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(t);
        const QString label = dt.date() == lastDate ? dt.toString(u"HH:mm:ss"_s)
                                                     //: QDateTime format of a timeline axis label (date and time)
                                                     : QLocale().toString(dt, tr("MMM d, HH:mm:ss"));
        const int w = fontMetrics().horizontalAdvance(label);
        if (x - w / 2.0 < lastRight + 8 || x + w / 2.0 > nowLeft - 8)
            continue;
        p.setPen(QPen(grid, 1, Qt::DotLine));
        p.drawLine(QPointF(x, plot.top()), QPointF(x, axisY));
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(QRectF(x - w / 2.0, axisY + 2, w, fontMetrics().height()), Qt::AlignCenter, label);
        lastRight = x + w / 2.0;
        lastDate = dt.date();
    }
    // The axis is compressed (see TimelineData::position): a long quiet stretch gets a break mark,
    // drawn just above the axis so that it never crosses a date label below it.
    p.setPen(QPen(pal.color(QPalette::PlaceholderText), 1));
    for (qsizetype i = 1; i < m_data.breakpoints.size(); ++i) {
        if (m_data.breakpoints.at(i) - m_data.breakpoints.at(i - 1) < 3600 * 1000)
            continue;
        const double x = (xOf(m_data.breakpoints.at(i - 1)) + xOf(m_data.breakpoints.at(i))) / 2;
        for (const double dx : {-3.0, 3.0})
            p.drawLine(QPointF(x + dx - 3, axisY - 1), QPointF(x + dx + 3, axisY - 9));
    }

    // Blocks.
    for (int l = 0; l < m_data.lanes.size(); ++l) {
        const TimelineLane &lane = m_data.lanes.at(l);
        const QColor fill = laneColour(lane, pal);
        for (int b = 0; b < lane.blocks.size(); ++b) {
            const QRectF r = blockRect(l, b);
            const bool hover = m_hover.lane == l && m_hover.block == b;
            p.setPen(hover ? QPen(pal.color(QPalette::Text), 2) : QPen(fill.darker(130), 1));
            p.setBrush(fill);
            p.drawRoundedRect(r, 3, 3);
            const QString text = tr("v%1").arg(lane.blocks.at(b).version);
            if (fontMetrics().horizontalAdvance(text) + 4 < r.width()) {
                p.setPen(textOn(fill));
                p.drawText(r.adjusted(4, 0, -2, 0), Qt::AlignLeft | Qt::AlignVCenter, text);
            }
        }
    }

    // Markers.
    const QColor observed(230, 90, 40);
    for (int i = 0; i < m_data.markers.size(); ++i) {
        const TimelineMarker &m = m_data.markers.at(i);
        const QRectF r = markerRect(i);
        const bool hot = i == m_currentMarker || i == m_hover.marker;
        p.setPen(QPen(hot ? pal.color(QPalette::Highlight) : pal.color(QPalette::Base), hot ? 2.5 : 1.5));
        switch (m.kind) {
        case TimelineMarker::Kind::Registered: {
            p.setBrush(pal.color(QPalette::Text));
            p.drawEllipse(r);
            // "v3" beside the dot when it fits before the next event of the lane.
            double room = width() - r.right();
            for (int j = i + 1; j < m_data.markers.size(); ++j)
                if (m_data.markers.at(j).lane == m.lane && m_data.markers.at(j).track == m.track) {
                    room = markerRect(j).left() - r.right();
                    break;
                }
            const QString label = tr("v%1").arg(m.version);
            if (fontMetrics().horizontalAdvance(label) + 6 < room) {
                p.save();
                p.setPen(pal.color(QPalette::Text));
                p.drawText(QRectF(r.right() + 3, r.center().y() - fontMetrics().height() / 2.0,
                                  fontMetrics().horizontalAdvance(label) + 2, fontMetrics().height()),
                           Qt::AlignLeft | Qt::AlignVCenter, label);
                p.restore();
            }
            break;
        }
        case TimelineMarker::Kind::Observed: {
            // The window: the change happened somewhere on this bar.
            const double y = r.center().y();
            p.save();
            p.setPen(QPen(observed, 2));
            p.drawLine(QPointF(xOf(m.windowStartMs), y), QPointF(xOf(m.windowEndMs), y));
            p.drawLine(QPointF(xOf(m.windowStartMs), y - 4), QPointF(xOf(m.windowStartMs), y + 4));
            p.drawLine(QPointF(xOf(m.windowEndMs), y - 4), QPointF(xOf(m.windowEndMs), y + 4));
            p.restore();
            QPainterPath diamond;
            diamond.moveTo(r.center().x(), r.top() - 1);
            diamond.lineTo(r.right() + 1, r.center().y());
            diamond.lineTo(r.center().x(), r.bottom() + 1);
            diamond.lineTo(r.left() - 1, r.center().y());
            diamond.closeSubpath();
            p.setBrush(observed);
            p.drawPath(diamond);
            break;
        }
        case TimelineMarker::Kind::Action:
            p.setBrush(pal.color(QPalette::Highlight));
            p.drawRect(r);
            break;
        }
    }
    if (hasFocus() && m_currentMarker < 0) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(rect().adjusted(0, 0, -1, -1));
    }
}

} // namespace md

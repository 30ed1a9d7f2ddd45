// SPDX-License-Identifier: GPL-3.0-or-later
#include "KeyMetricChart.h"

#include "core/NumberFormat.h"

#include <QPainter>
#include <QPainterPath>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

KeyMetricChart::KeyMetricChart(QWidget *parent)
    : QWidget(parent)
{
    setMinimumSize(180, 120);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
}

void KeyMetricChart::setSeries(const QString &metric, const QList<QPair<qint64, double>> &series,
                               const MetricDataset &dataset)
{
    m_metric = metric;
    m_dataset = dataset;
    m_series = series;
    m_series.removeIf([](const QPair<qint64, double> &p) { return !std::isfinite(p.second); });
    setToolTip(m_metric.isEmpty() ? tr("No key metric")
               : m_dataset.isEmpty()
                   ? tr("%1 of each version's source run").arg(m_metric)
                   : tr("%1 of each version's logged model, measured on %2; a version without a value on that "
                        "dataset has no point")
                         .arg(m_metric, m_dataset.displayName()));
    update();
}

QString KeyMetricChart::title() const
{
    const QString metric = m_metric.isEmpty() ? tr("Key metric") : m_metric;
    return m_dataset.isEmpty() ? tr("%1 by version").arg(metric)
                               : tr("%1 on %2 by version").arg(metric, m_dataset.displayName());
}

void KeyMetricChart::setProduction(qint64 version, const QString &word)
{
    m_production = version;
    m_productionWord = word;
    update();
}

QString KeyMetricChart::productionLabel() const
{
    return m_production ? tr("v%1 · %2").arg(m_production).arg(m_productionWord) : QString();
}

void KeyMetricChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette &pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));
    const QFontMetrics fm = fontMetrics();
    p.setPen(pal.color(QPalette::Text));
    // The title wraps (at most three lines) when it names a dataset and the pane is narrow; what
    // still does not fit is elided (the tooltip says it all).
    constexpr int kMaxTitleLines = 3;
    const int titleWidth = width() - 12;
    const QString text = title();
    QStringList titleLines;
    QTextLayout layout(text, font());
    layout.beginLayout();
    int at = 0;
    while (at < text.size() && titleLines.size() < kMaxTitleLines - 1) {
        QTextLine line = layout.createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(titleWidth);
        if (line.textStart() + line.textLength() >= text.size())
            break;
        titleLines.append(text.mid(line.textStart(), line.textLength()).trimmed());
        at = line.textStart() + line.textLength();
    }
    layout.endLayout();
    titleLines.append(fm.elidedText(text.mid(at).trimmed(), Qt::ElideMiddle, titleWidth));
    const QString shown = titleLines.join(u'\n');
    const int lines = int(titleLines.size());
    const int titleHeight = lines * fm.height();
    p.drawText(QRect(6, 4, titleWidth, titleHeight), Qt::AlignLeft | Qt::AlignTop, shown);
    if (m_series.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(8, titleHeight + 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No key metric values"));
        return;
    }
    double lo = m_series.first().second, hi = lo;
    for (const auto &pt : m_series) {
        lo = std::min(lo, pt.second);
        hi = std::max(hi, pt.second);
    }
    if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
    }
    const QString loText = localNumber(lo, 4), hiText = localNumber(hi, 4);
    const int left = 8 + std::max(fm.horizontalAdvance(loText), fm.horizontalAdvance(hiText));
    const QRectF plot(left + 16, titleHeight + 14, width() - left - 32, height() - titleHeight - fm.height() - 26);
    if (plot.width() < 10 || plot.height() < 10)
        return;
    const qint64 v0 = m_series.first().first, v1 = m_series.last().first;
    auto xOf = [&](qint64 v) {
        return v1 == v0 ? plot.center().x() : plot.left() + plot.width() * double(v - v0) / double(v1 - v0);
    };
    auto yOf = [&](double y) { return plot.bottom() - plot.height() * (y - lo) / (hi - lo); };
    p.setPen(QPen(pal.color(QPalette::Mid), 1, Qt::DotLine));
    p.drawLine(QPointF(plot.left(), plot.top()), QPointF(plot.right(), plot.top()));
    p.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()));
    p.setPen(pal.color(QPalette::PlaceholderText));
    p.drawText(QRectF(4, plot.top() - fm.height() / 2.0, left, fm.height()), Qt::AlignRight | Qt::AlignVCenter, hiText);
    p.drawText(QRectF(4, plot.bottom() - fm.height() / 2.0, left, fm.height()), Qt::AlignRight | Qt::AlignVCenter, loText);
    QPainterPath line;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        const QPointF pt(xOf(m_series.at(i).first), yOf(m_series.at(i).second));
        i == 0 ? line.moveTo(pt) : line.lineTo(pt);
    }
    const QColor accent = pal.color(QPalette::Highlight);
    p.setPen(QPen(accent, 2));
    p.setBrush(Qt::NoBrush);
    p.drawPath(line);
    p.setBrush(accent);
    for (const auto &pt : m_series) {
        const QPointF c(xOf(pt.first), yOf(pt.second));
        const bool production = pt.first == m_production;
        if (production) {
            // The version in Production (or the champion): a ring around its point.
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(pal.color(QPalette::Text), 1.5));
            p.drawEllipse(c, 7, 7);
            p.setBrush(accent);
        }
        p.setPen(QPen(pal.color(QPalette::Base), 1.5));
        p.drawEllipse(c, 4, 4);
        p.setPen(pal.color(production ? QPalette::Text : QPalette::PlaceholderText));
        if (production) {
            // Its name above the ring (the version number stays on the axis with the others).
            const int w = fm.horizontalAdvance(m_productionWord);
            const double x = std::clamp(c.x() - w / 2.0, 2.0, std::max(2.0, width() - w - 2.0));
            const double y = c.y() - 9 - fm.height() < plot.top() - fm.height() ? c.y() + 9 : c.y() - 9 - fm.height();
            p.drawText(QRectF(x, y, w + 2, fm.height()), Qt::AlignCenter, m_productionWord);
        }
        const QString label = tr("v%1").arg(pt.first);
        const int w = fm.horizontalAdvance(label);
        p.drawText(QRectF(c.x() - w / 2.0 - 2, plot.bottom() + 4, w + 4, fm.height()), Qt::AlignCenter, label);
    }
}

} // namespace md

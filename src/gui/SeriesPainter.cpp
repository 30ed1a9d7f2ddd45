// SPDX-License-Identifier: GPL-3.0-or-later
#include "SeriesPainter.h"

#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QString kLayer = u"seriesPainter"_s;

/// The layer above "main" that holds the painter; made once per plot.
QString layerAboveMain(QCustomPlot *plot)
{
    if (!plot->layer(kLayer))
        plot->addLayer(kLayer, plot->layer(u"main"_s), QCustomPlot::limAbove);
    return kLayer;
}

} // namespace

SeriesPainter::SeriesPainter(QCustomPlot *plot)
    : QCPLayerable(plot, layerAboveMain(plot))
{
    m_thread.setMaxThreadCount(1);
}

SeriesPainter::~SeriesPainter()
{
    finish();
}

void SeriesPainter::start(const QRect &area, double pixelRatio, QList<Draw> draws)
{
    finish();
    m_area = area;
    const QSize pixels(int(std::ceil(area.width() * pixelRatio)), int(std::ceil(area.height() * pixelRatio)));
    if (m_image.size() != pixels)
        m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(pixelRatio);
    m_running = true;
    m_job = QtConcurrent::run(&m_thread, [this, draws = std::move(draws)] {
        m_image.fill(Qt::transparent);
        QCPPainter painter(&m_image);
        painter.translate(-m_area.topLeft());
        for (const Draw &draw : draws)
            draw(&painter);
    });
}

void SeriesPainter::finish()
{
    m_job.waitForFinished();
    m_running = false;
}

QRect SeriesPainter::clipRect() const
{
    return m_area.translated(0, 1);  // QCPLayer::draw clips to this moved up by a pixel: m_area
}

void SeriesPainter::applyDefaultAntialiasingHint(QCPPainter *painter) const
{
    painter->setAntialiasing(false);  // the picture goes on whole pixels
}

void SeriesPainter::draw(QCPPainter *painter)
{
    if (!m_running)
        return;
    finish();
    painter->drawImage(m_area.topLeft(), m_image);
}

} // namespace md

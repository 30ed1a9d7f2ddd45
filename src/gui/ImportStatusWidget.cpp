// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportStatusWidget.h"

#include "sync/Importer.h"

#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

namespace md {

ImportStatusWidget::ImportStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_progress->setMinimumWidth(220);
    m_progress->setMaximumHeight(fontMetrics().height() + 6);
    m_progress->setTextVisible(true);
    m_cancel->setObjectName(QStringLiteral("cancelImportButton"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the import. What was read so far stays in the cache."));
    m_cancel->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_progress);
    layout->addWidget(m_cancel);
    connect(m_cancel, &QToolButton::clicked, this, &ImportStatusWidget::cancelRequested);
    hide();
}

void ImportStatusWidget::begin(const QString &uri)
{
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Importing…"));
    m_progress->setToolTip(tr("Importing %1").arg(uri));
    m_cancel->setEnabled(true);
    m_elapsed.start();
    show();
}

void ImportStatusWidget::setProgress(const QString &uri, const ImportProgress &progress)
{
    m_progress->setToolTip(progress.phase.isEmpty() ? tr("Importing %1").arg(uri)
                                                    : tr("%1: %2").arg(progress.phase, uri));
    const QString extra = details(progress, m_elapsed.isValid() ? m_elapsed.elapsed() : 0);
    const QString sep = extra.isEmpty() ? QString() : QStringLiteral(" · ");
    if (progress.runsTotal <= 0) {
        m_progress->setRange(0, 0);
        m_progress->setFormat((progress.runsDone == 1 ? tr("1 run") : tr("%1 runs").arg(progress.runsDone)) + sep + extra);
        return;
    }
    // QProgressBar takes int; run counts fit.
    m_progress->setRange(0, int(progress.runsTotal));
    m_progress->setValue(int(std::min(progress.runsDone, progress.runsTotal)));
    m_progress->setFormat(tr("%1 / %2 runs").arg(progress.runsDone).arg(progress.runsTotal) + sep + extra);
}

QString ImportStatusWidget::details(const ImportProgress &progress, qint64 elapsedMs)
{
    QStringList parts;
    if (progress.bytes > 0)
        parts.append(QLocale().formattedDataSize(progress.bytes, 1));
    // Only once a tenth is done and a second has passed is the rate worth a guess.
    if (progress.runsTotal > 0 && progress.runsDone * 10 >= progress.runsTotal && progress.runsDone < progress.runsTotal
        && elapsedMs >= 1000) {
        const qint64 leftMs = elapsedMs * (progress.runsTotal - progress.runsDone) / progress.runsDone;
        parts.append(leftMs < 60'000 ? tr("%1 s left").arg(std::max<qint64>(1, leftMs / 1000))
                                     : tr("%1 min left").arg((leftMs + 30'000) / 60'000));
    }
    return parts.join(QStringLiteral(" · "));
}

void ImportStatusWidget::end()
{
    hide();
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportStatusWidget.h"

#include "models/PlainToolTip.h"
#include "sync/Importer.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QProgressBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace md {

ImportStatusWidget::ImportStatusWidget(QWidget *parent)
    : QWidget(parent)
    , m_progress(new QProgressBar(this))
    , m_cancel(new QToolButton(this))
{
    m_progress->setObjectName(QStringLiteral("importProgress"));
    // Room for a typical text ("1234 / 5678 runs · 12.3 MiB · 4 min left"); a longer one is elided.
    m_progress->setMinimumWidth(
        std::max(220, fontMetrics().horizontalAdvance(tr("%1 / %2 runs").arg(88888).arg(88888)
                                                      + u" · 888.8 MiB · "_s + tr("%1 min left").arg(88))
                          + 2 * fontMetrics().averageCharWidth()));
    m_progress->setMaximumHeight(fontMetrics().height() + 6);
    m_progress->setTextVisible(true);
    m_progress->installEventFilter(this);
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
    setText(tr("Importing…"), tr("Importing %1").arg(uri));
    m_cancel->setEnabled(true);
    m_elapsed.start();
    show();
}

void ImportStatusWidget::setProgress(const QString &uri, const ImportProgress &progress)
{
    const QString where = progress.phase.isEmpty() ? tr("Importing %1").arg(uri) : tr("%1: %2").arg(progress.phase, uri);
    const QString extra = details(progress, m_elapsed.isValid() ? m_elapsed.elapsed() : 0);
    const QString sep = extra.isEmpty() ? QString() : QStringLiteral(" · ");
    if (progress.runsTotal <= 0) {
        m_progress->setRange(0, 0);
        setText((progress.runsDone == 1 ? tr("1 run") : tr("%1 runs").arg(progress.runsDone)) + sep + extra, where);
        return;
    }
    // QProgressBar takes int; run counts fit.
    m_progress->setRange(0, int(progress.runsTotal));
    m_progress->setValue(int(std::min(progress.runsDone, progress.runsTotal)));
    setText(tr("%1 / %2 runs").arg(progress.runsDone).arg(progress.runsTotal) + sep + extra, where);
}

void ImportStatusWidget::setText(const QString &text, const QString &where)
{
    m_text = text;
    m_where = where;
    updateText();
}

void ImportStatusWidget::updateText()
{
    // The style draws the text inside the bar's frame; a character's width each side for it.
    const QFontMetrics fm = m_progress->fontMetrics();
    const int room = m_progress->contentsRect().width() - 2 * fm.averageCharWidth();
    const QString shown = fm.elidedText(m_text, Qt::ElideRight, std::max(room, fm.averageCharWidth()));
    m_elided = shown != m_text;
    // QProgressBar's format replaces %p, %v and %m; a '%' of ours stays one.
    m_progress->setFormat(QString(shown).replace(u'%', u"%%"_s));
    m_progress->setToolTip(plainToolTip(m_elided ? m_text + u'\n' + m_where : m_where));
}

bool ImportStatusWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_progress
        && (event->type() == QEvent::Resize || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange))
        updateText();
    return QWidget::eventFilter(watched, event);
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

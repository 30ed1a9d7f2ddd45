// SPDX-License-Identifier: GPL-3.0-or-later
#include "LiveBadge.h"

#include "LiveUpdater.h"

#include <QDateTime>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace md {

LiveBadge::LiveBadge(LiveUpdater *updater, QWidget *parent)
    : QLabel(parent)
    , m_updater(updater)
    , m_tick(new QTimer(this))
{
    setObjectName(u"liveBadge"_s);
    setTextFormat(Qt::PlainText);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &LiveBadge::refresh);
    connect(m_updater, &LiveUpdater::stateChanged, this, &LiveBadge::refresh);
    refresh();
}

QString LiveBadge::ageText(qint64 ageMs)
{
    const qint64 s = std::max<qint64>(0, ageMs / 1000);
    if (s < 60)
        return tr("%1 s ago").arg(s);
    if (s < 3600)
        return tr("%1 min ago").arg(s / 60);
    return tr("%1 h ago").arg(s / 3600);
}

void LiveBadge::refresh()
{
    const bool live = m_updater->hasLiveSources();
    setVisible(live);
    if (!live) {
        m_tick->stop();
        return;
    }
    if (!m_tick->isActive())
        m_tick->start();
    const QStringList sources = m_updater->liveSources();
    if (m_updater->isPaused()) {
        setText(tr("live updates paused"));
        setToolTip(tr("Runs are in progress in %1.\nView › Pause Live Updates resumes following them.")
                       .arg(sources.join(u", "_s)));
        return;
    }
    const auto last = m_updater->lastSyncMs();
    setText(last ? tr("● live · synced %1").arg(ageText(QDateTime::currentMSecsSinceEpoch() - *last)) : tr("● live"));
    setToolTip(tr("Following the runs in progress in %1: the table and the charts update as they log.\n"
                  "View › Pause Live Updates stops it.")
                   .arg(sources.join(u", "_s)));
}

} // namespace md

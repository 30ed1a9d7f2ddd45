// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

class QTimer;

namespace md {

class LiveUpdater;

/// The status bar's "● live · synced 4 s ago": shown while some source has running runs that
/// LiveUpdater follows, with the age of the last live sync (updated every second), or "live
/// updates paused". Hidden when no run is running. Plain text in the palette's colours.
class LiveBadge : public QLabel {
    Q_OBJECT
public:
    explicit LiveBadge(LiveUpdater *updater, QWidget *parent = nullptr);

    /// "4 s ago", "3 min ago", "2 h ago" for an age in milliseconds.
    static QString ageText(qint64 ageMs);

private:
    void refresh();

    LiveUpdater *m_updater;
    QTimer *m_tick;
};

} // namespace md

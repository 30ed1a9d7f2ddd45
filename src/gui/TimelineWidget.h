// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/TimelineData.h"

#include <QWidget>

namespace md {

/// Paints a TimelineData: one row per lane (label on the left), a block per version while it held
/// the stage or alias, a marker per event (a circle for a registration, a diamond with its window
/// drawn as a bar for a change observed by a sync, a square for a ModelDesk action). Colours come
/// from the palette, so a dark palette works. Hover shows a tooltip; a click on a block or marker
/// emits versionClicked(). Left/Right step through the markers with the keyboard, Enter opens the
/// current one's version.
class TimelineWidget : public QWidget {
    Q_OBJECT
public:
    explicit TimelineWidget(QWidget *parent = nullptr);

    void setTimeline(const TimelineData &data);
    const TimelineData &timeline() const { return m_data; }
    /// The hint painted when there is nothing to show.
    void setPlaceholderText(const QString &text);

    /// Where things are painted (widget coordinates), for hit tests and tests.
    QRect laneRect(int lane) const;
    /// One row of a lane (see TimelineBlock::track).
    QRect trackRect(int lane, int track) const;
    QRectF blockRect(int lane, int block) const;
    QRectF markerRect(int marker) const;

    /// The tooltip of a marker: what happened to which version, when, who, the note; for an
    /// observed change "observed by sync between A and B".
    QString markerToolTip(int marker) const;
    /// The tooltip of a block: version, lane, from–to.
    QString blockToolTip(int lane, int block) const;
    /// The tooltip at `pos`, empty when nothing is there.
    QString toolTipAt(const QPoint &pos) const;

    /// The marker the keyboard is on, -1 when none.
    int currentMarker() const { return m_currentMarker; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    /// A block or marker of `version` was clicked (or Enter pressed on a marker).
    void versionClicked(qint64 version);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Hit {
        int lane = -1, block = -1, marker = -1;
    };
    Hit hitAt(const QPointF &pos) const;
    QRectF plotRect() const;
    double xOf(qint64 ms) const;
    int labelWidth() const;
    int trackHeight() const;
    int totalTracks() const;
    QString laneTitle(int lane) const;

    TimelineData m_data;
    QString m_placeholder;
    int m_currentMarker = -1;
    Hit m_hover;
};

} // namespace md

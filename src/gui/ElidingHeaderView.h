// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHeaderView>

namespace md {

/// A QHeaderView whose section titles end in "…" when they do not fit (Qt 6.4's header clips
/// them instead, whatever its textElideMode), so narrow metric columns stay readable.
class ElidingHeaderView : public QHeaderView {
    Q_OBJECT
public:
    explicit ElidingHeaderView(Qt::Orientation orientation, QWidget *parent = nullptr);

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
};

} // namespace md

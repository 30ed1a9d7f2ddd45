// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include "ElidingLabel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QPainter>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace md {

namespace {

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t), float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

} // namespace

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
{
    setObjectName(u"messageBar"_s);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 3, 3);
    layout->setSpacing(4);
    m_label = new ElidingLabel(this);
    m_label->setObjectName(u"messageText"_s);
    m_label->setMaxLines(2);
    layout->addWidget(m_label, 1);
    m_close = new QToolButton(this);
    m_close->setObjectName(u"messageClose"_s);
    m_close->setText(u"✕"_s);
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Dismiss this message"));
    m_close->setAccessibleName(tr("Dismiss"));
    QSizePolicy keep = m_close->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_close->setSizePolicy(keep);
    layout->addWidget(m_close, 0, Qt::AlignTop);
    connect(m_close, &QToolButton::clicked, this, [this] {
        clear();
        Q_EMIT dismissed();
    });
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setRetainSizeWhenHidden(true);
    setSizePolicy(policy);
    clear();
}

void MessageBar::showMessage(Kind kind, const QString &text)
{
    m_kind = kind;
    m_text = text.trimmed();
    m_label->setText(m_text);
    m_close->setVisible(!m_text.isEmpty());
    if (!m_keepSpace)
        setVisible(!m_text.isEmpty());
    setAccessibleDescription(m_text);
    update();
}

void MessageBar::setKeepsSpace(bool keep)
{
    m_keepSpace = keep;
    QSizePolicy policy = sizePolicy();
    policy.setRetainSizeWhenHidden(keep);
    setSizePolicy(policy);
    setVisible(keep || !m_text.isEmpty());
}

void MessageBar::clear()
{
    showMessage(Kind::Info, QString());
}

QColor MessageBar::accent() const
{
    const bool dark = palette().color(QPalette::Base).lightnessF() < 0.5;
    switch (m_kind) {
    case Kind::Positive:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case Kind::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xb2, 0x6a, 0x00);
    case Kind::Error:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case Kind::Info:
        break;
    }
    return palette().color(QPalette::Highlight);
}

void MessageBar::paintEvent(QPaintEvent *event)
{
    if (!m_text.isEmpty()) {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor base = palette().color(QPalette::Base), a = accent();
        p.setPen(QPen(mix(base, a, 0.6), 1));
        p.setBrush(mix(base, a, 0.14));
        p.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
        // The kind also as a stripe on the left, for those who do not tell the tints apart.
        p.setPen(Qt::NoPen);
        p.setBrush(a);
        p.drawRoundedRect(QRectF(1, 1, 3, height() - 2), 1.5, 1.5);
    }
    QFrame::paintEvent(event);
}

void MessageBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        update();
    QFrame::changeEvent(event);
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QTextDocument>
#include <QVariant>

namespace md {

/// Longest tooltip shown; longer text (a 1 MB tag, say) is cut and ends in "…", because laying out
/// such a tooltip would freeze the window.
inline constexpr qsizetype kMaxToolTipChars = 4000;

/// `tip`, which may hold text from a store or server, made safe to show as a tooltip: cut to
/// kMaxToolTipChars, and never rendered as rich text. QToolTip renders text as HTML when
/// Qt::mightBeRichText() is true (e.g. a run named "<b>x</b>"), so such text comes back escaped
/// inside a <p>, with its line breaks kept; other text comes back as it is.
inline QString plainToolTip(const QString &tip)
{
    const QString text = tip.size() > kMaxToolTipChars ? QString(tip.left(kMaxToolTipChars) + u'…') : tip;
    return Qt::mightBeRichText(text) ? Qt::convertFromPlainText(text, Qt::WhiteSpaceNormal) : text;
}

/// The same for a model's Qt::ToolTipRole value: a string is made safe, anything else passes.
inline QVariant plainToolTip(const QVariant &tip)
{
    return tip.typeId() == QMetaType::QString ? QVariant(plainToolTip(tip.toString())) : tip;
}

} // namespace md

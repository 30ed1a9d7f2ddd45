// SPDX-License-Identifier: GPL-3.0-or-later
#include "Theme.h"

#include "core/Settings.h"

#include <QApplication>
#include <QEvent>
#include <QStyle>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace md {

namespace {

const QString kFusion = u"Fusion"_s;

/// What the platform gave, remembered at the first apply().
struct PlatformLook {
    bool known = false;
    QString style;  ///< QStyle::name() of the application's style then
    QPalette palette;
};

PlatformLook &platformLook()
{
    static PlatformLook look;
    return look;
}

Theme::Mode &currentMode()
{
    static Theme::Mode mode = Theme::Mode::System;
    return mode;
}

/// The colours of one palette; every group gets them, then Disabled its own.
struct Colours {
    QColor window, windowText, base, alternateBase, toolTipBase, toolTipText, placeholder, text, button, buttonText,
        brightText, light, midlight, mid, dark, shadow, highlight, highlightedText, link, linkVisited;
    QColor disabledText, disabledBase, disabledDark, disabledShadow, disabledHighlight, disabledHighlightedText,
        disabledPlaceholder;
};

QPalette makePalette(const Colours &c)
{
    QPalette p;
    const std::pair<QPalette::ColorRole, QColor> roles[] = {
        {QPalette::Window, c.window},
        {QPalette::WindowText, c.windowText},
        {QPalette::Base, c.base},
        {QPalette::AlternateBase, c.alternateBase},
        {QPalette::ToolTipBase, c.toolTipBase},
        {QPalette::ToolTipText, c.toolTipText},
        {QPalette::PlaceholderText, c.placeholder},
        {QPalette::Text, c.text},
        {QPalette::Button, c.button},
        {QPalette::ButtonText, c.buttonText},
        {QPalette::BrightText, c.brightText},
        {QPalette::Light, c.light},
        {QPalette::Midlight, c.midlight},
        {QPalette::Mid, c.mid},
        {QPalette::Dark, c.dark},
        {QPalette::Shadow, c.shadow},
        {QPalette::Highlight, c.highlight},
        {QPalette::HighlightedText, c.highlightedText},
        {QPalette::Link, c.link},
        {QPalette::LinkVisited, c.linkVisited},
    };
    for (const auto &[role, colour] : roles)
        p.setColor(QPalette::All, role, colour);
    const std::pair<QPalette::ColorRole, QColor> disabled[] = {
        {QPalette::WindowText, c.disabledText},
        {QPalette::Text, c.disabledText},
        {QPalette::ButtonText, c.disabledText},
        {QPalette::Base, c.disabledBase},
        {QPalette::Dark, c.disabledDark},
        {QPalette::Shadow, c.disabledShadow},
        {QPalette::Highlight, c.disabledHighlight},
        {QPalette::HighlightedText, c.disabledHighlightedText},
        {QPalette::PlaceholderText, c.disabledPlaceholder},
    };
    for (const auto &[role, colour] : disabled)
        p.setColor(QPalette::Disabled, role, colour);
    return p;
}

} // namespace

QList<Theme::Mode> Theme::modes()
{
    return {Mode::System, Mode::Light, Mode::Dark};
}

QString Theme::name(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return u"light"_s;
    case Mode::Dark:
        return u"dark"_s;
    case Mode::System:
        break;
    }
    return u"system"_s;
}

std::optional<Theme::Mode> Theme::fromName(const QString &name)
{
    const QString wanted = name.trimmed();
    for (const Mode mode : modes())
        if (wanted.compare(Theme::name(mode), Qt::CaseInsensitive) == 0)
            return mode;
    return std::nullopt;
}

QString Theme::title(Mode mode)
{
    switch (mode) {
    case Mode::Light:
        return tr("&Light");
    case Mode::Dark:
        return tr("&Dark");
    case Mode::System:
        break;
    }
    return tr("&System");
}

void Theme::apply(Mode mode)
{
    PlatformLook &platform = platformLook();
    if (!platform.known) {
        platform.known = true;
        platform.style = QApplication::style()->name();
        platform.palette = QApplication::palette();
    }
    if (mode == currentMode())
        return;
    currentMode() = mode;
    // setStyle() first: a new style brings its own palette, which setPalette() then replaces.
    const QString style = mode == Mode::System ? platform.style : kFusion;
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(style);
    switch (mode) {
    case Mode::System:
        // An empty palette hands the application back to the platform's, which may change later
        // (a desktop colour scheme switched); one set before ModelDesk chose a look comes back as it was.
        QApplication::setPalette(platform.palette.resolveMask() == 0 ? QPalette() : platform.palette);
        break;
    case Mode::Light:
        QApplication::setPalette(lightPalette());
        break;
    case Mode::Dark:
        QApplication::setPalette(darkPalette());
        break;
    }
    // Qt hands the new palette to the widgets only once the event loop runs (not at all before
    // exec()); resolved now, a window made next inherits it and a test sees it at once. Each
    // window passes it on to its children, with a PaletteChange to each.
    for (QWidget *window : QApplication::topLevelWidgets()) {
        QEvent change(QEvent::ApplicationPaletteChange);
        QCoreApplication::sendEvent(window, &change);
    }
}

Theme::Mode Theme::current()
{
    return currentMode();
}

Theme::Mode Theme::stored()
{
    return fromName(Settings::instance().value(Settings::Key::Theme).toString()).value_or(Mode::System);
}

void Theme::store(Mode mode)
{
    Settings::instance().setValue(Settings::Key::Theme, name(mode));
}

QPalette Theme::lightPalette()
{
    // QFusionStyle::standardPalette() of Qt 6.4, with disabled text a shade darker (2.6:1 on white).
    const QColor window(239, 239, 239);
    const QColor dark = window.darker(150);
    const QColor shadow = dark.darker(135);
    QColor placeholder(Qt::black);
    placeholder.setAlpha(128);
    Colours c;
    c.window = window;
    c.windowText = Qt::black;
    c.base = Qt::white;
    c.alternateBase = QColor(247, 247, 247);
    c.toolTipBase = QColor(255, 255, 220);
    c.toolTipText = Qt::black;
    c.placeholder = placeholder;
    c.text = Qt::black;
    c.button = window;
    c.buttonText = Qt::black;
    c.brightText = Qt::white;
    c.light = window.lighter(150);
    c.mid = window.darker(130);
    c.midlight = c.mid.lighter(110);
    c.dark = dark;
    c.shadow = shadow;
    c.highlight = QColor(48, 140, 198);
    c.highlightedText = Qt::white;
    c.link = QColor(0, 0, 255);
    c.linkVisited = QColor(255, 0, 255);
    c.disabledText = QColor(160, 160, 160);
    c.disabledBase = window;
    c.disabledDark = QColor(209, 209, 209).darker(110);
    c.disabledShadow = shadow.lighter(150);
    c.disabledHighlight = QColor(145, 145, 145);
    c.disabledHighlightedText = Qt::white;
    c.disabledPlaceholder = placeholder;
    return makePalette(c);
}

QPalette Theme::darkPalette()
{
    Colours c;
    c.window = QColor(0x2d, 0x2d, 0x2d);
    c.windowText = QColor(0xe6, 0xe6, 0xe6);
    c.base = QColor(0x1f, 0x1f, 0x1f);
    c.alternateBase = QColor(0x28, 0x28, 0x28);
    c.toolTipBase = QColor(0x3a, 0x3a, 0x3a);
    c.toolTipText = QColor(0xe6, 0xe6, 0xe6);
    c.placeholder = QColor(0x8f, 0x8f, 0x8f);
    c.text = QColor(0xe6, 0xe6, 0xe6);
    c.button = QColor(0x3a, 0x3a, 0x3a);
    c.buttonText = QColor(0xe6, 0xe6, 0xe6);
    c.brightText = QColor(0xff, 0x8a, 0x80);
    // Lighter than Base on purpose: grid lines, separators and frames are drawn with them on Base.
    c.light = QColor(0x5a, 0x5a, 0x5a);
    c.midlight = QColor(0x4a, 0x4a, 0x4a);
    c.mid = QColor(0x60, 0x60, 0x60);
    c.dark = QColor(0x18, 0x18, 0x18);
    c.shadow = QColor(0x0c, 0x0c, 0x0c);
    c.highlight = QColor(0x2f, 0x6f, 0xde);
    c.highlightedText = Qt::white;
    c.link = QColor(0x6c, 0xb4, 0xff);
    c.linkVisited = QColor(0xc2, 0x9b, 0xff);
    c.disabledText = QColor(0x80, 0x80, 0x80);
    c.disabledBase = c.window;
    c.disabledDark = QColor(0x20, 0x20, 0x20);
    c.disabledShadow = c.shadow;
    c.disabledHighlight = QColor(0x50, 0x50, 0x50);
    c.disabledHighlightedText = QColor(0xa0, 0xa0, 0xa0);
    c.disabledPlaceholder = QColor(0x60, 0x60, 0x60);
    return makePalette(c);
}

bool Theme::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

} // namespace md

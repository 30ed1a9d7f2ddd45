// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QPalette>
#include <QString>

#include <optional>

namespace md {

/// The application's look: what the platform gives, or Qt's Fusion style with a light or a dark
/// palette of our own (Qt 6.4 on Debian has no platform dark theme). Applied to the whole
/// application at once: QApplication::setStyle() and setPalette() send every widget a
/// PaletteChange, and the widgets that draw for themselves (charts, timeline, comparison cells,
/// message bars) read their colours from the palette they are painted with.
///
/// Chosen in View › Theme (stored as Settings::Key::Theme) or with `--theme` for one run.
class Theme {
    Q_DECLARE_TR_FUNCTIONS(Theme)
public:
    enum class Mode {
        System,  ///< the style and palette the platform gave when the application started
        Light,   ///< Fusion with lightPalette()
        Dark,    ///< Fusion with darkPalette()
    };

    /// System, Light, Dark: the order of the menu.
    static QList<Mode> modes();
    /// "system", "light", "dark": the --theme values and the stored names.
    static QString name(Mode mode);
    /// The mode named `name` (any case, surrounding blanks ignored); nullopt for anything else.
    static std::optional<Mode> fromName(const QString &name);
    /// The menu text: "&System", "&Light", "&Dark" (translated).
    static QString title(Mode mode);

    /// Makes `mode` the application's look. The platform's style and palette are remembered at
    /// the first call, so that System brings them back later. Needs a QApplication.
    static void apply(Mode mode);
    /// The mode last applied; System before the first apply().
    static Mode current();

    /// The stored choice (Settings::Key::Theme); System when nothing readable is stored.
    static Mode stored();
    /// Stores `mode` as the choice for later starts.
    static void store(Mode mode);

    /// Fusion's light palette, spelt out so that it does not depend on the Qt version; disabled
    /// text a shade darker, so that a disabled action can still be read.
    static QPalette lightPalette();
    /// A dark palette for Fusion: light text on dark grey, with Mid, Dark and the placeholder
    /// text light enough to draw grid lines and hints on Base.
    static QPalette darkPalette();
    /// True when `palette` draws light on dark (its Base is dark), whichever mode chose it.
    static bool isDark(const QPalette &palette);
};

} // namespace md

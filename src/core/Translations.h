// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCoreApplication;

namespace md {

/// Installs Qt's and ModelDesk's translations (ours embedded under :/i18n) for the language
/// `code` ("de"), or the system's when `code` is empty; a given code also becomes the default
/// QLocale, so numbers and dates follow it. Missing translations are not an error: English stays.
void installTranslations(QCoreApplication &app, const QString &code);

} // namespace md

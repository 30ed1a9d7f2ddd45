// SPDX-License-Identifier: GPL-3.0-or-later
#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace md {

void installTranslations(QCoreApplication &app, const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    auto *ours = new QTranslator(&app);
    if (ours->load(locale, u"modeldesk"_s, u"_"_s, u":/i18n"_s))
        QCoreApplication::installTranslator(ours);
}

} // namespace md

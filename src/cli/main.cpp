// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace {

/// Removes "--lang CODE" / "--lang=CODE" (before a "--") from `arguments` and returns CODE, empty
/// when there is none. The GUI takes the same option.
QString takeLanguageOption(QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString a = arguments.at(i);
        if (a == "--"_L1)
            break;
        if (a == "--lang"_L1 && i + 1 < arguments.size()) {
            const QString code = arguments.at(i + 1);
            arguments.remove(i, 2);
            return code;
        }
        if (a.startsWith("--lang="_L1)) {
            arguments.removeAt(i);
            return a.mid(7);
        }
    }
    return {};
}

/// Messages in the language `code` (else the system's): Qt's own and ours (embedded, :/i18n).
void installTranslations(QCoreApplication &app, const QString &code)
{
    const QLocale locale = code.isEmpty() ? QLocale::system() : QLocale(code);
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    for (const auto &[name, dir] : {std::pair(u"qtbase"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
                                    std::pair(u"modeldesk"_s, u":/i18n"_s)}) {
        auto *translator = new QTranslator(&app);
        if (translator->load(locale, name, u"_"_s, dir))
            QCoreApplication::installTranslator(translator);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("modeldesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("modeldesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    installTranslations(app, takeLanguageOption(arguments));
    return md::cli::run(arguments);
}

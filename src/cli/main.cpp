// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QLocale>

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("modeldesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("modeldesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    md::installTranslations(app, takeLanguageOption(arguments));
    return md::cli::run(arguments);
}

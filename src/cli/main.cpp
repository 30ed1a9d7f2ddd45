// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliApp.h"
#include "core/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("modeldesk"));
    QCoreApplication::setOrganizationName(QStringLiteral("modeldesk"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MODELDESK_VERSION));
    QStringList arguments = QCoreApplication::arguments();
    md::installTranslations(app, md::cli::takeLanguageOption(arguments));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return md::cli::run(arguments, out, err);
}

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace md::schema {

/// The cache's migrations: entry i brings `PRAGMA user_version` from i to i + 1. Never edit an
/// entry that has shipped; append a new one.
const QStringList &cacheMigrations();

/// The journal's migrations, same rules.
const QStringList &journalMigrations();

} // namespace md::schema

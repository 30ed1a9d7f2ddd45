// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the filter language the user types: md::parseSearchFilter, its SQL translation
// (md::filterToSql) and the order-by clauses (md::parseOrderBy / orderByToSql, one per input
// line). Whatever the parser accepts must translate into SQL that SQLite prepares against the
// cache's real schema with exactly as many '?' as bind values, and runs.

#include "FuzzSupport.h"

#include "sqlite/Database.h"
#include "cache/FilterSql.h"
#include "cache/Schema.h"
#include "core/SearchFilter.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;

namespace {

md::Database &cacheDatabase()
{
    static md::Database *db = [] {
        auto *d = new md::Database;
        if (!d->open(u":memory:"_s, true))
            std::abort();
        for (const QString &m : md::schema::cacheMigrations())
            if (!d->exec(m))
                std::abort();
        return d;
    }();
    return *db;
}

[[noreturn]] void fail(const char *what, const QString &sql)
{
    std::fprintf(stderr, "fuzz_search_filter: %s\n  %s\n", what, qPrintable(sql));
    std::abort();
}

void checkSql(const QString &sql, const QVariantList &binds)
{
    sqlite3 *db = cacheDatabase().handle();
    sqlite3_stmt *stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK || !stmt)
        fail(sqlite3_errmsg(db), sql);
    if (sqlite3_bind_parameter_count(stmt) != binds.size())
        fail("bind count differs from the '?' in the SQL", sql);
    sqlite3_finalize(stmt);

    md::Statement st = cacheDatabase().prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        st.bindVariant(i + 1, binds[i]);
    while (st.next()) {
    }
    if (st.error())
        fail(qPrintable(st.error()->message), sql);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString filter = QString::fromUtf8(md::fuzz::bytesOf(data, size));

    const auto parsed = md::parseSearchFilter(filter);
    const auto where = md::filterToSql(filter);
    if (bool(parsed) != bool(where))
        fail("parseSearchFilter and filterToSql disagree", filter);
    if (parsed) {
        for (const md::Comparison &c : parsed->clauses)
            if (c.column < 1 || c.column > filter.size() + 1)
                fail("a clause column outside the filter", filter);
    } else if (const int column = md::errorColumn(parsed.error()); column < 0 || column > filter.size() + 1) {
        fail("an error column outside the filter", filter);
    }

    const QStringList orderBy = filter.split(u'\n');
    const auto order = md::parseOrderBy(orderBy);
    const auto orderSql = md::orderByToSql(orderBy);
    if (bool(order) != bool(orderSql))
        fail("parseOrderBy and orderByToSql disagree", filter);
    if (!order)
        (void)md::errorColumn(order.error());

    if (where || orderSql) {
        QString sql = u"SELECT r.id FROM runs r WHERE "_s + (where ? where->sql : u"1"_s);
        QVariantList binds = where ? where->binds : QVariantList();
        if (orderSql) {
            sql += u" ORDER BY "_s + orderSql->sql;
            binds += orderSql->binds;
        }
        checkSql(sql, binds);
    }
    return 0;
}

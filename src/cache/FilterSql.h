// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QString>
#include <QStringList>
#include <QVariantList>

#include <optional>

namespace md {

/// A piece of SQL with its positional ('?') bind values, in order.
struct SqlFragment {
    QString sql;
    QVariantList binds;
};

/// Translates an MLflow search filter (see core/SearchFilter.h) into a boolean SQL expression over
/// the cache's `runs` table aliased `r` (columns: id, run_uuid, run_name, user_id, status,
/// start_time, end_time, artifact_uri, lifecycle_stage, experiment) and its child tables
/// latest_metrics, params, run_tags, run_inputs (all keyed by `run` = r.id). An empty filter gives
/// "1". Errors are BadInput and say at which column (1-based) the filter went wrong.
///
/// A metric, param or tag condition only keeps runs that have the key, as MLflow does. NaN (a NULL
/// latest value) compares as IEEE 754 does: `!=` holds, `=` `<` `<=` `>` `>=` do not. A param's or
/// tag's NULL value is the empty string, so `params.k = ''` keeps the runs whose k is empty.
Result<SqlFragment> filterToSql(const QString &filter);

/// One condition of a filter as the set of runs it keeps: `select` lists run ids (column 1);
/// with `complement` the condition keeps the runs NOT listed.
struct RunSetSql {
    SqlFragment select;
    bool complement = false;
};

/// The filter as a list of run sets whose intersection it keeps, when every condition is on
/// metrics, params or tags (each answered from a (key, value) index without reading runs); an
/// empty list for an empty filter; nullopt when a condition is on attributes or datasets (then
/// use filterToSql). Errors as filterToSql's.
Result<std::optional<QList<RunSetSql>>> filterToRunSets(const QString &filter);

/// Translates MLflow order-by clauses ("metrics.rmse DESC", "attributes.start_time", "params.x
/// ASC") into an SQL ORDER BY list (without the keywords) over the same tables. NaN/NULL values
/// sort last in both directions. An empty list gives "r.start_time DESC, r.run_uuid" like MLflow.
Result<SqlFragment> orderByToSql(const QStringList &orderBy);

} // namespace md

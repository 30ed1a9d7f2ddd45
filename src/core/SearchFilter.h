// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Error.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace md {

/// What a search-filter identifier refers to (MLflow's "entity type").
enum class SearchEntity { Metric, Param, Tag, Attribute, Dataset };

/// One condition of an MLflow run-search filter, e.g. `metrics.rmse < 0.5`.
struct Comparison {
    using Entity = SearchEntity;

    Entity entity = Entity::Attribute;
    /// The key without entity prefix and quotes. Attribute aliases are resolved to MLflow's
    /// canonical names ("created" -> "start_time", "run name"/"Run name"/"Run Name" -> "run_name").
    QString key;
    /// Upper case: "=", "!=", "<", "<=", ">", ">=", "LIKE", "ILIKE", "IN", "NOT IN", "IS NULL",
    /// "IS NOT NULL".
    QString op;
    /// double for metrics, qint64 for the numeric attributes (start_time, end_time), QString for
    /// everything else; invalid for IN / NOT IN / IS NULL / IS NOT NULL.
    QVariant value;
    /// The values of IN / NOT IN, in the order written; empty otherwise.
    QStringList list;
    /// 1-based column (in UTF-16 code units) where the condition starts in the filter.
    int column = 0;

    bool operator==(const Comparison &) const = default;
};

/// A parsed filter: its conditions, all of which must hold (MLflow only has AND).
struct SearchFilter {
    QList<Comparison> clauses;

    bool isEmpty() const { return clauses.isEmpty(); }
};

/// Parses an MLflow run-search filter the way MLflow's SearchUtils.parse_search_filter does:
///  - identifiers `metrics.`/`metric.`, `params.`/`param.`/`parameters.`/`parameter.`,
///    `tags.`/`tag.`, `attributes.`/`attribute.`/`attr.`/`run.`, `datasets.`/`dataset.` (prefixes are
///    case-sensitive like MLflow's and may be in backticks); a bare key is an attribute;
///  - keys bare (letters, digits, '_' and '.') or quoted with "double", 'single' or `backticks`;
///  - attributes run_id, run_name, status, user_id, artifact_uri (strings: = != LIKE ILIKE, run_id
///    also IN / NOT IN) and start_time, end_time, created (numbers: = != < <= > >=);
///  - metrics: = != < <= > >= with a number (integer, decimal or scientific, optionally negative);
///  - params and tags: = != LIKE ILIKE with a 'single' or "double" quoted string, IS NULL and
///    IS NOT NULL (newer MLflow releases accept these two for tags and params only);
///  - datasets.name / digest / context: = != LIKE ILIKE with a string, IN / NOT IN with a list;
///  - conditions joined by AND only (OR, parentheses and ';' are rejected like MLflow does);
///    keywords (AND, LIKE, ILIKE, IN, NOT, IS, NULL, ASC, DESC) are case-insensitive.
/// Inside a quoted string a doubled quote stands for one quote ('it''s').
/// An empty or blank filter gives an empty SearchFilter. Errors are BadInput; `where` is
/// "filter, column N" with N the 1-based column where the filter went wrong (see errorColumn()),
/// and the message says what was expected and what was found.
Result<SearchFilter> parseSearchFilter(const QString &filter);

/// One MLflow order-by clause.
struct OrderBy {
    SearchEntity entity = SearchEntity::Attribute;
    QString key; ///< as in Comparison::key
    bool ascending = true;

    bool operator==(const OrderBy &) const = default;
};

/// Parses MLflow run order-by clauses: "<identifier> [ASC|DESC]" each, identifiers as in
/// parseSearchFilter() (metrics, params, tags, attributes; datasets cannot be sorted by).
/// Ascending when no direction is given. Naming the same key twice is an error (as in MLflow).
/// Errors are BadInput with `where` = "order by N, column M" (N the 1-based clause, M the
/// 1-based column inside it).
Result<QList<OrderBy>> parseOrderBy(const QStringList &orderBy);

/// The identifier prefixes ("metrics.", "params.", "tags.", "attributes.", "datasets.") followed
/// by every complete attribute and dataset identifier ("attributes.run_id", …, "datasets.context")
/// for key completion in editors. Metric, param and tag keys depend on the data and are not here.
QStringList searchFilterKeywords();

/// The canonical plural prefix of an entity without the dot: "metrics", "params", "tags",
/// "attributes" or "datasets".
QString searchEntityPrefix(SearchEntity entity);

/// True for the attributes compared as numbers (start_time, end_time); takes canonical keys.
bool isNumericSearchAttribute(const QString &key);

/// The 1-based column an error of parseSearchFilter() or parseOrderBy() points at, read from its
/// `where`; 0 when the error carries no column.
int errorColumn(const Error &error);

} // namespace md

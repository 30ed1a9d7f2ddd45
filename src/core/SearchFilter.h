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

/// The metric, param and tag keys that runs have, each list sorted: what a filter's keys are
/// checked against.
struct SearchKeys {
    QStringList metrics;
    QStringList params;
    QStringList tags;
};

/// A metric, param or tag key of a filter that no run in the searched scope has. MLflow answers
/// such a filter with no runs and no word of why.
struct UnknownSearchKey {
    SearchEntity entity = SearchEntity::Metric;
    QString key;
    /// What the person probably meant: a key of the same kind ("val.auc" for metrics.val_auc), or
    /// a whole identifier of another kind ("params.lr" for metrics.lr); empty when nothing is close.
    QString suggestion;
    /// 1-based column of the condition in the filter.
    int column = 0;

    bool operator==(const UnknownSearchKey &) const = default;
};

/// Where the keys were looked for, for the wording of unknownSearchKeyMessage().
enum class SearchKeyScope { Experiment, Experiments, Source, Cache };

/// The key of `candidates` that `key` most likely misspells: `key` itself when it is there; else
/// one equal to it once normalised (case and the separators . _ - / : and space ignored, so
/// "val.auc" for "Val_AUC"); else the nearest by edit distance (insertions, deletions,
/// substitutions, swaps of neighbours; case ignored) when that is at most 1 for keys of 4 to 6
/// characters, 2 for 7 to 12 and 3 beyond. Keys of up to 3 characters are only matched by
/// normalising. Ties go to the first candidate. Empty when none is close enough.
QString closestSearchKey(const QString &key, const QStringList &candidates);

/// The metric, param and tag keys of `filter` that `known` lacks, in the order of the filter, each
/// once, with a suggestion: the closest key of the same kind (closestSearchKey()), else a key of
/// another kind that is closer ("params.lr" for metrics.lr, back-ticked when the key needs it).
QList<UnknownSearchKey> unknownSearchKeys(const SearchFilter &filter, const SearchKeys &known);

/// "no run in this experiment has metric 'val_auc' — did you mean 'val.auc'?" (translated).
QString unknownSearchKeyMessage(const UnknownSearchKey &unknown, SearchKeyScope scope);

} // namespace md

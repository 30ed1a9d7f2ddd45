// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to md_sources: MLflow's REST JSON (proto3 JSON as MLflow 2.x and 3.x write it) → domain
// types, shared by MlflowRestSource (sync) and MlflowRestWriter (readModel), so that both deliver
// a registered model exactly alike. Not installed; nothing outside src/sources includes it.

#include "core/Domain.h"
#include "core/Error.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <nlohmann/json.hpp>

#include <optional>

namespace md::restjson {

using json = nlohmann::json;

/// A scalar as text: strings as they are, numbers in full precision, booleans as "true"/"false";
/// empty for null, objects and arrays.
QString qstr(const json &v);
/// The member `key` of object `o` as text (qstr); empty when missing.
QString text(const json &o, const char *key);
/// An int64 field: a JSON number (MLflow) or a numeric string (canonical proto3 JSON).
std::optional<qint64> int64Field(const json &o, const char *key);
qint64 int64Or0(const json &o, const char *key);
/// A double field: a number, or the strings "NaN", "Infinity", "-Infinity" of proto3 JSON.
std::optional<double> doubleField(const json &o, const char *key);
/// The member object `key`; an empty object when it is missing.
const json &member(const json &o, const char *key);
/// The member array `key`; an empty array when it is missing or not an array.
const json &array(const json &o, const char *key);
/// [{"key": …, "value": …}, …] sorted by key (stable).
QList<KeyValue> keyValues(const json &o, const char *key);

/// MLflow's stage names case-insensitively mapped to kStageNone … kStageArchived; empty → None;
/// an unknown stage is kept as it is.
QString stageName(const QString &s);
/// A model version object (model-versions/search, /get, /create, transition-stage …). Its
/// aliases are taken as listed (MLflow lists them on some answers only); see finishModel().
/// modelId is the answer's `model_id` if any, else the LoggedModel a `models:/m-…` source names
/// (MLflow 3's SQL store keeps no model_id on a version: its JSON has none).
ModelVersion toVersion(const json &v);
/// A registered model object without its versions (latest_versions are ignored): aliases sorted.
RegisteredModel toModel(const json &m);
/// The highest version number a registered model object names in `latest_versions` (one version
/// per stage, so the newest version there is) or `aliases`; 0 when it names none. How the
/// versions of a prompt are found: MLflow 3's model-versions/search answers `{}` for a prompt.
qint64 highestListedVersion(const json &m);
/// A LoggedModel of logged-models/search or logged-models/get (MLflow 3; {"info": …, "data": …}):
/// status without its LOGGED_MODEL_ prefix (loggedModelStatusName), timestamps from
/// `creation_timestamp_ms`/`last_updated_timestamp_ms`, artifactLocation from `artifact_uri`,
/// tags (info) and params (data) sorted by key, metrics sorted by key, dataset name, step and
/// timestamp (stable) with their run and dataset. A metric without key or usable value is
/// skipped; modelId is empty when the answer has none.
LoggedModel toLoggedModel(const json &j);

/// A metric of runs/search, runs/get or metrics/get-history ({"key", "value", "timestamp",
/// "step"}); nullopt without a key or a usable value.
std::optional<MetricPoint> metricPoint(const json &m);
/// Sorts by key, then step, then timestamp (stable).
void sortPoints(QList<MetricPoint> &points);

/// The JSON object of an answer's body; a BadInput error naming `url` when the body is not JSON
/// (malformed, cut short) or not an object. The way every REST page is parsed.
Result<json> parseObject(const QByteArray &body, const QString &url);

/// One metrics/get-history page of one series.
struct HistoryPage {
    /// The points of the asked key in the page's order (not sorted: a series is sorted once,
    /// after its last page).
    QList<MetricPoint> points;
    QString next; ///< next_page_token; empty on the last page
};
/// A parsed get-history page read the general way: metricPoint() of each element of "metrics"
/// (missing or not an array: none) whose key is `key`, and text() of "next_page_token".
HistoryPage historyPage(const json &page, const QString &key);
/// parseObject() and then historyPage(): takes any page the general way, errors name `url`.
Result<HistoryPage> parseHistoryPage(const QByteArray &body, const QString &key, const QString &url);
/// The same page read straight from its bytes, without a json DOM (10^5 points are 12 MB of JSON;
/// a DOM and a QString per point took most of the time of a full history). Takes only plain
/// answers: one object of at most one "metrics" (an array of objects of "key", "value",
/// "timestamp", "step", each at most once) and at most one "next_page_token"; strings of printable
/// ASCII without escapes; timestamp and step integers of at most 18 digits; values JSON numbers
/// (integers of at most 18 digits, or numbers with a fraction or an exponent that are finite as
/// doubles); JSON whitespace between tokens. Anything else (NaN strings, escapes, unknown or
/// repeated members, nesting, malformed JSON, trailing bytes …) gives nullopt, and the caller
/// must read the page with parseHistoryPage(), which decides. What it takes comes out exactly
/// as parseHistoryPage() gives it: the same points (key, value bits, timestamp, step) in the
/// same order and the same next token (tests/sources/tst_historypage, tests/fuzz/fuzz_history_page).
std::optional<HistoryPage> scanHistoryPage(const QByteArray &body, const QString &key);
/// The same, appending the page's points to `points` (a series' earlier pages) and returning the
/// next token; on nullopt `points` is left as it was.
std::optional<QString> scanHistoryPage(const QByteArray &body, const QString &key, QList<MetricPoint> &points);
/// A metrics/get-history-bulk answer (MLflow's web UI; the elements of "metrics" carry a
/// "run_id"), read the general way: the points of key `key` by run, in the answer's order.
/// nullopt when the answer is not a JSON object, may have been cut (`maxResults` elements or
/// more), or has an element without a run id: the caller then asks for each series alone.
std::optional<QHash<QString, QList<MetricPoint>>> parseBulkHistories(
    const QByteArray &body, const QString &key, int maxResults);
/// The same answer read straight from its bytes, as scanHistoryPage() reads a page: only an object
/// of one "metrics" whose elements are those scanHistoryPage() takes, each with one non-empty
/// "run_id" of printable ASCII. nullopt declines, and parseBulkHistories() decides; what it
/// takes comes out exactly as parseBulkHistories() gives it (tests/sources/tst_historypage,
/// tests/fuzz/fuzz_history_page).
std::optional<QHash<QString, QList<MetricPoint>>> scanBulkHistories(
    const QByteArray &body, const QString &key, int maxResults);
/// An experiment of experiments/search or experiments/get.
Experiment toExperiment(const json &e);
/// A run of runs/search or runs/get ({"info", "data", "inputs", "outputs"}): params and tags
/// sorted by key, latest metrics sorted (sortPoints), dataset inputs sorted by name and digest,
/// MLflow 3's `inputs.model_inputs` and `outputs.model_outputs` sorted by model id and step (note
/// that MLflow 3's runs/search leaves model_inputs out; only runs/get has them). Metrics without
/// a usable value are skipped; runId is empty when the run has none.
Run toRun(const json &j);

/// What toRun() does after reading a run's fields, so that every way of reading a run ends alike:
/// params and tags sorted by key (stable), latest metrics sorted (sortPoints), the run name from
/// the last `mlflow.runName` tag when the run has none, dataset inputs sorted by name and digest,
/// model inputs and outputs by model id and step.
void finishRun(Run &r);

/// One runs/search page.
struct RunsPage {
    /// toRun() of each element of "runs" that has a run id, in the page's order.
    QList<Run> runs;
    qsizetype withoutId = 0; ///< elements of "runs" without a run id, left out
    QString next; ///< next_page_token; empty on the last page
};
/// parseObject() and then toRun() of each element of "runs" (missing or not an array: none) and
/// text() of "next_page_token": takes any page the general way, errors name `url`.
Result<RunsPage> parseRunsPage(const QByteArray &body, const QString &url);
/// The same page read straight from its bytes, without a json DOM (a page of 1000 runs is 5 MB
/// of indented JSON, and the DOM took three quarters of the time a page's runs took to parse).
/// Takes valid JSON (RFC 8259, UTF-8 checked, escapes decoded) as MLflow writes it: one object
/// whose "runs" is an array of objects, each of objects "info", "data", "inputs", "outputs" as
/// MLflow 2 and 3 fill them; text fields strings or null, times and steps integers of at most
/// 18 digits or null, metric values JSON numbers (integers of at most 18 digits), null, or the
/// strings "NaN", "Infinity", "-Infinity"; members it does not know are skipped (validated). It
/// declines (nullopt) anything else: a member it knows given twice or with another type, a
/// BOM, nesting deeper than 64 levels, malformed JSON …; the caller must then read the page with
/// parseRunsPage(), which decides. What it takes comes out exactly as parseRunsPage() gives it
/// (tests/sources/tst_runspage).
std::optional<RunsPage> scanRunsPage(const QByteArray &body);

/// A page's next_page_token without parsing the page, for asking for the next page at once: read
/// backwards from the end when it is the object's last member (where MLflow writes it: a few bytes
/// whatever the page's size), else by following only the object's top level (strings skipped with
/// memchr, and nesting: milliseconds for a 5 MB page, not the tenth of a second of a parse).
/// Empty when the object has no such member; nullopt when it cannot tell (a token with escapes or
/// not a string, not an object …): parse the page then. For a valid JSON object it gives what
/// parseRunsPage() gives as `next` when the member is there once; not a validator: for malformed
/// JSON it may give anything, and the page's parse reports the malformed JSON.
std::optional<QString> quickPageToken(const QByteArray &body);
/// What addVersion() did with one version of a model-versions/search page.
enum class Added {
    Yes,
    OtherModel, ///< another model's version (a LIKE filter matches more): skipped
    BadNumber,  ///< the version is not a positive number: skipped, worth a problem report
    Duplicate,  ///< seen before (pages shift while versions are added): skipped
};
/// Adds `v` to `m.versions` unless it belongs to another model, has no positive number or was
/// seen before (`seen` holds the numbers added so far).
Added addVersion(RegisteredModel &m, QSet<qint64> &seen, ModelVersion v);
/// After the last page: sorts the versions by number and puts each of the model's aliases on
/// its version (each version's aliases sorted, without duplicates).
void finishModel(RegisteredModel &m);

} // namespace md::restjson

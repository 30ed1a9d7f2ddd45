// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/RestJson.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>

using namespace Qt::StringLiterals;

namespace md::restjson {

QString qstr(const json &v)
{
    if (v.is_string()) {
        const auto &s = v.get_ref<const std::string &>();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    if (v.is_number_integer())
        return QString::number(v.get<qint64>());
    if (v.is_number_unsigned())
        return QString::number(v.get<quint64>());
    if (v.is_number_float())
        return QString::number(v.get<double>(), 'g', 17);
    if (v.is_boolean())
        return v.get<bool>() ? u"true"_s : u"false"_s;
    return {};
}

QString text(const json &o, const char *key)
{
    const auto it = o.find(key);
    return it == o.end() ? QString() : qstr(*it);
}

std::optional<qint64> int64Field(const json &o, const char *key)
{
    const auto it = o.find(key);
    if (it == o.end() || it->is_null())
        return std::nullopt;
    if (it->is_number_integer())
        return it->get<qint64>();
    if (it->is_number_unsigned())
        return qint64(it->get<quint64>());
    if (it->is_number_float())
        return qint64(std::llround(it->get<double>()));
    if (it->is_string()) {
        bool ok = false;
        const qint64 v = qstr(*it).toLongLong(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

qint64 int64Or0(const json &o, const char *key)
{
    return int64Field(o, key).value_or(0);
}

std::optional<double> doubleField(const json &o, const char *key)
{
    const auto it = o.find(key);
    if (it == o.end())
        return std::nullopt;
    if (it->is_number())
        return it->get<double>();
    if (it->is_string()) {
        const QString s = qstr(*it).trimmed();
        if (s.compare("NaN"_L1, Qt::CaseInsensitive) == 0)
            return std::numeric_limits<double>::quiet_NaN();
        if (s.compare("Infinity"_L1, Qt::CaseInsensitive) == 0 || s.compare("inf"_L1, Qt::CaseInsensitive) == 0)
            return std::numeric_limits<double>::infinity();
        if (s.compare("-Infinity"_L1, Qt::CaseInsensitive) == 0 || s.compare("-inf"_L1, Qt::CaseInsensitive) == 0)
            return -std::numeric_limits<double>::infinity();
        bool ok = false;
        const double v = s.toDouble(&ok);
        if (ok)
            return v;
    }
    return std::nullopt;
}

const json &member(const json &o, const char *key)
{
    static const json empty = json::object();
    const auto it = o.find(key);
    return it == o.end() ? empty : *it;
}

const json &array(const json &o, const char *key)
{
    static const json empty = json::array();
    const auto it = o.find(key);
    return it == o.end() || !it->is_array() ? empty : *it;
}

QList<KeyValue> keyValues(const json &o, const char *key)
{
    QList<KeyValue> out;
    for (const json &kv : array(o, key))
        if (kv.is_object())
            out.append(KeyValue { text(kv, "key"), text(kv, "value") });
    std::stable_sort(out.begin(), out.end(), [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
    return out;
}

QString stageName(const QString &s)
{
    for (const QString *known : { &kStageNone, &kStageStaging, &kStageProduction, &kStageArchived })
        if (s.compare(*known, Qt::CaseInsensitive) == 0)
            return *known;
    return s.isEmpty() ? kStageNone : s;
}

ModelVersion toVersion(const json &v)
{
    ModelVersion x;
    x.name = text(v, "name");
    x.version = int64Or0(v, "version");
    x.creationTime = int64Or0(v, "creation_timestamp");
    x.lastUpdatedTime = int64Or0(v, "last_updated_timestamp");
    x.currentStage = stageName(text(v, "current_stage"));
    x.description = text(v, "description");
    x.userId = text(v, "user_id");
    x.source = text(v, "source");
    x.runId = text(v, "run_id");
    if (const QString status = text(v, "status"); !status.isEmpty())
        x.status = status;
    x.statusMessage = text(v, "status_message");
    x.runLink = text(v, "run_link");
    x.modelId = text(v, "model_id");
    if (x.modelId.isEmpty())
        x.modelId = ModelVersion::modelIdFromSource(x.source);
    x.tags = keyValues(v, "tags");
    for (const json &a : array(v, "aliases"))
        if (const QString alias = qstr(a); !alias.isEmpty())
            x.aliases.append(alias);
    return x;
}

RegisteredModel toModel(const json &m)
{
    RegisteredModel x;
    x.name = text(m, "name");
    x.creationTime = int64Or0(m, "creation_timestamp");
    x.lastUpdatedTime = int64Or0(m, "last_updated_timestamp");
    x.description = text(m, "description");
    x.tags = keyValues(m, "tags");
    for (const json &a : array(m, "aliases"))
        x.aliases.append(ModelAlias { text(a, "alias"), int64Or0(a, "version") });
    std::sort(
        x.aliases.begin(), x.aliases.end(), [](const ModelAlias &a, const ModelAlias &b) { return a.alias < b.alias; });
    return x;
}

qint64 highestListedVersion(const json &m)
{
    qint64 highest = 0;
    for (const json &v : array(m, "latest_versions"))
        highest = std::max(highest, int64Or0(v, "version"));
    for (const json &a : array(m, "aliases"))
        highest = std::max(highest, int64Or0(a, "version"));
    return highest;
}

LoggedModel toLoggedModel(const json &j)
{
    const json &info = member(j, "info");
    const json &data = member(j, "data");
    LoggedModel x;
    x.modelId = text(info, "model_id");
    x.experimentId = text(info, "experiment_id");
    x.name = text(info, "name");
    x.artifactLocation = text(info, "artifact_uri");
    x.sourceRunId = text(info, "source_run_id");
    x.status = loggedModelStatusName(text(info, "status"));
    x.statusMessage = text(info, "status_message");
    x.modelType = text(info, "model_type");
    if (const QString stage = text(info, "lifecycle_stage"); !stage.isEmpty())
        x.lifecycleStage = stage;
    x.creationTime = int64Or0(info, "creation_timestamp_ms");
    x.lastUpdatedTime = int64Or0(info, "last_updated_timestamp_ms");
    x.tags = keyValues(info, "tags");
    x.params = keyValues(data, "params");
    for (const json &m : array(data, "metrics")) {
        if (!m.is_object())
            continue;
        LoggedModelMetric metric;
        metric.key = text(m, "key");
        const auto value = doubleField(m, "value");
        if (metric.key.isEmpty() || !value)
            continue;
        metric.value = *value;
        metric.timestamp = int64Or0(m, "timestamp");
        metric.step = int64Or0(m, "step");
        metric.runId = text(m, "run_id");
        metric.datasetName = text(m, "dataset_name");
        metric.datasetDigest = text(m, "dataset_digest");
        x.metrics.append(std::move(metric));
    }
    std::stable_sort(x.metrics.begin(), x.metrics.end(), [](const LoggedModelMetric &a, const LoggedModelMetric &b) {
        if (a.key != b.key)
            return a.key < b.key;
        if (a.datasetName != b.datasetName)
            return a.datasetName < b.datasetName;
        return a.step != b.step ? a.step < b.step : a.timestamp < b.timestamp;
    });
    return x;
}

Added addVersion(RegisteredModel &m, QSet<qint64> &seen, ModelVersion v)
{
    if (v.name != m.name)
        return Added::OtherModel;
    if (v.version <= 0)
        return Added::BadNumber;
    if (seen.contains(v.version))
        return Added::Duplicate;
    seen.insert(v.version);
    m.versions.append(std::move(v));
    return Added::Yes;
}

void finishModel(RegisteredModel &m)
{
    std::sort(m.versions.begin(), m.versions.end(),
        [](const ModelVersion &a, const ModelVersion &b) { return a.version < b.version; });
    for (ModelVersion &v : m.versions) {
        for (const ModelAlias &a : std::as_const(m.aliases))
            if (a.version == v.version && !v.aliases.contains(a.alias))
                v.aliases.append(a.alias);
        v.aliases.sort();
    }
}

namespace {

/// scanHistoryPage(): a cursor over the page's bytes that takes only what it knows.
class HistoryPageScanner {
public:
    static std::optional<HistoryPage> scan(const QByteArray &body, const QString &key)
    {
        const QByteArray wanted = key.toUtf8();
        HistoryPageScanner sc(body);
        HistoryPage page;
        if (!sc.take('{'))
            return std::nullopt;
        bool metricsSeen = false, tokenSeen = false;
        if (!sc.take('}')) {
            do {
                std::string_view name;
                if (!sc.string(name) || !sc.take(':'))
                    return std::nullopt;
                if (name == "metrics" && !metricsSeen) {
                    metricsSeen = true;
                    if (!sc.points(wanted, key, page.points))
                        return std::nullopt;
                } else if (name == "next_page_token" && !tokenSeen) {
                    tokenSeen = true;
                    std::string_view token;
                    if (!sc.string(token))
                        return std::nullopt;
                    page.next = QString::fromLatin1(token.data(), qsizetype(token.size()));
                } else {
                    return std::nullopt;
                }
            } while (sc.take(','));
            if (!sc.take('}'))
                return std::nullopt;
        }
        sc.space();
        if (sc.m_p != sc.m_end)
            return std::nullopt;
        return page;
    }

private:
    explicit HistoryPageScanner(const QByteArray &body)
        : m_p(body.constData())
        , m_end(body.constData() + body.size())
    {
    }

    void space()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\n' || *m_p == '\r' || *m_p == '\t'))
            ++m_p;
    }
    bool take(char c)
    {
        space();
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }
    static bool digit(char c) { return c >= '0' && c <= '9'; }

    bool string(std::string_view &out)
    {
        if (!take('"'))
            return false;
        const char *from = m_p;
        for (; m_p < m_end; ++m_p) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out = std::string_view(from, size_t(m_p - from));
                ++m_p;
                return true;
            }
            if (c < 0x20 || c >= 0x7f || c == '\\')
                return false;
        }
        return false;
    }

    /// A JSON number (RFC 8259 grammar); `integer` when it has no fraction and no exponent.
    bool number(std::string_view &out, bool &integer)
    {
        space();
        const char *from = m_p;
        if (m_p < m_end && *m_p == '-')
            ++m_p;
        if (m_p < m_end && *m_p == '0')
            ++m_p;
        else if (m_p < m_end && *m_p >= '1' && *m_p <= '9')
            while (m_p < m_end && digit(*m_p))
                ++m_p;
        else
            return false;
        integer = true;
        if (m_p < m_end && *m_p == '.') {
            integer = false;
            const char *digits = ++m_p;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
            if (m_p == digits)
                return false;
        }
        if (m_p < m_end && (*m_p == 'e' || *m_p == 'E')) {
            integer = false;
            ++m_p;
            if (m_p < m_end && (*m_p == '+' || *m_p == '-'))
                ++m_p;
            const char *digits = m_p;
            while (m_p < m_end && digit(*m_p))
                ++m_p;
            if (m_p == digits)
                return false;
        }
        out = std::string_view(from, size_t(m_p - from));
        return true;
    }

    /// An integer of at most 18 digits: nlohmann keeps those exactly as int64.
    static bool int64(std::string_view text, bool integer, qint64 &out)
    {
        if (!integer || text.size() - (text.front() == '-' ? 1 : 0) > 18)
            return false;
        const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
        return r.ec == std::errc() && r.ptr == text.data() + text.size();
    }

    bool points(const QByteArray &wanted, const QString &key, QList<MetricPoint> &out)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        // The answer's size bounds the number of points (a point takes at least 30 bytes).
        out.reserve(qsizetype((m_end - m_p) / 48));
        const std::string_view want(wanted.constData(), size_t(wanted.size()));
        do {
            if (!take('{'))
                return false;
            enum : unsigned { Key = 1, Value = 2, Timestamp = 4, Step = 8 };
            unsigned seen = 0;
            std::string_view name, keyText;
            MetricPoint p;
            if (!take('}')) {
                do {
                    if (!string(name) || !take(':'))
                        return false;
                    if (name == "key") {
                        if ((seen & Key) || !string(keyText))
                            return false;
                        seen |= Key;
                        continue;
                    }
                    std::string_view num;
                    bool integer = false;
                    if (!number(num, integer))
                        return false;
                    if (name == "value" && !(seen & Value)) {
                        seen |= Value;
                        if (integer) {
                            qint64 v = 0;
                            if (!int64(num, integer, v))
                                return false;
                            p.value = double(v);
                        } else {
                            const auto r = std::from_chars(num.data(), num.data() + num.size(), p.value);
                            if (r.ec != std::errc() || r.ptr != num.data() + num.size())
                                return false;
                        }
                    } else if (name == "timestamp" && !(seen & Timestamp)) {
                        seen |= Timestamp;
                        if (!int64(num, integer, p.timestamp))
                            return false;
                    } else if (name == "step" && !(seen & Step)) {
                        seen |= Step;
                        if (!int64(num, integer, p.step))
                            return false;
                    } else {
                        return false;
                    }
                } while (take(','));
                if (!take('}'))
                    return false;
            }
            // metricPoint(): no key or no value, no point; then only the asked key's points
            if ((seen & (Key | Value)) == (Key | Value) && !keyText.empty() && keyText == want) {
                p.key = key;
                out.append(std::move(p));
            }
        } while (take(','));
        return take(']');
    }

    const char *m_p;
    const char *const m_end;
};

} // namespace

Result<json> parseObject(const QByteArray &body, const QString &url)
{
    json j = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (j.is_discarded() || !j.is_object())
        return makeError(ErrorCategory::BadInput,
            QCoreApplication::translate("MlflowRestSource",
                "the server sent malformed JSON (%1 bytes; the answer may have been cut short)")
                .arg(body.size()),
            url);
    return j;
}

HistoryPage historyPage(const json &page, const QString &key)
{
    HistoryPage out;
    for (const json &m : array(page, "metrics"))
        if (auto p = metricPoint(m); p && p->key == key)
            out.points.append(*p);
    out.next = text(page, "next_page_token");
    return out;
}

Result<HistoryPage> parseHistoryPage(const QByteArray &body, const QString &key, const QString &url)
{
    auto page = parseObject(body, url);
    if (!page)
        return page.error();
    return historyPage(*page, key);
}

std::optional<HistoryPage> scanHistoryPage(const QByteArray &body, const QString &key)
{
    return HistoryPageScanner::scan(body, key);
}

} // namespace md::restjson

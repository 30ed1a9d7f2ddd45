// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/RestJson.h"

#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <string_view>
#include <utility>

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

/// What the two page scanners share: a cursor over JSON bytes.
class JsonCursor {
protected:
    explicit JsonCursor(const QByteArray &body)
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

    const char *m_p;
    const char *const m_end;
};

/// scanHistoryPage(): a cursor over the page's bytes that takes only what it knows.
class HistoryPageScanner : JsonCursor {
public:
    /// Appends the page's points to `points`; on nullopt `points` is as it was.
    static std::optional<QString> scan(const QByteArray &body, const QString &key, QList<MetricPoint> &points)
    {
        const qsizetype had = points.size();
        auto next = scanPage(body, key, points);
        if (!next)
            points.resize(had);
        return next;
    }

    /// scanBulkHistories(): an object of one "metrics" array whose elements are those of a
    /// get-history page, each with a non-empty "run_id".
    static std::optional<QHash<QString, QList<MetricPoint>>> scanBulk(
        const QByteArray &body, const QString &key, int maxResults)
    {
        const QByteArray wanted = key.toUtf8();
        const std::string_view want(wanted.constData(), size_t(wanted.size()));
        HistoryPageScanner sc(body);
        std::string_view name;
        if (!sc.take('{') || !sc.string(name) || name != "metrics" || !sc.take(':') || !sc.take('['))
            return std::nullopt;
        QHash<QString, QList<MetricPoint>> byRun;
        qsizetype elements = 0;
        if (!sc.take(']')) {
            // An answer holds its runs one after the other: look a run up when it changes.
            std::string_view listRun;
            QList<MetricPoint> *list = nullptr;
            do {
                MetricPoint p;
                std::string_view keyText, runId;
                bool complete = false;
                if (!sc.element(p, keyText, &runId, complete) || runId.empty())
                    return std::nullopt;
                ++elements;
                if (!complete || keyText.empty() || keyText != want)
                    continue;
                if (!list || runId != listRun) {
                    // The last insert: `list` stays valid until the next one.
                    list = &byRun[QString::fromLatin1(runId.data(), qsizetype(runId.size()))];
                    listRun = runId;
                }
                p.key = key;
                list->append(std::move(p));
            } while (sc.take(','));
            if (!sc.take(']'))
                return std::nullopt;
        }
        if (!sc.take('}'))
            return std::nullopt;
        sc.space();
        if (sc.m_p != sc.m_end || elements >= maxResults)
            return std::nullopt;
        return byRun;
    }

private:
    static std::optional<QString> scanPage(const QByteArray &body, const QString &key, QList<MetricPoint> &points)
    {
        const QByteArray wanted = key.toUtf8();
        HistoryPageScanner sc(body);
        QString next;
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
                    if (!sc.points(wanted, key, points))
                        return std::nullopt;
                } else if (name == "next_page_token" && !tokenSeen) {
                    tokenSeen = true;
                    std::string_view token;
                    if (!sc.string(token))
                        return std::nullopt;
                    next = QString::fromLatin1(token.data(), qsizetype(token.size()));
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
        return next;
    }

    explicit HistoryPageScanner(const QByteArray &body)
        : JsonCursor(body)
    {
    }

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

    bool points(const QByteArray &wanted, const QString &key, QList<MetricPoint> &out)
    {
        if (!take('['))
            return false;
        if (take(']'))
            return true;
        // The answer's size bounds the number of points (a point takes at least 30 bytes). A
        // series' later pages go after its first one, which grows as a list does.
        if (out.isEmpty())
            out.reserve(qsizetype((m_end - m_p) / 48));
        const std::string_view want(wanted.constData(), size_t(wanted.size()));
        do {
            MetricPoint p;
            std::string_view keyText;
            bool complete = false;
            if (!element(p, keyText, nullptr, complete))
                return false;
            // metricPoint(): no key or no value, no point; then only the asked key's points
            if (complete && !keyText.empty() && keyText == want) {
                p.key = key;
                out.append(std::move(p));
            }
        } while (take(','));
        return take(']');
    }

    /// One element of "metrics": its point (all but the key), the text of its key and, when
    /// `runId` is given, its "run_id" (which it must have). `complete`: it has a key and a value.
    /// False declines the answer.
    bool element(MetricPoint &p, std::string_view &keyText, std::string_view *runId, bool &complete)
    {
        if (!take('{'))
            return false;
        enum : unsigned { Key = 1, Value = 2, Timestamp = 4, Step = 8, RunId = 16 };
        unsigned seen = 0;
        std::string_view name;
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
                if (runId && name == "run_id") {
                    if ((seen & RunId) || !string(*runId))
                        return false;
                    seen |= RunId;
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
        complete = (seen & (Key | Value)) == (Key | Value);
        return !runId || (seen & RunId);
    }
};

/// scanRunsPage(): a validating cursor over a runs/search page that takes only what it knows.
/// Each reader returns false to decline the page.
class RunsPageScanner : JsonCursor {
public:
    static std::optional<RunsPage> scan(const QByteArray &body)
    {
        RunsPageScanner sc(body);
        RunsPage page;
        bool runsSeen = false, tokenSeen = false;
        const bool ok = sc.object(0, [&](std::string_view name) {
            if (name == "runs")
                return once(runsSeen) && sc.array(1, [&] { return sc.run(page); });
            if (name == "next_page_token")
                return once(tokenSeen) && sc.text(page.next);
            return sc.skip(1);
        });
        sc.space();
        if (!ok || sc.m_p != sc.m_end)
            return std::nullopt;
        return page;
    }

private:
    explicit RunsPageScanner(const QByteArray &body)
        : JsonCursor(body)
    {
    }

    static constexpr int kMaxDepth = 64;

    /// False when `seen` was set already (a member given twice), else sets it.
    static bool once(bool &seen) { return !std::exchange(seen, true); }

    bool peek(char c)
    {
        space();
        return m_p < m_end && *m_p == c;
    }
    bool literal(std::string_view word)
    {
        space();
        if (size_t(m_end - m_p) < word.size() || std::memcmp(m_p, word.data(), word.size()) != 0)
            return false;
        m_p += word.size();
        return true;
    }
    static int hex(char c)
    {
        if (digit(c))
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    /// The length of the UTF-8 sequence at m_p when it is one JSON allows (RFC 3629: no overlong
    /// forms, no surrogates, at most U+10FFFF), else 0.
    int utf8Sequence() const
    {
        const auto at = [&](int i) { return m_p + i < m_end ? static_cast<unsigned char>(m_p[i]) : 0u; };
        const auto in = [](unsigned c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; };
        const unsigned c = at(0);
        if (in(c, 0xC2, 0xDF))
            return in(at(1), 0x80, 0xBF) ? 2 : 0;
        if (in(c, 0xE0, 0xEF)) {
            const unsigned lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) ? 3 : 0;
        }
        if (in(c, 0xF0, 0xF4)) {
            const unsigned lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            return in(at(1), lo, hi) && in(at(2), 0x80, 0xBF) && in(at(3), 0x80, 0xBF) ? 4 : 0;
        }
        return 0;
    }

    /// Four hex digits after "\u".
    bool hex4(unsigned &out)
    {
        if (m_end - m_p < 4)
            return false;
        out = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hex(m_p[i]);
            if (h < 0)
                return false;
            out = out * 16 + unsigned(h);
        }
        m_p += 4;
        return true;
    }

    static void appendUtf8(std::string &out, unsigned cp)
    {
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | (cp >> 6));
            out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | (cp >> 12));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | (cp >> 18));
            out += char(0x80 | ((cp >> 12) & 0x3F));
            out += char(0x80 | ((cp >> 6) & 0x3F));
            out += char(0x80 | (cp & 0x3F));
        }
    }

    /// A JSON string, checked as the json parser checks it. `out` gets its UTF-8 bytes: a view of
    /// the body when it has no escapes, else of m_decoded. `ascii` when every byte is below 0x80.
    bool rawString(std::string_view &out, bool &ascii)
    {
        if (!take('"'))
            return false;
        const char *from = m_p;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                out = std::string_view(from, size_t(m_p - from));
                ascii = true;
                ++m_p;
                return true;
            }
            if (c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++m_p;
        }
        ascii = false;
        m_decoded.assign(from, size_t(m_p - from));
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                ++m_p;
                out = m_decoded;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c >= 0x80) {
                const int n = utf8Sequence();
                if (n == 0)
                    return false;
                m_decoded.append(m_p, size_t(n));
                m_p += n;
                continue;
            }
            if (c != '\\') {
                m_decoded += char(c);
                ++m_p;
                continue;
            }
            if (++m_p == m_end)
                return false;
            const char e = *m_p++;
            switch (e) {
            case '"': m_decoded += '"'; break;
            case '\\': m_decoded += '\\'; break;
            case '/': m_decoded += '/'; break;
            case 'b': m_decoded += '\b'; break;
            case 'f': m_decoded += '\f'; break;
            case 'n': m_decoded += '\n'; break;
            case 'r': m_decoded += '\r'; break;
            case 't': m_decoded += '\t'; break;
            case 'u': {
                unsigned cp = 0;
                if (!hex4(cp) || (cp >= 0xDC00 && cp <= 0xDFFF))
                    return false;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    unsigned low = 0;
                    if (m_end - m_p < 2 || m_p[0] != '\\' || m_p[1] != 'u')
                        return false;
                    m_p += 2;
                    if (!hex4(low) || low < 0xDC00 || low > 0xDFFF)
                        return false;
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                }
                appendUtf8(m_decoded, cp);
                break;
            }
            default:
                return false;
            }
        }
        return false;
    }

    /// text(): a string, or null as empty.
    bool text(QString &out)
    {
        if (peek('n'))
            return literal("null") && (out.clear(), true);
        std::string_view v;
        bool ascii = false;
        if (!rawString(v, ascii))
            return false;
        out = ascii ? QString::fromLatin1(v.data(), qsizetype(v.size())) : QString::fromUtf8(v.data(), qsizetype(v.size()));
        return true;
    }

    using JsonCursor::int64;
    /// int64Field(): an integer, or null as none.
    bool int64(std::optional<qint64> &out)
    {
        if (peek('n'))
            return literal("null") && (out.reset(), true);
        std::string_view num;
        bool integer = false;
        qint64 v = 0;
        if (!number(num, integer) || !int64(num, integer, v))
            return false;
        out = v;
        return true;
    }
    /// int64Or0().
    bool int64(qint64 &out)
    {
        std::optional<qint64> v;
        if (!int64(v))
            return false;
        out = v.value_or(0);
        return true;
    }

    /// doubleField(): a number, MLflow's "NaN", "Infinity", "-Infinity", or null as none.
    bool real(std::optional<double> &out)
    {
        if (peek('n'))
            return literal("null") && (out.reset(), true);
        if (peek('"')) {
            std::string_view v;
            bool ascii = false;
            if (!rawString(v, ascii))
                return false;
            if (v == "NaN")
                out = std::numeric_limits<double>::quiet_NaN();
            else if (v == "Infinity")
                out = std::numeric_limits<double>::infinity();
            else if (v == "-Infinity")
                out = -std::numeric_limits<double>::infinity();
            else
                return false;
            return true;
        }
        std::string_view num;
        bool integer = false;
        if (!number(num, integer))
            return false;
        if (integer) {
            qint64 v = 0;
            if (!int64(num, integer, v))
                return false;
            out = double(v);
            return true;
        }
        double v = 0;
        const auto r = std::from_chars(num.data(), num.data() + num.size(), v);
        if (r.ec != std::errc() || r.ptr != num.data() + num.size())
            return false;
        out = v;
        return true;
    }

    /// Any JSON value, checked and skipped; `depth` counts the containers around it.
    bool skip(int depth)
    {
        space();
        if (m_p == m_end)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth, [&](std::string_view) { return skip(depth + 1); });
        case '[':
            return array(depth, [&] { return skip(depth + 1); });
        case '"': {
            std::string_view v;
            bool ascii = false;
            return rawString(v, ascii);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default: {
            std::string_view num;
            bool integer = false;
            return number(num, integer);
        }
        }
    }

    /// An object; `member(name)` reads each member's value. Names with escapes are decoded.
    template<typename Member>
    bool object(int depth, Member &&member)
    {
        if (depth >= kMaxDepth || !take('{'))
            return false;
        if (take('}'))
            return true;
        std::string name;
        do {
            std::string_view raw;
            bool ascii = false;
            if (!rawString(raw, ascii) || !take(':'))
                return false;
            if (!ascii) {
                name.assign(raw);
                raw = name;
            }
            if (!member(raw))
                return false;
        } while (take(','));
        return take('}');
    }
    /// An array; `element()` reads each element.
    template<typename Element>
    bool array(int depth, Element &&element)
    {
        if (depth >= kMaxDepth || !take('['))
            return false;
        if (take(']'))
            return true;
        do {
            if (!element())
                return false;
        } while (take(','));
        return take(']');
    }

    /// keyValues() without its sort: objects of "key" and "value".
    bool keyValues(int depth, QList<KeyValue> &out)
    {
        return array(depth, [&] {
            KeyValue kv;
            bool key = false, value = false;
            if (!object(depth + 1, [&](std::string_view name) {
                    if (name == "key")
                        return once(key) && text(kv.key);
                    if (name == "value")
                        return once(value) && text(kv.value);
                    return skip(depth + 2);
                }))
                return false;
            out.append(std::move(kv));
            return true;
        });
    }

    /// metricPoint() of each element; points without a key or a value are left out.
    bool metrics(int depth, QList<MetricPoint> &out)
    {
        return array(depth, [&] {
            MetricPoint p;
            std::optional<double> value;
            bool key = false, hasValue = false, timestamp = false, step = false;
            if (!object(depth + 1, [&](std::string_view name) {
                    if (name == "key")
                        return once(key) && text(p.key);
                    if (name == "value")
                        return once(hasValue) && real(value);
                    if (name == "timestamp")
                        return once(timestamp) && int64(p.timestamp);
                    if (name == "step")
                        return once(step) && int64(p.step);
                    return skip(depth + 2);
                }))
                return false;
            if (!p.key.isEmpty() && value) {
                p.value = *value;
                out.append(std::move(p));
            }
            return true;
        });
    }

    bool info(int depth, Run &r, QString &runUuid)
    {
        enum : unsigned {
            RunId = 1,
            RunUuid = 2,
            Experiment = 4,
            Name = 8,
            User = 16,
            Status = 32,
            Start = 64,
            End = 128,
            Artifacts = 256,
            Stage = 512,
        };
        unsigned seen = 0;
        const auto first = [&seen](unsigned bit) { return !(std::exchange(seen, seen | bit) & bit); };
        return object(depth, [&](std::string_view name) {
            if (name == "run_id")
                return first(RunId) && text(r.runId);
            if (name == "run_uuid")
                return first(RunUuid) && text(runUuid);
            if (name == "experiment_id")
                return first(Experiment) && text(r.experimentId);
            if (name == "run_name")
                return first(Name) && text(r.runName);
            if (name == "user_id")
                return first(User) && text(r.userId);
            if (name == "status")
                return first(Status) && text(r.status);
            if (name == "start_time")
                return first(Start) && int64(r.startTime);
            if (name == "end_time")
                return first(End) && int64(r.endTime);
            if (name == "artifact_uri")
                return first(Artifacts) && text(r.artifactUri);
            if (name == "lifecycle_stage") {
                QString stage;
                if (!first(Stage) || !text(stage))
                    return false;
                if (!stage.isEmpty())
                    r.lifecycleStage = stage;
                return true;
            }
            return skip(depth + 1);
        });
    }

    bool data(int depth, Run &r)
    {
        bool metricsSeen = false, paramsSeen = false, tagsSeen = false;
        return object(depth, [&](std::string_view name) {
            if (name == "metrics")
                return once(metricsSeen) && metrics(depth + 1, r.latestMetrics);
            if (name == "params")
                return once(paramsSeen) && keyValues(depth + 1, r.params);
            if (name == "tags")
                return once(tagsSeen) && keyValues(depth + 1, r.tags);
            return skip(depth + 1);
        });
    }

    /// One element of "dataset_inputs": {"tags": [...], "dataset": {...}}.
    bool datasetInput(int depth, DatasetInput &di)
    {
        bool tagsSeen = false, datasetSeen = false;
        return object(depth, [&](std::string_view name) {
            if (name == "tags") {
                QList<KeyValue> tags;
                if (!once(tagsSeen) || !keyValues(depth + 1, tags))
                    return false;
                for (const KeyValue &t : std::as_const(tags))
                    if (t.key == QLatin1String("mlflow.data.context"))
                        di.context = t.value;
                return true;
            }
            if (name != "dataset")
                return skip(depth + 1);
            if (!once(datasetSeen))
                return false;
            unsigned seen = 0;
            const auto field = [&](unsigned bit, QString &out) {
                return !(std::exchange(seen, seen | bit) & bit) && text(out);
            };
            return object(depth + 1, [&](std::string_view f) {
                if (f == "name")
                    return field(1, di.name);
                if (f == "digest")
                    return field(2, di.digest);
                if (f == "source_type")
                    return field(4, di.sourceType);
                if (f == "source")
                    return field(8, di.source);
                if (f == "schema")
                    return field(16, di.schema);
                if (f == "profile")
                    return field(32, di.profile);
                return skip(depth + 2);
            });
        });
    }

    /// Elements of "model_inputs" or "model_outputs": those with a model id.
    bool modelIo(int depth, QList<ModelIo> &out, bool withStep)
    {
        return array(depth, [&] {
            ModelIo io { QString(), 0 };
            bool idSeen = false, stepSeen = false;
            if (!object(depth + 1, [&](std::string_view name) {
                    if (name == "model_id")
                        return once(idSeen) && text(io.modelId);
                    if (withStep && name == "step")
                        return once(stepSeen) && int64(io.step);
                    return skip(depth + 2);
                }))
                return false;
            if (!io.modelId.isEmpty())
                out.append(std::move(io));
            return true;
        });
    }

    bool inputs(int depth, Run &r)
    {
        bool datasetsSeen = false, modelsSeen = false;
        return object(depth, [&](std::string_view name) {
            if (name == "dataset_inputs")
                return once(datasetsSeen) && array(depth + 1, [&] {
                    DatasetInput di;
                    if (!datasetInput(depth + 2, di))
                        return false;
                    r.inputs.append(std::move(di));
                    return true;
                });
            if (name == "model_inputs")
                return once(modelsSeen) && modelIo(depth + 1, r.modelInputs, false);
            return skip(depth + 1);
        });
    }

    bool outputs(int depth, Run &r)
    {
        bool modelsSeen = false;
        return object(depth, [&](std::string_view name) {
            if (name == "model_outputs")
                return once(modelsSeen) && modelIo(depth + 1, r.modelOutputs, true);
            return skip(depth + 1);
        });
    }

    /// One element of "runs", as toRun() reads it.
    bool run(RunsPage &page)
    {
        constexpr int depth = 2;
        Run r;
        QString runUuid;
        bool infoSeen = false, dataSeen = false, inputsSeen = false, outputsSeen = false;
        if (!object(depth, [&](std::string_view name) {
                if (name == "info")
                    return once(infoSeen) && info(depth + 1, r, runUuid);
                if (name == "data")
                    return once(dataSeen) && data(depth + 1, r);
                if (name == "inputs")
                    return once(inputsSeen) && inputs(depth + 1, r);
                if (name == "outputs")
                    return once(outputsSeen) && outputs(depth + 1, r);
                return skip(depth + 1);
            }))
            return false;
        if (r.runId.isEmpty())
            r.runId = runUuid;
        if (r.runId.isEmpty()) {
            ++page.withoutId;
            return true;
        }
        finishRun(r);
        page.runs.append(std::move(r));
        return true;
    }

    std::string m_decoded; ///< the last string with escapes or non-ASCII bytes, decoded
};

/// What scanTopLevelString() found.
struct TopLevelString {
    enum Kind {
        Missing, ///< the object has no such member
        Found, ///< a plain string (no escapes): `value`
        Unknown, ///< not a JSON object as far as scanned, or the member is not a plain string
    } kind = Unknown;
    QString value;
};

/// The member `key` of the JSON object in `body`, looked up without parsing it: only strings
/// (skipped with memchr) and nesting are followed, so a 5 MB page takes milliseconds, not the
/// tenth of a second a parse takes. Not a validator: malformed JSON gives any answer, and the
/// parse that follows reports it.
TopLevelString scanTopLevelString(const QByteArray &body, std::string_view key)
{
    const char *p = body.constData();
    const char *const end = p + body.size();
    auto skipSpace = [&] {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    };
    // The closing quote of the string whose opening quote is at `q`; `escaped` when it has a '\'.
    auto closingQuote = [&](const char *q, bool &escaped) -> const char * {
        const char *from = q + 1;
        for (;;) {
            const auto *quote = static_cast<const char *>(std::memchr(from, '"', size_t(end - from)));
            if (!quote)
                return nullptr;
            const char *slash = quote;
            while (slash > q + 1 && slash[-1] == '\\')
                --slash;
            if ((quote - slash) % 2 == 0) {
                escaped = escaped || std::memchr(q + 1, '\\', size_t(quote - q - 1)) != nullptr;
                return quote;
            }
            escaped = true;
            from = quote + 1;
        }
    };
    skipSpace();
    if (p == end || *p != '{')
        return {};
    ++p;
    int depth = 1;
    bool atKey = true;
    while (p < end) {
        const char c = *p;
        if (c == '"') {
            bool escaped = false;
            const char *close = closingQuote(p, escaped);
            if (!close)
                return {};
            const bool isKey = depth == 1 && atKey;
            const bool match = isKey && !escaped && size_t(close - p - 1) == key.size()
                && std::memcmp(p + 1, key.data(), key.size()) == 0;
            p = close + 1;
            if (isKey)
                atKey = false;
            if (!match)
                continue;
            skipSpace();
            if (p == end || *p != ':')
                return {};
            ++p;
            skipSpace();
            if (p == end || *p != '"')
                return {};
            escaped = false;
            close = closingQuote(p, escaped);
            if (!close || escaped)
                return {};
            return {TopLevelString::Found, QString::fromUtf8(p + 1, close - p - 1)};
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0)
                return {TopLevelString::Missing, {}};
        } else if (c == ',' && depth == 1) {
            atKey = true;
        }
        ++p;
    }
    return {};
}


/// The member `key` when it is the last member of the JSON object in `body` and a string without
/// escapes: read backwards from the end, a few bytes whatever the page's size. Exact for a valid
/// JSON text: its last byte closes the root object; the string before it is that object's last
/// value (the quote before its text, unescaped, is its opening quote); the ':' before that is
/// structural; and the key before it is `key` when the byte before its opening quote is ',' or
/// '{' (an escaped quote would have a backslash there). Unknown when it cannot tell this way.
TopLevelString lastTopLevelString(const QByteArray &body, std::string_view key)
{
    const char *const begin = body.constData();
    const char *p = begin + body.size();
    auto skipSpace = [&] {
        while (p > begin && (p[-1] == ' ' || p[-1] == '\n' || p[-1] == '\r' || p[-1] == '\t'))
            --p;
    };
    auto expect = [&](char c) {
        skipSpace();
        if (p == begin || p[-1] != c)
            return false;
        --p;
        return true;
    };
    if (!expect('}') || !expect('"'))
        return {};
    const char *const valueEnd = p;
    while (p > begin && p[-1] != '"' && p[-1] != '\\')
        --p;
    if (p == begin || p[-1] != '"')
        return {};
    const char *const valueBegin = p;
    --p;
    if (!expect(':') || !expect('"'))
        return {};
    if (size_t(p - begin) < key.size() + 1 || std::memcmp(p - key.size(), key.data(), key.size()) != 0)
        return {};
    p -= key.size() + 1;
    if (*p != '"')
        return {};
    skipSpace();
    if (p == begin || (p[-1] != ',' && p[-1] != '{'))
        return {};
    return {TopLevelString::Found, QString::fromUtf8(valueBegin, valueEnd - valueBegin)};
}

} // namespace

void finishRun(Run &r)
{
    const auto byKey = [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; };
    std::stable_sort(r.params.begin(), r.params.end(), byKey);
    std::stable_sort(r.tags.begin(), r.tags.end(), byKey);
    sortPoints(r.latestMetrics);
    if (r.runName.isEmpty())
        for (const KeyValue &t : std::as_const(r.tags))
            if (t.key == "mlflow.runName"_L1)
                r.runName = t.value;
    std::stable_sort(r.inputs.begin(), r.inputs.end(), [](const DatasetInput &a, const DatasetInput &b) {
        return a.name != b.name ? a.name < b.name : a.digest < b.digest;
    });
    const auto byModel = [](const ModelIo &a, const ModelIo &b) {
        return a.modelId != b.modelId ? a.modelId < b.modelId : a.step < b.step;
    };
    std::stable_sort(r.modelInputs.begin(), r.modelInputs.end(), byModel);
    std::stable_sort(r.modelOutputs.begin(), r.modelOutputs.end(), byModel);
}

std::optional<QString> quickPageToken(const QByteArray &body)
{
    static constexpr std::string_view kKey = "next_page_token";
    TopLevelString t = lastTopLevelString(body, kKey);
    if (t.kind == TopLevelString::Unknown)
        t = scanTopLevelString(body, kKey);
    if (t.kind == TopLevelString::Unknown)
        return std::nullopt;
    return t.value;
}

std::optional<RunsPage> scanRunsPage(const QByteArray &body)
{
    return RunsPageScanner::scan(body);
}

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
    HistoryPage page;
    auto next = HistoryPageScanner::scan(body, key, page.points);
    if (!next)
        return std::nullopt;
    page.next = std::move(*next);
    return page;
}

std::optional<QString> scanHistoryPage(const QByteArray &body, const QString &key, QList<MetricPoint> &points)
{
    return HistoryPageScanner::scan(body, key, points);
}

std::optional<QHash<QString, QList<MetricPoint>>> parseBulkHistories(
    const QByteArray &body, const QString &key, int maxResults)
{
    const json page = json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (page.is_discarded() || !page.is_object())
        return std::nullopt;
    const json &metrics = array(page, "metrics");
    if (metrics.size() >= size_t(maxResults))
        return std::nullopt;
    QHash<QString, QList<MetricPoint>> byRun;
    for (const json &m : metrics) {
        const QString runId = text(m, "run_id");
        if (runId.isEmpty())
            return std::nullopt;
        if (auto p = metricPoint(m); p && p->key == key)
            byRun[runId].append(std::move(*p));
    }
    return byRun;
}

std::optional<QHash<QString, QList<MetricPoint>>> scanBulkHistories(
    const QByteArray &body, const QString &key, int maxResults)
{
    return HistoryPageScanner::scanBulk(body, key, maxResults);
}

} // namespace md::restjson

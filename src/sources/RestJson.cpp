// SPDX-License-Identifier: GPL-3.0-or-later
#include "RestJson.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

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

} // namespace md::restjson

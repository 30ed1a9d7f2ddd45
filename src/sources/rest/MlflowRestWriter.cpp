// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/rest/MlflowRestWriter.h"

#include "sources/rest/HttpClient.h"
#include "sources/rest/MlflowRestSource.h"
#include "sources/rest/RestJson.h"

#include <QCoreApplication>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>

using namespace Qt::StringLiterals;

namespace md {

namespace {

using namespace restjson;

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(MlflowRestWriter)
};

const QString kApi = u"api/2.0/mlflow/"_s;
constexpr int kPageSize = 1000;

/// What a request is about, to name it when the server says it does not exist.
struct Subject {
    QString model;
    qint64 version = 0; ///< 0: the model itself
};

std::string utf8(const QString &s)
{
    return s.toStdString();
}

QString encoded(const QString &value)
{
    // QUrlQuery leaves '&', '=', '+' and '#' as they are; MlflowRestSource encodes the same way.
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

/// One writer call: an HttpClient on the calling thread, never cancelled.
class Session {
public:
    Session(const QUrl &base, const RestOptions &options)
        : m_client(base, options, m_never)
    {
    }

    HttpClient &client() { return m_client; }

    /// A GET of MLflow's read API (retried on transient answers, not on a refused connection).
    static HttpRequest read(const QString &endpoint)
    {
        HttpRequest r;
        r.path = kApi + endpoint;
        r.retryConnect = false;
        return r;
    }
    /// A write: sent once.
    static HttpRequest write(const QByteArray &method, const QString &endpoint, const json &body)
    {
        HttpRequest r;
        r.method = method;
        r.path = kApi + endpoint;
        r.jsonBody = QByteArray::fromStdString(body.dump());
        r.read = false;
        r.retryConnect = false;
        return r;
    }

    /// Sends `request` and returns MLflow's JSON answer, or the error for it (see the class
    /// comment). `errorCode` receives MLflow's error_code of a failed answer, if any.
    Result<json> call(const HttpRequest &request, const Subject &subject, QString *errorCode = nullptr)
    {
        auto resp = m_client.send(request);
        if (!resp)
            return resp.error();
        if (!resp->ok()) {
            const json err = json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false);
            const QString code = err.is_object() ? text(err, "error_code") : QString();
            if (errorCode)
                *errorCode = code;
            if (resp->status == 404 && code == "RESOURCE_DOES_NOT_EXIST"_L1 && !subject.model.isEmpty())
                return notFound(*resp, subject, text(err, "message"));
            return m_client.statusError(*resp);
        }
        const QByteArray type = resp->contentType.trimmed().toLower();
        json j = json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false);
        if ((!type.isEmpty() && !type.contains("json")) || j.is_discarded() || !j.is_object())
            return makeError(ErrorCategory::BadInput,
                Tr::tr("not an MLflow tracking server: %1 answered %2 with '%3' instead of MLflow's JSON")
                    .arg(m_client.baseText(), resp->endpoint, QString::fromLatin1(resp->contentType)),
                resp->url);
        return j;
    }

private:
    Error notFound(const HttpResponse &resp, const Subject &s, const QString &serverMessage) const
    {
        const QString detail = serverMessage.isEmpty() ? QString() : u" ("_s + serverMessage + u')';
        const QString message = s.version > 0
            ? Tr::tr("version %1 of model '%2' does not exist on the server at %3")
                  .arg(QString::number(s.version), s.model, m_client.baseText())
            : Tr::tr("model '%1' does not exist on the server at %2").arg(s.model, m_client.baseText());
        return makeError(ErrorCategory::NotFound, message + detail, resp.url);
    }

    const std::atomic_bool m_never { false }; // before m_client, which keeps a reference to it
    HttpClient m_client;
};

/// Versions of one prompt asked for at most, as MlflowRestSource does.
constexpr qint64 kMaxPromptVersions = 10000;

/// registered-models/get: the model without its versions. `highest` receives the highest
/// version number its answer names (restjson::highestListedVersion()).
Result<RegisteredModel> getModel(Session &s, const QString &name, qint64 *highest = nullptr)
{
    HttpRequest r = Session::read(u"registered-models/get"_s);
    r.query.addQueryItem(u"name"_s, encoded(name));
    auto page = s.call(r, Subject { name });
    if (!page)
        return page.error();
    const json &answer = member(*page, "registered_model");
    RegisteredModel m = toModel(answer);
    if (m.name != name)
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the server answered with model '%1' when asked for '%2'").arg(m.name, name),
            s.client().urlOf(r));
    if (highest)
        *highest = highestListedVersion(answer);
    return m;
}

/// A prompt's versions, one model-versions/get each from 1 to `highest` (MLflow 3's
/// model-versions/search answers {} for a prompt); a version that does not exist was deleted.
Status promptVersions(Session &s, RegisteredModel &m, qint64 highest)
{
    QSet<qint64> seen;
    for (qint64 n = 1; n <= std::min(highest, kMaxPromptVersions); ++n) {
        HttpRequest r = Session::read(u"model-versions/get"_s);
        r.query.addQueryItem(u"name"_s, encoded(m.name));
        r.query.addQueryItem(u"version"_s, QString::number(n));
        auto page = s.call(r, Subject { m.name, n });
        if (!page) {
            if (page.error().category == ErrorCategory::NotFound)
                continue;
            return page.error();
        }
        addVersion(m, seen, toVersion(member(*page, "model_version")));
    }
    return {};
}

Status writeStatus(Result<json> r)
{
    if (!r)
        return r.error();
    return {};
}

json versionKey(const QString &name, qint64 version)
{
    return json { { "name", utf8(name) }, { "version", utf8(QString::number(version)) } };
}

} // namespace

MlflowRestWriter::MlflowRestWriter(QUrl baseUrl, RestOptions options)
    : m_base(serverBaseUrl(baseUrl))
    , m_options(std::move(options))
{
}

QString MlflowRestWriter::uri() const
{
    return m_base.toString();
}

Status MlflowRestWriter::open()
{
    Session s(m_base, m_options);
    HttpRequest r = Session::read(u"registered-models/search"_s);
    r.query.addQueryItem(u"max_results"_s, u"1"_s);
    return writeStatus(s.call(r, Subject {}));
}

Result<RegisteredModel> MlflowRestWriter::readModel(const QString &name)
{
    Session s(m_base, m_options);
    qint64 highest = 0;
    auto model = getModel(s, name, &highest);
    if (!model)
        return model;
    RegisteredModel &m = *model;
    if (m.isPrompt()) {
        if (Status st = promptVersions(s, m, highest); !st)
            return st.error();
        finishModel(m);
        return model;
    }
    QSet<qint64> seen;
    QString token;
    do {
        HttpRequest r = Session::read(u"model-versions/search"_s);
        r.query.addQueryItem(u"filter"_s, encoded(MlflowRestSource::versionFilter(name)));
        r.query.addQueryItem(u"max_results"_s, QString::number(kPageSize));
        if (!token.isEmpty())
            r.query.addQueryItem(u"page_token"_s, encoded(token));
        auto page = s.call(r, Subject { name });
        if (!page)
            return page.error();
        for (const json &j : array(*page, "model_versions"))
            addVersion(m, seen, toVersion(j)); // what the sync skips, this skips too
        const QString next = text(*page, "next_page_token");
        if (!next.isEmpty() && next == token)
            return makeError(
                ErrorCategory::BadInput, Tr::tr("the server sent the same page token twice"), s.client().urlOf(r));
        token = next;
    } while (!token.isEmpty());
    finishModel(m);
    return model;
}

Result<ModelVersion> MlflowRestWriter::createVersion(const NewModelVersion &v)
{
    if (v.name.isEmpty())
        return makeError(ErrorCategory::BadInput, Tr::tr("a new model version needs the model's name"), uri());
    if (v.source.isEmpty())
        return makeError(ErrorCategory::BadInput,
            Tr::tr("a new version of model '%1' needs the location of the model's files").arg(v.name), uri());
    Session s(m_base, m_options);
    if (auto model = getModel(s, v.name); !model) {
        if (model.error().category != ErrorCategory::NotFound)
            return model.error();
        QString code;
        auto created = s.call(
            Session::write("POST", u"registered-models/create"_s, json { { "name", utf8(v.name) } }), Subject {}, &code);
        // Someone else may have created it since we asked: that is what we wanted.
        if (!created && code != "RESOURCE_ALREADY_EXISTS"_L1)
            return created.error();
    }
    json body = { { "name", utf8(v.name) }, { "source", utf8(v.source) } };
    if (!v.runId.isEmpty())
        body["run_id"] = utf8(v.runId);
    // As MLflow 3's client does: the server then records the registration on the LoggedModel
    // (its tag mlflow.modelVersions).
    if (const QString modelId = ModelVersion::modelIdFromSource(v.source); !modelId.isEmpty())
        body["model_id"] = utf8(modelId);
    if (!v.description.isEmpty())
        body["description"] = utf8(v.description);
    if (!v.tags.isEmpty()) {
        json tags = json::array();
        for (const KeyValue &t : v.tags)
            tags.push_back(json { { "key", utf8(t.key) }, { "value", utf8(t.value) } });
        body["tags"] = std::move(tags);
    }
    const HttpRequest r = Session::write("POST", u"model-versions/create"_s, body);
    auto answer = s.call(r, Subject { v.name });
    if (!answer)
        return answer.error();
    ModelVersion created = toVersion(member(*answer, "model_version"));
    if (created.version <= 0 || created.name != v.name)
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the server's answer to registering a version of model '%1' names no version of it").arg(v.name),
            s.client().urlOf(r));
    created.aliases.sort();
    return created;
}

Status MlflowRestWriter::transitionStage(const QString &name, qint64 version, const QString &stage, bool archiveExisting)
{
    Session s(m_base, m_options);
    json body = versionKey(name, version);
    body["stage"] = utf8(stage);
    body["archive_existing_versions"] = archiveExisting;
    return writeStatus(
        s.call(Session::write("POST", u"model-versions/transition-stage"_s, body), Subject { name, version }));
}

Status MlflowRestWriter::setAlias(const QString &name, const QString &alias, qint64 version)
{
    Session s(m_base, m_options);
    json body = versionKey(name, version);
    body["alias"] = utf8(alias);
    return writeStatus(s.call(Session::write("POST", u"registered-models/alias"_s, body), Subject { name, version }));
}

Status MlflowRestWriter::deleteAlias(const QString &name, const QString &alias)
{
    Session s(m_base, m_options);
    auto model = getModel(s, name);
    if (!model)
        return model.error();
    const bool set = std::any_of(
        model->aliases.cbegin(), model->aliases.cend(), [&](const ModelAlias &a) { return a.alias == alias; });
    if (!set)
        return makeError(ErrorCategory::NotFound,
            Tr::tr("model '%1' has no alias '%2' on the server at %3").arg(name, alias, uri()), uri());
    const json body = { { "name", utf8(name) }, { "alias", utf8(alias) } };
    return writeStatus(s.call(Session::write("DELETE", u"registered-models/alias"_s, body), Subject { name }));
}

Status MlflowRestWriter::setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value)
{
    Session s(m_base, m_options);
    json body = versionKey(name, version);
    body["key"] = utf8(key);
    body["value"] = utf8(value);
    return writeStatus(s.call(Session::write("POST", u"model-versions/set-tag"_s, body), Subject { name, version }));
}

Status MlflowRestWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    Session s(m_base, m_options);
    json body = versionKey(name, version);
    body["key"] = utf8(key);
    return writeStatus(
        s.call(Session::write("DELETE", u"model-versions/delete-tag"_s, body), Subject { name, version }));
}

Status MlflowRestWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    Session s(m_base, m_options);
    json body = versionKey(name, version);
    body["description"] = utf8(description);
    return writeStatus(s.call(Session::write("PATCH", u"model-versions/update"_s, body), Subject { name, version }));
}

} // namespace md

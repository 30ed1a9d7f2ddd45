// SPDX-License-Identifier: GPL-3.0-or-later
// The artifacts a tracking server proxies (mlflow-artifacts), read over its REST API.
#include "sources/ArtifactStoreSupport.h"
#include "sources/rest/HttpClient.h"

#include <QCryptographicHash>
#include <QSet>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <deque>

using namespace Qt::StringLiterals;
using json = nlohmann::json;

namespace md {

namespace {

using namespace artifacts;

/// A guard against a server that lists folders without end.
constexpr int kMaxListRequests = 2000;

/// A 2xx answer's body parsed as JSON (discarded when it is not JSON), and the URL that answered.
struct JsonAnswer {
    json body;
    QString url;
};

/// Sends `r`; the client's error when there is no 2xx answer.
Result<JsonAnswer> sendForJson(HttpClient &client, HttpRequest r)
{
    auto resp = client.send(std::move(r));
    if (!resp)
        return resp.error();
    if (!resp->ok())
        return client.statusError(*resp);
    return JsonAnswer{json::parse(resp->body.constData(), resp->body.constData() + resp->body.size(), nullptr, false),
                      resp->url};
}

// ---- A tracking server ----

class ServerArtifactStore final : public ArtifactStore {
public:
    ServerArtifactStore(QUrl base, RestOptions options) : m_base(serverBaseUrl(base)), m_options(std::move(options)) {}

    SourceKind kind() const override { return SourceKind::TrackingServer; }
    QString uri() const override { return m_base.toString(); }

    Result<QList<ArtifactFile>> list(const ArtifactLocation &given, const std::atomic_bool &cancel) override
    {
        HttpClient client(m_base, m_options, cancel);
        auto resolved = withLoggedModelRoot(client, given);
        if (!resolved)
            return resolved.error();
        const ArtifactLocation &location = *resolved;
        if (location.runId.isEmpty() && location.modelId.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the version names no run, so the server cannot list its artifacts"),
                             location.displayName());
        QList<ArtifactFile> files;
        std::deque<QString> folders{QString()};
        QString rootUri;
        QString firstUrl;
        int requests = 0;
        while (!folders.empty()) {
            if (++requests > kMaxListRequests)
                return makeError(ErrorCategory::BadInput,
                                 Tr::tr("the server lists more than %1 artifact folders for this run").arg(kMaxListRequests),
                                 firstUrl);
            HttpRequest r;
            if (location.modelId.isEmpty()) {
                r.path = u"api/2.0/mlflow/artifacts/list"_s;
                r.query.addQueryItem(u"run_id"_s, location.runId);
                if (!folders.front().isEmpty())
                    r.query.addQueryItem(u"path"_s, folders.front());
            } else {
                // MLflow 3: a LoggedModel's files are not among its run's artifacts.
                r.path = u"api/2.0/mlflow/logged-models/"_s + location.modelId + u"/artifacts/directories"_s;
                if (!folders.front().isEmpty())
                    r.query.addQueryItem(u"artifact_directory_path"_s, folders.front());
            }
            folders.pop_front();
            if (firstUrl.isEmpty())
                firstUrl = client.urlOf(r);
            auto answer = sendForJson(client, std::move(r));
            if (!answer)
                return answer.error();
            const json &j = answer->body;
            if (j.is_discarded() || !j.is_object())
                return makeError(ErrorCategory::BadInput, Tr::tr("the server's artifact list is not MLflow's JSON"),
                                 answer->url);
            if (rootUri.isEmpty() && j.contains("root_uri") && j["root_uri"].is_string())
                rootUri = QString::fromStdString(j["root_uri"].get<std::string>());
            const auto it = j.find("files");
            if (it == j.end() || !it->is_array())
                continue;
            for (const json &f : *it) {
                if (!f.is_object() || !f.contains("path") || !f["path"].is_string())
                    continue;
                const QString path = QString::fromStdString(f["path"].get<std::string>());
                if (!isSafeRelativePath(path))
                    continue;
                // Not f.value("is_dir", false): it throws when the server sends a non-boolean.
                if (const auto d = f.find("is_dir"); d != f.end() && d->is_boolean() && d->get<bool>()) {
                    folders.push_back(path);
                    continue;
                }
                ArtifactFile a;
                a.path = path;
                if (const auto s = f.find("file_size"); s != f.end()) {
                    if (s->is_number_integer())
                        a.size = s->get<qint64>();
                    else if (s->is_string())
                        a.size = QString::fromStdString(s->get<std::string>()).toLongLong();
                }
                files.append(a);
            }
        }
        if (files.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the server lists no artifacts for this run (artifact root %1)")
                                 .arg(rootUri.isEmpty() ? location.rootUri : rootUri),
                             firstUrl);
        std::sort(files.begin(), files.end(), [](const ArtifactFile &a, const ArtifactFile &b) { return a.path < b.path; });
        if (Status s = hashFiles(client, location, files); !s)
            return s.error();
        return files;
    }

    Result<QByteArray> readText(const ArtifactLocation &given, const QString &path, qint64 maxBytes,
                                const std::atomic_bool &cancel) override
    {
        if (!isSafeRelativePath(path))
            return unsafePath(path);
        HttpClient client(m_base, m_options, cancel);
        auto location = withLoggedModelRoot(client, given);
        if (!location)
            return location.error();
        auto req = fileRequest(*location, path);
        if (!req)
            return req.error();
        auto resp = client.send(*req);
        if (!resp)
            return resp.error();
        if (!resp->ok()) {
            Error e = client.statusError(*resp);
            // Missing is an answer (HttpClient does not ask again): say which file, where.
            if (e.category == ErrorCategory::NotFound)
                e.message = Tr::tr("the server has no file %1 in %2").arg(path, resolvedRoot(*location));
            return e;
        }
        return resp->body.left(std::max<qint64>(0, maxBytes));
    }

    QString resolvedRoot(const ArtifactLocation &location) const override
    {
        return location.rootUri.isEmpty() ? location.displayName() : location.rootUri;
    }

private:
    /// `location` with the LoggedModel's artifact location filled in from the server
    /// (logged-models/<id>) when the cache did not know it; other locations as they are.
    Result<ArtifactLocation> withLoggedModelRoot(HttpClient &client, ArtifactLocation location) const
    {
        if (location.modelId.isEmpty() || !location.rootUri.isEmpty())
            return location;
        HttpRequest r;
        r.path = u"api/2.0/mlflow/logged-models/"_s + location.modelId;
        auto answer = sendForJson(client, std::move(r));
        if (!answer)
            return answer.error();
        const json &j = answer->body;
        const json *info = j.is_object() && j.contains("model") && j["model"].is_object() && j["model"].contains("info")
            ? &j["model"]["info"]
            : nullptr;
        if (!info || !info->is_object() || !info->contains("artifact_uri") || !(*info)["artifact_uri"].is_string())
            return makeError(ErrorCategory::BadInput, Tr::tr("the server's LoggedModel names no artifact location"),
                             answer->url);
        location.rootUri = QString::fromStdString((*info)["artifact_uri"].get<std::string>());
        return location;
    }

    /// The request that downloads one artifact: the mlflow-artifacts proxy for proxied runs,
    /// else the server's /get-artifact, which serves any run's artifacts it can reach.
    Result<HttpRequest> fileRequest(const ArtifactLocation &location, const QString &path) const
    {
        HttpRequest r;
        if (location.rootUri.startsWith(kMlflowArtifactsScheme)) {
            const QString rel = mlflowArtifactsPath(location.rootUri);
            r.path = u"api/2.0/mlflow-artifacts/artifacts/"_s + (rel.isEmpty() ? QString() : rel + u'/') + path;
            return r;
        }
        if (location.runId.isEmpty())
            return makeError(ErrorCategory::NotFound,
                             Tr::tr("the version names no run, so the server cannot send its artifacts"),
                             location.displayName());
        r.path = u"get-artifact"_s;
        r.query.addQueryItem(u"path"_s, path);
        r.query.addQueryItem(u"run_id"_s, location.runId);
        return r;
    }

    /// Downloads the files up to the cap (4 at a time) and hashes them.
    Status hashFiles(HttpClient &client, const ArtifactLocation &location, QList<ArtifactFile> &files)
    {
        constexpr int kInFlight = 4;
        struct Pending {
            qsizetype index;
            HttpClient::CallPtr call;
        };
        std::deque<Pending> pending;
        qsizetype next = 0;
        auto startNext = [&]() -> Status {
            while (next < files.size() && pending.size() < size_t(kInFlight)) {
                ArtifactFile &f = files[next];
                const qsizetype index = next++;
                if (f.size < 0) {
                    f.checksumNote = Tr::tr("not computed: the server did not give the file's size");
                    continue;
                }
                if (f.size > kRemoteChecksumLimit) {
                    f.checksumNote = Tr::tr("not computed: larger than %1 MiB, the download limit for checksums")
                                         .arg(kRemoteChecksumLimit / (1024 * 1024));
                    continue;
                }
                auto req = fileRequest(location, f.path);
                if (!req)
                    return req.error();
                pending.push_back({index, client.start(*req)});
            }
            return {};
        };
        if (Status s = startNext(); !s)
            return s;
        while (!pending.empty()) {
            const Pending p = pending.front();
            pending.pop_front();
            auto resp = client.wait(p.call);
            if (!resp) {
                if (resp.error().category == ErrorCategory::Cancelled)
                    return resp.error();
                files[p.index].checksumNote = Tr::tr("not computed: %1").arg(resp.error().toString());
            } else if (!resp->ok()) {
                files[p.index].checksumNote = Tr::tr("not computed: %1").arg(client.statusError(*resp).toString());
            } else {
                files[p.index].sha256 = QString::fromLatin1(
                    QCryptographicHash::hash(resp->body, QCryptographicHash::Sha256).toHex());
            }
            if (Status s = startNext(); !s)
                return s;
        }
        return {};
    }

    QUrl m_base;
    RestOptions m_options;
};

} // namespace

std::unique_ptr<ArtifactStore> createServerArtifactStore(const QUrl &baseUrl, RestOptions options)
{
    return std::make_unique<ServerArtifactStore>(baseUrl, std::move(options));
}

} // namespace md

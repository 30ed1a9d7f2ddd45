// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/RegistryWriter.h"
#include "sources/rest/RestOptions.h"

#include <QUrl>

namespace md {

/// Writes to the model registry of an MLflow tracking server through its REST API 2.0
/// (`/api/2.0/mlflow/…`), written against MLflow 2.10.2 and 3.6 (tests/data/rest/ and
/// tests/data/mlflow3/rest/ hold real exchanges); the major is never configured: every request
/// is one both accept (DELETE registered-models/alias with a JSON body, which MLflow 3 requires).
///
/// Threading: every call blocks on the calling thread: it creates its own HttpClient (and so its
/// QNetworkAccessManager) there and waits in a local event loop, as MlflowRestSource does. Call it
/// on a worker thread with nothing else queued, never on the GUI thread.
///
/// Requests: writes (HttpRequest::read = false) are sent exactly once, never retried — not after
/// a 5xx, not after a dropped connection — so a write the server may have applied is never
/// applied twice; the caller re-reads to learn what happened. Reads (registered-models/get,
/// model-versions/search) are retried on 408/429/5xx and timeouts as RestOptions says, but not on
/// a refused connection or unknown host: a server that is down is reported at once so that the
/// action can wait in the queue.
///
/// Errors, all with `where` = the request's URL (credentials removed): no connection → Network
/// naming the server's URL; 401 → Auth; 403 → Permission; 404 with MLflow's
/// RESOURCE_DOES_NOT_EXIST → NotFound naming the model (and version); 400 → BadInput carrying
/// MLflow's own message (e.g. "Invalid Model Version stage: …"); 5xx → Network; an answer that
/// is not MLflow's JSON → BadInput.
class MlflowRestWriter final : public RegistryWriter {
public:
    /// `baseUrl` is the server's root, handled as MlflowRestSource does (user info, query and
    /// trailing slashes dropped; a path prefix kept). Credentials come from `options`.
    MlflowRestWriter(QUrl baseUrl, RestOptions options);

    /// The same string MlflowRestSource::uri() gives for the URL, e.g. "http://127.0.0.1:5000".
    QString uri() const override;
    /// One cheap read (registered-models/search, max_results 1) that tells whether an MLflow
    /// server with a model registry answers; a refused connection is not retried. Errors as
    /// MlflowRestSource::open().
    Status open() override;

    /// registered-models/get, then every page of model-versions/search for the model
    /// (MlflowRestSource::versionFilter()), or for a prompt model-versions/get of 1 … the highest
    /// version its answer names: the model as MlflowRestSource delivers it in a sync (versions
    /// sorted by number, each with its modelId; model aliases sorted and copied onto their
    /// versions; tags sorted by key). NotFound when the server has no such model.
    Result<RegisteredModel> readModel(const QString &name) override;
    /// registered-models/create when registered-models/get says the model does not exist (a
    /// model created meanwhile by someone else is fine), then model-versions/create with name,
    /// source, run_id, description and tags, and `model_id` when the source is a LoggedModel's
    /// `models:/m-…` (as MLflow 3's client sends it). Returns the version as the server answered
    /// it, modelId taken from the source (MLflow 3 answers without aliases, and without tags
    /// where none were given; readModel() reads it back whole).
    /// MLflow's API has no field for the user: `v.userId` is not sent (the server records the
    /// signed-in user where it has authentication).
    Result<ModelVersion> createVersion(const NewModelVersion &v) override;
    /// model-versions/transition-stage. The stage is passed as given: MLflow checks it (an unknown
    /// stage is BadInput with MLflow's message).
    Status transitionStage(const QString &name, qint64 version, const QString &stage, bool archiveExisting) override;
    /// POST registered-models/alias.
    Status setAlias(const QString &name, const QString &alias, qint64 version) override;
    /// registered-models/get (MLflow deletes a missing alias silently; we report NotFound), then
    /// DELETE registered-models/alias with a JSON body (MLflow 3 refuses query parameters there:
    /// 400 "Missing value for required parameter 'name'"; MLflow 2.10.2 takes both).
    Status deleteAlias(const QString &name, const QString &alias) override;
    /// POST model-versions/set-tag.
    Status setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value) override;
    /// DELETE model-versions/delete-tag (no error when the tag was not set; NotFound when the
    /// version does not exist).
    Status deleteVersionTag(const QString &name, qint64 version, const QString &key) override;
    /// PATCH model-versions/update with the description.
    Status setVersionDescription(const QString &name, qint64 version, const QString &description) override;

private:
    QUrl m_base;
    RestOptions m_options;
};

} // namespace md

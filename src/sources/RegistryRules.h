// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/Domain.h"
#include "core/Error.h"

#include <QString>

#include <optional>
#include <utility>

namespace md {

/// MLflow's own input rules for the model registry (mlflow/utils/validation.py), shared by the
/// writers of the local stores (mlflow.db, mlruns/, model folder). Each returns BadInput whose
/// `where` names the field.
namespace registryrules {

/// A registered model name: not empty.
Status checkModelName(const QString &name);
/// A tag key: only alphanumerics, `_`, `-`, `.`, space and `/`; it must not resolve to another
/// path ("a/../b", "../x", "/x", "." and "" are refused); at most 250 characters. `field` names
/// the field in errors.
Status checkTagKey(const QString &key, const QString &field = QStringLiteral("key"));
/// A version tag value: at most 5000 characters.
Status checkTagValue(const QString &value, const QString &field = QStringLiteral("value"));
/// An alias: not empty, only alphanumerics, `_` and `-`, at most 255 characters, not "latest"
/// (any case) and not a version alias like "v3".
Status checkAlias(const QString &alias);
/// MLflow's canonical stage for `stage` (None, Staging, Production, Archived; any case).
Result<QString> canonicalStage(const QString &stage);
/// The canonical stage (canonicalStage) a version moves to on a transition to `stage`; BadInput
/// with `archiveExisting` for any stage but Staging and Production.
Result<QString> targetStage(const QString &stage, bool archiveExisting);
/// For a `models:/<name>/<version>` source (scheme in any case), the model and version whose
/// storage location a new version takes over, as MLflow's stores resolve it; nullopt for any other
/// source; BadInput (field "source") for a `models:` URI naming a stage or alias, which MLflow's
/// stores cannot resolve either.
Result<std::optional<std::pair<QString, qint64>>> modelsUriTarget(const QString &source);

} // namespace registryrules

} // namespace md

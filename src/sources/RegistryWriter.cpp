// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/RegistryWriter.h"

#include "sources/filestore/FileStoreWriter.h"
#include "sources/mlflowdb/MlflowDbWriter.h"
#include "sources/rest/MlflowRestWriter.h"
#include "sources/modelfolder/ModelFolderWriter.h"
#include "sources/rest/RestOptions.h"
#include "sources/Source.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace md {

Result<std::unique_ptr<RegistryWriter>> createRegistryWriter(const QString &uriOrPath)
{
    // createSource() owns the rules for recognising a store; the writer follows its answer so that
    // a source and its writer always agree on what the URI means.
    auto source = createSource(uriOrPath);
    if (!source)
        return source.error();
    const QString uri = (*source)->uri();
    switch ((*source)->kind()) {
    case SourceKind::FileStore:
        return std::unique_ptr<RegistryWriter>(new FileStoreWriter(QUrl(uri).toLocalFile()));
    case SourceKind::MlflowDb:
        return std::unique_ptr<RegistryWriter>(new MlflowDbWriter(uri.mid(u"sqlite:///"_s.size())));
    case SourceKind::ModelFolder:
        return std::unique_ptr<RegistryWriter>(new ModelFolderWriter(uri.mid(u"folder://"_s.size())));
    case SourceKind::TrackingServer: {
        const QUrl url(uriOrPath.trimmed());
        return std::unique_ptr<RegistryWriter>(new MlflowRestWriter(url, RestOptions::forUrl(url)));
    }
    }
    return makeError(ErrorCategory::Internal, u"unknown source kind"_s, uriOrPath);
}

Result<ModelVersion> RegistryWriter::readBackVersion(const QString &name, qint64 version, const Error &missing)
{
    auto model = readModel(name);
    if (!model)
        return model.error();
    if (const ModelVersion *v = model->findVersion(version))
        return *v;
    return missing;
}

} // namespace md

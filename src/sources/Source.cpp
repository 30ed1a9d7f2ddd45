// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/Source.h"

#include "sources/filestore/FileStoreSource.h"
#include "sources/mlflowdb/MlflowDbSource.h"
#include "sources/rest/MlflowRestSource.h"
#include "sources/modelfolder/ModelFolderSource.h"
#include "sources/rest/ServerCredentials.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QUrl>

namespace md {

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::FileStore: return QStringLiteral("file");
    case SourceKind::MlflowDb: return QStringLiteral("sqlite");
    case SourceKind::ModelFolder: return QStringLiteral("folder");
    case SourceKind::TrackingServer: return QStringLiteral("http");
    }
    return {};
}

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Source)
};

bool isSqliteFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    return f.read(16) == QByteArray("SQLite format 3\0", 16);
}

/// Recognises a plain local path by what it holds.
Result<std::unique_ptr<Source>> fromLocalPath(const QString &given, const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such file or folder"), given);
    const QString abs = fi.absoluteFilePath();
    if (fi.isFile()) {
        if (isSqliteFile(abs))
            return std::unique_ptr<Source>(new MlflowDbSource(abs));
        return makeError(ErrorCategory::BadInput, Tr::tr("not an MLflow database (not an SQLite file)"), given);
    }
    if (ModelFolderSource::looksLikeModelFolder(abs))
        return std::unique_ptr<Source>(new ModelFolderSource(abs));
    if (FileStoreSource::looksLikeFileStore(abs))
        return std::unique_ptr<Source>(new FileStoreSource(abs));
    const QString nested = QDir(abs).filePath(QStringLiteral("mlruns"));
    if (FileStoreSource::looksLikeFileStore(nested))
        return std::unique_ptr<Source>(new FileStoreSource(nested));
    const QString db = QDir(abs).filePath(QStringLiteral("mlflow.db"));
    if (QFileInfo(db).isFile() && isSqliteFile(db))
        return std::unique_ptr<Source>(new MlflowDbSource(db));
    return makeError(ErrorCategory::BadInput,
                     Tr::tr("not an MLflow store: expected an mlruns/ file store, an mlflow.db or a model folder "
                        "(model.pkl, model_vN.pkl, version.txt)"),
                     given);
}

} // namespace

Result<QHash<SeriesKey, QList<MetricPoint>>> Source::readHistories(const QList<SeriesKey> &series,
                                                                   const std::atomic_bool &cancel)
{
    // Local stores deliver every history in readAll(): read once and pick what was asked for.
    struct Picker final : ImportSink {
        QSet<QString> runIds;
        QHash<SeriesKey, QList<MetricPoint>> out;
        Status experiment(const Experiment &) override { return {}; }
        Status run(const Run &r) override
        {
            if (!runIds.contains(r.runId))
                return {};
            for (const auto &p : r.history) {
                auto it = out.find(SeriesKey{r.runId, p.key});
                if (it != out.end())
                    it->append(p);
            }
            return {};
        }
        Status registeredModel(const RegisteredModel &) override { return {}; }
        void problem(const ReadProblem &) override {}
    } picker;
    for (const auto &k : series) {
        picker.runIds.insert(k.runId);
        picker.out.insert(k, {});
    }
    if (Status s = readAll(picker, cancel); !s)
        return s.error();
    return picker.out;
}

Status Source::readHistories(const QList<SeriesKey> &series, const SeriesFn &onSeries, const std::atomic_bool &cancel)
{
    auto all = readHistories(series, cancel);
    if (!all)
        return all.error();
    QSet<SeriesKey> done;
    for (const SeriesKey &k : series) {
        if (done.contains(k))
            continue;
        done.insert(k);
        if (cancel.load())
            return makeError(ErrorCategory::Cancelled, Tr::tr("cancelled"), uri());
        if (Status s = onSeries(k, all->take(k)); !s)
            return s;
    }
    return {};
}

Result<std::unique_ptr<Source>> createSource(const QString &uriOrPath)
{
    const QString s = uriOrPath.trimmed();
    if (s.isEmpty())
        return makeError(ErrorCategory::BadInput, Tr::tr("no source given"));
    const qsizetype colon = s.indexOf(QLatin1String("://"));
    if (colon <= 0)
        return fromLocalPath(s, s);

    const QString scheme = s.left(colon).toLower();
    const QString rest = s.mid(colon + 3);
    if (scheme == QLatin1String("sqlite")) {
        // SQLAlchemy's form: sqlite:///relative.db and sqlite:////absolute.db. We also accept
        // sqlite:///absolute.db when that is the only reading that exists, since people write it.
        QString path = rest.startsWith(QLatin1Char('/')) ? rest.mid(1) : rest;
        path = QUrl::fromPercentEncoding(path.toUtf8());
        if (!QFileInfo::exists(path) && QFileInfo::exists(QLatin1Char('/') + path))
            path.prepend(QLatin1Char('/'));
        if (!QFileInfo(path).isFile())
            return makeError(ErrorCategory::NotFound, Tr::tr("no such database file"), s);
        return std::unique_ptr<Source>(new MlflowDbSource(QFileInfo(path).absoluteFilePath()));
    }
    if (scheme == QLatin1String("file") || scheme == QLatin1String("folder")) {
        const QUrl url(s);
        QString path = scheme == QLatin1String("file") ? url.toLocalFile()
                                                       : QUrl::fromPercentEncoding(rest.toUtf8());
        if (path.isEmpty())
            return makeError(ErrorCategory::BadInput, Tr::tr("cannot read a local path from this URI"), s);
        if (!QFileInfo(path).isDir())
            return makeError(ErrorCategory::NotFound, Tr::tr("no such folder"), s);
        const QString abs = QFileInfo(path).absoluteFilePath();
        if (scheme == QLatin1String("folder"))
            return std::unique_ptr<Source>(new ModelFolderSource(abs));
        return std::unique_ptr<Source>(new FileStoreSource(abs));
    }
    if (scheme == QLatin1String("http") || scheme == QLatin1String("https")) {
        const QUrl url(s);
        if (!url.isValid() || url.host().isEmpty())
            return makeError(ErrorCategory::BadInput, Tr::tr("not a valid server URL"),
                             QUrl(s).adjusted(QUrl::RemoveUserInfo).toString());
        RestOptions options = RestOptions::forUrl(url);
        return std::unique_ptr<Source>(new MlflowRestSource(url, std::move(options)));
    }
    return makeError(ErrorCategory::BadInput,
                     Tr::tr("unknown source scheme '%1' (expected file://, sqlite://, folder:// or a path)").arg(scheme), s);
}

} // namespace md

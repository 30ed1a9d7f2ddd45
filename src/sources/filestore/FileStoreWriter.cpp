// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/filestore/FileStoreWriter.h"

#include "core/AtomicFile.h"
#include "sources/filestore/FileStoreSource.h"
#include "sources/filestore/MlflowYaml.h"
#include "sources/RegistryRules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <fcntl.h>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(FileStoreWriter)
};

Error badInput(const QString &message, const QString &field) { return makeError(ErrorCategory::BadInput, message, field); }


} // namespace


namespace {

Error ioError(int e, const QString &what, const QString &path)
{
    return makeError(e == EACCES || e == EPERM || e == EROFS ? ErrorCategory::Permission : ErrorCategory::Storage,
                     Tr::tr("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(e))), path);
}

/// fsync a folder so that a rename or new entry in it is durable.
Status syncFolder(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return ioError(errno, Tr::tr("cannot open the folder to sync it"), dir);
    const int rc = ::fsync(fd);
    const int e = errno;
    ::close(fd);
    if (rc != 0 && e != EINVAL)
        return ioError(e, Tr::tr("cannot sync the folder"), dir);
    return {};
}

/// Creates `dir` (and missing parents), making each new entry durable.
Status makeFolders(const QString &dir)
{
    if (QFileInfo(dir).isDir())
        return {};
    const QString parent = QFileInfo(dir).absolutePath();
    if (auto s = makeFolders(parent); !s)
        return s;
    if (::mkdir(QFile::encodeName(dir).constData(), 0777) != 0 && errno != EEXIST)
        return ioError(errno, Tr::tr("cannot create the folder"), dir);
    return syncFolder(parent);
}

/// Renames the folder `from` to `to` only when `to` does not exist; false in `taken` when it did.
Status renameFolderNoReplace(const QString &from, const QString &to, bool &taken)
{
    taken = false;
    const QByteArray f = QFile::encodeName(from);
    const QByteArray t = QFile::encodeName(to);
    int rc = ::renameat2(AT_FDCWD, f.constData(), AT_FDCWD, t.constData(), RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
        // A file system without RENAME_NOREPLACE: rename(2) would replace an empty folder only.
        if (QFileInfo::exists(to)) {
            errno = EEXIST;
        } else {
            rc = ::rename(f.constData(), t.constData());
        }
    }
    if (rc != 0) {
        if (errno == EEXIST || errno == ENOTEMPTY) {
            taken = true;
            return {};
        }
        return ioError(errno, Tr::tr("cannot rename the folder"), to);
    }
    return syncFolder(QFileInfo(to).absolutePath());
}

/// The files one operation replaces, with what they held before, so that a failed operation can
/// put them back.
class Undo {
public:
    Status write(const QString &path, const QByteArray &bytes)
    {
        remember(path);
        return writeFileAtomically(path, bytes);
    }
    Status remove(const QString &path)
    {
        remember(path);
        return removeFileDurably(path);
    }
    /// Puts every file back, newest first (best effort: the first failure already was reported).
    void rollback()
    {
        for (auto it = m_entries.crbegin(); it != m_entries.crend(); ++it) {
            if (it->second)
                (void)writeFileAtomically(it->first, *it->second);
            else
                (void)removeFileDurably(it->first);
        }
        m_entries.clear();
    }

private:
    void remember(const QString &path)
    {
        for (const auto &e : m_entries)
            if (e.first == path)
                return;
        QFile f(path);
        std::optional<QByteArray> before;
        if (f.open(QIODevice::ReadOnly))
            before = f.readAll();
        m_entries.emplace_back(path, std::move(before));
    }
    std::vector<std::pair<QString, std::optional<QByteArray>>> m_entries;
};

/// Runs `body` with an Undo; rolls the written files back when it fails.
Status withUndo(const std::function<Status(Undo &)> &body)
{
    Undo undo;
    Status s = body(undo);
    if (!s)
        undo.rollback();
    return s;
}

qint64 nowMs() { return QDateTime::currentMSecsSinceEpoch(); }

constexpr QLatin1StringView kMeta("meta.yaml");
constexpr QLatin1StringView kStageDeletedInternal("Deleted_Internal");

} // namespace

// ---------------------------------------------------------------------------------------------


FileStoreWriter::FileStoreWriter(QString mlrunsRoot)
    : m_root(QDir::cleanPath(QFileInfo(mlrunsRoot).absoluteFilePath()))
{
}

QString FileStoreWriter::uri() const { return FileStoreSource(m_root).uri(); }

namespace {

/// Paths and reads of one store; the checks every operation shares.
class Store {
public:
    explicit Store(const QString &root) : m_root(root) {}

    QString modelsDir() const { return m_root + u"/models"_s; }
    QString modelDir(const QString &name) const { return modelsDir() + u'/' + name; }
    QString versionDir(const QString &name, qint64 v) const
    {
        return modelDir(name) + u"/version-"_s + QString::number(v);
    }

    /// MLflow's name rules plus the file store's: the name is one folder name.
    Status checkName(const QString &name) const
    {
        if (auto s = registryrules::checkModelName(name); !s)
            return s;
        if (name.contains(u'/') || name.contains(u'\\') || name.contains(QChar(0)))
            return badInput(
                Tr::tr("invalid name '%1': a registered model name cannot contain a path separator").arg(name),
                u"name"_s);
        if (name.contains(u'%'))
            return badInput(Tr::tr("invalid name '%1': a registered model name cannot contain '%'").arg(name),
                            u"name"_s);
        if (name == u"."_s || name == u".."_s)
            return badInput(Tr::tr("invalid name '%1'").arg(name), u"name"_s);
        return {};
    }

    /// The folder of an existing model; NotFound naming it otherwise.
    Result<QString> existingModel(const QString &name) const
    {
        if (auto s = checkName(name); !s)
            return s.error();
        const QString dir = modelDir(name);
        if (!QFileInfo(dir + u'/' + kMeta).isFile())
            return makeError(ErrorCategory::NotFound, Tr::tr("there is no registered model '%1'").arg(name), dir);
        return dir;
    }

    /// The meta.yaml of an existing, not deleted version; NotFound naming it otherwise.
    Result<YamlValue> versionMeta(const QString &name, qint64 version) const
    {
        auto dir = existingModel(name);
        if (!dir)
            return dir.error();
        const QString vdir = versionDir(name, version);
        const Error notFound = makeError(
            ErrorCategory::NotFound, Tr::tr("registered model '%1' has no version %2").arg(name).arg(version), vdir);
        if (version <= 0 || !QFileInfo(vdir + u'/' + kMeta).isFile())
            return notFound;
        auto meta = mlflowyaml::load(vdir + u'/' + kMeta);
        if (!meta)
            return meta.error();
        if (meta->scalar(u"current_stage"_s) == kStageDeletedInternal)
            return notFound;
        return meta;
    }

    /// alias -> version text, as MLflow reads the aliases folder.
    std::map<QString, QString> aliases(const QString &modelDir) const
    {
        std::map<QString, QString> out;
        const QString dir = modelDir + u"/aliases"_s;
        QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            QFile f(path);
            if (f.open(QIODevice::ReadOnly))
                out[path.mid(dir.size() + 1)] = QString::fromUtf8(f.readAll());
        }
        return out;
    }

    /// The model's meta.yaml as MLflow rewrites it: its fields (unknown ones kept), the aliases
    /// read from the folder, and `lastUpdated`.
    Result<QByteArray> modelMetaBytes(const QString &modelDir, qint64 lastUpdated) const
    {
        auto meta = mlflowyaml::load(modelDir + u'/' + kMeta);
        if (!meta)
            return meta.error();
        YamlValue aliasMap = YamlValue::map();
        for (const auto &[alias, version] : aliases(modelDir))
            aliasMap.set(alias, YamlValue::str(version));
        meta->set(u"aliases"_s, std::move(aliasMap));
        meta->set(u"last_updated_timestamp"_s, YamlValue::integer(lastUpdated));
        return mlflowyaml::dump(*meta);
    }

    /// Rewrites the model's meta.yaml (modelMetaBytes) through `undo`, the last step of every
    /// change to a model's aliases or to a version.
    Status writeModelMeta(Undo &undo, const QString &modelDir, qint64 lastUpdated) const
    {
        auto modelMeta = modelMetaBytes(modelDir, lastUpdated);
        if (!modelMeta)
            return modelMeta.error();
        return undo.write(modelDir + u'/' + kMeta, *modelMeta);
    }

    /// A version's meta.yaml as MLflow rewrites it. MLflow 2.x keeps a copy of the aliases that
    /// point at the version in it (refreshed here); MLflow 3 writes none, and every other key it
    /// writes (model_id, deployment_job_state) is kept as it is.
    QByteArray versionMetaBytes(YamlValue meta, const QString &modelDir, qint64 version) const
    {
        if (meta.get(u"aliases"_s)) {
            YamlValue list = YamlValue::seq();
            for (const auto &[alias, target] : aliases(modelDir))
                if (target == QString::number(version))
                    list.items.push_back(YamlValue::str(alias));
            meta.set(u"aliases"_s, std::move(list));
        }
        // Never in the file: MLflow keeps tags in tags/.
        meta.entries.erase(std::remove_if(meta.entries.begin(), meta.entries.end(),
                                          [](const YamlEntry &e) { return e.key == u"tags"_s; }),
                           meta.entries.end());
        return mlflowyaml::dump(meta);
    }

    /// Did MLflow 3 make this store? An experiment holds LoggedModels (`<exp>/models/`), or its
    /// registry files carry MLflow 3's keys (a registered model's deployment_job_id, a version's
    /// model_id). Decides the layout of the files a new model or version gets. Cheapest checks
    /// first; a file is only searched for the key, not parsed.
    bool isMlflow3() const
    {
        for (const QString &exp : experimentDirs())
            if (QFileInfo(exp + u"/models"_s).isDir())
                return true;
        const auto hasKey = [](const QString &path, const QByteArray &key) {
            QFile f(path);
            if (!f.open(QIODevice::ReadOnly))
                return false;
            const QByteArray text = f.readAll();
            // Top-level keys start a line; continuation lines of a value are indented.
            const QByteArray field = key + ':';
            return text.startsWith(field) || text.contains(QByteArray('\n' + field));
        };
        const QStringList models = QDir(modelsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &model : models)
            if (hasKey(modelDir(model) + u'/' + kMeta, "deployment_job_id"))
                return true;
        for (const QString &model : models)
            for (qint64 n : versionNumbers(modelDir(model)))
                if (hasKey(versionDir(model, n) + u'/' + kMeta, "model_id"))
                    return true;
        return false;
    }

    /// The meta.yaml of the LoggedModel `modelId` (MLflow 3: `<exp>/models/<model_id>/`), in an
    /// active experiment or one in `.trash/`. NotFound naming the source when there is none or it
    /// is deleted, as MLflow's store refuses to register it.
    Result<YamlValue> loggedModelMeta(const QString &modelId) const
    {
        const Error notFound = makeError(
            ErrorCategory::NotFound,
            Tr::tr("there is no LoggedModel '%1' in the store to register a version from").arg(modelId), u"source"_s);
        if (modelId.contains(u'/') || modelId.contains(u'\\') || modelId.startsWith(u'.'))
            return notFound;
        for (const QString &exp : experimentDirs()) {
            const QString path = exp + u"/models/"_s + modelId + u'/' + kMeta;
            if (!QFileInfo(path).isFile())
                continue;
            auto meta = mlflowyaml::load(path);
            if (!meta)
                return meta.error();
            if (meta->scalar(u"lifecycle_stage"_s) == kDeleted)
                return notFound;
            return meta;
        }
        return notFound;
    }

    /// Every version-<n> folder of the model, by number (deleted versions included).
    QList<qint64> versionNumbers(const QString &modelDir) const
    {
        QList<qint64> out;
        for (const QString &entry : QDir(modelDir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!entry.startsWith(u"version-"_s))
                continue;
            bool ok = false;
            const qint64 n = entry.mid(8).toLongLong(&ok);
            if (ok && n > 0)
                out.append(n);
        }
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    /// The experiment folders: the store's own and those in `.trash/`.
    QStringList experimentDirs() const
    {
        QStringList out;
        for (const QString &parent : QStringList{m_root, m_root + u"/.trash"_s}) {
            for (const QString &name : QDir(parent).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
                if (name.startsWith(u'.') || (parent == m_root && name == u"models"_s))
                    continue;
                out.append(parent + u'/' + name);
            }
        }
        return out;
    }

    QString m_root;
};

} // namespace

Status FileStoreWriter::open()
{
    if (auto s = FileStoreSource(m_root).open(); !s)
        return s;
    const QString models = m_root + u"/models"_s;
    const QString probe = QFileInfo(models).isDir() ? models : m_root;
    if (!QFileInfo(probe).isWritable())
        return makeError(ErrorCategory::Permission, Tr::tr("the folder is not writable"), probe);
    return {};
}

Result<RegisteredModel> FileStoreWriter::readModel(const QString &name)
{
    Store store(m_root);
    auto dir = store.existingModel(name);
    if (!dir)
        return dir.error();
    // What cannot be read is skipped exactly as FileStoreSource skips it in a sync.
    return FileStoreSource::readModelFolder(*dir, [](const Error &) {});
}

Result<ModelVersion> FileStoreWriter::createVersion(const NewModelVersion &v)
{
    Store store(m_root);
    if (auto s = store.checkName(v.name); !s)
        return s.error();
    if (v.source.isEmpty())
        return badInput(Tr::tr("the source of the new version is empty"), u"source"_s);
    for (const KeyValue &t : v.tags) {
        if (auto s = registryrules::checkTagKey(t.key, u"tags"_s); !s)
            return s.error();
        if (auto s = registryrules::checkTagValue(t.value, u"tags"_s); !s)
            return s.error();
    }
    QString storageLocation = v.source;
    QString runId = v.runId;
    // MLflow 3: "models:/m-<id>" names a LoggedModel. Like MLflow's store, the version takes over
    // its artifact location, and its run when none is given, and records its id.
    const QString modelId = ModelVersion::modelIdFromSource(v.source);
    auto target = modelId.isEmpty() ? registryrules::modelsUriTarget(v.source)
                                    : Result<std::optional<std::pair<QString, qint64>>>(std::nullopt);
    if (!target)
        return target.error();
    if (!modelId.isEmpty()) {
        auto logged = store.loggedModelMeta(modelId);
        if (!logged)
            return logged.error();
        storageLocation = logged->scalar(u"artifact_location"_s);
        if (runId.isEmpty())
            runId = logged->scalar(u"source_run_id"_s);
    } else if (*target) {
        auto meta = store.versionMeta((*target)->first, (*target)->second);
        if (!meta)
            return meta.error();
        storageLocation = meta->scalar(u"storage_location"_s);
        if (storageLocation.isEmpty())
            storageLocation = meta->scalar(u"source"_s);
    }

    const qint64 now = nowMs();
    const bool mlflow3 = !modelId.isEmpty() || store.isMlflow3();
    const QString modelDir = store.modelDir(v.name);
    if (!QFileInfo(modelDir + u'/' + kMeta).isFile()) {
        if (QFileInfo::exists(modelDir))
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("the folder of registered model '%1' has no meta.yaml").arg(v.name), modelDir);
        // Built beside the store's folders under a hidden name (ignored by MLflow's readers and
        // ours), then renamed into models/ in one step: the model appears complete or not at all.
        if (auto s = makeFolders(store.modelsDir()); !s)
            return s.error();
        QByteArray tmpl = QFile::encodeName(m_root + u"/.modeldesk-new-model-XXXXXX"_s);
        if (!::mkdtemp(tmpl.data()))
            return ioError(errno, Tr::tr("cannot create a temporary folder"), m_root);
        const QString tmp = QFile::decodeName(tmpl);
        YamlValue meta = YamlValue::map();
        meta.set(u"aliases"_s, YamlValue::map());
        meta.set(u"creation_timestamp"_s, YamlValue::integer(now));
        meta.set(u"description"_s, YamlValue::null());
        meta.set(u"last_updated_timestamp"_s, YamlValue::integer(now));
        meta.set(u"name"_s, YamlValue::str(v.name));
        if (mlflow3) {
            meta.set(u"deployment_job_id"_s, YamlValue::null());
            meta.set(u"deployment_job_state"_s, YamlValue::null());
        }
        Status s = writeFileAtomically(tmp + u'/' + kMeta, mlflowyaml::dump(meta));
        bool taken = false;
        if (s)
            s = renameFolderNoReplace(tmp, modelDir, taken);
        if (!s || taken)
            QDir(tmp).removeRecursively();  // taken: another writer created the model meanwhile
        if (!s)
            return s.error();
    }

    // The version folder is built under a hidden name inside the model folder (MLflow lists only
    // "version-*" folders there) and renamed to version-<n> in one step.
    QByteArray tmpl = QFile::encodeName(modelDir + u"/.modeldesk-new-version-XXXXXX"_s);
    if (!::mkdtemp(tmpl.data()))
        return ioError(errno, Tr::tr("cannot create a temporary folder"), modelDir);
    const QString tmp = QFile::decodeName(tmpl);
    auto cleanup = [&] { QDir(tmp).removeRecursively(); };
    for (const KeyValue &t : v.tags) {
        const QString path = tmp + u"/tags/"_s + t.key;
        Status s = makeFolders(QFileInfo(path).absolutePath());
        if (s)
            s = writeFileAtomically(path, t.value.toUtf8());
        if (!s) {
            cleanup();
            return s.error();
        }
    }
    qint64 number = 0;
    // Like MLflow's store, retry with the next number when another writer took this one.
    for (int attempt = 0; attempt < 3; ++attempt) {
        const QList<qint64> existing = store.versionNumbers(modelDir);
        number = existing.isEmpty() ? 1 : existing.last() + 1;
        YamlValue meta = YamlValue::map();
        // MLflow 3 writes no aliases copy into a version's file, but the LoggedModel's id and the
        // (unused) deployment job state.
        if (!mlflow3)
            meta.set(u"aliases"_s, YamlValue::seq());
        meta.set(u"creation_timestamp"_s, YamlValue::integer(now));
        meta.set(u"current_stage"_s, YamlValue::str(kStageNone));
        if (mlflow3)
            meta.set(u"deployment_job_state"_s, YamlValue::null());
        meta.set(u"description"_s, YamlValue::strOrNull(v.description));
        meta.set(u"last_updated_timestamp"_s, YamlValue::integer(now));
        if (mlflow3)
            meta.set(u"model_id"_s, YamlValue::strOrNull(modelId));
        meta.set(u"name"_s, YamlValue::str(v.name));
        meta.set(u"run_id"_s, YamlValue::strOrNull(runId));
        meta.set(u"run_link"_s, YamlValue::null());
        meta.set(u"source"_s, YamlValue::str(v.source));
        meta.set(u"status"_s, YamlValue::str(u"READY"_s));
        meta.set(u"status_message"_s, YamlValue::null());
        meta.set(u"storage_location"_s, YamlValue::str(storageLocation));
        meta.set(u"user_id"_s, YamlValue::strOrNull(v.userId));
        meta.set(u"version"_s, YamlValue::integer(number));
        bool taken = false;
        Status s = writeFileAtomically(tmp + u'/' + kMeta, mlflowyaml::dump(meta));
        if (s)
            s = renameFolderNoReplace(tmp, store.versionDir(v.name, number), taken);
        if (!s) {
            cleanup();
            return s.error();
        }
        if (!taken)
            break;
        if (attempt == 2) {
            cleanup();
            return makeError(ErrorCategory::Conflict,
                             Tr::tr("another client registered new versions of '%1' at the same time; try again")
                                 .arg(v.name),
                             modelDir);
        }
    }
    const QString versionDir = store.versionDir(v.name, number);
    auto modelMeta = store.modelMetaBytes(modelDir, now);
    Status s = modelMeta ? writeFileAtomically(modelDir + u'/' + kMeta, *modelMeta) : Status(modelMeta.error());
    if (!s) {
        QDir(versionDir).removeRecursively();
        (void)syncFolder(modelDir);
        return s.error();
    }

    return readBackVersion(
        v.name, number,
        makeError(ErrorCategory::Internal, Tr::tr("the new version %1 cannot be read back").arg(number), versionDir));
}

Status FileStoreWriter::transitionStage(const QString &name, qint64 version, const QString &stage,
                                        bool archiveExisting)
{
    auto canonical = registryrules::targetStage(stage, archiveExisting);
    if (!canonical)
        return canonical.error();
    Store store(m_root);
    auto target = store.versionMeta(name, version);
    if (!target)
        return target.error();
    const QString modelDir = store.modelDir(name);

    // Read everything first, so that a file we cannot parse stops the operation before any write.
    std::vector<std::pair<qint64, YamlValue>> others;
    if (archiveExisting) {
        for (qint64 n : store.versionNumbers(modelDir)) {
            if (n == version)
                continue;
            auto meta = mlflowyaml::load(store.versionDir(name, n) + u'/' + kMeta);
            if (!meta)
                return meta.error();
            if (meta->scalar(u"current_stage"_s) == *canonical)
                others.emplace_back(n, std::move(*meta));
        }
    }
    const qint64 now = nowMs();
    return withUndo([&](Undo &undo) -> Status {
        // The target first: a crash before the others are archived leaves two versions in the
        // stage (MLflow serves the highest), never none.
        target->set(u"current_stage"_s, YamlValue::str(*canonical));
        target->set(u"last_updated_timestamp"_s, YamlValue::integer(now));
        if (auto s = undo.write(store.versionDir(name, version) + u'/' + kMeta,
                                store.versionMetaBytes(*target, modelDir, version));
            !s)
            return s;
        for (auto &[n, meta] : others) {
            meta.set(u"current_stage"_s, YamlValue::str(kStageArchived));
            meta.set(u"last_updated_timestamp"_s, YamlValue::integer(now));
            if (auto s = undo.write(store.versionDir(name, n) + u'/' + kMeta, store.versionMetaBytes(meta, modelDir, n));
                !s)
                return s;
        }
        return store.writeModelMeta(undo, modelDir, now);
    });
}

Status FileStoreWriter::setAlias(const QString &name, const QString &alias, qint64 version)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    Store store(m_root);
    if (auto meta = store.versionMeta(name, version); !meta)
        return meta.error();
    const QString modelDir = store.modelDir(name);
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = makeFolders(modelDir + u"/aliases"_s); !s)
            return s;
        if (auto s = undo.write(modelDir + u"/aliases/"_s + alias, QByteArray::number(version)); !s)
            return s;
        return store.writeModelMeta(undo, modelDir, nowMs());
    });
}

Status FileStoreWriter::deleteAlias(const QString &name, const QString &alias)
{
    if (auto s = registryrules::checkAlias(alias); !s)
        return s;
    Store store(m_root);
    auto modelDir = store.existingModel(name);
    if (!modelDir)
        return modelDir.error();
    const QString path = *modelDir + u"/aliases/"_s + alias;
    if (!QFileInfo(path).isFile())
        return makeError(ErrorCategory::NotFound,
                         Tr::tr("registered model '%1' has no alias '%2'").arg(name, alias), path);
    return withUndo([&](Undo &undo) -> Status {
        if (auto s = undo.remove(path); !s)
            return s;
        return store.writeModelMeta(undo, *modelDir, nowMs());
    });
}

namespace {

/// Sets tag `key` of a version to `value`, or removes it when there is no value (no error when it
/// was not set): its file in the version's tags/ folder, then the model's meta.yaml.
Status changeVersionTag(const Store &store, const QString &name, qint64 version, const QString &key,
                        const std::optional<QString> &value)
{
    if (auto s = registryrules::checkTagKey(key); !s)
        return s;
    if (value) {
        if (auto s = registryrules::checkTagValue(*value); !s)
            return s;
    }
    if (auto meta = store.versionMeta(name, version); !meta)
        return meta.error();
    const QString modelDir = store.modelDir(name);
    const QString path = store.versionDir(name, version) + u"/tags/"_s + key;
    if (!value && !QFileInfo(path).isFile())
        return {};
    return withUndo([&](Undo &undo) -> Status {
        if (value) {
            if (auto s = makeFolders(QFileInfo(path).absolutePath()); !s)
                return s;
            if (auto s = undo.write(path, value->toUtf8()); !s)
                return s;
        } else if (auto s = undo.remove(path); !s) {
            return s;
        }
        return store.writeModelMeta(undo, modelDir, nowMs());
    });
}

} // namespace

Status FileStoreWriter::setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value)
{
    return changeVersionTag(Store(m_root), name, version, key, value);
}

Status FileStoreWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    return changeVersionTag(Store(m_root), name, version, key, std::nullopt);
}

Status FileStoreWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    Store store(m_root);
    auto meta = store.versionMeta(name, version);
    if (!meta)
        return meta.error();
    meta->set(u"description"_s, YamlValue::str(description));
    meta->set(u"last_updated_timestamp"_s, YamlValue::integer(nowMs()));
    return writeFileAtomically(store.versionDir(name, version) + u'/' + kMeta,
                               store.versionMetaBytes(*meta, store.modelDir(name), version));
}

} // namespace md

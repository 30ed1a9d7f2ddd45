// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/modelfolder/ModelFolderWriter.h"

#include "core/AtomicFile.h"
#include "core/TagNames.h"
#include "sources/RegistryRules.h"
#include "sources/modelfolder/ModelFolderSource.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDate>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLockFile>
#include <QRegularExpression>
#include <QUrl>

#include <chrono>
#include <cmath>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(ModelFolderWriter)
};

const QString kCurrentFile = u"model.pkl"_s;
const QString kVersionTxt = u"version.txt"_s;
const QString kLockFile = u".modeldesk-registry.lock"_s;

QString versionFileName(qint64 n)
{
    return u"model_v%1.pkl"_s.arg(n);
}

class CollectingSink final : public ImportSink {
public:
    std::optional<RegisteredModel> model;
    Status experiment(const Experiment &) override { return {}; }
    Status run(const Run &) override { return {}; }
    Status registeredModel(const RegisteredModel &m) override
    {
        model = m;
        return {};
    }
    void problem(const ReadProblem &) override { }
};

std::optional<QString> tagOf(const ModelVersion &v, const QString &key)
{
    for (const KeyValue &t : v.tags)
        if (t.key == key)
            return t.value;
    return std::nullopt;
}

/// The tags ModelFolderSource computes from the files; a stored one would never be shown.
bool isComputedTag(const QString &key)
{
    static const QStringList computed = { tags::kFile, tags::kSha256, tags::kSizeBytes, tags::kBestScore,
        tags::kDateCreated, tags::kSideFiles };
    return computed.contains(key);
}

bool isNumber(const QString &text)
{
    bool ok = false;
    const double d = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok && std::isfinite(d);
}

std::optional<QByteArray> sha256Of(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&f))
        return std::nullopt;
    return hash.result().toHex();
}

/// Temporary files md::writeFileAtomically / copyFileAtomically leave when killed mid-write.
void removeLeftoverTemporaryFiles(const QString &folder)
{
    static const QRegularExpression re(
        u"^\\.(model\\.pkl|version\\.txt|model_v\\d{1,15}\\.pkl|\\.modeldesk-registry\\.json)\\.tmp-[A-Za-z0-9]{6}$"_s);
    const QDir dir(folder);
    const QStringList names = dir.entryList(QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names)
        if (re.match(name).hasMatch())
            (void)removeFileDurably(dir.filePath(name));
}

/// Held for the duration of one write.
Result<std::unique_ptr<QLockFile>> lockFolder(const QString &folder)
{
    const QString path = QDir(folder).filePath(kLockFile);
    auto lock = std::make_unique<QLockFile>(path);
    // A lock whose process is gone is taken over at once (QLockFile checks the PID); the age limit
    // only matters for a lock from another host, and must outlast copying a large model.
    lock->setStaleLockTime(std::chrono::minutes(10));
    if (lock->tryLock(5000))
        return lock;
    switch (lock->error()) {
    case QLockFile::LockFailedError:
        return makeError(ErrorCategory::Conflict,
            Tr::tr("another ModelDesk is writing to this model folder; try again in a moment"), path);
    case QLockFile::PermissionError:
        return makeError(ErrorCategory::Permission, Tr::tr("the model folder is not writable"), path);
    default:
        return makeError(ErrorCategory::Storage, Tr::tr("cannot create the lock file"), path);
    }
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A sidecar that cannot be read is never overwritten: it may hold what a newer ModelDesk or the
/// user wrote.
Error unreadableSidecar(const Error &why)
{
    return makeError(ErrorCategory::BadInput,
        Tr::tr("ModelDesk's registry file of this folder cannot be used, so nothing was changed: %1").arg(why.message),
        why.where);
}

} // namespace

struct ModelFolderWriter::State {
    RegisteredModel model;
    ModelFolderSource::VersionTxt txt;
    std::optional<QByteArray> modelPklSha; ///< unset when there is no model.pkl
    std::optional<ModelFolderSidecar> sidecar;
    std::optional<Error> sidecarError; ///< why `sidecar` is unset

    /// Entries of versions that have no file are left over from a killed createVersion.
    void pruneSidecar(qint64 keep = 0)
    {
        if (!sidecar)
            return;
        for (auto it = sidecar->versions.begin(); it != sidecar->versions.end();) {
            if (it.key() != keep && !model.findVersion(it.key()))
                it = sidecar->versions.erase(it);
            else
                ++it;
        }
    }
};

ModelFolderWriter::ModelFolderWriter(QString folderPath)
    : m_path(QDir::cleanPath(QFileInfo(folderPath).absoluteFilePath()))
{
}

QString ModelFolderWriter::uri() const
{
    return ModelFolderSource(m_path).uri();
}

Status ModelFolderWriter::open()
{
    if (auto s = ModelFolderSource(m_path).open(); !s)
        return s;
    if (!QFileInfo(m_path).isWritable())
        return makeError(ErrorCategory::Permission, Tr::tr("the model folder is not writable"), m_path);
    return {};
}

void ModelFolderWriter::setStepObserver(std::function<void(const QString &)> observer)
{
    m_observer = std::move(observer);
}

void ModelFolderWriter::step(const QString &name) const
{
    if (m_observer)
        m_observer(name);
}

Result<RegisteredModel> ModelFolderWriter::readModel(const QString &name)
{
    ModelFolderSource source(m_path);
    if (auto s = source.open(); !s)
        return s.error();
    CollectingSink sink;
    const std::atomic_bool cancel { false };
    if (auto s = source.readAll(sink, cancel); !s)
        return s.error();
    if (!sink.model)
        return makeError(ErrorCategory::Internal, Tr::tr("the model folder delivered no model"), m_path);
    if (sink.model->name != name)
        return makeError(ErrorCategory::NotFound,
            Tr::tr("this model folder holds the model '%1', not '%2'").arg(sink.model->name, name), m_path);
    return std::move(*sink.model);
}

Result<ModelFolderWriter::State> ModelFolderWriter::readState(const QString &name)
{
    auto model = readModel(name);
    if (!model)
        return model.error();
    State state;
    state.model = std::move(*model);
    const QDir dir(m_path);
    if (QFileInfo(dir.filePath(kVersionTxt)).isFile())
        state.txt = ModelFolderSource::readVersionTxt(dir.filePath(kVersionTxt));
    if (QFileInfo(dir.filePath(kCurrentFile)).isFile()) {
        state.modelPklSha = sha256Of(dir.filePath(kCurrentFile));
        if (!state.modelPklSha)
            return makeError(ErrorCategory::Storage, Tr::tr("cannot read the file"), dir.filePath(kCurrentFile));
    }
    auto sidecar = ModelFolderSidecar::load(m_path);
    if (sidecar)
        state.sidecar = std::move(*sidecar);
    else
        state.sidecarError = sidecar.error();
    return state;
}

Result<ModelVersion> ModelFolderWriter::createVersion(const NewModelVersion &v)
{
    QString sourcePath = v.source;
    if (const QUrl url(v.source); url.isLocalFile())
        sourcePath = url.toLocalFile();
    sourcePath = QFileInfo(sourcePath).absoluteFilePath();
    const QFileInfo sourceInfo(sourcePath);
    if (!sourceInfo.exists())
        return makeError(ErrorCategory::NotFound, Tr::tr("no such model file"), sourcePath);
    if (!sourceInfo.isFile())
        return makeError(ErrorCategory::BadInput, Tr::tr("not a model file (a model folder takes one file)"),
                         sourcePath);
    for (const KeyValue &t : v.tags) {
        if (t.key.trimmed().isEmpty())
            return makeError(ErrorCategory::BadInput, Tr::tr("a tag needs a name"), u"tags"_s);
        if (isComputedTag(t.key))
            return makeError(ErrorCategory::BadInput,
                Tr::tr("the tag '%1' is computed from the folder's files and cannot be set").arg(t.key), u"tags"_s);
    }

    auto lock = lockFolder(m_path);
    if (!lock)
        return lock.error();
    removeLeftoverTemporaryFiles(m_path);
    auto state = readState(v.name);
    if (!state)
        return state.error();
    if (!state->sidecar)
        return unreadableSidecar(*state->sidecarError);

    const qint64 number = state->model.versions.isEmpty() ? 1 : state->model.versions.last().version + 1;
    const QString target = QDir(m_path).filePath(versionFileName(number));
    if (QFileInfo::exists(target))
        return makeError(ErrorCategory::Conflict, Tr::tr("the file appeared while registering; try again"), target);

    ModelFolderSidecar::Entry entry;
    entry.stage = kStageNone;
    entry.description = v.description;
    entry.userId = v.userId;
    entry.runId = v.runId;
    entry.creationTime = nowMs();
    entry.lastUpdatedTime = entry.creationTime;
    for (const KeyValue &t : v.tags)
        entry.setTag(t.key, t.value);
    state->sidecar->versions.insert(number, entry);
    state->pruneSidecar(number);

    // The entry first: without its file it is invisible, so a kill in between changes nothing.
    step(u"sidecar"_s);
    if (auto s = state->sidecar->save(m_path); !s)
        return s.error();
    step(versionFileName(number));
    if (auto s = copyFileAtomically(sourcePath, target); !s)
        return s.error();
    step(u"done"_s);

    return readBackVersion(v.name, number,
        makeError(ErrorCategory::Internal, Tr::tr("the new version is not there after writing it"), target));
}

Status ModelFolderWriter::promote(State &state, qint64 version)
{
    const QDir dir(m_path);
    const ModelVersion *target = state.model.findVersion(version);
    Q_ASSERT(target);
    const QString targetFile = tagOf(*target, tags::kFile).value_or(versionFileName(version));
    const QByteArray targetSha = tagOf(*target, tags::kSha256).value_or(QString()).toLatin1();
    const bool targetIsModelPkl = targetFile == kCurrentFile; // model.pkl delivered as a version of its own
    const bool modelPklIsTarget = state.modelPklSha && *state.modelPklSha == targetSha;

    // 1. Never overwrite the only copy of a model.
    if (state.modelPklSha && !targetIsModelPkl && !modelPklIsTarget) {
        bool saved = false;
        qint64 ownNumber = 0;
        for (const ModelVersion &v : std::as_const(state.model.versions)) {
            const QString file = tagOf(v, tags::kFile).value_or(QString());
            if (file == kCurrentFile)
                ownNumber = v.version;
            else if (tagOf(v, tags::kSha256).value_or(QString()).toLatin1() == *state.modelPklSha)
                saved = true;
        }
        if (!saved) {
            const qint64 k = ownNumber > 0 ? ownNumber : state.model.versions.last().version + 1;
            step(versionFileName(k));
            if (auto s = copyFileAtomically(dir.filePath(kCurrentFile), dir.filePath(versionFileName(k))); !s)
                return s;
        }
    }

    // 2. version.txt's score belongs to the version it names; keep it before version.txt changes.
    const std::optional<qint64> outgoing = state.txt.current;
    if (state.sidecar && outgoing && *outgoing != version && !state.txt.bestScore.isEmpty()
        && state.model.findVersion(*outgoing)) {
        ModelFolderSidecar::Entry &entry = state.sidecar->versions[*outgoing];
        if (!entry.tag(tags::kScore)) {
            entry.setTag(tags::kScore, state.txt.bestScore);
            entry.lastUpdatedTime = nowMs();
            state.pruneSidecar();
            step(u"sidecar"_s);
            if (auto s = state.sidecar->save(m_path); !s)
                return s;
        }
    }

    // 3. The switch: from this rename on, the new version is what is served.
    if (!targetIsModelPkl && !modelPklIsTarget) {
        step(kCurrentFile);
        if (auto s = copyFileAtomically(dir.filePath(targetFile), dir.filePath(kCurrentFile)); !s)
            return s;
    }

    // 4. version.txt follows model.pkl.
    if (!state.txt.current || *state.txt.current != version) {
        QString score = tagOf(*target, tags::kScore).value_or(QString()).trimmed();
        if (!isNumber(score))
            score = state.txt.current == version ? state.txt.bestScore : QString();
        QString text = u"Current version: "_s + QString::number(version) + u'\n';
        if (!score.isEmpty())
            text += u"Best score: "_s + score + u'\n';
        text += u"Date created: "_s + QDate::currentDate().toString(u"yyyy-MM-dd"_s) + u'\n';
        step(kVersionTxt);
        if (auto s = writeFileAtomically(dir.filePath(kVersionTxt), text.toUtf8()); !s)
            return s;
    }

    // 5. A Staging or None entry would resurface once another version is promoted.
    if (state.sidecar && state.sidecar->versions.contains(version)
        && !state.sidecar->versions.value(version).stage.isEmpty()) {
        ModelFolderSidecar::Entry &entry = state.sidecar->versions[version];
        entry.stage.clear();
        entry.lastUpdatedTime = nowMs();
        state.pruneSidecar();
        step(u"sidecar"_s);
        if (auto s = state.sidecar->save(m_path); !s)
            return s;
    }
    step(u"done"_s);
    return {};
}

Status ModelFolderWriter::transitionStage(
    const QString &name, qint64 version, const QString &stage, bool archiveExisting)
{
    const Result<QString> canonical = registryrules::canonicalStage(stage);
    if (!canonical)
        return canonical.error();

    if (*canonical == kStageProduction)
        return withVersion(name, version, [&](State &state) { return promote(state, version); });

    return sidecarOnly(name, version, [&](const State &state, ModelFolderSidecar &sidecar) -> Status {
        const ModelVersion *v = state.model.findVersion(version);
        if (v->currentStage == kStageProduction)
            return makeError(ErrorCategory::BadInput,
                Tr::tr("version %1 is the current model (model.pkl): promote another version to "
                       "Production first")
                    .arg(version),
                QDir(m_path).filePath(kCurrentFile));
        sidecar.versions[version].stage = *canonical == kStageArchived ? QString() : *canonical;
        if (archiveExisting && *canonical == kStageStaging) {
            for (auto it = sidecar.versions.begin(); it != sidecar.versions.end(); ++it)
                if (it.key() != version && it->stage == kStageStaging)
                    it->stage.clear();
        }
        return {};
    });
}

Status ModelFolderWriter::withVersion(const QString &name, qint64 version, const std::function<Status(State &)> &change)
{
    auto lock = lockFolder(m_path);
    if (!lock)
        return lock.error();
    removeLeftoverTemporaryFiles(m_path);
    auto state = readState(name);
    if (!state)
        return state.error();
    if (!state->model.findVersion(version))
        return makeError(ErrorCategory::NotFound,
            Tr::tr("there is no version %1 (no %2)").arg(version).arg(versionFileName(version)),
            QDir(m_path).filePath(versionFileName(version)));
    return change(*state);
}

Status ModelFolderWriter::sidecarOnly(
    const QString &name, qint64 version, const std::function<Status(const State &, ModelFolderSidecar &)> &change)
{
    return withVersion(name, version, [&](State &state) -> Status {
        if (!state.sidecar)
            return unreadableSidecar(*state.sidecarError);

        const QByteArray before = state.sidecar->toJson();
        if (auto s = change(state, *state.sidecar); !s)
            return s;
        state.pruneSidecar();
        if (state.sidecar->toJson() == before) {
            step(u"done"_s);
            return {};
        }
        if (state.sidecar->versions.contains(version))
            state.sidecar->versions[version].lastUpdatedTime = nowMs();
        step(u"sidecar"_s);
        if (auto s = state.sidecar->save(m_path); !s)
            return s;
        step(u"done"_s);
        return {};
    });
}

Status ModelFolderWriter::setAlias(const QString &, const QString &alias, qint64)
{
    return makeError(ErrorCategory::BadInput, Tr::tr("a model folder has no aliases"), alias);
}

Status ModelFolderWriter::deleteAlias(const QString &, const QString &alias)
{
    return makeError(ErrorCategory::BadInput, Tr::tr("a model folder has no aliases"), alias);
}

Status ModelFolderWriter::setVersionTag(const QString &name, qint64 version, const QString &key, const QString &value)
{
    if (key.trimmed().isEmpty())
        return makeError(ErrorCategory::BadInput, Tr::tr("a tag needs a name"), u"key"_s);
    if (isComputedTag(key))
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the tag '%1' is computed from the folder's files and cannot be set").arg(key), key);
    return sidecarOnly(name, version, [&](const State &, ModelFolderSidecar &sidecar) -> Status {
        sidecar.versions[version].setTag(key, value);
        return {};
    });
}

Status ModelFolderWriter::deleteVersionTag(const QString &name, qint64 version, const QString &key)
{
    if (isComputedTag(key))
        return makeError(ErrorCategory::BadInput,
            Tr::tr("the tag '%1' is computed from the folder's files and cannot be removed").arg(key), key);
    return sidecarOnly(name, version, [&](const State &, ModelFolderSidecar &sidecar) -> Status {
        if (sidecar.versions.contains(version))
            sidecar.versions[version].removeTag(key);
        return {};
    });
}

Status ModelFolderWriter::setVersionDescription(const QString &name, qint64 version, const QString &description)
{
    return sidecarOnly(name, version, [&](const State &, ModelFolderSidecar &sidecar) -> Status {
        sidecar.versions[version].description = description;
        return {};
    });
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#include "sources/filestore/FileStoreSource.h"

#include "sources/SinkRelay.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QUrl>

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

using namespace Qt::StringLiterals;

namespace md {

namespace {

// Folder and file names of MLflow's tracking and registry file stores
// (mlflow/store/tracking/file_store.py, mlflow/store/model_registry/file_store.py).
constexpr QLatin1StringView kMetaFile("meta.yaml");
constexpr QLatin1StringView kTrashFolder(".trash");
constexpr QLatin1StringView kModelsFolder("models");
constexpr QLatin1StringView kTagsFolder("tags");
constexpr QLatin1StringView kParamsFolder("params");
constexpr QLatin1StringView kMetricsFolder("metrics");
constexpr QLatin1StringView kInputsFolder("inputs");
constexpr QLatin1StringView kOutputsFolder("outputs");
constexpr QLatin1StringView kDatasetsFolder("datasets");
constexpr QLatin1StringView kTracesFolder("traces");
constexpr QLatin1StringView kAliasesFolder("aliases");
constexpr QLatin1StringView kVersionPrefix("version-");
// The registry marks a deleted version with this stage instead of removing its folder.
constexpr QLatin1StringView kStageDeletedInternal("Deleted_Internal");

template<typename Name>
QString joinPath(const QString &dir, const Name &name)
{
    return dir + u'/' + name;
}

QString whereLine(const QString &path, qint64 line)
{
    return path + u':' + QString::number(line);
}

/// Sub-folder names of `dir`, sorted, without "." and "..".
QStringList subdirs(const QString &dir)
{
    return QDir(dir).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

struct FileEntry {
    QString key;   ///< path relative to the walked folder, '/'-separated
    QString path;  ///< absolute path
};

/// Every file below `dir` (recursively: MLflow stores the key "a/b" as the file a/b), sorted by key.
QList<FileEntry> filesUnder(const QString &dir)
{
    QList<FileEntry> out;
    if (!QFileInfo(dir).isDir())
        return out;
    const qsizetype prefix = dir.size() + 1;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QString path = it.next();
        // A temporary file of an atomic replacement (md::writeFileAtomically) that a crash left
        // behind is not a tag: its name is ".<name>.tmp-XXXXXX".
        const QString name = it.fileName();
        if (name.startsWith(u'.') && name.size() > 12 && name.at(name.size() - 11) == u'.' &&
            QStringView(name).right(10).startsWith(u"tmp-"))
            continue;
        out.append(FileEntry{path.mid(prefix), std::move(path)});
    }
    std::sort(out.begin(), out.end(), [](const FileEntry &a, const FileEntry &b) { return a.key < b.key; });
    return out;
}

Result<QByteArray> readBytes(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        if (!QFileInfo::exists(path))
            return makeError(ErrorCategory::NotFound,
                             QCoreApplication::translate("FileStoreSource", "the file is missing"), path);
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "cannot read the file: %1")
                             .arg(f.errorString()),
                         path);
    }
    QByteArray data = f.readAll();
    if (f.error() != QFileDevice::NoError)
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "cannot read the file: %1")
                             .arg(f.errorString()),
                         path);
    return data;
}

/// Parses a meta.yaml that must hold a mapping. Errors name the file (with ":line" for syntax errors).
Result<YAML::Node> loadYamlMap(const QString &path)
{
    auto bytes = readBytes(path);
    if (!bytes)
        return bytes.error();
    try {
        YAML::Node node = YAML::Load(bytes->toStdString());
        if (!node.IsMap())
            return makeError(ErrorCategory::BadInput,
                             QCoreApplication::translate("FileStoreSource",
                                                         "the file is empty or not a YAML mapping"),
                             path);
        return node;
    } catch (const YAML::Exception &e) {
        const QString where = e.mark.is_null() ? path : whereLine(path, qint64(e.mark.line) + 1);
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "not valid YAML: %1")
                             .arg(QString::fromStdString(e.msg)),
                         where);
    }
}

/// A scalar field as text; empty when missing or null.
QString yStr(const YAML::Node &map, const char *key)
{
    const YAML::Node n = map[key];
    if (!n.IsDefined() || !n.IsScalar())
        return {};
    return QString::fromStdString(n.Scalar());
}

bool hasField(const YAML::Node &map, const char *key)
{
    const YAML::Node n = map[key];
    return n.IsDefined() && n.IsScalar();
}

std::optional<qint64> parseInt(std::string_view s)
{
    // Python's int() (which MLflow reads these with) accepts a leading '+'; from_chars does not.
    if (s.size() > 1 && s.front() == '+')
        s.remove_prefix(1);
    qint64 v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size() || s.empty())
        return std::nullopt;
    return v;
}

/// Accepts what Python's float() reads back from MLflow's files: decimals, exponents, and
/// nan / inf / infinity in any case with an optional sign. Locale-independent.
std::optional<double> parseDouble(std::string_view s)
{
    if (s.size() > 1 && s.front() == '+')
        s.remove_prefix(1);
    if (s.empty())
        return std::nullopt;
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    if (r.ec != std::errc() || r.ptr != s.data() + s.size())
        return std::nullopt;
    return v;
}

std::optional<qint64> yInt(const YAML::Node &map, const char *key)
{
    const YAML::Node n = map[key];
    if (!n.IsDefined() || !n.IsScalar())
        return std::nullopt;
    return parseInt(n.Scalar());
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/// The fields of a metric line as MLflow splits it (`line.strip().split(" ")`): separated by
/// exactly one space. False when the line has more than kMaxFields of them.
struct MetricFields {
    static constexpr int kMaxFields = 6;
    std::string_view field[kMaxFields];
    int count = 0;
};

bool splitMetricLine(std::string_view line, MetricFields &out)
{
    while (!line.empty() && isSpace(line.front()))
        line.remove_prefix(1);
    while (!line.empty() && isSpace(line.back()))
        line.remove_suffix(1);
    out.count = 0;
    while (true) {
        if (out.count == MetricFields::kMaxFields)
            return false;
        const auto sp = line.find(' ');
        out.field[out.count++] = line.substr(0, sp);
        if (sp == std::string_view::npos)
            return true;
        line.remove_prefix(sp + 1);
    }
}

/// One line of a run's metric file: "timestamp value step", "timestamp value" (old files, step 0),
/// or, for a value MLflow 3 logged with a dataset, "timestamp value step dataset_name
/// dataset_digest". The dataset columns are not part of the run's metric: MLflow's run metrics
/// (runs/get, get-history, the SQL store's metrics table) never carry them.
bool parseMetricLine(std::string_view line, MetricPoint &p)
{
    MetricFields f;
    if (!splitMetricLine(line, f) || (f.count != 2 && f.count != 3 && f.count != 5))
        return false;
    const auto ts = parseInt(f.field[0]);
    const auto value = parseDouble(f.field[1]);
    const auto step = f.count >= 3 ? parseInt(f.field[2]) : std::optional<qint64>(0);
    if (!ts || !value || !step)
        return false;
    p.timestamp = *ts;
    p.value = *value;
    p.step = *step;
    return true;
}

/// One line of a LoggedModel's metric file (MLflow 3): "timestamp value step run_id", with
/// "dataset_name dataset_digest" after it for a value logged on a dataset.
bool parseModelMetricLine(std::string_view line, LoggedModelMetric &m)
{
    MetricFields f;
    if (!splitMetricLine(line, f) || (f.count != 4 && f.count != 6))
        return false;
    const auto ts = parseInt(f.field[0]);
    const auto value = parseDouble(f.field[1]);
    const auto step = parseInt(f.field[2]);
    if (!ts || !value || !step || f.field[3].empty())
        return false;
    if (f.count == 6 && (f.field[4].empty() || f.field[5].empty()))
        return false;
    m.timestamp = *ts;
    m.value = *value;
    m.step = *step;
    m.runId = QString::fromUtf8(f.field[3].data(), qsizetype(f.field[3].size()));
    m.datasetName = f.count == 6 ? QString::fromUtf8(f.field[4].data(), qsizetype(f.field[4].size())) : QString();
    m.datasetDigest = f.count == 6 ? QString::fromUtf8(f.field[5].data(), qsizetype(f.field[5].size())) : QString();
    return true;
}

/// A metric value as the SQL store compares it: every NaN alike, -0 equal to 0.
quint64 valueKey(double v)
{
    if (std::isnan(v))
        return 0x7ff8000000000000ULL;
    if (v == 0)
        v = 0.0;  // -0 as well
    quint64 bits = 0;
    std::memcpy(&bits, &v, sizeof bits);
    return bits;
}

/// Removes from points[from…] every point equal (by `keyOf`) to an earlier one of that range,
/// keeping the order. MLflow 3 appends a duplicate line to a metric file when logging a model
/// re-logs the run's metrics; its SQL store keeps one row, so both stores read the same. A
/// duplicate repeats an earlier (timestamp, step), so a file where that pair only grows (the
/// usual one: steps logged in order, several within a millisecond) is left alone without
/// building the set.
template<typename Point, typename KeyOf>
void dropRepeatedPoints(QList<Point> &points, qsizetype from, KeyOf keyOf)
{
    bool increasing = true;
    for (qsizetype i = from + 1; i < points.size() && increasing; ++i) {
        const Point &a = std::as_const(points)[i - 1];
        const Point &b = std::as_const(points)[i];
        increasing = std::tie(a.timestamp, a.step) < std::tie(b.timestamp, b.step);
    }
    if (increasing)
        return;
    std::set<decltype(keyOf(points[from]))> seen;
    qsizetype out = from;
    for (qsizetype i = from; i < points.size(); ++i) {
        if (!seen.insert(keyOf(points[i])).second)
            continue;
        if (out != i)
            points[out] = std::move(points[i]);
        ++out;
    }
    points.resize(out);
}

QString textOf(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

/// The digits of a numeric id without leading zeros; empty when `id` is not all digits.
QStringView numericPart(const QString &id)
{
    if (id.isEmpty())
        return {};
    for (const QChar c : id)
        if (c < u'0' || c > u'9')
            return {};
    QStringView v(id);
    while (v.size() > 1 && v.front() == u'0')
        v = v.mid(1);
    return v;
}

/// Experiment ids are numbers in MLflow (the file store's are random 18-digit ones since MLflow
/// 2.x, "0" is the default experiment): compared as numbers of any length, without converting them
/// (so nothing overflows or rounds), before ids that are not numbers, which compare as text.
bool experimentIdLess(const QString &a, const QString &b)
{
    const QStringView an = numericPart(a);
    const QStringView bn = numericPart(b);
    if (!an.isEmpty() && !bn.isEmpty()) {
        if (an.size() != bn.size())
            return an.size() < bn.size();
        if (const int c = an.compare(bn); c != 0)
            return c < 0;
        return a < b;  // "007" and "7": any fixed order
    }
    if (an.isEmpty() != bn.isEmpty())
        return !an.isEmpty();
    return a < b;
}

using ProblemFn = std::function<void(const Error &)>;

/// A folder's meta.yaml: its path, which the problems it gives name, and its mapping.
struct MetaFile {
    QString path;
    YAML::Node node;
};

/// The meta.yaml in `dir`; nullopt, with the problem, when it cannot be read or holds no mapping.
std::optional<MetaFile> readMetaFile(const QString &dir, const ProblemFn &problem)
{
    MetaFile meta{joinPath(dir, kMetaFile), YAML::Node()};
    auto node = loadYamlMap(meta.path);
    if (!node) {
        problem(node.error());
        return std::nullopt;
    }
    meta.node = std::move(*node);
    return meta;
}

/// The lifecycle stage of an experiment, run or LoggedModel: deleted when `deleted` (in the trash,
/// or in a deleted experiment), else what its meta.yaml says, active when it says nothing.
QString lifecycleStage(const YAML::Node &m, bool deleted)
{
    const QString stage = yStr(m, "lifecycle_stage");
    return deleted ? kDeleted : (stage.isEmpty() ? kActive : stage);
}

/// Reads every metric file below `dir` into `out`: a point per line that is not blank, parsed by
/// `parse(line, point)` with the point's key preset to the file's name; a line repeated in one file
/// (MLflow 3 writes one when it logs a model) is read once, two lines being the same when
/// `identity` says so. A malformed line, or a file without lines, is a problem naming the file (and
/// line); `expected` (a QT_TRANSLATE_NOOP of context FileStoreSource) says what a line must hold.
template <typename Point, typename Parse, typename Identity>
void readMetricFiles(const QString &dir, QList<Point> &out, const char *expected, Parse parse, Identity identity,
                     const ProblemFn &problem)
{
    for (const FileEntry &f : filesUnder(dir)) {
        auto bytes = readBytes(f.path);
        if (!bytes) {
            problem(bytes.error());
            continue;
        }
        const QByteArray &data = *bytes;
        const char *p = data.constData();
        const char *end = p + data.size();
        qint64 lineNo = 0;
        const qsizetype first = out.size();
        Point point;
        point.key = f.key;
        while (p < end) {
            const char *nl = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)));
            const char *lineEnd = nl ? nl : end;
            ++lineNo;
            const std::string_view line(p, size_t(lineEnd - p));
            p = nl ? nl + 1 : end;
            if (line.find_first_not_of(" \t\r\v\f") == std::string_view::npos)
                continue;
            if (!parse(line, point)) {
                problem(makeError(ErrorCategory::BadInput, QCoreApplication::translate("FileStoreSource", expected),
                                  whereLine(f.path, lineNo)));
                continue;
            }
            out.append(point);
        }
        dropRepeatedPoints(out, first, identity);
        if (lineNo == 0)
            problem(makeError(ErrorCategory::BadInput,
                              QCoreApplication::translate("FileStoreSource", "the metric file holds no values"), f.path));
    }
}

/// The files below `dir` as key/value pairs (MLflow's tags and params layout), sorted by key.
QList<KeyValue> keyValuesUnder(const QString &dir, const ProblemFn &problem)
{
    QList<KeyValue> out;
    const QList<FileEntry> files = filesUnder(dir);
    out.reserve(files.size());
    for (const FileEntry &f : files) {
        auto bytes = readBytes(f.path);
        if (!bytes) {
            problem(bytes.error());
            continue;
        }
        // MLflow writes the value as is, without a trailing newline, and reads the whole file.
        out.append(KeyValue{f.key, textOf(*bytes)});
    }
    return out;
}

std::optional<ModelVersion> readVersionFolder(const QString &dir, const QString &modelName, const ProblemFn &problem)
{
    const auto meta = readMetaFile(dir, problem);
    if (!meta)
        return std::nullopt;
    const YAML::Node &m = meta->node;
    ModelVersion v;
    auto number = yInt(m, "version");
    if (!number)
        number = parseInt(QFileInfo(dir).fileName().mid(kVersionPrefix.size()).toStdString());
    if (!number || *number <= 0) {
        problem(makeError(ErrorCategory::BadInput,
                          QCoreApplication::translate("FileStoreSource", "the field version is missing or invalid"),
                          meta->path));
        return std::nullopt;
    }
    v.version = *number;
    v.name = modelName;
    v.creationTime = yInt(m, "creation_timestamp").value_or(0);
    v.lastUpdatedTime = yInt(m, "last_updated_timestamp").value_or(0);
    const QString stage = yStr(m, "current_stage");
    v.currentStage = stage.isEmpty() ? kStageNone : stage;
    v.description = yStr(m, "description");
    v.userId = yStr(m, "user_id");
    v.source = yStr(m, "source");
    v.runId = yStr(m, "run_id");
    if (hasField(m, "status"))
        v.status = yStr(m, "status");
    v.statusMessage = yStr(m, "status_message");
    v.runLink = yStr(m, "run_link");
    // MLflow 3's file store records the LoggedModel a version registers; its SQL store and
    // servers only have the `models:/m-…` source.
    v.modelId = yStr(m, "model_id");
    if (v.modelId.isEmpty())
        v.modelId = ModelVersion::modelIdFromSource(v.source);
    v.tags = keyValuesUnder(joinPath(dir, kTagsFolder), problem);
    return v;
}

Result<RegisteredModel> readModelFolder(const QString &dir, const ProblemFn &problem)
{
    const QString metaPath = joinPath(dir, kMetaFile);
    auto meta = loadYamlMap(metaPath);
    if (!meta)
        return meta.error();
    const YAML::Node &m = *meta;
    RegisteredModel model;
    model.name = yStr(m, "name");
    if (model.name.isEmpty())
        model.name = QFileInfo(dir).fileName();
    model.creationTime = yInt(m, "creation_timestamp").value_or(0);
    model.lastUpdatedTime = yInt(m, "last_updated_timestamp").value_or(0);
    model.description = yStr(m, "description");
    model.tags = keyValuesUnder(joinPath(dir, kTagsFolder), problem);

    std::map<QString, qint64> aliases;
    // MLflow reads the aliases/ folder only; the meta.yaml copy counts only when there is no
    // folder (a crash between the two files of an alias write must not bring a deleted alias back).
    const YAML::Node metaAliases = m["aliases"];
    if (!QFileInfo(joinPath(dir, kAliasesFolder)).isDir() && metaAliases.IsDefined() && metaAliases.IsMap()) {
        for (const auto &kv : metaAliases) {
            if (!kv.first.IsScalar() || !kv.second.IsScalar())
                continue;
            if (const auto version = parseInt(kv.second.Scalar()))
                aliases[QString::fromStdString(kv.first.Scalar())] = *version;
        }
    }
    for (const FileEntry &f : filesUnder(joinPath(dir, kAliasesFolder))) {
        auto bytes = readBytes(f.path);
        if (!bytes) {
            problem(bytes.error());
            continue;
        }
        const auto version = parseInt(bytes->trimmed().toStdString());
        if (!version) {
            problem(makeError(ErrorCategory::BadInput,
                              QCoreApplication::translate("FileStoreSource", "the alias does not hold a version number"),
                              f.path));
            continue;
        }
        aliases[f.key] = *version;
    }
    for (const auto &[alias, version] : aliases)
        model.aliases.append(ModelAlias{alias, version});

    for (const QString &name : subdirs(dir)) {
        if (!name.startsWith(kVersionPrefix))
            continue;
        auto v = readVersionFolder(joinPath(dir, name), model.name, problem);
        if (!v || v->currentStage == kStageDeletedInternal)
            continue;
        for (const ModelAlias &a : std::as_const(model.aliases))
            if (a.version == v->version)
                v->aliases.append(a.alias);
        model.versions.append(std::move(*v));
    }
    std::sort(model.versions.begin(), model.versions.end(),
              [](const ModelVersion &a, const ModelVersion &b) { return a.version < b.version; });
    return model;
}

class Reader {
public:
    Reader(const QString &root, const QString &uri, ImportSink &sink, const std::atomic_bool &cancel)
        : m_root(root), m_uri(uri), m_sink(sink), m_cancel(cancel)
    {
    }

    Status readAll();

private:
    struct ExperimentEntry {
        Experiment experiment;
        QString dir;
        QStringList runDirs;
        QStringList loggedModelDirs;  ///< MLflow 3: `<exp>/models/<model_id>`, sorted
    };

    void problem(Error e) { m_sink.problem(ReadProblem{std::move(e)}); }
    std::optional<MetaFile> readMeta(const QString &dir)
    {
        return readMetaFile(dir, [this](const Error &e) { problem(e); });
    }
    /// False, with a problem naming `metaPath`, when the meta.yaml `m` of a run or LoggedModel in
    /// `exp` names another experiment: MLflow ignores it. `message` is a QT_TRANSLATE_NOOP of
    /// context FileStoreSource, %1 the experiment named and %2 the one it lies in.
    bool inExperiment(const YAML::Node &m, const ExperimentEntry &exp, const char *message, const QString &metaPath);
    Status cancelled() const
    {
        return makeError(ErrorCategory::Cancelled,
                         QCoreApplication::translate("FileStoreSource", "reading was cancelled"), m_uri);
    }

    std::optional<ExperimentEntry> readExperiment(const QString &dir, bool trashed);
    QList<KeyValue> readKeyValues(const QString &dir);
    std::optional<Run> readRun(const ExperimentEntry &exp, const QString &runDir);
    void readMetrics(const QString &dir, Run &run);
    void readInputs(const ExperimentEntry &exp, const QString &runDir, Run &run);
    void readOutputs(const QString &runDir, Run &run);
    std::optional<LoggedModel> readLoggedModel(const ExperimentEntry &exp, const QString &dir);
    void readModelMetrics(const QString &dir, LoggedModel &model);
    const std::optional<DatasetInput> &dataset(const QString &expDir, const QString &datasetId);

    QString m_root;
    QString m_uri;
    ImportSink &m_sink;
    const std::atomic_bool &m_cancel;
    // Datasets are shared by the runs of an experiment: parse (and report) each one once.
    QHash<QString, std::optional<DatasetInput>> m_datasets;
};

std::optional<Reader::ExperimentEntry> Reader::readExperiment(const QString &dir, bool trashed)
{
    const auto meta = readMeta(dir);
    if (!meta)
        return std::nullopt;
    const YAML::Node &m = meta->node;
    ExperimentEntry entry;
    entry.dir = dir;
    Experiment &e = entry.experiment;
    e.experimentId = yStr(m, "experiment_id");
    if (e.experimentId.isEmpty()) {
        problem(makeError(ErrorCategory::BadInput,
                          QCoreApplication::translate("FileStoreSource", "the field experiment_id is missing"),
                          meta->path));
        return std::nullopt;
    }
    const QString folderName = QFileInfo(dir).fileName();
    if (e.experimentId != folderName) {
        // MLflow ignores such an experiment as well.
        problem(makeError(ErrorCategory::BadInput,
                          QCoreApplication::translate("FileStoreSource",
                                                      "experiment_id %1 does not match its folder %2")
                              .arg(e.experimentId, folderName),
                          meta->path));
        return std::nullopt;
    }
    e.name = yStr(m, "name");
    e.artifactLocation = yStr(m, "artifact_location");
    e.lifecycleStage = lifecycleStage(m, trashed);
    e.creationTime = yInt(m, "creation_time").value_or(0);
    e.lastUpdateTime = yInt(m, "last_update_time").value_or(0);
    e.tags = readKeyValues(joinPath(dir, kTagsFolder));

    for (const QString &name : subdirs(dir)) {
        if (name == kTagsFolder || name == kDatasetsFolder || name == kTracesFolder || name == kModelsFolder)
            continue;
        entry.runDirs.append(joinPath(dir, name));
    }
    const QString modelsDir = joinPath(dir, kModelsFolder);
    for (const QString &name : subdirs(modelsDir)) {
        if (!name.startsWith(u'.'))
            entry.loggedModelDirs.append(joinPath(modelsDir, name));
    }
    return entry;
}

QList<KeyValue> Reader::readKeyValues(const QString &dir)
{
    return keyValuesUnder(dir, [this](const Error &e) { problem(e); });
}

void Reader::readMetrics(const QString &dir, Run &run)
{
    readMetricFiles(
        dir, run.history,
        QT_TRANSLATE_NOOP("FileStoreSource", "malformed metric line (expected \"timestamp value step\")"),
        [](std::string_view line, MetricPoint &p) { return parseMetricLine(line, p); },
        [](const MetricPoint &p) { return std::tuple(p.timestamp, p.step, valueKey(p.value)); },
        [this](const Error &e) { problem(e); });
}

const std::optional<DatasetInput> &Reader::dataset(const QString &expDir, const QString &datasetId)
{
    const QString dir = joinPath(joinPath(expDir, kDatasetsFolder), datasetId);
    auto it = m_datasets.constFind(dir);
    if (it != m_datasets.constEnd())
        return *it;
    std::optional<DatasetInput> result;
    if (const auto meta = readMeta(dir)) {
        const YAML::Node &m = meta->node;
        DatasetInput d;
        d.name = yStr(m, "name");
        d.digest = yStr(m, "digest");
        d.sourceType = yStr(m, "source_type");
        d.source = yStr(m, "source");
        d.schema = yStr(m, "schema");
        d.profile = yStr(m, "profile");
        result = std::move(d);
    }
    return *m_datasets.insert(dir, std::move(result));
}

void Reader::readInputs(const ExperimentEntry &exp, const QString &runDir, Run &run)
{
    const QString inputsDir = joinPath(runDir, kInputsFolder);
    for (const QString &name : subdirs(inputsDir)) {
        const auto meta = readMeta(joinPath(inputsDir, name));
        if (!meta)
            continue;
        const YAML::Node &m = meta->node;
        const QString sourceType = yStr(m, "source_type");
        if (sourceType == QLatin1StringView("MODEL")) {
            // MLflow 3: a LoggedModel the run used (REST: inputs.model_inputs).
            const QString modelId = yStr(m, "source_id");
            if (modelId.isEmpty()) {
                problem(makeError(ErrorCategory::BadInput,
                                  QCoreApplication::translate("FileStoreSource", "the field source_id is missing"),
                                  meta->path));
                continue;
            }
            run.modelInputs.append(ModelIo{modelId, 0});
            continue;
        }
        if (sourceType != QLatin1StringView("DATASET"))
            continue;
        const QString datasetId = yStr(m, "source_id");
        if (datasetId.isEmpty() || datasetId.contains(u'/') || datasetId.startsWith(u'.')) {
            problem(makeError(ErrorCategory::BadInput,
                              QCoreApplication::translate("FileStoreSource", "the field source_id is missing or invalid"),
                              meta->path));
            continue;
        }
        const std::optional<DatasetInput> &d = dataset(exp.dir, datasetId);
        if (!d)
            continue;
        DatasetInput input = *d;
        const YAML::Node tags = m["tags"];
        if (tags.IsDefined() && tags.IsMap())
            input.context = yStr(tags, "mlflow.data.context");
        run.inputs.append(std::move(input));
    }
}

void Reader::readOutputs(const QString &runDir, Run &run)
{
    // MLflow 3: `outputs/<model_id>/meta.yaml` for each LoggedModel the run logged
    // (REST: outputs.model_outputs).
    const QString outputsDir = joinPath(runDir, kOutputsFolder);
    for (const QString &name : subdirs(outputsDir)) {
        const auto meta = readMeta(joinPath(outputsDir, name));
        if (!meta)
            continue;
        const YAML::Node &m = meta->node;
        if (yStr(m, "destination_type") != QLatin1StringView("MODEL_OUTPUT"))
            continue;
        const QString modelId = yStr(m, "destination_id");
        const auto step = hasField(m, "step") ? yInt(m, "step") : std::optional<qint64>(0);
        if (modelId.isEmpty() || !step) {
            problem(makeError(ErrorCategory::BadInput,
                              QCoreApplication::translate("FileStoreSource",
                                                          "the field destination_id or step is missing or invalid"),
                              meta->path));
            continue;
        }
        run.modelOutputs.append(ModelIo{modelId, *step});
    }
}

void Reader::readModelMetrics(const QString &dir, LoggedModel &model)
{
    readMetricFiles(
        dir, model.metrics,
        QT_TRANSLATE_NOOP("FileStoreSource",
                          "malformed metric line (expected \"timestamp value step run_id [dataset_name dataset_digest]\")"),
        [](std::string_view line, LoggedModelMetric &m) { return parseModelMetricLine(line, m); },
        [](const LoggedModelMetric &m) {
            return std::tuple(m.timestamp, m.step, valueKey(m.value), m.runId, m.datasetName, m.datasetDigest);
        },
        [this](const Error &e) { problem(e); });
    // The order LoggedModel documents (and the cache reads back): key, dataset, step, time.
    std::stable_sort(model.metrics.begin(), model.metrics.end(),
                     [](const LoggedModelMetric &a, const LoggedModelMetric &b) {
                         return std::tie(a.key, a.datasetName, a.step, a.timestamp)
                             < std::tie(b.key, b.datasetName, b.step, b.timestamp);
                     });
}

bool Reader::inExperiment(const YAML::Node &m, const ExperimentEntry &exp, const char *message,
                          const QString &metaPath)
{
    const QString expId = yStr(m, "experiment_id");
    if (expId.isEmpty() || expId == exp.experiment.experimentId)
        return true;
    problem(makeError(ErrorCategory::BadInput,
                      QCoreApplication::translate("FileStoreSource", message).arg(expId, exp.experiment.experimentId),
                      metaPath));
    return false;
}

std::optional<LoggedModel> Reader::readLoggedModel(const ExperimentEntry &exp, const QString &dir)
{
    const auto meta = readMeta(dir);
    if (!meta)
        return std::nullopt;
    const YAML::Node &m = meta->node;
    LoggedModel model;
    const QString folderName = QFileInfo(dir).fileName();
    model.modelId = yStr(m, "model_id");
    if (model.modelId.isEmpty())
        model.modelId = folderName;
    if (model.modelId != folderName) {
        // MLflow finds a LoggedModel by its folder: the file describes another model.
        problem(makeError(ErrorCategory::BadInput,
                          QCoreApplication::translate("FileStoreSource", "model_id %1 does not match its folder %2")
                              .arg(model.modelId, folderName),
                          meta->path));
        return std::nullopt;
    }
    if (!inExperiment(m, exp,
                      QT_TRANSLATE_NOOP("FileStoreSource", "the LoggedModel names experiment %1 but lies in experiment %2"),
                      meta->path))
        return std::nullopt;
    model.experimentId = exp.experiment.experimentId;
    model.name = yStr(m, "name");
    model.artifactLocation = yStr(m, "artifact_location");
    model.sourceRunId = yStr(m, "source_run_id");
    // The file store writes LoggedModelStatus' number (2 = READY).
    model.status = loggedModelStatusName(yStr(m, "status"));
    model.statusMessage = yStr(m, "status_message");
    model.modelType = yStr(m, "model_type");
    model.lifecycleStage = lifecycleStage(m, exp.experiment.lifecycleStage == kDeleted);
    model.creationTime = yInt(m, "creation_timestamp").value_or(0);
    model.lastUpdatedTime = yInt(m, "last_updated_timestamp").value_or(0);
    model.params = readKeyValues(joinPath(dir, kParamsFolder));
    model.tags = readKeyValues(joinPath(dir, kTagsFolder));
    readModelMetrics(joinPath(dir, kMetricsFolder), model);
    return model;
}

std::optional<Run> Reader::readRun(const ExperimentEntry &exp, const QString &runDir)
{
    const auto meta = readMeta(runDir);
    if (!meta)
        return std::nullopt;
    const YAML::Node &m = meta->node;
    Run run;
    run.runId = yStr(m, "run_id");
    if (run.runId.isEmpty())
        run.runId = yStr(m, "run_uuid");
    if (run.runId.isEmpty()) {
        problem(makeError(ErrorCategory::BadInput,
                          QCoreApplication::translate("FileStoreSource", "the field run_id is missing"), meta->path));
        return std::nullopt;
    }
    if (!inExperiment(m, exp,
                      QT_TRANSLATE_NOOP("FileStoreSource", "the run names experiment %1 but lies in experiment %2"),
                      meta->path))
        return std::nullopt;
    run.experimentId = exp.experiment.experimentId;

    // The file store keeps the status as RunStatus' number; a missing status means RUNNING.
    if (hasField(m, "status")) {
        const QString raw = yStr(m, "status");
        const auto code = parseInt(m["status"].Scalar());
        run.status = code ? runStatusName(int(*code)) : QString();
        if (run.status.isEmpty()) {
            problem(makeError(ErrorCategory::BadInput,
                              QCoreApplication::translate("FileStoreSource", "unknown run status %1").arg(raw),
                              meta->path));
            return std::nullopt;
        }
    } else {
        run.status = runStatusName(1);
    }
    run.runName = yStr(m, "run_name");
    run.userId = yStr(m, "user_id");
    run.startTime = yInt(m, "start_time").value_or(0);
    run.endTime = yInt(m, "end_time");
    run.artifactUri = yStr(m, "artifact_uri");
    run.lifecycleStage = lifecycleStage(m, exp.experiment.lifecycleStage == kDeleted);

    run.params = readKeyValues(joinPath(runDir, kParamsFolder));
    run.tags = readKeyValues(joinPath(runDir, kTagsFolder));
    if (run.runName.isEmpty()) {
        for (const KeyValue &t : std::as_const(run.tags))
            if (t.key == QLatin1StringView("mlflow.runName"))
                run.runName = t.value;
    }
    readMetrics(joinPath(runDir, kMetricsFolder), run);
    run.hasHistory = true;
    run.computeLatestFromHistory();
    readInputs(exp, runDir, run);
    readOutputs(runDir, run);
    const auto byModel = [](const ModelIo &a, const ModelIo &b) {
        return std::tie(a.modelId, a.step) < std::tie(b.modelId, b.step);
    };
    std::sort(run.modelInputs.begin(), run.modelInputs.end(), byModel);
    std::sort(run.modelOutputs.begin(), run.modelOutputs.end(), byModel);
    return run;
}

Status Reader::readAll()
{
    QList<ExperimentEntry> experiments;
    QSet<QString> seen;
    const auto collect = [&](const QString &parent, bool trashed) {
        for (const QString &name : subdirs(parent)) {
            if (name.startsWith(u'.') || (!trashed && name == kModelsFolder))
                continue;
            auto entry = readExperiment(joinPath(parent, name), trashed);
            // An id both active and in the trash: MLflow finds the active one first.
            if (!entry || seen.contains(entry->experiment.experimentId))
                continue;
            seen.insert(entry->experiment.experimentId);
            experiments.append(std::move(*entry));
        }
    };
    collect(m_root, false);
    collect(joinPath(m_root, kTrashFolder), true);
    std::sort(experiments.begin(), experiments.end(), [](const ExperimentEntry &a, const ExperimentEntry &b) {
        return experimentIdLess(a.experiment.experimentId, b.experiment.experimentId);
    });

    qint64 totalRuns = 0;
    for (const ExperimentEntry &e : std::as_const(experiments))
        totalRuns += e.runDirs.size();
    m_sink.expectRuns(totalRuns);

    for (const ExperimentEntry &e : std::as_const(experiments)) {
        if (m_cancel.load())
            return cancelled();
        if (Status s = m_sink.experiment(e.experiment); !s)
            return s;
        for (const QString &runDir : e.runDirs) {
            if (m_cancel.load())
                return cancelled();
            auto run = readRun(e, runDir);
            if (!run)
                continue;
            if (Status s = m_sink.run(*run); !s)
                return s;
        }
        for (const QString &modelDir : e.loggedModelDirs) {
            if (m_cancel.load())
                return cancelled();
            auto model = readLoggedModel(e, modelDir);
            if (!model)
                continue;
            if (Status s = m_sink.loggedModel(*model); !s)
                return s;
        }
    }

    const QString modelsDir = joinPath(m_root, kModelsFolder);
    QList<RegisteredModel> models;
    for (const QString &name : subdirs(modelsDir)) {
        if (m_cancel.load())
            return cancelled();
        auto model = readModelFolder(joinPath(modelsDir, name), [this](const Error &e) { problem(e); });
        if (model)
            models.append(std::move(*model));
        else
            problem(model.error());
    }
    std::sort(models.begin(), models.end(),
              [](const RegisteredModel &a, const RegisteredModel &b) { return a.name < b.name; });
    for (const RegisteredModel &model : std::as_const(models)) {
        if (m_cancel.load())
            return cancelled();
        if (Status s = m_sink.registeredModel(model); !s)
            return s;
    }
    return {};
}

} // namespace

Result<RegisteredModel> FileStoreSource::readModelFolder(const QString &modelDir,
                                                         const std::function<void(const Error &)> &problem)
{
    return md::readModelFolder(QDir::cleanPath(QFileInfo(modelDir).absoluteFilePath()), problem);
}

FileStoreSource::FileStoreSource(QString rootPath)
    : m_root(QDir::cleanPath(QFileInfo(rootPath).absoluteFilePath()))
{
}

QString FileStoreSource::uri() const
{
    return QUrl::fromLocalFile(m_root).toString();
}

bool FileStoreSource::looksLikeFileStore(const QString &dir)
{
    const QFileInfo info(dir);
    if (!info.isDir())
        return false;
    const QDir d(dir);
    if (QFileInfo(d.filePath(kModelsFolder)).isDir() || QFileInfo(d.filePath(kTrashFolder)).isDir())
        return true;
    for (const QString &name : d.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile meta(d.filePath(name) + u'/' + kMetaFile);
        if (!meta.open(QIODevice::ReadOnly))
            continue;
        // An experiment's meta.yaml is a few hundred bytes; the key is near its start.
        if (meta.read(64 * 1024).contains("experiment_id:"))
            return true;
    }
    return false;
}

Status FileStoreSource::open()
{
    const QFileInfo info(m_root);
    if (!info.exists())
        return makeError(ErrorCategory::NotFound,
                         QCoreApplication::translate("FileStoreSource", "the folder does not exist"), m_root);
    if (!info.isDir())
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "not a folder"), m_root);
    if (!info.isReadable() || !info.isExecutable())
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "the folder cannot be read"), m_root);
    if (!looksLikeFileStore(m_root))
        return makeError(ErrorCategory::BadInput,
                         QCoreApplication::translate("FileStoreSource", "not an MLflow file store"), m_root);
    return {};
}

Status FileStoreSource::readAll(ImportSink &sink, const std::atomic_bool &cancel)
{
    if (Status s = open(); !s)
        return s;
    // Files are read and parsed on a worker while the caller writes what was read before.
    const QString where = uri();
    return relayToSink(
        [&](ImportSink &relay) {
            Reader reader(m_root, where, relay, cancel);
            return reader.readAll();
        },
        sink, cancel);
}

} // namespace md

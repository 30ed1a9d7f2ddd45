// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionDetails.h"

#include "cache/Cache.h"
#include "core/NumberFormat.h"
#include "core/TagNames.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// Model rows that come from MLmodel carry this key prefix: they are compared only when both
/// sides' artifacts are loaded.
const QString kArtifactKey = u"mlmodel."_s;

QString tagValue(const QList<KeyValue> &tags, const QString &key)
{
    for (const KeyValue &t : tags)
        if (t.key == key)
            return t.value;
    return {};
}

/// "384 rows × 12 columns" from MLflow's dataset profile ({"num_rows", "num_elements"}) and
/// schema ({"mlflow_colspec": [...]}, or a tensor spec); empty when neither says.
QString shapeOf(const DatasetInput &input)
{
    const QJsonObject profile = QJsonDocument::fromJson(input.profile.toUtf8()).object();
    const QJsonObject schema = QJsonDocument::fromJson(input.schema.toUtf8()).object();
    const qint64 rows = profile.value(u"num_rows"_s).toInteger(-1);
    qint64 columns = -1;
    if (schema.value(u"mlflow_colspec"_s).isArray())
        columns = schema.value(u"mlflow_colspec"_s).toArray().size();
    const qint64 elements = profile.value(u"num_elements"_s).toInteger(-1);
    if (columns < 0 && rows > 0 && elements >= 0 && elements % rows == 0)
        columns = elements / rows;
    if (rows >= 0 && columns >= 0)
        return VersionDetails::tr("%1 rows × %2 columns").arg(QLocale().toString(rows), QLocale().toString(columns));
    if (rows >= 0)
        return VersionDetails::tr("%1 rows").arg(QLocale().toString(rows));
    if (columns >= 0)
        return VersionDetails::tr("%1 columns").arg(QLocale().toString(columns));
    return {};
}

/// A dataset's source, e.g. "local: car_prices.csv", from MLflow's source JSON.
QString sourceOf(const DatasetInput &input)
{
    QString where = input.source;
    const QJsonObject o = QJsonDocument::fromJson(input.source.toUtf8()).object();
    for (const char *key : {"uri", "url", "path", "table_name"}) {
        const QString v = o.value(QLatin1String(key)).toString();
        if (!v.isEmpty()) {
            where = v;
            break;
        }
    }
    if (input.sourceType.isEmpty())
        return where;
    return where.isEmpty() ? input.sourceType : input.sourceType + u": "_s + where;
}

bool rowsDiffer(const DetailRow &a, const DetailRow &b)
{
    return a.value != b.value || ((a.compareDetail || b.compareDetail) && a.detail != b.detail);
}

/// The keys of both sides in display order: the left's order, each right-only key placed after
/// the key that precedes it on the right.
QStringList mergedKeys(const QList<DetailRow> &left, const QList<DetailRow> &right)
{
    QStringList keys;
    for (const DetailRow &r : left)
        keys.append(r.key);
    QSet<QString> known(keys.cbegin(), keys.cend());
    qsizetype insertAt = 0;
    for (const DetailRow &r : right) {
        const qsizetype found = keys.indexOf(r.key);
        if (found >= 0) {
            insertAt = found + 1;
            continue;
        }
        if (known.contains(r.key))
            continue;
        keys.insert(insertAt++, r.key);
        known.insert(r.key);
    }
    return keys;
}

const DetailRow *findRow(const QList<DetailRow> &rows, const QString &key)
{
    for (const DetailRow &r : rows)
        if (r.key == key)
            return &r;
    return nullptr;
}

} // namespace

// ---- VersionDetails ----

Result<VersionDetails> VersionDetails::fromCache(Cache &cache, qint64 sourceId, const QString &model, qint64 version)
{
    auto registered = cache.registeredModel(model, sourceId);
    if (!registered)
        return registered.error();
    const auto it = std::find_if(registered->versions.cbegin(), registered->versions.cend(),
                                 [&](const ModelVersion &v) { return v.version == version; });
    if (it == registered->versions.cend())
        return makeError(ErrorCategory::NotFound, tr("no such version in the cache"),
                         tr("%1 v%2").arg(model).arg(version));
    std::optional<Run> run;
    if (!it->runId.isEmpty()) {
        auto row = cache.run(it->runId, sourceId);
        if (row)
            run = row->run;
        else if (row.error().category != ErrorCategory::NotFound)
            return row.error();
    }
    std::optional<LoggedModel> loggedModel;
    const QString modelId = it->modelId.isEmpty() ? ModelVersion::modelIdFromSource(it->source) : it->modelId;
    if (!modelId.isEmpty()) {
        auto m = cache.loggedModel(modelId, sourceId);
        if (m)
            loggedModel = std::move(*m);
        else if (m.error().category != ErrorCategory::NotFound)
            return m.error();
    }
    return fromData(*it, run, loggedModel);
}

VersionDetails VersionDetails::fromData(const ModelVersion &version, const std::optional<Run> &run,
                                        const std::optional<LoggedModel> &loggedModel)
{
    VersionDetails d;
    d.m_version = version;
    d.m_run = run;
    d.m_loggedModel = loggedModel;
    return d;
}

QString VersionDetails::title() const
{
    return tr("%1 v%2").arg(m_version.name).arg(m_version.version);
}

QString VersionDetails::formatSize(qint64 bytes)
{
    if (bytes < 0)
        return tr("size unknown");
    const QLocale locale;
    if (bytes == 1)
        return tr("1 byte");
    if (bytes < 1024)
        return tr("%1 bytes").arg(locale.toString(bytes));
    return tr("%1 (%2 bytes)").arg(locale.formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat), locale.toString(bytes));
}

QString VersionDetails::formatTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(u"yyyy-MM-dd HH:mm:ss"_s) : QString();
}

QString VersionDetails::formatMetric(double value)
{
    return localNumber(value, QLocale::FloatingPointShortest);
}

QString VersionDetails::artifactsNote(bool *isError) const
{
    *isError = false;
    switch (m_artifacts.state) {
    case VersionArtifacts::State::NotLoaded: return tr("Artifacts not read yet.");
    case VersionArtifacts::State::Loading: return tr("Reading the artifacts…");
    case VersionArtifacts::State::Cancelled: return tr("Reading the artifacts was cancelled.");
    case VersionArtifacts::State::Failed:
        *isError = true;
        return tr("Cannot read the artifacts: %1")
            .arg(m_artifacts.error ? m_artifacts.error->toString() : tr("unknown error"));
    case VersionArtifacts::State::Loaded: return {};
    }
    return {};
}

DetailSection VersionDetails::modelSection() const
{
    DetailSection s{DetailSectionId::Model, tr("Model"), {}, {}, false, {}};
    auto add = [&s](const QString &key, const QString &label, const QString &value, const QString &detail = {}) {
        if (!value.isEmpty())
            s.rows.append(DetailRow{key, label, value, detail, false});
    };
    add(u"name"_s, tr("Name"), m_version.name);
    add(u"version"_s, tr("Version"), tr("v%1").arg(m_version.version));
    add(u"stage"_s, tr("Stage"), m_version.currentStage);
    add(u"aliases"_s, tr("Aliases"), m_version.aliases.join(u", "_s));
    const VersionArtifacts &a = m_artifacts;
    if (a.state == VersionArtifacts::State::Loaded) {
        add(kArtifactKey + u"flavors"_s, tr("Flavor"), a.flavors.join(u", "_s), a.mlmodelPath);
        add(kArtifactKey + u"loader"_s, tr("Loader"), a.loaderModule);
        add(kArtifactKey + u"python"_s, tr("Python"), a.pythonVersion);
        for (const KeyValue &lib : a.libraryVersions) {
            const QString field = lib.key.section(u'.', 1);
            add(kArtifactKey + u"lib."_s + lib.key, field.isEmpty() ? lib.key : field, lib.value,
                tr("%1 flavor").arg(lib.key.section(u'.', 0, 0)));
        }
        add(kArtifactKey + u"mlflow"_s, tr("MLflow"), a.mlflowVersion);
    }
    add(u"created"_s, tr("Created"), formatTime(m_version.creationTime));
    if (!m_version.userId.isEmpty())
        add(u"user"_s, tr("User"), m_version.userId);
    else if (m_run && !m_run->userId.isEmpty())
        add(u"user"_s, tr("User"), m_run->userId, tr("the source run's user"));
    add(u"status"_s, tr("Status"), m_version.status, m_version.statusMessage);
    if (!m_version.runId.isEmpty())
        add(u"run"_s, tr("Run"), m_run && !m_run->runName.isEmpty() ? m_run->runName : m_version.runId, m_version.runId);
    if (m_loggedModel)
        add(u"loggedModel"_s, tr("Logged model"),
            tr("%1 (%2)").arg(m_loggedModel->name, m_loggedModel->modelId),
            tr("MLflow 3 LoggedModel, %1; files at %2").arg(m_loggedModel->status, m_loggedModel->artifactLocation));
    else if (const QString id = ModelVersion::modelIdFromSource(m_version.source); !id.isEmpty())
        add(u"loggedModel"_s, tr("Logged model"), id, tr("not in the cache: sync the source to read it"));
    add(u"source"_s, tr("Source"), m_version.source);
    add(u"description"_s, tr("Description"), m_version.description);
    // A prompt version (MLflow 3's prompt registry) holds its template in a tag.
    add(u"template"_s, tr("Template"), tagValue(m_version.tags, kPromptTextTag));
    return s;
}

DetailSection VersionDetails::trainingSection() const
{
    DetailSection s{DetailSectionId::TrainingData, tr("Training data"), {}, {}, false, {}};
    if (!m_run) {
        s.note = m_version.runId.isEmpty() ? tr("This version names no run, so no dataset inputs.")
                                           : tr("The source run %1 is not in the cache.").arg(m_version.runId);
        return s;
    }
    for (const DatasetInput &in : m_run->inputs) {
        QStringList parts;
        if (const QString shape = shapeOf(in); !shape.isEmpty())
            parts.append(shape);
        if (!in.digest.isEmpty())
            parts.append(tr("digest %1").arg(in.digest));
        if (!in.context.isEmpty())
            parts.append(tr("context %1").arg(in.context));
        const QString name = in.name.isEmpty() ? tr("(unnamed dataset)") : in.name;
        s.rows.append(DetailRow{in.name + u'|' + in.context, name, parts.join(u" · "_s), sourceOf(in), true});
    }
    if (s.rows.isEmpty())
        s.note = tr("The run logged no dataset inputs.");
    return s;
}

DetailSection VersionDetails::performanceSection() const
{
    DetailSection s{DetailSectionId::Performance, tr("Performance"), {}, {}, false, {}};
    // MLflow 3: the LoggedModel's own metrics, each with the dataset it was measured on.
    if (m_loggedModel) {
        for (const LoggedModelMetric &m : m_loggedModel->metrics) {
            QString detail = tr("step %1").arg(m.step);
            if (!m.datasetName.isEmpty()) {
                QString context;
                if (m_run)
                    for (const DatasetInput &in : m_run->inputs)
                        if (in.name == m.datasetName && in.digest == m.datasetDigest)
                            context = in.context;
                detail = context.isEmpty()
                    ? tr("dataset %1, digest %2 · step %3").arg(m.datasetName, m.datasetDigest).arg(m.step)
                    : tr("dataset %1, digest %2, context %3 · step %4")
                          .arg(m.datasetName, m.datasetDigest, context)
                          .arg(m.step);
            }
            const QString label = m.datasetName.isEmpty() ? m.key : tr("%1 (%2)").arg(m.key, m.datasetName);
            s.rows.append(DetailRow{u"model|"_s + m.key + u'|' + m.datasetName + u'|' + QString::number(m.step), label,
                                    formatMetric(m.value), detail, false});
        }
    }
    if (m_run && s.rows.isEmpty()) {
        QList<MetricPoint> metrics = m_run->latestMetrics;
        std::sort(metrics.begin(), metrics.end(), [](const MetricPoint &a, const MetricPoint &b) { return a.key < b.key; });
        for (const MetricPoint &m : std::as_const(metrics))
            s.rows.append(DetailRow{m.key, m.key, formatMetric(m.value), tr("step %1").arg(m.step), false});
    }
    // A model folder keeps its score in version.txt (ModelFolderSource's tag).
    if (const QString best = tagValue(m_version.tags, tags::kBestScore); !best.isEmpty())
        s.rows.append(DetailRow{tags::kBestScore, tr("Best score"), best, tr("from version.txt"), false});
    if (s.rows.isEmpty())
        s.note = !m_run && !m_version.runId.isEmpty() ? tr("The source run %1 is not in the cache.").arg(m_version.runId)
                 : m_run                               ? tr("The run logged no metrics.")
                                                       : tr("This version names no run, so no metrics.");
    return s;
}

DetailSection VersionDetails::paramsSection() const
{
    DetailSection s{DetailSectionId::Hyperparameters, tr("Hyperparameters"), {}, {}, false, {}};
    if (m_loggedModel && !m_loggedModel->params.isEmpty()) {
        for (const KeyValue &p : m_loggedModel->params)
            s.rows.append(DetailRow{p.key, p.key, p.value, tr("of the logged model"), false});
        return s;
    }
    if (!m_run) {
        s.note = m_version.runId.isEmpty() ? tr("This version names no run, so no params.")
                                           : tr("The source run %1 is not in the cache.").arg(m_version.runId);
        return s;
    }
    QList<KeyValue> params = m_run->params;
    std::sort(params.begin(), params.end(), [](const KeyValue &a, const KeyValue &b) { return a.key < b.key; });
    for (const KeyValue &p : std::as_const(params))
        s.rows.append(DetailRow{p.key, p.key, p.value, {}, false});
    if (s.rows.isEmpty())
        s.note = tr("The run logged no params.");
    return s;
}

DetailSection VersionDetails::dependenciesSection() const
{
    DetailSection s{DetailSectionId::Dependencies, tr("Dependencies"), {}, {}, false, {}};
    s.note = artifactsNote(&s.noteIsError);
    if (m_artifacts.state != VersionArtifacts::State::Loaded)
        return s;
    for (const VersionArtifacts::Dependency &d : m_artifacts.dependencies) {
        const QString value = d.kind == "option"_L1 ? tr("(pip option)") : d.spec.isEmpty() ? tr("any version") : d.spec;
        s.rows.append(DetailRow{d.file + u'|' + d.kind + u'|' + d.name, d.name, value, d.file, false});
    }
    for (const Error &e : m_artifacts.problems)
        s.problems.append(e.toString());
    if (s.rows.isEmpty())
        s.note = m_artifacts.mlmodelPath.isEmpty()
            ? tr("No MLmodel, requirements.txt, conda.yaml or python_env.yaml among the artifacts.")
            : tr("No requirements.txt, conda.yaml or python_env.yaml beside %1.").arg(m_artifacts.mlmodelPath);
    return s;
}

DetailSection VersionDetails::artifactsSection() const
{
    DetailSection s{DetailSectionId::Artifacts, tr("Artifacts"), {}, {}, false, {}};
    s.note = artifactsNote(&s.noteIsError);
    if (m_artifacts.state != VersionArtifacts::State::Loaded)
        return s;
    for (const VersionArtifacts::File &f : m_artifacts.files)
        s.rows.append(DetailRow{f.path, f.path, formatSize(f.size),
                                f.sha256.isEmpty() ? f.note : tr("sha256 %1").arg(f.sha256), true});
    s.note = s.rows.isEmpty() ? tr("No artifacts in %1.").arg(m_artifacts.root) : tr("Read from %1").arg(m_artifacts.root);
    return s;
}

QList<DetailSection> VersionDetails::sections() const
{
    return {modelSection(),     trainingSection(),     performanceSection(),
            paramsSection(),    dependenciesSection(), artifactsSection()};
}

QString VersionDetails::toText() const
{
    QStringList out{u"# "_s + title()};
    const QList<DetailSection> all = sections();
    for (const DetailSection &s : all) {
        out.append(QString());
        out.append(u"## "_s + s.title);
        if (!s.note.isEmpty())
            out.append(s.note);
        for (const DetailRow &r : s.rows)
            out.append(r.detail.isEmpty() ? tr("- %1: %2").arg(r.label, r.value)
                                          : tr("- %1: %2 (%3)").arg(r.label, r.value, r.detail));
        for (const QString &p : s.problems)
            out.append(tr("! %1").arg(p));
    }
    return out.join(u'\n') + u'\n';
}

// ---- VersionDiff ----

int SectionDiff::count(RowChange change) const
{
    return int(std::count_if(rows.cbegin(), rows.cend(), [change](const DiffRow &r) { return r.change == change; }));
}

VersionDiff VersionDiff::compare(const VersionDetails &left, const VersionDetails &right)
{
    VersionDiff diff;
    diff.leftTitle = left.title();
    diff.rightTitle = right.title();
    const bool artifactsBoth = left.artifacts().state == VersionArtifacts::State::Loaded
        && right.artifacts().state == VersionArtifacts::State::Loaded;
    const QList<DetailSection> ls = left.sections();
    const QList<DetailSection> rs = right.sections();
    for (qsizetype i = 0; i < ls.size() && i < rs.size(); ++i) {
        const DetailSection &l = ls.at(i);
        const DetailSection &r = rs.at(i);
        SectionDiff sd;
        sd.id = l.id;
        sd.title = l.title;
        sd.leftNote = l.note;
        sd.rightNote = r.note;
        sd.noteIsError = l.noteIsError || r.noteIsError;
        const bool fromArtifacts = l.id == DetailSectionId::Dependencies || l.id == DetailSectionId::Artifacts;
        if (fromArtifacts && !artifactsBoth) {
            diff.sections.append(sd);
            continue;
        }
        const QStringList keys = mergedKeys(l.rows, r.rows);
        for (const QString &key : keys) {
            // "Version" always differs and says nothing: the titles show it.
            if (l.id == DetailSectionId::Model && key == "version"_L1)
                continue;
            if (l.id == DetailSectionId::Model && key.startsWith(kArtifactKey) && !artifactsBoth)
                continue;
            const DetailRow *a = findRow(l.rows, key);
            const DetailRow *b = findRow(r.rows, key);
            DiffRow row;
            row.key = key;
            row.label = a ? a->label : b->label;
            if (a) {
                row.left = a->value;
                row.leftDetail = a->detail;
            }
            if (b) {
                row.right = b->value;
                row.rightDetail = b->detail;
            }
            row.change = !a ? RowChange::Added : !b ? RowChange::Removed : rowsDiffer(*a, *b) ? RowChange::Changed
                                                                                              : RowChange::Unchanged;
            sd.rows.append(row);
        }
        diff.sections.append(sd);
    }
    return diff;
}

int VersionDiff::differences() const
{
    int n = 0;
    for (const SectionDiff &s : sections)
        n += s.count(RowChange::Added) + s.count(RowChange::Removed) + s.count(RowChange::Changed);
    return n;
}

QString VersionDiff::toText() const
{
    QStringList out{tr("# %1 → %2").arg(leftTitle, rightTitle)};
    for (const SectionDiff &s : sections) {
        out.append(QString());
        out.append(u"## "_s + s.title);
        if (!s.leftNote.isEmpty() && s.rows.isEmpty())
            out.append(tr("%1: %2").arg(leftTitle, s.leftNote));
        if (!s.rightNote.isEmpty() && s.rows.isEmpty())
            out.append(tr("%1: %2").arg(rightTitle, s.rightNote));
        for (const DiffRow &r : s.rows) {
            switch (r.change) {
            case RowChange::Unchanged: out.append(tr("  %1: %2").arg(r.label, r.left)); break;
            case RowChange::Added: out.append(tr("+ %1: %2").arg(r.label, r.right)); break;
            case RowChange::Removed: out.append(tr("− %1: %2").arg(r.label, r.left)); break;
            case RowChange::Changed: {
                const bool sameValue = r.left == r.right;
                out.append(sameValue ? tr("≠ %1: %2 (%3 → %4)").arg(r.label, r.left, r.leftDetail, r.rightDetail)
                                     : tr("≠ %1: %2 → %3").arg(r.label, r.left, r.right));
                break;
            }
            }
        }
    }
    return out.join(u'\n') + u'\n';
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#include "VersionDetails.h"

#include "cache/Cache.h"
#include "core/NumberFormat.h"
#include "core/TagNames.h"
#include "core/TimeFormat.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <cstdlib>

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

/// A `modeldesk.*` time tag (ISO 8601, "2026-11-27T10:15:00Z") in epoch ms; 0 when absent or unreadable.
qint64 isoTagMs(const QList<KeyValue> &tags, QLatin1StringView key)
{
    const QDateTime t = QDateTime::fromString(tagValue(tags, key), Qt::ISODate);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

/// "val_r2_score 0.88 · rmse 2,405.44", sorted by name, from an evidence object {name: value}.
QString metricsText(const QJsonObject &metrics)
{
    QStringList parts;
    QStringList keys = metrics.keys();
    keys.sort();
    for (const QString &k : std::as_const(keys)) {
        const QJsonValue v = metrics.value(k);
        parts.append(k + u' ' + (v.isDouble() ? VersionDetails::formatMetric(v.toDouble()) : v.toVariant().toString()));
    }
    return parts.join(u" · "_s);
}

} // namespace

// ---- ReviewState ----

ReviewState ReviewState::of(const ModelVersion &version, const QList<JournalEntry> &journal)
{
    ReviewState r;
    const QList<KeyValue> &tags = version.tags;
    r.requestedBy = tagValue(tags, tags::kReviewRequestedBy);
    r.requestedAtMs = isoTagMs(tags, tags::kReviewRequestedAt);
    const QString subject = version.name + u'/' + QString::number(version.version);

    const QString state = tagValue(tags, tags::kApprovalState);
    if (state == "approved"_L1 || state == "rejected"_L1) {
        r.decision = state == "approved"_L1 ? Decision::Approved : Decision::Rejected;
        r.decidedBy = tagValue(tags, tags::kApprovalBy);
        r.decidedAtMs = isoTagMs(tags, tags::kApprovalAt);
        r.note = tagValue(tags, tags::kApprovalNote);
        // The evidence is in the decider's journal: this one holds it when they decided here.
        const QString kind = r.decision == Decision::Approved ? u"approve"_s : u"reject"_s;
        const JournalEntry *best = nullptr;
        for (const JournalEntry &e : journal) {
            if (e.subject != subject || e.kind != kind || (!r.decidedBy.isEmpty() && e.user != r.decidedBy))
                continue;
            // The tag's time is taken before writing, the entry's after reading back: minutes apart
            // at most. Another decision by the same user is further away.
            constexpr qint64 kSlackMs = 60 * 60 * 1000;
            if (r.decidedAtMs > 0 && std::abs(e.timeMs - r.decidedAtMs) > kSlackMs)
                continue;
            if (!best || std::abs(e.timeMs - r.decidedAtMs) <= std::abs(best->timeMs - r.decidedAtMs))
                best = &e;
        }
        if (best)
            r.evidence = best->details.value(u"evidence"_s).toObject();
    } else {
        // No decision tags: this desktop's journal, unless the version was sent to review after it.
        for (const JournalEntry &e : journal) {
            if (e.subject != subject || (e.kind != "approve"_L1 && e.kind != "reject"_L1))
                continue;
            if (r.requestedAtMs > 0 && e.timeMs < r.requestedAtMs)
                continue;
            r.decision = e.kind == "approve"_L1 ? Decision::Approved : Decision::Rejected;
            r.decidedBy = e.user;
            r.decidedAtMs = e.timeMs;
            r.note = e.note;
            r.evidence = e.details.value(u"evidence"_s).toObject();
            r.decisionFromJournal = true;
        }
    }

    if (r.requestedBy.isEmpty()) {
        // Another tool moved it: the latest change a sync saw that put it where it is now.
        for (const JournalEntry &e : journal) {
            if (e.subject != subject || !e.kind.startsWith(u"observed."_s))
                continue;
            const QString field = e.details.value(u"field"_s).toString();
            const QString now = e.details.value(u"new"_s).toString();
            QString movedTo;
            // A stage change, or a version registered straight into Staging.
            if ((field == "stage"_L1 || field == "registered"_L1) && now == kStageStaging
                && version.currentStage == kStageStaging)
                movedTo = kStageStaging;
            else if (field.startsWith(u"alias:"_s) && now == QString::number(version.version)
                     && version.aliases.contains(field.mid(6)))
                movedTo = tr("alias %1").arg(field.mid(6));
            if (movedTo.isEmpty())
                continue;
            const qint64 end = qint64(e.details.value(u"window_end_ms"_s).toDouble());
            if (end < r.movedBeforeMs)
                continue;
            r.movedByAnotherTool = true;
            r.movedTo = movedTo;
            r.movedAfterMs = qint64(e.details.value(u"window_start_ms"_s).toDouble());
            r.movedBeforeMs = end > 0 ? end : e.timeMs;
        }
        if (version.currentStage == kStageStaging || version.aliases.contains(u"challenger"_s))
            r.movedByAnotherTool = true;
    }
    return r;
}

QString ReviewState::summary() const
{
    switch (decision) {
    case Decision::Approved:
        return decidedBy.isEmpty() ? tr("Approved") : tr("Approved by %1").arg(decidedBy);
    case Decision::Rejected:
        return decidedBy.isEmpty() ? tr("Rejected") : tr("Rejected by %1").arg(decidedBy);
    case Decision::None: break;
    }
    if (!requestedBy.isEmpty())
        return tr("Review requested by %1").arg(requestedBy);
    if (movedByAnotherTool)
        return tr("In review, moved by another tool");
    return {};
}

QString ReviewState::requesterText() const
{
    if (!requestedBy.isEmpty())
        return requestedBy;
    return movedByAnotherTool ? tr("unknown — moved by another tool") : QString();
}

QString ReviewState::movedWindowText() const
{
    if (!movedByAnotherTool || movedTo.isEmpty() || movedBeforeMs <= 0)
        return {};
    if (movedAfterMs <= 0)
        return tr("a sync saw it move to %1 before %2").arg(movedTo, localDateTime(movedBeforeMs));
    return tr("a sync saw it move to %1 between %2 and %3")
        .arg(movedTo, localDateTime(movedAfterMs), localDateTime(movedBeforeMs));
}

QString ReviewState::details() const
{
    QStringList lines;
    if (decision != Decision::None) {
        const QString what = decision == Decision::Approved ? tr("Approved") : tr("Rejected");
        lines.append(decidedAtMs > 0 ? tr("%1 by %2 on %3").arg(what, decidedBy, localDateTime(decidedAtMs))
                                     : tr("%1 by %2").arg(what, decidedBy));
        if (!note.isEmpty())
            lines.append(tr("Note: %1").arg(note));
        if (decisionFromJournal)
            lines.append(tr("(from this desktop's journal: the source holds no decision tags)"));
    }
    if (!requestedBy.isEmpty())
        lines.append(requestedAtMs > 0 ? tr("Review requested by %1 on %2").arg(requestedBy, localDateTime(requestedAtMs))
                                       : tr("Review requested by %1").arg(requestedBy));
    else if (movedByAnotherTool) {
        const QString window = movedWindowText();
        lines.append(window.isEmpty() ? tr("Requested by: %1").arg(requesterText())
                                      : tr("Requested by: %1; %2").arg(requesterText(), window));
    }
    return lines.join(u'\n');
}

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
    VersionDetails d = fromData(*it, run, loggedModel);
    d.m_isPrompt = d.m_isPrompt || registered->isPrompt();
    return d;
}

VersionDetails VersionDetails::fromData(const ModelVersion &version, const std::optional<Run> &run,
                                        const std::optional<LoggedModel> &loggedModel)
{
    VersionDetails d;
    d.m_version = version;
    d.m_isPrompt = tagValue(version.tags, kPromptTag).compare("true"_L1, Qt::CaseInsensitive) == 0;
    d.m_review = ReviewState::of(version, {});
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
    case VersionArtifacts::State::NotApplicable:
        return m_isPrompt ? tr("A prompt has no model files: its content is its template.")
                          : tr("This version has no model files.");
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
    if (m_isPrompt)
        add(u"kind"_s, tr("Kind"), tr("Prompt"), tr("MLflow's prompt registry: not a model, never promoted or rolled back"));
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
    add(u"created"_s, tr("Created"), localDateTime(m_version.creationTime));
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

DetailSection VersionDetails::reviewSection() const
{
    DetailSection s{DetailSectionId::Review, tr("Review"), {}, {}, false, {}};
    const ReviewState &r = m_review;
    if (m_isPrompt) {
        s.note = tr("Prompts are not reviewed.");
        return s;
    }
    if (r.isEmpty()) {
        s.note = tr("No review asked for or decided.");
        return s;
    }
    auto add = [&s](const QString &key, const QString &label, const QString &value, const QString &detail = {}) {
        if (!value.isEmpty())
            s.rows.append(DetailRow{key, label, value, detail, false});
    };
    if (!r.requestedBy.isEmpty())
        add(u"requestedBy"_s, tr("Requested by"), r.requestedBy, localDateTime(r.requestedAtMs));
    else if (r.movedByAnotherTool)
        add(u"requestedBy"_s, tr("Requested by"), r.requesterText(), r.movedWindowText());
    switch (r.decision) {
    case ReviewState::Decision::None: add(u"decision"_s, tr("Decision"), tr("Not decided yet")); break;
    case ReviewState::Decision::Approved: add(u"decision"_s, tr("Decision"), tr("Approved")); break;
    case ReviewState::Decision::Rejected: add(u"decision"_s, tr("Decision"), tr("Rejected")); break;
    }
    if (r.decision == ReviewState::Decision::None)
        return s;
    add(u"decidedBy"_s, tr("By"), r.decidedBy,
        r.decisionFromJournal ? tr("from this desktop's journal: the source holds no decision tags") : QString());
    add(u"decidedAt"_s, tr("At"), localDateTime(r.decidedAtMs));
    add(u"note"_s, tr("Note"), r.note);
    if (r.evidence.isEmpty()) {
        add(u"evidence"_s, tr("Evidence"),
            tr("in the approver's journal, on %1's desktop: this desktop did not record the decision")
                .arg(r.decidedBy.isEmpty() ? tr("the approver") : r.decidedBy));
        return s;
    }
    // What the reviewer saw, as frozen with the decision.
    const QJsonObject dataset = r.evidence.value(u"dataset"_s).toObject();
    const QString datasetName = dataset.value(u"name"_s).toString();
    if (!datasetName.isEmpty())
        add(u"evidence.dataset"_s, tr("Compared on"),
            tr("%1 (digest %2)").arg(datasetName, dataset.value(u"digest"_s).toString()),
            dataset.value(u"context"_s).toString().isEmpty() ? QString()
                                                             : tr("context %1").arg(dataset.value(u"context"_s).toString()));
    for (const char *side : {"candidate", "production"}) {
        const QJsonObject o = r.evidence.value(QLatin1String(side)).toObject();
        if (o.isEmpty())
            continue;
        const qint64 v = qint64(o.value(u"version"_s).toDouble());
        const QString label = qstrcmp(side, "candidate") == 0 ? tr("Candidate v%1").arg(v) : tr("Production v%1").arg(v);
        const QString run = o.value(u"run_id"_s).toString();
        const QString runText = run.isEmpty() ? QString() : tr("run %1").arg(run);
        if (!datasetName.isEmpty() && o.contains(u"dataset_metrics"_s))
            add(u"evidence."_s + QLatin1String(side) + u".dataset"_s, tr("%1 on %2").arg(label, datasetName),
                metricsText(o.value(u"dataset_metrics"_s).toObject()), runText);
        add(u"evidence."_s + QLatin1String(side), label, metricsText(o.value(u"metrics"_s).toObject()), runText);
        if (o.contains(u"share"_s))
            add(u"evidence."_s + QLatin1String(side) + u".ab"_s, tr("%1 A/B share").arg(label),
                tr("%1 %").arg(o.value(u"share"_s).toVariant().toString()),
                o.contains(u"end"_s) ? tr("%1 to %2").arg(o.value(u"start"_s).toString(), o.value(u"end"_s).toString())
                                     : tr("since %1").arg(o.value(u"start"_s).toString()));
    }
    const QJsonArray evals = r.evidence.value(u"evaluation_runs"_s).toArray();
    for (const QJsonValue &ev : evals) {
        const QJsonObject o = ev.toObject();
        const QString name = o.value(u"run_name"_s).toString().isEmpty() ? o.value(u"run_id"_s).toString()
                                                                          : o.value(u"run_name"_s).toString();
        add(u"evidence.eval."_s + o.value(u"run_id"_s).toString(), tr("Evaluation run %1").arg(name),
            metricsText(o.value(u"metrics"_s).toObject()));
    }
    return s;
}

DetailSection VersionDetails::signatureSection() const
{
    DetailSection s{DetailSectionId::Signature, tr("Signature"), {}, {}, false, {}};
    s.note = artifactsNote(&s.noteIsError);
    if (m_artifacts.state != VersionArtifacts::State::Loaded)
        return s;
    if (m_artifacts.mlmodelPath.isEmpty()) {
        s.note = tr("No MLmodel among the artifacts, so no signature.");
        return s;
    }
    if (!m_artifacts.hasSignature) {
        s.note = tr("%1 records no signature (inputs and outputs).").arg(m_artifacts.mlmodelPath);
        return s;
    }
    auto addAll = [&](const QList<VersionArtifacts::SignatureField> &fields, const QString &kind) {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            const VersionArtifacts::SignatureField &f = fields.at(i);
            QString detail;
            if (kind == "input"_L1)
                detail = f.required ? tr("input") : tr("input, optional");
            else if (kind == "output"_L1)
                detail = tr("output");
            else
                detail = f.defaultValue.isEmpty() ? tr("parameter") : tr("parameter, default %1").arg(f.defaultValue);
            const QString name = f.name.isEmpty() ? tr("(unnamed %1)").arg(detail) : f.name;
            s.rows.append(DetailRow{kArtifactKey + u"sig."_s + kind + u'|' + (f.name.isEmpty() ? QString::number(i) : f.name),
                                    name, f.type, detail, true});
        }
    };
    addAll(m_artifacts.signatureInputs, u"input"_s);
    addAll(m_artifacts.signatureOutputs, u"output"_s);
    addAll(m_artifacts.signatureParams, u"param"_s);
    s.note = s.rows.isEmpty() ? tr("The signature in %1 lists no inputs or outputs.").arg(m_artifacts.mlmodelPath)
                              : tr("From %1").arg(m_artifacts.mlmodelPath);
    return s;
}

DetailSection VersionDetails::trainingSection() const
{
    DetailSection s{DetailSectionId::TrainingData, tr("Training data"), {}, {}, false, {}};
    if (m_isPrompt) {
        s.note = tr("A prompt has no training data.");
        return s;
    }
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
        s.note = m_isPrompt                            ? tr("A prompt has no metrics.")
                 : !m_run && !m_version.runId.isEmpty() ? tr("The source run %1 is not in the cache.").arg(m_version.runId)
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
    if (m_isPrompt) {
        s.note = tr("A prompt has no params.");
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
    return {modelSection(),  reviewSection(),    trainingSection(),     performanceSection(),
            paramsSection(), signatureSection(), dependenciesSection(), artifactsSection()};
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
        const bool fromArtifacts = l.id == DetailSectionId::Dependencies || l.id == DetailSectionId::Artifacts
            || l.id == DetailSectionId::Signature;
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

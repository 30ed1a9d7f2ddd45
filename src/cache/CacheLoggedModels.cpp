// SPDX-License-Identifier: GPL-3.0-or-later
// The Cache's MLflow 3 LoggedModels: written as one unit each, read with their params, tags and
// metrics.
#include "Cache.h"

#include <QCoreApplication>

namespace md {

namespace {

/// Gives lupdate and the runtime the same translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(Cache)
};

} // namespace

Status Cache::writeLoggedModel(qint64 sourceId, const LoggedModel &model)
{
    auto exp = experimentRowId(sourceId, model.experimentId);
    if (!exp)
        return exp.error();
    Transaction tx(m_db);
    if (!tx.begin())
        return tx.begin();
    // Replaced whole: its params, tags and metrics go with the old row.
    Statement &del = cached(QStringLiteral("DELETE FROM logged_models WHERE source_id = ? AND model_id = ?"));
    if (Status s = del.bind(1, sourceId).bind(2, model.modelId).exec(); !s)
        return s;
    Statement &ins = cached(QStringLiteral(
        "INSERT INTO logged_models (source_id, experiment, model_id, name, artifact_location, source_run_id, status,"
        " status_message, model_type, lifecycle_stage, creation_time, last_updated_time)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    ins.bind(1, sourceId).bind(2, *exp).bind(3, model.modelId).bind(4, model.name).bind(5, model.artifactLocation);
    ins.bind(6, model.sourceRunId).bind(7, model.status).bind(8, model.statusMessage).bind(9, model.modelType);
    ins.bind(10, model.lifecycleStage).bind(11, model.creationTime).bind(12, model.lastUpdatedTime);
    if (Status s = ins.exec(); !s)
        return s;
    const qint64 row = m_db.lastInsertRowId();
    for (const auto &[table, list] : {std::pair{QStringLiteral("logged_model_params"), &model.params},
                                      std::pair{QStringLiteral("logged_model_tags"), &model.tags}}) {
        Statement &st = cached(QStringLiteral("INSERT OR REPLACE INTO %1 VALUES (?, ?, ?)").arg(table));
        for (const KeyValue &kv : *list)
            if (Status s = st.bind(1, row).bind(2, kv.key).bind(3, kv.value).exec(); !s)
                return s;
    }
    Statement &metric = cached(QStringLiteral("INSERT INTO logged_model_metrics VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const LoggedModelMetric &m : model.metrics) {
        metric.bind(1, row).bind(2, m.key).bind(3, m.value).bind(4, m.timestamp).bind(5, m.step).bind(6, m.runId);
        metric.bind(7, m.datasetName).bind(8, m.datasetDigest);
        if (Status s = metric.exec(); !s)
            return s;
    }
    return tx.commit();
}

Result<QList<LoggedModel>> Cache::loggedModels(std::optional<qint64> sourceId, const QString &experimentId)
{
    Statement st = m_db.prepare(QStringLiteral(
        "SELECT m.id, m.model_id, e.experiment_id, m.name, m.artifact_location, m.source_run_id, m.status,"
        " m.status_message, m.model_type, m.lifecycle_stage, m.creation_time, m.last_updated_time"
        " FROM logged_models m JOIN experiments e ON e.id = m.experiment"
        " WHERE (?1 IS NULL OR m.source_id = ?1) AND (?2 = '' OR e.experiment_id = ?2)"
        " ORDER BY m.source_id, e.experiment_id, m.creation_time, m.model_id"));
    st.bind(1, sourceId).bind(2, experimentId.isNull() ? QStringLiteral("") : experimentId);
    QList<LoggedModel> out;
    QHash<qint64, qsizetype> index;
    while (st.next()) {
        LoggedModel m;
        m.modelId = st.text(1);
        m.experimentId = st.text(2);
        m.name = st.text(3);
        m.artifactLocation = st.text(4);
        m.sourceRunId = st.text(5);
        m.status = st.text(6);
        m.statusMessage = st.text(7);
        m.modelType = st.text(8);
        m.lifecycleStage = st.text(9);
        m.creationTime = st.int64(10);
        m.lastUpdatedTime = st.int64(11);
        index.insert(st.int64(0), out.size());
        out.append(m);
    }
    if (st.error())
        return *st.error();
    if (out.isEmpty())
        return out;
    // The children of every model selected, in one statement per table.
    const QString selected = QStringLiteral(
        "SELECT m.id FROM logged_models m JOIN experiments e ON e.id = m.experiment"
        " WHERE (?1 IS NULL OR m.source_id = ?1) AND (?2 = '' OR e.experiment_id = ?2)");
    for (const auto &[table, params] : {std::pair{QStringLiteral("logged_model_params"), true},
                                        std::pair{QStringLiteral("logged_model_tags"), false}}) {
        Statement kv = m_db.prepare(
            QStringLiteral("SELECT model, key, value FROM %1 WHERE model IN (%2) ORDER BY model, key").arg(table, selected));
        kv.bind(1, sourceId).bind(2, experimentId.isNull() ? QStringLiteral("") : experimentId);
        while (kv.next()) {
            LoggedModel &m = out[index.value(kv.int64(0))];
            (params ? m.params : m.tags).append(KeyValue{kv.text(1), kv.text(2)});
        }
        if (kv.error())
            return *kv.error();
    }
    Statement mt = m_db.prepare(QStringLiteral(
        "SELECT model, key, value, timestamp, step, run_uuid, dataset_name, dataset_digest FROM logged_model_metrics"
        " WHERE model IN (%1) ORDER BY model, key, dataset_name, step, timestamp").arg(selected));
    mt.bind(1, sourceId).bind(2, experimentId.isNull() ? QStringLiteral("") : experimentId);
    while (mt.next())
        out[index.value(mt.int64(0))].metrics.append(LoggedModelMetric{mt.text(1), mt.real(2), mt.int64(3), mt.int64(4),
                                                                       mt.text(5), mt.text(6), mt.text(7)});
    if (mt.error())
        return *mt.error();
    return out;
}

Result<LoggedModel> Cache::loggedModel(const QString &modelId, std::optional<qint64> sourceId)
{
    Statement st = m_db.prepare(QStringLiteral(
        "SELECT m.source_id, e.experiment_id FROM logged_models m JOIN experiments e ON e.id = m.experiment"
        " WHERE m.model_id = ?1 AND (?2 IS NULL OR m.source_id = ?2) ORDER BY m.source_id LIMIT 1"));
    st.bind(1, modelId).bind(2, sourceId);
    if (!st.next()) {
        if (st.error())
            return *st.error();
        return makeError(ErrorCategory::NotFound, Tr::tr("no LoggedModel with this id in the cache"), modelId);
    }
    auto all = loggedModels(st.int64(0), st.text(1));
    if (!all)
        return all.error();
    for (LoggedModel &m : *all)
        if (m.modelId == modelId)
            return std::move(m);
    return makeError(ErrorCategory::NotFound, Tr::tr("no LoggedModel with this id in the cache"), modelId);
}

} // namespace md

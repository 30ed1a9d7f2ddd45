// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewDialog.h"

#include "cache/Cache.h"
#include "core/MetricDirection.h"
#include "core/NumberFormat.h"
#include "core/TagNames.h"
#include "models/VersionsModel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

QString tagOf(const ModelVersion *v, const QString &key)
{
    if (v)
        for (const KeyValue &kv : v->tags)
            if (kv.key == key)
                return kv.value;
    return {};
}

QString number(double v)
{
    return localNumber(v);
}

QJsonValue jsonNumber(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QString::number(v)); }

} // namespace

ReviewDialog::ReviewDialog(Cache *cache, std::optional<qint64> sourceId, const RegisteredModel &model, qint64 candidate,
                           qint64 production, const QString &currentUser, QWidget *parent,
                           const QString &productionWord)
    : QDialog(parent)
{
    const QString word = productionWord.isEmpty() ? tr("Production") : productionWord;
    setWindowTitle(tr("Review %1 v%2").arg(model.name).arg(candidate));
    setObjectName(u"reviewDialog"_s);
    auto *layout = new QVBoxLayout(this);
    const ModelVersion *cand = model.findVersion(candidate);
    const ModelVersion *prod = model.findVersion(production);

    auto *facts = new QFormLayout;
    const QString requester = tagOf(cand, tags::kReviewRequestedBy);
    m_ownRequest = !requester.isEmpty() && requester == currentUser;
    facts->addRow(tr("Candidate:"), new QLabel(tr("v%1 — %2").arg(candidate).arg(cand ? cand->description : QString())));
    facts->addRow(tr("%1:").arg(word), new QLabel(production ? tr("v%1 — %2").arg(production).arg(prod ? prod->description : QString())
                                                           : tr("none yet")));
    if (cand)
        m_candidate = *cand;
    m_requester = new QLabel(this);
    m_requester->setObjectName(u"reviewRequester"_s);
    m_requester->setWordWrap(true);
    m_requester->setTextInteractionFlags(Qt::TextSelectableByMouse);
    facts->addRow(tr("Review asked by:"), m_requester);
    setJournal({});
    const QString share = tagOf(cand, tags::kAbShare);
    if (!share.isEmpty()) {
        const QString end = tagOf(cand, tags::kAbEnd);
        facts->addRow(tr("A/B test:"), new QLabel(end.isEmpty() ? tr("%1 % of requests since %2 (running)")
                                                                      .arg(share, tagOf(cand, tags::kAbStart))
                                                                : tr("%1 % of requests, %2 to %3")
                                                                      .arg(share, tagOf(cand, tags::kAbStart), end)));
    }
    facts->addRow(tr("You are:"), new QLabel(currentUser));
    layout->addLayout(facts);

    // Metrics of both runs side by side.
    auto runOf = [&](const ModelVersion *v) -> std::optional<Run> {
        if (!cache || !v || v->runId.isEmpty())
            return std::nullopt;
        auto r = cache->run(v->runId, sourceId);
        if (!r)
            return std::nullopt;
        return r->run;
    };
    const std::optional<Run> candRun = runOf(cand), prodRun = runOf(prod);
    auto metricsJson = [](const std::optional<Run> &r) {
        QJsonObject o;
        if (r)
            for (const MetricPoint &m : r->latestMetrics)
                o.insert(m.key, jsonNumber(m.value));
        return o;
    };
    QJsonObject candJson{{u"version"_s, double(candidate)}, {u"run_id"_s, cand ? cand->runId : QString()},
                         {u"metrics"_s, metricsJson(candRun)}};
    for (const QString &k : {u"share"_s, u"start"_s, u"end"_s})
        if (const QString v = tagOf(cand, tags::kAbPrefix + k); !v.isEmpty())
            candJson.insert(k, v);
    m_evidence.insert(u"candidate"_s, candJson);
    if (production)
        m_evidence.insert(u"production"_s, QJsonObject{{u"version"_s, double(production)},
                                                       {u"run_id"_s, prod ? prod->runId : QString()},
                                                       {u"metrics"_s, metricsJson(prodRun)}});
    if (candRun)
        m_runIds.append(candRun->runId);
    if (prodRun)
        m_runIds.append(prodRun->runId);

    // MLflow 3: the versions' LoggedModels measured metrics on datasets. Candidate and Production
    // are compared on one of them, the dataset most versions of the model share, named.
    auto loggedModelOf = [&](const ModelVersion &v) -> std::optional<LoggedModel> {
        const QString id = v.modelId.isEmpty() ? ModelVersion::modelIdFromSource(v.source) : v.modelId;
        if (!cache || id.isEmpty())
            return std::nullopt;
        auto m = cache->loggedModel(id, sourceId);
        return m ? std::optional<LoggedModel>(std::move(*m)) : std::nullopt;
    };
    QList<LoggedModel> versionModels;
    std::optional<LoggedModel> candModel, prodModel;
    QStringList runIds;
    for (const ModelVersion &v : model.versions) {
        if (auto m = loggedModelOf(v)) {
            if (v.version == candidate)
                candModel = *m;
            if (v.version == production)
                prodModel = *m;
            versionModels.append(*m);
        }
        if (!v.runId.isEmpty())
            runIds.append(v.runId);
    }
    // The runs' dataset inputs say in which context (validation, training …) a dataset was used.
    QList<DatasetInput> inputs;
    if (cache && !versionModels.isEmpty() && !runIds.isEmpty()) {
        RunQuery q;
        q.sourceId = sourceId;
        q.runIds = runIds;
        q.includeDeleted = true;
        if (auto runs = cache->runs(q))
            for (const RunRow &r : std::as_const(*runs))
                inputs += r.run.inputs;
    }
    const MetricDataset dataset = commonDataset(versionModels, QString(), inputs);
    QStringList datasetKeys;
    if (!dataset.isEmpty())
        for (const std::optional<LoggedModel> *m : {&prodModel, &candModel})
            if (*m)
                for (const LoggedModelMetric &v : (*m)->metrics)
                    if (v.datasetName == dataset.name && v.datasetDigest == dataset.digest && !datasetKeys.contains(v.key))
                        datasetKeys.append(v.key);
    datasetKeys.sort();
    auto onDataset = [&](const std::optional<LoggedModel> &m, const QString &key) -> std::optional<double> {
        const double v = m ? metricOnDataset(*m, key, dataset) : std::nan("");
        return std::isnan(v) ? std::nullopt : std::optional<double>(v);
    };
    if (!datasetKeys.isEmpty()) {
        QJsonObject d{{u"name"_s, dataset.name}, {u"digest"_s, dataset.digest}};
        if (!dataset.context.isEmpty())
            d.insert(u"context"_s, dataset.context);
        m_evidence.insert(u"dataset"_s, d);
        for (const auto &[side, m] : {std::pair{u"candidate"_s, &candModel}, std::pair{u"production"_s, &prodModel}}) {
            if (!m_evidence.contains(side))
                continue;
            QJsonObject values;
            for (const QString &key : std::as_const(datasetKeys))
                if (const auto v = onDataset(*m, key))
                    values.insert(key, jsonNumber(*v));
            QJsonObject o = m_evidence.value(side).toObject();
            o.insert(u"dataset_metrics"_s, values);
            m_evidence.insert(side, o);
        }
    }

    QStringList keys;
    for (const std::optional<Run> *r : {&prodRun, &candRun})
        if (*r)
            for (const MetricPoint &m : (*r)->latestMetrics)
                if (!keys.contains(m.key))
                    keys.append(m.key);
    keys.sort();
    m_metrics = new QTableWidget(0, 4, this);
    m_metrics->setObjectName(u"reviewMetrics"_s);
    m_metrics->setHorizontalHeaderLabels({tr("Metric"), production ? tr("%1 v%2").arg(word).arg(production) : word,
                                          tr("Candidate v%1").arg(candidate), tr("Change")});
    m_metrics->verticalHeader()->hide();
    m_metrics->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_metrics->horizontalHeader()->setStretchLastSection(true);
    auto valueOf = [](const std::optional<Run> &r, const QString &key) -> std::optional<double> {
        if (r)
            for (const MetricPoint &m : r->latestMetrics)
                if (m.key == key)
                    return m.value;
        return std::nullopt;
    };
    auto addHeading = [&](const QString &text) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        auto *item = new QTableWidgetItem(text);
        QFont bold = item->font();
        bold.setBold(true);
        item->setFont(bold);
        item->setFlags(Qt::ItemIsEnabled);
        m_metrics->setItem(row, 0, item);
        m_metrics->setSpan(row, 0, 1, 4);
    };
    auto addRow = [&](const QString &key, std::optional<double> p, std::optional<double> c) {
        const int row = m_metrics->rowCount();
        m_metrics->insertRow(row);
        m_metrics->setItem(row, 0, new QTableWidgetItem(key));
        m_metrics->setItem(row, 1, new QTableWidgetItem(p ? number(*p) : tr("—")));
        m_metrics->setItem(row, 2, new QTableWidgetItem(c ? number(*c) : tr("—")));
        QString change;
        if (p && c && std::isfinite(*p) && std::isfinite(*c)) {
            const double d = *c - *p;
            const MetricDirection dir = inferMetricDirection(key);
            const bool better = dir == MetricDirection::HigherIsBetter ? d > 0 : dir == MetricDirection::LowerIsBetter && d < 0;
            const bool worse = dir == MetricDirection::HigherIsBetter ? d < 0 : dir == MetricDirection::LowerIsBetter && d > 0;
            // A glyph as well as the words: the judgement must not rest on colour alone.
            change = (d >= 0 ? u"+"_s : QString()) + number(d) +
                     (better ? tr("  ▲ better") : worse ? tr("  ▼ worse") : QString());
        }
        m_metrics->setItem(row, 3, new QTableWidgetItem(change));
    };
    if (!datasetKeys.isEmpty()) {
        // A version without a value on this dataset shows none: not its value on another one.
        addHeading(dataset.context.isEmpty() ? tr("On %1").arg(dataset.displayName())
                                             : tr("On %1, context %2").arg(dataset.displayName(), dataset.context));
        for (const QString &key : std::as_const(datasetKeys))
            addRow(key, onDataset(prodModel, key), onDataset(candModel, key));
        // A run's value of a metric shown on the dataset is not repeated: it may be from other data.
        keys.removeIf([&](const QString &key) { return datasetKeys.contains(key); });
        if (!keys.isEmpty())
            addHeading(tr("Latest values of the runs (datasets not recorded)"));
    }
    for (const QString &key : std::as_const(keys))
        addRow(key, valueOf(prodRun, key), valueOf(candRun, key));
    m_metrics->resizeColumnsToContents();
    layout->addWidget(m_metrics, 1);

    // Evaluation runs that name this version.
    if (cache) {
        RunQuery q;
        q.sourceId = sourceId;
        QString subject = model.name + u'/' + QString::number(candidate);
        q.filter = u"tags.`"_s + tags::kEvaluates + u"` = '"_s + subject.replace(u'\'', u"\\'"_s) + u'\'';
        if (auto runs = cache->runs(q); runs && !runs->isEmpty()) {
            auto *list = new QListWidget(this);
            list->setObjectName(u"evaluationRuns"_s);
            QJsonArray evals;
            for (const RunRow &r : std::as_const(*runs)) {
                QStringList parts;
                QJsonObject metrics;
                for (const MetricPoint &m : r.run.latestMetrics) {
                    parts.append(m.key + u" = "_s + number(m.value));
                    metrics.insert(m.key, jsonNumber(m.value));
                }
                list->addItem(tr("%1: %2").arg(r.run.runName.isEmpty() ? r.run.runId : r.run.runName, parts.join(u", "_s)));
                evals.append(QJsonObject{{u"run_id"_s, r.run.runId}, {u"run_name"_s, r.run.runName}, {u"metrics"_s, metrics}});
            }
            m_evidence.insert(u"evaluation_runs"_s, evals);
            layout->addWidget(new QLabel(tr("Evaluation runs of this version:")));
            layout->addWidget(list);
        }
    }

    auto *compare = new QPushButton(tr("Open both runs in Compare"), this);
    compare->setEnabled(m_runIds.size() == 2);
    compare->setToolTip(tr("Every metric, param and chart of the two runs side by side"));
    connect(compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(m_runIds); });
    layout->addWidget(compare, 0, Qt::AlignLeft);

    layout->addWidget(new QLabel(tr("Your note (required; it is kept with the decision and shown to others):")));
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(u"reviewNote"_s);
    m_note->setPlaceholderText(tr("What you checked and why you decide so"));
    m_note->setMaximumHeight(100);
    layout->addWidget(m_note);
    if (m_ownRequest) {
        auto *warn = new QLabel(tr("You asked for this review. Under the four-eyes rule someone else must decide it."), this);
        warn->setObjectName(u"fourEyesWarning"_s);
        warn->setWordWrap(true);
        layout->addWidget(warn);
    }

    auto *buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    m_reject = buttons->addButton(tr("&Reject"), QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    m_approve->setObjectName(u"approveButton"_s);
    m_reject->setObjectName(u"rejectButton"_s);
    connect(m_approve, &QPushButton::clicked, this, [this] {
        m_decision = Decision::Approve;
        accept();
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        m_decision = Decision::Reject;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ReviewDialog::updateButtons);
    layout->addWidget(buttons);
    updateButtons();
    resize(720, 560);
}

void ReviewDialog::setJournal(const QList<JournalEntry> &journal)
{
    m_review = ReviewState::of(m_candidate, journal);
    updateRequester();
}

void ReviewDialog::updateRequester()
{
    const ReviewState &r = m_review;
    QString text;
    if (!r.requestedBy.isEmpty()) {
        const QString at = tagOf(&m_candidate, tags::kReviewRequestedAt);
        text = at.isEmpty() ? r.requestedBy : tr("%1 at %2").arg(r.requestedBy, at);
    } else if (r.movedByAnotherTool) {
        // Another tool moved it to Staging or the candidate alias: nobody asked in ModelDesk.
        const QString window = r.movedWindowText();
        text = window.isEmpty() ? r.requesterText() : tr("%1 (%2)").arg(r.requesterText(), window);
    } else {
        text = tr("not recorded");
    }
    m_requester->setText(text);
}

QString ReviewDialog::note() const { return m_note->toPlainText().trimmed(); }

void ReviewDialog::updateButtons()
{
    const bool ok = !note().isEmpty() && !m_ownRequest;
    m_approve->setEnabled(ok);
    m_reject->setEnabled(ok);
    const QString why = m_ownRequest ? tr("Someone other than the requester must decide (four eyes)")
                                     : note().isEmpty() ? tr("Write a note first") : QString();
    m_approve->setToolTip(why);
    m_reject->setToolTip(why);
}

} // namespace md

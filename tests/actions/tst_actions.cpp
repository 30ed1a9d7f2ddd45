// SPDX-License-Identifier: GPL-3.0-or-later
// The promotion pipeline against real stores: temporary copies of the file store and mlflow.db,
// the REST test server over 127.0.0.1 and a model folder. Every step is checked in the source
// itself (a fresh read), in the cache (a sync afterwards sees nothing it did not know) and in the
// journal.
#include "TestServer.h"
#include "TestSupport.h"

#include "actions/ActionService.h"
#include "actions/Policy.h"
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "models/TimelineData.h"
#include "sources/RegistryWriter.h"
#include "sync/Importer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

/// The error's text, or "" when there is none (QVERIFY2 evaluates its message even on success).
template<typename R>
QString errorText(const R &r)
{
    return r.ok() ? QString() : r.error().toString();
}

const QString kModel = u"car_price_model"_s;

QString stageOf(const RegisteredModel &m, qint64 version)
{
    for (const ModelVersion &v : m.versions)
        if (v.version == version)
            return v.currentStage;
    return u"<missing>"_s;
}

qint64 aliasOf(const RegisteredModel &m, const QString &alias)
{
    for (const ModelAlias &a : m.aliases)
        if (a.alias == alias)
            return a.version;
    return 0;
}

QString tagOf(const RegisteredModel &m, qint64 version, const QString &key)
{
    for (const ModelVersion &v : m.versions)
        if (v.version == version)
            for (const KeyValue &kv : v.tags)
                if (kv.key == key)
                    return kv.value;
    return {};
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex();
}

/// A store, its cache and journal, and a way to act as a named user.
struct Bench {
    QTemporaryDir dir;
    QString uri;
    QString folder;  ///< model folder path, when the store is one
    std::unique_ptr<test::TestServer> server;
    QString cachePath, journalPath;
    Policies policies;
    std::atomic_bool cancel{false};

    bool setUp(const QString &kind)
    {
        if (!dir.isValid())
            return false;
        cachePath = dir.filePath(u"cache.sqlite"_s);
        journalPath = dir.filePath(u"journal.sqlite"_s);
        if (kind == u"file") {
            if (!test::copyTree(test::dataPath(u"mlruns"_s), dir.filePath(u"mlruns"_s)))
                return false;
            uri = dir.filePath(u"mlruns"_s);
        } else if (kind == u"sqlite") {
            if (!QFile::copy(test::dataPath(u"mlflow.db"_s), dir.filePath(u"mlflow.db"_s)))
                return false;
            QFile::setPermissions(dir.filePath(u"mlflow.db"_s), QFile::ReadOwner | QFile::WriteOwner);
            uri = u"sqlite:///"_s + dir.filePath(u"mlflow.db"_s);
        } else if (kind == u"http") {
            server = std::make_unique<test::TestServer>();
            if (!server->start())
                return false;
            uri = server->url().toString();
        } else if (kind == u"folder") {
            folder = dir.filePath(u"car-price/artifacts/training"_s);
            if (!test::copyTree(test::dataPath(u"model-folder/artifacts/training"_s), folder))
                return false;
            uri = u"folder://"_s + folder;
        }
        auto p = Policies::parse("{}", dir.filePath(u"policies.json"_s));
        if (!p)
            return false;
        policies = *p;
        return sync().ok();
    }

    Result<ImportReport> sync() { return Importer::importUri(uri, cachePath, journalPath, cancel); }

    /// Runs one action as `user` with fresh connections, like one CLI invocation or GUI action.
    Result<ActionOutcome> act(const QString &user, ActionRequest r, bool queue = false)
    {
        auto writer = createRegistryWriter(uri);
        if (!writer)
            return writer.error();
        if (Status s = (*writer)->open(); !s && !queue)
            return s.error();
        Journal journal;
        if (Status s = journal.open(journalPath); !s)
            return s.error();
        Cache cache;
        if (Status s = cache.open(cachePath); !s)
            return s.error();
        ActionService svc(**writer, journal, &cache, policies, Identity{user, u"os"_s});
        svc.setArtifactCheck(artifactPresenceCheck((*writer)->uri(), &cache));
        r.sourceUri = (*writer)->uri();
        if (r.model.isEmpty())
            r.model = folder.isEmpty() ? kModel : u"car-price"_s;
        return svc.execute(r, queue);
    }

    Result<RegisteredModel> fresh(const QString &model = kModel)
    {
        auto writer = createRegistryWriter(uri);
        if (!writer)
            return writer.error();
        return (*writer)->readModel(model);
    }

    Result<QList<JournalEntry>> journal()
    {
        Journal j;
        if (Status s = j.open(journalPath); !s)
            return s.error();
        return j.entries();
    }

    Result<RegisteredModel> cached(const QString &model = kModel)
    {
        Cache c;
        if (Status s = c.open(cachePath); !s)
            return s.error();
        return c.registeredModel(model);
    }
};

ActionRequest request(ActionKind kind, qint64 version, const QString &target = {}, const QString &note = {})
{
    ActionRequest r;
    r.kind = kind;
    r.version = version;
    r.target = target;
    r.note = note;
    return r;
}

QStringList outcomeKinds(const QList<JournalEntry> &entries)
{
    QStringList kinds;
    for (const JournalEntry &e : entries)
        if (e.kind != u"intent"_s && !e.kind.startsWith(u"observed."_s))
            kinds.append(e.kind);
    return kinds;
}

} // namespace

class TestActions : public QObject {
    Q_OBJECT

    /// The source, the cache and a new sync agree: our action left nothing for a sync to observe.
    void checkAgreement(Bench &b, const char *step)
    {
        auto src = b.fresh(b.folder.isEmpty() ? kModel : u"car-price"_s);
        QVERIFY2(src.ok(), qPrintable(errorText(src)));
        auto cached = b.cached(b.folder.isEmpty() ? kModel : u"car-price"_s);
        QVERIFY2(cached.ok(), qPrintable(errorText(cached)));
        QCOMPARE(cached->versions.size(), src->versions.size());
        for (qsizetype i = 0; i < src->versions.size(); ++i) {
            QCOMPARE(cached->versions.at(i).version, src->versions.at(i).version);
            QVERIFY2(cached->versions.at(i).currentStage == src->versions.at(i).currentStage, step);
        }
        QCOMPARE(cached->aliases, src->aliases);
        auto report = b.sync();
        QVERIFY2(report.ok(), qPrintable(errorText(report)));
        if (!report->changes.isEmpty())
            QFAIL(qPrintable(u"%1: a sync observed %2 changes the action did not record, first: %3 v%4 %5 %6 → %7"_s
                                 .arg(QLatin1String(step))
                                 .arg(report->changes.size())
                                 .arg(report->changes.first().model)
                                 .arg(report->changes.first().version)
                                 .arg(report->changes.first().field, report->changes.first().oldValue,
                                      report->changes.first().newValue)));
    }

private Q_SLOTS:
    void pipeline_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("file store") << u"file"_s;
        QTest::newRow("mlflow.db") << u"sqlite"_s;
        QTest::newRow("tracking server") << u"http"_s;
    }

    /// The product's sequence: a run registered as v5, Staging, A/B at 10 %, approved by a second
    /// user, Production with v4 archived, a problem found, rolled back to v4.
    void pipeline()
    {
        QFETCH(QString, kind);
        Bench b;
        QVERIFY(b.setUp(kind));

        // A run of the car_price experiment that is not registered yet.
        QString runId, artifactUri;
        {
            Cache c;
            QVERIFY(c.open(b.cachePath).ok());
            auto model = c.registeredModel(kModel);
            QVERIFY(model.ok());
            QSet<QString> registered;
            for (const auto &v : model->versions)
                registered.insert(v.runId);
            RunQuery q;  // any run that is not a version yet (car_price's four runs are v1–v4)
            q.orderBy = {u"start_time"_s};
            auto runs = c.runs(q);
            QVERIFY(runs.ok());
            for (const RunRow &r : std::as_const(*runs))
                if (!registered.contains(r.run.runId)) {
                    runId = r.run.runId;
                    artifactUri = r.run.artifactUri;
                }
            QVERIFY(!runId.isEmpty());
        }

        ActionRequest reg = request(ActionKind::Register, 0);
        reg.newVersion.runId = runId;
        reg.newVersion.source = artifactUri + u"/model"_s;
        reg.newVersion.description = u"XGBoost retrained on March data"_s;
        auto o = b.act(u"alice"_s, reg);
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.version, 5);
        auto m = b.fresh();
        QVERIFY(m.ok());
        QCOMPARE(stageOf(*m, 5), kStageNone);
        QCOMPARE(m->versions.last().runId, runId);
        checkAgreement(b, "register");

        o = b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Staging"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.scheme, RegistryScheme::Both);  // the fixture uses stages and aliases
        m = b.fresh();
        QCOMPARE(stageOf(*m, 5), kStageStaging);
        QCOMPARE(aliasOf(*m, u"challenger"_s), 5);
        QCOMPARE(tagOf(*m, 5, u"modeldesk.review.requested_by"_s), u"alice"_s);
        checkAgreement(b, "staging");

        ActionRequest ab = request(ActionKind::AbStart, 5);
        ab.sharePercent = 10;
        o = b.act(u"alice"_s, ab);
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        m = b.fresh();
        QCOMPARE(tagOf(*m, 5, u"modeldesk.ab.share"_s), u"10"_s);
        QVERIFY(!tagOf(*m, 5, u"modeldesk.ab.start"_s).isEmpty());

        // Four eyes: the requester cannot approve her own candidate.
        o = b.act(u"alice"_s, request(ActionKind::Approve, 5, {}, u"looks good"_s));
        QVERIFY(!o.ok());
        QCOMPARE(o.error().category, ErrorCategory::Policy);
        QCOMPARE(o.error().exitCode(), 3);
        QVERIFY2(o.error().message.contains(u"four-eyes"_s), qPrintable(errorText(o)));
        QVERIFY(tagOf(*b.fresh(), 5, u"modeldesk.approval.state"_s).isEmpty());

        // Production needs the approval first.
        o = b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Production"_s));
        QVERIFY(!o.ok());
        QVERIFY2(o.error().message.contains(u"approval-required"_s), qPrintable(errorText(o)));
        QCOMPARE(stageOf(*b.fresh(), 5), kStageStaging);

        o = b.act(u"bob"_s, request(ActionKind::Approve, 5, {}, u"R² +0.02 on the holdout, A/B error rate flat"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        m = b.fresh();
        QCOMPARE(tagOf(*m, 5, u"modeldesk.approval.state"_s), u"approved"_s);
        QCOMPARE(tagOf(*m, 5, u"modeldesk.approval.by"_s), u"bob"_s);
        // The evidence bob saw is frozen in the journal: v5's and v4's metrics.
        auto entries = b.journal();
        QVERIFY(entries.ok());
        const JournalEntry approval = entries->last();
        QCOMPARE(approval.kind, u"approve"_s);
        QCOMPARE(approval.user, u"bob"_s);
        const QJsonObject evidence = approval.details.value(u"evidence"_s).toObject();
        QCOMPARE(evidence.value(u"candidate"_s).toObject().value(u"run_id"_s).toString(), runId);
        QVERIFY(evidence.value(u"production"_s).toObject().value(u"metrics"_s).toObject().contains(u"val_r2_score"_s));
        QVERIFY(evidence.value(u"candidate"_s).toObject().value(u"metrics"_s).toObject().contains(u"val_r2_score"_s));
        QCOMPARE(evidence.value(u"candidate"_s).toObject().value(u"share"_s).toString(), u"10"_s);
        checkAgreement(b, "approve");

        o = b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Production"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.fromVersion, 4);
        m = b.fresh();
        QCOMPARE(stageOf(*m, 5), kStageProduction);
        QCOMPARE(stageOf(*m, 4), kStageArchived);
        QCOMPARE(aliasOf(*m, u"champion"_s), 5);
        QCOMPARE(aliasOf(*m, u"challenger"_s), 0);
        QCOMPARE(tagOf(*m, 4, u"modeldesk.rollback_target"_s), u"true"_s);
        QVERIFY(!tagOf(*m, 5, u"modeldesk.ab.end"_s).isEmpty());  // the A/B test ends with the promotion
        checkAgreement(b, "production");
        const qint64 promotedAt = QDateTime::currentMSecsSinceEpoch();

        // A problem: the on-call engineer rolls back without naming the version.
        o = b.act(u"dana"_s, request(ActionKind::Rollback, 0, {}, {}));
        QVERIFY(!o.ok());
        QVERIFY2(o.error().message.contains(u"reason-required"_s), qPrintable(errorText(o)));
        o = b.act(u"dana"_s, request(ActionKind::Rollback, 0, {}, u"p99 latency doubled after the release"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.version, 4);
        QCOMPARE(o->plan.fromVersion, 5);
        m = b.fresh();
        QCOMPARE(stageOf(*m, 4), kStageProduction);
        QCOMPARE(stageOf(*m, 5), kStageArchived);
        QCOMPARE(aliasOf(*m, u"champion"_s), 4);
        QCOMPARE(tagOf(*m, 5, u"modeldesk.rolled_back_by"_s), u"dana"_s);
        QVERIFY(o->incidentReport.contains(u"from v5 back to v4"_s));
        QVERIFY(o->incidentReport.contains(u"p99 latency doubled"_s));
        QVERIFY(o->incidentReport.contains(u"val_r2_score"_s));
        checkAgreement(b, "rollback");

        // The journal tells the whole story, and its chain is intact.
        entries = b.journal();
        QVERIFY(entries.ok());
        QCOMPARE(outcomeKinds(*entries), (QStringList{u"register"_s, u"promote"_s, u"ab.start"_s, u"refused"_s,
                                                      u"refused"_s, u"approve"_s, u"promote"_s, u"refused"_s,
                                                      u"rollback"_s}));
        const JournalEntry rollback = entries->last();
        QCOMPARE(rollback.user, u"dana"_s);
        QCOMPARE(rollback.details.value(u"emergency"_s).toBool(), true);
        QCOMPARE(rollback.note, u"p99 latency doubled after the release"_s);
        Journal j;
        QVERIFY(j.open(b.journalPath).ok());
        QVERIFY(j.verify().ok());

        // The timeline: v5 held Production between the promotion and the rollback, v4 holds it again.
        auto cached = b.cached();
        QVERIFY(cached.ok());
        const TimelineData t = TimelineData::build(*cached, *entries, QDateTime::currentMSecsSinceEpoch());
        const int prod = t.laneIndex(TimelineLane::Kind::Stage, kStageProduction);
        QVERIFY(prod >= 0);
        QList<TimelineBlock> v5, v4;
        for (const TimelineBlock &bl : t.lanes.at(prod).blocks)
            (bl.version == 5 ? v5 : bl.version == 4 ? v4 : v5).append(bl);
        QCOMPARE(v5.size(), 1);
        QVERIFY(!v5.first().open);
        QVERIFY(v5.first().endMs >= promotedAt - 60000 && v5.first().endMs <= QDateTime::currentMSecsSinceEpoch());
        QVERIFY(std::any_of(v4.cbegin(), v4.cend(), [](const TimelineBlock &bl) { return bl.open; }));
        QStringList markerKinds;
        for (const TimelineMarker &mk : t.markers)
            if (mk.kind == TimelineMarker::Kind::Action)
                markerKinds.append(mk.field);
        QCOMPARE(markerKinds, (QStringList{u"register"_s, u"promote"_s, u"ab.start"_s, u"approve"_s, u"promote"_s,
                                           u"rollback"_s}));
    }

    /// The same sequence on the product's model folder: model.pkl and version.txt follow.
    void folderPipeline()
    {
        Bench b;
        QVERIFY(b.setUp(u"folder"_s));
        const QString candidate = b.dir.filePath(u"new_model.pkl"_s);
        QVERIFY(test::writeFile(candidate, QByteArray("\x80\x04 retrained model bytes, never unpickled", 42)));

        ActionRequest reg = request(ActionKind::Register, 0);
        reg.newVersion.source = candidate;
        reg.newVersion.tags = {{u"modeldesk.score"_s, u"0.91"_s}};
        auto o = b.act(u"alice"_s, reg);
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.version, 5);
        QCOMPARE(sha256(b.folder + u"/model_v5.pkl"_s), sha256(candidate));
        checkAgreement(b, "register");

        QVERIFY(b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Staging"_s)).ok());
        ActionRequest ab = request(ActionKind::AbStart, 5);
        ab.sharePercent = 10;
        QVERIFY(b.act(u"alice"_s, ab).ok());
        auto own = b.act(u"alice"_s, request(ActionKind::Approve, 5, {}, u"ok"_s));
        QVERIFY(!own.ok());
        QCOMPARE(own.error().category, ErrorCategory::Policy);
        auto approved = b.act(u"bob"_s, request(ActionKind::Approve, 5, {}, u"better score, same features"_s));
        QVERIFY2(approved.ok(), qPrintable(errorText(approved)));
        checkAgreement(b, "approve");

        o = b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Production"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(sha256(b.folder + u"/model.pkl"_s), sha256(candidate));
        QFile vt(b.folder + u"/version.txt"_s);
        QVERIFY(vt.open(QIODevice::ReadOnly));
        QVERIFY(vt.readAll().startsWith("Current version: 5\nBest score: 0.91\n"));
        vt.close();
        auto m = b.fresh(u"car-price"_s);
        QVERIFY(m.ok());
        QCOMPARE(stageOf(*m, 5), kStageProduction);
        QCOMPARE(stageOf(*m, 4), kStageArchived);
        checkAgreement(b, "production");

        o = b.act(u"dana"_s, request(ActionKind::Rollback, 0, {}, u"predictions drifted"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.version, 4);
        QCOMPARE(sha256(b.folder + u"/model.pkl"_s), sha256(b.folder + u"/model_v4.pkl"_s));
        QVERIFY(vt.open(QIODevice::ReadOnly));
        QVERIFY(vt.readAll().startsWith("Current version: 4\nBest score: 0.89\n"));
        checkAgreement(b, "rollback");
    }

    /// The folder keeps the product's rule: a new model replaces model.pkl only when it scores better.
    void folderRefusesWorseScore()
    {
        Bench b;
        QVERIFY(b.setUp(u"folder"_s));
        const QString candidate = b.dir.filePath(u"worse.pkl"_s);
        QVERIFY(test::writeFile(candidate, "worse model"));
        ActionRequest reg = request(ActionKind::Register, 0);
        reg.newVersion.source = candidate;
        reg.newVersion.tags = {{u"modeldesk.score"_s, u"0.85"_s}};
        QVERIFY(b.act(u"alice"_s, reg).ok());
        QVERIFY(b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Staging"_s)).ok());
        QVERIFY(b.act(u"bob"_s, request(ActionKind::Approve, 5, {}, u"ok"_s)).ok());
        const QByteArray before = sha256(b.folder + u"/model.pkl"_s);
        auto o = b.act(u"alice"_s, request(ActionKind::Promote, 5, u"Production"_s));
        QVERIFY(!o.ok());
        QVERIFY2(o.error().message.contains(u"better-score"_s), qPrintable(errorText(o)));
        QVERIFY2(o.error().message.contains(u"0.89"_s), qPrintable(errorText(o)));
        QCOMPARE(sha256(b.folder + u"/model.pkl"_s), before);
    }

    /// Two reviewers looked at v3 in Staging; the first decision wins, the second is refused and
    /// names who moved it.
    void raceIsRefused()
    {
        Bench b;
        QVERIFY(b.setUp(u"sqlite"_s));
        auto seen = b.fresh();
        QVERIFY(seen.ok());
        VersionSnapshot snapshot;
        for (const ModelVersion &v : seen->versions)
            if (v.version == 3)
                snapshot = VersionSnapshot::of(v);
        QCOMPARE(snapshot.stage, kStageStaging);

        ActionRequest first = request(ActionKind::Approve, 3, {}, u"fine"_s);
        first.expected = snapshot;
        QVERIFY(b.act(u"bob"_s, first).ok());

        ActionRequest second = request(ActionKind::Reject, 3, {}, u"not convinced"_s);
        second.expected = snapshot;
        auto o = b.act(u"carol"_s, second);
        QVERIFY(!o.ok());
        QCOMPARE(o.error().category, ErrorCategory::Conflict);
        QVERIFY2(o.error().message.contains(u"by bob"_s), qPrintable(errorText(o)));
        QVERIFY2(o.error().message.contains(u"review open → approved"_s), qPrintable(errorText(o)));
        auto m = b.fresh();
        QCOMPARE(tagOf(*m, 3, u"modeldesk.approval.state"_s), u"approved"_s);
        QCOMPARE(tagOf(*m, 3, u"modeldesk.approval.by"_s), u"bob"_s);
    }

    /// The server goes away: the action waits in the queue, and is applied when it is back and
    /// nothing moved — or rejected when something did.
    void offlineQueue()
    {
        Bench b;
        QVERIFY(b.setUp(u"http"_s));
        auto seen = b.fresh();
        QVERIFY(seen.ok());
        VersionSnapshot v3;
        for (const ModelVersion &v : seen->versions)
            if (v.version == 3)
                v3 = VersionSnapshot::of(v);
        QVERIFY(b.server->pause());

        ActionRequest approve = request(ActionKind::Approve, 3, {}, u"approved on the train"_s);
        approve.expected = v3;
        auto o = b.act(u"bob"_s, approve, true);
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QVERIFY(o->queued);
        ActionRequest archive = request(ActionKind::Promote, 1, u"None"_s);
        VersionSnapshot v1;
        for (const ModelVersion &v : seen->versions)
            if (v.version == 1)
                v1 = VersionSnapshot::of(v);
        archive.expected = v1;
        QVERIFY(b.act(u"bob"_s, archive, true)->queued);

        QVERIFY(b.server->resume());
        // Meanwhile someone else moved v1 (another tool, straight on the server).
        const auto reply = b.server->request("POST", u"/api/2.0/mlflow/model-versions/transition-stage"_s,
                                             "{\"name\":\"car_price_model\",\"version\":\"1\",\"stage\":\"Staging\",\"archive_existing_versions\":false}");
        QCOMPARE(reply.status, 200);

        auto writer = createRegistryWriter(b.uri);
        QVERIFY(writer.ok());
        QVERIFY((*writer)->open().ok());
        Journal journal;
        QVERIFY(journal.open(b.journalPath).ok());
        Cache cache;
        QVERIFY(cache.open(b.cachePath).ok());
        ActionService svc(**writer, journal, &cache, b.policies, Identity{u"bob"_s, u"os"_s});
        auto applied = svc.applyQueued();
        QVERIFY2(applied.ok(), qPrintable(errorText(applied)));
        QCOMPARE(applied->size(), 2);
        QCOMPARE(applied->at(0).state, u"applied"_s);
        QCOMPARE(applied->at(1).state, u"rejected"_s);
        QVERIFY2(applied->at(1).result.contains(u"stage Archived → Staging"_s), qPrintable(applied->at(1).result));
        auto m = b.fresh();
        QCOMPARE(tagOf(*m, 3, u"modeldesk.approval.state"_s), u"approved"_s);
        QCOMPARE(stageOf(*m, 1), kStageStaging);  // not overwritten
        ActionQueue queue(journal);
        QCOMPARE(queue.list(b.uri, true)->size(), 0);
        auto entries = journal.entries();
        QVERIFY(outcomeKinds(*entries).endsWith(u"dropped"_s));
        QVERIFY(outcomeKinds(*entries).contains(u"queued"_s));
    }

    void reloadHook_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("timeoutMs");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<bool>("timedOut");
        QTest::addColumn<QString>("output");
        QTest::newRow("success") << QStringList{u"/bin/sh"_s, u"-c"_s, u"echo reloaded $MODELDESK_MODEL v$MODELDESK_VERSION"_s}
                                 << 10000 << true << false << u"reloaded car_price_model v4"_s;
        QTest::newRow("failure") << QStringList{u"/bin/sh"_s, u"-c"_s, u"echo no such service >&2; exit 3"_s} << 10000
                                 << false << false << u"no such service"_s;
        QTest::newRow("timeout") << QStringList{u"/bin/sleep"_s, u"30"_s} << 300 << false << true << QString();
        QTest::newRow("missing program") << QStringList{u"/nonexistent/reload"_s} << 10000 << false << false << QString();
    }

    void reloadHook()
    {
        QFETCH(QStringList, command);
        QFETCH(int, timeoutMs);
        QFETCH(bool, ok);
        QFETCH(bool, timedOut);
        QFETCH(QString, output);
        ReloadHook hook;
        hook.command = command;
        hook.timeoutMs = timeoutMs;
        const HookResult h = ActionService::runReloadHook(hook, kModel, 4);
        QVERIFY(h.ran);
        QCOMPARE(h.ok, ok);
        QCOMPARE(h.timedOut, timedOut);
        QVERIFY2(h.output.contains(output), qPrintable(h.output));
        if (timedOut)
            QVERIFY(h.elapsedMs < 10000);
    }

    /// A hook can also be a URL that gets a POST: success, an HTTP error and a server that is not there.
    void reloadHookUrl()
    {
        test::TestServer server;
        QVERIFY(server.start());
        ReloadHook hook;
        hook.url = server.url().toString() + u"/__test__/stats/reset"_s;
        HookResult h = ActionService::runReloadHook(hook, kModel, 4);
        QVERIFY2(h.ok, qPrintable(h.output));
        QCOMPARE(h.exitCode, 200);
        hook.url = server.url().toString() + u"/no/such/reload"_s;
        h = ActionService::runReloadHook(hook, kModel, 4);
        QVERIFY(!h.ok);
        QCOMPARE(h.exitCode, 404);
        const QString gone = server.url().toString();
        server.stop();
        hook.url = gone + u"/reload"_s;
        hook.timeoutMs = 3000;
        h = ActionService::runReloadHook(hook, kModel, 4);
        QVERIFY(!h.ok);
        QVERIFY2(h.output.contains(u"refused"_s, Qt::CaseInsensitive), qPrintable(h.output));
    }

    /// A rollback runs the hook configured for the model, and keeps its output in the journal.
    void rollbackRunsHookFromPolicyFile()
    {
        Bench b;
        QVERIFY(b.setUp(u"file"_s));
        const QString marker = b.dir.filePath(u"reloaded"_s);
        const QByteArray policy = "{\"models\": {\"car_price_model\": {\"on_call\": [\"dana\"], \"reload_hook\":\n            {\"command\": [\"/bin/sh\", \"-c\", \"echo v$MODELDESK_VERSION > " + marker.toUtf8() + "; echo done\"], \"timeout_seconds\": 10}}}}";
        auto p = Policies::parse(policy, u"policies.json"_s);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        b.policies = *p;
        auto o = b.act(u"erin"_s, request(ActionKind::Rollback, 0, {}, u"bad"_s));
        QVERIFY(!o.ok());
        QVERIFY2(o.error().message.contains(u"on-call"_s), qPrintable(errorText(o)));
        QCOMPARE(o.error().where, u"policies.json: models.car_price_model"_s);
        o = b.act(u"dana"_s, request(ActionKind::Rollback, 0, {}, u"bad"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QCOMPARE(o->plan.version, 2);  // v2 was Production before v4 (the fixture's history), v3 never was
        QVERIFY(o->hook && o->hook->ok);
        QFile f(marker);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed(), QByteArray("v2"));
        auto entries = b.journal();
        QCOMPARE(entries->last().kind, u"reload"_s);
        QCOMPARE(entries->last().details.value(u"output"_s).toString().trimmed(), u"done"_s);
    }

    /// Pre-flight: a rollback target whose model files are gone is refused, naming where they were looked for.
    void rollbackRefusesMissingArtifacts()
    {
        Bench b;
        QVERIFY(b.setUp(u"file"_s));
        auto m = b.fresh();
        QVERIFY(m.ok());
        QString runId;
        for (const ModelVersion &v : m->versions)
            if (v.version == 2)
                runId = v.runId;
        QString artifacts;
        QDirIterator it(b.uri, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString d = it.next();
            if (d.endsWith(runId + u"/artifacts"_s))
                artifacts = d;
        }
        QVERIFY2(!artifacts.isEmpty(), qPrintable(runId));
        QVERIFY(QDir(artifacts + u"/model"_s).removeRecursively());
        auto o = b.act(u"dana"_s, request(ActionKind::Rollback, 0, {}, u"drill"_s));
        QVERIFY(!o.ok());
        QCOMPARE(o.error().category, ErrorCategory::NotFound);
        QVERIFY2(o.error().message.contains(u"the model of v2 is not among its artifacts"_s), qPrintable(errorText(o)));
        QCOMPARE(stageOf(*b.fresh(), 4), kStageProduction);
        // With its files present, v3 passes the same check.
        o = b.act(u"dana"_s, request(ActionKind::Rollback, 3, {}, u"drill"_s));
        QVERIFY2(o.ok(), qPrintable(errorText(o)));
        QVERIFY(o->plan.checks.contains(u"model artifact of car_price_model v3 present"_s));
    }

    void rollbackTarget_data()
    {
        QTest::addColumn<QString>("history");  // "v:stage" changes in journal order
        QTest::addColumn<QString>("rolledBack");
        QTest::addColumn<int>("current");
        QTest::addColumn<int>("expected");
        QTest::newRow("previous production") << u"1,2,3"_s << QString() << 3 << 2;
        QTest::newRow("skips a rolled-back version") << u"1,2,3,4"_s << u"3"_s << 4 << 2;
        QTest::newRow("after a rollback, not the bad one") << u"1,2,3,2"_s << u"3"_s << 2 << 1;
        QTest::newRow("no journal: the tagged target") << QString() << QString() << 4 << 3;
    }

    void rollbackTarget()
    {
        QFETCH(QString, history);
        QFETCH(QString, rolledBack);
        QFETCH(int, current);
        QFETCH(int, expected);
        RegisteredModel m;
        m.name = u"m"_s;
        for (int v = 1; v <= 4; ++v) {
            ModelVersion mv;
            mv.name = m.name;
            mv.version = v;
            mv.currentStage = v == current ? kStageProduction : kStageArchived;
            if (v == 3 && history.isEmpty())
                mv.tags.append({u"modeldesk.rollback_target"_s, u"true"_s});
            m.versions.append(mv);
        }
        QList<JournalEntry> journal;
        qint64 t = 1000;
        qint64 prev = 0;
        for (const QString &v : history.split(u',', Qt::SkipEmptyParts)) {
            JournalEntry e;
            e.kind = u"promote"_s;
            e.subject = u"m/"_s + v;
            e.timeMs = t += 1000;
            QJsonArray changes{QJsonObject{{u"version"_s, v.toDouble()}, {u"field"_s, u"stage"_s},
                                           {u"old"_s, u"Staging"_s}, {u"new"_s, u"Production"_s}}};
            e.details = {{u"changes"_s, changes}};
            if (rolledBack.split(u',').contains(QString::number(prev)) && v.toLongLong() < prev) {
                e.kind = u"rollback"_s;
                e.details.insert(u"from"_s, double(prev));
            }
            prev = v.toLongLong();
            journal.append(e);
        }
        for (const QString &v : rolledBack.split(u',', Qt::SkipEmptyParts))
            if (std::none_of(journal.cbegin(), journal.cend(), [&](const JournalEntry &e) {
                    return e.kind == u"rollback"_s && e.details.value(u"from"_s).toDouble() == v.toDouble();
                })) {
                JournalEntry e;
                e.kind = u"rollback"_s;
                e.subject = u"m/x"_s;
                e.timeMs = t += 1000;
                e.details = {{u"from"_s, v.toDouble()}};
                journal.append(e);
            }
        auto target = ActionService::rollbackTarget(m, journal, ModelPolicy{}, current);
        QVERIFY2(target.ok(), qPrintable(errorText(target)));
        QCOMPARE(target->version, expected);
        QCOMPARE(target->basis, history.isEmpty() ? md::RollbackBasis::Tag : md::RollbackBasis::History);
    }

    /// An aliases-only model (every version in stage None, as MLflow now recommends) keeps no
    /// Archived versions and, on a first rollback, no history: the highest READY version below the
    /// champion is proposed, and said to be proposed without history.
    void rollbackTargetOfAnAliasModelWithoutHistory()
    {
        RegisteredModel m;
        m.name = u"m"_s;
        for (int v = 1; v <= 5; ++v) {
            ModelVersion mv;
            mv.name = m.name;
            mv.version = v;
            mv.currentStage = kStageNone;
            mv.status = v == 3 ? u"FAILED_REGISTRATION"_s : u"READY"_s;
            m.versions.append(mv);
        }
        m.aliases = {{u"champion"_s, 4}, {u"challenger"_s, 5}};
        const ModelPolicy policy;
        const auto scheme = ActionService::resolveScheme(m, policy, true);
        QCOMPARE(scheme, md::RegistryScheme::Aliases);
        QCOMPARE(ActionService::productionVersion(m, policy, scheme), 4);
        auto target = ActionService::rollbackTarget(m, {}, policy, 4, scheme);
        QVERIFY2(target.ok(), qPrintable(errorText(target)));
        QCOMPARE(target->version, 2);  // v3 failed to register
        QCOMPARE(target->basis, md::RollbackBasis::NoHistory);
        QVERIFY2(target->why(4).startsWith(u"proposed without history"_s), qPrintable(target->why(4)));
        // A stage model gets no such guess: with neither history nor Archived versions, none.
        QVERIFY(!ActionService::rollbackTarget(m, {}, policy, 4, md::RegistryScheme::Stages).ok());
    }

    void policyFileErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("where");
        QTest::newRow("typo in a rule") << QByteArray("{\"defaults\": {\"four_eye\": false}}") << u"p.json: defaults.four_eye"_s;
        QTest::newRow("wrong type") << QByteArray("{\"models\": {\"m\": {\"four_eyes\": \"no\"}}}") << u"p.json: models.m.four_eyes"_s;
        QTest::newRow("bad scheme") << QByteArray("{\"defaults\": {\"scheme\": \"labels\"}}") << u"p.json: defaults.scheme"_s;
        QTest::newRow("hook without command") << QByteArray("{\"models\": {\"m\": {\"reload_hook\": {\"timeout_seconds\": 3}}}}")
                                              << u"p.json: models.m.reload_hook"_s;
        QTest::newRow("not JSON") << QByteArray("{\n\"defaults\": {,}\n}") << u"p.json:2"_s;
    }

    void policyFileErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, where);
        auto p = Policies::parse(json, u"p.json"_s);
        QVERIFY(!p.ok());
        QCOMPARE(p.error().category, ErrorCategory::BadInput);
        QCOMPARE(p.error().where, where);
    }

    /// A plan reads and checks, and writes nothing.
    void planWritesNothing()
    {
        Bench b;
        QVERIFY(b.setUp(u"sqlite"_s));
        const QByteArray before = sha256(b.dir.filePath(u"mlflow.db"_s));
        auto writer = createRegistryWriter(b.uri);
        QVERIFY((*writer)->open().ok());
        Journal journal;
        QVERIFY(journal.open(b.journalPath).ok());
        ActionService svc(**writer, journal, nullptr, b.policies, Identity{u"dana"_s, u"os"_s});
        ActionRequest r = request(ActionKind::Rollback, 0, {}, u"drill"_s);
        r.model = kModel;
        auto plan = svc.plan(r);
        QVERIFY2(plan.ok(), qPrintable(errorText(plan)));
        QCOMPARE(plan->version, 2);
        QCOMPARE(plan->fromVersion, 4);
        QVERIFY(plan->steps.size() >= 2);
        writer->reset();
        QCOMPARE(sha256(b.dir.filePath(u"mlflow.db"_s)), before);
        QCOMPARE(outcomeKinds(*journal.entries()), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestActions)
#include "tst_actions.moc"

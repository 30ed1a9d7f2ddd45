// SPDX-License-Identifier: GPL-3.0-or-later
// The Reviews inbox (ReviewInbox) on real caches: copies of the file-store fixture (a model with
// stages and aliases) and of the MLflow 3 database (alias-only models and a prompt), synced with
// the importer, changed through ActionService as a colleague's ModelDesk would, or behind its back
// through the registry writer as another tool would. Also the policy `require_known_requester`.
#include "TestSupport.h"

#include "actions/ActionService.h"
#include "actions/Policy.h"
#include "actions/ReviewInbox.h"
#include "cache/Cache.h"
#include "cache/Journal.h"
#include "core/TagNames.h"
#include "sources/RegistryWriter.h"
#include "sync/Importer.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace md;
using namespace Qt::StringLiterals;

namespace {

const QString kModel = u"car_price_model"_s;
const QString kSweepExperiment = u"359751329447329243"_s;  // car_price_sweep: 3,500 files nobody here needs

template<typename R>
QString errorText(const R &r)
{
    return r.ok() ? QString() : r.error().toString();
}

/// One desktop: a store, its cache and journal.
struct Desk {
    QTemporaryDir dir;
    QString uri;
    QString cachePath, journalPath;
    Policies policies;
    std::atomic_bool cancel{false};

    bool setUpFileStore()
    {
        const QDir fixture(test::dataPath(u"mlruns"_s));
        for (const QString &entry : fixture.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot))
            if (entry != kSweepExperiment && !test::copyTree(fixture.filePath(entry), dir.filePath(u"mlruns/"_s + entry)))
                return false;
        uri = dir.filePath(u"mlruns"_s);
        return finish();
    }

    bool setUpMlflow3Db()
    {
        const QString db = dir.filePath(u"mlflow.db"_s);
        if (!QFile::copy(test::dataPath(u"mlflow3/mlflow.db"_s), db))
            return false;
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        uri = u"sqlite:///"_s + db;
        return finish();
    }

    bool finish()
    {
        cachePath = dir.filePath(u"cache.sqlite"_s);
        journalPath = dir.filePath(u"journal.sqlite"_s);
        auto p = Policies::parse("{}", dir.filePath(u"policies.json"_s));
        if (!p)
            return false;
        policies = *p;
        return sync().ok();
    }

    Result<ImportReport> sync() { return Importer::importUri(uri, cachePath, journalPath, cancel); }

    /// What the inbox shows now, read like the GUI's worker does: fresh connections.
    Result<QList<ReviewRequest>> inbox(std::optional<qint64> sourceId = std::nullopt)
    {
        Cache cache;
        if (Status s = cache.open(cachePath); !s)
            return s.error();
        Journal journal;
        if (Status s = journal.open(journalPath); !s)
            return s.error();
        return ReviewInbox::collect(cache, &journal, policies, sourceId);
    }

    /// One action as `user` through ActionService, like a ModelDesk on that person's desktop.
    Result<ActionOutcome> act(const QString &user, ActionKind kind, qint64 version, const QString &target = {},
                              const QString &note = {}, double share = 0)
    {
        auto writer = createRegistryWriter(uri);
        if (!writer)
            return writer.error();
        if (Status s = (*writer)->open(); !s)
            return s.error();
        Journal journal;
        if (Status s = journal.open(journalPath); !s)
            return s.error();
        Cache cache;
        if (Status s = cache.open(cachePath); !s)
            return s.error();
        ActionService svc(**writer, journal, &cache, policies, Identity{user, u"os"_s});
        ActionRequest r;
        r.kind = kind;
        r.sourceUri = (*writer)->uri();
        r.model = kModel;
        r.version = version;
        r.target = target;
        r.note = note;
        r.sharePercent = share;
        return svc.execute(r);
    }

    /// Another tool writes: the registry writer alone, no journal, no tags of ours.
    Result<std::unique_ptr<RegistryWriter>> otherTool()
    {
        auto writer = createRegistryWriter(uri);
        if (!writer)
            return writer.error();
        if (Status s = (*writer)->open(); !s)
            return s.error();
        return std::move(*writer);
    }
};

const ReviewRequest *find(const QList<ReviewRequest> &inbox, const QString &model, qint64 version)
{
    for (const ReviewRequest &r : inbox)
        if (r.model == model && r.version == version)
            return &r;
    return nullptr;
}

QStringList names(const QList<ReviewRequest> &inbox)
{
    QStringList out;
    for (const ReviewRequest &r : inbox)
        out.append(r.model + u" v"_s + QString::number(r.version));
    return out;
}

qint64 isoMs(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toMSecsSinceEpoch();
}

} // namespace

class TestReviewInbox : public QObject {
    Q_OBJECT

private Q_SLOTS:
    /// The fixture's v3 is in Staging and holds `challenger` without any request tag: another tool
    /// put it there before the first sync. Its key metric is compared with Production v4.
    void stagedByAnotherToolBeforeTheFirstSync()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        auto inbox = d.inbox();
        QVERIFY2(inbox.ok(), qPrintable(errorText(inbox)));
        QCOMPARE(names(*inbox), QStringList{u"car_price_model v3"_s});
        const ReviewRequest &r = inbox->first();
        QVERIFY(!r.requesterKnown());
        QCOMPARE(r.requestedAtMs, qint64(0));
        QCOMPARE(r.stage, u"Staging"_s);
        QCOMPARE(r.aliases, QStringList{u"challenger"_s});
        QVERIFY(!r.windowObserved);
        // No sync saw the move: from the version's creation to the source's first sync.
        Cache cache;
        QVERIFY(cache.open(d.cachePath));
        auto model = cache.registeredModel(kModel);
        QVERIFY(model.ok());
        QCOMPARE(r.windowStartMs, model->findVersion(3)->creationTime);
        auto source = cache.sourceByUri(r.sourceUri);
        QVERIFY(source.ok() && source->has_value());
        QCOMPARE(r.windowEndMs, (*source)->addedMs);
        QCOMPARE(r.sourceId, (*source)->id);
        // The key metric as VersionsModel chooses it: val_r2_score, v3 0.88 against Production v4 0.89.
        QCOMPARE(r.keyMetric, u"val_r2_score"_s);
        QCOMPARE(r.keyMetricDirection, MetricDirection::HigherIsBetter);
        QCOMPARE(r.keyMetricValue, 0.88);
        QCOMPARE(r.productionVersion, qint64(4));
        QCOMPARE(r.productionValue, 0.89);
        QVERIFY(std::abs(r.keyMetricDelta() - (-0.01)) < 1e-12);
        QVERIFY(!r.abShare);
    }

    /// alice's request (written as version tags by her ModelDesk) appears with her name and time,
    /// newest first; its A/B share shows while the test runs; bob's approval takes it out.
    void requestShareAndDecision()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        const qint64 before = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;
        auto sent = d.act(u"alice"_s, ActionKind::Promote, 2, u"Staging"_s);
        QVERIFY2(sent.ok(), qPrintable(errorText(sent)));
        auto inbox = d.inbox();
        QVERIFY2(inbox.ok(), qPrintable(errorText(inbox)));
        // v3 lost `challenger` to v2 but is still in Staging.
        QCOMPARE(names(*inbox), (QStringList{u"car_price_model v2"_s, u"car_price_model v3"_s}));
        const ReviewRequest &r = inbox->first();
        QVERIFY(r.requesterKnown());
        QCOMPARE(r.requestedBy, u"alice"_s);
        QVERIFY2(r.requestedAtMs >= before && r.requestedAtMs <= QDateTime::currentMSecsSinceEpoch(),
                 qPrintable(QString::number(r.requestedAtMs - before)));
        QCOMPARE(r.aliases, QStringList{u"challenger"_s});
        QCOMPARE(r.keyMetricValue, 0.85);
        QCOMPARE(find(*inbox, kModel, 3)->aliases, QStringList());

        auto ab = d.act(u"alice"_s, ActionKind::AbStart, 2, {}, {}, 12.5);
        QVERIFY2(ab.ok(), qPrintable(errorText(ab)));
        inbox = d.inbox();
        QVERIFY(find(*inbox, kModel, 2)->abShare);
        QCOMPARE(*find(*inbox, kModel, 2)->abShare, 12.5);
        ab = d.act(u"alice"_s, ActionKind::AbEnd, 2);
        QVERIFY2(ab.ok(), qPrintable(errorText(ab)));
        inbox = d.inbox();
        QVERIFY(!find(*inbox, kModel, 2)->abShare);

        auto approved = d.act(u"bob"_s, ActionKind::Approve, 2, {}, u"fine"_s);
        QVERIFY2(approved.ok(), qPrintable(errorText(approved)));
        inbox = d.inbox();
        QCOMPARE(names(*inbox), QStringList{u"car_price_model v3"_s});
        // A decision of a version nobody asked about settles it too.
        auto rejected = d.act(u"bob"_s, ActionKind::Reject, 3, {}, u"superseded by v2"_s);
        QVERIFY2(rejected.ok(), qPrintable(errorText(rejected)));
        inbox = d.inbox();
        QCOMPARE(names(*inbox), QStringList());
        // Production itself never waits, whatever its tags say.
        auto promoted = d.act(u"carol"_s, ActionKind::Promote, 2, u"Production"_s);
        QVERIFY2(promoted.ok(), qPrintable(errorText(promoted)));
        inbox = d.inbox();
        QCOMPARE(names(*inbox), QStringList());
    }

    /// A decision counts only when it is not older than the request it answers.
    void decisionOlderThanTheRequestDoesNotCount()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        auto tool = d.otherTool();
        QVERIFY2(tool.ok(), qPrintable(errorText(tool)));
        RegistryWriter &w = **tool;
        QVERIFY(w.transitionStage(kModel, 1, u"Staging"_s, false).ok());
        QVERIFY(w.setVersionTag(kModel, 1, tags::kReviewRequestedBy, u"carol"_s).ok());
        QVERIFY(w.setVersionTag(kModel, 1, tags::kReviewRequestedAt, u"2026-01-02T00:00:00Z"_s).ok());
        QVERIFY(w.setVersionTag(kModel, 1, tags::kApprovalState, u"rejected"_s).ok());
        QVERIFY(w.setVersionTag(kModel, 1, tags::kApprovalAt, u"2026-01-01T00:00:00Z"_s).ok());
        QVERIFY(d.sync().ok());
        auto inbox = d.inbox();
        const ReviewRequest *r = find(*inbox, kModel, 1);
        QVERIFY2(r, qPrintable(names(*inbox).join(u", "_s)));
        QCOMPARE(r->requestedBy, u"carol"_s);
        QCOMPARE(r->requestedAtMs, isoMs("2026-01-02T00:00:00Z"));

        QVERIFY(w.setVersionTag(kModel, 1, tags::kApprovalAt, u"2026-01-02T00:00:00Z"_s).ok());
        QVERIFY(d.sync().ok());
        inbox = d.inbox();
        QVERIFY2(!find(*inbox, kModel, 1), qPrintable(names(*inbox).join(u", "_s)));
    }

    /// Another tool moves v1 to Staging after the first sync: the next sync sees it, and the inbox
    /// says between which syncs it happened. An old decision (before that window) does not settle it.
    void movedByAnotherToolBetweenTwoSyncs()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        Cache cache;
        QVERIFY(cache.open(d.cachePath));
        auto source = cache.sourceByUri(d.otherTool().value()->uri());
        QVERIFY(source.ok() && source->has_value() && (*source)->lastSyncMs);
        const qint64 firstSync = *(*source)->lastSyncMs;
        {
            auto tool = d.otherTool();
            QVERIFY(tool.ok());
            QVERIFY((*tool)->transitionStage(kModel, 1, u"Staging"_s, false).ok());
            QVERIFY((*tool)->setVersionTag(kModel, 1, tags::kApprovalState, u"rejected"_s).ok());
            QVERIFY((*tool)->setVersionTag(kModel, 1, tags::kApprovalAt, u"2020-05-01T00:00:00Z"_s).ok());
        }
        const qint64 beforeSync = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(d.sync().ok());
        auto inbox = d.inbox();
        QVERIFY2(inbox.ok(), qPrintable(errorText(inbox)));
        const ReviewRequest *r = find(*inbox, kModel, 1);
        QVERIFY2(r, qPrintable(names(*inbox).join(u", "_s)));
        QVERIFY(!r->requesterKnown());
        QVERIFY(r->windowObserved);
        QCOMPARE(r->windowStartMs, firstSync);
        QVERIFY(r->windowEndMs >= beforeSync);
        QVERIFY(r->windowEndMs <= QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(r->requestedMs(), r->windowEndMs);
        // Newest first: v1 was seen after v3 (which predates the first sync).
        QCOMPARE(names(*inbox), (QStringList{u"car_price_model v1"_s, u"car_price_model v3"_s}));

        // A decision made after the move settles it.
        {
            auto tool = d.otherTool();
            QVERIFY((*tool)->setVersionTag(kModel, 1, tags::kApprovalAt,
                                           QDateTime::currentDateTimeUtc().toString(Qt::ISODate)).ok());
        }
        QVERIFY(d.sync().ok());
        inbox = d.inbox();
        QCOMPARE(names(*inbox), QStringList{u"car_price_model v3"_s});
    }

    /// MLflow 3 with aliases only: the champion is Production and never waits; the challenger
    /// does, against the champion's key metric. A prompt with the candidate alias never appears.
    void aliasModelsAndPrompts()
    {
        Desk d;
        QVERIFY(d.setUpMlflow3Db());
        {
            auto tool = d.otherTool();
            QVERIFY2(tool.ok(), qPrintable(errorText(tool)));
            QVERIFY((*tool)->setAlias(u"car_price_summary_prompt"_s, u"challenger"_s, 1).ok());
        }
        QVERIFY(d.sync().ok());
        auto inbox = d.inbox();
        QVERIFY2(inbox.ok(), qPrintable(errorText(inbox)));
        QCOMPARE(names(*inbox), (QStringList{u"car_price_model v3"_s, u"churn_model_v3 v3"_s}));
        for (const ReviewRequest &r : std::as_const(*inbox)) {
            QCOMPARE(r.stage, u"None"_s);
            QCOMPARE(r.aliases, QStringList{u"challenger"_s});
            QCOMPARE(r.productionVersion, qint64(2));  // the champion
            QVERIFY(!r.requesterKnown());
        }
        // With the candidate alias named otherwise, the same versions are not in review.
        auto p = Policies::parse("{\"defaults\": {\"candidate_alias\": \"candidate\"}}", u"p.json"_s);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        d.policies = *p;
        inbox = d.inbox();
        QCOMPARE(names(*inbox), QStringList());
    }

    /// `--source`: only that source's requests.
    void oneSourceOnly()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        // A second source in the same cache: the MLflow 3 database.
        const QString db = d.dir.filePath(u"mlflow3.db"_s);
        QVERIFY(QFile::copy(test::dataPath(u"mlflow3/mlflow.db"_s), db));
        QFile::setPermissions(db, QFile::ReadOwner | QFile::WriteOwner);
        auto second = Importer::importUri(u"sqlite:///"_s + db, d.cachePath, d.journalPath, d.cancel);
        QVERIFY2(second.ok(), qPrintable(errorText(second)));
        auto all = d.inbox();
        QCOMPARE(all->size(), qsizetype(3));
        auto only = d.inbox(second->sourceId);
        QCOMPARE(names(*only), (QStringList{u"car_price_model v3"_s, u"churn_model_v3 v3"_s}));
        for (const ReviewRequest &r : std::as_const(*only))
            QCOMPARE(r.sourceUri, second->uri);
    }

    /// What a sync brought: requests by key, a request made again is new.
    void addedComparesByRequest()
    {
        ReviewRequest a;
        a.sourceUri = u"file:///x"_s;
        a.model = u"m"_s;
        a.version = 1;
        ReviewRequest b = a;
        b.version = 2;
        b.requestedBy = u"alice"_s;
        b.requestedAtMs = 1000;
        QCOMPARE(ReviewInbox::added({a}, {a, b}).size(), qsizetype(1));
        QCOMPARE(ReviewInbox::added({a}, {a, b}).first().version, qint64(2));
        QVERIFY(ReviewInbox::added({a, b}, {b}).isEmpty());
        ReviewRequest again = b;
        again.requestedAtMs = 2000;
        QCOMPARE(ReviewInbox::added({a, b}, {a, again}).size(), qsizetype(1));
    }

    /// require_known_requester: Approve of a version nobody is recorded as having asked about is
    /// refused by the rule "known-requester"; Reject still works, and so does a known request.
    void requireKnownRequester()
    {
        Desk d;
        QVERIFY(d.setUpFileStore());
        auto p = Policies::parse("{\"models\": {\"car_price_model\": {\"require_known_requester\": true}}}",
                                 u"policies.json"_s);
        QVERIFY2(p.ok(), qPrintable(errorText(p)));
        d.policies = *p;
        QVERIFY(d.policies.forModel(kModel).requireKnownRequester);
        QVERIFY(!d.policies.forModel(u"other"_s).requireKnownRequester);

        auto refused = d.act(u"bob"_s, ActionKind::Approve, 3, {}, u"looks fine"_s);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().category, ErrorCategory::Policy);
        QVERIFY2(refused.error().message.contains(u"known-requester"_s), qPrintable(refused.error().message));
        QVERIFY2(refused.error().message.contains(u"car_price_model v3"_s), qPrintable(refused.error().message));
        QCOMPARE(refused.error().where, u"policies.json: models.car_price_model"_s);
        auto fresh = d.otherTool().value()->readModel(kModel);
        QVERIFY(fresh.ok());
        for (const KeyValue &t : fresh->findVersion(3)->tags)
            QVERIFY2(t.key != tags::kApprovalState, qPrintable(t.value));

        auto sent = d.act(u"alice"_s, ActionKind::Promote, 3, u"Staging"_s);
        QVERIFY2(sent.ok(), qPrintable(errorText(sent)));
        auto approved = d.act(u"bob"_s, ActionKind::Approve, 3, {}, u"looks fine"_s);
        QVERIFY2(approved.ok(), qPrintable(errorText(approved)));
        QVERIFY(approved->plan.checks.join(u'\n').contains(u"known requester: alice"_s));

        // Off by default.
        auto defaults = Policies::parse("{}", u"p.json"_s);
        QVERIFY(defaults.ok() && !defaults->forModel(kModel).requireKnownRequester);
        // A wrong type is an error naming the key, like every rule.
        auto wrong = Policies::parse("{\"defaults\": {\"require_known_requester\": \"yes\"}}", u"p.json"_s);
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().where, u"p.json: defaults.require_known_requester"_s);
        auto typo = Policies::parse("{\"defaults\": {\"require_known_requestor\": true}}", u"p.json"_s);
        QVERIFY(!typo.ok());
        QCOMPARE(typo.error().where, u"p.json: defaults.require_known_requestor"_s);
    }
};

QTEST_GUILESS_MAIN(TestReviewInbox)
#include "tst_review_inbox.moc"

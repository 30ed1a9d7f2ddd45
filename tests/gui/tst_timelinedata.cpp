// SPDX-License-Identifier: GPL-3.0-or-later
// TimelineData: lanes, blocks and markers derived from a registered model and the journal's
// observed changes. The model is the fixture's car_price_model with its exact timestamps.
#include "models/TimelineData.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using md::JournalEntry;
using md::TimelineBlock;
using md::TimelineData;
using md::TimelineLane;
using md::TimelineMarker;

namespace {

constexpr qint64 kNow = 1795800000000;
constexpr qint64 kSync1 = 1795790000000;
constexpr qint64 kSync2 = 1795790060000;

md::ModelVersion version(qint64 v, qint64 created, qint64 updated, const QString &stage, QStringList aliases = {})
{
    md::ModelVersion mv;
    mv.name = u"car_price_model"_s;
    mv.version = v;
    mv.creationTime = created;
    mv.lastUpdatedTime = updated;
    mv.currentStage = stage;
    mv.aliases = aliases;
    return mv;
}

md::RegisteredModel carPriceModel()
{
    md::RegisteredModel m;
    m.name = u"car_price_model"_s;
    m.creationTime = 1795736400498;
    m.lastUpdatedTime = 1795736411583;
    m.aliases = {{u"challenger"_s, 3}, {u"champion"_s, 4}};
    m.versions = {version(1, 1795736400503, 1795736405534, md::kStageArchived),
                  version(2, 1795736403520, 1795736410569, md::kStageArchived),
                  version(3, 1795736406541, 1795736407550, md::kStageStaging, {u"challenger"_s}),
                  version(4, 1795736408555, 1795736410569, md::kStageProduction, {u"champion"_s})};
    return m;
}

JournalEntry observed(const QString &subject, const QString &field, const QString &oldValue, const QString &newValue,
                      qint64 start = kSync1, qint64 end = kSync2)
{
    JournalEntry e;
    e.timeMs = end;
    e.sourceUri = u"file:///store"_s;
    e.kind = u"observed."_s + field.section(u':', 0, 0);
    e.subject = subject;
    e.details = QJsonObject{{u"field"_s, field},
                            {u"old"_s, oldValue},
                            {u"new"_s, newValue},
                            {u"window_start_ms"_s, double(start)},
                            {u"window_end_ms"_s, double(end)}};
    return e;
}

QList<qint64> versionsIn(const TimelineData &d, TimelineLane::Kind kind, const QString &lane)
{
    const int i = d.laneIndex(kind, lane);
    if (i < 0)
        return {-1};
    QList<qint64> out;
    for (const TimelineBlock &b : d.lanes.at(i).blocks)
        out.append(b.version);
    return out;
}

const TimelineBlock *block(const TimelineData &d, TimelineLane::Kind kind, const QString &lane, qint64 version)
{
    const int i = d.laneIndex(kind, lane);
    if (i < 0)
        return nullptr;
    for (const TimelineBlock &b : d.lanes.at(i).blocks)
        if (b.version == version)
            return &b;
    return nullptr;
}

} // namespace

class TestTimelineData : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void withoutHistoryCurrentStagesHoldSinceLastUpdate()
    {
        const TimelineData d = TimelineData::build(carPriceModel(), {}, kNow);
        QStringList names;
        for (const TimelineLane &l : d.lanes)
            names.append(l.name);
        QCOMPARE(names, (QStringList{QString(), u"Production"_s, u"Staging"_s, u"Archived"_s, u"challenger"_s,
                                     u"champion"_s}));
        QCOMPARE(d.lanes.at(0).kind, TimelineLane::Kind::Events);
        QCOMPARE(d.lanes.at(4).kind, TimelineLane::Kind::Alias);

        QCOMPARE(versionsIn(d, TimelineLane::Kind::Stage, u"Production"_s), QList<qint64>{4});
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Stage, u"Staging"_s), QList<qint64>{3});
        // Archived versions show only their registration.
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Stage, u"Archived"_s), QList<qint64>{});
        const TimelineBlock *v4 = block(d, TimelineLane::Kind::Stage, u"Production"_s, 4);
        QCOMPARE(v4->startMs, 1795736410569);
        QCOMPARE(v4->endMs, kNow);
        QVERIFY(v4->open);
        QCOMPARE(block(d, TimelineLane::Kind::Stage, u"Staging"_s, 3)->startMs, 1795736407550);
        // Aliases hold since their version's creation.
        QCOMPARE(block(d, TimelineLane::Kind::Alias, u"champion"_s, 4)->startMs, 1795736408555);
        QCOMPARE(block(d, TimelineLane::Kind::Alias, u"challenger"_s, 3)->startMs, 1795736406541);

        QCOMPARE(d.markers.size(), 4);
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(d.markers.at(i).kind, TimelineMarker::Kind::Registered);
            QCOMPARE(d.markers.at(i).version, i + 1);
            QCOMPARE(d.markers.at(i).lane, 0);
        }
        QCOMPARE(d.markers.at(0).timeMs, 1795736400503);
        QCOMPARE(d.startMs, 1795736400498);
        QCOMPARE(d.endMs, kNow);
    }

    void observedStageChangeSplitsTheVersionsHistory()
    {
        const QList<JournalEntry> journal{
            observed(u"car_price_model/3"_s, u"stage"_s, u"Staging"_s, u"Production"_s),
            // Other models' entries, even with a common prefix, do not count.
            observed(u"car_price_model_2/3"_s, u"stage"_s, u"None"_s, u"Archived"_s),
            observed(u"other/1"_s, u"stage"_s, u"None"_s, u"Production"_s),
        };
        md::RegisteredModel m = carPriceModel();
        m.versions[2].currentStage = md::kStageProduction;
        const TimelineData d = TimelineData::build(m, journal, kNow);
        const qint64 mid = kSync1 + (kSync2 - kSync1) / 2;

        QCOMPARE(versionsIn(d, TimelineLane::Kind::Stage, u"Production"_s), (QList<qint64>{4, 3}));
        const TimelineBlock *now = block(d, TimelineLane::Kind::Stage, u"Production"_s, 3);
        QCOMPARE(now->startMs, mid);
        QCOMPARE(now->startWindowStartMs, kSync1);
        QCOMPARE(now->startWindowEndMs, kSync2);
        QVERIFY(now->open);
        // Before: Staging since its last update (which lies before the window) until the change.
        const TimelineBlock *before = block(d, TimelineLane::Kind::Stage, u"Staging"_s, 3);
        QVERIFY(before);
        QCOMPARE(before->startMs, 1795736407550);
        QCOMPARE(before->endMs, mid);
        QVERIFY(!before->open);

        QCOMPARE(d.markers.size(), 5);
        const TimelineMarker &marker = d.markers.last();
        QCOMPARE(marker.kind, TimelineMarker::Kind::Observed);
        QCOMPARE(marker.version, 3);
        QCOMPARE(marker.timeMs, mid);
        QCOMPARE(marker.windowStartMs, kSync1);
        QCOMPARE(marker.windowEndMs, kSync2);
        QCOMPARE(marker.lane, d.laneIndex(TimelineLane::Kind::Stage, u"Production"_s));
        QCOMPARE(marker.oldValue, u"Staging"_s);
        QCOMPARE(marker.newValue, u"Production"_s);
    }

    void observedArchivalShowsTheArchivedBlock()
    {
        md::RegisteredModel m = carPriceModel();
        // The other tool archived v4 and touched its last_updated_timestamp inside the window.
        m.versions[3].currentStage = md::kStageArchived;
        m.versions[3].lastUpdatedTime = kSync1 + 1000;
        const TimelineData d = TimelineData::build(
            m, {observed(u"car_price_model/4"_s, u"stage"_s, u"Production"_s, u"Archived"_s)}, kNow);
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Stage, u"Archived"_s), QList<qint64>{4});
        // The last update is the change itself: Production is known since the creation only.
        QCOMPARE(block(d, TimelineLane::Kind::Stage, u"Production"_s, 4)->startMs, 1795736408555);
        QCOMPARE(d.markers.last().lane, d.laneIndex(TimelineLane::Kind::Stage, u"Archived"_s));
    }

    void observedAliasMoveHandsTheLaneOver()
    {
        md::RegisteredModel m = carPriceModel();
        m.aliases = {{u"challenger"_s, 3}, {u"champion"_s, 3}};
        const QList<JournalEntry> journal{observed(u"car_price_model/3"_s, u"alias:champion"_s, u"4"_s, u"3"_s),
                                          observed(u"car_price_model/1"_s, u"alias:old"_s, u"1"_s, QString(), kSync2,
                                                   kSync2 + 1000)};
        const TimelineData d = TimelineData::build(m, journal, kNow);
        const qint64 mid = kSync1 + (kSync2 - kSync1) / 2;
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Alias, u"champion"_s), (QList<qint64>{4, 3}));
        QCOMPARE(block(d, TimelineLane::Kind::Alias, u"champion"_s, 4)->endMs, mid);
        QCOMPARE(block(d, TimelineLane::Kind::Alias, u"champion"_s, 3)->startMs, mid);
        // A removed alias keeps its lane with the past block.
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Alias, u"old"_s), QList<qint64>{1});
        QVERIFY(!block(d, TimelineLane::Kind::Alias, u"old"_s, 1)->open);
        int observedMarkers = 0;
        for (const TimelineMarker &mk : d.markers)
            if (mk.kind == TimelineMarker::Kind::Observed) {
                ++observedMarkers;
                QCOMPARE(d.lanes.at(mk.lane).kind, TimelineLane::Kind::Alias);
            }
        QCOMPARE(observedMarkers, 2);
    }

    /// An aliases-only model: its champion lane is its Production, first after the events, and
    /// the stage lanes it never uses are left out; a model with stages keeps them.
    void aliasModelsChampionLaneIsProduction()
    {
        md::RegisteredModel m = carPriceModel();
        for (md::ModelVersion &v : m.versions)
            v.currentStage = md::kStageNone;
        m.aliases = {{u"challenger"_s, 3}, {u"champion"_s, 2}};
        const QList<JournalEntry> journal{observed(u"car_price_model/2"_s, u"alias:champion"_s, u"4"_s, u"2"_s)};
        const TimelineData d = TimelineData::build(m, journal, kNow, u"champion"_s);
        QCOMPARE(d.lanes.size(), 3);  // Events, champion, challenger
        QCOMPARE(d.lanes.at(1).kind, TimelineLane::Kind::Alias);
        QCOMPARE(d.lanes.at(1).name, u"champion"_s);
        QVERIFY(d.lanes.at(1).production);
        QVERIFY(!d.lanes.at(2).production);
        QCOMPARE(versionsIn(d, TimelineLane::Kind::Alias, u"champion"_s), (QList<qint64>{4, 2}));
        for (const TimelineMarker &mk : d.markers)
            if (mk.kind == TimelineMarker::Kind::Observed)
                QCOMPARE(d.lanes.at(mk.lane).name, u"champion"_s);
        // With stages in use, the stage lanes stay and no alias stands for Production.
        const TimelineData both = TimelineData::build(carPriceModel(), {}, kNow, u"champion"_s);
        QVERIFY(both.laneIndex(TimelineLane::Kind::Stage, md::kStageProduction) >= 0);
        for (const TimelineLane &lane : both.lanes)
            QVERIFY(!lane.production);
    }

    void actionsAreMarkersAtTheirTime()
    {
        JournalEntry e;
        e.timeMs = kSync2;
        e.kind = u"approve"_s;
        e.subject = u"car_price_model/4"_s;
        e.user = u"ana"_s;
        e.note = u"looks good"_s;
        const TimelineData d = TimelineData::build(carPriceModel(), {e}, kNow);
        QCOMPARE(d.markers.size(), 5);
        QCOMPARE(d.markers.last().kind, TimelineMarker::Kind::Action);
        QCOMPARE(d.markers.last().user, u"ana"_s);
        QCOMPARE(d.markers.last().note, u"looks good"_s);
        QCOMPARE(d.markers.last().timeMs, kSync2);
    }

    void axisIsMonotonicAndReadable()
    {
        const TimelineData d = TimelineData::build(carPriceModel(), {}, kNow);
        QCOMPARE(d.position(d.startMs), 0.0);
        QCOMPARE(d.position(d.endMs), 1.0);
        QCOMPARE(d.position(d.startMs - 5000), 0.0);
        QCOMPARE(d.position(d.endMs + 5000), 1.0);
        double last = -1;
        for (qint64 t = d.startMs; t <= d.endMs; t += (d.endMs - d.startMs) / 997) {
            const double p = d.position(t);
            QVERIFY(p >= last);
            last = p;
        }
        // 11 s of registry history and 18 h of quiet: the history still gets a good share.
        QVERIFY(d.position(1795736411583) > 0.3);
        QVERIFY(d.position(1795736403520) > d.position(1795736400503) + 0.03);
    }

    void emptyModelHasStageLanesAndNothingElse()
    {
        md::RegisteredModel m;
        m.name = u"empty_model"_s;
        m.creationTime = 1795736400000;
        const TimelineData d = TimelineData::build(m, {}, kNow);
        QCOMPARE(d.lanes.size(), 4);
        QVERIFY(d.markers.isEmpty());
        for (const TimelineLane &l : d.lanes)
            QVERIFY(l.blocks.isEmpty());
        QCOMPARE(d.position(kNow), 1.0);
    }
};

QTEST_GUILESS_MAIN(TestTimelineData)
#include "tst_timelinedata.moc"

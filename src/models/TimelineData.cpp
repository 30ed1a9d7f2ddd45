// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimelineData.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

struct Observed {
    const JournalEntry *entry = nullptr;
    qint64 version = 0;
    QString field, oldValue, newValue;
    qint64 windowStart = 0, windowEnd = 0;
    bool byAction = false;  ///< written by one of our actions: exact time, the action's marker shows it
    qint64 mid() const { return windowStart + (windowEnd - windowStart) / 2; }
};

/// The version a subject "model/3" names; 0 for "model"; -1 for another model.
qint64 subjectVersion(const QString &subject, const QString &model)
{
    if (subject == model)
        return 0;
    if (!subject.startsWith(model) || subject.size() <= model.size() + 1 || subject.at(model.size()) != u'/')
        return -1;
    bool ok = false;
    const qint64 v = QStringView(subject).mid(model.size() + 1).toLongLong(&ok);
    return ok ? v : -1;
}

bool holdsStageBlock(const QString &stage)
{
    return !stage.isEmpty() && stage != kStageNone;
}

} // namespace

int TimelineData::laneIndex(TimelineLane::Kind kind, const QString &name) const
{
    for (int i = 0; i < lanes.size(); ++i)
        if (lanes.at(i).kind == kind && lanes.at(i).name == name)
            return i;
    return -1;
}

TimelineData TimelineData::build(const RegisteredModel &model, const QList<JournalEntry> &journal, qint64 nowMs,
                                 const QString &productionAlias)
{
    TimelineData d;
    d.lanes.append({TimelineLane::Kind::Events, QString(), {}});
    for (const QString &stage : {kStageProduction, kStageStaging, kStageArchived})
        d.lanes.append({TimelineLane::Kind::Stage, stage, {}});

    QHash<qint64, const ModelVersion *> versions;
    for (const ModelVersion &v : model.versions)
        versions.insert(v.version, &v);
    auto creation = [&](qint64 version) {
        const ModelVersion *v = versions.value(version);
        return v && v->creationTime > 0 ? v->creationTime : model.creationTime;
    };

    // The observations of this model, oldest first (by the middle of the window, then journal order).
    QList<Observed> observed;
    for (const JournalEntry &e : journal) {
        const qint64 version = subjectVersion(e.subject, model.name);
        if (version < 0)
            continue;
        if (!e.kind.startsWith(u"observed."_s)) {
            // An intent is followed by its outcome (or by nothing when the process died): only
            // outcomes are events.
            // Refused and queued actions changed nothing (the journal keeps them for the audit).
            if (e.kind == u"intent"_s || e.kind == u"refused"_s || e.kind == u"queued"_s || e.kind == u"dropped"_s)
                continue;
            TimelineMarker m;
            m.kind = TimelineMarker::Kind::Action;
            m.version = version;
            m.timeMs = m.windowStartMs = m.windowEndMs = e.timeMs;
            m.field = e.kind;
            m.newValue = e.details.value(u"summary"_s).toString();
            m.user = e.user;
            m.note = e.note;
            d.markers.append(m);
            // What the action changed is known exactly; it shapes the blocks like an observation
            // with a zero-width window.
            const QJsonArray changes = e.details.value(u"changes"_s).toArray();
            for (const QJsonValue &cv : changes) {
                const QJsonObject c = cv.toObject();
                Observed o;
                o.entry = &e;
                o.byAction = true;
                o.version = qint64(c.value(u"version"_s).toDouble());
                o.field = c.value(u"field"_s).toString();
                o.oldValue = c.value(u"old"_s).toString();
                o.newValue = c.value(u"new"_s).toString();
                o.windowStart = o.windowEnd = e.timeMs;
                if (o.version > 0 && !o.field.isEmpty())
                    observed.append(o);
            }
            continue;
        }
        Observed o;
        o.entry = &e;
        o.version = version;
        o.field = e.details.value(u"field"_s).toString();
        o.oldValue = e.details.value(u"old"_s).toString();
        o.newValue = e.details.value(u"new"_s).toString();
        o.windowStart = qint64(e.details.value(u"window_start_ms"_s).toDouble());
        o.windowEnd = qint64(e.details.value(u"window_end_ms"_s).toDouble());
        if (o.windowEnd < o.windowStart)
            o.windowEnd = o.windowStart;
        if (o.windowStart == 0)
            o.windowStart = o.windowEnd = e.timeMs;
        observed.append(o);
    }
    std::stable_sort(observed.begin(), observed.end(),
                     [](const Observed &a, const Observed &b) { return a.mid() < b.mid(); });

    auto addBlock = [&](TimelineLane::Kind kind, const QString &lane, TimelineBlock b) {
        const int i = d.laneIndex(kind, lane);
        if (i < 0)
            d.lanes.append({kind, lane, {b}});
        else
            d.lanes[i].blocks.append(b);
    };

    // Stages.
    for (const ModelVersion &v : model.versions) {
        QList<const Observed *> changes;
        for (const Observed &o : std::as_const(observed))
            if (o.version == v.version && o.field == u"stage"_s)
                changes.append(&o);
        if (changes.isEmpty()) {
            if (v.currentStage == kStageStaging || v.currentStage == kStageProduction) {
                const qint64 since = v.lastUpdatedTime > 0 ? v.lastUpdatedTime : v.creationTime;
                addBlock(TimelineLane::Kind::Stage, v.currentStage, {v.version, since, nowMs, true, 0, 0});
            }
            continue;
        }
        const Observed *last = changes.last();
        if (holdsStageBlock(v.currentStage))
            addBlock(TimelineLane::Kind::Stage, v.currentStage,
                     {v.version, last->mid(), nowMs, true, last->windowStart, last->windowEnd});
        for (qsizetype i = changes.size() - 1; i >= 0; --i) {
            const Observed *c = changes.at(i);
            if (!holdsStageBlock(c->oldValue))
                continue;
            TimelineBlock b{v.version, 0, c->mid(), false, 0, 0};
            if (i > 0) {
                b.startMs = changes.at(i - 1)->mid();
                b.startWindowStartMs = changes.at(i - 1)->windowStart;
                b.startWindowEndMs = changes.at(i - 1)->windowEnd;
            } else {
                b.startMs = v.lastUpdatedTime > 0 && v.lastUpdatedTime < c->windowStart ? v.lastUpdatedTime
                                                                                         : creation(v.version);
            }
            addBlock(TimelineLane::Kind::Stage, c->oldValue, b);
        }
    }

    // Aliases: every alias the model has now or had according to the journal, by name.
    QSet<QString> aliasNames;
    QHash<QString, qint64> current;
    for (const ModelAlias &a : model.aliases) {
        aliasNames.insert(a.alias);
        current.insert(a.alias, a.version);
    }
    for (const Observed &o : std::as_const(observed))
        if (o.field.startsWith(u"alias:"_s))
            aliasNames.insert(o.field.mid(6));
    QStringList sortedAliases(aliasNames.cbegin(), aliasNames.cend());
    sortedAliases.sort();
    for (const QString &alias : std::as_const(sortedAliases)) {
        QList<const Observed *> changes;
        for (const Observed &o : std::as_const(observed))
            if (o.field == u"alias:"_s + alias)
                changes.append(&o);
        const qint64 now = current.value(alias);
        if (changes.isEmpty()) {
            addBlock(TimelineLane::Kind::Alias, alias, {now, creation(now), nowMs, true, 0, 0});
            continue;
        }
        const Observed *last = changes.last();
        if (now)
            addBlock(TimelineLane::Kind::Alias, alias, {now, last->mid(), nowMs, true, last->windowStart, last->windowEnd});
        else
            addBlock(TimelineLane::Kind::Alias, alias, {});  // the lane, empty now
        for (qsizetype i = changes.size() - 1; i >= 0; --i) {
            const Observed *c = changes.at(i);
            const qint64 old = c->oldValue.toLongLong();
            if (old <= 0)
                continue;
            TimelineBlock b{old, creation(old), c->mid(), false, 0, 0};
            if (i > 0) {
                b.startMs = changes.at(i - 1)->mid();
                b.startWindowStartMs = changes.at(i - 1)->windowStart;
                b.startWindowEndMs = changes.at(i - 1)->windowEnd;
            }
            addBlock(TimelineLane::Kind::Alias, alias, b);
        }
    }
    for (TimelineLane &lane : d.lanes) {
        lane.blocks.removeIf([](const TimelineBlock &b) { return b.version == 0; });
        std::sort(lane.blocks.begin(), lane.blocks.end(),
                  [](const TimelineBlock &a, const TimelineBlock &b) { return a.startMs < b.startMs; });
        QList<qint64> trackEnds;
        for (TimelineBlock &b : lane.blocks) {
            qsizetype t = 0;
            while (t < trackEnds.size() && trackEnds.at(t) > b.startMs)
                ++t;
            if (t == trackEnds.size())
                trackEnds.append(b.endMs);
            else
                trackEnds[t] = b.endMs;
            b.track = int(t);
        }
        lane.tracks = std::max<int>(1, int(trackEnds.size()));
    }

    // An alias model: no version ever held a stage, and its production alias is its Production.
    if (!productionAlias.isEmpty()) {
        const bool stages = std::any_of(d.lanes.cbegin(), d.lanes.cend(), [](const TimelineLane &l) {
            return l.kind == TimelineLane::Kind::Stage && !l.blocks.isEmpty();
        });
        const int champion = d.laneIndex(TimelineLane::Kind::Alias, productionAlias);
        if (!stages && champion >= 0) {
            TimelineLane lane = d.lanes.takeAt(champion);
            lane.production = true;
            d.lanes.removeIf([](const TimelineLane &l) { return l.kind == TimelineLane::Kind::Stage; });
            d.lanes.insert(1, lane);
        }
    }

    // Markers.
    for (const ModelVersion &v : model.versions) {
        TimelineMarker m;
        m.version = v.version;
        m.timeMs = m.windowStartMs = m.windowEndMs = v.creationTime;
        m.field = u"registered"_s;
        m.newValue = v.currentStage;
        m.user = v.userId;
        d.markers.append(m);
    }
    for (const Observed &o : std::as_const(observed)) {
        // The creation time of a version is exact; the observation of its registration adds nothing.
        if (o.field == u"registered"_s && versions.contains(o.version))
            continue;
        if (o.byAction)
            continue;
        TimelineMarker m;
        m.kind = TimelineMarker::Kind::Observed;
        m.version = o.version;
        m.timeMs = o.mid();
        m.windowStartMs = o.windowStart;
        m.windowEndMs = o.windowEnd;
        m.field = o.field;
        m.oldValue = o.oldValue;
        m.newValue = o.newValue;
        m.user = o.entry->user;
        m.note = o.entry->note;
        if (o.field == u"stage"_s) {
            const QString stage = holdsStageBlock(o.newValue) ? o.newValue : o.oldValue;
            m.lane = std::max(0, d.laneIndex(TimelineLane::Kind::Stage, stage));
        } else if (o.field.startsWith(u"alias:"_s)) {
            m.lane = std::max(0, d.laneIndex(TimelineLane::Kind::Alias, o.field.mid(6)));
        }
        d.markers.append(m);
    }
    for (TimelineMarker &m : d.markers)
        for (const TimelineBlock &b : std::as_const(d.lanes.at(m.lane).blocks))
            if (b.version == m.version && (b.startMs == m.timeMs || b.endMs == m.timeMs))
                m.track = b.track;
    std::stable_sort(d.markers.begin(), d.markers.end(),
                     [](const TimelineMarker &a, const TimelineMarker &b) { return a.timeMs < b.timeMs; });

    // The axis.
    QList<qint64> times;
    if (model.creationTime > 0)
        times.append(model.creationTime);
    for (const TimelineLane &lane : std::as_const(d.lanes))
        for (const TimelineBlock &b : lane.blocks)
            times << b.startMs << b.endMs;
    for (const TimelineMarker &m : std::as_const(d.markers))
        times << m.windowStartMs << m.timeMs << m.windowEndMs;
    times.removeIf([](qint64 t) { return t <= 0; });
    std::sort(times.begin(), times.end());
    d.endMs = std::max(nowMs, times.isEmpty() ? nowMs : times.last());
    d.startMs = times.isEmpty() ? d.endMs - 24 * 3600 * 1000 : times.first();
    if (d.startMs >= d.endMs)
        d.startMs = d.endMs - 1000;
    times << d.startMs << d.endMs;
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    d.breakpoints = times;
    d.m_cumulative.append(0);
    double total = 0;
    for (qsizetype i = 1; i < times.size(); ++i) {
        total += 1.0 + std::log10(1.0 + double(times.at(i) - times.at(i - 1)) / 1000.0);
        d.m_cumulative.append(total);
    }
    for (double &c : d.m_cumulative)
        c /= total;
    return d;
}

double TimelineData::position(qint64 ms) const
{
    if (breakpoints.size() < 2 || ms <= breakpoints.first())
        return 0;
    if (ms >= breakpoints.last())
        return 1;
    const auto it = std::upper_bound(breakpoints.cbegin(), breakpoints.cend(), ms);
    const qsizetype i = it - breakpoints.cbegin();  // breakpoints[i-1] <= ms < breakpoints[i]
    const double a = m_cumulative.at(i - 1), b = m_cumulative.at(i);
    const double f = double(ms - breakpoints.at(i - 1)) / double(breakpoints.at(i) - breakpoints.at(i - 1));
    return a + (b - a) * f;
}

} // namespace md

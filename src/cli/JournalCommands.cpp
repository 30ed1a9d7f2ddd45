// SPDX-License-Identifier: GPL-3.0-or-later
// The journal and what is read from it: `journal`, `timeline`, and `queue`, the actions that wait
// in it for an unreachable server.
#include "Command.h"

#include "actions/ActionService.h"
#include "actions/Policy.h"
#include "cache/Journal.h"
#include "models/TimelineData.h"
#include "sources/RegistryWriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QSet>

namespace md::cli {

namespace {

int cmdJournal(Context &c)
{
    Journal j;
    if (Status st = j.open(c.journalPath); !st)
        return c.fail(st.error());
    if (c.positional.value(0) == QLatin1String("verify")) {
        if (Status st = j.verify(); !st)
            return c.fail(st.error());
        c.out(Tr::tr("The journal is intact: %1\n").arg(c.journalPath));
        return 0;
    }
    if (!c.positional.isEmpty())
        return c.usageError(Tr::tr("unknown journal command '%1'").arg(c.positional[0]));
    auto entries = j.entries(c.source, c.value(QStringLiteral("model")));
    if (!entries)
        return c.fail(entries.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &e : std::as_const(*entries))
            a.push_back({{"seq", e.seq}, {"time", e.timeMs}, {"source", s(e.sourceUri)}, {"kind", s(e.kind)},
                         {"subject", s(e.subject)}, {"user", s(e.user)}, {"note", s(e.note)},
                         {"details", json::parse(QJsonDocument(e.details).toJson(QJsonDocument::Compact).toStdString())},
                         {"hash", s(e.hash)}});
        c.printJson({{"entries", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("#"), Tr::tr("Time"), Tr::tr("Kind"), Tr::tr("Subject"), Tr::tr("Details"), Tr::tr("Source")}, {}};
    for (const auto &e : std::as_const(*entries))
        t.rows.append({QString::number(e.seq), isoTime(e.timeMs), e.kind, e.subject,
                       QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact)), e.sourceUri});
    c.printTable(t);
    return 0;
}

int cmdQueue(Context &c)
{
    Journal j;
    if (Status st = j.open(c.journalPath); !st)
        return c.fail(st.error());
    ActionQueue queue(j);
    const QString sub = c.positional.value(0);
    if (sub == QLatin1String("apply")) {
        auto pending = queue.list(c.source, true);
        if (!pending)
            return c.fail(pending.error());
        QSet<QString> sources;
        for (const auto &a : std::as_const(*pending))
            sources.insert(a.request.sourceUri);
        int rc = 0;
        for (const QString &uri : std::as_const(sources)) {
            auto writer = createRegistryWriter(uri);
            if (!writer) {
                rc = c.fail(writer.error());
                continue;
            }
            if (Status st = (*writer)->open(); !st) {
                rc = c.fail(st.error());
                continue;
            }
            auto policies = Policies::load(c.value(QStringLiteral("policies")));
            if (!policies)
                return c.fail(policies.error());
            ActionService svc(**writer, j, &c.cache, *policies, currentIdentity(uri));
            auto done = svc.applyQueued();
            if (!done) {
                rc = c.fail(done.error());
                continue;
            }
            for (const auto &a : std::as_const(*done)) {
                c.out(Tr::tr("#%1 %2 %3 v%4: %5 — %6\n")
                          .arg(a.id)
                          .arg(actionKindName(a.request.kind), a.request.model)
                          .arg(a.request.version)
                          .arg(a.state, a.result));
                if (a.state != QLatin1String("applied"))
                    rc = 1;
            }
        }
        return rc;
    }
    if (!sub.isEmpty())
        return c.usageError(Tr::tr("unknown queue command '%1'").arg(sub));
    auto all = queue.list(c.source, false);
    if (!all)
        return c.fail(all.error());
    if (c.format == Format::Json) {
        json a = json::array();
        for (const auto &q : std::as_const(*all))
            a.push_back({{"id", q.id}, {"created", q.createdMs}, {"user", s(q.user)}, {"state", s(q.state)},
                         {"result", s(q.result)},
                         {"request", json::parse(QJsonDocument(q.request.toJson()).toJson(QJsonDocument::Compact).toStdString())}});
        c.printJson({{"queue", a}});
        return 0;
    }
    OutputTable t{{Tr::tr("#"), Tr::tr("Queued"), Tr::tr("User"), Tr::tr("Action"), Tr::tr("Model"), Tr::tr("Version"),
                   Tr::tr("State"), Tr::tr("Result"), Tr::tr("Source")}, {}};
    for (const auto &q : std::as_const(*all))
        t.rows.append({QString::number(q.id), isoTime(q.createdMs), q.user, actionKindName(q.request.kind), q.request.model,
                       QString::number(q.request.version), q.state, q.result, q.request.sourceUri});
    c.printTable(t);
    return 0;
}

int cmdTimeline(Context &c)
{
    if (c.positional.size() != 1)
        return c.usageError(Tr::tr("timeline needs a MODEL name"));
    auto m = c.cache.registeredModel(c.positional[0], c.sourceId);
    if (!m)
        return c.fail(m.error());
    Journal j;
    if (Status st = j.open(c.journalPath); !st)
        return c.fail(st.error());
    QString uri;
    if (auto list = c.cache.sources())
        for (const auto &si : std::as_const(*list))
            if (auto mine = c.cache.registeredModels(si.id))
                for (const auto &mm : std::as_const(*mine))
                    if (mm.name == m->name && (!c.sourceId || *c.sourceId == si.id))
                        uri = si.uri;
    auto entries = j.entries(uri, m->name);
    if (!entries)
        return c.fail(entries.error());
    const TimelineData d = TimelineData::build(*m, *entries, QDateTime::currentMSecsSinceEpoch());
    if (c.format == Format::Json) {
        json lanes = json::array();
        for (const auto &l : d.lanes) {
            json blocks = json::array();
            for (const auto &b : l.blocks)
                blocks.push_back({{"version", b.version}, {"start", b.startMs}, {"end", b.open ? json(nullptr) : json(b.endMs)}});
            lanes.push_back({{"lane", s(l.name.isEmpty() ? QStringLiteral("events") : l.name)}, {"blocks", blocks}});
        }
        json markers = json::array();
        for (const auto &mk : d.markers)
            markers.push_back({{"time", mk.timeMs}, {"version", mk.version}, {"event", s(mk.field)}, {"old", s(mk.oldValue)},
                               {"new", s(mk.newValue)}, {"user", s(mk.user)}, {"note", s(mk.note)},
                               {"window_start", mk.windowStartMs}, {"window_end", mk.windowEndMs}});
        c.printJson({{"model", s(m->name)}, {"lanes", lanes}, {"events", markers}});
        return 0;
    }
    OutputTable lanes{{Tr::tr("Lane"), Tr::tr("Version"), Tr::tr("From"), Tr::tr("Until")}, {}};
    for (const auto &l : d.lanes)
        for (const auto &b : l.blocks)
            lanes.rows.append({l.name, QStringLiteral("v") + QString::number(b.version), isoTime(b.startMs),
                               b.open ? Tr::tr("now") : isoTime(b.endMs)});
    c.printTable(lanes);
    if (c.format == Format::Table)
        c.out(QStringLiteral("\n"));
    OutputTable events{{Tr::tr("Time"), Tr::tr("Version"), Tr::tr("Event"), Tr::tr("Change"), Tr::tr("User"), Tr::tr("Note")}, {}};
    for (const auto &mk : d.markers) {
        QString change;
        if (!mk.oldValue.isEmpty() || !mk.newValue.isEmpty())
            change = mk.oldValue + QStringLiteral(" → ") + mk.newValue;
        QString when = isoTime(mk.timeMs);
        if (mk.windowEndMs > mk.windowStartMs)
            when = Tr::tr("%1 … %2").arg(isoTime(mk.windowStartMs), isoTime(mk.windowEndMs));
        events.rows.append({when, mk.version ? QStringLiteral("v") + QString::number(mk.version) : QString(), mk.field, change,
                            mk.user, mk.note});
    }
    c.printTable(events);
    return 0;
}

} // namespace

QList<Command> journalCommands()
{
    return {
        {QStringLiteral("journal"), cmdJournal, {valueOption(QStringLiteral("model"), QStringLiteral("MODEL"))}, false},
        {QStringLiteral("timeline"), cmdTimeline, {}, true},
        {QStringLiteral("queue"), cmdQueue, {valueOption(QStringLiteral("policies"), QStringLiteral("FILE"))}, true},
    };
}

} // namespace md::cli

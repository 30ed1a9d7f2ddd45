// SPDX-License-Identifier: GPL-3.0-or-later
// The registry actions: register, promote, ab, approve, reject, rollback. Each plans, checks the
// policies, writes to the source that holds the model, reads back and journals (ActionService).
#include "Command.h"

#include "actions/ActionService.h"
#include "actions/Policy.h"
#include "cache/Journal.h"
#include "sources/RegistryWriter.h"

#include <QFile>
#include <QTextStream>

#include <cstdio>
#include <memory>
#include <unistd.h>

namespace md::cli {

namespace {

/// The source an action on `model` goes to: --source, else the one source in the cache that holds
/// the model, else MLFLOW_TRACKING_URI.
Result<QString> actionSource(Context &c, const QString &model)
{
    const QString given = c.source;
    if (!given.isEmpty()) {
        if (c.sourceId) {
            auto list = c.cache.sources();
            if (list)
                for (const auto &si : std::as_const(*list))
                    if (si.id == *c.sourceId)
                        return si.uri;
        }
        return given;
    }
    auto models = c.cache.registeredModels(std::nullopt);
    auto list = c.cache.sources();
    if (models && list) {
        QStringList holders;
        for (const auto &si : std::as_const(*list)) {
            auto mine = c.cache.registeredModels(si.id);
            if (!mine)
                continue;
            for (const auto &m : std::as_const(*mine))
                if (m.name == model)
                    holders.append(si.uri);
        }
        if (holders.size() == 1)
            return holders.first();
        if (holders.size() > 1)
            return makeError(ErrorCategory::BadInput,
                             Tr::tr("model '%1' is in several sources (%2); choose one with --source").arg(model, holders.join(QStringLiteral(", "))),
                             QStringLiteral("--source"));
    }
    const QString env = qEnvironmentVariable("MLFLOW_TRACKING_URI");
    if (!env.isEmpty())
        return env;
    return makeError(ErrorCategory::NotFound,
                     Tr::tr("no source in the cache holds model '%1'; sync it first or give --source").arg(model), model);
}

struct ActionSetup {
    std::unique_ptr<RegistryWriter> writer;
    Journal journal;
    std::unique_ptr<ActionService> service;
};

Result<std::unique_ptr<ActionSetup>> setUpActions(Context &c, const QString &model)
{
    auto uri = actionSource(c, model);
    if (!uri)
        return uri.error();
    auto setup = std::make_unique<ActionSetup>();
    auto writer = createRegistryWriter(*uri);
    if (!writer)
        return writer.error();
    setup->writer = std::move(*writer);
    // An unreachable server is not an error yet: the action then waits in the queue.
    if (Status st = setup->writer->open(); !st && st.error().category != ErrorCategory::Network)
        return st.error();
    if (Status st = setup->journal.open(c.journalPath); !st)
        return st.error();
    auto policies = Policies::load(c.value(QStringLiteral("policies")));
    if (!policies)
        return policies.error();
    setup->service = std::make_unique<ActionService>(*setup->writer, setup->journal, &c.cache, *policies,
                                                     currentIdentity(setup->writer->uri()));
    setup->service->setArtifactCheck(artifactPresenceCheck(setup->writer->uri(), &c.cache));
    return setup;
}

Result<qint64> versionArgument(const QString &text, const QString &what)
{
    bool ok = false;
    QString t = text;
    if (t.startsWith(QLatin1Char('v')) || t.startsWith(QLatin1Char('V')))
        t.remove(0, 1);
    const qint64 v = t.toLongLong(&ok);
    if (!ok || v <= 0)
        return makeError(ErrorCategory::BadInput, Tr::tr("'%1' is not a version number").arg(text), what);
    return v;
}

json planJson(const ActionPlan &p)
{
    json steps = json::array();
    for (const auto &st : p.steps)
        steps.push_back(s(st.describe(p.request.model)));
    json checks = json::array();
    for (const auto &ch : p.checks)
        checks.push_back(s(ch));
    json j = {{"action", s(actionKindName(p.request.kind))}, {"model", s(p.request.model)}, {"version", p.version},
              {"user", s(p.user)}, {"scheme", s(schemeName(p.scheme))}, {"summary", s(p.summary)},
              {"checks", checks}, {"steps", steps}};
    if (p.fromVersion)
        j["from_version"] = p.fromVersion;
    return j;
}

void printPlan(Context &c, const ActionPlan &p, bool dryRun)
{
    c.out((dryRun ? Tr::tr("Plan (dry run, nothing is written): %1\n") : Tr::tr("%1\n")).arg(p.summary));
    c.out(Tr::tr("  as %1 (%2), model uses %3\n").arg(p.user, p.userOrigin, schemeName(p.scheme)));
    for (const auto &ch : p.checks)
        c.out(Tr::tr("  check: %1\n").arg(ch));
    for (const auto &st : p.steps)
        c.out(Tr::tr("  %1: %2\n").arg(dryRun ? Tr::tr("would") : Tr::tr("did"), st.describe(p.request.model)));
}

int runAction(Context &c, ActionRequest request)
{
    auto setup = setUpActions(c, request.model);
    if (!setup)
        return c.fail(setup.error());
    ActionService &svc = *(*setup)->service;
    request.sourceUri = (*setup)->writer->uri();
    const bool dryRun = c.isSet(QStringLiteral("dry-run"));
    if (dryRun) {
        auto plan = svc.plan(request);
        if (!plan)
            return c.fail(plan.error());
        if (c.format == Format::Json)
            c.printJson({{"dry_run", true}, {"plan", planJson(*plan)}});
        else
            printPlan(c, *plan, true);
        return 0;
    }
    if (request.kind == ActionKind::Rollback && !c.isSet(QStringLiteral("yes"))) {
        auto plan = svc.plan(request);
        if (!plan)
            return c.fail(plan.error());
        if (!isatty(fileno(stdin)))
            return c.usageError(Tr::tr("rollback asks before it acts; add --yes when not at a terminal"));
        printPlan(c, *plan, true);
        c.err(Tr::tr("Roll back now? [y/N] "));
        QTextStream in(stdin);
        const QString answer = in.readLine().trimmed().toLower();
        if (answer != QLatin1String("y") && answer != QLatin1String("yes")) {
            c.err(Tr::tr("Nothing was changed.\n"));
            return 1;
        }
        // The user confirmed this target and what is in Production now: a rollback must not
        // silently pick another one, nor act when someone else moved Production meanwhile.
        request.version = plan->version;
        for (const auto &v : plan->before.versions)
            if (v.version == plan->fromVersion)
                request.expected = VersionSnapshot::of(v);
    }
    auto outcome = svc.execute(request, true);
    if (!outcome)
        return c.fail(outcome.error());
    if (outcome->queued) {
        c.err(Tr::tr("modeldesk-cli: %1 cannot be reached; the action waits in the queue (#%2) and is applied by "
                     "'modeldesk-cli queue apply' once its preconditions hold again\n")
                  .arg(request.sourceUri)
                  .arg(outcome->queueId));
        if (c.format == Format::Json)
            c.printJson({{"queued", true}, {"queue_id", outcome->queueId}, {"journal_seq", outcome->journalSeq}});
        return 1;
    }
    // Only rollback takes --report (the incident report is a rollback's).
    const QString reportPath = request.kind == ActionKind::Rollback ? c.value(QStringLiteral("report")) : QString();
    if (!reportPath.isEmpty() && !outcome->incidentReport.isEmpty()) {
        QFile f(reportPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(outcome->incidentReport.toUtf8()) < 0)
            return c.fail(makeError(ErrorCategory::Storage, Tr::tr("cannot write the incident report: %1").arg(f.errorString()), reportPath));
    }
    if (c.format == Format::Json) {
        json j = {{"plan", planJson(outcome->plan)}, {"journal_seq", outcome->journalSeq}};
        if (outcome->hook)
            j["reload_hook"] = {{"what", s(outcome->hook->what)}, {"ok", outcome->hook->ok},
                                {"timed_out", outcome->hook->timedOut}, {"exit_code", outcome->hook->exitCode},
                                {"elapsed_ms", outcome->hook->elapsedMs}, {"output", s(outcome->hook->output)}};
        if (!outcome->incidentReport.isEmpty())
            j["incident_report"] = s(outcome->incidentReport);
        c.printJson(j);
    } else if (!c.quiet) {
        printPlan(c, outcome->plan, false);
        c.out(Tr::tr("  journal entry #%1\n").arg(outcome->journalSeq));
        if (outcome->hook)
            c.out(Tr::tr("  reload hook %1: %2 (%3 ms)\n")
                      .arg(outcome->hook->what,
                           outcome->hook->ok ? Tr::tr("ok") : outcome->hook->timedOut ? Tr::tr("timed out") : Tr::tr("failed"))
                      .arg(outcome->hook->elapsedMs));
        if (!outcome->incidentReport.isEmpty() && reportPath.isEmpty())
            c.out(QStringLiteral("\n") + outcome->incidentReport);
    }
    return outcome->hook && !outcome->hook->ok ? 1 : 0;
}

int cmdRegister(Context &c)
{
    if (c.positional.size() != 1)
        return c.usageError(Tr::tr("register needs a MODEL name"));
    ActionRequest r;
    r.kind = ActionKind::Register;
    r.model = c.positional[0];
    r.newVersion.name = r.model;
    r.newVersion.runId = c.value(QStringLiteral("run"));
    r.newVersion.source = c.value(QStringLiteral("from"));
    r.newVersion.description = c.value(QStringLiteral("description"));
    if (r.newVersion.source.isEmpty()) {
        if (r.newVersion.runId.isEmpty())
            return c.usageError(Tr::tr("register needs --run RUN_ID or --from URI-OR-FILE"));
        auto run = c.cache.run(r.newVersion.runId, c.sourceId);
        if (!run)
            return c.fail(run.error());
        // MLflow's convention: a run's model is logged under the artifact path "model".
        r.newVersion.source = run->run.artifactUri + QStringLiteral("/model");
    }
    const QStringList tags = c.values(QStringLiteral("tag"));
    for (const QString &t : tags) {
        if (!t.contains(QLatin1Char('=')) || t.startsWith(QLatin1Char('=')))
            return c.usageError(Tr::tr("--tag needs KEY=VALUE, not '%1'").arg(t));
        r.newVersion.tags.append({t.section(QLatin1Char('='), 0, 0), t.section(QLatin1Char('='), 1)});
    }
    return runAction(c, r);
}

int cmdPromote(Context &c)
{
    if (c.positional.size() != 2)
        return c.usageError(Tr::tr("promote needs MODEL VERSION --to TARGET"));
    ActionRequest r;
    r.kind = ActionKind::Promote;
    r.model = c.positional[0];
    auto v = versionArgument(c.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return c.fail(v.error());
    r.version = *v;
    r.target = c.value(QStringLiteral("to"));
    if (r.target.isEmpty())
        return c.usageError(Tr::tr("promote needs --to Staging|Production|Archived|None|ALIAS"));
    r.note = c.value(QStringLiteral("note"));
    return runAction(c, r);
}

int cmdAb(Context &c)
{
    if (c.positional.size() != 2)
        return c.usageError(Tr::tr("ab needs MODEL VERSION and --share PERCENT or --end"));
    ActionRequest r;
    r.model = c.positional[0];
    auto v = versionArgument(c.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return c.fail(v.error());
    r.version = *v;
    if (c.isSet(QStringLiteral("end"))) {
        r.kind = ActionKind::AbEnd;
    } else {
        r.kind = ActionKind::AbStart;
        QString share = c.value(QStringLiteral("share"));
        if (share.isEmpty())
            return c.usageError(Tr::tr("ab needs --share PERCENT or --end"));
        share.remove(QLatin1Char('%'));
        bool ok = false;
        r.sharePercent = share.toDouble(&ok);
        if (!ok)
            return c.fail(makeError(ErrorCategory::BadInput, Tr::tr("'%1' is not a percentage").arg(share), QStringLiteral("--share")));
    }
    return runAction(c, r);
}

int decide(Context &c, ActionKind kind)
{
    if (c.positional.size() != 2)
        return c.usageError(Tr::tr("%1 needs MODEL VERSION --note TEXT").arg(c.command));
    ActionRequest r;
    r.kind = kind;
    r.model = c.positional[0];
    auto v = versionArgument(c.positional[1], QStringLiteral("VERSION"));
    if (!v)
        return c.fail(v.error());
    r.version = *v;
    r.note = c.value(QStringLiteral("note"));
    return runAction(c, r);
}

int cmdApprove(Context &c) { return decide(c, ActionKind::Approve); }
int cmdReject(Context &c) { return decide(c, ActionKind::Reject); }

int cmdRollback(Context &c)
{
    if (c.positional.size() != 1)
        return c.usageError(Tr::tr("rollback needs a MODEL name"));
    ActionRequest r;
    r.kind = ActionKind::Rollback;
    r.model = c.positional[0];
    if (c.isSet(QStringLiteral("to"))) {
        auto v = versionArgument(c.value(QStringLiteral("to")), QStringLiteral("--to"));
        if (!v)
            return c.fail(v.error());
        r.version = *v;
    }
    r.note = c.value(QStringLiteral("reason"));
    return runAction(c, r);
}

} // namespace

QList<Command> actionCommands()
{
    const QCommandLineOption dryRun = flagOption(QStringLiteral("dry-run"));
    const QCommandLineOption policies = valueOption(QStringLiteral("policies"), QStringLiteral("FILE"));
    return {
        {QStringLiteral("register"), cmdRegister,
         {valueOption(QStringLiteral("run"), QStringLiteral("RUN_ID")), valueOption(QStringLiteral("from"), QStringLiteral("URI-OR-FILE")),
          valueOption(QStringLiteral("description"), QStringLiteral("TEXT")),
          valueOption(QStringLiteral("tag"), QStringLiteral("KEY=VALUE")), policies, dryRun},
         true},
        {QStringLiteral("promote"), cmdPromote,
         {valueOption(QStringLiteral("to"), QStringLiteral("TARGET")), valueOption(QStringLiteral("note"), QStringLiteral("TEXT")),
          policies, dryRun},
         true},
        {QStringLiteral("ab"), cmdAb,
         {valueOption(QStringLiteral("share"), QStringLiteral("PERCENT")), policies, flagOption(QStringLiteral("end")), dryRun},
         true},
        {QStringLiteral("approve"), cmdApprove, {valueOption(QStringLiteral("note"), QStringLiteral("TEXT")), policies, dryRun}, true},
        {QStringLiteral("reject"), cmdReject, {valueOption(QStringLiteral("note"), QStringLiteral("TEXT")), policies, dryRun}, true},
        {QStringLiteral("rollback"), cmdRollback,
         {valueOption(QStringLiteral("to"), QStringLiteral("VERSION")), valueOption(QStringLiteral("reason"), QStringLiteral("TEXT")),
          valueOption(QStringLiteral("report"), QStringLiteral("FILE")), policies, flagOption(QStringLiteral("yes")), dryRun},
         true},
    };
}

} // namespace md::cli

// SPDX-License-Identifier: GPL-3.0-or-later
// `compare`: runs side by side with deltas against a baseline, as a table, CSV or JSON.
#include "Command.h"

#include "core/RunComparison.h"
#include "sync/HistoryLoader.h"

#include <csignal>

namespace md::cli {

namespace {

int cmdCompare(Context &c)
{
    if (c.positional.size() < 2)
        return c.usageError(Tr::tr("compare needs at least two RUN_IDs"));
    // The runs in the order given; each must exist (in the chosen source, or any).
    auto found = c.cache.runsByIds(c.positional, c.sourceId);
    if (!found)
        return c.fail(found.error());
    const QList<RunRow> &rows = *found;
    QList<Run> runs;
    QStringList ids;
    for (const auto &r : rows) {
        runs.append(r.run);
        ids.append(r.run.runId);
    }
    RunComparison::Options options;
    const QString step = c.value(QStringLiteral("step"), QStringLiteral("latest"));
    if (step == QLatin1String("min"))
        options.step.mode = StepSelection::Mode::Min;
    else if (step == QLatin1String("max"))
        options.step.mode = StepSelection::Mode::Max;
    else if (step != QLatin1String("latest")) {
        bool ok = false;
        options.step.step = step.toLongLong(&ok);
        if (!ok || options.step.step < 0)
            return c.usageError(Tr::tr("--step takes latest, min, max or a step number, not '%1'").arg(step));
        options.step.mode = StepSelection::Mode::AtStep;
    }
    const QString baseline = c.value(QStringLiteral("baseline"));
    if (!baseline.isEmpty()) {
        options.baseline = int(ids.indexOf(baseline));
        if (options.baseline < 0)
            return c.usageError(Tr::tr("the baseline %1 is not one of the compared runs").arg(baseline));
    } else {
        auto models = c.cache.registeredModels(rows.first().sourceId);
        options.baseline = models ? defaultBaselineIndex(ids, *models) : 0;
    }
    if (options.step.needsHistory()) {
        QList<HistoryLoader::Request> requests;
        QList<QPair<QString, QString>> keys;
        for (const auto &r : std::as_const(rows))
            for (const auto &m : r.run.latestMetrics) {
                requests.append({ r.rowId, m.key, m.step });
                keys.append({r.run.runId, m.key});
            }
        cancelOn({SIGINT});
        HistoryLoader loader(c.cache);
        auto loaded = loader.load(requests, cancelFlag());
        if (!loaded)
            return c.fail(loaded.error());
        for (qsizetype i = 0; i < keys.size(); ++i)
            options.histories[keys[i].first][keys[i].second] = loaded->at(i);
    }
    const RunComparison table = RunComparison::build(runs, options);
    ComparisonExportOptions exportOptions;
    exportOptions.onlyDifferences = c.isSet(QStringLiteral("diff-only"));
    switch (c.format) {
    case Format::Json: c.out(QString::fromUtf8(table.toJson(exportOptions))); break;
    case Format::Csv: c.out(table.toCsv(exportOptions)); break;
    case Format::Table: {
        const auto grid = table.grid(exportOptions, true);
        OutputTable t;
        if (!grid.isEmpty()) {
            t.headers = grid.first();
            t.rows = grid.mid(1);
        }
        c.out(t.toText(40));
        if (!c.quiet)
            c.err(Tr::tr("Baseline: %1. Deltas are against it; **bold** marks the best value of a row.\n")
                      .arg(table.runLabel(table.baseline())));
        break;
    }
    }
    return 0;
}

} // namespace

QList<Command> compareCommands()
{
    return {
        {QStringLiteral("compare"), cmdCompare,
         {valueOption(QStringLiteral("baseline"), QStringLiteral("RUN_ID")),
          valueOption(QStringLiteral("step"), QStringLiteral("latest|min|max|N")), flagOption(QStringLiteral("diff-only"))},
         true},
    };
}

} // namespace md::cli

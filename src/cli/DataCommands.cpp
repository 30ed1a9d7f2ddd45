// SPDX-License-Identifier: GPL-3.0-or-later
// Data written for people to try ModelDesk on: `demo` (the bundled demo) and `generate` (a
// synthetic data set of any size).
#include "Command.h"

#include "demo/DatasetGenerator.h"
#include "demo/DemoStore.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QUrl>

#include <csignal>
#include <limits>

namespace md::cli {

namespace {

int cmdDemo(Context &c)
{
    const QString dir = c.value(QStringLiteral("into"));
    if (dir.isEmpty())
        return c.usageError(Tr::tr("demo needs --into DIR"));
    if (Status st = writeDemo(dir); !st)
        return c.fail(st.error());
    if (!c.quiet)
        c.out(Tr::tr("Wrote the demo to %1\n  MLflow file store: %2\n  model folder:      %3\n")
                  .arg(dir, demoFileStoreUri(dir), demoModelFolderUri(dir)));
    return 0;
}

/// The value of a numeric option of `generate`, or a usage error naming the option.
std::optional<qint64> numberOption(Context &c, const QString &name, qint64 fallback, qint64 low, qint64 high)
{
    const QString option = name.mid(2);  // "--runs" names "runs"
    if (!c.isSet(option))
        return fallback;
    const QString text = c.value(option);
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < low || v > high) {
        c.usageError(Tr::tr("%1 needs a whole number from %2 to %3, got '%4'").arg(name).arg(low).arg(high).arg(text));
        return std::nullopt;
    }
    return v;
}

int cmdGenerate(Context &c)
{
    if (!c.positional.isEmpty())
        return c.usageError(Tr::tr("generate takes no positional arguments, got '%1'").arg(c.positional.first()));
    const QString dir = c.value(QStringLiteral("into"));
    if (dir.isEmpty())
        return c.usageError(Tr::tr("generate needs --into DIR"));
    if (!c.isSet(QStringLiteral("runs")))
        return c.usageError(Tr::tr("generate needs --runs N"));
    DatasetSpec spec;
    const auto runs = numberOption(c, QStringLiteral("--runs"), 0, 1, DatasetSpec::kMaxRuns);
    const auto metrics = numberOption(c, QStringLiteral("--metrics"), 10, 0, DatasetSpec::kMaxKeys);
    const auto params = numberOption(c, QStringLiteral("--params"), 10, 0, DatasetSpec::kMaxKeys);
    const auto steps = numberOption(c, QStringLiteral("--steps"), 1, 1, DatasetSpec::kMaxSteps);
    const auto experiments = numberOption(c, QStringLiteral("--experiments"), 1, 1, DatasetSpec::kMaxExperiments);
    if (!runs || !metrics || !params || !steps || !experiments)
        return 2;
    if (c.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        spec.seed = c.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            return c.usageError(Tr::tr("--seed needs a whole number from 0 to %1, got '%2'")
                                    .arg(std::numeric_limits<quint64>::max())
                                    .arg(c.value(QStringLiteral("seed"))));
    }
    spec.runs = *runs;
    spec.metrics = int(*metrics);
    spec.params = int(*params);
    spec.steps = *steps;
    spec.experiments = int(*experiments);
    const bool force = c.isSet(QStringLiteral("force"));
    if (!force && QFileInfo(dir).isDir() && !DatasetGenerator::isFreeTarget(dir))
        return c.fail(makeError(ErrorCategory::BadInput,
                                Tr::tr("the folder exists and is not empty; nothing was written (--force replaces its "
                                       "mlruns/ and mlflow.db)"),
                                dir));
    cancelOn({SIGINT, SIGTERM});
    const bool tty = c.console.errIsTerminal();
    QElapsedTimer shown;
    shown.start();
    const DatasetGenerator generator(spec);
    auto progress = [&](qint64 done, qint64 total) {
        if (c.quiet || (done < total && shown.elapsed() < 200))
            return;
        shown.restart();
        const QString line = Tr::tr("Generating: %1 of %2 runs").arg(done).arg(total);
        c.err(tty ? QString(QStringLiteral("\r") + line + QStringLiteral("\x1b[K")) : QString(line + QLatin1Char('\n')));
    };
    const Status st = generator.writeInto(dir, force, cancelFlag(), progress);
    if (!c.quiet && tty)
        c.err(QStringLiteral("\n"));
    if (!st)
        return c.fail(st.error());
    const DatasetCounts n = generator.counts();
    const QString abs = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    const QString fileStore = QUrl::fromLocalFile(abs + QStringLiteral("/mlruns")).toString();
    const QString database = QStringLiteral("sqlite:///") + abs + QStringLiteral("/mlflow.db");
    if (c.format == Format::Json) {
        c.printJson({{"file_store", s(fileStore)}, {"database", s(database)}, {"experiments", n.experiments},
                     {"runs", n.runs}, {"metric_points", n.metricPoints}, {"latest_metrics", n.latestMetrics},
                     {"params", n.params}, {"tags", n.tags}, {"seed", spec.seed}});
    } else if (!c.quiet) {
        c.out(Tr::tr("Wrote %1 runs in %2 experiments (%3 metric points, %4 params, %5 tags)\n"
                     "  MLflow file store: %6\n  MLflow database:   %7\n")
                  .arg(n.runs)
                  .arg(n.experiments)
                  .arg(n.metricPoints)
                  .arg(n.params)
                  .arg(n.tags)
                  .arg(fileStore, database));
    }
    return 0;
}

} // namespace

QList<Command> dataCommands()
{
    return {
        {QStringLiteral("demo"), cmdDemo, {valueOption(QStringLiteral("into"), QStringLiteral("DIR"))}, false},
        {QStringLiteral("generate"), cmdGenerate,
         {valueOption(QStringLiteral("into"), QStringLiteral("DIR")), valueOption(QStringLiteral("runs"), QStringLiteral("N")),
          valueOption(QStringLiteral("metrics"), QStringLiteral("M")), valueOption(QStringLiteral("params"), QStringLiteral("P")),
          valueOption(QStringLiteral("steps"), QStringLiteral("S")),
          valueOption(QStringLiteral("experiments"), QStringLiteral("E")), valueOption(QStringLiteral("seed"), QStringLiteral("K")),
          flagOption(QStringLiteral("force"))},
         false},
    };
}

} // namespace md::cli

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/Source.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace md::test {

/// An ImportSink that keeps everything a source delivers, and the order of the deliveries, for a
/// test to look at. Copyable; not thread-safe (a source calls it on its reading thread).
class CollectingSink : public ImportSink {
public:
    qint64 expectedRuns = -1;  ///< what expectRuns() said, -1 when not called
    QList<Experiment> experiments;
    QList<Run> runs;
    QList<LoggedModel> loggedModels;
    QList<RegisteredModel> models;
    QList<ReadProblem> problems;
    QStringList order;  ///< "E:<experiment id>", "R:<run id>", "L:<model id>", "M:<model name>"
    bool incomplete = false;  ///< runsIncomplete() was called

    void expectRuns(qint64 total) override { expectedRuns = total; }
    Status experiment(const Experiment &e) override
    {
        experiments.append(e);
        order.append(QStringLiteral("E:") + e.experimentId);
        return {};
    }
    Status run(const Run &r) override
    {
        runs.append(r);
        order.append(QStringLiteral("R:") + r.runId);
        return {};
    }
    Status loggedModel(const LoggedModel &m) override
    {
        loggedModels.append(m);
        order.append(QStringLiteral("L:") + m.modelId);
        return {};
    }
    Status registeredModel(const RegisteredModel &m) override
    {
        models.append(m);
        order.append(QStringLiteral("M:") + m.name);
        return {};
    }
    void problem(const ReadProblem &p) override { problems.append(p); }
    void runsIncomplete() override { incomplete = true; }

    /// The delivered run, LoggedModel or registered model with this id or name; null when none.
    const Run *runById(const QString &id) const { return find(runs, [&](const Run &r) { return r.runId == id; }); }
    const LoggedModel *loggedModelById(const QString &id) const
    {
        return find(loggedModels, [&](const LoggedModel &m) { return m.modelId == id; });
    }
    const RegisteredModel *model(const QString &name) const
    {
        return find(models, [&](const RegisteredModel &m) { return m.name == name; });
    }
    /// Every problem, a line each, for a failure message.
    QString problemsText() const
    {
        QStringList out;
        for (const ReadProblem &p : problems)
            out.append(p.error.toString());
        return out.join(QLatin1Char('\n'));
    }

private:
    template <typename T, typename Pred>
    static const T *find(const QList<T> &list, Pred pred)
    {
        for (const T &item : list)
            if (pred(item))
                return &item;
        return nullptr;
    }
};

} // namespace md::test

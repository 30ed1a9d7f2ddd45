// SPDX-License-Identifier: GPL-3.0-or-later
// The Markdown incident report draft of a rollback.
#include "ActionService.h"
#include "ActionSupport.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace md {

using namespace detail;

QString ActionService::incidentReport(const ActionOutcome &o, const QList<KeyValue> &metricDeltas)
{
    const ActionPlan &p = o.plan;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QString md;
    md += Tr::tr("# Incident: %1 rolled back from v%2 to v%3").arg(p.request.model).arg(p.fromVersion).arg(p.version) + u"\n\n"_s;
    md += u"| | |\n|---|---|\n"_s;
    // The model's own word for Production: its stage, its production alias, or both.
    ModelPolicy named;
    for (const WriteStep &s : p.steps)
        if (s.op == WriteStep::Op::SetAlias)
            named.productionAlias = s.key;
    md += Tr::tr("| What | %1 of `%2` moved from v%3 back to v%4 |")
              .arg(productionName(p.scheme, named), p.request.model)
              .arg(p.fromVersion)
              .arg(p.version) + u'\n';
    md += Tr::tr("| When | %1 |").arg(iso(now)) + u'\n';
    md += Tr::tr("| Who | %1 (%2) |").arg(p.user, p.userOrigin == u"mlflow"_s ? Tr::tr("MLflow user") : Tr::tr("OS user")) + u'\n';
    md += Tr::tr("| Source | %1 |").arg(p.request.sourceUri.isEmpty() ? QString() : p.request.sourceUri) + u'\n';
    md += Tr::tr("| Reason | %1 |").arg(QString(p.request.note).replace(u'|', u"\\|"_s).replace(u'\n', u' ')) + u'\n';
    if (!p.targetWhy.isEmpty())
        md += Tr::tr("| Target | %1 |").arg(QString(p.targetWhy).replace(u'|', u"\\|"_s)) + u'\n';
    md += Tr::tr("| Approval | bypassed (emergency rollback) |") + u"\n\n"_s;
    md += Tr::tr("## Metric deltas (v%1 → v%2)").arg(p.fromVersion).arg(p.version) + u"\n\n"_s;
    if (metricDeltas.isEmpty())
        md += Tr::tr("No metrics of both versions' runs are in the cache.") + u"\n\n"_s;
    for (const KeyValue &kv : metricDeltas)
        md += u"- "_s + kv.key + u": "_s + kv.value + u'\n';
    if (!metricDeltas.isEmpty())
        md += u'\n';
    md += Tr::tr("## Steps") + u"\n\n"_s;
    for (const QString &c : p.checks)
        md += Tr::tr("- checked: %1").arg(c) + u'\n';
    for (const WriteStep &s : p.steps)
        md += Tr::tr("- wrote: %1").arg(s.describe(p.request.model)) + u'\n';
    if (o.hook) {
        md += u'\n' + Tr::tr("## Reload hook") + u"\n\n"_s;
        md += Tr::tr("`%1`: %2 in %3 ms").arg(o.hook->what, o.hook->ok ? Tr::tr("succeeded")
                                                              : o.hook->timedOut ? Tr::tr("timed out")
                                                                                 : Tr::tr("failed (%1)").arg(o.hook->exitCode))
                  .arg(o.hook->elapsedMs) + u"\n"_s;
        if (!o.hook->output.trimmed().isEmpty())
            md += u"\n```\n"_s + o.hook->output.trimmed() + u"\n```\n"_s;
    }
    md += u'\n' + Tr::tr("## Follow-up") + u"\n\n"_s + Tr::tr("- [ ] Root cause of the problem in v%1").arg(p.fromVersion) + u'\n';
    return md;
}

} // namespace md

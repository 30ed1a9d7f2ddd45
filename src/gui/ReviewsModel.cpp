// SPDX-License-Identifier: GPL-3.0-or-later
#include "ReviewsModel.h"

#include "core/NumberFormat.h"
#include "core/TimeFormat.h"
#include "models/ExperimentsModel.h"
#include "models/PlainToolTip.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// A span of a minute or more, short: "12 min", "3 h", "5 d".
QString spanText(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(1, ms / 60000);
    if (minutes < 60)
        return ReviewsModel::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return ReviewsModel::tr("%1 h").arg(minutes / 60);
    return ReviewsModel::tr("%1 d").arg(minutes / (24 * 60));
}

QString signedNumber(double v)
{
    return (v > 0 ? u"+"_s : QString()) + localNumber(v, 4);
}

} // namespace

ReviewsModel::ReviewsModel(QObject *parent) : SortableTableModel(parent) {}

QString ReviewsModel::ageText(qint64 whenMs, qint64 nowMs)
{
    if (nowMs - whenMs < 60000)
        return tr("just now");
    return tr("%1 ago").arg(spanText(nowMs - whenMs));
}

QString ReviewsModel::unknownRequesterText()
{
    return tr("unknown — moved by another tool");
}

void ReviewsModel::setRequests(const QList<ReviewRequest> &requests, qint64 nowMs)
{
    beginResetModel();
    m_requests = requests;
    m_nowMs = nowMs;
    m_rows.clear();
    for (int i = 0; i < m_requests.size(); ++i)
        m_rows.append(i);
    endResetModel();
    if (m_sortColumn >= 0)
        sort(m_sortColumn, m_sortOrder);
}

void ReviewsModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, RequestedColumn), index(int(m_rows.size()) - 1, RequestedColumn));
}

const ReviewRequest *ReviewsModel::requestAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_requests.at(m_rows.at(row)) : nullptr;
}

int ReviewsModel::rowOf(const QString &sourceUri, const QString &model, qint64 version) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        const ReviewRequest &r = m_requests.at(m_rows.at(row));
        if (r.sourceUri == sourceUri && r.model == model && r.version == version)
            return row;
    }
    return -1;
}

int ReviewsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ReviewsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReviewsModel::sortValue(const ReviewRequest &r, int column) const
{
    switch (column) {
    case VersionColumn: return r.version;
    case RequestedColumn: return r.requestedMs();
    case DeltaColumn: return r.keyMetricDelta();
    case AbShareColumn: return r.abShare ? *r.abShare : std::nan("");
    default: return displayText(r, column).toLower();
    }
}

QString ReviewsModel::displayText(const ReviewRequest &r, int column) const
{
    switch (column) {
    case SourceColumn: return ExperimentsModel::sourceDisplayName(r.sourceUri);
    case ModelColumn: return r.model;
    case VersionColumn: return tr("v%1").arg(r.version);
    case RequesterColumn: return r.requesterKnown() ? r.requestedBy : unknownRequesterText();
    case RequestedColumn:
        if (r.requesterKnown())
            return r.requestedAtMs > 0 ? ageText(r.requestedAtMs, m_nowMs) : tr("not recorded");
        if (r.windowEndMs <= 0)
            return tr("not known");
        if (r.windowObserved && r.windowStartMs > 0) {
            // Somewhere in the window between two syncs.
            if (m_nowMs - r.windowStartMs < 60000)
                return tr("just now");
            if (m_nowMs - r.windowEndMs < 60000)
                return tr("in the last %1").arg(spanText(m_nowMs - r.windowStartMs));
            return tr("%1 to %2 ago", "between two ages, the older last")
                .arg(spanText(m_nowMs - r.windowEndMs), spanText(m_nowMs - r.windowStartMs));
        }
        // Already in review when the source was first synced.
        if (m_nowMs - r.windowEndMs < 60000)
            return tr("before the first sync");
        return tr("over %1 ago", "before the first sync").arg(spanText(m_nowMs - r.windowEndMs));
    case DeltaColumn:
        if (r.keyMetric.isEmpty())
            return {};
        return std::isnan(r.keyMetricDelta()) ? tr("—") : signedNumber(r.keyMetricDelta());
    case AbShareColumn: return r.abShare ? tr("%1 %").arg(localNumber(*r.abShare, 4)) : QString();
    default: return {};
    }
}

QString ReviewsModel::toolTip(const ReviewRequest &r, int column) const
{
    switch (column) {
    case SourceColumn: return r.sourceUri;
    case ModelColumn: return r.model;
    case VersionColumn: {
        QStringList where{r.stage};
        where += r.aliases;
        return tr("%1 v%2: %3").arg(r.model).arg(r.version).arg(where.join(u", "_s));
    }
    case RequesterColumn:
        return r.requesterKnown()
            ? tr("%1 asked for this review (tag modeldesk.review.requested_by)").arg(r.requestedBy)
            : tr("No ModelDesk asked for this review: another tool moved v%1 to %2").arg(r.version)
                  .arg(r.stage == kStageStaging ? r.stage : tr("the candidate alias"));
    case RequestedColumn:
        if (r.requesterKnown())
            return r.requestedAtMs > 0 ? tr("Asked on %1").arg(localDateTime(r.requestedAtMs))
                                       : tr("The request does not say when it was made");
        if (r.windowObserved)
            return tr("Moved between %1 and %2: a sync saw the change, the sync before it had not")
                .arg(localDateTime(r.windowStartMs), localDateTime(r.windowEndMs));
        return r.windowStartMs > 0
            ? tr("Moved before the first sync of this source (%2), after the version was registered (%1)")
                  .arg(localDateTime(r.windowStartMs), localDateTime(r.windowEndMs))
            : tr("Moved before the first sync of this source (%1)").arg(localDateTime(r.windowEndMs));
    case DeltaColumn: {
        if (r.keyMetric.isEmpty())
            return tr("No key metric: the runs logged no metric with a known direction");
        const QString candidate = std::isnan(r.keyMetricValue) ? tr("none") : localNumber(r.keyMetricValue, 6);
        if (!r.productionVersion)
            return tr("%1 of v%2: %3; the model has no Production version to compare with")
                .arg(r.keyMetric).arg(r.version).arg(candidate);
        const QString production = std::isnan(r.productionValue) ? tr("none") : localNumber(r.productionValue, 6);
        QString tip = tr("%1: v%2 %3, Production v%4 %5").arg(r.keyMetric).arg(r.version).arg(candidate)
                          .arg(r.productionVersion).arg(production);
        const double d = r.keyMetricDelta();
        if (!std::isnan(d) && d != 0 && r.keyMetricDirection != MetricDirection::Unknown) {
            const bool better = (d > 0) == (r.keyMetricDirection == MetricDirection::HigherIsBetter);
            tip += u"\n"_s + (better ? tr("better than Production") : tr("worse than Production"));
        }
        return tip;
    }
    case AbShareColumn:
        return r.abShare ? tr("An A/B test gives v%1 %2 % of requests").arg(r.version).arg(localNumber(*r.abShare, 4))
                         : tr("No A/B test is running");
    default: return {};
    }
}

QVariant ReviewsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int i = m_rows.at(index.row());
    const ReviewRequest &r = m_requests.at(i);
    switch (role) {
    case Qt::DisplayRole: return displayText(r, index.column());
    case SortRole: return sortValue(r, index.column());
    case RequestRole: return i;
    // Names and URIs come from the store: never rich text, never 1 MB.
    case Qt::ToolTipRole: return plainToolTip(toolTip(r, index.column()));
    case Qt::FontRole:
        if (index.column() == RequesterColumn && !r.requesterKnown()) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == VersionColumn || index.column() == DeltaColumn || index.column() == AbShareColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default: return {};
    }
}

QVariant ReviewsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case SourceColumn: return tr("Source");
        case ModelColumn: return tr("Model");
        case VersionColumn: return tr("Version");
        case RequesterColumn: return tr("Requester");
        case RequestedColumn: return tr("Requested");
        case DeltaColumn: return tr("Key Metric Δ");
        case AbShareColumn: return tr("A/B Share");
        default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case RequestedColumn: return tr("How long ago the review was asked for (for another tool's move: when a sync saw it)");
        case DeltaColumn:
            return tr("The key metric of the version minus that of the model's Production version (stage Production or "
                      "the production alias). The key metric: the model's modeldesk.key_metric tag, else val_r2_score, "
                      "else the first metric with a known direction");
        case AbShareColumn: return tr("The version's share of requests while its A/B test runs");
        default: return {};
        }
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void ReviewsModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount)
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    // A missing key metric or A/B share is NaN: last in both orders.
    sortRows(m_rows, [&](int request) { return sortValue(m_requests.at(request), column); }, order);
}

} // namespace md

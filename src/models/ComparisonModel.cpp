// SPDX-License-Identifier: GPL-3.0-or-later
#include "ComparisonModel.h"

#include "PlainToolTip.h"

#include <QFont>

using namespace Qt::StringLiterals;

namespace md {

namespace {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor blend(const QColor &base, const QColor &tint, double amount)
{
    return QColor::fromRgbF(float(base.redF() * (1 - amount) + tint.redF() * amount),
                            float(base.greenF() * (1 - amount) + tint.greenF() * amount),
                            float(base.blueF() * (1 - amount) + tint.blueF() * amount));
}

QString arrow(MetricDirection d)
{
    switch (d) {
    case MetricDirection::HigherIsBetter:
        return u" ↑"_s;
    case MetricDirection::LowerIsBetter:
        return u" ↓"_s;
    case MetricDirection::Unknown:
        break;
    }
    return {};
}

} // namespace

ComparisonModel::ComparisonModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ComparisonModel::setComparison(RunComparison comparison)
{
    beginResetModel();
    m_comparison = std::move(comparison);
    m_visible = m_comparison.visibleRows(m_options);
    endResetModel();
}

void ComparisonModel::setTransposed(bool transposed)
{
    if (transposed == m_transposed)
        return;
    beginResetModel();
    m_transposed = transposed;
    m_options.transposed = transposed;
    endResetModel();
}

void ComparisonModel::setDifferencesOnly(bool only)
{
    if (only == m_options.onlyDifferences)
        return;
    m_options.onlyDifferences = only;
    refilter();
}

void ComparisonModel::setRowFilter(const QString &text)
{
    if (text == m_options.search)
        return;
    m_options.search = text;
    refilter();
}

void ComparisonModel::refilter()
{
    beginResetModel();
    m_visible = m_comparison.visibleRows(m_options);
    endResetModel();
}

void ComparisonModel::setPalette(const QPalette &palette)
{
    m_palette = palette;
    if (rowCount() > 0 && columnCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                           {Qt::ForegroundRole, Qt::BackgroundRole});
}

QColor ComparisonModel::improvedColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0x56, 0xd3, 0x64) : QColor(0x1a, 0x7f, 0x37);
}

QColor ComparisonModel::regressedColour(const QPalette &palette)
{
    return isDark(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x1c, 0x28);
}

QString ComparisonModel::sectionTitle(ComparisonSection section)
{
    switch (section) {
    case ComparisonSection::Metric:
        return tr("Metric");
    case ComparisonSection::Param:
        return tr("Param");
    case ComparisonSection::Tag:
        return tr("Tag");
    case ComparisonSection::Attribute:
        return tr("Attribute");
    }
    return {};
}

QString ComparisonModel::directionTitle(MetricDirection direction)
{
    switch (direction) {
    case MetricDirection::HigherIsBetter:
        return tr("Higher is better");
    case MetricDirection::LowerIsBetter:
        return tr("Lower is better");
    case MetricDirection::Unknown:
        break;
    }
    return tr("No direction");
}

int ComparisonModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_transposed ? m_comparison.runCount() : int(m_visible.size());
}

int ComparisonModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_transposed ? FirstKeyColumn + int(m_visible.size()) : FirstRunColumn + m_comparison.runCount();
}

QVariant ComparisonModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (m_transposed) {
        if (index.column() == RunColumn)
            return runLabelData(index.row(), role);
        return cellData(m_visible.at(index.column() - FirstKeyColumn), index.row(), role);
    }
    const int row = m_visible.at(index.row());
    if (index.column() < FirstRunColumn) {
        if (index.column() == SectionColumn && (role == Qt::DisplayRole || role == SortRole))
            return sectionTitle(m_comparison.rows().at(row).section);
        return keyData(row, role);
    }
    return cellData(row, index.column() - FirstRunColumn, role);
}

// The key of a comparison row (the Key column, or a header when transposed).
QVariant ComparisonModel::keyData(int row, int role) const
{
    const ComparisonRow &r = m_comparison.rows().at(row);
    switch (role) {
    case Qt::DisplayRole:
        return QString(r.key + arrow(r.direction));
    case SortRole:
    case KeyRole:
        return r.key;
    case QualifiedKeyRole:
        return r.qualifiedKey();
    case SectionRole:
        return int(r.section);
    case DirectionRole:
        return int(r.direction);
    case ComparisonRowRole:
        return row;
    case DiffersRole:
        return r.differs;
    case RunIndexRole:
        return -1;
    case Qt::ToolTipRole:
        if (r.section != ComparisonSection::Metric)
            return plainToolTip(r.qualifiedKey());
        return plainToolTip(tr("%1\n%2 (%3)\nRight-click to change.")
                                .arg(r.qualifiedKey(), directionTitle(r.direction),
                                     r.directionOverridden ? tr("your choice") : tr("from the name")));
    default:
        break;
    }
    return {};
}

QVariant ComparisonModel::runLabelData(int run, int role) const
{
    const bool baseline = run == m_comparison.baseline();
    switch (role) {
    case Qt::DisplayRole:
        return baseline ? tr("%1 (baseline)").arg(m_comparison.runLabel(run)) : m_comparison.runLabel(run);
    case SortRole:
        return m_comparison.runLabel(run);
    case Qt::ToolTipRole:
        return plainToolTip(tr("%1\nRun ID: %2").arg(m_comparison.runLabel(run), m_comparison.runs().at(run).runId));
    case Qt::FontRole:
        if (baseline) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case BaselineRole:
        return baseline;
    case RunIdRole:
        return m_comparison.runs().at(run).runId;
    case RunIndexRole:
        return run;
    case ComparisonRowRole:
        return -1;
    default:
        break;
    }
    return {};
}

QVariant ComparisonModel::cellData(int row, int run, int role) const
{
    const ComparisonRow &r = m_comparison.rows().at(row);
    const ComparisonCell &cell = r.cells.at(run);
    const bool baseline = run == m_comparison.baseline();
    switch (role) {
    case Qt::DisplayRole:
        // A dash tells "this run has no such value" apart from an empty value.
        return cell.present ? m_comparison.displayText(r, run) : u"—"_s;
    case DisplayFormsRole:
        return cell.present ? m_comparison.displayTexts(r, run) : QStringList{u"—"_s};
    case SortRole: {
        if (!cell.present)
            return {};
        if (cell.number)
            return *cell.number;
        bool ok = false;
        const double v = cell.text.toDouble(&ok);
        return ok ? QVariant(v) : QVariant(cell.text);
    }
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment((cell.number || (!cell.present && r.section == ComparisonSection::Metric)
                                                      ? Qt::AlignRight
                                                      : Qt::AlignLeft)
                                                 | Qt::AlignVCenter));
    case Qt::ForegroundRole:
        if (!cell.present)
            return m_palette.color(QPalette::PlaceholderText);
        if (cell.outcome == CellOutcome::Improved)
            return improvedColour(m_palette);
        if (cell.outcome == CellOutcome::Regressed)
            return regressedColour(m_palette);
        break;
    case Qt::BackgroundRole: {
        const double amount = isDark(m_palette) ? 0.2 : 0.09;
        const QColor base = m_palette.color(QPalette::Base);
        if (cell.outcome == CellOutcome::Improved)
            return blend(base, improvedColour(m_palette), amount);
        if (cell.outcome == CellOutcome::Regressed)
            return blend(base, regressedColour(m_palette), amount);
        if (baseline)
            return blend(base, m_palette.color(QPalette::Highlight), amount / 1.5);
        break;
    }
    case Qt::FontRole:
        if (r.bestRuns.contains(run)) {
            QFont f;
            f.setBold(true);
            return f;
        }
        break;
    case Qt::ToolTipRole: {
        if (!cell.present)
            return plainToolTip(tr("%1 has no %2.").arg(m_comparison.runLabel(run), r.qualifiedKey()));
        QStringList lines{m_comparison.runLabel(run) + u" · "_s + r.qualifiedKey()};
        lines.append(cell.step ? tr("%1 (step %2)").arg(cell.text).arg(*cell.step) : cell.text);
        if (baseline) {
            lines.append(tr("This is the baseline run."));
        } else if (cell.delta) {
            const QString delta = cell.deltaPercent ? tr("%1 (%2)").arg(RunComparison::formatDelta(*cell.delta),
                                                                         RunComparison::formatPercent(*cell.deltaPercent))
                                                    : RunComparison::formatDelta(*cell.delta);
            QString verdict;
            if (cell.outcome == CellOutcome::Improved)
                verdict = tr("better than the baseline");
            else if (cell.outcome == CellOutcome::Regressed)
                verdict = tr("worse than the baseline");
            lines.append(verdict.isEmpty() ? tr("Change from the baseline: %1").arg(delta)
                                           : tr("Change from the baseline: %1, %2").arg(delta, verdict));
        }
        if (r.bestRuns.contains(run))
            lines.append(tr("Best value of this row (%1).").arg(directionTitle(r.direction).toLower()));
        return plainToolTip(lines.join(u'\n'));
    }
    case BestRole:
        return r.bestRuns.contains(run);
    case OutcomeRole:
        return int(cell.outcome);
    case DeltaRole:
        return cell.delta ? QVariant(*cell.delta) : QVariant();
    case DeltaPercentRole:
        return cell.deltaPercent ? QVariant(*cell.deltaPercent) : QVariant();
    case BaselineRole:
        return baseline;
    case SectionRole:
        return int(r.section);
    case KeyRole:
        return r.key;
    case QualifiedKeyRole:
        return r.qualifiedKey();
    case DirectionRole:
        return int(r.direction);
    case RunIdRole:
        return m_comparison.runs().at(run).runId;
    case RunIndexRole:
        return run;
    case ComparisonRowRole:
        return row;
    case DiffersRole:
        return r.differs;
    default:
        break;
    }
    return {};
}

QVariant ComparisonModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount())
            return section + 1;
        return {};
    }
    if (section < 0 || section >= columnCount())
        return {};
    if (m_transposed) {
        if (section == RunColumn)
            return role == Qt::DisplayRole ? QVariant(tr("Run")) : QVariant();
        return keyData(m_visible.at(section - FirstKeyColumn), role);
    }
    if (section == SectionColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Section")) : QVariant();
    if (section == KeyColumn)
        return role == Qt::DisplayRole ? QVariant(tr("Key")) : QVariant();
    return runLabelData(section - FirstRunColumn, role);
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/RunComparison.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QPalette>

namespace md {

/// A RunComparison as a table. Not transposed: one row per metric / param / tag / attribute, the
/// columns Section, Key, then one per run. Transposed: one row per run, the columns Run, then one
/// per metric / param / tag / attribute. "Differences only" and the row search hide rows of the
/// comparison (columns when transposed); the text exports of exportOptions() follow what is shown.
///
/// Cells show "0.82 (−0.07, −7.9 %)": the value and its delta to the baseline run ("—" when the
/// run lacks the value). Improved and
/// regressed values are coloured (ForegroundRole, BackgroundRole) with colours chosen for the
/// palette given to setPalette(), light or dark; the best value of a row is bold (FontRole, BestRole).
class ComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Not transposed.
    enum Columns { SectionColumn, KeyColumn, FirstRunColumn };
    /// Transposed: column 0 is the run, the comparison's rows follow.
    enum TransposedColumns { RunColumn, FirstKeyColumn };
    enum Roles {
        SortRole = Qt::UserRole + 1,  ///< double for metric values and numeric params, QString else, invalid when missing
        BestRole,            ///< bool: the best value of its row
        OutcomeRole,         ///< int, CellOutcome against the baseline
        DeltaRole,           ///< double or invalid
        DeltaPercentRole,    ///< double or invalid
        BaselineRole,        ///< bool: the cell (or header) belongs to the baseline run
        SectionRole,         ///< int, ComparisonSection (every cell of a comparison row)
        KeyRole,             ///< QString, the metric / param / tag / attribute key
        QualifiedKeyRole,    ///< QString, "metrics.rmse" …
        DirectionRole,       ///< int, MetricDirection (metric rows)
        RunIdRole,           ///< QString, the run of a value cell (and of run headers)
        RunIndexRole,        ///< int, index into RunComparison::runs(); -1 outside run cells
        ComparisonRowRole,   ///< int, index into RunComparison::rows(); -1 outside them
        DiffersRole,         ///< bool, ComparisonRow::differs
        /// QStringList: the display text and its shorter forms, longest first
        /// (RunComparison::displayTexts), for a column too narrow for the whole text
        DisplayFormsRole,
    };

    explicit ComparisonModel(QObject *parent = nullptr);

    void setComparison(RunComparison comparison);
    const RunComparison &comparison() const { return m_comparison; }

    void setTransposed(bool transposed);
    bool isTransposed() const { return m_transposed; }
    void setDifferencesOnly(bool only);
    bool differencesOnly() const { return m_options.onlyDifferences; }
    /// Keeps the rows whose qualified key contains `text` (case-insensitive); empty = all.
    void setRowFilter(const QString &text);
    QString rowFilter() const { return m_options.search; }
    /// The export options matching what the model shows.
    const ComparisonExportOptions &exportOptions() const { return m_options; }
    /// How many rows of the comparison are shown (columns, when transposed).
    int shownKeyCount() const { return int(m_visible.size()); }

    /// Picks the improved / regressed / baseline colours for this palette; repaints.
    void setPalette(const QPalette &palette);
    /// Green and red that keep their contrast on the palette's base colour.
    static QColor improvedColour(const QPalette &palette);
    static QColor regressedColour(const QPalette &palette);

    /// The translated name of a section: "Metric", "Param", "Tag", "Attribute".
    static QString sectionTitle(ComparisonSection section);
    /// "Higher is better", "Lower is better", "No direction".
    static QString directionTitle(MetricDirection direction);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void refilter();
    QVariant keyData(int row, int role) const;
    QVariant runLabelData(int run, int role) const;
    QVariant cellData(int row, int run, int role) const;

    RunComparison m_comparison;
    ComparisonExportOptions m_options;
    bool m_transposed = false;
    QList<int> m_visible;  // indices into m_comparison.rows()
    QPalette m_palette;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "actions/ReviewInbox.h"
#include "models/SortableTableModel.h"

namespace md {

/// The Reviews inbox as a table, one row per version waiting for review (ReviewInbox::collect()).
/// Read-only; sort() sorts any column, with missing values (no key metric, no A/B test) last in
/// both orders. Ages ("3 h ago") are relative to now(), which the page advances now and then.
class ReviewsModel : public SortableTableModel {
    Q_OBJECT
public:
    enum Columns { SourceColumn, ModelColumn, VersionColumn, RequesterColumn, RequestedColumn, DeltaColumn, AbShareColumn, ColumnCount };
    Q_ENUM(Columns)
    enum Roles {
        SortRole = Qt::UserRole + 1,  ///< the raw value sort() uses
        RequestRole,                  ///< int: the index into requests()
    };

    explicit ReviewsModel(QObject *parent = nullptr);

    /// Shows `requests`, keeping the current sort order. `nowMs` is what ages are counted from.
    void setRequests(const QList<ReviewRequest> &requests, qint64 nowMs);
    const QList<ReviewRequest> &requests() const { return m_requests; }
    /// The request shown in `row`; null when there is no such row.
    const ReviewRequest *requestAt(int row) const;
    /// The row showing `model` `version` of the source `sourceUri`, -1 when none.
    int rowOf(const QString &sourceUri, const QString &model, qint64 version) const;
    qint64 now() const { return m_nowMs; }
    /// Moves "now" forward: the Requested column's ages change.
    void setNow(qint64 nowMs);

    /// "3 h ago", "12 min ago", "just now", "5 d ago": how long before `nowMs` `whenMs` was.
    static QString ageText(qint64 whenMs, qint64 nowMs);
    /// "unknown — moved by another tool": the requester column when no ModelDesk asked.
    static QString unknownRequesterText();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant sortValue(const ReviewRequest &r, int column) const;
    QString displayText(const ReviewRequest &r, int column) const;
    QString toolTip(const ReviewRequest &r, int column) const;

    QList<ReviewRequest> m_requests;
    QList<int> m_rows;  ///< row -> index into m_requests
    qint64 m_nowMs = 0;
    int m_sortColumn = -1;  ///< -1: the inbox's order (newest request first)
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/VersionsModel.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>

namespace md {

/// The key metric of each version as a small line chart (x = version), painted by hand; it
/// follows the palette (light or dark). Non-finite values are left out. When the values were
/// measured on a dataset (VersionsModel::keyMetricDataset()) the title names it: versions are
/// compared on that dataset only.
class KeyMetricChart : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(KeyMetricChart)
public:
    explicit KeyMetricChart(QWidget *parent);
    void setSeries(const QString &metric, const QList<QPair<qint64, double>> &series, const MetricDataset &dataset = {});
    const QList<QPair<qint64, double>> &series() const { return m_series; }
    /// Marks `version` as the one in Production, named `word` ("Production", or the production
    /// alias of a model that uses aliases only: "champion"); 0 marks none.
    void setProduction(qint64 version, const QString &word);
    qint64 productionVersion() const { return m_production; }
    /// The label under the marked point, e.g. "v4 · champion"; empty when none is marked.
    QString productionLabel() const;
    /// The chart's title: "val_r2_score by version", "holdout_rmse on cars_val (digest bc79217c) by version".
    QString title() const;
    QSize sizeHint() const override { return {260, 160}; }

protected:
    void paintEvent(QPaintEvent *) override;

private:
    QString m_metric;
    MetricDataset m_dataset;
    QList<QPair<qint64, double>> m_series;
    qint64 m_production = 0;
    QString m_productionWord;
};

} // namespace md

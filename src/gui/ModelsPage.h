// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Journal.h"

#include <QWidget>

#include <memory>
#include <optional>

class QStandardItemModel;
class QTableView;
class QTreeView;

namespace Ui {
class ModelsPage;
}

namespace md {

class Cache;
class KeyMetricChart;
class TimelineWidget;
class VersionsModel;

/// The read-only Models view of one source's model registry: the registered models with their
/// version counts on the left; on the right the selected model's versions (VersionsModel), the
/// version timeline (TimelineWidget, built from the cache and the journal's observed changes)
/// and the key metric across versions. Reads through the given Cache (GUI thread) and its own
/// connection to the journal at `journalPath`; the cache must outlive the page.
class ModelsPage : public QWidget {
    Q_OBJECT
public:
    ModelsPage(Cache *cache, const QString &journalPath, QWidget *parent = nullptr);
    ~ModelsPage() override;

    /// Shows the models of a source (nullopt: none, with a hint). Keeps the selected model when
    /// the source stays the same.
    void showSource(std::optional<qint64> sourceId, const QString &sourceUri);
    /// Re-reads the models list, the versions and the journal (after an import), keeping the
    /// selected model and version.
    void reload();
    /// Selects the model by its exact name; false when the shown source has no such model.
    bool selectModel(const QString &name);
    /// Selects the row of `version` in the versions table; false when not shown.
    bool selectVersion(qint64 version);

    std::optional<qint64> sourceId() const { return m_sourceId; }
    QString currentModel() const { return m_modelName; }
    QTreeView *modelsView() const;
    QStandardItemModel *modelsModel() const { return m_models; }
    QTableView *versionsTable() const;
    VersionsModel *versionsModel() const { return m_versions; }
    TimelineWidget *timeline() const { return m_timeline; }
    /// The key metric across versions (a small line chart).
    QWidget *keyMetricChart() const;

    enum ModelRoles { ModelNameRole = Qt::UserRole + 1, VersionCountRole };

Q_SIGNALS:
    /// A model's versions are shown (also after a reload); `name` empty when none.
    void modelShown(const QString &name);

protected:
    void changeEvent(QEvent *event) override;

private:
    void loadModels();
    void showModel(const QString &name);
    QList<JournalEntry> journalEntries(const QString &model);

    std::unique_ptr<Ui::ModelsPage> m_ui;
    Cache *m_cache;
    QString m_journalPath;
    Journal m_journal;
    std::optional<qint64> m_sourceId;
    QString m_sourceUri;
    QString m_modelName;
    QStandardItemModel *m_models;
    VersionsModel *m_versions;
    TimelineWidget *m_timeline;
    KeyMetricChart *m_chart;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cache/Cache.h"
#include "gui/Theme.h"

#include <QMainWindow>

#include <memory>
#include <optional>

class QActionGroup;
class QTabWidget;
class QTreeView;

namespace Ui {
class MainWindow;
}

namespace md {

class ChartsPage;
class ComparisonPage;
class ElidingLabel;
class ExperimentsModel;
class ImportController;
class ImportStatusWidget;
class LiveUpdater;
class MessageBar;
class ModelsPage;
struct ImportBatch;
class RunsPage;
class ReviewsPage;
struct ReviewRequest;
class ServerSignIn;

struct MainWindowOptions {
    QString cachePath;    ///< the cache file (created when missing)
    QString journalPath;  ///< the journal beside it
    /// For --screenshot: fixed size 1280×800, settings neither read nor written.
    bool screenshotMode = false;
    /// --compare: MLflow run ids to compare once the startup import is over.
    QStringList compareRunIds = {};
    /// --model: the registered model the Models tab shows once the startup import is over.
    QString modelName = {};
    /// --experiment: the experiment (name or id) selected once the startup import is over.
    QString experiment = {};
    /// --theme: the look for this run, not stored. Else the one chosen in View › Theme (in
    /// screenshot mode, where no setting is read: the look the application has).
    std::optional<Theme::Mode> theme = std::nullopt;
};

/// The first window: sources and experiments on the left, the runs of the selected experiment in
/// the centre (RunsPage), import progress and messages in the status bar. Imports run off the GUI
/// thread (ImportController); the window reads the cache through its own connection and refreshes
/// its models when an import finishes. Thin on purpose: pages and dialogs are their own classes.
///
/// On first start it takes at most 85 % of the screen's available area, and a saved geometry
/// is never restored larger than that area. While a demo source is shown, an info bar above the
/// pages says so and offers Open Source…. View › Theme switches the look at once (Theme).
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(MainWindowOptions options, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The start the command line asks for. With `sourceUri`: imports it (again) and shows it.
    /// Without: shows what the cache holds; when it holds no source, writes the demo into
    /// AppDataLocation/demo (unless there) and imports its file store and model folder.
    /// Emits startupFinished() once, asynchronously, when the window shows its first experiment.
    void startUp(const QString &sourceUri);
    /// Imports `uris` in the background (queued behind a running import) and then shows the first
    /// imported source. `demoDir`: write the demo there first (see ImportController).
    void importSources(const QStringList &uris, const QString &demoDir = {});

    RunsPage *runsPage() const { return m_runsPage; }
    ComparisonPage *comparisonPage() const { return m_comparisonPage; }
    /// Charts of the compared runs: gets the runs whenever a comparison is shown.
    ChartsPage *chartsPage() const { return m_chartsPage; }
    /// The registry of the selected source: models, versions, timeline.
    ModelsPage *modelsPage() const { return m_modelsPage; }
    /// The Reviews inbox: every version waiting for review; Enter opens its Review in the Models tab.
    ReviewsPage *reviewsPage() const { return m_reviewsPage; }
    /// Shows the Models tab with `name` selected (in the source selected on the left, else in the
    /// first source that has it). False, with a status bar message, when no source has it.
    bool showModel(const QString &name);
    /// The Runs, Compare and Charts tabs.
    QTabWidget *pages() const { return m_pages; }
    /// True while a page still reads what it shows: the runs table's rows in view, the charts'
    /// or the comparison's histories, the review inbox, a version's details. Imports not.
    bool isReading() const;
    /// Compares these runs (of `sourceId` when given) and shows the Compare tab. An error (a run
    /// not in the cache) goes to the status bar and the Runs tab stays.
    bool showComparison(const QStringList &runIds, std::optional<qint64> sourceId = std::nullopt);
    QTreeView *experimentsTree() const;
    ExperimentsModel *experimentsModel() const { return m_experiments; }
    ImportStatusWidget *importStatus() const { return m_importStatus; }
    /// Background syncs of the sources with running runs (View › Pause Live Updates).
    LiveUpdater *liveUpdater() const { return m_live; }
    /// The status bar's message, elided with the whole text in its tooltip when it does not fit.
    ElidingLabel *statusText() const { return m_statusText; }
    /// "This is a demo data set — …": shown while a demo source is selected, until dismissed.
    MessageBar *demoNotice() const { return m_demoNotice; }
    bool isImporting() const;
    /// True for the URIs of the demo written beside the cache (see startUp()).
    bool isDemoSource(const QString &uri) const;
    /// The size of the window on first start: 85 % of `available` (a screen's available
    /// geometry) in each direction, at most 1280 × 800.
    static QSize firstSize(const QRect &available);

Q_SIGNALS:
    /// The startup import (if any) is over and the preferred experiment is selected. `error` is
    /// empty when `ok`.
    void startupFinished(bool ok, const QString &error);
    /// Any import batch is over and the models show its result.
    void importFinished(bool ok);

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void setUpActions();
    void setUpThemeMenu();
    void restoreSettings();
    /// Makes the window no larger than its screen's available area, and moves it onto it.
    void keepOnScreen();
    void saveSettings() const;
    /// The folder the demo is written to: "demo" beside the cache.
    QString demoDir() const;
    /// Shows the demo's info bar while `current` (the tree's item) belongs to the demo.
    void updateDemoNotice(const QModelIndex &current);
    /// Puts the sources `batch` imported at the front of the recent sources (not the demo).
    void rememberRecent(const ImportBatch &batch);
    void openSourceDialog();
    void syncAgain();
    void showShortcuts();
    void compareSelected();
    void showAbout();
    void onCurrentChanged(const QModelIndex &current);
    void onBatchStarted(qint64 batchId, const QStringList &uris, bool live);
    void onBatchFinished(const ImportBatch &batch);
    void reportBatch(const ImportBatch &batch);
    /// Re-reads the tree, keeping the selected experiment when it still exists.
    void reloadExperiments();
    void selectPreferred(std::optional<qint64> sourceId);
    void finishStartUp(bool ok, const QString &error);
    /// Shows the request's source, model and version in the Models tab and opens its Review.
    void openReview(const ReviewRequest &request);

    std::unique_ptr<Ui::MainWindow> m_ui;
    MainWindowOptions m_options;
    Cache m_cache;
    QString m_cacheError;
    ExperimentsModel *m_experiments;
    RunsPage *m_runsPage;
    ComparisonPage *m_comparisonPage;
    ChartsPage *m_chartsPage;
    ModelsPage *m_modelsPage;
    ReviewsPage *m_reviewsPage;
    QTabWidget *m_pages;
    ImportController *m_imports;
    ServerSignIn *m_signIn;
    ImportStatusWidget *m_importStatus;
    LiveUpdater *m_live = nullptr;
    ElidingLabel *m_statusText;
    MessageBar *m_demoNotice;
    QActionGroup *m_themeActions = nullptr;
    bool m_demoNoticeDismissed = false;
    bool m_keptOnScreen = false;  ///< keepOnScreen() ran after the first show
    /// Batches whose first imported source is shown when they finish.
    QList<qint64> m_showWhenDone;
    qint64 m_startupBatch = 0;
    bool m_startupPending = false;
};

} // namespace md

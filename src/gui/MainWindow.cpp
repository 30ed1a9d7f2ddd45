// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "ui_MainWindow.h"

#include "ChartsPage.h"
#include "ComparisonPage.h"
#include "ElidingLabel.h"
#include "ExperimentTreeDelegate.h"
#include "ImportController.h"
#include "ImportStatusWidget.h"
#include "LiveBadge.h"
#include "LiveUpdater.h"
#include "MessageBar.h"
#include "MessageBox.h"
#include "ModelsPage.h"
#include "OpenSourceDialog.h"
#include "ReviewsPage.h"
#include "RunsPage.h"
#include "ServerSignIn.h"
#include "VersionDetailsWidget.h"
#include "core/Settings.h"
#include "demo/DemoStore.h"
#include "models/ExperimentsModel.h"
#include "models/Resources.h"
#include "models/RunsTableModel.h"

#include <QActionGroup>
#include <QBoxLayout>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QScreen>
#include <QShowEvent>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace md {

namespace {

QString actionText(const QAction *action)
{
    QString text = action->text();
    text.remove(u'&');
    if (text.endsWith(u'…'))
        text.chop(1);
    return text;
}

} // namespace

MainWindow::MainWindow(MainWindowOptions options, QWidget *parent)
    : QMainWindow(parent)
    , m_ui(std::make_unique<Ui::MainWindow>())
    , m_options(std::move(options))
{
    // The look first, so that every widget is made with its palette. A screenshot reads no settings.
    Theme::apply(m_options.theme.value_or(m_options.screenshotMode ? Theme::current() : Theme::stored()));
    ensureResources();
    m_ui->setupUi(this);
    setWindowIcon(QIcon(u":/icons/modeldesk.svg"_s));
    setWindowTitle(tr("ModelDesk"));

    if (Status s = m_cache.open(m_options.cachePath); !s)
        m_cacheError = s.error().toString();

    m_experiments = new ExperimentsModel(&m_cache, this);
    m_ui->experimentsTree->setModel(m_experiments);
    m_ui->experimentsTree->setItemDelegate(new ExperimentTreeDelegate(m_ui->experimentsTree));
    // "synced 5 min ago" ages: repaint now and then.
    auto *ageTimer = new QTimer(this);
    connect(ageTimer, &QTimer::timeout, m_ui->experimentsTree->viewport(), qOverload<>(&QWidget::update));
    ageTimer->start(60 * 1000);
    m_ui->experimentsTree->setPlaceholderText(
        tr("No sources yet.\n\nUse File › Open Source… (Ctrl+O) to import an MLflow store."));
    QHeaderView *treeHeader = m_ui->experimentsTree->header();
    treeHeader->setSectionResizeMode(ExperimentsModel::NameColumn, QHeaderView::Stretch);
    treeHeader->setSectionResizeMode(ExperimentsModel::RunsColumn, QHeaderView::ResizeToContents);

    m_runsPage = new RunsPage(&m_cache, this);
    m_comparisonPage = new ComparisonPage(&m_cache, m_options.cachePath, this);
    m_comparisonPage->setUseSettings(!m_options.screenshotMode);
    m_pages = new QTabWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_pages->setDocumentMode(true);
    m_pages->addTab(m_runsPage, tr("Runs"));
    m_pages->addTab(m_comparisonPage, m_comparisonPage->shortTitle());
    m_chartsPage = new ChartsPage(&m_cache, m_options.cachePath, this);
    m_pages->addTab(m_chartsPage, tr("Charts"));
    // A run clicked in a chart is the one the comparison shows selected when the person turns to it.
    connect(m_chartsPage, &ChartsPage::runSelected, m_comparisonPage, &ComparisonPage::selectRun);
    m_modelsPage = new ModelsPage(&m_cache, m_options.journalPath, this);
    connect(m_modelsPage, &ModelsPage::compareRunsRequested, this,
            [this](const QStringList &runIds) { showComparison(runIds, m_modelsPage->sourceId()); });
    m_pages->addTab(m_modelsPage, tr("Models"));
    m_pages->setTabToolTip(m_pages->indexOf(m_modelsPage), tr("The registered models of the selected source"));
    // ---- Reviews inbox: every version waiting for review, in all sources; its count in the tab title.
    m_reviewsPage = new ReviewsPage(m_options.cachePath, m_options.journalPath, this);
    m_pages->addTab(m_reviewsPage, m_reviewsPage->shortTitle());
    m_pages->setTabToolTip(m_pages->indexOf(m_reviewsPage),
                           tr("Every version waiting for review, in all sources and models"));
    connect(m_reviewsPage, &ReviewsPage::countChanged, this,
            [this] { m_pages->setTabText(m_pages->indexOf(m_reviewsPage), m_reviewsPage->shortTitle()); });
    connect(m_reviewsPage, &ReviewsPage::reviewRequested, this, &MainWindow::openReview);
    // A sync that brings requests says so, after what the import itself reported.
    connect(m_reviewsPage, &ReviewsPage::requestsArrived, this, [this](const QList<ReviewRequest> &added) {
        const QString shown = statusBar()->currentMessage();
        const QString text = ReviewsPage::arrivalText(added);
        statusBar()->showMessage(shown.isEmpty() ? text : shown + u"; "_s + text);
    });
    connect(this, &MainWindow::importFinished, m_reviewsPage, [this] { m_reviewsPage->reload(true); });
    connect(m_modelsPage, &ModelsPage::registryChanged, m_reviewsPage, [this] { m_reviewsPage->reload(); });
    m_reviewsPage->reload();
    // ---- end of the Reviews inbox
    m_ui->splitter->addWidget(m_pages);
    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setSizes({250, 1030});

    m_imports = new ImportController(m_options.cachePath, m_options.journalPath, this);
    m_signIn = new ServerSignIn(this);
    connect(m_signIn, &ServerSignIn::retry, this, [this](const QString &uri) { importSources({uri}); });
    connect(m_signIn, &ServerSignIn::message, this, [this](const QString &text) { statusBar()->showMessage(text); });
    // QStatusBar draws its message clipped at the first permanent widget; this label, the first
    // and stretching, shows the message instead, elided and with the whole text in its tooltip.
    m_statusText = new ElidingLabel(this);
    m_statusText->setObjectName(u"statusText"_s);
    statusBar()->addPermanentWidget(m_statusText, 1);
    connect(statusBar(), &QStatusBar::messageChanged, m_statusText, &ElidingLabel::setText);
    m_importStatus = new ImportStatusWidget(this);
    statusBar()->addPermanentWidget(m_importStatus);
    // ---- Live updates: sources with running runs sync in the background; the runs table and the
    // charts update in place. Paused in screenshots, which must not change while they are taken.
    m_live = new LiveUpdater(m_options.cachePath, m_imports, this);
    statusBar()->addPermanentWidget(new LiveBadge(m_live, this));
    auto *pauseLive = m_ui->menuView->addAction(tr("&Pause Live Updates"));
    pauseLive->setObjectName(u"actionPauseLive"_s);
    pauseLive->setCheckable(true);
    pauseLive->setToolTip(tr("Stop syncing sources with runs in progress in the background"));
    pauseLive->setChecked(!m_options.screenshotMode && Settings::instance().value(Settings::Key::LivePaused).toBool());
    m_live->setPaused(m_options.screenshotMode || pauseLive->isChecked());
    connect(pauseLive, &QAction::toggled, this, [this](bool paused) {
        m_live->setPaused(paused);
        if (!m_options.screenshotMode)
            Settings::instance().setValue(Settings::Key::LivePaused, paused);
    });
    // Read on workers: the GUI thread only applies what changed.
    connect(m_live, &LiveUpdater::synced, this, [this](const ImportBatch &, const QStringList &runs) {
        m_runsPage->model()->refreshInBackground(runs);
        m_chartsPage->updateLive(runs);
    });
    connect(m_runsPage->model(), &RunsTableModel::refreshed, this, [this](const QString &error) {
        if (!error.isEmpty())
            statusBar()->showMessage(error);
    });
    // ---- end of live updates

    // ---- The demo's info bar, above the pages.
    m_demoNotice = new MessageBar(this);
    m_demoNotice->setObjectName(u"demoNotice"_s);
    m_demoNotice->setKeepsSpace(false);
    auto *demoOpen = new QPushButton(tr("Open Source…"), m_demoNotice);
    demoOpen->setObjectName(u"demoOpenSourceButton"_s);
    demoOpen->setToolTip(m_ui->actionOpenSource->toolTip());
    // Beside the text, before the bar's ✕.
    if (auto *barLayout = qobject_cast<QBoxLayout *>(m_demoNotice->layout()))
        barLayout->insertWidget(barLayout->count() - 1, demoOpen, 0, Qt::AlignVCenter);
    connect(demoOpen, &QPushButton::clicked, this, &MainWindow::openSourceDialog);
    connect(m_demoNotice, &MessageBar::dismissed, this, [this] {
        m_demoNoticeDismissed = true;
        if (!m_options.screenshotMode)
            Settings::instance().setValue(Settings::Key::DemoNoticeDismissed, true);
        updateDemoNotice(m_ui->experimentsTree->currentIndex());
    });
    m_ui->centralLayout->insertWidget(0, m_demoNotice);

    connect(m_ui->experimentsTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { onCurrentChanged(current); });
    connect(m_imports, &ImportController::batchStarted, this, &MainWindow::onBatchStarted);
    connect(m_imports, &ImportController::progress, this,
            [this](qint64, const QString &uri, int, const ImportProgress &p) { m_importStatus->setProgress(uri, p); });
    connect(m_imports, &ImportController::batchFinished, this, &MainWindow::onBatchFinished);
    connect(m_importStatus, &ImportStatusWidget::cancelRequested, this, [this] {
        m_imports->cancel();
        statusBar()->showMessage(tr("Cancelling the import…"));
    });
    setUpActions();
    setUpThemeMenu();

    if (m_options.screenshotMode)
        resize(1280, 800);
    else
        restoreSettings();
    reloadExperiments();
    m_live->rescan();
}

MainWindow::~MainWindow()
{
    // Stop the import while the models and the cache it reports to are still alive.
    m_imports->disconnect(this);
    delete m_imports;
}

QTreeView *MainWindow::experimentsTree() const
{
    return m_ui->experimentsTree;
}

bool MainWindow::isImporting() const
{
    return m_imports->isBusy();
}

void MainWindow::setUpActions()
{
    m_ui->actionOpenSource->setIcon(QIcon(u":/icons/source.svg"_s));
    connect(m_ui->actionOpenSource, &QAction::triggered, this, &MainWindow::openSourceDialog);
    connect(m_ui->actionSyncAgain, &QAction::triggered, this, &MainWindow::syncAgain);
    connect(m_ui->actionQuit, &QAction::triggered, this, &QWidget::close);
    connect(m_ui->actionShowDeleted, &QAction::toggled, this, [this](bool show) {
        m_runsPage->setShowDeleted(show);
        if (Status s = m_experiments->setShowDeleted(show); !s)
            statusBar()->showMessage(s.error().toString());
        reloadExperiments();
    });
    connect(m_ui->actionFilterRuns, &QAction::triggered, this, [this] {
        m_pages->setCurrentWidget(m_runsPage);
        m_runsPage->focusFilter();
    });
    m_runsPage->setCompareAction(m_ui->actionCompareSelected);
    m_ui->actionCompareSelected->setEnabled(false);
    connect(m_runsPage, &RunsPage::selectionCountChanged, this,
            [this](int count) { m_ui->actionCompareSelected->setEnabled(count >= 2); });
    connect(m_ui->actionCompareSelected, &QAction::triggered, this, &MainWindow::compareSelected);
    connect(m_comparisonPage, &ComparisonPage::comparisonChanged, this,
            [this] { m_pages->setTabText(m_pages->indexOf(m_comparisonPage), m_comparisonPage->shortTitle()); });
    connect(m_ui->actionShortcuts, &QAction::triggered, this, &MainWindow::showShortcuts);
    // The registry actions are window-wide: their shortcuts fire from any widget on any tab, and
    // the action is shown on the Models tab, where its dialog belongs.
    auto *registry = new QMenu(tr("Re&gistry"), this);
    registry->setObjectName(u"menuRegistry"_s);
    registry->setToolTipsVisible(true);  // a disabled action says why
    for (QAction *a : m_modelsPage->registryActions()) {
        if (a == m_modelsPage->sendToReviewAction() || a == m_modelsPage->rollbackAction())
            registry->addSeparator();
        registry->addAction(a);
        connect(a, &QAction::triggered, this, [this] { m_pages->setCurrentWidget(m_modelsPage); });
    }
    menuBar()->insertMenu(m_ui->menuHelp->menuAction(), registry);
    connect(m_ui->actionAbout, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::setUpThemeMenu()
{
    QMenu *menu = m_ui->menuView->addMenu(tr("&Theme"));
    menu->setObjectName(u"menuTheme"_s);
    m_ui->menuView->insertSeparator(menu->menuAction());
    m_themeActions = new QActionGroup(this);
    m_themeActions->setExclusive(true);
    for (const Theme::Mode mode : Theme::modes()) {
        QAction *action = menu->addAction(Theme::title(mode));
        const QString name = Theme::name(mode);
        action->setObjectName(u"actionTheme"_s + name.left(1).toUpper() + name.mid(1));
        action->setCheckable(true);
        action->setChecked(mode == Theme::current());
        action->setData(int(mode));
        m_themeActions->addAction(action);
    }
    menu->actions().at(int(Theme::Mode::System))->setToolTip(tr("The style and colours of your desktop"));
    menu->actions().at(int(Theme::Mode::Dark))->setToolTip(tr("Light text on dark grey"));
    menu->setToolTipsVisible(true);
    connect(m_themeActions, &QActionGroup::triggered, this, [this](QAction *action) {
        const auto mode = Theme::Mode(action->data().toInt());
        Theme::apply(mode);
        if (!m_options.screenshotMode)
            Theme::store(mode);
    });
}

QSize MainWindow::firstSize(const QRect &available)
{
    return QSize(std::min(available.width() * 85 / 100, 1280), std::min(available.height() * 85 / 100, 800));
}

void MainWindow::keepOnScreen()
{
    const QScreen *on = screen() ? screen() : QGuiApplication::primaryScreen();
    if (!on || isMaximized() || isFullScreen())
        return;
    const QRect available = on->availableGeometry();
    // The frame (title bar, borders) as far as it is known: nothing before the window is shown.
    const QRect frame = frameGeometry();
    const QSize extra = frame.size() - size();
    const QSize size = this->size().boundedTo(available.size() - extra).expandedTo(minimumSize());
    if (size != this->size())
        resize(size);
    // move() places the frame's top-left corner.
    const QSize outer = size + extra;
    QPoint topLeft = frame.topLeft();
    topLeft.setX(std::clamp(topLeft.x(), available.left(), std::max(available.left(), available.right() + 1 - outer.width())));
    topLeft.setY(std::clamp(topLeft.y(), available.top(), std::max(available.top(), available.bottom() + 1 - outer.height())));
    if (topLeft != frame.topLeft())
        move(topLeft);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // A screenshot keeps its fixed size, whatever the screen.
    if (m_keptOnScreen || event->spontaneous() || m_options.screenshotMode)
        return;
    m_keptOnScreen = true;
    // Once more when the frame is known (at once on most platforms, a moment later on X11).
    QTimer::singleShot(0, this, &MainWindow::keepOnScreen);
}

void MainWindow::restoreSettings()
{
    using Key = Settings::Key;
    const Settings &settings = Settings::instance();
    if (!restoreGeometry(settings.value(Key::MainWindowGeometry).toByteArray())) {
        // First start: most of the screen, in its middle.
        const QScreen *on = screen() ? screen() : QGuiApplication::primaryScreen();
        const QRect available = on ? on->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(firstSize(available));
        move(available.center() - QPoint(width() / 2, height() / 2));
    }
    keepOnScreen();
    m_demoNoticeDismissed = settings.value(Key::DemoNoticeDismissed).toBool();
    restoreState(settings.value(Key::MainWindowState).toByteArray());
    m_ui->splitter->restoreState(settings.value(Key::MainWindowSplitter).toByteArray());
    m_ui->actionShowDeleted->setChecked(settings.value(Key::ShowDeleted).toBool());
    if (settings.contains(Key::RunsHiddenColumns))
        m_runsPage->setHiddenColumns(settings.value(Key::RunsHiddenColumns).toStringList());
}

void MainWindow::saveSettings() const
{
    using Key = Settings::Key;
    Settings &settings = Settings::instance();
    settings.setValue(Key::MainWindowGeometry, saveGeometry());
    settings.setValue(Key::MainWindowState, saveState());
    settings.setValue(Key::MainWindowSplitter, m_ui->splitter->saveState());
    settings.setValue(Key::ShowDeleted, m_ui->actionShowDeleted->isChecked());
    settings.setValue(Key::RunsHiddenColumns, m_runsPage->hiddenColumns());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_options.screenshotMode)
        saveSettings();
    m_imports->cancel();
    QMainWindow::closeEvent(event);
}

QString MainWindow::demoDir() const
{
    // The demo lives beside the cache, in ModelDesk's data folder (or wherever --cache points).
    return QDir::cleanPath(QFileInfo(m_options.cachePath).absoluteDir().filePath(u"demo"_s));
}

bool MainWindow::isDemoSource(const QString &uri) const
{
    const QUrl url(uri);
    if (url.scheme().startsWith(u"http"_s))
        return false;
    // file:///…/mlruns, folder:///…, sqlite:///… or a plain path.
    const QString path = QDir::cleanPath(url.isLocalFile() ? url.toLocalFile() : url.path());
    return !path.isEmpty() && path.startsWith(demoDir() + u'/');
}

void MainWindow::updateDemoNotice(const QModelIndex &current)
{
    const bool show = !m_demoNoticeDismissed && current.isValid()
                      && isDemoSource(current.data(ExperimentsModel::SourceUriRole).toString());
    if (show == m_demoNotice->hasMessage())
        return;
    if (show)
        m_demoNotice->showMessage(MessageBar::Kind::Info,
                                  tr("This is a demo data set — Open Source… to connect your MLflow server"));
    else
        m_demoNotice->clear();
}

void MainWindow::rememberRecent(const ImportBatch &batch)
{
    if (m_options.screenshotMode)
        return;
    Settings &settings = Settings::instance();
    QStringList recent = settings.value(Settings::Key::RecentSources).toStringList();
    const QStringList before = recent;
    // In reverse, so that the batch's first source ends up first.
    for (auto o = batch.outcomes.crbegin(); o != batch.outcomes.crend(); ++o)
        if (o->report && !isDemoSource(o->report->uri))
            recent = OpenSourceDialog::withRecent(recent, o->report->uri);
    if (recent != before)
        settings.setValue(Settings::Key::RecentSources, recent);
}

void MainWindow::startUp(const QString &sourceUri)
{
    m_startupPending = true;
    if (!m_cache.isOpen()) {
        MessageBox::error(this, tr("Cannot Open the Cache"), tr("The local cache could not be opened."), m_cacheError);
        QTimer::singleShot(0, this, [this] { finishStartUp(false, m_cacheError); });
        return;
    }
    if (!sourceUri.isEmpty()) {
        importSources({sourceUri});
        m_startupBatch = m_showWhenDone.last();
        return;
    }
    auto sources = m_cache.sources();
    if (!sources) {
        MessageBox::error(this, tr("Cannot Read the Cache"), sources.error().toString());
        QTimer::singleShot(0, this, [this, e = sources.error().toString()] { finishStartUp(false, e); });
        return;
    }
    if (sources->isEmpty()) {
        const QString dir = demoDir();
        importSources({demoFileStoreUri(dir), demoModelFolderUri(dir)}, dir);
        m_startupBatch = m_showWhenDone.last();
        return;
    }
    selectPreferred(std::nullopt);
    QTimer::singleShot(0, this, [this] { finishStartUp(true, {}); });
}

void MainWindow::finishStartUp(bool ok, const QString &error)
{
    if (!m_startupPending)
        return;
    m_startupPending = false;
    if (!m_options.compareRunIds.isEmpty() && m_cache.isOpen())
        showComparison(m_options.compareRunIds);
    if (!m_options.modelName.isEmpty() && m_cache.isOpen())
        showModel(m_options.modelName);
    Q_EMIT startupFinished(ok, error);
}

void MainWindow::importSources(const QStringList &uris, const QString &demoDir)
{
    const qint64 id = m_imports->start(uris, demoDir);
    m_showWhenDone.append(id);
}

void MainWindow::openSourceDialog()
{
    const QStringList recent = m_options.screenshotMode
                                   ? QStringList()
                                   : Settings::instance().value(Settings::Key::RecentSources).toStringList();
    auto *dialog = new OpenSourceDialog(recent, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { importSources({dialog->location()}); });
    dialog->open();
}

void MainWindow::syncAgain()
{
    auto sources = m_cache.sources();
    if (!sources) {
        MessageBox::error(this, tr("Cannot Read the Cache"), sources.error().toString());
        return;
    }
    QStringList uris;
    for (const SourceInfo &s : sources.value())
        uris.append(s.uri);
    if (uris.isEmpty()) {
        statusBar()->showMessage(tr("Nothing to sync yet: open a source first (File › Open Source…)."));
        return;
    }
    m_imports->start(uris);
}

void MainWindow::onBatchStarted(qint64, const QStringList &uris, bool live)
{
    if (live)
        return;  // quiet: the live badge says when it synced
    m_importStatus->begin(uris.join(u", "_s));
    m_ui->actionSyncAgain->setEnabled(false);
    statusBar()->showMessage(tr("Importing %1…").arg(uris.join(u", "_s)));
    if (m_experiments->rowCount() == 0)
        m_ui->experimentsTree->setPlaceholderText(tr("Importing…"));
}

void MainWindow::onBatchFinished(const ImportBatch &batch)
{
    if (m_live->handleBatch(batch))
        return;  // a live update: the models updated in place (LiveUpdater::synced)
    if (!m_imports->isBusy()) {
        m_importStatus->end();
        m_ui->actionSyncAgain->setEnabled(true);
    }
    m_ui->experimentsTree->setPlaceholderText(
        tr("No sources yet.\n\nUse File › Open Source… (Ctrl+O) to import an MLflow store."));
    reloadExperiments();
    m_runsPage->reload();
    m_comparisonPage->reload();
    m_chartsPage->reload();
    m_modelsPage->reload();

    std::optional<qint64> shownSource;
    for (const ImportOutcome &o : batch.outcomes) {
        if (o.report) {
            shownSource = o.report->sourceId;
            break;
        }
    }
    if (m_showWhenDone.removeAll(batch.id) > 0) {
        // Opened by the person (dialog, command line, sign-in), not a sync of what is there.
        rememberRecent(batch);
        if (shownSource)
            selectPreferred(shownSource);
    }
    // A source that synced is reachable: actions that waited for it go now (re-checked first).
    for (const ImportOutcome &o : batch.outcomes)
        if (o.report && m_modelsPage->applyQueuedFor(o.report->uri))
            break;
    reportBatch(batch);
    Q_EMIT importFinished(batch.ok());

    if (batch.id == m_startupBatch) {
        QString error;
        for (const ImportOutcome &o : batch.outcomes)
            if (o.error)
                error += (error.isEmpty() ? QString() : u"\n"_s) + o.error->toString();
        if (batch.cancelled && error.isEmpty())
            error = tr("The import was cancelled.");
        finishStartUp(batch.ok(), error);
    }
}

void MainWindow::reportBatch(const ImportBatch &batch)
{
    QStringList done;
    QStringList problems;
    QStringList warnings;
    QStringList failures;
    for (const ImportOutcome &o : batch.outcomes) {
        if (o.report) {
            const QString runs = o.report->runs == 1 ? tr("1 run") : tr("%1 runs").arg(o.report->runs);
            const QString models = o.report->models == 1 ? tr("1 registered model") : tr("%1 registered models").arg(o.report->models);
            const QString what = o.report->models == 0 ? runs : tr("%1 and %2", "runs and models").arg(runs, models);
            done.append(tr("Imported %1 from %2").arg(what, o.report->uri));
            for (const ReadProblem &p : o.report->problems)
                (p.warning ? warnings : problems).append(p.error.toString());
        } else if (o.error && o.error->category == ErrorCategory::Auth) {
            // Not a failure to report: the server wants the user to sign in.
            m_signIn->handleAuthFailure(o.uri, o.error->message);
        } else if (o.error && o.error->category != ErrorCategory::Cancelled) {
            // An error's `where` usually names the URI or file already.
            failures.append(o.error->where.isEmpty() ? tr("%1: %2").arg(o.uri, o.error->message) : o.error->toString());
        }
    }
    if (batch.cancelled)
        done.append(tr("Import cancelled."));
    statusBar()->showMessage(done.join(u"; "_s));

    if (!failures.isEmpty()) {
        MessageBox::error(this, tr("Import Failed"),
                          (failures.size() == 1 ? tr("The source could not be imported.")
                                                 : tr("%1 sources could not be imported.").arg(failures.size())) + u"\n\n"_s
                              + failures.join(u"\n"_s),
                          problems.join(u"\n"_s));
        if (done.isEmpty())
            statusBar()->showMessage(tr("Import failed: %1").arg(failures.first()));
    } else if (!problems.isEmpty()) {
        MessageBox::warning(this, tr("Some Items Were Skipped"),
                            problems.size() == 1
                                ? tr("One item could not be read and was skipped; everything else was imported.")
                                : tr("%1 items could not be read and were skipped; everything else was imported.")
                                      .arg(problems.size()),
                            problems.join(u"\n"_s));
    } else if (!warnings.isEmpty()) {
        MessageBox::warning(this, tr("Imported with a Warning"), warnings.join(u"\n\n"_s));
    }
}

void MainWindow::reloadExperiments()
{
    const std::optional<qint64> sourceId = m_runsPage->sourceId();
    const QString experimentId = m_runsPage->experimentId();
    const QString parentRunId = m_runsPage->parentRunId();
    if (Status s = m_experiments->reload(); !s)
        statusBar()->showMessage(tr("Cannot read the cache: %1").arg(s.error().toString()));
    // Sources open to show their experiments; nested runs stay folded under theirs.
    m_ui->experimentsTree->expandToDepth(0);
    if (!sourceId) {
        // Keeps the hint right: "nothing imported yet" versus "select an experiment".
        if (!m_ui->experimentsTree->currentIndex().isValid())
            onCurrentChanged({});
        return;
    }
    QModelIndex index = parentRunId.isEmpty() ? QModelIndex()
                                              : m_experiments->runGroupIndex(*sourceId, experimentId, parentRunId);
    if (!index.isValid())
        index = m_experiments->experimentIndex(*sourceId, experimentId);
    if (index.isValid()) {
        m_ui->experimentsTree->setCurrentIndex(index);
        m_ui->experimentsTree->scrollTo(index);  // unfolds a nested run's parents
    } else
        onCurrentChanged({});
}

void MainWindow::selectPreferred(std::optional<qint64> sourceId)
{
    // The experiment asked for with --experiment, even an empty one; else one with runs.
    QModelIndex index = m_options.experiment.isEmpty() ? QModelIndex() : m_experiments->findExperiment(m_options.experiment);
    if (!index.isValid()) {
        index = m_experiments->preferredExperiment(sourceId);
        if (!index.isValid() || index.data(ExperimentsModel::RunCountRole).toLongLong() == 0)
            index = m_experiments->preferredExperiment(std::nullopt);
    }
    if (index.isValid()) {
        m_ui->experimentsTree->setCurrentIndex(index);
        m_ui->experimentsTree->scrollTo(index);
    }
}

void MainWindow::onCurrentChanged(const QModelIndex &current)
{
    updateDemoNotice(current);
    if (current.isValid())
        m_modelsPage->showSource(current.data(ExperimentsModel::SourceIdRole).toLongLong(),
                                 current.data(ExperimentsModel::SourceUriRole).toString());
    else
        m_modelsPage->showSource(std::nullopt, {});
    const auto kind = ExperimentsModel::ItemKind(current.data(ExperimentsModel::ItemKindRole).toInt());
    if (current.isValid() && (kind == ExperimentsModel::ItemKind::Experiment || kind == ExperimentsModel::ItemKind::RunGroup)) {
        const qint64 sourceId = current.data(ExperimentsModel::SourceIdRole).toLongLong();
        const QString experimentId = current.data(ExperimentsModel::ExperimentIdRole).toString();
        const QString name = current.data(ExperimentsModel::ExperimentNameRole).toString();
        const QString parentRunId = current.data(ExperimentsModel::ParentRunIdRole).toString();
        setWindowTitle(tr("%1 — ModelDesk").arg(name));
        if (m_runsPage->sourceId() != sourceId || m_runsPage->experimentId() != experimentId
            || m_runsPage->parentRunId() != parentRunId)
            m_runsPage->showRunGroup(sourceId, experimentId, name, parentRunId,
                                     parentRunId.isEmpty() ? QString() : current.data(Qt::DisplayRole).toString());
        return;
    }
    setWindowTitle(tr("ModelDesk"));
    if (current.isValid()) {
        const QString uri = current.data(ExperimentsModel::SourceUriRole).toString();
        m_runsPage->showNothing(ExperimentsModel::sourceDisplayName(uri),
                                tr("Select one of this source's experiments to see its runs."));
    } else if (m_experiments->rowCount() == 0) {
        m_runsPage->showNothing(tr("Runs"), tr("Nothing imported yet.\n\nOpen an MLflow store with File › Open "
                                               "Source… (Ctrl+O), or start ModelDesk with a source URI."));
    } else {
        m_runsPage->showNothing(tr("Runs"), tr("Select an experiment on the left to see its runs."));
    }
}

void MainWindow::compareSelected()
{
    m_runsPage->readSelectedRunIds(this, [this, sourceId = m_runsPage->sourceId()](const QStringList &ids) {
        if (ids.size() < 2) {
            statusBar()->showMessage(tr("Select two or more runs to compare (Ctrl+click or Shift+click)."));
            return;
        }
        showComparison(ids, sourceId);
    });
}

bool MainWindow::showComparison(const QStringList &runIds, std::optional<qint64> sourceId)
{
    if (Status s = m_comparisonPage->compare(runIds, sourceId); !s) {
        statusBar()->showMessage(tr("Cannot compare: %1").arg(s.error().message));
        return false;
    }
    if (Status s = m_chartsPage->setRuns(runIds, sourceId); !s)
        statusBar()->showMessage(tr("Cannot chart: %1").arg(s.error().message));
    m_pages->setCurrentWidget(m_comparisonPage);
    return true;
}

void MainWindow::showShortcuts()
{
    QString rows;
    const QList<QAction *> actions{m_ui->actionOpenSource, m_ui->actionSyncAgain, m_ui->actionQuit,
                                   m_ui->actionShowDeleted, m_ui->actionFilterRuns, m_ui->actionCompareSelected,
                                   m_ui->actionShortcuts, m_modelsPage->sendToReviewAction(),
                                   m_modelsPage->reviewAction(), m_modelsPage->promoteAction(),
                                   m_modelsPage->rollbackAction()};
    for (const QAction *a : actions)
        rows += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(a->shortcut().toString(QKeySequence::NativeText),
                                                                actionText(a).toHtmlEscaped());
    rows += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(tr("Enter"), tr("Apply the filter (in the filter field)"));
    rows += u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(
        QKeySequence(Qt::CTRL | Qt::Key_Return).toString(QKeySequence::NativeText),
        tr("Perform the plan shown (in the dialog of a registry action)"));
    MessageBox::information(this, tr("Keyboard Shortcuts"),
                            u"<table cellspacing=\"6\">"_s + rows + u"</table>"_s);
}

void MainWindow::showAbout()
{
    MessageBox::about(this, tr("About ModelDesk"),
                      tr("<h3>ModelDesk %1</h3><p>A desktop client for MLflow experiments and model registries.</p>"
                         "<p>Cache: %2</p><p>Built with Qt %3. Licensed under the GNU GPL, version 3 or later.</p>")
                          .arg(QStringLiteral(MODELDESK_VERSION), m_options.cachePath.toHtmlEscaped(),
                               QString::fromLatin1(qVersion())));
}

bool MainWindow::isReading() const
{
    return m_runsPage->model()->isLoading() || m_chartsPage->isLoading() || m_comparisonPage->isLoadingHistories()
        || m_reviewsPage->isLoading() || m_modelsPage->versionDetails()->isLoading();
}

bool MainWindow::showModel(const QString &name)
{
    if (!m_modelsPage->selectModel(name)) {
        auto sources = m_cache.sources();
        for (const SourceInfo &source : sources ? *sources : QList<SourceInfo>()) {
            auto model = m_cache.registeredModel(name, source.id);
            if (!model)
                continue;
            m_ui->experimentsTree->setCurrentIndex(m_experiments->preferredExperiment(source.id));
            m_modelsPage->showSource(source.id, source.uri);
            break;
        }
        if (!m_modelsPage->selectModel(name)) {
            statusBar()->showMessage(tr("No registered model named “%1”.").arg(name));
            return false;
        }
    }
    m_pages->setCurrentWidget(m_modelsPage);
    return true;
}

void MainWindow::openReview(const ReviewRequest &request)
{
    // The source on the left too, so that the window and the Models tab agree on what is shown.
    if (m_modelsPage->sourceId() != request.sourceId) {
        const QModelIndex experiment = m_experiments->preferredExperiment(request.sourceId);
        if (experiment.isValid())
            m_ui->experimentsTree->setCurrentIndex(experiment);
        m_modelsPage->showSource(request.sourceId, request.sourceUri);
    }
    const QString version = tr("%1 v%2").arg(request.model).arg(request.version);
    if (!m_modelsPage->selectModel(request.model) || !m_modelsPage->selectVersion(request.version)) {
        statusBar()->showMessage(tr("%1 is no longer in the cache; sync again.").arg(version));
        return;
    }
    m_pages->setCurrentWidget(m_modelsPage);
    QAction *review = m_modelsPage->reviewAction();
    if (!review->isEnabled()) {
        statusBar()->showMessage(tr("%1 cannot be reviewed now: %2").arg(version, review->toolTip()));
        return;
    }
    review->trigger();
}

} // namespace md

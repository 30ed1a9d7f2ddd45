// SPDX-License-Identifier: GPL-3.0-or-later
#include "ModelsPage.h"

#include "ui_ModelsPage.h"

#include "ActionRunner.h"
#include "ElidingHeaderView.h"
#include "ElidingLabel.h"
#include "KeyMetricChart.h"
#include "MessageBar.h"
#include "MessageBox.h"
#include "PlanDialog.h"
#include "ReviewDialog.h"
#include "TimelineWidget.h"
#include "VersionDetailsWidget.h"
#include "cache/Cache.h"
#include "core/NumberFormat.h"
#include "core/Settings.h"
#include "core/TagNames.h"
#include "models/PlainToolTip.h"
#include "models/TimelineData.h"
#include "models/VersionDetails.h"
#include "models/VersionsModel.h"

#include <QDateTime>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QProgressBar>
#include <QToolBar>
#include <QEvent>
#include <QAction>
#include <QHeaderView>
#include <QMenu>
#include <QStandardItemModel>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

ModelsPage::ModelsPage(Cache *cache, const QString &journalPath, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ModelsPage>())
    , m_cache(cache)
    , m_journalPath(journalPath)
    , m_models(new QStandardItemModel(this))
    , m_versions(new VersionsModel(this))
{
    m_ui->setupUi(this);
    QFont titleFont = m_ui->titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_ui->titleLabel->setFont(titleFont);
    // One elided line in a fixed place: a model with a long description must not push its
    // versions down (the whole text is in the tooltip).
    m_ui->descriptionLabel->hide();
    m_description = new ElidingLabel(this);
    m_description->setObjectName(u"modelDescription"_s);
    m_description->setMaxLines(1);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_ui->detailLayout->insertWidget(m_ui->detailLayout->indexOf(m_ui->descriptionLabel) + 1, m_description);

    m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
    m_ui->modelsView->setModel(m_models);
    m_ui->modelsView->header()->setStretchLastSection(false);
    m_ui->modelsView->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_ui->modelsView->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    connect(m_ui->modelsView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString name = current.siblingAtColumn(0).data(ModelNameRole).toString();
                if (name != m_modelName)
                    showModel(name);
            });

    m_ui->versionsTable->setHorizontalHeader(new ElidingHeaderView(Qt::Horizontal, m_ui->versionsTable));
    m_ui->versionsTable->horizontalHeader()->setSectionsClickable(true);
    m_ui->versionsTable->horizontalHeader()->setHighlightSections(false);
    m_ui->versionsTable->horizontalHeader()->setSortIndicatorShown(true);
    m_ui->versionsTable->verticalHeader()->hide();
    m_ui->versionsTable->setModel(m_versions);
    m_ui->versionsTable->sortByColumn(VersionsModel::VersionColumn, Qt::AscendingOrder);
    m_ui->versionsTable->horizontalHeader()->setStretchLastSection(true);

    m_timeline = new TimelineWidget(m_ui->historyPane);
    m_timeline->setObjectName(u"timeline"_s);
    m_chart = new KeyMetricChart(m_ui->historyPane);
    m_chart->setObjectName(u"keyMetricChart"_s);
    m_ui->historyLayout->addWidget(m_timeline, 3);
    m_ui->historyLayout->addWidget(m_chart, 1);
    connect(m_timeline, &TimelineWidget::versionClicked, this, [this](qint64 version) { selectVersion(version); });

    // The version card: a third pane on the right.
    m_details = new VersionDetailsWidget(m_ui->splitter);
    m_details->setObjectName(u"versionDetails"_s);
    m_ui->splitter->addWidget(m_details);
    m_compareProduction = new QAction(this);
    m_compareProduction->setObjectName(u"actionCompareWithProduction"_s);
    m_compareProduction->setText(tr("Compare with Production"));
    m_compareProduction->setToolTip(tr("Show the selected version beside the model's Production version"));
    m_compareProduction->setEnabled(false);
    connect(m_compareProduction, &QAction::triggered, this, [this] {
        const qint64 production = productionVersion(), current = currentVersion();
        if (production && current && production != current)
            compareVersions(production, current);
    });
    m_details->addHeaderAction(m_compareProduction);
    connect(m_details, &VersionDetailsWidget::comparisonClosed, this, [this] { showVersionCard(currentVersion()); });
    connect(m_ui->versionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                showVersionCard(current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0);
            });
    m_ui->versionsTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_ui->versionsTable, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex idx = m_ui->versionsTable->indexAt(pos);
        if (!idx.isValid())
            return;
        QMenu *menu = createVersionMenu(idx.row(), this);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_ui->versionsTable->viewport()->mapToGlobal(pos));
    });

    m_ui->splitter->setStretchFactor(0, 0);
    m_ui->splitter->setStretchFactor(1, 1);
    m_ui->splitter->setStretchFactor(2, 1);
    m_ui->splitter->setSizes({220, 560, 400});
    m_ui->splitter->restoreState(Settings::instance().value(Settings::Key::ModelsPageSplitter).toByteArray());
    connect(m_ui->splitter, &QSplitter::splitterMoved, this, [this] {
        Settings::instance().setValue(Settings::Key::ModelsPageSplitter, m_ui->splitter->saveState());
    });
    // Extra height goes to the table; the timeline keeps what its lanes need.
    m_ui->detailSplitter->setStretchFactor(0, 1);
    m_ui->detailSplitter->setStretchFactor(1, 0);
    m_ui->detailSplitter->setSizes({400, 240});
    setTabOrder(m_ui->modelsView, m_ui->versionsTable);
    setTabOrder(m_ui->versionsTable, m_timeline);
    setTabOrder(m_timeline, m_details);
    setUpActions();
    connect(m_ui->versionsTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { updateActions(); });
    showSource(std::nullopt, {});
}

ModelsPage::~ModelsPage() = default;

QTreeView *ModelsPage::modelsView() const
{
    return m_ui->modelsView;
}

QTableView *ModelsPage::versionsTable() const
{
    return m_ui->versionsTable;
}

QWidget *ModelsPage::keyMetricChart() const
{
    return m_chart;
}

void ModelsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        m_models->setHorizontalHeaderLabels({tr("Model"), tr("Versions")});
        m_compareProduction->setText(tr("Compare with Production"));
        m_compareProduction->setToolTip(tr("Show the selected version beside the model's Production version"));
        reload();
    }
    QWidget::changeEvent(event);
}

void ModelsPage::showSource(std::optional<qint64> sourceId, const QString &sourceUri)
{
    if (sourceId == m_sourceId && sourceUri == m_sourceUri && sourceId)
        return;
    m_sourceId = sourceId;
    m_sourceUri = sourceUri;
    m_details->setSourceUri(sourceUri);
    m_modelName.clear();
    loadModels();
}

void ModelsPage::reload()
{
    const QString keep = m_modelName;
    const QModelIndex current = m_ui->versionsTable->currentIndex();
    const qint64 version = current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0;
    // A sync may have changed the artifacts too, and the policy file may have been edited.
    m_details->invalidateArtifacts();
    if (auto loaded = Policies::load())
        m_policies = *loaded;
    m_modelName.clear();
    loadModels();
    if (!keep.isEmpty() && selectModel(keep) && version)
        selectVersion(version);
}

void ModelsPage::loadModels()
{
    const QSignalBlocker blocker(m_ui->modelsView->selectionModel());
    m_models->removeRows(0, m_models->rowCount());
    if (!m_sourceId) {
        m_ui->modelsView->setPlaceholderText(tr("Select a source on the left to see its registered models."));
        showModel({});
        return;
    }
    auto models = m_cache->registeredModels(m_sourceId);
    if (!models) {
        m_ui->modelsView->setPlaceholderText(tr("Cannot read the cache: %1").arg(models.error().toString()));
        showModel({});
        return;
    }
    m_ui->modelsView->setPlaceholderText(tr("This source has no registered models."));
    // MLflow 3's prompts are registered models too: listed after the models, marked, never acted on.
    std::stable_partition(models->begin(), models->end(), [](const RegisteredModel &m) { return !m.isPrompt(); });
    for (const RegisteredModel &m : std::as_const(*models)) {
        const bool prompt = m.isPrompt();
        auto *name = new QStandardItem(prompt ? tr("%1 (prompt)").arg(m.name) : m.name);
        name->setData(m.name, ModelNameRole);
        name->setData(qint64(m.versions.size()), VersionCountRole);
        const QString about = prompt ? tr("A prompt of MLflow's prompt registry: its versions hold template text. "
                                          "Prompts are not promoted, reviewed or rolled back.")
                                     : QString();
        QStringList tip{m.name};
        for (const QString &line : {m.description, about})
            if (!line.isEmpty())
                tip.append(line);
        name->setToolTip(plainToolTip(tip.join(u'\n')));
        if (prompt) {
            QFont italic = name->font();
            italic.setItalic(true);
            name->setFont(italic);
        }
        name->setEditable(false);
        auto *count = new QStandardItem(QString::number(m.versions.size()));
        count->setData(m.name, ModelNameRole);
        count->setData(qint64(m.versions.size()), VersionCountRole);
        count->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        count->setToolTip(m.versions.size() == 1 ? tr("1 version") : tr("%1 versions").arg(m.versions.size()));
        count->setEditable(false);
        m_models->appendRow({name, count});
    }
    showModel({});
}

bool ModelsPage::selectModel(const QString &name)
{
    for (int r = 0; r < m_models->rowCount(); ++r) {
        const QModelIndex idx = m_models->index(r, 0);
        if (idx.data(ModelNameRole).toString() == name) {
            m_ui->modelsView->setCurrentIndex(idx);
            m_ui->modelsView->scrollTo(idx);
            if (m_modelName != name)
                showModel(name);
            return true;
        }
    }
    return false;
}

bool ModelsPage::selectVersion(qint64 version)
{
    const int row = m_versions->rowOfVersion(version);
    if (row < 0)
        return false;
    const QModelIndex idx = m_versions->index(row, VersionsModel::VersionColumn);
    m_ui->versionsTable->setCurrentIndex(idx);
    m_ui->versionsTable->selectRow(row);
    m_ui->versionsTable->scrollTo(idx);
    return true;
}

QList<JournalEntry> ModelsPage::journalEntries(const QString &model)
{
    if (m_journalPath.isEmpty() || m_sourceUri.isEmpty())
        return {};
    if (!m_journal.isOpen() && !m_journal.open(m_journalPath))
        return {};
    auto entries = m_journal.entries(m_sourceUri, model);
    if (!entries)
        return {};
    // The prefix also matches "model_b" for "model": keep this model's own.
    entries->removeIf([&](const JournalEntry &e) { return e.subject != model && !e.subject.startsWith(model + u'/'); });
    return *entries;
}

void ModelsPage::showModel(const QString &name)
{
    // A message about one model must not stay while another is shown.
    if (name != m_modelName)
        m_message->clear();
    m_modelName = name;
    m_description->setText(QString());
    m_details->clear(name.isEmpty() ? tr("Select a model and one of its versions to see the version's card.")
                                    : tr("Select a version to see its card."));
    if (name.isEmpty() || !m_sourceId) {
        m_versions->clear();
        m_timeline->setTimeline({});
        m_chart->setSeries({}, {});
        m_chart->setProduction(0, {});
        m_ui->titleLabel->setText(tr("Models"));
        const bool none = m_sourceId && m_models->rowCount() == 0;
        m_ui->versionsTable->setPlaceholderText(
            !m_sourceId ? tr("Select a source on the left to see its registered models.")
                        : none ? tr("This source has no registered models.")
                               : tr("Select a model to see its versions, their timeline and key metric."));
        m_timeline->setPlaceholderText(QString());
        updateActions();
        Q_EMIT modelShown(QString());
        return;
    }
    const QList<JournalEntry> journal = journalEntries(name);
    if (Status s = m_versions->load(*m_cache, *m_sourceId, name, journal); !s) {
        m_versions->clear();
        m_ui->versionsTable->setPlaceholderText(tr("Cannot read the model: %1").arg(s.error().toString()));
    }
    const RegisteredModel &model = m_versions->registeredModel();
    m_scheme = ActionService::resolveScheme(model, policy(), !m_sourceUri.startsWith(u"folder://"_s));
    const qsizetype count = model.versions.size();
    m_ui->titleLabel->setText(count == 1 ? tr("%1 — 1 version").arg(name) : tr("%1 — %2 versions").arg(name).arg(count));
    QStringList details;
    if (!model.description.isEmpty())
        details.append(model.description);
    QStringList tags;
    for (const KeyValue &t : model.tags)
        tags.append(t.key + u" = "_s + t.value);
    if (!tags.isEmpty())
        details.append(tr("Tags: %1").arg(tags.join(u", "_s)));
    m_description->setText(details.join(u"\n"_s));
    m_ui->versionsTable->setPlaceholderText(tr("This model has no versions yet."));
    m_ui->versionsTable->resizeColumnsToContents();
    QHeaderView *header = m_ui->versionsTable->horizontalHeader();
    for (int c = 0; c < header->count(); ++c)
        header->resizeSection(c, std::min(header->sectionSize(c), 260));

    m_timeline->setTimeline(TimelineData::build(model, journal, QDateTime::currentMSecsSinceEpoch(),
                                                m_scheme == RegistryScheme::Aliases ? policy().productionAlias : QString()));
    m_timeline->setPlaceholderText(tr("No versions, so no timeline."));
    m_chart->setSeries(m_versions->keyMetric(), m_versions->keyMetricSeries(), m_versions->keyMetricDataset());
    m_chart->setProduction(productionVersion(), productionWord());
    updateCompareAction();
    updateActions();
    Q_EMIT modelShown(name);
}

qint64 ModelsPage::currentVersion() const
{
    const QModelIndex current = m_ui->versionsTable->currentIndex();
    return current.isValid() ? current.data(VersionsModel::VersionRole).toLongLong() : 0;
}

qint64 ModelsPage::productionVersion() const
{
    // The champion of an alias model is its Production; among several Production versions
    // (against MLflow's habit), the newest.
    return ActionService::productionVersion(m_versions->registeredModel(), policy(), m_scheme);
}

ModelPolicy ModelsPage::policy() const
{
    return m_policies.forModel(m_modelName);
}

QString ModelsPage::productionWord() const
{
    return m_scheme == RegistryScheme::Aliases ? policy().productionAlias : tr("Production");
}

void ModelsPage::updateCompareAction()
{
    const qint64 production = productionVersion(), current = currentVersion();
    const QString word = productionWord();
    m_compareProduction->setText(tr("Compare with %1").arg(word));
    m_compareProduction->setEnabled(production && current && production != current);
    m_compareProduction->setToolTip(!production ? tr("This model has no %1 version to compare with").arg(word)
                                    : !current  ? tr("Select a version to compare with %1 (v%2)").arg(word).arg(production)
                                    : production == current
                                        ? tr("The selected version is the %1 version").arg(word)
                                        : tr("Show v%1 beside the %2 version v%3").arg(current).arg(word).arg(production));
}

void ModelsPage::showVersionCard(qint64 version)
{
    updateCompareAction();
    if (!version || !m_sourceId || m_modelName.isEmpty()) {
        m_details->clear(tr("Select a version to see its card."));
        return;
    }
    auto details = VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, version);
    if (!details) {
        m_details->showError(tr("Cannot read the version from the cache: %1").arg(details.error().toString()));
        return;
    }
    details->setJournal(journalEntries(m_modelName));
    m_details->showVersion(*details);
}

bool ModelsPage::compareVersions(qint64 left, qint64 right)
{
    if (!m_sourceId || m_modelName.isEmpty() || m_versions->rowOfVersion(left) < 0 || m_versions->rowOfVersion(right) < 0)
        return false;
    auto a = VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, left);
    auto b = a ? VersionDetails::fromCache(*m_cache, *m_sourceId, m_modelName, right) : a;
    if (!a || !b) {
        m_details->showError(tr("Cannot read the versions from the cache: %1")
                                 .arg((a ? b.error() : a.error()).toString()));
        return false;
    }
    a->setJournal(journalEntries(m_modelName));
    b->setJournal(journalEntries(m_modelName));
    m_details->showComparison(*a, *b);
    return true;
}

QMenu *ModelsPage::createVersionMenu(int row, QWidget *parent)
{
    auto *menu = new QMenu(parent);
    const qint64 version = m_versions->index(row, VersionsModel::VersionColumn).data(VersionsModel::VersionRole).toLongLong();
    const qint64 production = productionVersion();
    QAction *withProduction = menu->addAction(tr("Compare with %1").arg(productionWord()));
    withProduction->setObjectName(u"menuCompareWithProduction"_s);
    withProduction->setEnabled(production && version && production != version);
    connect(withProduction, &QAction::triggered, this, [this, version, production] {
        selectVersion(version);
        compareVersions(production, version);
    });
    QMenu *with = menu->addMenu(tr("Compare with…"));
    with->setObjectName(u"menuCompareWith"_s);
    for (const ModelVersion &other : m_versions->registeredModel().versions) {
        if (other.version == version)
            continue;
        const QString label = other.currentStage.isEmpty() || other.currentStage == kStageNone
            ? tr("v%1").arg(other.version)
            : tr("v%1 (%2)").arg(other.version).arg(other.currentStage);
        const qint64 otherVersion = other.version;
        connect(with->addAction(label), &QAction::triggered, this, [this, version, otherVersion] {
            selectVersion(version);
            compareVersions(otherVersion, version);
        });
    }
    with->setEnabled(!with->isEmpty());
    return menu;
}


// ---------------------------------------------------------------------------- registry actions

namespace {
/// The tooltip an action has when nothing stops it (updateActions() may replace it with why not).
constexpr char kDefaultToolTip[] = "modeldeskDefaultToolTip";
} // namespace

void ModelsPage::setUpActions()
{
    if (auto loaded = Policies::load())
        m_policies = *loaded;
    m_runner = new ActionRunner(m_cache->path(), m_journalPath, this);
    m_actionsBar = new QToolBar(this);
    m_actionsBar->setObjectName(u"registryActions"_s);
    m_actionsBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto make = [this](const QString &name, const QString &text, const QString &tip, const QKeySequence &key = {}) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        a->setToolTip(key.isEmpty() ? tip : tip + u" ("_s + key.toString(QKeySequence::NativeText) + u')');
        a->setProperty(kDefaultToolTip, a->toolTip());
        if (!key.isEmpty()) {
            // Window-wide: from the versions table, the card, the timeline, any tab. The main
            // window also lists the action in its Registry menu and in Help › Keyboard Shortcuts.
            a->setShortcut(key);
            a->setShortcutContext(Qt::WindowShortcut);
        }
        m_actionsBar->addAction(a);
        addAction(a);
        return a;
    };
    m_registerAction = make(u"actionRegisterVersion"_s, tr("Register…"),
                            tr("Register a run's model (or, for a model folder, a model file) as a new version"));
    m_actionsBar->addSeparator();
    m_sendToReview = make(u"actionSendToReview"_s, tr("Send to Review"),
                          tr("Move the selected version to Staging and ask a second person to review it"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_abTest = make(u"actionAbTest"_s, tr("A/B Test…"), tr("Record the share of requests the candidate gets, or end its A/B test"));
    m_review = make(u"actionReview"_s, tr("Review…"),
                    tr("Compare the selected version with Production and approve or reject it"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_promote = make(u"actionPromote"_s, tr("Promote to Production"),
                     tr("Put the approved version into Production; the current one is archived as rollback target"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_actionsBar->addSeparator();
    m_rollback = make(u"actionRollback"_s, tr("Roll Back…"),
                      tr("Put the last known-good version back into Production now (on-call)"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_applyQueue = make(u"actionApplyQueue"_s, tr("Apply Queued"),
                        tr("Apply the actions that waited for the source; each is checked again first"));
    m_applyQueue->setVisible(false);
    m_actionBusy = new QProgressBar(this);
    m_actionBusy->setRange(0, 0);
    m_actionBusy->setMaximumWidth(120);
    m_actionBusy->setTextVisible(false);
    m_actionBusy->setVisible(false);
    m_actionsBar->addWidget(m_actionBusy);
    // Above the versions, always the same height: a message never moves the table.
    m_message = new MessageBar(this);
    m_ui->pageLayout->insertWidget(0, m_actionsBar);
    m_ui->detailLayout->insertWidget(m_ui->detailLayout->indexOf(m_ui->detailSplitter), m_message);

    connect(m_registerAction, &QAction::triggered, this, &ModelsPage::registerVersion);
    connect(m_sendToReview, &QAction::triggered, this,
            [this] { startAction(actionRequest(ActionKind::Promote, currentVersion())); });
    connect(m_abTest, &QAction::triggered, this, &ModelsPage::toggleAbTest);
    connect(m_review, &QAction::triggered, this, &ModelsPage::review);
    connect(m_promote, &QAction::triggered, this, [this] {
        ActionRequest r = actionRequest(ActionKind::Promote, currentVersion());
        r.target = kStageProduction;
        startAction(r);
    });
    connect(m_rollback, &QAction::triggered, this, [this] {
        ActionRequest r = actionRequest(ActionKind::Rollback, 0);
        r.expected = std::nullopt;
        // The reason is typed in the dialog while the plan is made; without a stand-in the
        // "reason-required" rule would refuse the plan first. The typed reason replaces it
        // before anything is written.
        r.note = PlanDialog::reasonStandIn();
        startAction(r);
    });
    connect(m_applyQueue, &QAction::triggered, this, [this] {
        if (!m_sourceUri.isEmpty() && m_runner->applyQueued(m_sourceUri))
            m_message->showMessage(MessageBar::Kind::Info, tr("Applying the queued actions…"));
    });
    connect(m_runner, &ActionRunner::busyChanged, this, [this](bool busy) {
        m_actionBusy->setVisible(busy);
        if (!busy && m_replan && m_dialog) {
            const ActionRequest r = *std::exchange(m_replan, std::nullopt);
            m_runner->plan(r);
        }
        updateActions();
    });
    connect(m_runner, &ActionRunner::planned, this, &ModelsPage::onPlanned);
    connect(m_runner, &ActionRunner::executed, this, &ModelsPage::onExecuted);
    connect(m_runner, &ActionRunner::failed, this, &ModelsPage::onActionFailed);
    connect(m_runner, &ActionRunner::queueApplied, this, [this](const QList<QueuedAction> &done) {
        QStringList lines;
        bool rejected = false;
        for (const QueuedAction &a : done) {
            rejected = rejected || a.state != u"applied"_s;
            lines.append(tr("#%1 %2 v%3: %4").arg(a.id).arg(actionKindName(a.request.kind)).arg(a.request.version).arg(
                a.state == u"applied"_s ? tr("applied") : tr("rejected — %1").arg(a.result)));
        }
        reload();
        m_message->showMessage(rejected ? MessageBar::Kind::Warning : MessageBar::Kind::Positive,
                               lines.isEmpty() ? tr("Nothing was waiting.") : lines.join(u'\n'));
        Q_EMIT registryChanged();
    });
}

PlanDialog *ModelsPage::planDialog() const
{
    return m_dialog;
}

QList<QAction *> ModelsPage::registryActions() const
{
    return {m_registerAction, m_sendToReview, m_abTest, m_review, m_promote, m_rollback, m_applyQueue};
}

bool ModelsPage::applyQueuedFor(const QString &sourceUri)
{
    if (!m_runner || m_runner->isBusy() || sourceUri.isEmpty())
        return false;
    if (!m_journal.isOpen() && (m_journalPath.isEmpty() || !m_journal.open(m_journalPath)))
        return false;
    ActionQueue queue(m_journal);
    auto pending = queue.list(sourceUri, true);
    if (!pending || pending->isEmpty())
        return false;
    m_message->showMessage(MessageBar::Kind::Info,
                           tr("%1 is reachable again: applying %n queued action(s)…", nullptr, int(pending->size()))
                               .arg(sourceUri));
    return m_runner->applyQueued(sourceUri);
}

QString ModelsPage::actionStatusText() const { return m_message ? m_message->text() : QString(); }

ActionRequest ModelsPage::actionRequest(ActionKind kind, qint64 version) const
{
    ActionRequest r;
    r.kind = kind;
    r.sourceUri = m_sourceUri;
    r.model = m_modelName;
    r.version = version;
    r.target = kStageStaging;
    for (const ModelVersion &v : m_versions->registeredModel().versions)
        if (v.version == version)
            r.expected = VersionSnapshot::of(v);
    return r;
}

void ModelsPage::updateActions()
{
    if (!m_registerAction)
        return;
    const bool busy = m_runner->isBusy();
    const bool haveModel = !m_modelName.isEmpty() && m_sourceId;
    const qint64 current = currentVersion(), production = productionVersion();
    const ModelPolicy p = policy();
    const RegisteredModel &model = m_versions->registeredModel();
    const ModelVersion *v = model.findVersion(current);
    auto tag = [&](const QString &key) {
        if (v)
            for (const KeyValue &kv : v->tags)
                if (kv.key == key)
                    return kv.value;
        return QString();
    };
    const bool aliases = m_scheme == RegistryScheme::Aliases;
    const QString word = productionWord();
    const QString candidate = aliases ? p.candidateAlias : tr("Staging");
    const bool inReview = v && (v->currentStage == kStageStaging || v->aliases.contains(p.candidateAlias));
    const bool prompt = model.isPrompt();
    const bool folder = m_sourceUri.startsWith(u"folder://"_s);

    // The wording follows the model's kind: stages, aliases or both.
    m_sendToReview->setText(tr("Send to Review"));
    m_promote->setText(aliases ? tr("Promote to %1").arg(p.productionAlias) : tr("Promote to Production"));
    m_review->setToolTip(tr("Compare the selected version with %1 and approve or reject it").arg(word));

    // Each action says why it cannot be used, or what it will do.
    auto set = [](QAction *a, bool enabled, const QString &tip) {
        a->setEnabled(enabled);
        const QString key = a->shortcut().isEmpty() ? QString()
                                                    : u" ("_s + a->shortcut().toString(QKeySequence::NativeText) + u')';
        a->setToolTip(tip + key);
    };
    const QString noModel = !m_sourceId ? tr("Select a source and one of its models in the Models view first")
                                        : tr("Select a model in the Models view first");
    const QString noVersion = tr("Select a version of %1 first").arg(m_modelName);
    const QString running = tr("Another registry action is running");
    const QString isPrompt = tr("%1 is a prompt of MLflow's prompt registry, not a model").arg(m_modelName);
    auto why = [&](const QString &ok, std::initializer_list<std::pair<bool, QString>> blockers) {
        for (const auto &[blocked, reason] : blockers)
            if (blocked)
                return std::make_pair(false, reason);
        return std::make_pair(true, ok);
    };
    auto apply = [&](QAction *a, const std::pair<bool, QString> &r) { set(a, r.first, r.second); };

    apply(m_registerAction,
          why(defaultTip(m_registerAction), {{!haveModel, noModel}, {prompt, isPrompt}, {busy, running}}));
    apply(m_sendToReview,
          why(aliases ? tr("Give v%1 the '%2' alias and ask a second person to review it").arg(current).arg(p.candidateAlias)
                      : tr("Move v%1 to %2 and ask a second person to review it").arg(current).arg(candidate),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {!v, noVersion},
               {v && current == production, tr("v%1 is the %2 version").arg(current).arg(word)},
               {v && inReview, tr("v%1 is already in review (%2)").arg(current).arg(candidate)},
               {busy, running}}));
    const bool abRunning = !tag(tags::kAbStart).isEmpty() && tag(tags::kAbEnd).isEmpty();
    m_abTest->setText(abRunning ? tr("End A/B Test") : tr("A/B Test…"));
    apply(m_abTest, why(abRunning ? tr("End the A/B test of v%1").arg(current)
                                  : tr("Record the share of requests v%1 gets beside %2").arg(current).arg(word),
                        {{!haveModel, noModel},
                         {prompt, isPrompt},
                         {!v, noVersion},
                         {v && !inReview, tr("Only a version in review (%1) runs an A/B test").arg(candidate)},
                         {busy, running}}));
    apply(m_review, why(tr("Compare v%1 with %2 and approve or reject it").arg(current).arg(word),
                        {{!haveModel, noModel},
                         {prompt, isPrompt},
                         {!v, noVersion},
                         {v && !inReview, tr("v%1 is not in review; Send to Review first").arg(current)},
                         {busy, running}}));
    const bool approved = tag(tags::kApprovalState) == u"approved"_s;
    apply(m_promote,
          why(production ? tr("Put v%1 into %2; v%3 is kept as rollback target").arg(current).arg(word).arg(production)
                         : tr("Put v%1 into %2").arg(current).arg(word),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {!v, noVersion},
               {v && current == production, tr("v%1 is already the %2 version").arg(current).arg(word)},
               {v && p.productionRequiresApproval && !approved && !folder,
                tr("%1 needs an approval by a second person first (Review…)").arg(word)},
               {busy, running}}));
    apply(m_rollback,
          why(tr("Put the last known-good version back as %1 now (on-call)").arg(word),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {haveModel && !production,
                tr("%1 has no %2 version to roll back from").arg(m_modelName).arg(word)},
               {busy, running}}));
    refreshQueue();
}

QString ModelsPage::defaultTip(QAction *action) const
{
    return action->property(kDefaultToolTip).toString().section(u" ("_s, 0, 0);
}

void ModelsPage::refreshQueue()
{
    if (!m_journal.isOpen() && !m_journalPath.isEmpty())
        (void)m_journal.open(m_journalPath);
    if (m_sourceUri.isEmpty() || !m_journal.isOpen()) {
        m_applyQueue->setVisible(false);
        return;
    }
    ActionQueue queue(m_journal);
    auto pending = queue.list(m_sourceUri, true);
    const qsizetype n = pending ? pending->size() : 0;
    m_applyQueue->setVisible(n > 0);
    m_applyQueue->setText(tr("Apply Queued (%1)").arg(n));
    m_applyQueue->setEnabled(n > 0 && !m_runner->isBusy());
}

void ModelsPage::startAction(const ActionRequest &request)
{
    if (request.model.isEmpty() || m_runner->isBusy() || m_dialog)
        return;
    m_request = request;
    auto *dialog = new PlanDialog(request.kind, request.model, this);
    m_dialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &PlanDialog::confirmed, this, [this, dialog] {
        ActionRequest r = m_request;
        const ActionPlan &plan = dialog->plan();
        if (r.kind == ActionKind::Rollback) {
            r.version = dialog->target();
            r.note = dialog->reason();
            // Refuse if Production moved while the dialog was open.
            if (const ModelVersion *from = plan.before.findVersion(plan.fromVersion))
                r.expected = VersionSnapshot::of(*from);
        }
        m_runner->execute(r);
    });
    connect(dialog, &PlanDialog::targetChanged, this, [this](qint64 version) {
        ActionRequest r = m_request;
        r.version = version;
        if (m_runner->isBusy())
            m_replan = r;
        else
            m_runner->plan(r);
    });
    connect(dialog, &QDialog::finished, this, [this] {
        m_dialog = nullptr;  // closed: deleted later, but done now
        m_replan.reset();
        updateActions();
    });
    dialog->open();
    m_runner->plan(request);
}

void ModelsPage::onPlanned(const ActionPlan &plan)
{
    if (m_dialog && m_dialog->state() == PlanDialog::State::Planning)
        m_dialog->showPlan(plan);
}

void ModelsPage::onExecuted(const ActionOutcome &outcome)
{
    const ActionPlan &plan = outcome.plan;
    if (m_dialog)
        m_dialog->showOutcome(outcome);
    if (outcome.queued) {
        m_message->showMessage(MessageBar::Kind::Warning,
                               tr("%1 cannot be reached: the action waits in the queue and is applied when you choose "
                                  "“Apply Queued”, after its preconditions are checked again.")
                                   .arg(plan.request.sourceUri));
        updateActions();
        return;
    }
    QString status = tr("Done: %1 (journal entry %2, by %3)").arg(plan.summary).arg(outcome.journalSeq).arg(plan.user);
    if (outcome.hook)
        status += u"\n"_s + (outcome.hook->ok ? tr("Reload hook succeeded in %1 ms.").arg(outcome.hook->elapsedMs)
                                             : outcome.hook->timedOut ? tr("Reload hook timed out: %1").arg(outcome.hook->what)
                                                                      : tr("Reload hook failed (%1): %2")
                                                                            .arg(outcome.hook->exitCode)
                                                                            .arg(outcome.hook->output.left(300)));
    const qint64 select = plan.version;
    reload();
    if (select)
        selectVersion(select);
    // After reload(): the model is the same, so the message stays.
    m_message->showMessage(outcome.hook && !outcome.hook->ok ? MessageBar::Kind::Warning : MessageBar::Kind::Positive,
                           status);
    Q_EMIT registryChanged();
}

void ModelsPage::onActionFailed(const Error &error, const ActionRequest &request)
{
    Q_UNUSED(request)
    // Unreachable while planning: offer the queue (execute() queues when the source is offline).
    if (m_dialog && m_dialog->state() == PlanDialog::State::Planning && error.category == ErrorCategory::Network) {
        m_dialog->showOffline(error);
        return;
    }
    if (m_dialog)
        m_dialog->showError(error);
    const QString title = error.category == ErrorCategory::Policy     ? tr("Refused by policy")
                          : error.category == ErrorCategory::Conflict ? tr("Changed meanwhile")
                                                                      : tr("Not done");
    if (error.category == ErrorCategory::Conflict)
        reload();
    // Stays until dismissed or another model is shown.
    m_message->showMessage(MessageBar::Kind::Error, tr("%1: %2").arg(title, error.toString()));
    updateActions();
}

void ModelsPage::registerVersion()
{
    ActionRequest r = actionRequest(ActionKind::Register, 0);
    r.expected = std::nullopt;
    r.newVersion.name = m_modelName;
    if (m_sourceUri.startsWith(u"folder://"_s)) {
        const QString file = QFileDialog::getOpenFileName(this, tr("Register a model file"), QString(),
                                                          tr("Pickled models (*.pkl);;All files (*)"));
        if (file.isEmpty())
            return;
        bool ok = false;
        const double score = QInputDialog::getDouble(this, tr("Register a model file"),
                                                     tr("Its validation score (the folder keeps only better models in "
                                                        "Production):"),
                                                     0, -1e9, 1e9, 4, &ok);
        if (!ok)
            return;
        r.newVersion.source = file;
        r.newVersion.tags = {{tags::kScore, QString::number(score)}};
    } else {
        RunQuery q;
        q.sourceId = m_sourceId;
        q.orderBy = {u"start_time DESC"_s};
        q.limit = 500;
        q.withData = false;
        auto runs = m_cache->runs(q);
        // MLflow 3: a run's model is a LoggedModel with files of its own; its version's source is
        // models:/m-<id>, not a folder below the run (which holds no model then).
        auto logged = m_cache->loggedModels(m_sourceId);
        if ((!runs || runs->isEmpty()) && (!logged || logged->isEmpty())) {
            MessageBox::information(this, tr("Register a version"), tr("This source has no runs in the cache to register."));
            return;
        }
        struct Choice {
            QString label;
            NewModelVersion version;
        };
        QList<Choice> choices;
        QHash<QString, QString> runNames;
        if (runs)
            for (const RunRow &row : std::as_const(*runs))
                runNames.insert(row.run.runId, row.run.runName.isEmpty() ? row.run.runId : row.run.runName);
        if (logged) {
            for (auto it = logged->crbegin(); it != logged->crend(); ++it) {
                if (it->lifecycleStage == kDeleted)
                    continue;
                Choice c;
                c.label = tr("Logged model %1 (%2) of run %3")
                              .arg(it->name, it->modelId, runNames.value(it->sourceRunId, it->sourceRunId));
                c.version.source = u"models:/"_s + it->modelId;
                c.version.runId = it->sourceRunId;
                c.version.description = runNames.value(it->sourceRunId);
                choices.append(c);
            }
        }
        if (runs) {
            for (const RunRow &row : std::as_const(*runs)) {
                Choice c;
                c.label = tr("%1 (%2)").arg(row.run.runName.isEmpty() ? row.run.runId : row.run.runName, row.run.runId);
                c.version.runId = row.run.runId;
                c.version.source = row.run.artifactUri + u"/model"_s;
                c.version.description = row.run.runName;
                choices.append(c);
            }
        }
        QStringList items;
        for (const Choice &c : std::as_const(choices))
            items.append(c.label);
        bool ok = false;
        const QString chosen = QInputDialog::getItem(
            this, tr("Register a version of %1").arg(m_modelName),
            logged && !logged->isEmpty()
                ? tr("The model of the new version: a logged model, or a run’s artifact folder “model”:")
                : tr("The run whose model (artifact path “model”) becomes the new version:"),
            items, 0, false, &ok);
        if (!ok)
            return;
        const NewModelVersion &picked = choices.at(items.indexOf(chosen)).version;
        r.newVersion.runId = picked.runId;
        r.newVersion.source = picked.source;
        r.newVersion.description = picked.description;
    }
    startAction(r);
}

void ModelsPage::toggleAbTest()
{
    const qint64 current = currentVersion();
    if (m_abTest->text() == tr("End A/B Test")) {
        startAction(actionRequest(ActionKind::AbEnd, current));
        return;
    }
    bool ok = false;
    const double share = QInputDialog::getDouble(this, tr("A/B test of v%1").arg(current),
                                                 tr("Share of requests the candidate gets (%):"), 10, 0.1, 100, 1, &ok);
    if (!ok)
        return;
    ActionRequest r = actionRequest(ActionKind::AbStart, current);
    r.sharePercent = share;
    startAction(r);
}

void ModelsPage::review()
{
    const qint64 current = currentVersion();
    if (!current)
        return;
    auto *dialog = new ReviewDialog(m_cache, m_sourceId, m_versions->registeredModel(), current, productionVersion(),
                                    currentIdentity(m_sourceUri).user, this, productionWord());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setJournal(journalEntries(m_modelName));
    connect(dialog, &ReviewDialog::compareRequested, this, &ModelsPage::compareRunsRequested);
    connect(dialog, &QDialog::accepted, this, [this, dialog, current] {
        if (dialog->decision() == ReviewDialog::Decision::None)
            return;
        ActionRequest r = actionRequest(
            dialog->decision() == ReviewDialog::Decision::Approve ? ActionKind::Approve : ActionKind::Reject, current);
        r.note = dialog->note();
        r.evidence = dialog->evidence();
        startAction(r);
    });
    dialog->open();
}

} // namespace md

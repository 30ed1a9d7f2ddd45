// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistryActions.h"

#include "ActionRunner.h"
#include "MessageBar.h"
#include "MessageBox.h"
#include "PlanDialog.h"
#include "ReviewDialog.h"
#include "cache/Cache.h"
#include "core/TagNames.h"

#include <QAction>
#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QProgressBar>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace md {

namespace {
/// The strings were the Models page's and keep its translation context.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(md::ModelsPage)
};

/// The tooltip an action has when nothing stops it (updateActions() may replace it with why not).
constexpr char kDefaultToolTip[] = "modeldeskDefaultToolTip";
} // namespace

RegistryActions::RegistryActions(Cache *cache, const QString &journalPath, std::unique_ptr<RegistryActionsHost> host,
                                 QWidget *widget)
    : QObject(widget)
    , m_cache(cache)
    , m_host(std::move(host))
    , m_widget(widget)
{
    m_runner = new ActionRunner(m_cache->path(), journalPath, this);
    m_actionsBar = new QToolBar(m_widget);
    m_actionsBar->setObjectName(u"registryActions"_s);
    m_actionsBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto make = [this](const QString &name, const QString &text, const QString &tip, const QKeySequence &key = {}) {
        auto *a = new QAction(text, m_widget);
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
        m_widget->addAction(a);
        return a;
    };
    m_registerAction = make(u"actionRegisterVersion"_s, Tr::tr("Register…"),
                            Tr::tr("Register a run's model (or, for a model folder, a model file) as a new version"));
    m_actionsBar->addSeparator();
    m_sendToReview = make(u"actionSendToReview"_s, Tr::tr("Send to Review"),
                          Tr::tr("Move the selected version to Staging and ask a second person to review it"),
                          QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_abTest = make(u"actionAbTest"_s, Tr::tr("A/B Test…"), Tr::tr("Record the share of requests the candidate gets, or end its A/B test"));
    m_review = make(u"actionReview"_s, Tr::tr("Review…"),
                    Tr::tr("Compare the selected version with Production and approve or reject it"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_promote = make(u"actionPromote"_s, Tr::tr("Promote to Production"),
                     Tr::tr("Put the approved version into Production; the current one is archived as rollback target"),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_actionsBar->addSeparator();
    m_rollback = make(u"actionRollback"_s, Tr::tr("Roll Back…"),
                      Tr::tr("Put the last known-good version back into Production now (on-call)"),
                      QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    m_applyQueue = make(u"actionApplyQueue"_s, Tr::tr("Apply Queued"),
                        Tr::tr("Apply the actions that waited for the source; each is checked again first"));
    m_applyQueue->setVisible(false);
    m_actionBusy = new QProgressBar(m_widget);
    m_actionBusy->setRange(0, 0);
    m_actionBusy->setMaximumWidth(120);
    m_actionBusy->setTextVisible(false);
    m_actionBusy->setVisible(false);
    m_actionsBar->addWidget(m_actionBusy);

    connect(m_registerAction, &QAction::triggered, this, &RegistryActions::registerVersion);
    connect(m_sendToReview, &QAction::triggered, this,
            [this] { startAction(actionRequest(ActionKind::Promote, m_host->selectedVersion())); });
    connect(m_abTest, &QAction::triggered, this, &RegistryActions::toggleAbTest);
    connect(m_review, &QAction::triggered, this, &RegistryActions::review);
    connect(m_promote, &QAction::triggered, this, [this] {
        ActionRequest r = actionRequest(ActionKind::Promote, m_host->selectedVersion());
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
        if (!m_host->sourceUri().isEmpty() && m_runner->applyQueued(m_host->sourceUri()))
            m_host->messageBar()->showMessage(MessageBar::Kind::Info, Tr::tr("Applying the queued actions…"));
    });
    connect(m_runner, &ActionRunner::busyChanged, this, [this](bool busy) {
        m_actionBusy->setVisible(busy);
        Q_EMIT busyChanged(busy);
        if (!busy && m_replan && m_dialog) {
            const ActionRequest r = *std::exchange(m_replan, std::nullopt);
            m_runner->plan(r);
        }
        updateActions();
    });
    connect(m_runner, &ActionRunner::planned, this, &RegistryActions::onPlanned);
    connect(m_runner, &ActionRunner::executed, this, &RegistryActions::onExecuted);
    connect(m_runner, &ActionRunner::failed, this, &RegistryActions::onActionFailed);
    connect(m_runner, &ActionRunner::queueApplied, this, [this](const QList<QueuedAction> &done) {
        QStringList lines;
        bool rejected = false;
        for (const QueuedAction &a : done) {
            rejected = rejected || a.state != u"applied"_s;
            lines.append(Tr::tr("#%1 %2 v%3: %4").arg(a.id).arg(actionKindName(a.request.kind)).arg(a.request.version).arg(
                a.state == u"applied"_s ? Tr::tr("applied") : Tr::tr("rejected — %1").arg(a.result)));
        }
        m_host->reload();
        m_host->messageBar()->showMessage(rejected ? MessageBar::Kind::Warning : MessageBar::Kind::Positive,
                                          lines.isEmpty() ? Tr::tr("Nothing was waiting.") : lines.join(u'\n'));
        Q_EMIT registryChanged();
    });
}

RegistryActions::~RegistryActions() = default;

PlanDialog *RegistryActions::planDialog() const
{
    return m_dialog;
}

QList<QAction *> RegistryActions::actions() const
{
    return {m_registerAction, m_sendToReview, m_abTest, m_review, m_promote, m_rollback, m_applyQueue};
}

bool RegistryActions::applyQueuedFor(const QString &sourceUri)
{
    if (!m_runner || m_runner->isBusy() || sourceUri.isEmpty())
        return false;
    Journal *journal = m_host->journal();
    if (!journal)
        return false;
    ActionQueue queue(*journal);
    auto pending = queue.list(sourceUri, true);
    if (!pending || pending->isEmpty())
        return false;
    m_host->messageBar()->showMessage(MessageBar::Kind::Info,
                                      Tr::tr("%1 is reachable again: applying %n queued action(s)…", nullptr, int(pending->size()))
                                          .arg(sourceUri));
    return m_runner->applyQueued(sourceUri);
}

ActionRequest RegistryActions::actionRequest(ActionKind kind, qint64 version) const
{
    ActionRequest r;
    r.kind = kind;
    r.sourceUri = m_host->sourceUri();
    r.model = m_host->model();
    r.version = version;
    r.target = kStageStaging;
    for (const ModelVersion &v : m_host->registeredModel().versions)
        if (v.version == version)
            r.expected = VersionSnapshot::of(v);
    return r;
}

void RegistryActions::updateActions()
{
    if (!m_registerAction)
        return;
    const bool busy = m_runner->isBusy();
    const bool haveModel = !m_host->model().isEmpty() && m_host->sourceId();
    const qint64 current = m_host->selectedVersion(), production = m_host->productionVersion();
    const ModelPolicy p = m_host->policy();
    const RegisteredModel &model = m_host->registeredModel();
    const ModelVersion *v = model.findVersion(current);
    auto tag = [&](const QString &key) {
        if (v)
            for (const KeyValue &kv : v->tags)
                if (kv.key == key)
                    return kv.value;
        return QString();
    };
    const bool aliases = m_host->scheme() == RegistryScheme::Aliases;
    const QString word = m_host->productionWord();
    const QString candidate = aliases ? p.candidateAlias : Tr::tr("Staging");
    const bool inReview = v && (v->currentStage == kStageStaging || v->aliases.contains(p.candidateAlias));
    const bool prompt = model.isPrompt();
    const bool folder = m_host->sourceUri().startsWith(u"folder://"_s);

    // The wording follows the model's kind: stages, aliases or both.
    m_sendToReview->setText(Tr::tr("Send to Review"));
    m_promote->setText(aliases ? Tr::tr("Promote to %1").arg(p.productionAlias) : Tr::tr("Promote to Production"));
    m_review->setToolTip(Tr::tr("Compare the selected version with %1 and approve or reject it").arg(word));

    // Each action says why it cannot be used, or what it will do.
    auto set = [](QAction *a, bool enabled, const QString &tip) {
        a->setEnabled(enabled);
        const QString key = a->shortcut().isEmpty() ? QString()
                                                    : u" ("_s + a->shortcut().toString(QKeySequence::NativeText) + u')';
        a->setToolTip(tip + key);
    };
    const QString noModel = !m_host->sourceId() ? Tr::tr("Select a source and one of its models in the Models view first")
                                        : Tr::tr("Select a model in the Models view first");
    const QString noVersion = Tr::tr("Select a version of %1 first").arg(m_host->model());
    const QString running = Tr::tr("Another registry action is running");
    const QString isPrompt = Tr::tr("%1 is a prompt of MLflow's prompt registry, not a model").arg(m_host->model());
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
          why(aliases ? Tr::tr("Give v%1 the '%2' alias and ask a second person to review it").arg(current).arg(p.candidateAlias)
                      : Tr::tr("Move v%1 to %2 and ask a second person to review it").arg(current).arg(candidate),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {!v, noVersion},
               {v && current == production, Tr::tr("v%1 is the %2 version").arg(current).arg(word)},
               {v && inReview, Tr::tr("v%1 is already in review (%2)").arg(current).arg(candidate)},
               {busy, running}}));
    const bool abRunning = !tag(tags::kAbStart).isEmpty() && tag(tags::kAbEnd).isEmpty();
    m_abTest->setText(abRunning ? Tr::tr("End A/B Test") : Tr::tr("A/B Test…"));
    apply(m_abTest, why(abRunning ? Tr::tr("End the A/B test of v%1").arg(current)
                                  : Tr::tr("Record the share of requests v%1 gets beside %2").arg(current).arg(word),
                        {{!haveModel, noModel},
                         {prompt, isPrompt},
                         {!v, noVersion},
                         {v && !inReview, Tr::tr("Only a version in review (%1) runs an A/B test").arg(candidate)},
                         {busy, running}}));
    apply(m_review, why(Tr::tr("Compare v%1 with %2 and approve or reject it").arg(current).arg(word),
                        {{!haveModel, noModel},
                         {prompt, isPrompt},
                         {!v, noVersion},
                         {v && !inReview, Tr::tr("v%1 is not in review; Send to Review first").arg(current)},
                         {busy, running}}));
    const bool approved = tag(tags::kApprovalState) == u"approved"_s;
    apply(m_promote,
          why(production ? Tr::tr("Put v%1 into %2; v%3 is kept as rollback target").arg(current).arg(word).arg(production)
                         : Tr::tr("Put v%1 into %2").arg(current).arg(word),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {!v, noVersion},
               {v && current == production, Tr::tr("v%1 is already the %2 version").arg(current).arg(word)},
               {v && p.productionRequiresApproval && !approved && !folder,
                Tr::tr("%1 needs an approval by a second person first (Review…)").arg(word)},
               {busy, running}}));
    apply(m_rollback,
          why(Tr::tr("Put the last known-good version back as %1 now (on-call)").arg(word),
              {{!haveModel, noModel},
               {prompt, isPrompt},
               {haveModel && !production,
                Tr::tr("%1 has no %2 version to roll back from").arg(m_host->model()).arg(word)},
               {busy, running}}));
    refreshQueue();
}

QString RegistryActions::defaultTip(QAction *action) const
{
    return action->property(kDefaultToolTip).toString().section(u" ("_s, 0, 0);
}

void RegistryActions::refreshQueue()
{
    Journal *journal = m_host->journal();
    if (m_host->sourceUri().isEmpty() || !journal) {
        m_applyQueue->setVisible(false);
        return;
    }
    ActionQueue queue(*journal);
    auto pending = queue.list(m_host->sourceUri(), true);
    const qsizetype n = pending ? pending->size() : 0;
    m_applyQueue->setVisible(n > 0);
    m_applyQueue->setText(Tr::tr("Apply Queued (%1)").arg(n));
    m_applyQueue->setEnabled(n > 0 && !m_runner->isBusy());
}

void RegistryActions::startAction(const ActionRequest &request)
{
    if (request.model.isEmpty() || m_runner->isBusy() || m_dialog)
        return;
    m_request = request;
    auto *dialog = new PlanDialog(request.kind, request.model, m_widget);
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

void RegistryActions::onPlanned(const ActionPlan &plan)
{
    if (m_dialog && m_dialog->state() == PlanDialog::State::Planning)
        m_dialog->showPlan(plan);
}

void RegistryActions::onExecuted(const ActionOutcome &outcome)
{
    const ActionPlan &plan = outcome.plan;
    if (m_dialog)
        m_dialog->showOutcome(outcome);
    if (outcome.queued) {
        m_host->messageBar()->showMessage(MessageBar::Kind::Warning,
                                          Tr::tr("%1 cannot be reached: the action waits in the queue and is applied when you choose "
                                             "“Apply Queued”, after its preconditions are checked again.")
                                              .arg(plan.request.sourceUri));
        updateActions();
        return;
    }
    QString status = Tr::tr("Done: %1 (journal entry %2, by %3)").arg(plan.summary).arg(outcome.journalSeq).arg(plan.user);
    if (outcome.hook)
        status += u"\n"_s + (outcome.hook->ok ? Tr::tr("Reload hook succeeded in %1 ms.").arg(outcome.hook->elapsedMs)
                                             : outcome.hook->timedOut ? Tr::tr("Reload hook timed out: %1").arg(outcome.hook->what)
                                                                      : Tr::tr("Reload hook failed (%1): %2")
                                                                            .arg(outcome.hook->exitCode)
                                                                            .arg(outcome.hook->output.left(300)));
    const qint64 select = plan.version;
    m_host->reload();
    if (select)
        m_host->selectVersion(select);
    // After m_host->reload(): the model is the same, so the message stays.
    m_host->messageBar()->showMessage(outcome.hook && !outcome.hook->ok ? MessageBar::Kind::Warning : MessageBar::Kind::Positive,
                                      status);
    Q_EMIT registryChanged();
}

void RegistryActions::onActionFailed(const Error &error, const ActionRequest &request)
{
    Q_UNUSED(request)
    // Unreachable while planning: offer the queue (execute() queues when the source is offline).
    if (m_dialog && m_dialog->state() == PlanDialog::State::Planning && error.category == ErrorCategory::Network) {
        m_dialog->showOffline(error);
        return;
    }
    if (m_dialog)
        m_dialog->showError(error);
    const QString title = error.category == ErrorCategory::Policy     ? Tr::tr("Refused by policy")
                          : error.category == ErrorCategory::Conflict ? Tr::tr("Changed meanwhile")
                                                                      : Tr::tr("Not done");
    if (error.category == ErrorCategory::Conflict)
        m_host->reload();
    // Stays until dismissed or another model is shown.
    m_host->messageBar()->showMessage(MessageBar::Kind::Error, Tr::tr("%1: %2").arg(title, error.toString()));
    updateActions();
}

void RegistryActions::registerVersion()
{
    ActionRequest r = actionRequest(ActionKind::Register, 0);
    r.expected = std::nullopt;
    r.newVersion.name = m_host->model();
    if (m_host->sourceUri().startsWith(u"folder://"_s)) {
        const QString file = QFileDialog::getOpenFileName(m_widget, Tr::tr("Register a model file"), QString(),
                                                          Tr::tr("Pickled models (*.pkl);;All files (*)"));
        if (file.isEmpty())
            return;
        bool ok = false;
        const double score = QInputDialog::getDouble(m_widget, Tr::tr("Register a model file"),
                                                     Tr::tr("Its validation score (the folder keeps only better models in "
                                                        "Production):"),
                                                     0, -1e9, 1e9, 4, &ok);
        if (!ok)
            return;
        r.newVersion.source = file;
        r.newVersion.tags = {{tags::kScore, QString::number(score)}};
    } else {
        RunQuery q;
        q.sourceId = m_host->sourceId();
        q.orderBy = {u"start_time DESC"_s};
        q.limit = 500;
        q.withData = false;
        auto runs = m_cache->runs(q);
        // MLflow 3: a run's model is a LoggedModel with files of its own; its version's source is
        // models:/m-<id>, not a folder below the run (which holds no model then).
        auto logged = m_cache->loggedModels(m_host->sourceId());
        if ((!runs || runs->isEmpty()) && (!logged || logged->isEmpty())) {
            MessageBox::information(m_widget, Tr::tr("Register a version"), Tr::tr("This source has no runs in the cache to register."));
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
                c.label = Tr::tr("Logged model %1 (%2) of run %3")
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
                c.label = Tr::tr("%1 (%2)").arg(row.run.runName.isEmpty() ? row.run.runId : row.run.runName, row.run.runId);
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
            m_widget, Tr::tr("Register a version of %1").arg(m_host->model()),
            logged && !logged->isEmpty()
                ? Tr::tr("The model of the new version: a logged model, or a run’s artifact folder “model”:")
                : Tr::tr("The run whose model (artifact path “model”) becomes the new version:"),
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

void RegistryActions::toggleAbTest()
{
    const qint64 current = m_host->selectedVersion();
    if (m_abTest->text() == Tr::tr("End A/B Test")) {
        startAction(actionRequest(ActionKind::AbEnd, current));
        return;
    }
    bool ok = false;
    const double share = QInputDialog::getDouble(m_widget, Tr::tr("A/B test of v%1").arg(current),
                                                 Tr::tr("Share of requests the candidate gets (%):"), 10, 0.1, 100, 1, &ok);
    if (!ok)
        return;
    ActionRequest r = actionRequest(ActionKind::AbStart, current);
    r.sharePercent = share;
    startAction(r);
}

void RegistryActions::review()
{
    const qint64 current = m_host->selectedVersion();
    if (!current)
        return;
    auto *dialog = new ReviewDialog(m_cache, m_host->sourceId(), m_host->registeredModel(), current, m_host->productionVersion(),
                                    currentIdentity(m_host->sourceUri()).user, m_widget, m_host->productionWord());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setJournal(m_host->journalEntries());
    connect(dialog, &ReviewDialog::compareRequested, this, &RegistryActions::compareRunsRequested);
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

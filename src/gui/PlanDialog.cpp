// SPDX-License-Identifier: GPL-3.0-or-later
#include "PlanDialog.h"

#include "MessageBar.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace md {

namespace {

/// How the plan's model names Production: its stage, its production alias, or both.
QString productionWordOf(const ActionPlan &plan)
{
    ModelPolicy named;
    for (const WriteStep &s : plan.steps)
        if (s.op == WriteStep::Op::SetAlias)
            named.productionAlias = s.key;
    return ActionService::productionName(plan.scheme, named);
}

QString confirmText(const ActionRequest &r)
{
    switch (r.kind) {
    case ActionKind::Register:
        return PlanDialog::tr("&Register");
    case ActionKind::Promote:
        if (r.target == kStageStaging)
            return PlanDialog::tr("&Send to Review");
        if (r.target == kStageProduction)
            return PlanDialog::tr("&Promote");
        return PlanDialog::tr("&Apply");
    case ActionKind::AbStart:
        return PlanDialog::tr("&Start A/B Test");
    case ActionKind::AbEnd:
        return PlanDialog::tr("&End A/B Test");
    case ActionKind::Approve:
        return PlanDialog::tr("&Approve");
    case ActionKind::Reject:
        return PlanDialog::tr("Re&ject");
    case ActionKind::Rollback:
        return PlanDialog::tr("Roll &Back Now");
    }
    return PlanDialog::tr("&Apply");
}

} // namespace

PlanDialog::PlanDialog(ActionKind kind, const QString &model, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_model(model)
{
    setObjectName(kind == ActionKind::Rollback ? u"rollbackDialog"_s : u"planDialog"_s);
    setWindowTitle(kind == ActionKind::Rollback ? tr("Roll back %1").arg(model) : tr("Change %1").arg(model));
    auto *layout = new QVBoxLayout(this);

    m_summary = new QLabel(this);
    m_summary->setObjectName(u"planSummary"_s);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_summary->font();
    bold.setBold(true);
    m_summary->setFont(bold);
    layout->addWidget(m_summary);
    m_message = new MessageBar(this);
    m_message->setObjectName(u"planMessage"_s);
    m_message->setKeepsSpace(false);
    layout->addWidget(m_message);

    if (kind == ActionKind::Rollback) {
        m_rollbackBox = new QWidget(this);
        auto *form = new QFormLayout(m_rollbackBox);
        form->setContentsMargins(0, 0, 0, 0);
        m_current = new QLabel(m_rollbackBox);
        m_current->setObjectName(u"rollbackCurrent"_s);
        form->addRow(tr("Now:"), m_current);
        m_target = new QComboBox(m_rollbackBox);
        m_target->setObjectName(u"rollbackTarget"_s);
        m_target->setToolTip(tr("The version to put back; the proposed one is preselected"));
        form->addRow(tr("Roll back &to:"), m_target);
        m_targetWhy = new QLabel(m_rollbackBox);
        m_targetWhy->setObjectName(u"rollbackTargetWhy"_s);
        m_targetWhy->setWordWrap(true);
        m_targetWhy->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(QString(), m_targetWhy);
        m_reason = new QPlainTextEdit(m_rollbackBox);
        m_reason->setObjectName(u"rollbackReason"_s);
        m_reason->setPlaceholderText(tr("What went wrong, e.g. “p99 latency doubled since 14:05”"));
        m_reason->setTabChangesFocus(true);
        m_reason->setMaximumHeight(fontMetrics().lineSpacing() * 4 + 12);
        auto *reasonLabel = new QLabel(tr("&Reason (required):"), m_rollbackBox);
        reasonLabel->setBuddy(m_reason);
        form->addRow(reasonLabel, m_reason);
        layout->addWidget(m_rollbackBox);
        connect(m_target, &QComboBox::activated, this, [this] {
            if (m_target->currentData().toLongLong() != m_plan.version) {
                showPlanning();
                Q_EMIT targetChanged(m_target->currentData().toLongLong());
            }
        });
        connect(m_reason, &QPlainTextEdit::textChanged, this, [this] {
            updateReasonSteps();
            updateConfirm();
        });
        // The reason first: the target is proposed, the reason only the person knows.
        m_reason->setFocus(Qt::OtherFocusReason);
    }

    m_pages = new QStackedWidget(this);
    m_planList = new QListWidget(m_pages);
    m_planList->setObjectName(u"planList"_s);
    m_planList->setToolTip(tr("The checks that passed and everything that will be written"));
    m_planList->setWordWrap(true);
    m_planList->setFocusPolicy(kind == ActionKind::Rollback ? Qt::NoFocus : Qt::StrongFocus);
    m_pages->addWidget(m_planList);
    m_outcome = new QPlainTextEdit(m_pages);
    m_outcome->setObjectName(u"planOutcome"_s);
    m_outcome->setReadOnly(true);
    m_outcome->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_pages->addWidget(m_outcome);
    layout->addWidget(m_pages, 1);

    if (kind == ActionKind::Rollback) {
        m_emergency = new QLabel(tr("Emergency rollback: no approval is needed, and the journal marks it as an emergency "
                                    "with your name and reason."),
                                 this);
        m_emergency->setWordWrap(true);
        layout->addWidget(m_emergency);
    }

    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    QSizePolicy keep = m_busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(keep);
    layout->addWidget(m_busy);

    m_buttons = new QDialogButtonBox(this);
    m_confirm = m_buttons->addButton(kind == ActionKind::Rollback ? tr("Roll &Back Now") : tr("&Confirm"),
                                     QDialogButtonBox::ApplyRole);
    m_confirm->setObjectName(u"planConfirm"_s);
    m_confirm->setToolTip(tr("Write what the plan lists (Ctrl+Return)"));
    m_confirm->setAutoDefault(false);
    m_copy = m_buttons->addButton(tr("&Copy Report"), QDialogButtonBox::ActionRole);
    m_copy->setObjectName(u"planCopy"_s);
    m_save = m_buttons->addButton(tr("&Save Report…"), QDialogButtonBox::ActionRole);
    m_save->setObjectName(u"planSave"_s);
    m_close = m_buttons->addButton(QDialogButtonBox::Cancel);
    m_close->setObjectName(u"planClose"_s);
    m_close->setAutoDefault(false);
    layout->addWidget(m_buttons);
    connect(m_confirm, &QPushButton::clicked, this, &PlanDialog::confirm);
    connect(m_close, &QPushButton::clicked, this, [this] { m_state == State::Done ? accept() : reject(); });
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_outcome->toPlainText()); });
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the incident report"),
                                                          u"incident-%1-v%2.md"_s.arg(m_model).arg(m_plan.fromVersion),
                                                          tr("Markdown (*.md);;All files (*)"));
        if (path.isEmpty())
            return;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(m_outcome->toPlainText().toUtf8()) < 0)
            m_summary->setText(tr("Could not save to %1: %2").arg(path, f.errorString()));
        else
            m_summary->setText(tr("Saved to %1").arg(path));
    });
    // Ctrl+Return confirms from anywhere in the dialog, the reason field included.
    for (const QKeySequence &key : {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)}) {
        auto *shortcut = new QShortcut(key, this);
        shortcut->setContext(Qt::WindowShortcut);
        connect(shortcut, &QShortcut::activated, this, &PlanDialog::confirm);
    }
    showPlanning();
    resize(kind == ActionKind::Rollback ? 620 : 560, kind == ActionKind::Rollback ? 480 : 340);
}

QString PlanDialog::reasonStandIn()
{
    return tr("(the reason you give)");
}

qint64 PlanDialog::target() const
{
    return m_target ? m_target->currentData().toLongLong() : m_plan.version;
}

QString PlanDialog::reason() const
{
    return m_reason ? m_reason->toPlainText().trimmed() : QString();
}

void PlanDialog::reject()
{
    if (m_state != State::Working)
        QDialog::reject();
}

void PlanDialog::setState(State state)
{
    m_state = state;
    m_busy->setVisible(state == State::Planning || state == State::Working);
    const bool done = state == State::Done;
    m_pages->setCurrentWidget(done ? static_cast<QWidget *>(m_outcome) : m_planList);
    m_confirm->setVisible(!done);
    const bool report = done && m_kind == ActionKind::Rollback;
    m_copy->setVisible(report);
    m_save->setVisible(report);
    m_close->setText(done ? tr("Close") : tr("Cancel"));
    // A write under way cannot be called back; its outcome is shown here when it is done.
    m_close->setEnabled(state != State::Working);
    if (m_rollbackBox) {
        // Once done, the outcome and the incident report get the room the choices had.
        m_rollbackBox->setEnabled(state != State::Working && !done);
        m_rollbackBox->setVisible(!done);
        m_emergency->setVisible(!done);
    }
    updateConfirm();
}

void PlanDialog::updateConfirm()
{
    bool ok = m_state == State::Ready;
    if (m_kind == ActionKind::Rollback)
        ok = ok && !reason().isEmpty() && m_target && (m_target->count() > 0 || m_offline);
    m_confirm->setEnabled(ok);
    if (m_offline)
        m_confirm->setToolTip(tr("Keep the action in the queue until the source is back (Ctrl+Return)"));
    else if (m_kind == ActionKind::Rollback && m_state == State::Ready && reason().isEmpty())
        m_confirm->setToolTip(tr("Give the reason first; it goes into the journal and the incident report"));
    else
        m_confirm->setToolTip(tr("Write what the plan lists (Ctrl+Return)"));
}

void PlanDialog::showPlanning()
{
    m_summary->setText(m_kind == ActionKind::Rollback ? tr("Finding the version to roll back to and checking it…")
                                                      : tr("Checking…"));
    m_message->clear();
    m_offline = false;
    m_planList->clear();
    m_reasonSteps.clear();
    setState(State::Planning);
}

void PlanDialog::showPlan(const ActionPlan &plan)
{
    m_plan = plan;
    m_summary->setText(plan.summary);
    m_message->clear();
    m_confirm->setText(confirmText(plan.request));
    m_planList->clear();
    m_reasonSteps.clear();
    for (const QString &c : plan.checks)
        m_planList->addItem(tr("✓ %1").arg(c));
    const QString standIn = reasonStandIn();
    for (const WriteStep &s : plan.steps) {
        const QString line = tr("→ %1").arg(s.describe(plan.request.model));
        m_planList->addItem(line);
        if (const qsizetype at = line.indexOf(standIn); at >= 0)
            m_reasonSteps.append({m_planList->item(m_planList->count() - 1), line.left(at), line.mid(at + standIn.size())});
    }
    if (m_kind == ActionKind::Rollback) {
        m_current->setText(tr("v%1 holds %2").arg(plan.fromVersion).arg(productionWordOf(plan)));
        if (m_target->count() == 0) {
            QList<qint64> eligible;
            for (const ModelVersion &v : plan.before.versions)
                if (v.version != plan.fromVersion && v.status == u"READY"_s)
                    eligible.append(v.version);
            std::sort(eligible.begin(), eligible.end(), std::greater<>());
            const QSignalBlocker block(m_target);
            for (qint64 v : std::as_const(eligible)) {
                const QString label = v != plan.version ? tr("v%1").arg(v)
                                      : plan.targetBasis == RollbackBasis::NoHistory
                                          ? tr("v%1 (proposed without history)").arg(v)
                                          : tr("v%1 (last known-good)").arg(v);
                m_target->addItem(label, v);
            }
        }
        {
            const QSignalBlocker block(m_target);
            m_target->setCurrentIndex(std::max(0, m_target->findData(plan.version)));
        }
        m_targetWhy->setText(plan.targetWhy);
        updateReasonSteps();
    }
    setState(State::Ready);
    if (m_kind != ActionKind::Rollback) {
        m_confirm->setDefault(true);
        m_confirm->setFocus(Qt::OtherFocusReason);
    }
}

void PlanDialog::updateReasonSteps()
{
    const QString typed = reason();
    // One line per step: a reason of several lines is written as typed, but listed on one.
    const QString shown = typed.isEmpty() ? tr("write the reason above ↑") : QString(typed).replace(u'\n', u' ');
    for (const ReasonStep &step : std::as_const(m_reasonSteps)) {
        step.item->setText(step.before + shown + step.after);
        QFont font = step.item->font();
        font.setItalic(typed.isEmpty());
        step.item->setFont(font);
        step.item->setForeground(typed.isEmpty() ? m_planList->palette().brush(QPalette::PlaceholderText) : QBrush());
    }
}

void PlanDialog::confirm()
{
    if (!m_confirm->isEnabled() || !m_confirm->isVisible())
        return;
    showWorking();
    Q_EMIT confirmed();
}

void PlanDialog::showWorking()
{
    m_summary->setText(m_kind == ActionKind::Rollback ? tr("Rolling back…") : tr("Writing…"));
    setState(State::Working);
}

void PlanDialog::showOutcome(const ActionOutcome &outcome)
{
    const ActionPlan &plan = outcome.plan;
    m_plan = plan;
    QStringList lines;
    if (outcome.queued) {
        m_summary->setText(tr("Queued: %1 cannot be reached").arg(plan.request.sourceUri));
        lines.append(tr("The action waits in the queue and is applied when you choose “Apply Queued”, after its "
                        "preconditions are checked again."));
    } else {
        m_summary->setText(tr("Done: %1").arg(plan.summary));
        lines.append(tr("Journal entry %1, by %2.").arg(outcome.journalSeq).arg(plan.user));
        lines.append(QString());
        for (const WriteStep &s : plan.steps)
            lines.append(tr("✓ %1").arg(s.describe(plan.request.model)));
        if (outcome.hook) {
            lines.append(QString());
            lines.append(outcome.hook->ok         ? tr("Reload hook succeeded in %1 ms.").arg(outcome.hook->elapsedMs)
                         : outcome.hook->timedOut ? tr("Reload hook timed out: %1").arg(outcome.hook->what)
                                                  : tr("Reload hook failed (%1): %2")
                                                        .arg(outcome.hook->exitCode)
                                                        .arg(outcome.hook->output.left(300)));
        }
        if (!outcome.incidentReport.isEmpty()) {
            lines.append(QString());
            lines.append(tr("Incident report draft (Copy Report, Save Report…):"));
            lines.append(QString());
            lines.append(outcome.incidentReport);
        }
    }
    m_message->clear();
    m_outcome->setPlainText(lines.join(u'\n'));
    setState(State::Done);
    m_close->setFocus(Qt::OtherFocusReason);
    m_close->setDefault(true);
}

void PlanDialog::showOffline(const Error &error)
{
    m_offline = true;
    m_summary->setText(tr("The source cannot be reached"));
    m_message->showMessage(MessageBar::Kind::Warning,
                           tr("%1\nQueue puts the action in the queue: it is applied when the source is back, after "
                              "what you saw is checked again.")
                               .arg(error.toString()));
    m_confirm->setText(tr("&Queue"));
    setState(State::Ready);
}

void PlanDialog::showError(const Error &error)
{
    const QString title = error.category == ErrorCategory::Policy     ? tr("Refused by policy")
                          : error.category == ErrorCategory::Conflict ? tr("Changed meanwhile")
                                                                      : tr("Not done");
    if (m_state == State::Planning || m_state == State::Working)
        m_summary->setText(m_plan.summary.isEmpty() ? title : m_plan.summary);
    m_message->showMessage(MessageBar::Kind::Error, tr("%1: %2").arg(title, error.toString()));
    setState(State::Failed);
    if (m_kind != ActionKind::Rollback)
        m_close->setFocus(Qt::OtherFocusReason);
}

} // namespace md

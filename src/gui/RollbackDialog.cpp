// SPDX-License-Identifier: GPL-3.0-or-later
#include "RollbackDialog.h"

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
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace md {

RollbackDialog::RollbackDialog(const QString &model, qint64 fromVersion, qint64 proposed, const QList<qint64> &eligible,
                               const QStringList &checks, const QStringList &steps, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Roll back %1").arg(model));
    setObjectName(u"rollbackDialog"_s);
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    form->addRow(tr("In Production now:"), new QLabel(tr("v%1").arg(fromVersion)));
    m_target = new QComboBox(this);
    m_target->setObjectName(u"rollbackTarget"_s);
    for (qint64 v : eligible)
        m_target->addItem(v == proposed ? tr("v%1 (last known-good)").arg(v) : tr("v%1").arg(v), v);
    m_target->setCurrentIndex(std::max(0, m_target->findData(proposed)));
    form->addRow(tr("Roll back to:"), m_target);
    layout->addLayout(form);
    m_plan = new QListWidget(this);
    m_plan->setObjectName(u"rollbackPlan"_s);
    for (const QString &c : checks)
        m_plan->addItem(tr("✓ %1").arg(c));
    const QString standIn = reasonStandIn();
    for (const QString &s : steps) {
        const QString line = tr("→ %1").arg(s);
        m_plan->addItem(line);
        if (const qsizetype at = line.indexOf(standIn); at >= 0)
            m_reasonSteps.append({m_plan->item(m_plan->count() - 1), line.left(at), line.mid(at + standIn.size())});
    }
    m_plan->setToolTip(tr("The pre-flight checks that passed and what will be written (for the proposed version)"));
    layout->addWidget(m_plan);
    auto *warn = new QLabel(tr("Emergency rollback: no approval is needed, and the journal marks it as an emergency with "
                               "your name and reason."),
                            this);
    warn->setWordWrap(true);
    layout->addWidget(warn);
    layout->addWidget(new QLabel(tr("Reason (required):")));
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(u"rollbackReason"_s);
    m_reason->setPlaceholderText(tr("What went wrong, e.g. “p99 latency doubled since 14:05”"));
    m_reason->setMaximumHeight(90);
    layout->addWidget(m_reason);
    auto *buttons = new QDialogButtonBox(this);
    m_rollback = buttons->addButton(tr("Roll &back now"), QDialogButtonBox::AcceptRole);
    m_rollback->setObjectName(u"rollbackButton"_s);
    m_rollback->setEnabled(false);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_rollback, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this] {
        m_rollback->setEnabled(!reason().isEmpty() && m_target->count() > 0);
        updateReasonSteps();
    });
    layout->addWidget(buttons);
    updateReasonSteps();
    resize(560, 420);
}

QString RollbackDialog::reasonStandIn()
{
    // ModelsPage plans with this text (in its context: the same in every language).
    return QCoreApplication::translate("md::ModelsPage", "(the reason you give)");
}

void RollbackDialog::updateReasonSteps()
{
    const QString typed = reason();
    // One line per step: a reason of several lines is written as typed, but listed on one.
    const QString shown = typed.isEmpty() ? tr("write the reason below ↓") : QString(typed).replace(u'\n', u' ');
    for (const ReasonStep &step : std::as_const(m_reasonSteps)) {
        step.item->setText(step.before + shown + step.after);
        QFont font = step.item->font();
        font.setItalic(typed.isEmpty());
        step.item->setFont(font);
        step.item->setForeground(typed.isEmpty() ? m_plan->palette().brush(QPalette::PlaceholderText) : QBrush());
    }
}

qint64 RollbackDialog::target() const { return m_target->currentData().toLongLong(); }
QString RollbackDialog::reason() const { return m_reason->toPlainText().trimmed(); }

IncidentReportDialog::IncidentReportDialog(const QString &markdown, const QString &suggestedFileName, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Incident report draft"));
    setObjectName(u"incidentReportDialog"_s);
    auto *layout = new QVBoxLayout(this);
    m_text = new QPlainTextEdit(markdown, this);
    m_text->setObjectName(u"incidentReport"_s);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    layout->addWidget(m_text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    auto *save = buttons->addButton(tr("&Save…"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_text->toPlainText()); });
    connect(save, &QPushButton::clicked, this, [this, suggestedFileName] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the incident report"), suggestedFileName,
                                                          tr("Markdown (*.md);;All files (*)"));
        if (path.isEmpty())
            return;
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(m_text->toPlainText().toUtf8()) < 0)
            m_text->appendPlainText(u"\n"_s + tr("Could not save to %1: %2").arg(path, f.errorString()));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(700, 520);
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#include "SignInDialog.h"

#include "ui_SignInDialog.h"

#include <QPushButton>

namespace md {

SignInDialog::SignInDialog(const QString &serverUri, const QString &reason, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::SignInDialog>())
{
    m_ui->setupUi(this);
    m_ui->explanation->setText(tr("The server %1 asks you to sign in.\n%2").arg(serverUri, reason));
    m_ui->remember->setToolTip(tr("Stored by the desktop's keychain (Secret Service, KWallet), never in "
                                  "ModelDesk's settings or files."));
    m_ui->token->setToolTip(tr("The same token as MLFLOW_TRACKING_TOKEN"));
    connect(m_ui->useToken, &QRadioButton::toggled, this, &SignInDialog::updateState);
    connect(m_ui->token, &QLineEdit::textChanged, this, &SignInDialog::updateState);
    connect(m_ui->username, &QLineEdit::textChanged, this, &SignInDialog::updateState);
    connect(m_ui->password, &QLineEdit::textChanged, this, &SignInDialog::updateState);
    connect(m_ui->buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::updateState()
{
    const bool token = m_ui->useToken->isChecked();
    m_ui->token->setEnabled(token);
    m_ui->username->setEnabled(!token);
    m_ui->password->setEnabled(!token);
    m_ui->buttons->button(QDialogButtonBox::Ok)->setEnabled(!credentials().isEmpty());
}

ServerCredentials SignInDialog::credentials() const
{
    if (m_ui->useToken->isChecked())
        return ServerCredentials{m_ui->token->text().trimmed(), {}, {}};
    return ServerCredentials{{}, m_ui->username->text().trimmed(), m_ui->password->text()};
}

bool SignInDialog::remember() const { return m_ui->remember->isChecked(); }

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServerSignIn.h"

#include "CredentialStore.h"
#include "SignInDialog.h"

#include <QWidget>

namespace md {

ServerSignIn::ServerSignIn(QWidget *window) : QObject(window), m_window(window), m_store(new CredentialStore(this)) {}

void ServerSignIn::handleAuthFailure(const QString &serverUri, const QString &reason)
{
    // Saved credentials are tried once per session; if the server refuses them too, ask.
    if (!m_keychainTried.contains(serverUri)) {
        m_keychainTried.insert(serverUri);
        m_store->load(serverUri, [this, serverUri, reason](bool found) {
            if (found)
                Q_EMIT retry(serverUri);
            else
                ask(serverUri, reason);
        });
        return;
    }
    ask(serverUri, reason);
}

void ServerSignIn::ask(const QString &serverUri, const QString &reason)
{
    auto *dialog = new SignInDialog(serverUri, reason, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, serverUri] {
        m_store->store(serverUri, dialog->credentials(), dialog->remember(), [this, serverUri](const QString &error) {
            if (!error.isEmpty())
                Q_EMIT message(tr("Signed in for this session only: the system keychain could not keep the "
                                  "credentials (%1).")
                                   .arg(error));
            Q_EMIT retry(serverUri);
        });
    });
    connect(dialog, &QDialog::rejected, this,
            [this, serverUri] { Q_EMIT message(tr("Not signed in to %1: its data was not synced.").arg(serverUri)); });
    dialog->open();
}

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QSet>

class QWidget;

namespace md {

class CredentialStore;

/// What happens when a tracking server answers 401: first the credentials saved in the keychain
/// are tried, then the user is asked (SignInDialog); either way the import is retried with
/// retry(). Credentials go to the keychain and the process's registry, never to settings.
class ServerSignIn : public QObject {
    Q_OBJECT
public:
    explicit ServerSignIn(QWidget *window);

    /// Handles an import of `serverUri` that failed with ErrorCategory::Auth; `reason` is the
    /// error's message, shown in the dialog.
    void handleAuthFailure(const QString &serverUri, const QString &reason);

Q_SIGNALS:
    /// Import `serverUri` again: credentials are in place.
    void retry(const QString &serverUri);
    /// The user closed the dialog without signing in, or the keychain refused to keep the
    /// credentials (they still work for this session). For the status bar.
    void message(const QString &text);

private:
    void ask(const QString &serverUri, const QString &reason);

    QWidget *m_window;
    CredentialStore *m_store;
    QSet<QString> m_keychainTried;
};

} // namespace md

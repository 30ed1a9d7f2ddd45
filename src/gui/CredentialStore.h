// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/rest/ServerCredentials.h"

#include <QObject>

#include <functional>

namespace md {

/// Keeps tracking-server credentials in the system keychain (QtKeychain: Secret Service, KWallet
/// …), never in settings or files, and hands them to the sources through the process-wide
/// registry (setServerCredentials). All calls are asynchronous and report on the GUI thread.
class CredentialStore : public QObject {
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    /// Reads the saved credentials of `serverUri` into the registry. `done(found)`; a keychain that
    /// cannot be reached counts as "not found".
    void load(const QString &serverUri, std::function<void(bool found)> done);
    /// Puts the credentials into the registry at once and, when `remember`, into the keychain.
    /// `done(error)`: empty on success; otherwise why the keychain refused (they still work for
    /// this session).
    void store(const QString &serverUri, const ServerCredentials &credentials, bool remember,
               std::function<void(const QString &error)> done);
    /// Forgets the credentials, in the registry and in the keychain.
    void forget(const QString &serverUri);

    static QString serviceName();
};

} // namespace md

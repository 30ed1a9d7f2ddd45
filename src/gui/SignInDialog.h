// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sources/rest/ServerCredentials.h"

#include <QDialog>

#include <memory>

namespace Ui {
class SignInDialog;
}

namespace md {

/// Asks for a tracking server's token, or user name and password, after it answered 401.
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    SignInDialog(const QString &serverUri, const QString &reason, QWidget *parent = nullptr);
    ~SignInDialog() override;

    ServerCredentials credentials() const;
    bool remember() const;

private:
    void updateState();
    std::unique_ptr<Ui::SignInDialog> m_ui;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

namespace Ui {
class OpenSourceDialog;
}

namespace md {

/// Asks for a source: a URI typed in, or a folder / .db file chosen with QFileDialog.
/// Accepting it with an empty location is not possible.
class OpenSourceDialog : public QDialog {
    Q_OBJECT
public:
    explicit OpenSourceDialog(QWidget *parent = nullptr);
    ~OpenSourceDialog() override;

    /// The URI or path, trimmed.
    QString location() const;
    void setLocation(const QString &location);

private:
    void updateOpenButton();

    std::unique_ptr<Ui::OpenSourceDialog> m_ui;
};

} // namespace md

// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include <memory>

class QLineEdit;
class QListWidget;

namespace Ui {
class OpenSourceDialog;
}

namespace md {

/// Asks for a source. First a field for the tracking server's URL (a local store's URI or path is
/// taken there too), then the sources opened before — double-click one, or select it and press
/// Enter — and below, a folder or a .db file chosen with QFileDialog. Accepting it with an empty
/// location is not possible.
class OpenSourceDialog : public QDialog {
    Q_OBJECT
public:
    /// How many sources the recent list keeps.
    static constexpr int kMaxRecent = 10;

    /// `recent`: the sources opened before, the latest first (Settings::Key::RecentSources).
    explicit OpenSourceDialog(const QStringList &recent = {}, QWidget *parent = nullptr);
    ~OpenSourceDialog() override;

    /// The URI or path, trimmed.
    QString location() const;
    void setLocation(const QString &location);

    QLineEdit *locationEdit() const;
    QListWidget *recentList() const;

    /// `recent` with `uri` moved (or added) to the front, at most kMaxRecent long.
    static QStringList withRecent(QStringList recent, const QString &uri);

private:
    void updateOpenButton();

    std::unique_ptr<Ui::OpenSourceDialog> m_ui;
};

} // namespace md

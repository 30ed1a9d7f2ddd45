// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenSourceDialog.h"

#include "ui_OpenSourceDialog.h"

#include <QFileDialog>
#include <QListWidget>
#include <QPushButton>

namespace md {

OpenSourceDialog::OpenSourceDialog(const QStringList &recent, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::OpenSourceDialog>())
{
    m_ui->setupUi(this);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_ui->uriEdit, &QLineEdit::textChanged, this, &OpenSourceDialog::updateOpenButton);
    connect(m_ui->folderButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose an mlruns Folder or a Model Folder"),
                                                              location());
        if (!dir.isEmpty())
            setLocation(dir);
    });
    connect(m_ui->fileButton, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Choose an MLflow Database"), location(),
                                                          tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
        if (!file.isEmpty())
            setLocation(file);
    });

    for (const QString &uri : recent) {
        auto *item = new QListWidgetItem(uri, m_ui->recentList);
        item->setToolTip(uri);
    }
    m_ui->recentLabel->setVisible(!recent.isEmpty());
    m_ui->recentList->setVisible(!recent.isEmpty());
    // A recent source picked (click, arrow keys, Enter) is the location; Enter then reaches the
    // dialog's default button, Open. A double-click opens it at once.
    connect(m_ui->recentList, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            setLocation(item->text());
    });
    connect(m_ui->recentList, &QListWidget::itemActivated, this,
            [this](QListWidgetItem *item) { setLocation(item->text()); });
    connect(m_ui->recentList, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        setLocation(item->text());
        if (!location().isEmpty())
            accept();
    });
    if (recent.isEmpty()) {
        // No list: only as tall as the wrapped texts need at this width.
        const int tall = heightForWidth(width());
        resize(width(), std::max(tall, minimumSizeHint().height()));
    }
    m_ui->uriEdit->setFocus();
    updateOpenButton();
}

OpenSourceDialog::~OpenSourceDialog() = default;

QString OpenSourceDialog::location() const
{
    return m_ui->uriEdit->text().trimmed();
}

void OpenSourceDialog::setLocation(const QString &location)
{
    m_ui->uriEdit->setText(location);
}

QLineEdit *OpenSourceDialog::locationEdit() const
{
    return m_ui->uriEdit;
}

QListWidget *OpenSourceDialog::recentList() const
{
    return m_ui->recentList;
}

QStringList OpenSourceDialog::withRecent(QStringList recent, const QString &uri)
{
    const QString trimmed = uri.trimmed();
    if (trimmed.isEmpty())
        return recent;
    recent.removeAll(trimmed);
    recent.prepend(trimmed);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    return recent;
}

void OpenSourceDialog::updateOpenButton()
{
    m_ui->buttonBox->button(QDialogButtonBox::Open)->setEnabled(!location().isEmpty());
}

} // namespace md

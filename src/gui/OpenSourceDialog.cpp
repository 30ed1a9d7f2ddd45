// SPDX-License-Identifier: GPL-3.0-or-later
#include "OpenSourceDialog.h"

#include "ui_OpenSourceDialog.h"

#include <QFileDialog>
#include <QPushButton>

namespace md {

OpenSourceDialog::OpenSourceDialog(QWidget *parent)
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

void OpenSourceDialog::updateOpenButton()
{
    m_ui->buttonBox->button(QDialogButtonBox::Open)->setEnabled(!location().isEmpty());
}

} // namespace md

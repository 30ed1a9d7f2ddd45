// SPDX-License-Identifier: GPL-3.0-or-later
// Signing in to a tracking server that answers 401, as a person does it in the window; and the
// token never lands in a file.
#include "TestServer.h"
#include "TestSupport.h"
#include "cache/Journal.h"
#include "core/Settings.h"
#include "gui/MainWindow.h"
#include "gui/MessageBox.h"
#include "gui/SignInDialog.h"
#include "models/ExperimentsModel.h"
#include "sources/rest/ServerCredentials.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace md;

namespace {
const QString kToken = QStringLiteral("tok-7f3a9c1e55d2-modeldesk-secret");
}

class TestSignIn : public QObject {
    Q_OBJECT

private:
    bool hasCarPrice(MainWindow &w) const
    {
        const ExperimentsModel *model = w.experimentsModel();
        for (int s = 0; s < model->rowCount(); ++s)
            for (int e = 0; e < model->rowCount(model->index(s, 0)); ++e)
                if (model->index(e, 0, model->index(s, 0)).data(ExperimentsModel::ExperimentNameRole).toString()
                    == QLatin1String("car_price"))
                    return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("ModelDeskTests"));
        MessageBox::setHeadless(true);
        qunsetenv("MLFLOW_TRACKING_TOKEN");
        qunsetenv("MLFLOW_TRACKING_USERNAME");
        qunsetenv("MLFLOW_TRACKING_PASSWORD");
    }

    void signInAfter401ThenSync()
    {
        test::TestServer server;
        QVERIFY(server.start());
        QVERIFY(server.setFaults(QJsonObject{{QStringLiteral("require_token"), kToken}}));
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        md::Settings::instance().clear();
        MessageBox::clearHistory();
        clearServerCredentials(server.url().toString());

        MainWindow w(MainWindowOptions{cachePath, Journal::defaultPathFor(cachePath)});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.startUp(server.url().toString());

        // The server says 401: a sign-in dialog, not an error box.
        SignInDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<SignInDialog *>()) != nullptr && dialog->isVisible(), 30000);
        QVERIFY(MessageBox::history().isEmpty());
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());  // nothing typed yet
        QLineEdit *token = dialog->findChild<QLineEdit *>(QStringLiteral("token"));
        QVERIFY(token);
        QCOMPARE(token->echoMode(), QLineEdit::Password);
        QTest::keyClicks(token, kToken);
        QVERIFY(ok->isEnabled());
        // The test machine has no keychain service: sign in for this session only.
        dialog->findChild<QCheckBox *>(QStringLiteral("remember"))->setChecked(false);
        QTest::mouseClick(ok, Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(hasCarPrice(w), 30000);
        QVERIFY(MessageBox::history().isEmpty());
        w.close();  // Settings are in their file when each call returns: nothing to sync

        // The token is in no file ModelDesk wrote: settings, cache, journal, data folders.
        const QStringList roots{dir.path(), QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation),
                                QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                                QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation)};
        int filesRead = 0;
        for (const QString &root : roots) {
            QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                ++filesRead;
                QVERIFY2(!f.readAll().contains(kToken.toUtf8()), qPrintable(f.fileName()));
            }
        }
        QVERIFY(filesRead >= 2);  // at least the cache and the journal were looked at
    }

    void cancellingTheDialogSyncsNothing()
    {
        test::TestServer server;
        QVERIFY(server.start());
        QVERIFY(server.setFaults(QJsonObject{{QStringLiteral("require_token"), kToken}}));
        QTemporaryDir dir;
        const QString cachePath = dir.filePath(QStringLiteral("cache.sqlite"));
        MessageBox::clearHistory();
        MainWindow w(MainWindowOptions{cachePath, Journal::defaultPathFor(cachePath)});
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.startUp(server.url().toString());
        SignInDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = w.findChild<SignInDialog *>()) != nullptr && dialog->isVisible(), 30000);
        dialog->reject();
        QTRY_VERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("Not signed in")));
        QVERIFY(!hasCarPrice(w));
    }
};

QTEST_MAIN(TestSignIn)
#include "tst_signin.moc"

// The Workspaces & API keys dialog and the workspace selector, offscreen with a real store and listener.
#include "engine.h"
#include "filterbar.h"
#include "httpclient.h"
#include "keyadminmodel.h"
#include "keystore.h"
#include "mainwindow.h"
#include "tracelistmodel.h"
#include "workspacesdialog.h"
#include "workstation.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tracedeck;

namespace {

QString screenshotDir()
{
    const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

// Answers the next modal message box with the button of this text once it is shown.
void answerMessageBox(const QString &buttonText, bool *seen)
{
    QTimer::singleShot(20, qApp, [buttonText, seen] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box) {
            answerMessageBox(buttonText, seen);
            return;
        }
        for (QAbstractButton *button : box->buttons())
            if (button->text() == buttonText) {
                *seen = true;
                button->click();
                return;
            }
    });
}

QByteArray trackerBody(const QByteArray &service)
{
    return R"({"request_id":"req-)" + service +
           R"(","user_id":"u1","request_timestamp":"2024-05-01T12:00:00.000Z",)"
           R"("response_timestamp":"2024-05-01T12:00:00.200Z","service":")" +
           service + R"(","method":"GET","url":"https://example.com/","status_code":200})";
}

} // namespace

class TestWorkspaces : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_workspaces"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("workspaces.db"));
        Options options;
        options.databasePath = m_dbPath;
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(m_engine.start(options, &error), qPrintable(error));
        m_workstation = std::make_unique<Workstation>(m_engine);
        m_workstation->window().resize(1400, 800);
        m_workstation->window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_workstation->window()));
    }

    void cleanupTestCase()
    {
        m_workstation.reset();
        m_engine.stop();
    }

    void dialogCreatesAndRevokesAKey()
    {
        KeyAdminModel &model = m_workstation->keyAdmin();
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        WorkspacesDialog *dialog = m_workstation->openWorkspaces();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->workspaceBox()->currentText(), QStringLiteral("local"));
        QCOMPARE(dialog->keyTable()->model()->rowCount(), 0);

        // A new workspace by typing its name; a key with a label and a limit.
        dialog->workspaceBox()->setCurrentText(QStringLiteral("team-x"));
        QTest::keyClicks(dialog->labelEdit(), QStringLiteral("laptop"));
        dialog->findChildren<QSpinBox *>().at(3)->setValue(
            500); // spans/day (after retention, req/s, spans/s)
        QVERIFY(!dialog->newKeyField()->isVisible());
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        const QString key = dialog->newKeyField()->text();
        QVERIFY2(key.startsWith(QStringLiteral("td_")) && key.size() == 46, qPrintable(key));
        QVERIFY(dialog->newKeyField()->isVisible());
        QVERIFY(dialog->findChild<QWidget *>(QStringLiteral("newKeyPanel"))->isVisible());
        QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), key);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, KeyAdminModel::Label).data().toString(), QStringLiteral("laptop"));
        QCOMPARE(model.index(0, KeyAdminModel::Limits).data().toString(), QStringLiteral("500 spans/day"));
        QVERIFY(model.index(0, KeyAdminModel::Prefix).data().toString().startsWith(key.left(10)));
        QVERIFY(!model.index(0, KeyAdminModel::Prefix).data().toString().contains(key));
        // The new workspace reached the main window's selector.
        QVERIFY(m_workstation->window().filterBar()->workspaceBox()->findText(QStringLiteral("team-x")) >= 0);
        QVERIFY(dialog->grab().save(screenshotDir() + QStringLiteral("/workspaces-dialog-new-key.png")));

        // The key works over HTTP and stores into team-x.
        HttpClient client(m_engine.listener()->address().port);
        const QList<QPair<QByteArray, QByteArray>> auth = {{"Authorization", "Bearer " + key.toLatin1()}};
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health"), auth).status, 200, 3000);

        // Revoke: a cancelled confirmation changes nothing, a confirmed one revokes.
        dialog->keyTable()->selectRow(0);
        QVERIFY(dialog->revokeButton()->isEnabled());
        bool seen = false;
        answerMessageBox(QStringLiteral("Cancel"), &seen);
        QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
        QVERIFY(seen);
        QVERIFY(!model.index(0, 0).data(KeyAdminModel::RevokedRole).toBool());
        seen = false;
        answerMessageBox(QStringLiteral("Revoke"), &seen);
        QTest::mouseClick(dialog->revokeButton(), Qt::LeftButton);
        QVERIFY(seen);
        QVERIFY(model.index(0, 0).data(KeyAdminModel::RevokedRole).toBool());
        QVERIFY(
            model.index(0, KeyAdminModel::Status).data().toString().startsWith(QStringLiteral("revoked")));
        QVERIFY(!dialog->revokeButton()->isEnabled());
        std::string error;
        auto store = KeyStore::open(m_dbPath.toStdString(), &error);
        QVERIFY(store->keys("team-x", &error).front().revoked());
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health"), auth).status, 401, 3000);
        QVERIFY(dialog->grab().save(screenshotDir() + QStringLiteral("/workspaces-dialog-revoked.png")));
    }

    void dialogSetsRetentionAndRedaction()
    {
        WorkspacesDialog *dialog = m_workstation->openWorkspaces();
        dialog->selectWorkspace(QStringLiteral("local"));
        QCOMPARE(dialog->retentionBox()->value(), 30);
        QVERIFY(dialog->redactionBox()->isChecked());
        dialog->retentionBox()->setValue(9);
        dialog->redactionBox()->setChecked(false);
        QTest::mouseClick(dialog->applyButton(), Qt::LeftButton);
        std::string error;
        auto store = KeyStore::open(m_dbPath.toStdString(), &error);
        const auto local = store->workspaces(&error).front();
        QCOMPARE(local.name, "local");
        QCOMPARE(local.retentionDays, 9);
        QCOMPARE(local.redaction, false);
        // A bad name is refused in the dialog, not stored.
        dialog->workspaceBox()->setCurrentText(QStringLiteral("no spaces allowed"));
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(!dialog->applyButton()->isEnabled());
        dialog->selectWorkspace(QStringLiteral("local"));
        QVERIFY(store->setWorkspace("local", 30, true, &error));
        dialog->close();
    }

    void selectorShowsOneWorkspaceAtATime()
    {
        std::string error;
        auto store = KeyStore::open(m_dbPath.toStdString(), &error);
        const auto created = store->create("team-y", {}, {}, &error);
        QVERIFY(created);
        QString settingsError;
        QVERIFY(m_workstation->keyAdmin().setWorkspaceSettings(QStringLiteral("team-y"), 30, true,
                                                               &settingsError));
        HttpClient client(m_engine.listener()->address().port);
        const QList<QPair<QByteArray, QByteArray>> auth = {
            {"Authorization", "Bearer " + QByteArray::fromStdString(created->key)}};
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/health"), auth).status, 200, 3000);
        const auto stored = client.post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("svc-y"),
                                        "application/json", auth);
        QVERIFY2(stored.status == 201, stored.body.constData());
        QCOMPARE(
            client.post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("svc-local"), "application/json")
                .status,
            201);
        TraceListModel &traces = m_workstation->traces();
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 1, 10000);
        QCOMPARE(traces.trace(0)->rootService, "svc-local");

        QComboBox *selector = m_workstation->window().filterBar()->workspaceBox();
        const int teamY = selector->findText(QStringLiteral("team-y"));
        QVERIFY(teamY >= 0);
        selector->setCurrentIndex(teamY);
        QCOMPARE(traces.filter().workspace, "team-y");
        QTRY_VERIFY_WITH_TIMEOUT(traces.rowCount() == 1 && traces.trace(0)->rootService == "svc-y", 10000);
        QVERIFY(
            m_workstation->window().grab().save(screenshotDir() + QStringLiteral("/workspace-selector.png")));
        selector->setCurrentIndex(selector->findText(QStringLiteral("local")));
        QTRY_VERIFY_WITH_TIMEOUT(traces.rowCount() == 1 && traces.trace(0)->rootService == "svc-local",
                                 10000);
    }

private:
    QTemporaryDir m_dir;
    QString m_dbPath;
    Engine m_engine;
    std::unique_ptr<Workstation> m_workstation;
};

QTEST_MAIN(TestWorkspaces)
#include "test_workspaces.moc"

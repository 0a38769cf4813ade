// Budgets in the window (BudgetController over a running Engine and Workstation): LLM spans posted over
// real OTLP/HTTP with the cost the client gave reach the dashboard's spend-against-budget table, a crossing
// appears once in the Alerts panel with an unread count in the status bar (offscreen there is no system
// tray: the panel entry must still appear), double-clicking it opens the dashboard on its period, and the
// Budgets dialog shows a refused budget's error inline. Screenshots in build/tests/screenshots/.

#include "alertbadge.h"
#include "alertspanel.h"
#include "budgetadminmodel.h"
#include "budgetcontroller.h"
#include "budgetmonitor.h"
#include "budgetsdialog.h"
#include "budgetspendview.h"
#include "costdashboard.h"
#include "engine.h"
#include "httpclient.h"
#include "mainwindow.h"
#include "workstation.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

namespace {

QString screenshotDir()
{
    const QString dir = qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR")
                            : QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

void saveShot(QWidget *widget, const QString &name)
{
    QVERIFY(widget->grab().save(screenshotDir() + u'/' + name + QStringLiteral(".png")));
}

// One LLM call of alice on gpt-4o, now, with the cost given by the client (OpenInference llm.cost.total).
QByteArray llmCall(int n, double costUsd)
{
    const qint64 start = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    const QByteArray traceId = QByteArray::number(0xb0d6e7000 + n, 16).rightJustified(32, '0');
    const auto attr = [](const char *key, const QByteArray &value) -> QByteArray {
        return "{\"key\":\"" + QByteArray(key) + "\",\"value\":" + value + "}";
    };
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[" +
           attr("service.name", "{\"stringValue\":\"agent\"}") +
           "]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\"" + traceId +
           "\",\"spanId\":\"00000000000000c1\",\"name\":\"chat gpt-4o\",\"kind\":3,\"startTimeUnixNano\":\"" +
           QByteArray::number(start) + "\",\"endTimeUnixNano\":\"" + QByteArray::number(start + 900'000'000) +
           "\",\"attributes\":[" + attr("gen_ai.request.model", "{\"stringValue\":\"gpt-4o\"}") + "," +
           attr("gen_ai.usage.input_tokens", "{\"intValue\":\"1200\"}") + "," +
           attr("gen_ai.usage.output_tokens", "{\"intValue\":\"300\"}") + "," +
           attr("user.id", "{\"stringValue\":\"alice\"}") + "," +
           attr("llm.cost.total", "{\"doubleValue\":" + QByteArray::number(costUsd) + "}") + "]}]}]}]}";
}

} // namespace

class TestBudgetAlerts : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Engine m_engine;
    std::unique_ptr<Workstation> m_workstation;

    BudgetController &budgets() const { return m_workstation->budgets(); }

    void post(int n, double costUsd)
    {
        HttpClient client(m_engine.listener()->address().port);
        const HttpResponse response =
            client.post(QStringLiteral("/v1/traces"), llmCall(n, costUsd), "application/json");
        QCOMPARE(response.status, 200);
    }

    // A new window over the running engine (the old one closed), as the next start of the app would show.
    void openWindow()
    {
        m_workstation.reset();
        m_workstation = std::make_unique<Workstation>(m_engine);
        m_workstation->window().resize(1500, 1000);
        m_workstation->window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_workstation->window()));
        budgets().monitor().setInterval(200); // the app's 3 s throttle, shortened for the test
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_budgetalerts"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("budgets.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(m_engine.start(options, &error), qPrintable(error));
        openWindow();
    }

    void cleanupTestCase()
    {
        m_workstation.reset();
        m_engine.stop();
    }

    void budgetsDialogShowsErrorsInline()
    {
        new QAbstractItemModelTester(&budgets().model(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest, this);
        QAction *action = m_workstation->window().budgetsAction();
        QVERIFY(action);
        action->trigger();
        BudgetsDialog *dialog = budgets().openBudgets();
        QVERIFY(dialog->isVisible());
        dialog->scopeBox()->setCurrentIndex(dialog->scopeBox()->findData(QStringLiteral("user")));
        dialog->valueEdit()->setText(QStringLiteral("alice"));
        dialog->periodBox()->setCurrentIndex(dialog->periodBox()->findData(QStringLiteral("day")));
        dialog->limitEdit()->setText(QStringLiteral("-3"));
        dialog->addButton()->click();
        QVERIFY2(dialog->messageLabel()->text().contains(QStringLiteral("more than 0 USD")),
                 qPrintable(dialog->messageLabel()->text()));
        QCOMPARE(dialog->table()->model()->rowCount(), 0);
        dialog->limitEdit()->setText(QStringLiteral("lots"));
        dialog->addButton()->click();
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("is not a number")));

        dialog->limitEdit()->setText(QStringLiteral("1"));
        dialog->addButton()->click();
        QCOMPARE(dialog->table()->model()->rowCount(), 1);
        QCOMPARE(budgets().model().index(0, BudgetAdminModel::Limit).data().toString(),
                 QStringLiteral("$1.00"));
        // The same again is a duplicate.
        dialog->valueEdit()->setText(QStringLiteral("alice"));
        dialog->limitEdit()->setText(QStringLiteral("5"));
        dialog->addButton()->click();
        QVERIFY(dialog->messageLabel()->text().contains(
            QStringLiteral("already has a daily budget for the user alice")));
        // A monthly budget on the whole workspace too.
        dialog->scopeBox()->setCurrentIndex(0);
        dialog->periodBox()->setCurrentIndex(dialog->periodBox()->findData(QStringLiteral("month")));
        dialog->limitEdit()->setText(QStringLiteral("40"));
        dialog->addButton()->click();
        QCOMPARE(dialog->table()->model()->rowCount(), 2);
        // An edit in place that is refused says why and keeps the value.
        QVERIFY(!budgets().model().setData(budgets().model().index(1, BudgetAdminModel::Limit),
                                           QStringLiteral("0")));
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("more than 0 USD")));
        dialog->limitEdit()->setText(QStringLiteral("abc"));
        dialog->addButton()->click();
        saveShot(dialog, QStringLiteral("budgets-dialog"));
        dialog->close();
    }

    // Ingest under the limit: figures, no alert; over it: one alert, once.
    void crossingFromIngest()
    {
        BudgetSpendView *spend = m_workstation->dashboard().budgetSpend();
        AlertsPanel &panel = budgets().alerts();
        QSignalSpy shown(&budgets(), &BudgetController::alertShown);
        QCOMPARE(panel.count(), 0);
        post(1, 0.6);
        // The user's daily budget is row 1 (the workspace's own comes first).
        QTRY_COMPARE_WITH_TIMEOUT(spend->cellText(1, BudgetSpendView::Today), QStringLiteral("$0.60"), 10000);
        QCOMPARE(spend->cellText(1, BudgetSpendView::Limit), QStringLiteral("$1.00"));
        QCOMPARE(spend->usedPercent(1), 60);
        QCOMPARE(spend->cellText(0, BudgetSpendView::Month), QStringLiteral("$0.60"));
        QCOMPARE(panel.count(), 0);
        QVERIFY(!budgets().badge().isVisible());

        post(2, 0.65);
        QTRY_COMPARE_WITH_TIMEOUT(panel.count(), 1, 10000);
        QCOMPARE(shown.count(), 1);
        const BudgetAlert &alert = panel.alertAt(0);
        QCOMPARE(alert.budget.scopeValue, std::string("alice"));
        QCOMPARE(alert.spendPicoUsd, 1'250'000'000'000);
        QCOMPARE(panel.table()->item(0, 2)->text(), QStringLiteral("$1.25"));
        QCOMPARE(panel.table()->item(0, 3)->text(), QStringLiteral("$1.00"));
        QVERIFY(!budgets().trayAvailable()); // offscreen: the panel and the badge carry it
        QVERIFY(budgets().lastNotification().contains(QStringLiteral("$1.25 of $1.00")));
        QCOMPARE(panel.unreadCount(), 1);
        QTRY_VERIFY(budgets().badge().isVisible());
        QCOMPARE(budgets().badge().text(), QStringLiteral("1 budget alert(s)"));
        QTRY_COMPARE(spend->cellText(1, BudgetSpendView::Today), QStringLiteral("$1.25"));
        QCOMPARE(spend->usedPercent(1), 100);

        // More the same day: no second alert.
        const int checks = budgets().monitor().checks();
        post(3, 0.5);
        QTRY_VERIFY_WITH_TIMEOUT(budgets().monitor().checks() > checks &&
                                     spend->cellText(1, BudgetSpendView::Today) == QStringLiteral("$1.75"),
                                 10000);
        QCOMPARE(panel.count(), 1);
        QCOMPARE(shown.count(), 1);

        QDockWidget *dashboardDock = m_workstation->window().dashboardDock();
        dashboardDock->show();
        QTRY_VERIFY(dashboardDock->isVisible());
        m_workstation->window().resize(1500, 1000);
        QTest::qWait(0);
        saveShot(&m_workstation->dashboard(), QStringLiteral("budgets-dashboard"));
        dashboardDock->hide();
    }

    // An alert nobody looked at is still unread in the next window; once the panel was shown, it is not.
    void unreadAlertsOutliveTheWindow()
    {
        QCOMPARE(budgets().alerts().unreadCount(), 1);
        openWindow();
        QCOMPARE(budgets().alerts().count(), 1);
        QCOMPARE(budgets().alerts().unreadCount(), 1);
        QTRY_VERIFY(budgets().badge().isVisible());
        QCOMPARE(budgets().badge().text(), QStringLiteral("1 budget alert(s)"));
    }

    void alertsPanelOpensThePeriod()
    {
        AlertsPanel &panel = budgets().alerts();
        QDockWidget *dock = m_workstation->window().alertsDock();
        QVERIFY(!dock->isVisible());
        budgets().badge().click();
        QTRY_VERIFY(dock->isVisible());
        QCOMPARE(panel.unreadCount(), 0);
        QTRY_VERIFY(!budgets().badge().isVisible());
        saveShot(&m_workstation->window(), QStringLiteral("budgets-alerts-window"));
        saveShot(&panel, QStringLiteral("budgets-alerts-panel"));

        const BudgetAlert alert = panel.alertAt(0);
        QSignalSpy activated(&panel, &AlertsPanel::periodActivated);
        const QRect cell = panel.table()->visualRect(panel.table()->model()->index(0, 1));
        QTest::mouseClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(panel.table()->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(activated.count(), 1);
        QTRY_VERIFY(m_workstation->window().dashboardDock()->isVisible());
        CostDashboard &dashboard = m_workstation->dashboard();
        QCOMPARE(dashboard.range(), CostDashboard::Range::Custom);
        const DashboardQuery query = dashboard.query(0);
        // The custom range edits hold minutes: the day's start and end to the minute.
        QCOMPARE(*query.fromNs, alert.periodStartNs);
        QCOMPARE(*query.toNs, alert.periodEndNs);

        openWindow(); // read in the last window: read in this one
        QCOMPARE(budgets().alerts().count(), 1);
        QCOMPARE(budgets().alerts().unreadCount(), 0);
        QVERIFY(!budgets().badge().isVisible());
    }
};

QTEST_MAIN(TestBudgetAlerts)
#include "test_budgetalerts.moc"

#include "budgetcontroller.h"

#include "alertbadge.h"
#include "alertspanel.h"
#include "appicon.h"
#include "budgetadminmodel.h"
#include "budgetmoney.h"
#include "budgetmonitor.h"
#include "budgetsdialog.h"
#include "budgetspendview.h"
#include "costdashboard.h"
#include "engine.h"
#include "filterbar.h"
#include "mainwindow.h"

#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDockWidget>
#include <QSettings>
#include <QStatusBar>
#include <QSystemTrayIcon>

#include <algorithm>

namespace tracedeck {

namespace {

constexpr int kShownAlerts = 200;

QString subjectOf(const Budget &b)
{
    const QString period =
        b.period == BudgetPeriod::Day ? BudgetController::tr("daily") : BudgetController::tr("monthly");
    switch (b.scope) {
    case BudgetScope::User:
        return BudgetController::tr("the %1 budget of user %2")
            .arg(period, QString::fromStdString(b.scopeValue));
    case BudgetScope::Model:
        return BudgetController::tr("the %1 budget of model %2")
            .arg(period, QString::fromStdString(b.scopeValue));
    case BudgetScope::Workspace:
        break;
    }
    return BudgetController::tr("the %1 budget of the whole workspace").arg(period);
}

} // namespace

BudgetController::BudgetController(Engine &engine, MainWindow &window, CostDashboard &dashboard,
                                   std::function<int64_t()> clock, QObject *parent)
    : QObject(parent)
    , m_storePath(QString::fromStdString(engine.writer()->path()))
    , m_window(window)
    , m_dashboard(dashboard)
    , m_model(new BudgetAdminModel(this))
    , m_monitor(new BudgetMonitor(QString::fromStdString(engine.writer()->path()), std::move(clock), this))
    , m_panel(new AlertsPanel)
    , m_badge(window.alertBadge())
{
    QString error;
    if (!m_model->open(QString::fromStdString(engine.writer()->path()), &error))
        m_window.statusBar()->showMessage(tr("Cannot read budgets: %1").arg(error), 10000);
    QDockWidget *dock = m_window.addAlerts(m_panel);
    reloadAlerts();

    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(AppIcon::icon(), this);
        m_tray->setToolTip(tr("Tracedeck"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, this, [dock] {
            dock->show();
            dock->raise();
        });
    } else {
        static bool logged = false;
        if (!std::exchange(logged, true))
            qInfo("No system tray here: budget alerts are shown in View > Alerts and the status bar only");
    }

    connect(&engine, &Engine::storeChanged, m_monitor, &BudgetMonitor::dataChanged);
    connect(m_model, &BudgetAdminModel::budgetsChanged, m_monitor, &BudgetMonitor::checkNow);
    connect(m_model, &BudgetAdminModel::budgetsChanged, this, &BudgetController::reloadAlerts);
    connect(m_monitor, &BudgetMonitor::alertRaised, this, &BudgetController::alertRaised);
    connect(m_monitor, &BudgetMonitor::evaluated, m_dashboard.budgetSpend(), &BudgetSpendView::setReport);
    connect(m_monitor, &BudgetMonitor::failed, this, [this](const QString &message) {
        m_window.statusBar()->showMessage(tr("Cannot check budgets: %1").arg(message), 10000);
    });
    const auto followWorkspace = [this] {
        m_dashboard.budgetSpend()->setWorkspace(m_dashboard.query(0).workspace);
    };
    followWorkspace();
    connect(&m_dashboard, &CostDashboard::queryChanged, this, followWorkspace);
    connect(m_dashboard.budgetSpend(), &BudgetSpendView::editRequested, this, &BudgetController::openBudgets);
    connect(&m_window, &MainWindow::budgetsRequested, this, &BudgetController::openBudgets);
    connect(m_panel, &AlertsPanel::unreadCountChanged, m_badge, &AlertBadge::setCount);
    m_badge->setCount(m_panel->unreadCount()); // the alerts read above, before this connection
    connect(m_panel, &AlertsPanel::periodActivated, this, &BudgetController::showPeriod);
    connect(m_badge, &QToolButton::clicked, this, [dock] {
        dock->show();
        dock->raise();
    });
    // Looking at the panel reads its alerts (they stay bold until it is hidden).
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            markAlertsRead();
        else
            m_panel->clearHighlight();
    });
    m_monitor->start();
}

BudgetController::~BudgetController() = default; // the monitor, a child, waits for a running check

void BudgetController::reloadAlerts()
{
    QString error;
    const std::vector<BudgetAlert> alerts = m_model->alerts(kShownAlerts, &error);
    const qint64 seen = QSettings().value(seenAlertKey(), 0).toLongLong();
    const auto unread = std::count_if(alerts.begin(), alerts.end(),
                                      [seen](const BudgetAlert &alert) { return alert.id > seen; });
    m_panel->setAlerts(alerts, int(unread));
    if (m_window.alertsDock()->isVisible())
        markAlertsRead();
}

void BudgetController::markAlertsRead()
{
    m_panel->markAllRead();
    qint64 newest = QSettings().value(seenAlertKey(), 0).toLongLong();
    for (int i = 0; i < m_panel->count(); ++i)
        newest = std::max<qint64>(newest, m_panel->alertAt(i).id);
    QSettings().setValue(seenAlertKey(), newest);
}

QString BudgetController::seenAlertKey() const
{
    const QByteArray hash = QCryptographicHash::hash(m_storePath.toUtf8(), QCryptographicHash::Sha1).toHex();
    return QStringLiteral("alerts/seen-%1").arg(QString::fromLatin1(hash.left(16)));
}

void BudgetController::alertRaised(const BudgetAlert &alert)
{
    m_panel->addAlert(alert);
    if (m_window.alertsDock()->isVisible())
        markAlertsRead();
    const QString text = tr("Workspace %1 reached %2: %3 of %4")
                             .arg(QString::fromStdString(alert.budget.workspace), subjectOf(alert.budget),
                                  budgetMoney(alert.spendPicoUsd), budgetMoney(alert.limitPicoUsd));
    m_lastNotification = text;
    if (m_tray)
        m_tray->showMessage(tr("Budget reached"), text, QSystemTrayIcon::Warning, 10000);
    Q_EMIT alertShown(alert);
}

void BudgetController::showPeriod(const BudgetAlert &alert)
{
    QComboBox *workspaces = m_window.filterBar()->workspaceBox();
    const QString workspace = QString::fromStdString(alert.budget.workspace);
    if (workspaces->currentText() != workspace)
        workspaces->setCurrentText(workspace);
    m_dashboard.setCustomRange(alert.periodStartNs, alert.periodEndNs);
    m_window.dashboardDock()->show();
    m_window.dashboardDock()->raise();
}

QString BudgetController::dashboardWorkspace() const
{
    const std::string workspace = m_dashboard.query(0).workspace;
    return workspace.empty() ? QStringLiteral("local") : QString::fromStdString(workspace);
}

BudgetsDialog *BudgetController::openBudgets()
{
    m_model->setWorkspace(dashboardWorkspace());
    if (!m_dialog) {
        m_dialog = new BudgetsDialog(m_model, &m_window);
        m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    m_dialog->refresh();
    m_dialog->show();
    m_dialog->raise();
    return m_dialog;
}

} // namespace tracedeck

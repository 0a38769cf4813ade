#pragma once

#include "budget.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QSystemTrayIcon;

namespace tracedeck {

class AlertBadge;
class AlertsPanel;
class BudgetAdminModel;
class BudgetMonitor;
class BudgetsDialog;
class CostDashboard;
class Engine;
class MainWindow;

// Wires budgets into the window: the monitor (checks off the GUI thread at start and, throttled, after
// commits) feeds the dashboard's spend-against-budget table and, for each new crossing, the Alerts dock,
// the status bar's unread count and a tray notification where a system tray exists (else it says once in
// the log that the Alerts panel is the only place). View ▸ Budgets… and the dashboard's button open the
// editor for the dashboard's workspace; double-clicking an alert opens the dashboard on its period.
class BudgetController : public QObject {
    Q_OBJECT
public:
    BudgetController(Engine &engine, MainWindow &window, CostDashboard &dashboard,
                     std::function<int64_t()> clock = {}, QObject *parent = nullptr);
    ~BudgetController() override;

    BudgetAdminModel &model() const { return *m_model; }
    BudgetMonitor &monitor() const { return *m_monitor; }
    AlertsPanel &alerts() const { return *m_panel; }
    AlertBadge &badge() const { return *m_badge; }
    bool trayAvailable() const { return m_tray != nullptr; }
    // The text of the last notification (shown in the tray when there is one).
    QString lastNotification() const { return m_lastNotification; }
    BudgetsDialog *openBudgets();

Q_SIGNALS:
    // A crossing was listed in the Alerts panel (and notified).
    void alertShown(const tracedeck::BudgetAlert &alert);

private:
    void alertRaised(const BudgetAlert &alert);
    void showPeriod(const BudgetAlert &alert);
    void reloadAlerts();
    // Marks the panel's alerts read and remembers the newest one seen for this store (QSettings), so the
    // alerts raised while no window looked (another run, --headless) are unread in the next window.
    void markAlertsRead();
    QString seenAlertKey() const;
    QString dashboardWorkspace() const;

    QString m_storePath;
    MainWindow &m_window;
    CostDashboard &m_dashboard;
    BudgetAdminModel *m_model;
    BudgetMonitor *m_monitor;
    AlertsPanel *m_panel;
    AlertBadge *m_badge;
    QSystemTrayIcon *m_tray = nullptr;
    QPointer<BudgetsDialog> m_dialog;
    QString m_lastNotification;
};

} // namespace tracedeck

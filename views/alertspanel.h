#pragma once

#include "budget.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTableWidget;

namespace tracedeck {

// View ▸ Alerts: the budget crossings, newest first — when, which budget, the spend against its limit and
// the period. New ones since the panel was last looked at are unread (bold) and counted for the status
// bar; double-clicking one asks for the dashboard over its period. It only shows what it is given.
class AlertsPanel : public QWidget {
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget *parent = nullptr);

    // The stored alerts, newest first, replacing the list; the first `unread` of them not yet seen.
    void setAlerts(const std::vector<BudgetAlert> &alerts, int unread = 0);
    // A new crossing: on top, unread.
    void addAlert(const BudgetAlert &alert);
    int count() const { return int(m_alerts.size()); }
    const BudgetAlert &alertAt(int row) const { return m_alerts[size_t(row)]; }
    int unreadCount() const { return m_unread; }
    // Read: no longer counted; they stay bold until clearHighlight() (the panel was hidden).
    void markAllRead();
    void clearHighlight();
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void unreadCountChanged(int unread);
    void periodActivated(const tracedeck::BudgetAlert &alert);

private:
    void fill();

    QLabel *m_empty;
    QTableWidget *m_table;
    std::vector<BudgetAlert> m_alerts;
    int m_unread = 0;
    int m_highlighted = 0; // the first rows shown bold
};

} // namespace tracedeck

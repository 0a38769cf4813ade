#pragma once

#include "budget.h"

#include <QWidget>

#include <string>

class QLabel;
class QPushButton;
class QTableWidget;

namespace tracedeck {

// The dashboard's "Spend against budget": one row per budget of its workspace — today, this month, the
// limit, the month-end forecast and how much of the period's limit is used (a bar, red once reached). A
// line and a Budgets… button when the workspace has none. It only shows the BudgetReport it is given.
class BudgetSpendView : public QWidget {
    Q_OBJECT
public:
    enum Column { Name, Today, Month, Limit, Forecast, Used, ColumnCount };

    explicit BudgetSpendView(QWidget *parent = nullptr);

    void setReport(const BudgetReport &report);
    void setWorkspace(const std::string &workspace);
    QTableWidget *table() const { return m_table; }
    QPushButton *budgetsButton() const { return m_edit; }
    QString cellText(int row, Column column) const;
    int usedPercent(int row) const; // the bar of a row

Q_SIGNALS:
    void editRequested();

private:
    void fill();

    QLabel *m_title;
    QTableWidget *m_table;
    QPushButton *m_edit;
    BudgetReport m_report;
    std::string m_workspace = "local";
};

} // namespace tracedeck

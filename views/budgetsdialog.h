#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace tracedeck {

class BudgetAdminModel;

// View ▸ Budgets… (and the dashboard's Budgets… button): the spending limits of the dashboard's workspace
// — a table (the value and limit cells edit in place) and a row to add one: scope, user or model, day or
// month, limit in USD. Edits are stored at once, like keys in Workspaces & API Keys, rather than on OK as
// Preferences are: a budget is a row of the store that the alert check reads, not a setting. A refused edit
// shows why under the table. All data goes through the BudgetAdminModel.
class BudgetsDialog : public QDialog {
    Q_OBJECT
public:
    explicit BudgetsDialog(BudgetAdminModel *model, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    QComboBox *scopeBox() const { return m_scope; }
    QLineEdit *valueEdit() const { return m_value; }
    QComboBox *periodBox() const { return m_period; }
    QLineEdit *limitEdit() const { return m_limit; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *messageLabel() const { return m_message; }

    void refresh(); // the workspace may have changed

private:
    void addBudget();
    void removeSelected();
    void scopeChanged();
    void showMessage(const QString &text, bool error);

    BudgetAdminModel *m_model;
    QLabel *m_title;
    QTableView *m_table;
    QComboBox *m_scope;
    QLineEdit *m_value;
    QComboBox *m_period;
    QLineEdit *m_limit;
    QPushButton *m_add;
    QPushButton *m_remove;
    QLabel *m_message;
};

} // namespace tracedeck

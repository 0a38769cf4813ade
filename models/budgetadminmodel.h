#pragma once

#include "budgetstore.h"

#include <QAbstractTableModel>

#include <memory>

namespace tracedeck {

// The budgets of one workspace for the Budgets dialog, and their edits. Budget edits are rare and small,
// so they run on the caller's thread on a connection of their own (BudgetStore), like KeyAdminModel. The
// value and limit cells are editable; a refused edit leaves the row as it was and emits editFailed.
class BudgetAdminModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Scope, Value, Period, Limit, ColumnCount };
    enum Role { BudgetIdRole = Qt::UserRole + 1 };

    explicit BudgetAdminModel(QObject *parent = nullptr);
    ~BudgetAdminModel() override;

    bool open(const QString &databasePath, QString *error);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    void setWorkspace(const QString &workspace);
    QString workspace() const { return m_workspace; }
    void reload();
    const Budget &budgetAt(int row) const { return m_budgets[size_t(row)]; }

    // Adds a budget to the shown workspace (draft.workspace is replaced); false with *error.
    bool add(BudgetDraft draft, QString *error);
    bool remove(int row, QString *error);
    std::vector<BudgetAlert> alerts(int limit, QString *error) const;

    static QString limitText(int64_t picoUsd); // "2.5", "100": as the limit cell edits it

Q_SIGNALS:
    // A budget was added, changed or removed (the monitor checks again).
    void budgetsChanged();
    void editFailed(const QString &message);

private:
    std::unique_ptr<BudgetStore> m_store;
    QString m_workspace = QStringLiteral("local");
    std::vector<Budget> m_budgets;
};

} // namespace tracedeck

#include "budgetadminmodel.h"

#include <QLocale>
#include <QRegularExpression>

#include <cmath>

namespace tracedeck {

BudgetAdminModel::BudgetAdminModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

BudgetAdminModel::~BudgetAdminModel() = default;

bool BudgetAdminModel::open(const QString &databasePath, QString *error)
{
    std::string e;
    m_store = BudgetStore::open(databasePath.toStdString(), &e);
    if (!m_store) {
        *error = QString::fromStdString(e);
        return false;
    }
    reload();
    return true;
}

int BudgetAdminModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_budgets.size());
}

int BudgetAdminModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BudgetAdminModel::limitText(int64_t picoUsd)
{
    return QString::number(double(picoUsd) / 1e12, 'f', 6)
        .remove(QRegularExpression(QStringLiteral("\\.?0+$")));
}

QVariant BudgetAdminModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Budget &b = m_budgets[size_t(index.row())];
    if (role == BudgetIdRole)
        return qlonglong(b.id);
    if (role == Qt::TextAlignmentRole && index.column() == Limit)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case Scope:
        switch (b.scope) {
        case BudgetScope::Workspace:
            return tr("Whole workspace");
        case BudgetScope::User:
            return tr("User");
        case BudgetScope::Model:
            return tr("Model");
        }
        return {};
    case Value:
        return QString::fromStdString(b.scopeValue);
    case Period:
        return b.period == BudgetPeriod::Day ? tr("Daily") : tr("Monthly");
    case Limit:
        if (role == Qt::EditRole)
            return limitText(b.limitPicoUsd);
        // Cents as money reads ($40.00); a limit set finer than a cent keeps its places.
        return b.limitPicoUsd % 10'000'000'000 == 0
                   ? QString(u'$' + QLocale(QLocale::English).toString(double(b.limitPicoUsd) / 1e12, 'f', 2))
                   : QString(u'$' + limitText(b.limitPicoUsd));
    }
    return {};
}

QVariant BudgetAdminModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Scope:
        return tr("Scope");
    case Value:
        return tr("User or model");
    case Period:
        return tr("Period");
    case Limit:
        return tr("Limit (USD)");
    }
    return {};
}

Qt::ItemFlags BudgetAdminModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return f;
    const bool editable =
        index.column() == Limit ||
        (index.column() == Value && m_budgets[size_t(index.row())].scope != BudgetScope::Workspace);
    return editable ? f | Qt::ItemIsEditable : f;
}

bool BudgetAdminModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!m_store || role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const Budget &b = m_budgets[size_t(index.row())];
    BudgetDraft d;
    d.scope = Budget::scopeName(b.scope);
    d.value = b.scopeValue;
    d.period = Budget::periodName(b.period);
    d.limitUsd = limitText(b.limitPicoUsd).toStdString();
    (index.column() == Limit ? d.limitUsd : d.value) = value.toString().toStdString();
    std::string error;
    if (!m_store->update(b.id, d, &error)) {
        Q_EMIT editFailed(QString::fromStdString(error));
        return false;
    }
    if (auto changed = m_store->find(b.id, &error))
        m_budgets[size_t(index.row())] = *changed;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    Q_EMIT budgetsChanged();
    return true;
}

void BudgetAdminModel::setWorkspace(const QString &workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    reload();
}

void BudgetAdminModel::reload()
{
    beginResetModel();
    std::string error;
    m_budgets = m_store ? m_store->list(m_workspace.toStdString(), &error) : std::vector<Budget>{};
    endResetModel();
}

bool BudgetAdminModel::add(BudgetDraft draft, QString *error)
{
    if (!m_store) {
        *error = tr("The store is not open");
        return false;
    }
    draft.workspace = m_workspace.toStdString();
    std::string e;
    if (!m_store->add(draft, &e)) {
        *error = QString::fromStdString(e);
        return false;
    }
    reload();
    Q_EMIT budgetsChanged();
    return true;
}

bool BudgetAdminModel::remove(int row, QString *error)
{
    if (!m_store || row < 0 || row >= rowCount()) {
        *error = tr("No budget selected");
        return false;
    }
    std::string e;
    if (!m_store->remove(m_budgets[size_t(row)].id, &e)) {
        *error = QString::fromStdString(e);
        return false;
    }
    beginRemoveRows({}, row, row);
    m_budgets.erase(m_budgets.begin() + row);
    endRemoveRows();
    Q_EMIT budgetsChanged();
    return true;
}

std::vector<BudgetAlert> BudgetAdminModel::alerts(int limit, QString *error) const
{
    if (!m_store)
        return {};
    std::string e;
    auto alerts = m_store->alerts(limit, &e);
    if (!e.empty())
        *error = QString::fromStdString(e);
    return alerts;
}

} // namespace tracedeck

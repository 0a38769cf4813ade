#include "alertspanel.h"

#include <algorithm>

#include "budgetmoney.h"
#include "displayformat.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

QString budgetName(const Budget &b)
{
    const QString period =
        b.period == BudgetPeriod::Day ? AlertsPanel::tr("daily") : AlertsPanel::tr("monthly");
    const QString workspace = QString::fromStdString(b.workspace);
    switch (b.scope) {
    case BudgetScope::User:
        return AlertsPanel::tr("%1: user %2, %3")
            .arg(workspace, QString::fromStdString(b.scopeValue), period);
    case BudgetScope::Model:
        return AlertsPanel::tr("%1: model %2, %3")
            .arg(workspace, QString::fromStdString(b.scopeValue), period);
    case BudgetScope::Workspace:
        break;
    }
    return AlertsPanel::tr("%1: whole workspace, %2").arg(workspace, period);
}

QString periodName(const BudgetAlert &a)
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(a.periodStartNs / 1'000'000, Qt::UTC);
    return a.budget.period == BudgetPeriod::Day ? start.toString(QStringLiteral("yyyy-MM-dd"))
                                                : start.toString(QStringLiteral("yyyy-MM"));
}

} // namespace

AlertsPanel::AlertsPanel(QWidget *parent)
    : QWidget(parent)
    , m_empty(new QLabel(tr("No budget alerts. Set limits in View ▸ Budgets…; when a day's or month's "
                            "cost reaches one, it is listed here.")))
    , m_table(new QTableWidget(0, 5))
{
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_table->setHorizontalHeaderLabels(
        {tr("Time"), tr("Budget"), tr("Spend"), tr("Limit"), tr("Period (UTC)")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setToolTip(tr("Double-click an alert to open the dashboard on its period"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && row < count())
            Q_EMIT periodActivated(m_alerts[size_t(row)]);
    });
    fill();
}

void AlertsPanel::setAlerts(const std::vector<BudgetAlert> &alerts, int unread)
{
    m_alerts = alerts;
    unread = std::clamp(unread, 0, int(m_alerts.size()));
    const bool changed = m_unread != unread;
    m_unread = unread;
    m_highlighted = unread;
    fill();
    if (changed)
        Q_EMIT unreadCountChanged(m_unread);
}

void AlertsPanel::addAlert(const BudgetAlert &alert)
{
    m_alerts.insert(m_alerts.begin(), alert);
    ++m_unread;
    ++m_highlighted;
    fill();
    Q_EMIT unreadCountChanged(m_unread);
}

void AlertsPanel::markAllRead()
{
    if (m_unread == 0)
        return;
    m_unread = 0;
    Q_EMIT unreadCountChanged(0);
}

void AlertsPanel::clearHighlight()
{
    if (m_highlighted == m_unread)
        return;
    m_highlighted = m_unread;
    fill();
}

void AlertsPanel::fill()
{
    m_empty->setVisible(m_alerts.empty());
    m_table->setVisible(!m_alerts.empty());
    m_table->setRowCount(int(m_alerts.size()));
    for (int row = 0; row < count(); ++row) {
        const BudgetAlert &a = m_alerts[size_t(row)];
        const QStringList cells{DisplayFormat::timestamp(a.crossedNs), budgetName(a.budget),
                                budgetMoney(a.spendPicoUsd), budgetMoney(a.limitPicoUsd), periodName(a)};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column == 2 || column == 3)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (row < m_highlighted) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(row, column, item);
        }
    }
}

} // namespace tracedeck

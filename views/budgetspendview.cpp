#include "budgetspendview.h"

#include "budgetmoney.h"
#include "thememanager.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace tracedeck {

namespace {

QString rowName(const Budget &b)
{
    const QString period =
        b.period == BudgetPeriod::Day ? BudgetSpendView::tr("daily") : BudgetSpendView::tr("monthly");
    switch (b.scope) {
    case BudgetScope::User:
        return BudgetSpendView::tr("User %1 (%2)").arg(QString::fromStdString(b.scopeValue), period);
    case BudgetScope::Model:
        return BudgetSpendView::tr("Model %1 (%2)").arg(QString::fromStdString(b.scopeValue), period);
    case BudgetScope::Workspace:
        break;
    }
    return BudgetSpendView::tr("Whole workspace (%1)").arg(period);
}

} // namespace

BudgetSpendView::BudgetSpendView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_table(new QTableWidget(0, ColumnCount))
    , m_edit(new QPushButton(tr("Budgets…")))
{
    m_table->setHorizontalHeaderLabels(
        {tr("Budget"), tr("Today"), tr("This month"), tr("Limit"), tr("Month forecast"), tr("Used")});
    m_table->horizontalHeaderItem(Forecast)->setToolTip(
        tr("This month's spend × the month's length ÷ the time elapsed in it (at least one day)"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_edit->setToolTip(tr("Set daily and monthly limits for this workspace, its users and models"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_edit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(header);
    layout->addWidget(m_table);
    connect(m_edit, &QPushButton::clicked, this, &BudgetSpendView::editRequested);
    fill();
}

void BudgetSpendView::setReport(const BudgetReport &report)
{
    m_report = report;
    fill();
}

void BudgetSpendView::setWorkspace(const std::string &workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    fill();
}

QString BudgetSpendView::cellText(int row, Column column) const
{
    const QTableWidgetItem *item = m_table->item(row, column);
    return item ? item->text() : QString();
}

int BudgetSpendView::usedPercent(int row) const
{
    const auto *bar = qobject_cast<const QProgressBar *>(m_table->cellWidget(row, Used));
    return bar ? bar->value() : -1;
}

void BudgetSpendView::fill()
{
    std::vector<const BudgetStatus *> shown;
    for (const BudgetStatus &s : m_report.statuses) {
        if (m_workspace.empty() || s.budget.workspace == m_workspace)
            shown.push_back(&s);
    }
    const QString workspace = QString::fromStdString(m_workspace).toHtmlEscaped();
    m_title->setText(
        shown.empty() ? tr("<b>Spend against budget</b> — no budgets for workspace %1 yet.").arg(workspace)
                      : tr("<b>Spend against budget</b> — workspace %1, UTC days and months").arg(workspace));
    m_table->setVisible(!shown.empty());
    m_table->setRowCount(int(shown.size()));
    const QColor over = ThemeManager::negative(palette());
    for (int row = 0; row < int(shown.size()); ++row) {
        const BudgetStatus &s = *shown[size_t(row)];
        const bool reached = s.reached();
        const bool forecastOver =
            s.budget.period == BudgetPeriod::Month && s.forecastPicoUsd > s.budget.limitPicoUsd;
        const QStringList cells{rowName(s.budget), budgetMoney(s.todayPicoUsd), budgetMoney(s.monthPicoUsd),
                                budgetMoney(s.budget.limitPicoUsd), budgetMoney(s.forecastPicoUsd)};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            if (column != Name)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            const bool periodCell = column == (s.budget.period == BudgetPeriod::Day ? Today : Month);
            if ((reached && periodCell) || (forecastOver && column == Forecast))
                item->setForeground(over);
            m_table->setItem(row, column, item);
        }
        auto *bar = new QProgressBar;
        const double used = double(s.periodPicoUsd()) / double(std::max<int64_t>(1, s.budget.limitPicoUsd));
        bar->setRange(0, 100);
        bar->setValue(int(std::min(100.0, used * 100.0 + 0.5)));
        bar->setFormat(QStringLiteral("%1%").arg(int(used * 100.0 + 0.5)));
        const QColor chunk = reached ? over : palette().color(QPalette::Highlight);
        bar->setStyleSheet(
            QStringLiteral("QProgressBar { border: 1px solid %1; border-radius: 2px; text-align: "
                           "center; margin: 3px; } QProgressBar::chunk { background: %2; }")
                .arg(palette().color(QPalette::Mid).name(), chunk.name()));
        m_table->setCellWidget(row, Used, bar);
    }
    // As tall as its rows (up to six), so the charts below keep their room.
    const int rows = std::min<int>(int(shown.size()), 6);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth());
}

} // namespace tracedeck

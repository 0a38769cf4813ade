#pragma once

#include "dashboarddata.h"

#include <QWidget>

class QChart;
class QChartView;
class QComboBox;
class QDateTimeEdit;
class QGridLayout;
class QLabel;
class QStackedWidget;
class QTableWidget;

namespace tracedeck {

class BudgetSpendView;
class SavingsPanel;

// The cost dashboard: cost and tokens over time as stacked areas (by model, provider, service, user or
// workspace), LLM calls and error rate, latency p50/p95/p99 per model and per service, and the ten most
// expensive traces, users and sessions. It only shows a DashboardData it is given; app/ computes one on a
// reader thread whenever the query changes or new spans are committed. Double-clicking a trace asks for it
// to be opened. Each chart's context menu saves it as PNG or its data as CSV, each table's as CSV. Below
// them the savings hints (SavingsPanel).
class CostDashboard : public QWidget {
    Q_OBJECT
public:
    enum class Range { LastHour, Last24Hours, Last7Days, Last30Days, All, Custom };

    explicit CostDashboard(QWidget *parent = nullptr);

    // The query for the current selectors, with a relative range ending at nowNs.
    DashboardQuery query(int64_t nowNs) const;
    Range range() const;
    void setRange(Range range);
    void setCustomRange(int64_t fromNs, int64_t toNs);
    void setStackBy(DashboardStack stack);
    void setWorkspace(const std::string &workspace);
    const DashboardData &data() const { return m_data; }
    void setData(const DashboardData &data);
    void setError(const QString &message);

    QChartView *costChart() const { return m_cost; }
    QChartView *tokenChart() const { return m_tokens; }
    QChartView *callChart() const { return m_calls; }
    QChartView *modelLatencyChart() const { return m_modelLatency; }
    QChartView *serviceLatencyChart() const { return m_serviceLatency; }
    QTableWidget *topTraces() const { return m_topTraces; }
    QTableWidget *topUsers() const { return m_topUsers; }
    QTableWidget *topSessions() const { return m_topSessions; }
    // Spend against the workspace's budgets, above the charts; app/ gives it the budget checks' reports.
    BudgetSpendView *budgetSpend() const { return m_budgetSpend; }
    SavingsPanel *savings() const { return m_savings; }
    bool isShowingEmptyState() const;
    // The CSV of what a chart shows (a row per bucket or per key), as "Save data as CSV…" writes it.
    QString csvOf(QChartView *chart) const;
    // The CSV of a top-10 table (traces, users or sessions), as its "Save as CSV…" writes it.
    QString csvOf(QTableWidget *table) const;
    bool saveCsv(const QString &csv, const QString &path, QString *error) const;

Q_SIGNALS:
    void queryChanged();
    void rangeChanged(tracedeck::CostDashboard::Range range);
    void traceActivated(const QString &traceId, const QString &workspace);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    static constexpr int kMinChartWidth = 400;
    void arrange(int columns);
    QChartView *addChart(const QString &title);
    void fillStacked(QChartView *view, bool cost);
    void fillCalls();
    void fillLatency(QChartView *view, const std::vector<DashboardLatency> &latency);
    void fillTables();
    void showChartMenu(QChartView *view, const QPoint &pos);
    void showTableMenu(QTableWidget *table, const QPoint &pos);
    void askAndSaveCsv(const QString &title, const QString &csv);
    void rangeSelected();

    QComboBox *m_stackBy;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QLabel *m_summary;
    QStackedWidget *m_pages;
    QGridLayout *m_grid;
    int m_columns = 0;
    QLabel *m_empty;
    QChartView *m_cost;
    QChartView *m_tokens;
    QChartView *m_calls;
    QChartView *m_modelLatency;
    QChartView *m_serviceLatency;
    QTableWidget *m_topTraces;
    QTableWidget *m_topUsers;
    QTableWidget *m_topSessions;
    BudgetSpendView *m_budgetSpend;
    SavingsPanel *m_savings;
    std::string m_workspace = "local";
    DashboardData m_data;
};

} // namespace tracedeck

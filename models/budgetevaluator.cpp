#include "budgetevaluator.h"

#include "budgetcalendar.h"
#include "budgetstore.h"
#include "metricsrollup.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

namespace tracedeck {

namespace {

constexpr int64_t kHourNs = MetricsRollup::kBucketNs * MetricsRollup::kMinutesPerHour;

MetricsGrouping groupingOf(BudgetScope scope)
{
    switch (scope) {
    case BudgetScope::Workspace:
        return MetricsGrouping::Service; // every span has exactly one service row: the workspace's total
    case BudgetScope::User:
        return MetricsGrouping::User;
    case BudgetScope::Model:
        return MetricsGrouping::Model;
    }
    return MetricsGrouping::Service;
}

} // namespace

BudgetEvaluator::BudgetEvaluator(BudgetStore &store)
    : m_store(store)
{}

int64_t BudgetEvaluator::forecast(int64_t monthPicoUsd, int64_t nowNs)
{
    const int64_t start = BudgetCalendar::monthStart(nowNs);
    const int64_t length = BudgetCalendar::nextMonthStart(nowNs) - start;
    const int64_t elapsed = std::max(nowNs - start, BudgetCalendar::kDayNs);
    return std::llround(double(monthPicoUsd) * (double(length) / double(elapsed)));
}

std::optional<int64_t> BudgetEvaluator::spend(const Budget &budget, int64_t fromNs, int64_t toNs,
                                              std::string *error)
{
    if (!m_spend) {
        m_spend = m_store.database().prepare(
            "SELECT coalesce(sum(cost_pusd), 0) FROM metric_rollups_hourly WHERE workspace = ?1 AND "
            "grouping = ?2 AND bucket >= ?3 AND bucket < ?4 AND (?5 IS NULL OR group_key = ?5)",
            error);
        if (!m_spend)
            return std::nullopt;
    }
    sqlite3_stmt *s = m_spend.get();
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    sqlite3_bind_text(s, 1, budget.workspace.data(), int(budget.workspace.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, int(groupingOf(budget.scope)));
    sqlite3_bind_int64(s, 3, fromNs / kHourNs);
    sqlite3_bind_int64(s, 4, toNs / kHourNs);
    if (budget.scope != BudgetScope::Workspace)
        sqlite3_bind_text(s, 5, budget.scopeValue.data(), int(budget.scopeValue.size()), SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_ROW) {
        *error = "summing a budget's spend: " + m_store.database().lastError();
        sqlite3_reset(s);
        return std::nullopt;
    }
    const int64_t total = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return total;
}

std::optional<BudgetReport> BudgetEvaluator::evaluate(int64_t nowNs, std::string *error)
{
    Database &db = m_store.database();
    BudgetReport report;
    report.evaluatedNs = nowNs;
    const int64_t day = BudgetCalendar::dayStart(nowNs);
    const int64_t month = BudgetCalendar::monthStart(nowNs);
    const int64_t nextMonth = BudgetCalendar::nextMonthStart(nowNs);
    // One read transaction: every budget sees the same commit of the writer.
    if (!db.exec("BEGIN", error))
        return std::nullopt;
    const std::vector<Budget> budgets = m_store.list({}, error);
    bool ok = error->empty();
    for (const Budget &budget : budgets) {
        if (!ok)
            break;
        BudgetStatus status;
        status.budget = budget;
        const auto today = spend(budget, day, day + BudgetCalendar::kDayNs, error);
        const auto thisMonth = spend(budget, month, nextMonth, error);
        if (!today || !thisMonth) {
            ok = false;
            break;
        }
        status.todayPicoUsd = *today;
        status.monthPicoUsd = *thisMonth;
        status.forecastPicoUsd = forecast(*thisMonth, nowNs);
        report.statuses.push_back(std::move(status));
    }
    db.exec("COMMIT");
    if (!ok)
        return std::nullopt;

    std::vector<const BudgetStatus *> reached;
    for (const BudgetStatus &status : report.statuses) {
        if (status.reached())
            reached.push_back(&status);
    }
    if (reached.empty())
        return report;
    if (!db.exec("BEGIN IMMEDIATE", error))
        return std::nullopt;
    Statement insert =
        db.prepare("INSERT OR IGNORE INTO budget_alerts (budget_id, period_start_ns, "
                   "limit_pusd, crossed_ns, spend_pusd) "
                   "SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS (SELECT 1 FROM budgets WHERE id = ?1)",
                   error);
    if (!insert) {
        db.exec("ROLLBACK");
        return std::nullopt;
    }
    std::vector<BudgetAlert> alerts;
    for (const BudgetStatus *status : reached) {
        BudgetAlert a;
        a.budget = status->budget;
        a.periodStartNs = status->budget.period == BudgetPeriod::Day ? day : month;
        a.periodEndNs = status->budget.period == BudgetPeriod::Day ? day + BudgetCalendar::kDayNs : nextMonth;
        a.limitPicoUsd = status->budget.limitPicoUsd;
        a.crossedNs = nowNs;
        a.spendPicoUsd = status->periodPicoUsd();
        sqlite3_stmt *s = insert.get();
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, a.budget.id);
        sqlite3_bind_int64(s, 2, a.periodStartNs);
        sqlite3_bind_int64(s, 3, a.limitPicoUsd);
        sqlite3_bind_int64(s, 4, a.crossedNs);
        sqlite3_bind_int64(s, 5, a.spendPicoUsd);
        if (sqlite3_step(s) != SQLITE_DONE) {
            *error = "recording a budget alert: " + db.lastError();
            db.exec("ROLLBACK");
            return std::nullopt;
        }
        if (sqlite3_changes(db.handle()) == 1) {
            a.id = sqlite3_last_insert_rowid(db.handle());
            alerts.push_back(std::move(a));
        }
    }
    if (!db.exec("COMMIT", error)) {
        db.exec("ROLLBACK");
        return std::nullopt;
    }
    report.newAlerts = std::move(alerts);
    return report;
}

} // namespace tracedeck

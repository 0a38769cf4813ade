#pragma once

#include "budget.h"
#include "database.h"

#include <optional>
#include <string>

namespace tracedeck {

class BudgetStore;

// Spend against every budget at a moment: the current UTC day's and month's cost from the hourly metric
// rollups (both periods are whole hours), for the scope's rows — the workspace's every service row, or
// the user's or the model's row — and a forecast to the month's end:
//     forecast = spend this month × month length ÷ max(time elapsed in the month, 1 day)
// (at least a day elapsed, so the first minutes of a month do not turn cents into a fortune). A budget
// whose period's spend reaches its limit is a crossing; crossings not yet alerted are recorded in
// budget_alerts in one transaction whose unique key (budget, period start, limit) makes each one alert
// exactly once, even with two evaluators or across restarts. Runs on the caller's thread and connection.
class BudgetEvaluator {
public:
    explicit BudgetEvaluator(BudgetStore &store);

    static int64_t forecast(int64_t monthPicoUsd, int64_t nowNs);
    // Spend of one budget's scope in [fromNs, toNs), both on whole hours.
    std::optional<int64_t> spend(const Budget &budget, int64_t fromNs, int64_t toNs, std::string *error);
    std::optional<BudgetReport> evaluate(int64_t nowNs, std::string *error);

private:
    BudgetStore &m_store;
    Statement m_spend;
};

} // namespace tracedeck

#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// What a budget limits: the whole workspace's spend, one user's or one model's.
enum class BudgetScope { Workspace, User, Model };
// Budgets reset at the start of each UTC day or UTC month.
enum class BudgetPeriod { Day, Month };

// A spending limit (table budgets). Money is integer picodollars, as in the metric rollups.
struct Budget {
    int64_t id = 0;
    std::string workspace = "local";
    BudgetScope scope = BudgetScope::Workspace;
    std::string scopeValue; // the user id or model name; empty for the whole workspace
    BudgetPeriod period = BudgetPeriod::Month;
    int64_t limitPicoUsd = 0;
    int64_t createdNs = 0;

    static const char *scopeName(BudgetScope scope);    // "workspace", "user", "model"
    static const char *periodName(BudgetPeriod period); // "day", "month"
    static std::optional<BudgetScope> parseScope(const std::string &text);
    static std::optional<BudgetPeriod> parsePeriod(const std::string &text);
    // "user alice", "model gpt-4o", "whole workspace": what the budget limits, for lists and messages.
    std::string subject() const;
};

// A budget's period reached its limit (table budget_alerts): recorded once per budget, period and limit.
struct BudgetAlert {
    int64_t id = 0;
    Budget budget; // as it is now (the limit crossed is limitPicoUsd below)
    int64_t periodStartNs = 0;
    int64_t periodEndNs = 0;
    int64_t limitPicoUsd = 0;
    int64_t crossedNs = 0;
    int64_t spendPicoUsd = 0; // the period's spend when the crossing was found
};

// A budget's spend as the evaluator found it.
struct BudgetStatus {
    Budget budget;
    int64_t todayPicoUsd = 0;    // the current UTC day
    int64_t monthPicoUsd = 0;    // the current UTC month
    int64_t forecastPicoUsd = 0; // the month's spend extrapolated to its end (BudgetEvaluator)
    int64_t periodPicoUsd() const { return budget.period == BudgetPeriod::Day ? todayPicoUsd : monthPicoUsd; }
    bool reached() const { return periodPicoUsd() >= budget.limitPicoUsd; }
};

struct BudgetReport {
    int64_t evaluatedNs = 0;
    std::vector<BudgetStatus> statuses;
    std::vector<BudgetAlert> newAlerts; // crossings recorded by this evaluation, never reported again
};

} // namespace tracedeck

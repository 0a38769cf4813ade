#include "budget.h"

namespace tracedeck {

const char *Budget::scopeName(BudgetScope scope)
{
    switch (scope) {
    case BudgetScope::Workspace:
        return "workspace";
    case BudgetScope::User:
        return "user";
    case BudgetScope::Model:
        return "model";
    }
    return "workspace";
}

const char *Budget::periodName(BudgetPeriod period)
{
    return period == BudgetPeriod::Day ? "day" : "month";
}

std::optional<BudgetScope> Budget::parseScope(const std::string &text)
{
    for (const BudgetScope scope : {BudgetScope::Workspace, BudgetScope::User, BudgetScope::Model}) {
        if (text == scopeName(scope))
            return scope;
    }
    return std::nullopt;
}

std::optional<BudgetPeriod> Budget::parsePeriod(const std::string &text)
{
    if (text == "day" || text == "daily")
        return BudgetPeriod::Day;
    if (text == "month" || text == "monthly")
        return BudgetPeriod::Month;
    return std::nullopt;
}

std::string Budget::subject() const
{
    return scope == BudgetScope::Workspace ? std::string("whole workspace")
                                           : std::string(scopeName(scope)) + ' ' + scopeValue;
}

} // namespace tracedeck

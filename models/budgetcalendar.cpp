#include "budgetcalendar.h"

#include <chrono>

namespace tracedeck {

namespace {

using Nanoseconds = std::chrono::sys_time<std::chrono::nanoseconds>;

int64_t nsOf(std::chrono::sys_days day)
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(day.time_since_epoch()).count();
}

std::chrono::year_month_day dateOf(int64_t ns)
{
    return std::chrono::year_month_day(
        std::chrono::floor<std::chrono::days>(Nanoseconds(std::chrono::nanoseconds(ns))));
}

} // namespace

int64_t BudgetCalendar::dayStart(int64_t ns)
{
    return nsOf(std::chrono::floor<std::chrono::days>(Nanoseconds(std::chrono::nanoseconds(ns))));
}

int64_t BudgetCalendar::monthStart(int64_t ns)
{
    const auto date = dateOf(ns);
    return nsOf(std::chrono::sys_days(date.year() / date.month() / 1));
}

int64_t BudgetCalendar::nextMonthStart(int64_t ns)
{
    const auto date = dateOf(ns);
    const auto next = date.year() / date.month() / 1 + std::chrono::months(1);
    return nsOf(std::chrono::sys_days(next));
}

} // namespace tracedeck

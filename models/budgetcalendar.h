#pragma once

#include <cstdint>

namespace tracedeck {

// UTC day and month boundaries in ns since the epoch, for budget periods.
class BudgetCalendar {
public:
    static constexpr int64_t kDayNs = 86'400'000'000'000;
    static int64_t dayStart(int64_t ns);
    static int64_t monthStart(int64_t ns);
    static int64_t nextMonthStart(int64_t ns);
};

} // namespace tracedeck

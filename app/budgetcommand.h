#pragma once

#include <QStringList>

namespace tracedeck {

// tracedeck budgets, run without a listener or window (beside tracedeck keys):
//   tracedeck budgets list [--workspace NAME] [--db FILE]
//   tracedeck budgets add --scope workspace|user|model [--value USER|MODEL] --period day|month --limit USD
//                         [--workspace NAME] [--db FILE]
//   tracedeck budgets remove ID [--db FILE]
// list shows each budget's spend today and this month (UTC). Exit codes: 0 done, 1 failed (store, a
// refused budget, unknown id), 2 bad usage.
class BudgetCommand {
public:
    // arguments as QCoreApplication::arguments() (argv[0] first, argv[1] "budgets").
    static int run(const QStringList &arguments);
};

} // namespace tracedeck

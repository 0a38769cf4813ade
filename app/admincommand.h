#pragma once

#include <QStringList>

namespace tracedeck {

// The admin subcommands, run without a listener or window:
//   tracedeck keys create --workspace NAME [--label TEXT] [--requests-per-second N] [--spans-per-second N]
//                         [--spans-per-day N] [--db FILE]
//   tracedeck keys list [--workspace NAME] [--db FILE]
//   tracedeck keys revoke ID|PREFIX [--db FILE]
//   tracedeck workspaces list [--db FILE]
//   tracedeck workspaces set NAME [--retention-days N] [--redaction on|off] [--db FILE]
//   tracedeck budgets list|add|remove … (BudgetCommand)
// Exit codes: 0 done, 1 failed (store, unknown key), 2 bad usage.
class AdminCommand {
public:
    // True when argv[1] names an admin subcommand.
    static bool handles(int argc, char **argv);
    // arguments as QCoreApplication::arguments() (argv[0] first).
    static int run(const QStringList &arguments);
};

} // namespace tracedeck

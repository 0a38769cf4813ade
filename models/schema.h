#pragma once

#include <string>

namespace tracedeck {

class Database;

// The store's schema, versioned with PRAGMA user_version. Each migration moves the file one version
// forward inside a transaction; a file from a newer Tracedeck is refused rather than guessed at.
class Schema {
public:
    // The version that added the hourly rollups (test_dashboard rewinds to the one before to rebuild them).
    static constexpr int kHourlyRollupsVersion = 8;
    static constexpr int kBudgetsVersion = 9;
    static constexpr int kPromptRollupsVersion = 11;

    static int currentVersion();
    static bool migrate(Database &db, std::string *error);
};

} // namespace tracedeck

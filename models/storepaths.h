#pragma once

#include <QString>

namespace tracedeck {

// Where the store lives when the user does not say: the platform's app data dir
// (~/.local/share/tracedeck/tracedeck.db on Linux), created on demand.
class StorePaths {
public:
    static QString defaultDatabasePath();
    // The user's price table changes (UserPricing), beside the default database.
    static QString pricingPath();
};

} // namespace tracedeck

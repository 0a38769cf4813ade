#pragma once

#include "pricingtable.h"

#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// The user's changes to the built-in price table: rows that differ from it or are new, and built-in models
// taken out. Kept as changes, not as a whole copy, so a newer Tracedeck's prices still reach every model
// the user did not touch.
struct PricingOverrides {
    std::vector<ModelPrice> models;
    std::vector<std::string> removed; // built-in model names

    bool empty() const { return models.empty() && removed.empty(); }
    bool operator==(const PricingOverrides &) const = default;
};

// The overrides file (StorePaths::pricingPath(): pricing.json beside the default database), and how the
// table new spans are priced with is made from it.
class UserPricing {
public:
    // A missing file is no overrides. A file that cannot be read or checked: none, and *error names the
    // file and the problem.
    static std::optional<PricingOverrides> read(const QString &path, std::string *error);
    // Writes the file whole or not at all; no overrides removes it.
    static bool write(const QString &path, const PricingOverrides &overrides, std::string *error);

    // base's rows with the overrides applied, in base's order, then the added models.
    static std::vector<ModelPrice> apply(const PricingTable &base, const PricingOverrides &overrides);
    // What turns base into the edited rows.
    static PricingOverrides difference(const PricingTable &base, const std::vector<ModelPrice> &edited);

    // base with the file's overrides, checked. On a problem: base itself, and *error says why.
    static std::shared_ptr<const PricingTable> load(const QString &path, const PricingTable &base,
                                                    std::string *error);
};

} // namespace tracedeck

#include "pricingtable.h"

namespace tracedeck {

PricingTable PricingTable::fromJson(std::string_view, std::string *error)
{
    *error = "not implemented";
    return {};
}

const PricingTable &PricingTable::builtIn()
{
    static const PricingTable table;
    return table;
}

std::optional<ModelPrice> PricingTable::find(std::string_view) const
{
    return std::nullopt;
}

} // namespace tracedeck

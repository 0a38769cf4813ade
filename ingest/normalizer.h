#pragma once

#include "pricingtable.h"
#include "span.h"

namespace tracedeck {

// Reads the LLM/HTTP attribute conventions of DESIGN.md §4 into Span::fields, whatever the source.
// Never changes the original attributes.
class Normalizer {
public:
    // Prices with the table current when it is made (PricingTable::current()), kept for its lifetime.
    Normalizer();
    explicit Normalizer(const PricingTable &pricing);
    void normalize(Span &span) const;

private:
    std::shared_ptr<const PricingTable> m_held;
    const PricingTable &m_pricing;
};

} // namespace tracedeck

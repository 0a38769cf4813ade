#pragma once

#include "pricingtable.h"
#include "span.h"

namespace tracedeck {

// Reads the LLM/HTTP attribute conventions of DESIGN.md §4 into Span::fields, whatever the source.
// Never changes the original attributes.
class Normalizer {
public:
    explicit Normalizer(const PricingTable &pricing = PricingTable::builtIn());
    void normalize(Span &span) const;

private:
    const PricingTable &m_pricing;
};

} // namespace tracedeck

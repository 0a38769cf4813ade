#include "normalizer.h"

namespace tracedeck {

Normalizer::Normalizer(const PricingTable &pricing)
    : m_pricing(pricing)
{
}

void Normalizer::normalize(Span &) const {}

} // namespace tracedeck

#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracedeck {

struct ModelPrice {
    std::string model;
    std::string provider;
    double inputPerMillion = 0;       // USD per 1M input tokens (not cached)
    double outputPerMillion = 0;      // USD per 1M output tokens
    double cachedInputPerMillion = 0; // USD per 1M cached input tokens
};

// The pricing table of resources/pricing.json: exact model names, then patterns for dated variants
// (gpt-4o-2024-08-06 → gpt-4o).
class PricingTable {
public:
    static PricingTable fromJson(std::string_view json, std::string *error);
    static const PricingTable &builtIn(); // the table compiled into the binary (:/tracedeck/pricing.json)

    std::optional<ModelPrice> find(std::string_view model) const;
    const std::string &date() const { return m_date; }
    size_t size() const { return m_prices.size(); }

private:
    struct Pattern {
        std::string glob; // lowercase, '*' matches any run of characters
        size_t literalLength = 0;
        size_t priceIndex = 0;
    };

    std::optional<size_t> findIndex(std::string_view name) const;

    std::string m_date;
    std::vector<ModelPrice> m_prices; // model names lowercase
    std::vector<Pattern> m_patterns;
};

} // namespace tracedeck

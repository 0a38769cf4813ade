#pragma once

#include "modelprice.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tracedeck {

// The pricing table of resources/pricing.json: exact model names, then patterns for dated variants
// (gpt-4o-2024-08-06 → gpt-4o).
class PricingTable {
public:
    static PricingTable fromJson(std::string_view json, std::string *error);
    // Checks the rows (a model name, unique whatever its case; prices finite and not negative; no empty
    // pattern); on a problem returns an empty table and says which row in *error.
    static PricingTable fromPrices(std::string date, std::vector<ModelPrice> prices, std::string *error);
    // The row as the table keeps it: model name and patterns trimmed and lowercase, provider trimmed.
    static ModelPrice normalized(ModelPrice price);
    static const PricingTable &builtIn(); // the table compiled into the binary (:/tracedeck/pricing.json)

    // The table new spans are priced with: builtIn() until the application installs the user's
    // (UserPricing). Safe to call from any thread; a table stays valid while its pointer is held.
    static std::shared_ptr<const PricingTable> current();
    static void setCurrent(std::shared_ptr<const PricingTable> table);

    // The price of a model name, or null. Valid as long as the table.
    const ModelPrice *find(std::string_view model) const;
    // The cost in USD the store computes for a span with this price: only model calls (category "llm" or
    // "embedding") with token counts are priced — agent and chain spans that repeat their children's usage
    // would otherwise count twice. Cached input tokens are a part of the input tokens, priced once at the
    // cached price. None when there is no price or the span is not priced.
    static std::optional<double> computedCost(const ModelPrice *price, std::string_view category,
                                              std::optional<int64_t> inputTokens,
                                              std::optional<int64_t> cachedInputTokens,
                                              std::optional<int64_t> outputTokens);
    const std::string &date() const { return m_date; }
    size_t size() const { return m_prices.size(); }
    const std::vector<ModelPrice> &prices() const { return m_prices; } // in the order given

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

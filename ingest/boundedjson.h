#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tracedeck {

// nlohmann::json parsing with the limits untrusted input needs: a nesting depth cap (a 10k-deep document
// is refused instead of exhausting the stack) and errors as text naming where parsing failed.
class BoundedJson {
public:
    static constexpr int kDefaultMaxDepth = 64;
    // Returns a discarded value and sets *error on failure.
    static nlohmann::json parse(std::string_view text, std::string *error, int maxDepth = kDefaultMaxDepth);
};

} // namespace tracedeck

#pragma once

#include <string>
#include <vector>

namespace tracedeck {

// One row of the model price table (USD per 1M tokens). Shared by the pricing table that prices spans
// (ingest/) and the Preferences editor that changes it (models/, views/).
struct ModelPrice {
    std::string model;
    std::string provider;
    double inputPerMillion = 0;       // input tokens that are not cached
    double outputPerMillion = 0;      // output tokens
    double cachedInputPerMillion = 0; // cached input tokens (cache reads)
    // Globs ('*' matches any run) for names of the same model that are not "<model>-<date or version>".
    std::vector<std::string> patterns;

    bool operator==(const ModelPrice &) const = default;
};

} // namespace tracedeck

#pragma once

#include "span.h"
#include "storereader.h"
#include "tracesummary.h"

#include <nlohmann/json.hpp>

namespace tracedeck {

// The query API's JSON for what the store holds: snake_case fields, times as ns and ISO 8601, costs in USD.
class SpanJson {
public:
    static nlohmann::json span(const Span &span);
    static nlohmann::json trace(const TraceSummary &trace);
    static nlohmann::json metricsGroup(const MetricsGroup &group);
    static std::string isoTime(int64_t ns);
};

} // namespace tracedeck

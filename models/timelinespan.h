#pragma once

#include "span.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// What the timeline needs of one span: the store's trace loader produces these (a few columns, no JSON),
// the timeline turns them into its compact arrays and lets them go.
struct TimelineSpan {
    std::string spanId;
    std::string parentSpanId; // empty for a root; a parent missing from the trace makes the span a root too
    std::string name;
    std::string service;
    int64_t startNs = 0;
    int64_t endNs = 0;
    SpanStatus status = SpanStatus::Unset;
    std::string category; // llm, embedding, tool, http, … (ExtractedFields::category)
    std::string model;
    std::optional<int64_t> inputTokens;
    std::optional<int64_t> outputTokens;
    std::optional<double> costUsd;
    // The peer a client, producer or LLM span calls (PeerName), for the path graph; empty for other spans.
    std::string peer;
};

using TimelineSpans = std::vector<TimelineSpan>;

} // namespace tracedeck

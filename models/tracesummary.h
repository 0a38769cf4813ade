#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace tracedeck {

// What the trace list knows of one trace: the `traces` row, kept current by the writer.
struct TraceSummary {
    std::string traceId;
    int64_t startNs = 0;
    int64_t endNs = 0;
    std::string rootService;
    std::string rootName;
    std::string services; // sorted, comma-separated
    int64_t spanCount = 0;
    int64_t errorCount = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    std::optional<double> costUsd;
    std::string userId;
    std::string sessionId;
    std::string models; // sorted, comma-separated
    std::string requestId;

    using SortKey = std::variant<int64_t, double, std::string>;
    SortKey sortKey; // the value of the column the page was sorted by, for keyset paging

    bool operator==(const TraceSummary &) const = default;
};

// The trace list's columns, in display order; each one sorts in SQL.
enum class TraceColumn {
    Start,
    Root,
    Services,
    Duration,
    Spans,
    Errors,
    InputTokens,
    OutputTokens,
    Cost,
    User,
    Session,
    Models,
    Count
};

struct TraceSort {
    TraceColumn column = TraceColumn::Start;
    bool descending = true;
    bool operator==(const TraceSort &) const = default;
};

// Where a page starts: strictly after this (key, trace id) in sort order — or, for a refresh of what is
// loaded, everything up to and including it.
struct TraceCursor {
    TraceSummary::SortKey key;
    std::string traceId;
    bool inclusiveEnd = false; // true: rows from the top through this cursor; false: rows after it
};

} // namespace tracedeck

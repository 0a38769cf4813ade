#pragma once

#include "database.h"
#include "span.h"
#include "timelinespan.h"
#include "tracefilter.h"
#include "tracesummary.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

enum class MetricsGrouping { Service, Model, Provider, User };

// Aggregates of the spans of one group (a service, a model, …) in a time range.
struct MetricsGroup {
    std::string key;
    int64_t spans = 0;
    int64_t traces = 0;
    int64_t errors = 0;
    int64_t p50Ns = 0;
    int64_t p95Ns = 0;
    int64_t p99Ns = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    std::optional<double> costUsd;
};

// Read-only queries over the store on its own connection (WAL lets it read while the writer commits).
// Not thread-safe: use one per thread.
class StoreReader {
public:
    static std::unique_ptr<StoreReader> open(const std::string &path, std::string *error);

    // One page of the trace list: filtered and sorted in SQL, keyset-paged from `cursor`.
    std::vector<TraceSummary> traces(const TraceFilter &filter, const TraceSort &sort,
                                     const std::optional<TraceCursor> &cursor, int limit, std::string *error);
    // The spans of a trace as the timeline needs them (no JSON). Empty when the trace is unknown.
    TimelineSpans timeline(const std::string &workspace, const std::string &traceId, std::string *error);
    // One span with everything stored about it.
    std::optional<Span> span(const std::string &workspace, const std::string &traceId,
                             const std::string &spanId, std::string *error);

    // Every span of a trace, in start order.
    std::vector<Span> spans(const std::string &workspace, const std::string &traceId, std::string *error);
    // The hops of a request: spans carrying its request id, or the trace it names, in start order.
    std::vector<Span> requestPath(const std::string &workspace, const std::string &requestId,
                                  std::string *error);
    // Counts, errors, latency percentiles, tokens and cost per group over spans starting in [from, to).
    std::vector<MetricsGroup> metrics(const std::string &workspace, MetricsGrouping grouping,
                                      std::optional<int64_t> fromNs, std::optional<int64_t> toNs,
                                      std::string *error);

private:
    std::vector<Span> readSpans(const std::string &whereSql, const std::vector<std::string> &values,
                                const std::string &workspace, std::string *error);
    explicit StoreReader(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace tracedeck

#pragma once

#include "database.h"
#include "metricsrollup.h"
#include "span.h"
#include "timelinespan.h"
#include "tracefilter.h"
#include "tracesummary.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

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
    // 0: p50/p95/p99 are exact; otherwise they come from merged latency histograms and are within this
    // relative error of the exact values (LatencyHistogram::kRelativeError).
    double percentileError = 0;
};

// One row of metric_rollups (MetricsRollup). latency points into the statement's row: valid only while the
// visitor runs.
struct RollupRow {
    std::string workspace;
    std::string key;
    int64_t bucket = 0;
    int64_t spans = 0;
    int64_t errors = 0;
    int64_t traces = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cachedInputTokens = 0; // a part of inputTokens
    int64_t costPicoUsd = 0;
    int64_t costSpans = 0;
    const void *latency = nullptr;
    size_t latencySize = 0;
};

// A trace, user or session ranked by what it cost.
struct CostlyItem {
    std::string id;
    std::string label; // a trace's root service and name; empty for users and sessions
    std::string workspace;
    int64_t startNs = 0; // a trace's start; a session's first trace
    double costUsd = 0;
    int64_t tokens = 0; // input + output (cached input tokens are part of input)
    int64_t count = 0;  // a session's traces, a user's LLM calls
};

// LLM calls sharing one prompt hash (the model and the input messages, byte-identical once normalised).
struct PromptGroup {
    int64_t hash = 0;
    std::string workspace;
    int64_t calls = 0;
    int64_t costPicoUsd = 0;
    int64_t inputTokens = 0;
    int64_t cachedInputTokens = 0; // a part of inputTokens
    // The first call of the group in the range: the sample shown and the trace opened.
    std::string traceId;
    std::string model;
    std::string messages; // its stored messages JSON
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
    // Whole minutes inside the range are read from the writer's rollups (percentiles from their merged
    // histograms); the partial minutes at the range's ends, or a range within two minutes, from the spans.
    // traces: a trace counts in the minute its earliest span of that group starts (MetricsRollup), plus
    // the distinct traces among the spans read at the ends (a trace with spans both there and in the whole
    // minutes can count twice).
    std::vector<MetricsGroup> metrics(const std::string &workspace, MetricsGrouping grouping,
                                      std::optional<int64_t> fromNs, std::optional<int64_t> toNs,
                                      std::string *error);

    // The read connection, for query classes of their own (ServiceMap). Same thread rule.
    Database &database() const { return *m_db; }
    // Visits the rollup rows of one grouping in buckets [fromBucket, toBucket) — minutes, or hours from
    // metric_rollups_hourly; an empty workspace visits every workspace. A visitor returning false stops with
    // an error ("…: a latency histogram … damaged").
    enum class RollupTable { Minutes, Hours };
    using RollupVisitor = std::function<bool(const RollupRow &row)>;
    bool forEachRollup(const std::string &workspace, MetricsGrouping grouping, int64_t fromBucket,
                       int64_t toBucket, const RollupVisitor &visit, std::string *error,
                       RollupTable table = RollupTable::Minutes);
    // The first and last minute with rollups (every span has a service row); nullopt for an empty store.
    std::optional<std::pair<int64_t, int64_t>> rollupExtent(const std::string &workspace, std::string *error);
    // The most expensive traces starting in [fromNs, toNs), and the sessions whose traces cost most there.
    // An empty workspace ranks over every workspace.
    std::vector<CostlyItem> costliestTraces(const std::string &workspace, int64_t fromNs, int64_t toNs,
                                            int limit, std::string *error);
    std::vector<CostlyItem> costliestSessions(const std::string &workspace, int64_t fromNs, int64_t toNs,
                                              int limit, std::string *error);

    // Prompt hashes used by at least two LLM calls starting in [fromNs, toNs), the costliest `limit` first;
    // an empty workspace groups over every workspace (a hash is per workspace).
    std::vector<PromptGroup> repeatedPrompts(const std::string &workspace, int64_t fromNs, int64_t toNs,
                                             int limit, std::string *error);
    // Since when spans carry a prompt hash: 0 when every stored span has one (a store created with them),
    // else when the store was upgraded (the spans stored before have none).
    int64_t promptHashesFromNs(std::string *error);

private:
    struct MetricsAccumulator;
    bool scanMetricSpans(const std::string &workspace, MetricsGrouping grouping, int64_t fromNs, int64_t toNs,
                         std::map<std::string, MetricsAccumulator> *byKey, std::string *error);
    bool readRollups(const std::string &workspace, MetricsGrouping grouping, int64_t fromBucket,
                     int64_t toBucket, std::map<std::string, MetricsAccumulator> *byKey, std::string *error);
    bool groupRangePrompts(const std::string &workspace, int64_t fromNs, int64_t toNs,
                           std::vector<PromptGroup> *groups, std::string *error);
    bool groupRolledUpPrompts(const std::string &workspace, int64_t fromNs, int64_t toNs,
                              std::vector<PromptGroup> *groups, std::string *error);
    std::vector<CostlyItem> readCostlyItems(const std::string &sql, const std::string &workspace,
                                            int64_t fromNs, int64_t toNs, int limit, const char *what,
                                            std::string *error);
    std::vector<Span> readSpans(const std::string &whereSql, const std::vector<std::string> &values,
                                const std::string &workspace, std::string *error);
    explicit StoreReader(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace tracedeck

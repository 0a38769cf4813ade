#pragma once

#include "storereader.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// What the cost dashboard stacks its cost and token charts by. Workspace puts one series per workspace
// and makes every chart cover all workspaces.
enum class DashboardStack { Model, Provider, Service, User, Workspace };

struct DashboardQuery {
    std::string workspace = "local";
    std::optional<int64_t> fromNs; // none: from the first stored minute
    std::optional<int64_t> toNs;   // none: to the end of the last stored minute
    DashboardStack stackBy = DashboardStack::Model;
    int topKeys = 8; // series beyond these are summed as "other"
    int topItems = 10;
};

// One stacked series: cost and tokens per time bucket of a model, provider, service, user or workspace.
struct DashboardSeries {
    std::string key; // kOther or kNone for the summed rest and for spans without the key
    std::vector<double> costUsd;
    std::vector<int64_t> tokens; // input + output: cached input tokens are part of input, never added
    double totalCostUsd = 0;
    int64_t totalTokens = 0;
};

struct DashboardLatency {
    std::string key;
    int64_t spans = 0;
    int64_t p50Ns = 0;
    int64_t p95Ns = 0;
    int64_t p99Ns = 0;
};

// Every chart of the cost dashboard over one range, computed from the writer's per-minute rollups
// (metric_rollups) and, for the top traces and sessions, the traces table. The range is widened to whole
// minutes; buckets are chosen so the range shows as 60–120 points where it can (1 minute … 1 day).
struct DashboardData {
    static inline const std::string kOther = "other";
    static inline const std::string kNone = "(none)";

    int64_t fromNs = 0; // the first bucket's start
    int64_t bucketNs = 0;
    int buckets = 0;
    std::vector<DashboardSeries> series; // by total cost, descending; then other, then (none)
    std::vector<int64_t> llmCalls;       // spans with a model, per bucket
    std::vector<int64_t> llmErrors;
    std::vector<DashboardLatency> modelLatency; // by spans, descending
    std::vector<DashboardLatency> serviceLatency;
    std::vector<CostlyItem> topTraces;
    std::vector<CostlyItem> topUsers;
    std::vector<CostlyItem> topSessions;
    double totalCostUsd = 0;
    int64_t inputTokens = 0; // cached input tokens included once: they are a part of input tokens
    int64_t outputTokens = 0;
    int64_t totalLlmCalls = 0;
    int64_t totalLlmErrors = 0;

    int64_t bucketStart(int i) const { return fromNs + int64_t(i) * bucketNs; }
    int64_t toNs() const { return fromNs + int64_t(buckets) * bucketNs; }
    // False when the range holds no LLM call and no cost: the dashboard then says so instead of charting.
    bool hasLlmData() const { return totalLlmCalls > 0 || totalCostUsd > 0; }

    // A bucket size from 1 minute to 1 day giving at most 120 buckets over rangeNs (1 day beyond 120 days).
    static int64_t bucketFor(int64_t rangeNs);
    // Reads everything; on failure returns an empty result and sets *error.
    static DashboardData compute(StoreReader &reader, const DashboardQuery &query, std::string *error);
};

} // namespace tracedeck

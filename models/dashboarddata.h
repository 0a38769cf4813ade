#pragma once

#include "storereader.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// What the cost dashboard stacks its cost and token charts by. Workspace puts one series per workspace
// and makes every chart cover all workspaces.
enum class DashboardStack { Model, Provider, Service, User, Workspace };

// A model's input prices, for the savings estimate (from the pricing table, which lives in ingest/).
struct InputPrice {
    double inputPerMillion = 0;
    double cachedInputPerMillion = 0; // equal to inputPerMillion when the model has no cached price
};

struct DashboardQuery {
    std::string workspace = "local";
    std::optional<int64_t> fromNs; // none: from the first stored minute
    std::optional<int64_t> toNs;   // none: to the end of the last stored minute
    DashboardStack stackBy = DashboardStack::Model;
    int topKeys = 8; // series beyond these are summed as "other"
    int topItems = 10;
    // The pricing table's input prices of a model; unset or nullopt: not known.
    std::function<std::optional<InputPrice>(const std::string &model)> inputPrice;
};

// A prompt sent again: LLM calls of one model with byte-identical normalised input messages.
struct PromptRepeat {
    std::string model;
    std::string workspace;
    std::string traceId; // of the first call in the range
    std::string sample;  // the first user message of the first call (whole; views elide it)
    int64_t calls = 0;
    double costUsd = 0; // what all the calls cost
    // What caching all calls but the first would have saved. With a cached-input price below the input
    // price: their uncached input tokens at the difference (provider prompt caching). Otherwise (no such
    // price, or the model is not in the table): their whole cost (a response cache answers them).
    double savingUsd = 0;
    bool promptCache = false; // the saving is the prompt-caching estimate
};

// One model's part of the cost, and how much of its input was read from the provider's cache.
struct ModelShare {
    std::string model;
    double costUsd = 0;
    double share = 0; // of the cost of every model in the range, 0…1; the shares sum to 1
    int64_t inputTokens = 0;
    int64_t cachedInputTokens = 0; // a part of inputTokens
    double cachedRatio() const
    {
        return inputTokens > 0 ? double(cachedInputTokens) / double(inputTokens) : 0;
    }
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
    int64_t cachedInputTokens = 0; // a part of inputTokens
    // Savings hints: the costliest repeated prompts (topItems), the cost by model (descending).
    std::vector<PromptRepeat> repeatedPrompts;
    std::vector<ModelShare> modelShares;
    int64_t promptHashesFromNs = 0; // spans stored before have no prompt hash (0: every span has one)

    double cachedRatio() const
    {
        return inputTokens > 0 ? double(cachedInputTokens) / double(inputTokens) : 0;
    }
    double savingUsd() const;

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

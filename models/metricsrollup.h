#pragma once

#include "database.h"
#include "latencyhistogram.h"
#include "promptrollup.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

struct sqlite3;

namespace tracedeck {

struct Span;

enum class MetricsGrouping { Service = 0, Model = 1, Provider = 2, User = 3 };
constexpr int kMetricsGroupings = 4;

// What one span adds to the rollups: its minute, duration, status, group keys, tokens and cost.
struct RollupSpan {
    int64_t startNs = 0;
    int64_t endNs = 0;
    bool error = false;
    // service, model, provider, user — in MetricsGrouping order. A span always has a service (possibly
    // empty, as stored); an empty model, provider or user means the span has none.
    std::string keys[kMetricsGroupings];
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    int64_t cachedInputTokens = 0; // a part of inputTokens, at most all of it
    std::optional<double> costUsd;
    std::optional<int64_t> promptHash; // LLM calls: their prompt (PromptRollup)

    static RollupSpan of(const Span &span);
    bool hasKey(int grouping) const { return grouping == 0 || !keys[grouping].empty(); }
};

// Per-minute aggregates of spans by workspace × grouping (service, model, provider, user) × group key, kept
// by the writer in the same transaction as the span rows (table metric_rollups): spans, errors, tokens
// (input, output, and the cached part of input),
// cost (integer picodollars, so adding and removing a span is exact in any order, and the number of spans
// with a known cost), a latency histogram, and traces.
//
// Traces rule: distinct counts do not add across minutes, so a trace counts for a group once, in the minute
// where its earliest span of that group starts. Summed over any whole-minute range that is exactly the
// number of traces whose first span of that group starts in the range; over the whole store it is the
// distinct count. Inserts, updates and purges recompute the anchor of every trace they touch.
//
// The same aggregates per hour (table metric_rollups_hourly, bucket = hours since the epoch) are kept beside
// the minutes, so a month reads ~700 rows per key instead of ~43,000: every delta is added to both.
//
// The calls per prompt hash (PromptRollup) are kept alongside.
//
// Deltas are gathered in memory and written by flush() inside the caller's transaction.
class MetricsRollup {
public:
    static constexpr int64_t kBucketNs = 60'000'000'000;
    static constexpr int64_t kMinutesPerHour = 60;
    static int64_t bucketOf(int64_t ns);         // floor(ns / kBucketNs)
    static int64_t hourOf(int64_t minuteBucket); // floor(minuteBucket / 60)
    static int64_t toPicoUsd(double usd);
    static const char *keyColumn(MetricsGrouping grouping);
    // td_minute(ns), td_latency_hist(duration) (aggregate), td_hist_add(blob, blob) and td_hist_merge(blob)
    // (aggregate), used by the migrations that backfill the rollups and by the rollup upsert.
    static bool registerFunctions(sqlite3 *db, std::string *error);

    explicit MetricsRollup(Database &db);
    bool prepare(std::string *error);

    // Adds (sign +1) or removes (sign -1) one span's contribution.
    void addSpan(const std::string &workspace, const RollupSpan &span, int sign);
    // Adds or removes the trace counts of one trace whose spans (all of them) are given.
    void addTraceAnchors(const std::string &workspace, const std::vector<RollupSpan> &spans, int sign);
    // Removes everything a stored trace contributes, reading its spans; their row ids go to *rowIds.
    bool removeStoredTrace(const std::string &workspace, const std::string &traceId,
                           std::vector<int64_t> *rowIds, std::string *error);
    // Writes the gathered deltas (rows that reach zero spans are deleted) and clears them.
    bool flush(std::string *error);

private:
    struct Key {
        std::string workspace;
        int grouping;
        int64_t bucket;
        std::string key;
        bool operator<(const Key &o) const
        {
            return std::tie(workspace, grouping, bucket, key) <
                   std::tie(o.workspace, o.grouping, o.bucket, o.key);
        }
    };
    struct Delta {
        int64_t spans = 0;
        int64_t errors = 0;
        int64_t traces = 0;
        int64_t inputTokens = 0;
        int64_t outputTokens = 0;
        int64_t cachedInputTokens = 0;
        int64_t costPicoUsd = 0;
        int64_t costSpans = 0;
        LatencyHistogram latency;
    };

    bool write(const std::map<Key, Delta> &deltas, Statement &upsert, Statement &dropEmpty);

    Database &m_db;
    Statement m_upsert;
    Statement m_dropEmpty;
    Statement m_upsertHour;
    Statement m_dropEmptyHour;
    Statement m_traceSpans;
    std::map<Key, Delta> m_deltas;
    PromptRollup m_prompts;
};

} // namespace tracedeck

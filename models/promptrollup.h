#pragma once

#include "database.h"

#include <climits>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

namespace tracedeck {

struct RollupSpan;

// Per workspace and prompt hash (table prompt_rollups): how many LLM calls sent that prompt, their cost
// (integer picodollars), input and cached input tokens, and bounds of their start times, kept by the writer
// in the same transaction as the spans (MetricsRollup calls it). The dashboard's repeated prompts over a
// long range read the few groups called twice or more instead of walking every hashed span.
//
// first_start_ns and last_start_ns only widen: removing a span leaves them where they were, so they bound
// the group's calls without being exact. A range covering both holds every call of the group; the reader
// counts the others from the spans.
class PromptRollup {
public:
    explicit PromptRollup(Database &db);
    bool prepare(std::string *error);

    // Adds (sign +1) or removes (sign -1) one span's call; a span without a prompt hash adds nothing.
    void addSpan(const std::string &workspace, const RollupSpan &span, int sign);
    // Writes the gathered deltas inside the caller's transaction (groups left without calls are deleted).
    bool flush(std::string *error);
    // Drops the gathered deltas (their transaction was rolled back).
    void clear() { m_deltas.clear(); }

private:
    struct Delta {
        int64_t calls = 0;
        int64_t costPicoUsd = 0;
        int64_t costSpans = 0;
        int64_t inputTokens = 0;
        int64_t cachedInputTokens = 0;
        int64_t firstStartNs = INT64_MAX;
        int64_t lastStartNs = INT64_MIN;
    };

    Database &m_db;
    Statement m_upsert;
    Statement m_dropEmpty;
    std::map<std::pair<std::string, int64_t>, Delta> m_deltas;
};

} // namespace tracedeck

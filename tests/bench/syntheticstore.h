#pragma once

#include "spanwriter.h"

#include <QString>

#include <cstdint>

namespace tracedeck {

// Fills a store with synthetic traces for benchmarks: each trace a tree of spansPerTrace spans over
// `services` services, every fifth span (llmEvery) an LLM call on one of `models` models, about 1% errors, a
// user on a third of the traces and a request id (`req-N`) on every root.
class SyntheticStore {
public:
    struct Shape {
        int spansPerTrace = 20;
        int services = 10;
        int models = 4;
        int llmEvery = 5;                    // every Nth span of a trace (the 5th, 10th, …) is an LLM call
        int64_t traceSpacingNs = 50'000'000; // between trace starts
        int sessions = 0;                    // > 0: every root carries one of this many session ids
        // > 0: LLM calls carry a prompt hash; one in five repeats one of this many prompts, the rest are
        // unique.
        int repeatedPrompts = 0;
    };
    static SpanBatch traces(int64_t firstTrace, int count, const Shape &shape);
    static bool fill(const QString &path, int64_t spans, const Shape &shape);
};

} // namespace tracedeck

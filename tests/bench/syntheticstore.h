#pragma once

#include "spanwriter.h"

#include <QString>

#include <cstdint>

namespace tracedeck {

// Fills a store with synthetic traces for benchmarks: each trace a tree of spansPerTrace spans over
// `services` services, every fifth span an LLM call on one of `models` models, about 1% errors, a user on
// a third of the traces and a request id (`req-N`) on every root.
class SyntheticStore {
public:
    struct Shape {
        int spansPerTrace = 20;
        int services = 10;
        int models = 4;
    };
    static SpanBatch traces(int64_t firstTrace, int count, const Shape &shape);
    static bool fill(const QString &path, int64_t spans, const Shape &shape);
};

} // namespace tracedeck

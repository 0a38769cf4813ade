#pragma once

#include "span.h"

#include <string>
#include <vector>

namespace tracedeck {

// A span with its JSON columns already serialized, ready to bind. Encoding happens on the submitting
// thread (the listener, an importer), so the single writer thread spends its time in SQLite only.
struct EncodedSpan {
    Span span; // its JSON members are released once serialized below
    std::string attributes;
    std::string events;   // empty: NULL
    std::string links;    // empty: NULL
    std::string resource; // empty: NULL
    std::string scope;    // empty: NULL
    std::string messages; // empty: NULL

    static EncodedSpan encode(Span &&span);
};

using EncodedBatch = std::vector<EncodedSpan>;

EncodedBatch encodeBatch(SpanBatch &&spans);

} // namespace tracedeck

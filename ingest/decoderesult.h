#pragma once

#include "span.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tracedeck {

// What a decoder made of one body: the valid spans, and what it rejected and why.
struct DecodeResult {
    SpanBatch spans;
    int64_t rejectedSpans = 0;
    std::vector<std::string> errors; // one line per problem, each naming the field ("spanId: …")
    std::string fatalError;          // non-empty when the body as a whole could not be decoded

    bool ok() const { return fatalError.empty(); }
    void reject(std::string message)
    {
        ++rejectedSpans;
        if (errors.size() < kMaxErrors)
            errors.push_back(std::move(message));
    }
    // A readable summary for partialSuccess.errorMessage and CLI output.
    std::string errorSummary() const;

    static constexpr size_t kMaxErrors = 20;
};

} // namespace tracedeck

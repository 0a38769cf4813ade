#pragma once

#include "decoderesult.h"

#include <cstddef>
#include <string>
#include <unordered_set>
#include <vector>

namespace tracedeck {

// What a seed-API decoder made of one body: DecodeResult for the store path, plus the per-record view the
// seed APIs answer with (records are REST hops, LLM calls or whole traces, not spans).
struct SeedDecodeResult {
    struct Rejection {
        size_t index = 0; // position of the record in the body (0 for a single record)
        std::string error;
    };

    DecodeResult decoded;
    std::vector<Rejection> rejections; // at most kMaxRejections; decoded.rejectedSpans counts them all
    std::vector<std::string> traceIds; // of the stored records, first-seen order, no repeats
    std::unordered_set<std::string> seenTraceIds;
    size_t acceptedRecords = 0;
    size_t rejectedRecords = 0;

    void reject(size_t index, std::string error, int64_t spans = 1);
    void addTraceId(const std::string &traceId);
    // The rejected records' errors joined by "; " (DecodeResult's summary counts spans, not records).
    std::string errorSummary() const;

    static constexpr size_t kMaxRejections = 100;
};

} // namespace tracedeck

#pragma once

#include "seeddecoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes the Path Tracker seed's records: POST /api/v1/tracker/rest (one REST hop) and
// POST /api/v1/tracker/llm (one LLM call), each a JSON object or an array of them. Every valid record
// becomes one span of trace request_id; invalid records are rejected one by one, naming the field.
class TrackerDecoder {
public:
    enum class Kind { Rest, Llm };
    static SeedDecodeResult decode(std::string_view body, Kind kind);
};

} // namespace tracedeck

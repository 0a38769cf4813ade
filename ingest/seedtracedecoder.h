#pragma once

#include "seeddecoderesult.h"

#include <cstdint>
#include <string_view>

namespace tracedeck {

// Decodes the seed's trace API: POST /api/v1/traces (one trace object with its spans) and
// POST /api/v1/traces/batch ({"traces": [...]} or a JSON array of traces). A trace is the record: one bad
// field rejects that trace, naming the field ("traces[1].spans[2].duration_ms: not a number"), and the
// other traces of a batch are kept. Spans without start_time are laid out from the trace start and their
// durations: children from their parent's start, siblings one after another.
class SeedTraceDecoder {
public:
    enum class Shape { Single, Batch };
    // nowNs: the trace start when neither the trace nor any span says when it started.
    static SeedDecodeResult decode(std::string_view body, Shape shape, int64_t nowNs);
};

} // namespace tracedeck

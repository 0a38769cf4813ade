#pragma once

#include "redactor.h"
#include "span.h"

namespace tracedeck {

// The traces bundled for a first look: a multi-service REST request, an agent run with LLM calls, tool
// calls and an error, and a streaming LLM call. Each is moved in time so it ended a moment ago, and
// normalized like any ingested span.
class SampleTraces {
public:
    static SpanBatch load(int64_t nowNs, const Redactor::Rules &redaction = {});
};

} // namespace tracedeck

#pragma once

#include "decoderesult.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tracedeck {

// Decodes Jaeger UI / query-service JSON: the envelope {data: [trace…]}, a bare trace
// {traceID, spans, processes} or an array of traces. CHILD_OF within the trace is the parent; FOLLOWS_FROM,
// further CHILD_OF and references into other traces become links. Typed tags become attributes, logs
// events, the span's process its service and resource. Ids stay as written (lowercased, not padded).
// Two different spans under one id in a trace are both kept, the later under a derived id, with a warning.
class JaegerDecoder {
public:
    static DecodeResult decode(std::string_view body);
    // One trace object; `position` names it in messages ("data[3]"). Appends to `into`.
    static void decodeTrace(nlohmann::json &trace, const std::string &position, DecodeResult &into);
};

} // namespace tracedeck

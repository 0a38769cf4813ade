#pragma once

#include "decoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes Chrome Trace Event JSON (a bare array, {traceEvents: […]}, or the unterminated array the format
// allows for traces cut off mid-write). X complete events and B/E pairs (a stack per pid/tid) become spans;
// async b/e (and legacy S/F) pairs become spans of their own; instant i/I and async n events become
// zero-length spans; flow s/t/f events become links between the slices they sit in; M metadata names the
// service (process_name) and thread (thread_name). A slice's parent is the innermost slice of the same
// thread whose time range contains it. One trace per file, its id derived from the content.
class ChromeTraceDecoder {
public:
    static DecodeResult decode(std::string_view body);
};

} // namespace tracedeck

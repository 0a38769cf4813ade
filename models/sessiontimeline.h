#pragma once

#include "timelinespan.h"

#include <string>
#include <string_view>

namespace tracedeck {

class StoreReader;

// The traces of one session (traces.session_id) as one timeline, to compare one session of an agent with
// another: a root span for the session with each trace's roots under it in start order, so the alignment
// matches the sessions trace by trace and then span by span. Span ids become trace id + US + span id
// (spanKey; the ASCII unit separator appears in no id a client sends) so ids repeated across traces stay
// apart.
class SessionTimeline {
public:
    static constexpr int kMaxTraces = 1000; // a longer session is cut (and *truncated is set)
    static constexpr std::string_view kRootService = "session";
    static constexpr char kSeparator = '\x1f';

    static TimelineSpans load(StoreReader &reader, const std::string &workspace, const std::string &sessionId,
                              bool *truncated, std::string *error);

    static std::string spanKey(std::string_view traceId, std::string_view spanId);
    // The trace and span a key names; false for the session's own root.
    static bool splitKey(std::string_view key, std::string *traceId, std::string *spanId);
};

} // namespace tracedeck

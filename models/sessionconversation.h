#pragma once

#include "conversation.h"

#include <string>

namespace tracedeck {

class StoreReader;

// Reads what the conversation view needs from the store: the LLM calls of one trace, or of every trace of
// its session (traces.session_id) as one conversation, oldest trace first. Runs on a reader thread.
class SessionConversation {
public:
    // A longer session shows its first kMaxTraces traces (Conversation::totalTraces says how many it has):
    // every span of each is read with its messages, so the cap is lower than SessionTimeline's.
    static constexpr int kMaxTraces = 100;

    static Conversation load(StoreReader &reader, const std::string &workspace, const std::string &sessionId,
                             std::string *error, int maxTraces = kMaxTraces);
    // The session of a trace; empty when it has none (or the trace is unknown).
    static std::string sessionOf(StoreReader &reader, const std::string &workspace,
                                 const std::string &traceId, std::string *error);
    // Changes whenever a trace of the session is added or written to (its traces, spans and last write).
    static std::string stamp(StoreReader &reader, const std::string &workspace, const std::string &sessionId,
                             std::string *error);
    // Whether the trace has an LLM call, without reading its spans' JSON.
    static bool hasLlmCalls(StoreReader &reader, const std::string &workspace, const std::string &traceId,
                            std::string *error);
};

} // namespace tracedeck

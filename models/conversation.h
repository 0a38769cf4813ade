#pragma once

#include "span.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <vector>

namespace tracedeck {

// A tool call an LLM asked for, and the tool span that ran it (when one is found).
struct ConversationToolCall {
    QString id;
    QString name;
    QString arguments;  // pretty-printed when it is JSON
    QString toolSpanId; // empty: no tool span ran it (or none was recorded)
    QString result;     // the tool span's output, pretty-printed when it is JSON
    QString error;      // the tool span's error, empty when it succeeded
    int64_t toolStartNs = 0;
    int64_t toolEndNs = 0;
    bool linkedById = false; // false: linked by tool name and time order
};

struct ConversationMessage {
    QString role; // system, user, assistant, tool
    QString content;
    std::vector<ConversationToolCall> toolCalls;
    QString toolCallId;
    QString spanId;  // the span clicking this message selects
    QString traceId; // and its trace (a session's conversation spans several)
};

// An earlier call that failed and was sent again with the same input.
struct ConversationAttempt {
    QString spanId;
    QString error;
    int64_t startNs = 0;
    int64_t endNs = 0;
    std::optional<int64_t> inputTokens; // a failed call may still be billed: kept for the totals
    std::optional<int64_t> outputTokens;
    std::optional<double> costUsd;
};

// One LLM call: what it was sent, what it answered, and what it cost.
struct ConversationTurn {
    QString spanId;
    QString traceId;
    QString spanName;
    int64_t startNs = 0;
    int64_t endNs = 0;
    QString model;
    std::optional<int64_t> inputTokens; // includes cached input tokens
    std::optional<int64_t> outputTokens;
    std::optional<int64_t> cachedInputTokens;
    std::optional<double> costUsd;
    std::optional<double> ttftMs;
    QString finishReason;
    bool error = false;
    QString errorMessage;
    std::vector<ConversationMessage> input; // the whole prompt as sent
    // input[newFrom…] is what is new since the previous call of the same conversation (which already showed
    // the rest, its own reply included); 0 when the call starts a conversation.
    int newFrom = 0;
    int previousTurn = -1; // the turn this one continues, -1 if none
    std::vector<ConversationMessage> output;
    std::vector<ConversationAttempt> retries; // failed attempts before this one, oldest first

    int64_t latencyNs() const { return endNs - startNs; }
};

// A trace of a session's conversation: what its separator shows.
struct ConversationTrace {
    QString traceId;
    QString name;
    int64_t startNs = 0;
    std::optional<double> costUsd;
};

// The LLM calls of a trace as a conversation, in time order (built off the GUI thread, immutable after).
class Conversation {
public:
    static Conversation build(const std::vector<Span> &spans);
    // The LLM calls of several traces of one session as one conversation: `spans` holds every span of
    // `traces` (oldest trace first), so a turn's prompt is deduplicated against the previous trace's call
    // too. totalTraces: how many traces the session has (more than traces.size() when it was cut).
    static Conversation buildSession(const std::vector<Span> &spans, std::vector<ConversationTrace> traces,
                                     int totalTraces);

    bool isSession() const { return m_session; }
    const std::vector<ConversationTrace> &traces() const { return m_traces; }
    int totalTraces() const { return m_totalTraces; }
    const ConversationTrace *trace(const QString &traceId) const;

    const std::vector<ConversationTurn> &turns() const { return m_turns; }
    int count() const { return int(m_turns.size()); }
    bool isEmpty() const { return m_turns.empty(); }
    // The turn whose call, retry or tool call is this span (of this trace, when traceId is given); -1 if
    // none.
    int turnOfSpan(const QString &spanId, const QString &traceId = {}) const;

    int64_t totalInputTokens() const;
    int64_t totalOutputTokens() const;
    std::optional<double> totalCostUsd() const;

private:
    std::vector<ConversationTurn> m_turns;
    std::vector<ConversationTrace> m_traces;
    int m_totalTraces = 0;
    bool m_session = false;
};

} // namespace tracedeck

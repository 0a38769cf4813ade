#include "conversation.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace tracedeck {

using nlohmann::json;

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

// Arguments and results are often JSON text: shown indented when they parse, as given otherwise.
QString prettyJson(const json &value)
{
    if (value.is_null())
        return {};
    if (!value.is_string())
        return qs(value.dump(2, ' ', false, json::error_handler_t::replace));
    const std::string &text = value.get_ref<const std::string &>();
    const json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !(parsed.is_object() || parsed.is_array()))
        return qs(text);
    return qs(parsed.dump(2, ' ', false, json::error_handler_t::replace));
}

std::string stringOf(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return {};
    return it->is_string() ? it->get<std::string>() : it->dump();
}

// The first attribute of `keys` the span carries.
const json *attribute(const Span &span, std::initializer_list<const char *> keys)
{
    for (const char *key : keys) {
        const auto it = span.attributes.find(key);
        if (it != span.attributes.end() && !it->is_null())
            return &*it;
    }
    return nullptr;
}

std::string attributeString(const Span &span, std::initializer_list<const char *> keys)
{
    const json *value = attribute(span, keys);
    if (!value)
        return {};
    return value->is_string() ? value->get<std::string>() : value->dump();
}

QString spanError(const Span &span)
{
    if (span.status != SpanStatus::Error)
        return {};
    if (!span.statusMessage.empty())
        return qs(span.statusMessage);
    for (const json &event : span.events) {
        if (event.value("name", std::string()) != "exception")
            continue;
        const json attrs = event.value("attributes", json::object());
        if (attrs.is_object()) {
            const std::string message = stringOf(attrs, "exception.message");
            const std::string type = stringOf(attrs, "exception.type");
            if (!message.empty() || !type.empty())
                return qs(type.empty() ? message : message.empty() ? type : type + ": " + message);
        }
    }
    return QStringLiteral("error");
}

// Two messages are the same one re-sent when role, text, tool calls and tool call id match; the
// normalizer's "output" mark does not count.
bool sameMessage(const json &a, const json &b)
{
    for (const char *key : {"content", "role", "tool_calls", "tool_call_id"}) {
        const auto x = a.find(key);
        const auto y = b.find(key);
        const bool hasX = x != a.end();
        if (hasX != (y != b.end()) || (hasX && *x != *y))
            return false;
    }
    return true;
}

std::size_t commonPrefix(const json &a, const json &b)
{
    std::size_t n = 0;
    while (n < a.size() && n < b.size() && sameMessage(a[n], b[n]))
        ++n;
    return n;
}

ConversationMessage toMessage(const json &m, const QString &spanId, const QString &traceId)
{
    ConversationMessage message;
    message.traceId = traceId;
    message.role = qs(stringOf(m, "role"));
    message.content = qs(stringOf(m, "content"));
    message.toolCallId = qs(stringOf(m, "tool_call_id"));
    message.spanId = spanId;
    if (const auto calls = m.find("tool_calls"); calls != m.end() && calls->is_array()) {
        for (const json &c : *calls) {
            ConversationToolCall call;
            call.id = qs(stringOf(c, "id"));
            call.name = qs(stringOf(c, "name"));
            call.arguments = prettyJson(c.value("arguments", json()));
            message.toolCalls.push_back(std::move(call));
        }
    }
    return message;
}

struct LlmCall {
    const Span *span;
    json input = json::array();
    json output = json::array();
};

struct ToolSpan {
    const Span *span;
    std::string callId;
    std::string toolName;
    bool claimed = false;
};

bool toolNameMatches(const ToolSpan &tool, const std::string &name)
{
    if (name.empty())
        return false;
    if (!tool.toolName.empty())
        return tool.toolName == name;
    // No tool name attribute: the span name is the tool name, or ends with it ("execute_tool NAME").
    const std::string &spanName = tool.span->name;
    return spanName == name || (spanName.size() > name.size() && spanName.ends_with(name) &&
                                spanName[spanName.size() - name.size() - 1] == ' ');
}

// A session's conversation holds several traces: a tool call runs in the trace of the call that asked for it.
bool sameTrace(const ToolSpan &tool, const ConversationTurn &turn)
{
    return turn.traceId == QLatin1String(tool.span->traceId.data(), qsizetype(tool.span->traceId.size()));
}

void link(ConversationToolCall &call, ToolSpan &tool, bool byId)
{
    tool.claimed = true;
    const Span &span = *tool.span;
    call.toolSpanId = qs(span.spanId);
    call.linkedById = byId;
    call.toolStartNs = span.startNs;
    call.toolEndNs = span.endNs;
    call.error = spanError(span);
    if (const json *result = attribute(span, {"gen_ai.tool.call.result", "output.value", "ai.toolCall.result",
                                              "tool.output", "traceloop.entity.output"}))
        call.result = prettyJson(*result);
}

} // namespace

Conversation Conversation::build(const std::vector<Span> &spans)
{
    std::vector<LlmCall> calls;
    std::vector<ToolSpan> tools;
    for (const Span &span : spans) {
        if (span.fields.category == "llm") {
            LlmCall call{&span};
            for (const json &m : span.fields.messages) {
                if (!m.is_object())
                    continue;
                (m.value("output", false) ? call.output : call.input).push_back(m);
            }
            calls.push_back(std::move(call));
        } else if (span.fields.category == "tool") {
            tools.push_back(ToolSpan{
                &span, attributeString(span, {"gen_ai.tool.call.id", "ai.toolCall.id", "tool_call.id"}),
                attributeString(span, {"gen_ai.tool.name", "ai.toolCall.name", "tool.name"})});
        }
    }
    const auto byStart = [](const auto &a, const auto &b) { return a.span->startNs < b.span->startNs; };
    std::stable_sort(calls.begin(), calls.end(), byStart);
    std::stable_sort(tools.begin(), tools.end(), byStart);

    Conversation conversation;
    std::vector<const LlmCall *> callOfTurn;
    for (const LlmCall &call : calls) {
        const Span &span = *call.span;
        const ExtractedFields &f = span.fields;
        ConversationTurn turn;
        turn.spanId = qs(span.spanId);
        turn.traceId = qs(span.traceId);
        turn.spanName = qs(span.name);
        turn.startNs = span.startNs;
        turn.endNs = span.endNs;
        turn.model = qs(f.model);
        turn.inputTokens = f.inputTokens;
        turn.outputTokens = f.outputTokens;
        turn.cachedInputTokens = f.cachedInputTokens;
        turn.costUsd = f.costUsd;
        turn.ttftMs = f.ttftMs;
        turn.finishReason = qs(f.finishReason);
        turn.error = span.status == SpanStatus::Error;
        turn.errorMessage = spanError(span);
        for (const json &m : call.input)
            turn.input.push_back(toMessage(m, turn.spanId, turn.traceId));
        for (const json &m : call.output)
            turn.output.push_back(toMessage(m, turn.spanId, turn.traceId));

        // A retry: the latest turn failed and this call sends it the same input again.
        if (!callOfTurn.empty()) {
            ConversationTurn &last = conversation.m_turns.back();
            if (last.error && !call.input.empty() && callOfTurn.back()->input == call.input) {
                turn.retries = std::move(last.retries);
                turn.retries.push_back({last.spanId, last.errorMessage, last.startNs, last.endNs,
                                        last.inputTokens, last.outputTokens, last.costUsd});
                conversation.m_turns.pop_back();
                callOfTurn.pop_back();
            }
        }
        conversation.m_turns.push_back(std::move(turn));
        callOfTurn.push_back(&call);
    }

    // What is new in each prompt: the earlier call sharing the longest prefix with it is the one it
    // continues (parallel agents in one trace each continue their own); that call's prompt and reply are
    // not shown again. SDKs often re-send the reply in their own words (a tool call as text), so a message of
    // the reply's role right after the previous prompt counts as that reply.
    constexpr int kLookBack = 64;
    for (int i = 0; i < conversation.count(); ++i) {
        ConversationTurn &turn = conversation.m_turns[i];
        const json &input = callOfTurn[i]->input;
        std::size_t best = 0;
        int previous = -1;
        for (int j = i - 1; j >= 0 && j >= i - kLookBack; --j) {
            const std::size_t p = commonPrefix(input, callOfTurn[j]->input);
            if (p > best) {
                best = p;
                previous = j;
            }
            if (p > 0 && p == callOfTurn[j]->input.size())
                break; // the latest call whose whole prompt this one re-sends: the one it continues
        }
        if (previous < 0)
            continue;
        const LlmCall &prev = *callOfTurn[previous];
        std::size_t from = best;
        if (from == prev.input.size()) {
            for (std::size_t k = 0; k < prev.output.size() && from < input.size(); ++k, ++from) {
                if (!sameMessage(input[from], prev.output[k]) &&
                    input[from].value("role", std::string()) != prev.output[k].value("role", std::string()))
                    break;
            }
        }
        turn.newFrom = int(from);
        turn.previousTurn = previous;
    }

    // Tool calls to the spans that ran them: by call id first, then by name, the first such span starting
    // after the call began.
    for (ConversationTurn &turn : conversation.m_turns) {
        for (ConversationMessage &message : turn.output) {
            for (ConversationToolCall &call : message.toolCalls) {
                if (call.id.isEmpty())
                    continue;
                const std::string id = call.id.toStdString();
                for (ToolSpan &tool : tools) {
                    if (!tool.claimed && tool.callId == id && sameTrace(tool, turn)) {
                        link(call, tool, true);
                        break;
                    }
                }
            }
        }
    }
    for (ConversationTurn &turn : conversation.m_turns) {
        for (ConversationMessage &message : turn.output) {
            for (ConversationToolCall &call : message.toolCalls) {
                if (!call.toolSpanId.isEmpty())
                    continue;
                const std::string name = call.name.toStdString();
                for (ToolSpan &tool : tools) {
                    if (!tool.claimed && tool.callId.empty() && tool.span->startNs >= turn.startNs &&
                        sameTrace(tool, turn) && toolNameMatches(tool, name)) {
                        link(call, tool, false);
                        break;
                    }
                }
            }
        }
    }

    // Tool results re-sent in a later prompt select the tool span that produced them.
    std::map<QString, std::pair<QString, QString>> spanOfCall; // call id → trace and tool span
    for (const ConversationTurn &turn : conversation.m_turns) {
        for (const ConversationMessage &message : turn.output) {
            for (const ConversationToolCall &call : message.toolCalls) {
                if (!call.id.isEmpty() && !call.toolSpanId.isEmpty())
                    spanOfCall.emplace(call.id, std::pair(turn.traceId, call.toolSpanId));
            }
        }
    }
    for (ConversationTurn &turn : conversation.m_turns) {
        for (ConversationMessage &message : turn.input) {
            if (message.role != QLatin1String("tool") || message.toolCallId.isEmpty())
                continue;
            if (const auto it = spanOfCall.find(message.toolCallId); it != spanOfCall.end())
                std::tie(message.traceId, message.spanId) = it->second;
        }
    }
    return conversation;
}

Conversation Conversation::buildSession(const std::vector<Span> &spans, std::vector<ConversationTrace> traces,
                                        int totalTraces)
{
    Conversation conversation = build(spans);
    conversation.m_session = true;
    conversation.m_traces = std::move(traces);
    conversation.m_totalTraces = std::max(totalTraces, int(conversation.m_traces.size()));
    return conversation;
}

const ConversationTrace *Conversation::trace(const QString &traceId) const
{
    for (const ConversationTrace &trace : m_traces) {
        if (trace.traceId == traceId)
            return &trace;
    }
    return nullptr;
}

int Conversation::turnOfSpan(const QString &spanId, const QString &traceId) const
{
    for (int i = 0; i < count(); ++i) {
        const ConversationTurn &turn = m_turns[i];
        if (!traceId.isEmpty() && turn.traceId != traceId)
            continue;
        if (turn.spanId == spanId)
            return i;
        for (const ConversationAttempt &attempt : turn.retries) {
            if (attempt.spanId == spanId)
                return i;
        }
        for (const ConversationMessage &message : turn.output) {
            for (const ConversationToolCall &call : message.toolCalls) {
                if (call.toolSpanId == spanId)
                    return i;
            }
        }
    }
    return -1;
}

int64_t Conversation::totalInputTokens() const
{
    int64_t total = 0;
    for (const ConversationTurn &turn : m_turns) {
        total += turn.inputTokens.value_or(0); // cached tokens are part of these: not added again
        for (const ConversationAttempt &attempt : turn.retries)
            total += attempt.inputTokens.value_or(0);
    }
    return total;
}

int64_t Conversation::totalOutputTokens() const
{
    int64_t total = 0;
    for (const ConversationTurn &turn : m_turns) {
        total += turn.outputTokens.value_or(0);
        for (const ConversationAttempt &attempt : turn.retries)
            total += attempt.outputTokens.value_or(0);
    }
    return total;
}

std::optional<double> Conversation::totalCostUsd() const
{
    std::optional<double> total;
    for (const ConversationTurn &turn : m_turns) {
        if (turn.costUsd)
            total = total.value_or(0.0) + *turn.costUsd;
        for (const ConversationAttempt &attempt : turn.retries) {
            if (attempt.costUsd)
                total = total.value_or(0.0) + *attempt.costUsd;
        }
    }
    return total;
}

} // namespace tracedeck

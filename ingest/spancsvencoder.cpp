#include "spancsvencoder.h"

#include "spanjson.h"

#include <initializer_list>
#include <optional>

namespace tracedeck {

namespace {

const char *statusName(SpanStatus status)
{
    return status == SpanStatus::Error ? "error" : status == SpanStatus::Ok ? "ok" : "unset";
}

template <typename T> std::string number(const std::optional<T> &value)
{
    if (!value)
        return {};
    if constexpr (std::is_floating_point_v<T>)
        return nlohmann::json(*value).dump(); // shortest text that reads back as the same double
    else
        return std::to_string(*value);
}

std::string line(std::initializer_list<std::string> fields)
{
    std::string out;
    bool first = true;
    for (const std::string &f : fields) {
        if (!first)
            out += ',';
        first = false;
        out += f;
    }
    out += "\r\n";
    return out;
}

} // namespace

std::string SpanCsvEncoder::field(const std::string &text)
{
    std::string value = text;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@'))
        value.insert(value.begin(), '\'');
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (const char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string SpanCsvEncoder::header()
{
    return line({"trace_id",         "span_id",       "parent_span_id",
                 "service",          "name",          "kind",
                 "start_time",       "start_ns",      "end_ns",
                 "duration_ms",      "status",        "status_message",
                 "category",         "http_method",   "http_url",
                 "status_code",      "provider",      "model",
                 "input_tokens",     "output_tokens", "cached_input_tokens",
                 "reasoning_tokens", "cost_usd",      "finish_reason",
                 "ttft_ms",          "request_id",    "user_id",
                 "session_id",       "attributes"});
}

std::string SpanCsvEncoder::row(const Span &s)
{
    const ExtractedFields &f = s.fields;
    return line({field(s.traceId),
                 field(s.spanId),
                 field(s.parentSpanId),
                 field(s.service),
                 field(s.name),
                 std::to_string(s.kind),
                 SpanJson::isoTime(s.startNs),
                 std::to_string(s.startNs),
                 std::to_string(s.endNs),
                 number(std::optional<double>(double(s.endNs - s.startNs) / 1e6)),
                 statusName(s.status),
                 field(s.statusMessage),
                 field(f.category),
                 field(f.httpMethod),
                 field(f.httpUrl),
                 number(f.statusCode),
                 field(f.provider),
                 field(f.model),
                 number(f.inputTokens),
                 number(f.outputTokens),
                 number(f.cachedInputTokens),
                 number(f.reasoningTokens),
                 number(f.costUsd),
                 field(f.finishReason),
                 number(f.ttftMs),
                 field(f.requestId),
                 field(f.userId),
                 field(f.sessionId),
                 field(s.attributes.dump())});
}

} // namespace tracedeck

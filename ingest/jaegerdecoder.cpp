#include "jaegerdecoder.h"

#include "boundedjson.h"
#include "otlpattributes.h"
#include "spanids.h"

#include <cmath>
#include <limits>
#include <unordered_map>

namespace tracedeck {

using nlohmann::json;

namespace {

constexpr int64_t kMaxMicros = std::numeric_limits<int64_t>::max() / 1000;

bool isBlank(std::string_view text)
{
    for (const char c : text)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return false;
    return true;
}

std::string lower(std::string text)
{
    for (char &c : text)
        if (c >= 'A' && c <= 'Z')
            c = char(c - 'A' + 'a');
    return text;
}

// Microseconds as a JSON number (or a string of digits, as some exporters write int64).
bool readMicros(const json *value, int64_t &out)
{
    if (!value)
        return false;
    if (value->is_number_integer()) {
        out = value->get<int64_t>();
    } else if (value->is_number_float()) {
        const double d = value->get<double>();
        if (!std::isfinite(d) || std::fabs(d) >= double(kMaxMicros))
            return false;
        out = int64_t(std::llround(d));
    } else if (value->is_string()) {
        const std::string &s = value->get_ref<const std::string &>();
        if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
            return false;
        out = std::stoll(s);
    } else {
        return false;
    }
    return out >= 0 && out <= kMaxMicros;
}

const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string textOf(const json &object, const char *key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

// A typed tag's value as plain JSON; int64 may come as a string.
json tagValue(const json &tag)
{
    const json *value = member(tag, "value");
    if (!value)
        return nullptr;
    const std::string type = lower(textOf(tag, "type"));
    if (type == "int64" && value->is_string()) {
        try {
            return std::stoll(value->get<std::string>());
        } catch (const std::exception &) {
            return *value;
        }
    }
    if (type == "float64" && value->is_string()) {
        try {
            return std::stod(value->get<std::string>());
        } catch (const std::exception &) {
            return *value;
        }
    }
    if (type == "bool" && value->is_string())
        return value->get<std::string>() == "true";
    return *value; // string, binary (base64 text), or already typed
}

json tagsToAttributes(const json *tags)
{
    json attributes = json::object();
    if (!tags || !tags->is_array())
        return attributes;
    for (const json &tag : *tags) {
        if (!tag.is_object())
            continue;
        const std::string key = textOf(tag, "key");
        if (!key.empty())
            attributes[key] = tagValue(tag);
    }
    return attributes;
}

int kindFromTag(const json &attributes)
{
    const auto it = attributes.find("span.kind");
    if (it == attributes.end() || !it->is_string())
        return 0;
    const std::string kind = lower(it->get<std::string>());
    if (kind == "server")
        return 2;
    if (kind == "client")
        return 3;
    if (kind == "producer")
        return 4;
    if (kind == "consumer")
        return 5;
    if (kind == "internal")
        return 1;
    return 0;
}

void readStatus(const json &attributes, Span &span)
{
    const auto code = attributes.find("otel.status_code");
    if (code != attributes.end() && code->is_string()) {
        const std::string value = lower(code->get<std::string>());
        if (value == "error")
            span.status = SpanStatus::Error;
        else if (value == "ok")
            span.status = SpanStatus::Ok;
    }
    const auto error = attributes.find("error");
    if (error != attributes.end() && ((error->is_boolean() && error->get<bool>()) ||
                                      (error->is_string() && lower(error->get<std::string>()) == "true")))
        span.status = SpanStatus::Error;
    const auto message = attributes.find("otel.status_description");
    if (message != attributes.end() && message->is_string())
        span.statusMessage = message->get<std::string>();
}

json readLogs(const json *logs)
{
    json events = json::array();
    if (!logs || !logs->is_array())
        return events;
    for (const json &log : *logs) {
        if (!log.is_object())
            continue;
        int64_t micros = 0;
        readMicros(member(log, "timestamp"), micros);
        json attributes = tagsToAttributes(member(log, "fields"));
        std::string name;
        if (const auto it = attributes.find("event"); it != attributes.end() && it->is_string()) {
            name = it->get<std::string>();
            attributes.erase(it);
        }
        events.push_back(otlp::makeEvent(std::move(name), micros * 1000, std::move(attributes)));
    }
    return events;
}

struct Process {
    std::string service;
    json resource = json::object();
};

Process readProcess(const json &process)
{
    Process p;
    if (!process.is_object())
        return p;
    p.service = textOf(process, "serviceName");
    p.resource = tagsToAttributes(member(process, "tags"));
    if (!p.service.empty())
        p.resource["service.name"] = p.service;
    return p;
}

} // namespace

void JaegerDecoder::decodeTrace(json &trace, const std::string &position, DecodeResult &into)
{
    if (!trace.is_object()) {
        otlp::addError(into, position + ": not a trace object");
        return;
    }
    const json *spans = member(trace, "spans");
    if (!spans || !spans->is_array()) {
        otlp::addError(into, position + ".spans: " + (spans ? "not an array" : "missing"));
        return;
    }
    std::unordered_map<std::string, Process> processes;
    if (const json *list = member(trace, "processes"); list && list->is_object())
        for (const auto &[key, value] : list->items())
            processes.emplace(key, readProcess(value));
    const std::string traceTraceId = lower(textOf(trace, "traceID"));

    // Spans already seen in this trace by id, to tell a resent copy from a different span.
    std::unordered_map<std::string, const json *> seen;
    for (size_t i = 0; i < spans->size(); ++i) {
        const json &in = (*spans)[i];
        const std::string where = position + ".spans[" + std::to_string(i) + "]";
        if (!in.is_object()) {
            into.reject(where + ": not an object");
            continue;
        }
        Span span;
        span.source = "jaeger";
        span.traceId = lower(textOf(in, "traceID"));
        if (span.traceId.empty())
            span.traceId = traceTraceId;
        span.spanId = lower(textOf(in, "spanID"));
        if (span.traceId.empty()) {
            into.reject(where + ".traceID: missing");
            continue;
        }
        if (span.spanId.empty()) {
            into.reject(where + ".spanID: missing");
            continue;
        }
        int64_t start = 0;
        int64_t duration = 0;
        if (!readMicros(member(in, "startTime"), start)) {
            into.reject(where + ".startTime: not a time in microseconds");
            continue;
        }
        if (const json *d = member(in, "duration"); d && !readMicros(d, duration)) {
            into.reject(where + ".duration: not a non-negative number of microseconds");
            continue;
        }
        span.startNs = start * 1000;
        span.endNs = (start + std::min(duration, kMaxMicros - start)) * 1000;
        span.name = textOf(in, "operationName");
        span.attributes = tagsToAttributes(member(in, "tags"));
        span.kind = kindFromTag(span.attributes);
        readStatus(span.attributes, span);
        span.events = readLogs(member(in, "logs"));

        bool haveParent = false;
        if (const json *refs = member(in, "references"); refs && refs->is_array()) {
            for (const json &ref : *refs) {
                if (!ref.is_object())
                    continue;
                const std::string refType = textOf(ref, "refType");
                std::string refTrace = lower(textOf(ref, "traceID"));
                if (refTrace.empty())
                    refTrace = span.traceId;
                const std::string refSpan = lower(textOf(ref, "spanID"));
                if (refSpan.empty())
                    continue;
                if (!haveParent && refType == "CHILD_OF" && refTrace == span.traceId) {
                    span.parentSpanId = refSpan;
                    haveParent = true;
                    continue;
                }
                span.links.push_back(otlp::makeLink(
                    refTrace, refSpan, json{{"jaeger.ref_type", refType.empty() ? "CHILD_OF" : refType}}));
            }
        }
        // Older exports put the process on the span; newer ones refer to trace.processes by id.
        Process process;
        if (const json *inline_ = member(in, "process"))
            process = readProcess(*inline_);
        else if (const auto it = processes.find(textOf(in, "processID")); it != processes.end())
            process = it->second;
        span.service = process.service;
        span.resource = std::move(process.resource);
        if (const json *warnings = member(in, "warnings");
            warnings && warnings->is_array() && !warnings->empty())
            span.attributes["jaeger.warnings"] = *warnings;

        const std::string key = span.traceId + '/' + span.spanId;
        const auto [it, inserted] = seen.emplace(key, &in);
        if (!inserted) {
            if (*it->second == in)
                continue; // the same span twice: stored once
            const std::string original = span.spanId;
            span.spanId = spanids::derivedSpanId(original, "jaeger-duplicate-" + std::to_string(i));
            span.attributes["tracedeck.original_span_id"] = original;
            if (into.errors.size() < DecodeResult::kMaxErrors)
                into.errors.push_back(where + ".spanID: \"" + original +
                                      "\" is used by an earlier, different span; kept as " + span.spanId);
        }
        into.spans.push_back(std::move(span));
    }
}

DecodeResult JaegerDecoder::decode(std::string_view body)
{
    DecodeResult result;
    if (isBlank(body)) {
        result.fatalError = "empty body";
        return result;
    }
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.fatalError = std::move(error);
        return result;
    }
    if (document.is_object() && document.contains("data")) {
        json &data = document["data"];
        if (!data.is_array()) {
            result.fatalError = "data: expected an array of traces";
            return result;
        }
        for (size_t i = 0; i < data.size(); ++i)
            decodeTrace(data[i], "data[" + std::to_string(i) + "]", result);
    } else if (document.is_object()) {
        decodeTrace(document, "trace", result);
    } else if (document.is_array()) {
        for (size_t i = 0; i < document.size(); ++i)
            decodeTrace(document[i], "[" + std::to_string(i) + "]", result);
    } else {
        result.fatalError = "expected a Jaeger trace, an array of traces or {\"data\": [...]}";
    }
    if (result.spans.empty() && result.rejectedSpans == 0 && !result.errors.empty())
        result.fatalError = result.errors.front();
    return result;
}

} // namespace tracedeck

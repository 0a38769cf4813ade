#include "langfusedecoder.h"

#include "boundedjson.h"
#include "isotimestamp.h"
#include "otlpattributes.h"
#include "spanids.h"

#include <algorithm>

namespace tracedeck {

using nlohmann::json;

namespace {

const json *member(const json &object, const char *key)
{
    if (!object.is_object())
        return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string textOf(const json &object, const char *key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

std::optional<int64_t> timeOf(const json &object, const char *key)
{
    const std::string text = textOf(object, key);
    return text.empty() ? std::nullopt : IsoTimestamp::toNanos(text);
}

// Langfuse keeps input/output and metadata as JSON text or as JSON; either way the value is returned.
json parsedIfText(const json &value)
{
    if (!value.is_string())
        return value;
    const std::string &text = value.get_ref<const std::string &>();
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos || (text[first] != '{' && text[first] != '['))
        return value;
    std::string error;
    json parsed = BoundedJson::parse(text, &error);
    return parsed.is_discarded() ? value : parsed;
}

// The OTel attributes, resource and scope Langfuse stored in `metadata`.
struct Metadata {
    json attributes = json::object();
    json resource = json::object();
    json scope = json::object();
};

Metadata readMetadata(const json &owner)
{
    Metadata m;
    const json *raw = member(owner, "metadata");
    if (!raw)
        return m;
    const json metadata = parsedIfText(*raw);
    if (!metadata.is_object())
        return m;
    if (const json *a = member(metadata, "attributes"); a && a->is_object())
        m.attributes = *a;
    if (const json *r = member(metadata, "resourceAttributes"); r && r->is_object())
        m.resource = *r;
    if (const json *s = member(metadata, "scope"); s && s->is_object()) {
        const json *attributes = member(*s, "attributes");
        m.scope = otlp::makeScope(textOf(*s, "name"), textOf(*s, "version"),
                                  attributes && attributes->is_object() ? *attributes : json::object());
    }
    // Other metadata keys (not the OTel triple) are kept under langfuse.metadata.*.
    for (const auto &[key, value] : metadata.items())
        if (key != "attributes" && key != "resourceAttributes" && key != "scope")
            m.attributes["langfuse.metadata." + key] = value;
    return m;
}

// Messages as gen_ai.*.messages wants them: an array of {role, …}. A lone message object is wrapped.
std::optional<json> asMessages(const json &value)
{
    if (value.is_object() && value.contains("role"))
        return json::array({value});
    if (value.is_array() && !value.empty() && std::all_of(value.begin(), value.end(), [](const json &m) {
            return m.is_object() && m.contains("role");
        }))
        return value;
    return std::nullopt;
}

void putBody(json &attributes, const json *raw, const char *messagesKey, const char *valueKey)
{
    if (!raw)
        return;
    const json value = parsedIfText(*raw);
    if (auto messages = asMessages(value))
        attributes[messagesKey] = messages->dump();
    attributes[valueKey] = value.is_string() ? value.get<std::string>() : value.dump();
}

std::optional<double> numberOf(const json &object, std::initializer_list<const char *> keys)
{
    for (const char *key : keys)
        if (const json *v = member(object, key); v && v->is_number())
            return v->get<double>();
    return std::nullopt;
}

void putGeneration(const json &o, json &a)
{
    a["tracedeck.category"] = "llm";
    if (!a.contains("openinference.span.kind"))
        a["openinference.span.kind"] = "LLM";
    if (const std::string model = textOf(o, "model"); !model.empty()) {
        a["gen_ai.request.model"] = model;
        if (!a.contains("gen_ai.response.model"))
            a["gen_ai.response.model"] = model;
    }
    if (const json *usage = member(o, "usageDetails"); usage && usage->is_object()) {
        if (auto v = numberOf(*usage, {"input", "prompt_tokens", "input_tokens"}))
            a["gen_ai.usage.input_tokens"] = int64_t(*v);
        if (auto v = numberOf(*usage, {"output", "completion_tokens", "output_tokens"}))
            a["gen_ai.usage.output_tokens"] = int64_t(*v);
        if (auto v = numberOf(*usage, {"input_cache_read", "prompt_details.cache_read",
                                       "cache_read_input_tokens", "input_cached_tokens"});
            v && *v > 0)
            a["gen_ai.usage.cache_read.input_tokens"] = int64_t(*v);
        if (auto v =
                numberOf(*usage, {"output_reasoning", "completion_details.reasoning", "reasoning_tokens"});
            v && *v > 0)
            a["gen_ai.usage.reasoning_tokens"] = int64_t(*v);
        if (auto v = numberOf(*usage, {"total"}))
            a["llm.token_count.total"] = int64_t(*v);
    }
    if (const json *cost = member(o, "costDetails"); cost && cost->is_object() && !cost->empty()) {
        if (auto v = numberOf(*cost, {"input"}))
            a["llm.cost.prompt"] = *v;
        if (auto v = numberOf(*cost, {"output"}))
            a["llm.cost.completion"] = *v;
        if (auto v = numberOf(*cost, {"total"}))
            a["llm.cost.total"] = *v;
    }
    if (const json *params = member(o, "modelParameters");
        params && params->is_object() && !params->empty()) {
        a["llm.invocation_parameters"] = params->dump();
        for (const auto &[key, value] : params->items()) {
            if (value.is_null())
                continue;
            std::string name = key;
            if (name == "maxTokens" || name == "max_tokens" || name == "max_output_tokens")
                name = "max_tokens";
            if (name == "temperature" || name == "top_p" || name == "max_tokens")
                a["gen_ai.request." + name] = value;
        }
    }
    if (const std::string start = textOf(o, "completionStartTime"); !start.empty())
        a["langfuse.completion_start_time"] = start;
}

} // namespace

DecodeResult LangfuseDecoder::decode(std::string_view body)
{
    DecodeResult result;
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.fatalError = std::move(error);
        return result;
    }
    const json *trace = member(document, "trace");
    if (!trace || !trace->is_object()) {
        result.fatalError = "trace: expected the exported trace object";
        return result;
    }
    const json *observations = member(document, "observations");
    if (!observations)
        observations = member(*trace, "observations");
    if (observations && !observations->is_array()) {
        result.fatalError = "observations: expected an array";
        return result;
    }
    const std::string traceIdText = textOf(*trace, "id");
    if (traceIdText.empty()) {
        result.fatalError = "trace.id: missing";
        return result;
    }
    const std::string traceId =
        spanids::fromOtlpJson(traceIdText, spanids::kTraceIdBytes).value_or(traceIdText);

    Span root;
    root.source = "langfuse";
    root.traceId = traceId;
    root.spanId = spanids::derivedSpanId(traceIdText, "langfuse-trace");
    root.name = textOf(*trace, "name");
    const Metadata rootMeta = readMetadata(*trace);
    root.attributes = rootMeta.attributes;
    root.resource = rootMeta.resource;
    root.scope = rootMeta.scope;
    root.service = otlp::serviceName(root.resource);
    root.attributes["langfuse.trace.id"] = traceIdText;
    if (const std::string user = textOf(*trace, "userId"); !user.empty())
        root.attributes["user.id"] = user;
    if (const std::string session = textOf(*trace, "sessionId"); !session.empty())
        root.attributes["session.id"] = session;
    if (const json *tags = member(*trace, "tags"); tags && tags->is_array() && !tags->empty())
        root.attributes["langfuse.trace.tags"] = *tags;
    for (const char *key : {"environment", "release", "version"})
        if (const std::string v = textOf(*trace, key); !v.empty())
            root.attributes[std::string("langfuse.trace.") + key] = v;
    putBody(root.attributes, member(*trace, "input"), "gen_ai.input.messages", "input.value");
    putBody(root.attributes, member(*trace, "output"), "gen_ai.output.messages", "output.value");
    const auto traceStart = timeOf(*trace, "timestamp");
    root.startNs = traceStart.value_or(0);
    root.endNs = root.startNs;
    bool rootTimed = traceStart.has_value();

    SpanBatch spans;
    for (size_t i = 0; observations && i < observations->size(); ++i) {
        const json &o = (*observations)[i];
        const std::string where = "observations[" + std::to_string(i) + "]";
        if (!o.is_object()) {
            result.reject(where + ": not an object");
            continue;
        }
        Span span;
        span.source = "langfuse";
        span.traceId = traceId;
        span.spanId = textOf(o, "id");
        if (span.spanId.empty()) {
            result.reject(where + ".id: missing");
            continue;
        }
        if (auto hex = spanids::fromOtlpJson(span.spanId, spanids::kSpanIdBytes))
            span.spanId = *hex;
        const auto start = timeOf(o, "startTime");
        if (!start) {
            result.reject(where + ".startTime: missing or not an ISO 8601 time");
            continue;
        }
        const auto end = timeOf(o, "endTime");
        span.startNs = *start;
        span.endNs = std::max(end.value_or(*start), *start);
        span.name = textOf(o, "name");
        std::string parent = textOf(o, "parentObservationId");
        if (!parent.empty())
            span.parentSpanId = spanids::fromOtlpJson(parent, spanids::kSpanIdBytes).value_or(parent);
        else
            span.parentSpanId = root.spanId;

        const Metadata meta = readMetadata(o);
        span.attributes = meta.attributes;
        span.resource = meta.resource.empty() ? root.resource : meta.resource;
        span.scope = meta.scope;
        span.service = otlp::serviceName(span.resource);
        const std::string type = textOf(o, "type");
        span.attributes["langfuse.observation.type"] = type;
        if (type == "GENERATION") {
            putGeneration(o, span.attributes);
        } else if (type == "TOOL") {
            span.attributes["tracedeck.category"] = "tool";
        } else if (type == "AGENT") {
            span.attributes["tracedeck.category"] = "agent";
        } else if (type == "RETRIEVER") {
            span.attributes["tracedeck.category"] = "retrieval";
        } else if (type == "EMBEDDING") {
            span.attributes["tracedeck.category"] = "embedding";
        }
        putBody(span.attributes, member(o, "input"), "gen_ai.input.messages", "input.value");
        putBody(span.attributes, member(o, "output"), "gen_ai.output.messages", "output.value");
        const std::string level = textOf(o, "level");
        if (!level.empty() && level != "DEFAULT")
            span.attributes["langfuse.level"] = level;
        if (level == "ERROR") {
            span.status = SpanStatus::Error;
            span.statusMessage = textOf(o, "statusMessage");
        } else if (const std::string message = textOf(o, "statusMessage"); !message.empty()) {
            span.attributes["langfuse.status_message"] = message;
        }
        if (!rootTimed || span.startNs < root.startNs)
            root.startNs = span.startNs;
        if (!rootTimed) {
            root.endNs = span.endNs;
            rootTimed = true;
        }
        root.endNs = std::max(root.endNs, span.endNs);
        spans.push_back(std::move(span));
    }
    if (root.service.empty() && !spans.empty())
        root.service = spans.front().service;
    result.spans.reserve(spans.size() + 1);
    result.spans.push_back(std::move(root));
    for (Span &span : spans)
        result.spans.push_back(std::move(span));
    return result;
}

} // namespace tracedeck

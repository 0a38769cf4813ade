#include "trackerdecoder.h"

#include "boundedjson.h"
#include "seedrecordreader.h"
#include "spanids.h"

#include <QUrl>

#include <algorithm>
#include <cctype>
#include <string>

namespace tracedeck {

namespace {

using json = nlohmann::json;

constexpr int kSpanKindServer = 2;
constexpr int kSpanKindClient = 3;

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

// "https://api.example.com/v1/users?id=3" → "/v1/users"; text that is no URL is kept as it is.
std::string urlPath(const std::string &url)
{
    const QUrl parsed(QString::fromStdString(url));
    if (!parsed.isValid())
        return url;
    const QString path = parsed.path();
    return path.isEmpty() ? std::string("/") : path.toStdString();
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::toupper(c)); });
    return text;
}

void copyIfPresent(const SeedRecordReader &r, std::string_view key, json &attributes, const char *attribute)
{
    if (const json *value = r.find(key))
        attributes[attribute] = *value;
}

// Sampling parameters of model_config, copied under their GenAI names.
constexpr std::string_view kModelParameters[] = {
    "temperature", "top_p", "top_k", "max_tokens", "frequency_penalty", "presence_penalty", "seed"};

class RecordReader {
public:
    RecordReader(const json &record, TrackerDecoder::Kind kind, std::string prefix)
        : m_reader(record, std::move(prefix))
        , m_kind(kind)
    {}

    bool read(Span &span);
    std::string takeError() { return m_reader.takeError(); }

private:
    bool readLlm(Span &span);

    SeedRecordReader m_reader;
    TrackerDecoder::Kind m_kind;
};

bool RecordReader::read(Span &span)
{
    SeedRecordReader &r = m_reader;
    const bool rest = m_kind == TrackerDecoder::Kind::Rest;
    std::string requestId, userId, service, method, url;
    std::optional<int64_t> requestNs, responseNs, statusCode;
    if (!r.text("request_id", requestId, true) || !r.text("user_id", userId, rest) ||
        !r.timestamp("request_timestamp", requestNs, true) ||
        !r.timestamp("response_timestamp", responseNs, true) || !r.text("service", service, rest) ||
        !r.text("method", method, rest) || !r.text("url", url, rest) ||
        !r.integer("status_code", statusCode, rest))
        return false;
    if (statusCode && (*statusCode < 100 || *statusCode > 599))
        return r.fail("status_code", "out of range (100 to 599)");
    if (*responseNs < *requestNs)
        return r.fail("response_timestamp", "before request_timestamp");
    const json *headers = nullptr;
    const json *metadata = nullptr;
    if (!r.object("headers", headers) || !r.object("metadata", metadata))
        return false;

    span.source = rest ? "tracker-rest" : "tracker-llm";
    span.traceId = requestId;
    span.startNs = *requestNs;
    span.endNs = *responseNs;
    method = upper(std::move(method));
    json &a = span.attributes;
    a["tracedeck.request_id"] = requestId;
    if (!userId.empty())
        a["tracedeck.user_id"] = userId;
    if (!method.empty())
        a["tracedeck.http_method"] = method;
    if (!url.empty())
        a["tracedeck.http_url"] = url;
    if (statusCode)
        a["tracedeck.status_code"] = *statusCode;
    if (headers)
        a["tracker.headers"] = *headers;
    if (metadata)
        a["tracker.metadata"] = *metadata;

    std::string salt;
    if (rest) {
        span.kind = kSpanKindServer;
        span.name = method + ' ' + urlPath(url);
        a["tracedeck.category"] = "http";
        copyIfPresent(r, "request_body", a, "tracker.request_body");
        copyIfPresent(r, "response_body", a, "tracker.response_body");
        // OTel's rule for server spans: only 5xx is the server's error.
        if (*statusCode >= 500)
            span.status = SpanStatus::Error;
        salt = "rest";
    } else {
        span.kind = kSpanKindClient;
        if (!readLlm(span))
            return false;
        // A client span errs on 4xx too.
        if (statusCode && *statusCode >= 400)
            span.status = SpanStatus::Error;
        salt = "llm\x1f" + a["tracedeck.provider"].get<std::string>() + '\x1f' +
               a["tracedeck.model"].get<std::string>();
    }
    if (span.status == SpanStatus::Error)
        span.statusMessage = "HTTP " + std::to_string(*statusCode);
    if (service.empty())
        service = a.value("tracedeck.provider", std::string());
    span.service = service;
    if (!service.empty())
        span.resource["service.name"] = service;

    // A resend of the same record gets the same id, so the store's upsert keeps it once.
    salt += '\x1f' + service + '\x1f' + method + '\x1f' + url + '\x1f' + std::to_string(*requestNs);
    span.spanId = spanids::derivedSpanId(requestId, salt);
    return true;
}

bool RecordReader::readLlm(Span &span)
{
    SeedRecordReader &r = m_reader;
    std::string provider, model, finishReason, conversationId;
    std::optional<int64_t> promptTokens, completionTokens, totalTokens, retryAttempt;
    std::optional<double> cost, ttft;
    std::optional<bool> stream;
    const json *modelConfig = nullptr;
    const json *toolCalls = nullptr;
    const json *functionCall = nullptr;
    const json *warnings = nullptr;
    if (!r.text("provider", provider, true) || !r.text("model", model, true) ||
        !r.count("prompt_tokens", promptTokens) || !r.count("completion_tokens", completionTokens) ||
        !r.count("total_tokens", totalTokens) || !r.amount("cost_usd", cost) ||
        !r.object("model_config", modelConfig) || !r.text("finish_reason", finishReason) ||
        !r.array("tool_calls", toolCalls) || !r.object("function_call", functionCall) ||
        !r.text("conversation_id", conversationId) || !r.count("retry_attempt", retryAttempt) ||
        !r.array("warnings", warnings) || !r.boolean("stream", stream) ||
        !r.amount("time_to_first_token_ms", ttft))
        return false;
    json &a = span.attributes;
    if (modelConfig) {
        for (const std::string_view name : kModelParameters) {
            const auto it = modelConfig->find(name);
            if (it == modelConfig->end() || it->is_null())
                continue;
            if (!it->is_number())
                return r.fail("model_config." + std::string(name), "not a number");
            a["gen_ai.request." + std::string(name)] = *it;
        }
        a["tracker.model_config"] = *modelConfig;
    }

    span.name = provider + ' ' + model;
    a["tracedeck.category"] = "llm";
    a["tracedeck.provider"] = provider;
    a["tracedeck.model"] = model;
    if (promptTokens)
        a["tracedeck.input_tokens"] = *promptTokens;
    if (completionTokens)
        a["tracedeck.output_tokens"] = *completionTokens;
    if (totalTokens)
        a["tracedeck.total_tokens"] = *totalTokens;
    if (cost)
        a["tracedeck.cost_usd"] = *cost;
    if (!finishReason.empty())
        a["tracedeck.finish_reason"] = finishReason;
    if (!conversationId.empty())
        a["tracedeck.conversation_id"] = conversationId;
    if (ttft)
        a["tracedeck.ttft_ms"] = *ttft;
    // The normalizer reads chat messages out of OpenAI/Anthropic request and response bodies here.
    copyIfPresent(r, "request_body", a, "tracedeck.input");
    copyIfPresent(r, "response_body", a, "tracedeck.output");
    if (toolCalls)
        a["tracker.tool_calls"] = *toolCalls;
    if (functionCall)
        a["tracker.function_call"] = *functionCall;
    if (retryAttempt)
        a["tracker.retry_attempt"] = *retryAttempt;
    if (warnings)
        a["tracker.warnings"] = *warnings;
    if (stream)
        a["tracker.stream"] = *stream;
    return true;
}

} // namespace

SeedDecodeResult TrackerDecoder::decode(std::string_view body, Kind kind)
{
    SeedDecodeResult result;
    if (isBlank(body)) {
        result.decoded.fatalError = "empty body";
        return result;
    }
    std::string error;
    const json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.decoded.fatalError = std::move(error);
        return result;
    }
    const bool single = document.is_object();
    if (!single && !document.is_array()) {
        result.decoded.fatalError = "expected a JSON object or an array of objects";
        return result;
    }
    if (!single && document.empty()) {
        result.decoded.fatalError = "empty array: no records";
        return result;
    }

    const size_t records = single ? 1 : document.size();
    result.decoded.spans.reserve(records);
    for (size_t i = 0; i < records; ++i) {
        const json &record = single ? document : document[i];
        const std::string prefix = single ? std::string() : '[' + std::to_string(i) + "].";
        if (!record.is_object()) {
            result.reject(i, '[' + std::to_string(i) + "]: not an object");
            continue;
        }
        RecordReader reader(record, kind, prefix);
        Span span;
        if (!reader.read(span)) {
            result.reject(i, reader.takeError());
            continue;
        }
        result.addTraceId(span.traceId);
        ++result.acceptedRecords;
        result.decoded.spans.push_back(std::move(span));
    }
    return result;
}

} // namespace tracedeck

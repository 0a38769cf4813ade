#include "otlpprotodecoder.h"

#include "otlpattributes.h"
#include "spanids.h"

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <google/protobuf/arena.h>
#include <google/protobuf/stubs/logging.h>

#include <algorithm>
#include <climits>
#include <limits>
#include <mutex>

namespace tracedeck {

namespace {

using json = nlohmann::json;
namespace common = opentelemetry::proto::common::v1;
namespace trace = opentelemetry::proto::trace::v1;
using KeyValues = google::protobuf::RepeatedPtrField<common::KeyValue>;

json toJson(common::AnyValue &value);

// Strings are moved out of the message: it is thrown away after decoding. The last of duplicate keys wins.
void fillObject(KeyValues &list, json::object_t &out)
{
    for (auto &kv : list)
        out.insert_or_assign(std::move(*kv.mutable_key()), toJson(*kv.mutable_value()));
}

json::object_t toObject(KeyValues &list)
{
    json::object_t out;
    fillObject(list, out);
    return out;
}

json toJson(common::AnyValue &value)
{
    switch (value.value_case()) {
    case common::AnyValue::kStringValue:
        return std::move(*value.mutable_string_value());
    case common::AnyValue::kBoolValue:
        return value.bool_value();
    case common::AnyValue::kIntValue:
        return int64_t(value.int_value());
    case common::AnyValue::kDoubleValue:
        return value.double_value();
    case common::AnyValue::kArrayValue: {
        auto &values = *value.mutable_array_value()->mutable_values();
        json::array_t array;
        array.reserve(size_t(values.size()));
        for (auto &v : values)
            array.push_back(toJson(v));
        return array;
    }
    case common::AnyValue::kKvlistValue:
        return toObject(*value.mutable_kvlist_value()->mutable_values());
    case common::AnyValue::kBytesValue:
        return otlp::base64Encode(value.bytes_value());
    case common::AnyValue::VALUE_NOT_SET:
        break;
    }
    return nullptr;
}

bool isAllZero(const std::string &bytes)
{
    return std::all_of(bytes.begin(), bytes.end(), [](char c) { return c == 0; });
}

std::string badIdLength(std::string_view name, size_t expectedBytes, size_t gotBytes)
{
    return std::string(name) + ": must be " + std::to_string(expectedBytes) + " bytes, got " +
           std::to_string(gotBytes) + " bytes";
}

bool readId(const std::string &bytes, std::string_view name, size_t byteLength, std::string &out,
            std::string &err)
{
    if (bytes.empty()) {
        err = std::string(name) + ": missing";
        return false;
    }
    if (bytes.size() != byteLength) {
        err = badIdLength(name, byteLength, bytes.size());
        return false;
    }
    if (isAllZero(bytes)) {
        err = std::string(name) + ": all zero, which OTLP defines as an invalid id";
        return false;
    }
    out = spanids::toHex(bytes);
    return true;
}

// Empty or all-zero parent: a root span. Links keep all-zero ids (OTel records such links when they carry
// attributes), so only the length is checked for them.
bool readOptionalId(const std::string &bytes, std::string_view name, size_t byteLength, bool zeroIsEmpty,
                    std::string &out, std::string &err)
{
    if (bytes.empty())
        return true;
    if (bytes.size() != byteLength) {
        err = badIdLength(name, byteLength, bytes.size());
        return false;
    }
    if (!(zeroIsEmpty && isAllZero(bytes)))
        out = spanids::toHex(bytes);
    return true;
}

bool readTime(uint64_t value, std::string_view name, int64_t &out, std::string &err)
{
    if (value > uint64_t(std::numeric_limits<int64_t>::max())) {
        err = std::string(name) + ": " + otlp::tooLargeForInt64(std::to_string(value));
        return false;
    }
    out = int64_t(value);
    return true;
}

bool readSpan(trace::Span &in, Span &span, std::string &err)
{
    if (!readId(in.trace_id(), "traceId", spanids::kTraceIdBytes, span.traceId, err) ||
        !readId(in.span_id(), "spanId", spanids::kSpanIdBytes, span.spanId, err) ||
        !readOptionalId(in.parent_span_id(), "parentSpanId", spanids::kSpanIdBytes, true, span.parentSpanId,
                        err))
        return false;
    span.name = std::move(*in.mutable_name());
    const int kind = in.kind();
    if (kind < 0 || kind > otlp::kMaxSpanKind) {
        err = "kind: " + otlp::unknownSpanKind(std::to_string(kind));
        return false;
    }
    span.kind = kind;
    if (!readTime(in.start_time_unix_nano(), "startTimeUnixNano", span.startNs, err) ||
        !readTime(in.end_time_unix_nano(), "endTimeUnixNano", span.endNs, err))
        return false;
    if (span.endNs < span.startNs) {
        err = "endTimeUnixNano: " + otlp::endBeforeStart(span.startNs, span.endNs);
        return false;
    }
    if (in.has_status()) {
        auto &status = *in.mutable_status();
        const int code = status.code();
        if (code < 0 || code > otlp::kMaxStatusCode) {
            err = "status.code: " + otlp::unknownStatusCode(std::to_string(code));
            return false;
        }
        span.status = static_cast<SpanStatus>(code);
        span.statusMessage = std::move(*status.mutable_message());
    }
    fillObject(*in.mutable_attributes(), span.attributes.get_ref<json::object_t &>());

    auto &events = span.events.get_ref<json::array_t &>();
    events.reserve(size_t(in.events_size()));
    for (int i = 0; i < in.events_size(); ++i) {
        auto &event = *in.mutable_events(i);
        int64_t time = 0;
        if (!readTime(event.time_unix_nano(), "events[" + std::to_string(i) + "].timeUnixNano", time, err))
            return false;
        events.push_back(
            otlp::makeEvent(std::move(*event.mutable_name()), time, toObject(*event.mutable_attributes())));
    }

    auto &links = span.links.get_ref<json::array_t &>();
    links.reserve(size_t(in.links_size()));
    for (int i = 0; i < in.links_size(); ++i) {
        auto &link = *in.mutable_links(i);
        std::string traceId;
        std::string spanId;
        const auto prefix = "links[" + std::to_string(i) + "].";
        if (!readOptionalId(link.trace_id(), prefix + "traceId", spanids::kTraceIdBytes, false, traceId,
                            err) ||
            !readOptionalId(link.span_id(), prefix + "spanId", spanids::kSpanIdBytes, false, spanId, err))
            return false;
        links.push_back(
            otlp::makeLink(std::move(traceId), std::move(spanId), toObject(*link.mutable_attributes())));
    }
    return true;
}

} // namespace

DecodeResult OtlpProtoDecoder::decode(std::string_view body)
{
    // libprotobuf writes a line to stderr for every string with invalid UTF-8 it meets: any client could
    // flood the log with bad bodies. Each failure is reported to its client instead, so those lines are
    // dropped.
    static std::once_flag quietParseErrors;
    std::call_once(quietParseErrors, [] { google::protobuf::SetLogHandler(nullptr); });
    DecodeResult result;
    if (body.size() > size_t(INT_MAX)) {
        result.fatalError = "malformed protobuf: body larger than 2 GiB";
        return result;
    }
    // Message objects live in the arena (one free at the end); string payloads are moved out of it.
    google::protobuf::ArenaOptions options;
    options.start_block_size = std::clamp<size_t>(body.size(), 4096, 1 << 20);
    options.max_block_size = 1 << 20;
    google::protobuf::Arena arena(options);
    auto *request = google::protobuf::Arena::CreateMessage<
        opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest>(&arena);
    if (!request->ParseFromArray(body.data(), int(body.size()))) {
        result.fatalError =
            "malformed protobuf: cannot decode ExportTraceServiceRequest (invalid UTF-8 or truncated "
            "or corrupt data)";
        return result;
    }

    size_t total = 0;
    for (const auto &rs : request->resource_spans())
        for (const auto &ss : rs.scope_spans())
            total += size_t(ss.spans_size());
    result.spans.reserve(total);

    std::string err;
    for (int r = 0; r < request->resource_spans_size(); ++r) {
        auto &rs = *request->mutable_resource_spans(r);
        const json resource = rs.has_resource() ? json(toObject(*rs.mutable_resource()->mutable_attributes()))
                                                : json(json::object());
        const std::string service = otlp::serviceName(resource);
        for (int s = 0; s < rs.scope_spans_size(); ++s) {
            auto &ss = *rs.mutable_scope_spans(s);
            json scope;
            if (ss.has_scope()) {
                auto &in = *ss.mutable_scope();
                scope = otlp::makeScope(std::move(*in.mutable_name()), std::move(*in.mutable_version()),
                                        toObject(*in.mutable_attributes()));
            } else {
                scope = otlp::makeScope({}, {}, json::object());
            }
            for (int k = 0; k < ss.spans_size(); ++k) {
                Span &span = result.spans.emplace_back();
                if (!readSpan(*ss.mutable_spans(k), span, err)) {
                    result.spans.pop_back();
                    result.reject(otlp::spanPosition("resourceSpans", size_t(r), "scopeSpans", size_t(s),
                                                     "spans", size_t(k)) +
                                  "." + err);
                    continue;
                }
                span.service = service;
                span.resource = resource;
                span.scope = scope;
                span.source = "otlp-proto";
            }
        }
    }
    return result;
}

} // namespace tracedeck

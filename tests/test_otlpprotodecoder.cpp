#include "otlpjsondecoder.h"
#include "otlpprotodecoder.h"

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <google/protobuf/util/json_util.h>

#include "fixturesupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <limits>
#include <string>

using namespace tracedeck;
using json = nlohmann::json;
using namespace std::string_literals;
namespace common = opentelemetry::proto::common::v1;
namespace trace = opentelemetry::proto::trace::v1;
using Request = opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;

namespace {

std::string bytes(const char *hex)
{
    return QByteArray::fromHex(hex).toStdString();
}

void setString(common::KeyValue *kv, const std::string &key, const std::string &value)
{
    kv->set_key(key);
    kv->mutable_value()->set_string_value(value);
}

// One resource (service.name "svc") with one scope ("lib" 2.0) and no spans yet.
Request makeRequest()
{
    Request request;
    auto *rs = request.add_resource_spans();
    setString(rs->mutable_resource()->add_attributes(), "service.name", "svc");
    auto *scope = rs->add_scope_spans()->mutable_scope();
    scope->set_name("lib");
    scope->set_version("2.0");
    return request;
}

trace::Span *addSpan(trace::ScopeSpans *scopeSpans, const char *spanIdHex = "0102030405060708")
{
    auto *span = scopeSpans->add_spans();
    span->set_trace_id(bytes("0102030405060708090a0b0c0d0e0f10"));
    span->set_span_id(bytes(spanIdHex));
    span->set_name("op");
    span->set_kind(trace::Span::SPAN_KIND_SERVER);
    span->set_start_time_unix_nano(1000);
    span->set_end_time_unix_nano(2000);
    return span;
}

trace::Span *addSpan(Request &request, const char *spanIdHex = "0102030405060708")
{
    return addSpan(request.mutable_resource_spans(0)->mutable_scope_spans(0), spanIdHex);
}

DecodeResult decode(const Request &request)
{
    return OtlpProtoDecoder::decode(request.SerializeAsString());
}

const std::string kPos = "resourceSpans[0].scopeSpans[0].spans[0]";

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

void appendVarint(std::string &out, uint64_t value)
{
    while (value >= 0x80) {
        out.push_back(char(value | 0x80));
        value >>= 7;
    }
    out.push_back(char(value));
}

size_t varintSize(uint64_t value)
{
    size_t n = 1;
    while (value >= 0x80) {
        value >>= 7;
        ++n;
    }
    return n;
}

// A length-delimited field by hand, for shapes the message API cannot build cheaply.
std::string field(int number, const std::string &payload)
{
    std::string out;
    appendVarint(out, uint64_t(number) << 3 | 2);
    appendVarint(out, payload.size());
    return out + payload;
}

// Request bytes with one valid span whose single attribute "deep" nests arrayValue `depth` times.
std::string nestedArrayRequest(int depth)
{
    const std::string bottom = field(1, "bottom"); // AnyValue.string_value
    // Each level is AnyValue{array_value(5): ArrayValue{values(1): <inner AnyValue>}}; only headers precede
    // the inner bytes, so sizes are computed inside out and headers written outside in.
    std::vector<size_t> anyValueSize(size_t(depth) + 1);
    anyValueSize[0] = bottom.size();
    for (int i = 1; i <= depth; ++i) {
        const size_t arrayValue = 1 + varintSize(anyValueSize[i - 1]) + anyValueSize[i - 1];
        anyValueSize[i] = 1 + varintSize(arrayValue) + arrayValue;
    }
    std::string anyValue;
    anyValue.reserve(anyValueSize[depth]);
    for (int i = depth; i >= 1; --i) {
        const size_t arrayValue = 1 + varintSize(anyValueSize[i - 1]) + anyValueSize[i - 1];
        anyValue.push_back(char(5 << 3 | 2));
        appendVarint(anyValue, arrayValue);
        anyValue.push_back(char(1 << 3 | 2));
        appendVarint(anyValue, anyValueSize[i - 1]);
    }
    anyValue += bottom;

    trace::Span span;
    span.set_trace_id(bytes("0102030405060708090a0b0c0d0e0f10"));
    span.set_span_id(bytes("0102030405060708"));
    const std::string keyValue = field(1, "deep") + field(2, anyValue);
    const std::string spanBytes = span.SerializeAsString() + field(9, keyValue); // Span.attributes
    return field(1, field(2, field(2, spanBytes))); // Request.resource_spans.scope_spans.spans
}

void compareSpans(const Span &a, const Span &b)
{
    QCOMPARE(a.workspace, b.workspace);
    QCOMPARE(a.traceId, b.traceId);
    QCOMPARE(a.spanId, b.spanId);
    QCOMPARE(a.parentSpanId, b.parentSpanId);
    QCOMPARE(a.name, b.name);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.service, b.service);
    QCOMPARE(a.startNs, b.startNs);
    QCOMPARE(a.endNs, b.endNs);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.statusMessage, b.statusMessage);
    QCOMPARE(a.attributes, b.attributes);
    QCOMPARE(a.events, b.events);
    QCOMPARE(a.links, b.links);
    QCOMPARE(a.resource, b.resource);
    QCOMPARE(a.scope, b.scope);
}

} // namespace

#define QVERIFY_REJECTED(result, message)                                                                    \
    do {                                                                                                     \
        const DecodeResult &rejected_ = (result);                                                            \
        QVERIFY2(rejected_.ok(), rejected_.fatalError.c_str());                                              \
        QCOMPARE(rejected_.spans.size(), size_t(0));                                                         \
        QCOMPARE(rejected_.rejectedSpans, int64_t(1));                                                       \
        QCOMPARE(rejected_.errors.size(), size_t(1));                                                        \
        QCOMPARE(rejected_.errors[0], std::string(message));                                                 \
    } while (false)

class TestOtlpProtoDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specExampleBinary();
    void binaryEqualsJsonFixture();

    void emptyBodyIsEmptyRequest();
    void truncatedIsFatal();
    void garbageIsFatal();
    void invalidUtf8IsFatal();
    void deepNesting();

    void anyValueMapping();
    void ids();
    void parentSpanId();
    void timestamps();
    void kindAndStatus();
    void eventsAndLinks();
    void missingResourceAndScope();
    void hugeAttributeKeptIntact();
    void mixedBatchKeepsGoodSpans();

    void jsonAndProtobufAgree_data();
    void jsonAndProtobufAgree();
};

void TestOtlpProtoDecoder::specExampleBinary()
{
    const std::string body = readFixture(QStringLiteral("otlp-proto/otel-proto-example-trace.binpb"));
    QCOMPARE(body.size(), size_t(214));
    const auto r = OtlpProtoDecoder::decode(body);
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.rejectedSpans, int64_t(0));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans.size(), size_t(1));
    const Span &s = r.spans[0];
    QCOMPARE(s.workspace, "local"s);
    QCOMPARE(s.traceId, "5b8efff798038103d269b633813fc60c"s);
    QCOMPARE(s.spanId, "eee19b7ec3c1b174"s);
    QCOMPARE(s.parentSpanId, "eee19b7ec3c1b173"s);
    QCOMPARE(s.name, "I'm a server span"s);
    QCOMPARE(s.kind, 2);
    QCOMPARE(s.service, "my.service"s);
    QCOMPARE(s.startNs, int64_t(1544712660000000000));
    QCOMPARE(s.endNs, int64_t(1544712661000000000));
    QCOMPARE(s.status, SpanStatus::Unset);
    QCOMPARE(s.attributes, json({{"my.span.attr", "some value"}}));
    QCOMPARE(s.resource, json({{"service.name", "my.service"}}));
    QCOMPARE(s.scope, json({{"name", "my.library"},
                            {"version", "1.0.0"},
                            {"attributes", {{"my.scope.attribute", "some scope attribute"}}}}));
    QCOMPARE(s.source, "otlp-proto"s);
    QCOMPARE(s.fields.messages, json::array());
}

void TestOtlpProtoDecoder::binaryEqualsJsonFixture()
{
    const auto binary =
        OtlpProtoDecoder::decode(readFixture(QStringLiteral("otlp-proto/otel-proto-example-trace.binpb")));
    const auto text =
        OtlpJsonDecoder::decode(readFixture(QStringLiteral("otlp/otel-proto-example-trace.json")));
    QVERIFY(binary.ok() && text.ok());
    QCOMPARE(binary.spans.size(), size_t(1));
    QCOMPARE(text.spans.size(), size_t(1));
    compareSpans(binary.spans[0], text.spans[0]);
    QCOMPARE(binary.spans[0].source, "otlp-proto"s);
    QCOMPARE(text.spans[0].source, "otlp-json"s);
}

void TestOtlpProtoDecoder::emptyBodyIsEmptyRequest()
{
    const auto r = OtlpProtoDecoder::decode({});
    QVERIFY(r.ok());
    QVERIFY(r.spans.empty());
    QCOMPARE(r.rejectedSpans, int64_t(0));
    QVERIFY(r.errors.empty());
}

void TestOtlpProtoDecoder::truncatedIsFatal()
{
    const std::string body = readFixture(QStringLiteral("otlp-proto/otel-proto-example-trace.binpb"));
    const auto half = OtlpProtoDecoder::decode(std::string_view(body).substr(0, body.size() / 2));
    QVERIFY(!half.ok());
    QVERIFY(half.spans.empty());
    QCOMPARE(half.fatalError, "malformed protobuf: cannot decode ExportTraceServiceRequest (invalid UTF-8 or "
                              "truncated or corrupt data)"s);
    // The whole body is one resource_spans field, so every shorter prefix is cut inside it.
    for (size_t n = 1; n < body.size(); ++n)
        QVERIFY2(!OtlpProtoDecoder::decode(std::string_view(body).substr(0, n)).ok(),
                 qPrintable(QString::number(n)));
}

void TestOtlpProtoDecoder::garbageIsFatal()
{
    const auto r = OtlpProtoDecoder::decode("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff");
    QVERIFY(!r.ok());
    QVERIFY(r.fatalError.starts_with("malformed protobuf: "));
    // Wire type 7 does not exist.
    QVERIFY(!OtlpProtoDecoder::decode("\x0f").ok());
}

void TestOtlpProtoDecoder::invalidUtf8IsFatal()
{
    Request request = makeRequest();
    addSpan(request)->set_name("NAME");
    std::string body = request.SerializeAsString();
    body.replace(body.find("NAME"), 4, "\xff\xfe\xfd\xfc");
    const auto r = OtlpProtoDecoder::decode(body);
    QVERIFY(!r.ok());
    QVERIFY(r.spans.empty());
    QVERIFY2(contains(r.fatalError, "invalid UTF-8"), r.fatalError.c_str());
}

void TestOtlpProtoDecoder::deepNesting()
{
    // Within protobuf's recursion limit (100 messages deep): decoded in full.
    const auto shallow = OtlpProtoDecoder::decode(nestedArrayRequest(30));
    QVERIFY2(shallow.ok(), shallow.fatalError.c_str());
    QCOMPARE(shallow.spans.size(), size_t(1));
    json expected = "bottom";
    for (int i = 0; i < 30; ++i)
        expected = json::array({expected});
    QCOMPARE(shallow.spans[0].attributes["deep"], expected);

    const auto deep = OtlpProtoDecoder::decode(nestedArrayRequest(10000));
    QVERIFY(!deep.ok());
    QVERIFY(deep.spans.empty());
    QVERIFY(deep.fatalError.starts_with("malformed protobuf: cannot decode ExportTraceServiceRequest"));
}

void TestOtlpProtoDecoder::anyValueMapping()
{
    Request request = makeRequest();
    auto *span = addSpan(request);
    setString(span->add_attributes(), "s", "text");
    auto *b = span->add_attributes();
    b->set_key("b");
    b->mutable_value()->set_bool_value(true);
    auto *i = span->add_attributes();
    i->set_key("i");
    i->mutable_value()->set_int_value(std::numeric_limits<int64_t>::min());
    auto *d = span->add_attributes();
    d->set_key("d");
    d->mutable_value()->set_double_value(72.5);
    auto *raw = span->add_attributes();
    raw->set_key("bytes");
    raw->mutable_value()->set_bytes_value(std::string("\x00\x00\x30\x39", 4));
    auto *raw2 = span->add_attributes();
    raw2->set_key("bytes2");
    raw2->mutable_value()->set_bytes_value("\xfb\xff");
    auto *array = span->add_attributes();
    array->set_key("array");
    auto *values = array->mutable_value()->mutable_array_value();
    values->add_values()->set_string_value("a");
    values->add_values()->set_int_value(1);
    values->add_values(); // no value set
    auto *kvlist = span->add_attributes();
    kvlist->set_key("kvlist");
    auto *list = kvlist->mutable_value()->mutable_kvlist_value();
    setString(list->add_values(), "inner", "x");
    auto *nested = list->add_values();
    nested->set_key("nested");
    auto *deep = nested->mutable_value()->mutable_kvlist_value()->add_values();
    deep->set_key("deep");
    deep->mutable_value()->set_bool_value(false);
    span->add_attributes()->set_key("empty_value");
    auto *emptyArray = span->add_attributes();
    emptyArray->set_key("empty_array");
    emptyArray->mutable_value()->mutable_array_value();
    setString(span->add_attributes(), "dup", "first");
    setString(span->add_attributes(), "dup", "second");

    const auto r = decode(request);
    QVERIFY2(r.errors.empty(), r.errorSummary().c_str());
    QCOMPARE(r.spans.size(), size_t(1));
    const json &a = r.spans[0].attributes;
    QCOMPARE(a["s"], json("text"));
    QCOMPARE(a["b"], json(true));
    QCOMPARE(a["i"], json(std::numeric_limits<int64_t>::min()));
    QCOMPARE(a["d"], json(72.5));
    QCOMPARE(a["bytes"], json("AAAwOQ=="));
    QCOMPARE(a["bytes2"], json("+/8="));
    QCOMPARE(a["array"], json::array({"a", 1, nullptr}));
    QCOMPARE(a["kvlist"], json({{"inner", "x"}, {"nested", {{"deep", false}}}}));
    QCOMPARE(a["empty_value"], json(nullptr));
    QCOMPARE(a["empty_array"], json::array());
    QCOMPARE(a["dup"], json("second"));
    QCOMPARE(a.size(), size_t(11));
}

void TestOtlpProtoDecoder::ids()
{
    Request request = makeRequest();
    addSpan(request)->clear_trace_id();
    QVERIFY_REJECTED(decode(request), kPos + ".traceId: missing");

    request = makeRequest();
    addSpan(request)->clear_span_id();
    QVERIFY_REJECTED(decode(request), kPos + ".spanId: missing");

    request = makeRequest();
    addSpan(request, "010203");
    QVERIFY_REJECTED(decode(request), kPos + ".spanId: must be 8 bytes, got 3 bytes");

    request = makeRequest();
    addSpan(request)->set_trace_id(bytes("0102030405060708"));
    QVERIFY_REJECTED(decode(request), kPos + ".traceId: must be 16 bytes, got 8 bytes");

    request = makeRequest();
    addSpan(request)->set_trace_id(std::string(16, '\0'));
    QVERIFY_REJECTED(decode(request), kPos + ".traceId: all zero, which OTLP defines as an invalid id");

    request = makeRequest();
    addSpan(request, "0000000000000000");
    QVERIFY_REJECTED(decode(request), kPos + ".spanId: all zero, which OTLP defines as an invalid id");

    request = makeRequest();
    addSpan(request)->set_trace_id(bytes("A0B0C0D0E0F000000000000000000001"));
    const auto r = decode(request);
    QCOMPARE(r.spans.at(0).traceId, "a0b0c0d0e0f000000000000000000001"s);
}

void TestOtlpProtoDecoder::parentSpanId()
{
    Request request = makeRequest();
    addSpan(request, "0000000000000001");
    addSpan(request, "0000000000000002")->set_parent_span_id(std::string(8, '\0')); // all zero: root
    addSpan(request, "0000000000000003")->set_parent_span_id(bytes("0000000000000001"));
    addSpan(request, "0000000000000004")->set_parent_span_id(bytes("01020304"));
    const auto r = decode(request);
    QCOMPARE(r.spans.size(), size_t(3));
    QCOMPARE(r.spans[0].parentSpanId, ""s);
    QCOMPARE(r.spans[1].parentSpanId, ""s);
    QCOMPARE(r.spans[2].parentSpanId, "0000000000000001"s);
    QCOMPARE(r.rejectedSpans, int64_t(1));
    QCOMPARE(r.errors,
             std::vector<std::string>{"resourceSpans[0].scopeSpans[0].spans[3].parentSpanId: must be 8 "
                                      "bytes, got 4 bytes"});
}

void TestOtlpProtoDecoder::timestamps()
{
    Request request = makeRequest();
    auto *span = addSpan(request);
    span->set_start_time_unix_nano(11651379494838206464ULL);
    span->set_end_time_unix_nano(11651379494838206464ULL);
    QVERIFY_REJECTED(decode(request),
                     kPos + ".startTimeUnixNano: 11651379494838206464 does not fit a signed 64-bit integer");

    span->set_start_time_unix_nano(5);
    QVERIFY_REJECTED(decode(request),
                     kPos + ".endTimeUnixNano: 11651379494838206464 does not fit a signed 64-bit integer");

    span->set_end_time_unix_nano(4);
    QVERIFY_REJECTED(decode(request), kPos + ".endTimeUnixNano: 4 is before startTimeUnixNano 5");

    span->set_start_time_unix_nano(uint64_t(std::numeric_limits<int64_t>::max()));
    span->set_end_time_unix_nano(uint64_t(std::numeric_limits<int64_t>::max()));
    const auto r = decode(request);
    QCOMPARE(r.spans.at(0).startNs, std::numeric_limits<int64_t>::max());

    auto *event = span->add_events();
    event->set_time_unix_nano(std::numeric_limits<uint64_t>::max());
    QVERIFY_REJECTED(
        decode(request),
        kPos + ".events[0].timeUnixNano: 18446744073709551615 does not fit a signed 64-bit integer");
}

void TestOtlpProtoDecoder::kindAndStatus()
{
    Request request = makeRequest();
    auto *span = addSpan(request);
    span->set_kind(trace::Span::SPAN_KIND_CONSUMER);
    span->mutable_status()->set_code(trace::Status::STATUS_CODE_ERROR);
    span->mutable_status()->set_message("upstream timed out");
    auto r = decode(request);
    QCOMPARE(r.spans.at(0).kind, 5);
    QCOMPARE(r.spans.at(0).status, SpanStatus::Error);
    QCOMPARE(r.spans.at(0).statusMessage, "upstream timed out"s);

    span->mutable_status()->set_code(trace::Status::STATUS_CODE_OK);
    QCOMPARE(decode(request).spans.at(0).status, SpanStatus::Ok);

    // proto3 enums are open: unknown numbers arrive intact and are rejected here.
    span->set_kind(static_cast<trace::Span::SpanKind>(9));
    QVERIFY_REJECTED(decode(request), kPos + ".kind: unknown span kind 9 (expected 0-5 or SPAN_KIND_*)");

    span->set_kind(trace::Span::SPAN_KIND_CLIENT);
    span->mutable_status()->set_code(static_cast<trace::Status::StatusCode>(3));
    QVERIFY_REJECTED(decode(request),
                     kPos + ".status.code: unknown status code 3 (expected 0-2 or STATUS_CODE_*)");
}

void TestOtlpProtoDecoder::eventsAndLinks()
{
    Request request = makeRequest();
    auto *span = addSpan(request);
    auto *e1 = span->add_events();
    e1->set_time_unix_nano(1500);
    e1->set_name("exception");
    setString(e1->add_attributes(), "exception.type", "E");
    span->add_events()->set_time_unix_nano(1600);
    auto *l1 = span->add_links();
    l1->set_trace_id(bytes("aaaaaaaaaaaaaaaaaaaaaaaa00000001"));
    l1->set_span_id(bytes("00000000000000ab"));
    l1->set_trace_state("k=v");
    auto *l2 = span->add_links();
    l2->set_trace_id(std::string(16, '\0'));
    l2->set_span_id(std::string(8, '\0'));
    setString(l2->add_attributes(), "reason", "retry");
    span->add_links();
    const auto r = decode(request);
    QVERIFY2(r.errors.empty(), r.errorSummary().c_str());
    const Span &s = r.spans.at(0);
    QCOMPARE(s.events,
             json::array({
                 json{{"name", "exception"}, {"timeNs", 1500}, {"attributes", {{"exception.type", "E"}}}},
                 json{{"name", ""}, {"timeNs", 1600}, {"attributes", json::object()}},
             }));
    QCOMPARE(s.links, json::array({
                          json{{"traceId", "aaaaaaaaaaaaaaaaaaaaaaaa00000001"},
                               {"spanId", "00000000000000ab"},
                               {"attributes", json::object()}},
                          json{{"traceId", "00000000000000000000000000000000"},
                               {"spanId", "0000000000000000"},
                               {"attributes", {{"reason", "retry"}}}},
                          json{{"traceId", ""}, {"spanId", ""}, {"attributes", json::object()}},
                      }));

    span->mutable_links(0)->set_span_id("\x01\x02");
    QVERIFY_REJECTED(decode(request), kPos + ".links[0].spanId: must be 8 bytes, got 2 bytes");
    span->mutable_links(0)->set_span_id(bytes("00000000000000ab"));
    span->mutable_links(1)->set_trace_id("\x01");
    QVERIFY_REJECTED(decode(request), kPos + ".links[1].traceId: must be 16 bytes, got 1 bytes");
}

void TestOtlpProtoDecoder::missingResourceAndScope()
{
    Request request;
    addSpan(request.add_resource_spans()->add_scope_spans());
    const auto r = decode(request);
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].service, ""s);
    QCOMPARE(r.spans[0].resource, json::object());
    QCOMPARE(r.spans[0].scope, json({{"name", ""}, {"version", ""}, {"attributes", json::object()}}));

    // service.name that is not a string is kept as an attribute but is not the service.
    auto *attr = request.mutable_resource_spans(0)->mutable_resource()->add_attributes();
    attr->set_key("service.name");
    attr->mutable_value()->set_int_value(7);
    const auto numeric = decode(request);
    QCOMPARE(numeric.spans.at(0).service, ""s);
    QCOMPARE(numeric.spans.at(0).resource, json({{"service.name", 7}}));
}

void TestOtlpProtoDecoder::hugeAttributeKeptIntact()
{
    std::string big(5 * 1024 * 1024, 'x');
    for (size_t i = 0; i < big.size(); i += 997)
        big[i] = char('a' + i % 26);
    Request request = makeRequest();
    setString(addSpan(request)->add_attributes(), "gen_ai.input.messages", big);
    const auto r = decode(request);
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    const auto &value = r.spans[0].attributes["gen_ai.input.messages"].get_ref<const std::string &>();
    QCOMPARE(value.size(), big.size());
    QVERIFY(value == big);
}

void TestOtlpProtoDecoder::mixedBatchKeepsGoodSpans()
{
    Request request = makeRequest();
    addSpan(request, "0000000000000001");
    addSpan(request, "0000000000000002")->clear_trace_id();
    addSpan(request, "0000000000000003");
    // A second resource with two scopes.
    auto *rs = request.add_resource_spans();
    setString(rs->mutable_resource()->add_attributes(), "service.name", "other");
    auto *ss0 = rs->add_scope_spans();
    addSpan(ss0, "0000000000000004")->set_end_time_unix_nano(1);
    addSpan(ss0, "0000000000000005");
    auto *ss1 = rs->add_scope_spans();
    ss1->mutable_scope()->set_name("second");
    addSpan(ss1, "00000000000006");
    addSpan(ss1, "0000000000000007");

    const auto r = decode(request);
    QVERIFY(r.ok());
    QCOMPARE(r.rejectedSpans, int64_t(3));
    QCOMPARE(r.spans.size(), size_t(4));
    QCOMPARE(r.spans[0].spanId, "0000000000000001"s);
    QCOMPARE(r.spans[0].service, "svc"s);
    QCOMPARE(r.spans[1].spanId, "0000000000000003"s);
    QCOMPARE(r.spans[2].spanId, "0000000000000005"s);
    QCOMPARE(r.spans[2].service, "other"s);
    QCOMPARE(r.spans[2].scope["name"], json(""));
    QCOMPARE(r.spans[3].spanId, "0000000000000007"s);
    QCOMPARE(r.spans[3].scope["name"], json("second"));
    QCOMPARE(
        r.errors,
        (std::vector<std::string>{
            "resourceSpans[0].scopeSpans[0].spans[1].traceId: missing",
            "resourceSpans[1].scopeSpans[0].spans[0].endTimeUnixNano: 1 is before startTimeUnixNano 1000",
            "resourceSpans[1].scopeSpans[1].spans[0].spanId: must be 8 bytes, got 7 bytes",
        }));
}

void TestOtlpProtoDecoder::jsonAndProtobufAgree_data()
{
    QTest::addColumn<bool>("snakeCase");
    QTest::newRow("lowerCamelCase keys") << false;
    QTest::newRow("proto field names") << true;
}

// protobuf's own JSON printer writes the proto3 JSON mapping: ids as base64, enums as names, 64-bit integers
// as strings. The JSON decoder must read that into the same spans as the binary form.
void TestOtlpProtoDecoder::jsonAndProtobufAgree()
{
    QFETCH(bool, snakeCase);
    Request request = makeRequest();
    auto *resource = request.mutable_resource_spans(0)->mutable_resource();
    setString(resource->add_attributes(), "host.name", "box");
    auto *scope = request.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_scope();
    setString(scope->add_attributes(), "scope.attr", "y");

    auto *root = addSpan(request, "00000000000000a1");
    root->set_kind(trace::Span::SPAN_KIND_SERVER);
    root->mutable_status()->set_code(trace::Status::STATUS_CODE_ERROR);
    root->mutable_status()->set_message("boom");
    root->set_start_time_unix_nano(1711138246940000000);
    root->set_end_time_unix_nano(1711138247116321958);
    setString(root->add_attributes(), "http.method", "POST");
    auto *n = root->add_attributes();
    n->set_key("http.status_code");
    n->mutable_value()->set_int_value(-500);
    auto *big = root->add_attributes();
    big->set_key("big");
    big->mutable_value()->set_int_value(std::numeric_limits<int64_t>::max());
    auto *dbl = root->add_attributes();
    dbl->set_key("ratio");
    dbl->mutable_value()->set_double_value(0.1);
    auto *whole = root->add_attributes();
    whole->set_key("whole");
    whole->mutable_value()->set_double_value(3.0);
    auto *flag = root->add_attributes();
    flag->set_key("flag");
    flag->mutable_value()->set_bool_value(false);
    auto *blob = root->add_attributes();
    blob->set_key("blob");
    blob->mutable_value()->set_bytes_value(std::string("\x00\xff\x10", 3));
    auto *arr = root->add_attributes();
    arr->set_key("finish_reasons");
    arr->mutable_value()->mutable_array_value()->add_values()->set_string_value("stop");
    auto *kvl = root->add_attributes();
    kvl->set_key("map");
    setString(kvl->mutable_value()->mutable_kvlist_value()->add_values(), "k", "v");
    root->add_attributes()->set_key("unset");
    auto *event = root->add_events();
    event->set_name("gen_ai.choice");
    event->set_time_unix_nano(1711138247000000000);
    setString(event->add_attributes(), "index", "0");
    auto *link = root->add_links();
    link->set_trace_id(bytes("ffeeddccbbaa99887766554433221100"));
    link->set_span_id(bytes("0011223344556677"));
    setString(link->add_attributes(), "opentracing.ref_type", "follows_from");

    auto *child = addSpan(request, "00000000000000a2");
    child->set_parent_span_id(bytes("00000000000000a1"));
    child->set_kind(trace::Span::SPAN_KIND_CLIENT);
    child->set_name("child \xe2\x9c\x93 \"quoted\"");

    auto *rs2 = request.add_resource_spans();
    auto *other = addSpan(rs2->add_scope_spans(), "00000000000000b1");
    other->set_kind(trace::Span::SPAN_KIND_UNSPECIFIED);

    std::string jsonText;
    google::protobuf::util::JsonPrintOptions options;
    options.preserve_proto_field_names = snakeCase;
    QVERIFY(google::protobuf::util::MessageToJsonString(request, &jsonText, options).ok());
    QVERIFY(contains(jsonText, snakeCase ? "\"span_id\"" : "\"spanId\""));
    QVERIFY2(contains(jsonText, "\"SPAN_KIND_CLIENT\""), jsonText.c_str());

    const auto fromJson = OtlpJsonDecoder::decode(jsonText);
    const auto fromProto = decode(request);
    QVERIFY2(fromJson.ok() && fromJson.errors.empty(),
             (fromJson.fatalError + fromJson.errorSummary()).c_str());
    QVERIFY2(fromProto.ok() && fromProto.errors.empty(), fromProto.errorSummary().c_str());
    QCOMPARE(fromProto.spans.size(), size_t(3));
    QCOMPARE(fromJson.spans.size(), size_t(3));
    for (size_t i = 0; i < 3; ++i)
        compareSpans(fromJson.spans[i], fromProto.spans[i]);

    const Span &s = fromProto.spans[0];
    QCOMPARE(s.status, SpanStatus::Error);
    QCOMPARE(s.attributes["blob"], json("AP8Q"));
    QCOMPARE(s.attributes["whole"], json(3.0));
    QCOMPARE(s.attributes["unset"], json(nullptr));
    QCOMPARE(s.links[0]["traceId"], json("ffeeddccbbaa99887766554433221100"));
    QCOMPARE(fromProto.spans[1].parentSpanId, "00000000000000a1"s);
    QCOMPARE(fromProto.spans[2].service, ""s);
}

QTEST_GUILESS_MAIN(TestOtlpProtoDecoder)
#include "test_otlpprotodecoder.moc"

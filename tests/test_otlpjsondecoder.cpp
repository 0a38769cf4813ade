#include "otlpjsondecoder.h"

#include "fixturesupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>
#include <string>

using namespace tracedeck;
using json = nlohmann::json;
using namespace std::string_literals;

namespace {

DecodeResult decodeFixture(const char *name)
{
    return OtlpJsonDecoder::decode(readFixture(QLatin1String("otlp/") + QLatin1String(name)));
}

json kv(const std::string &key, json anyValue)
{
    return json{{"key", key}, {"value", std::move(anyValue)}};
}

json str(const std::string &s)
{
    return json{{"stringValue", s}};
}

// A valid span; tests change one thing at a time.
json goodSpan(const std::string &spanId = "0102030405060708")
{
    return json{{"traceId", "0102030405060708090a0b0c0d0e0f10"},
                {"spanId", spanId},
                {"name", "op"},
                {"kind", 2},
                {"startTimeUnixNano", "1000"},
                {"endTimeUnixNano", "2000"}};
}

json request(json spans, json resourceAttributes = json::array({kv("service.name", str("svc"))}))
{
    json scopeSpans = json::object();
    scopeSpans["scope"] = json{{"name", "lib"}, {"version", "2.0"}};
    scopeSpans["spans"] = std::move(spans);
    json resourceSpans = json::object();
    resourceSpans["resource"] = json{{"attributes", std::move(resourceAttributes)}};
    resourceSpans["scopeSpans"] = json::array({scopeSpans});
    return json{{"resourceSpans", json::array({resourceSpans})}};
}

DecodeResult decodeSpans(json spans)
{
    return OtlpJsonDecoder::decode(request(std::move(spans)).dump());
}

DecodeResult decodeOne(json span)
{
    return decodeSpans(json::array({std::move(span)}));
}

const std::string kPos = "resourceSpans[0].scopeSpans[0].spans[0]";

bool contains(const std::string &haystack, const std::string &needle)
{
    return haystack.find(needle) != std::string::npos;
}

} // namespace

// Asserts one rejected span and no accepted ones, with exactly this error line.
#define QVERIFY_REJECTED(result, message)                                                                    \
    do {                                                                                                     \
        const DecodeResult &rejected_ = (result);                                                            \
        QVERIFY2(rejected_.ok(), rejected_.fatalError.c_str());                                              \
        QCOMPARE(rejected_.spans.size(), size_t(0));                                                         \
        QCOMPARE(rejected_.rejectedSpans, int64_t(1));                                                       \
        QCOMPARE(rejected_.errors.size(), size_t(1));                                                        \
        QCOMPARE(rejected_.errors[0], std::string(message));                                                 \
    } while (false)

class TestOtlpJsonDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Real fixtures (tests/data/otlp, see ../shared/fixtures/SOURCES.md)
    void specExampleTrace();
    void jaegerMemstoreFixture();
    void jaegerApiV3TimestampBeyondInt64();
    void duplicateSpansKept();
    void jsonLinesEachDecodeAndMatchCombined();
    void openInferenceStringEnums();
    void openLlmetryArrayValue();
    void vercelAiSpans();

    // Body-level problems
    void emptyBody();
    void malformedJson();
    void topLevelNotObject();
    void resourceSpansNotArray();
    void emptyRequests();
    void deepNestingIsFatal();
    void invalidUtf8IsFatal();

    // Per-span validation
    void containerWrongTypeRecordsErrorLine();
    void spanNotAnObject();
    void nameWrongType();
    void missingIds_data();
    void missingIds();
    void idWrongLength();
    void allZeroTraceId();
    void parentSpanId();
    void base64Ids();
    void endBeforeStart();
    void int64Forms_data();
    void int64Forms();
    void enums_data();
    void enums();
    void status();

    // Attributes, events, links, resource, scope
    void anyValueMapping();
    void attributeWrongTypeRejectsSpan_data();
    void attributeWrongTypeRejectsSpan();
    void duplicateAttributeKeyLastWins();
    void resourceErrorRejectsItsSpans();
    void scopeErrorRejectsItsSpans();
    void eventsAndLinks();
    void eventAndLinkErrors_data();
    void eventAndLinkErrors();
    void hugeAttributeKeptIntact();

    // Key spellings and tolerance
    void snakeCaseKeys();
    void legacyInstrumentationLibrary();
    void unknownFieldsIgnored();
    void nullMeansDefault();

    // Batches
    void mixedBatchKeepsGoodSpans();
    void errorLinesAreCapped();
};

void TestOtlpJsonDecoder::specExampleTrace()
{
    const auto r = decodeFixture("otel-proto-example-trace.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.rejectedSpans, int64_t(0));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans.size(), size_t(1));
    const Span &s = r.spans[0];
    QCOMPARE(s.workspace, "local"s);
    QCOMPARE(s.traceId, "5b8efff798038103d269b633813fc60c"s); // UPPERCASE in the file
    QCOMPARE(s.spanId, "eee19b7ec3c1b174"s);
    QCOMPARE(s.parentSpanId, "eee19b7ec3c1b173"s);
    QCOMPARE(s.name, "I'm a server span"s);
    QCOMPARE(s.kind, 2);
    QCOMPARE(s.service, "my.service"s);
    QCOMPARE(s.startNs, int64_t(1544712660000000000));
    QCOMPARE(s.endNs, int64_t(1544712661000000000));
    QCOMPARE(s.status, SpanStatus::Unset);
    QCOMPARE(s.statusMessage, ""s);
    QCOMPARE(s.attributes, json({{"my.span.attr", "some value"}}));
    QCOMPARE(s.events, json::array());
    QCOMPARE(s.links, json::array());
    QCOMPARE(s.resource, json({{"service.name", "my.service"}}));
    QCOMPARE(s.scope, json({{"name", "my.library"},
                            {"version", "1.0.0"},
                            {"attributes", {{"my.scope.attribute", "some scope attribute"}}}}));
    QCOMPARE(s.source, "otlp-json"s);
    // The normalizer fills these; the decoder leaves them alone.
    QCOMPARE(s.fields.messages, json::array());
    QVERIFY(s.fields.model.empty());
}

void TestOtlpJsonDecoder::jaegerMemstoreFixture()
{
    const auto r = decodeFixture("jaeger-memstore-otel-traces-01.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.rejectedSpans, int64_t(0));
    QCOMPARE(r.spans.size(), size_t(4));

    std::set<std::string> traces;
    int events = 0;
    int links = 0;
    int namelessEvents = 0;
    for (const auto &s : r.spans) {
        traces.insert(s.traceId);
        QCOMPARE(s.service, "service-x"s);
        QCOMPARE(s.status, SpanStatus::Error);
        QCOMPARE(s.attributes.size(), size_t(4));
        QCOMPARE(s.attributes["peer.service"], json("service-y"));
        QCOMPARE(s.attributes["peer.ipv4"], json(23456)); // intValue sent as a string
        QVERIFY(s.attributes["peer.ipv4"].is_number_integer());
        QCOMPARE(s.attributes["blob"], json("AAAwOQ=="));
        QCOMPARE(s.attributes["temperature"], json(72.5));
        events += int(s.events.size());
        links += int(s.links.size());
        for (const auto &e : s.events) {
            QCOMPARE(e["timeNs"], json(int64_t(1485467191639875000)));
            if (e["name"] == "")
                ++namelessEvents;
        }
    }
    QCOMPARE(traces,
             (std::set<std::string>{"00000000000000010000000000000000", "00000000000000020000000000000000"}));
    QCOMPARE(events, 8);
    QCOMPARE(links, 8);
    QCOMPARE(namelessEvents, 4); // the second event of every span has no name

    QCOMPARE(r.spans[0].spanId, "0000000000000002"s);
    QCOMPARE(r.spans[0].parentSpanId, "0000000000000003"s); // orphan: kept as sent
    QCOMPARE(r.spans[0].kind, 2);
    QCOMPARE(r.spans[1].kind, 3);
    QCOMPARE(r.spans[1].parentSpanId, "0000000000000010"s);
    QCOMPARE(r.spans[2].kind, 4);
    QCOMPARE(r.spans[2].parentSpanId, "0000000000000011"s);
    QCOMPARE(r.spans[3].kind, 5);
    QCOMPARE(r.spans[0].scope["name"], json("testing-library-2"));
    QCOMPARE(r.spans[0].scope["attributes"], json({{"scope.attributes.2", "attribute-y"}}));
    QCOMPARE(r.spans[2].scope["name"], json("testing-library-3"));
    QCOMPARE(r.spans[2].scope["version"], json("1.1.2"));

    const json &e0 = r.spans[0].events[0];
    QCOMPARE(e0, json({{"name", "testing-event"},
                       {"timeNs", int64_t(1485467191639875000)},
                       {"attributes", {{"event-x", "event-y"}}}}));
    QCOMPARE(r.spans[0].links[0], json({{"traceId", "00000000000000010000000000000000"},
                                        {"spanId", "0000000000000004"},
                                        {"attributes", {{"opentracing.ref_type", "follows_from"}}}}));
    QCOMPARE(r.spans[0].links[1]["traceId"], json("00000000000000ff0000000000000000")); // another trace
}

void TestOtlpJsonDecoder::jaegerApiV3TimestampBeyondInt64()
{
    const auto r = decodeFixture("jaeger-apiv3-gettrace.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.spans.size(), size_t(0));
    QCOMPARE(r.rejectedSpans, int64_t(1));
    QCOMPARE(r.errors.size(), size_t(1));
    QCOMPARE(r.errors[0],
             kPos + ".startTimeUnixNano: 11651379494838206464 does not fit a signed 64-bit integer");
    QCOMPARE(r.errorSummary(), r.errors[0]);
}

void TestOtlpJsonDecoder::duplicateSpansKept()
{
    // The file holds the same span twice; deduplication is the store's job (upsert), not the decoder's.
    const auto r = decodeFixture("jaeger-ui-otlp2jaeger-in.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.spans.size(), size_t(2));
    for (const auto &s : r.spans) {
        QCOMPARE(s.traceId, "83a9efd15c1c98a977e0711cc93ee28b"s);
        QCOMPARE(s.spanId, "e127af99e3b3e074"s);
        QCOMPARE(s.parentSpanId, "909541b92cf05311"s);
        QCOMPARE(s.service, "telemetrygen"s);
        QCOMPARE(s.kind, 2);
        QCOMPARE(s.status, SpanStatus::Unset); // "status": {}
        QCOMPARE(s.attributes, json({{"net.peer.ip", "1.2.3.4"}, {"peer.service", "telemetrygen-client"}}));
        QCOMPARE(s.scope, json({{"name", "telemetrygen"}, {"version", ""}, {"attributes", json::object()}}));
        QCOMPARE(s.endNs - s.startNs, int64_t(123000));
    }
}

static void compareSpans(const Span &a, const Span &b)
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
    QCOMPARE(a.source, b.source);
}

void TestOtlpJsonDecoder::jsonLinesEachDecodeAndMatchCombined()
{
    const std::string lines = readFixture(QStringLiteral("otlp/jaeger-ui-otlp2jaeger-multi-in.jsonl"));
    // The whole file is not one JSON document.
    QVERIFY(!OtlpJsonDecoder::decode(lines).ok());

    std::vector<Span> fromLines;
    size_t begin = 0;
    int lineCount = 0;
    while (begin < lines.size()) {
        size_t end = lines.find('\n', begin);
        if (end == std::string::npos)
            end = lines.size();
        const std::string_view line(lines.data() + begin, end - begin);
        begin = end + 1;
        if (line.empty())
            continue;
        ++lineCount;
        auto r = OtlpJsonDecoder::decode(line);
        QVERIFY2(r.ok(), r.fatalError.c_str());
        QCOMPARE(r.rejectedSpans, int64_t(0));
        QCOMPARE(r.spans.size(), size_t(1));
        fromLines.push_back(std::move(r.spans[0]));
    }
    QCOMPARE(lineCount, 4);
    QCOMPARE(fromLines[0].spanId, "26f5ef9dbb885479"s);
    QCOMPARE(fromLines[0].scope["name"], json("ohboy"));
    QCOMPARE(fromLines[2].scope,
             json({{"name", "widgets"}, {"version", "1.2.3"}, {"attributes", json::object()}}));
    QCOMPARE(fromLines[3].spanId, "eff3153be6b1fb93"s);
    QCOMPARE(fromLines[3].parentSpanId, ""s); // "parentSpanId": "" is a root
    QCOMPARE(fromLines[3].name, "main"s);
    QCOMPARE(fromLines[3].endNs, int64_t(1711138247116321958));
    for (const auto &s : fromLines) {
        QCOMPARE(s.traceId, "c620759e5d60fafb8ee0922b30e06bc6"s);
        QCOMPARE(s.service, "example-trace"s);
        QCOMPARE(s.kind, 1);
        QCOMPARE(s.resource["telemetry.sdk.language"], json("nodejs"));
    }

    const auto combined = decodeFixture("jaeger-ui-otlp2jaeger-multi-in-combined.json");
    QVERIFY2(combined.ok(), combined.fatalError.c_str());
    QCOMPARE(combined.spans.size(), size_t(4));
    for (size_t i = 0; i < 4; ++i)
        compareSpans(combined.spans[i], fromLines[i]);
}

void TestOtlpJsonDecoder::openInferenceStringEnums()
{
    const auto r = decodeFixture("genai-interlingua-openinference.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.spans.size(), size_t(1));
    const Span &s = r.spans[0];
    QCOMPARE(s.kind, 1);                // "SPAN_KIND_INTERNAL"
    QCOMPARE(s.status, SpanStatus::Ok); // "STATUS_CODE_OK"
    QCOMPARE(s.service, "capture"s);
    QCOMPARE(s.parentSpanId, ""s);
    QCOMPARE(s.traceId, "9ed94f9bdc36b397e11c51f77d49e01a"s);
    QCOMPARE(s.attributes.size(), size_t(25));
    QCOMPARE(s.attributes["llm.system"], json("openai"));
    QCOMPARE(s.attributes["openinference.span.kind"], json("LLM"));
    QVERIFY(
        s.attributes["input.value"].get<std::string>().starts_with("{\"messages\": [{\"role\": \"system\""));
    QCOMPARE(s.resource.size(), size_t(5));
    QCOMPARE(s.scope["name"], json("openinference.instrumentation.openai"));
    QCOMPARE(s.scope["version"], json("0.1.58"));
}

void TestOtlpJsonDecoder::openLlmetryArrayValue()
{
    const auto r = decodeFixture("genai-interlingua-openllmetry.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.spans.size(), size_t(2));
    const Span &chat = r.spans[0];
    QCOMPARE(chat.name, "openai.chat"s);
    QCOMPARE(chat.kind, 3);
    QCOMPARE(chat.parentSpanId, "aaa24d5a6cca68bf"s);
    QCOMPARE(chat.attributes.size(), size_t(21));
    QCOMPARE(chat.attributes["gen_ai.response.finish_reasons"], json::array({"tool_call"}));
    QCOMPARE(chat.status, SpanStatus::Unset);
    const Span &workflow = r.spans[1];
    QCOMPARE(workflow.name, "support_triage.workflow"s);
    QCOMPARE(workflow.kind, 1);
    QCOMPARE(workflow.parentSpanId, ""s);
    QCOMPARE(workflow.scope["name"], json("traceloop.tracer"));
    QCOMPARE(chat.traceId, workflow.traceId);
}

void TestOtlpJsonDecoder::vercelAiSpans()
{
    const auto r = decodeFixture("genai-interlingua-vercel-ai.json");
    QVERIFY2(r.ok(), r.fatalError.c_str());
    QCOMPARE(r.spans.size(), size_t(3));
    QCOMPARE(r.spans[0].name, "ai.generateText"s);
    QCOMPARE(r.spans[1].name, "ai.generateText.doGenerate"s);
    QCOMPARE(r.spans[2].name, "ai.toolCall"s);
    QCOMPARE(r.spans[0].kind, 1);
    QCOMPARE(r.spans[1].kind, 3);
    QCOMPARE(r.spans[2].kind, 1);
    QCOMPARE(r.spans[1].parentSpanId, "aa01bb02cc03dd04"s);
    QCOMPARE(r.spans[2].parentSpanId, "aa01bb02cc03dd04"s);
    int aiKeys = 0;
    int genAiKeys = 0;
    std::set<std::string> keys;
    for (const auto &s : r.spans) {
        QCOMPARE(s.service, "ticket-triage"s);
        QCOMPARE(s.scope["name"], json("ai"));
        QCOMPARE(s.scope["version"], json("5.0.26"));
        for (const auto &[k, v] : s.attributes.items())
            keys.insert(k);
    }
    for (const auto &k : keys) {
        aiKeys += k.starts_with("ai.");
        genAiKeys += k.starts_with("gen_ai.");
    }
    QCOMPARE(aiKeys, 25);
    QCOMPARE(genAiKeys, 9);
}

void TestOtlpJsonDecoder::emptyBody()
{
    for (const char *body : {"", "  \r\n\t "}) {
        const auto r = OtlpJsonDecoder::decode(body);
        QCOMPARE(r.fatalError, "empty body"s);
        QVERIFY(r.spans.empty());
    }
}

void TestOtlpJsonDecoder::malformedJson()
{
    const auto r = OtlpJsonDecoder::decode(R"({"resourceSpans": [ {"scopeSpans": )");
    QVERIFY(!r.ok());
    QVERIFY2(r.fatalError.starts_with("malformed JSON: "), r.fatalError.c_str());
    QVERIFY(r.spans.empty());

    const auto trailing = OtlpJsonDecoder::decode(R"({"resourceSpans": []} x)");
    QVERIFY2(trailing.fatalError.starts_with("malformed JSON: "), trailing.fatalError.c_str());
}

void TestOtlpJsonDecoder::topLevelNotObject()
{
    const auto array = OtlpJsonDecoder::decode("[]");
    QVERIFY(!array.ok());
    QVERIFY2(array.fatalError.starts_with("top level: expected an object"), array.fatalError.c_str());
    QVERIFY2(contains(array.fatalError, "got array"), array.fatalError.c_str());

    const auto number = OtlpJsonDecoder::decode("42");
    QVERIFY2(contains(number.fatalError, "got number"), number.fatalError.c_str());
}

void TestOtlpJsonDecoder::resourceSpansNotArray()
{
    const auto r = OtlpJsonDecoder::decode(R"({"resourceSpans": {"scopeSpans": []}})");
    QCOMPARE(r.fatalError, "resourceSpans: expected an array, got object"s);
    const auto s = OtlpJsonDecoder::decode(R"({"resourceSpans": "x"})");
    QCOMPARE(s.fatalError, "resourceSpans: expected an array, got string"s);
}

void TestOtlpJsonDecoder::emptyRequests()
{
    for (const char *body : {"{}", R"({"resourceSpans": []})", R"({"resourceSpans": null})",
                             R"({"resourceSpans": [{}]})", R"({"resourceSpans": [{"scopeSpans": [{}]}]})",
                             R"({"resourceSpans": [{"scopeSpans": [{"spans": []}]}]})"}) {
        const auto r = OtlpJsonDecoder::decode(body);
        QVERIFY2(r.ok(), body);
        QVERIFY2(r.spans.empty(), body);
        QCOMPARE(r.rejectedSpans, int64_t(0));
        QVERIFY2(r.errors.empty(), body);
    }
}

void TestOtlpJsonDecoder::deepNestingIsFatal()
{
    const int depth = 10000;
    const std::string brackets =
        "{\"resourceSpans\":" + std::string(depth, '[') + std::string(depth, ']') + "}";
    const auto r = OtlpJsonDecoder::decode(brackets);
    QVERIFY(!r.ok());
    QVERIFY2(contains(r.fatalError, "nested deeper than"), r.fatalError.c_str());

    // The same depth inside an attribute value (arrayValue in arrayValue …).
    std::string value;
    for (int i = 0; i < depth; ++i)
        value += R"({"arrayValue":{"values":[)";
    value += R"({"stringValue":"bottom"})";
    for (int i = 0; i < depth; ++i)
        value += "]}}";
    json span = goodSpan();
    span["attributes"] = json::array({kv("deep", str("placeholder"))});
    std::string body = request(json::array({span})).dump();
    const std::string placeholder = R"({"stringValue":"placeholder"})";
    body.replace(body.find(placeholder), placeholder.size(), value);
    const auto deep = OtlpJsonDecoder::decode(body);
    QVERIFY(!deep.ok());
    QVERIFY2(contains(deep.fatalError, "nested deeper than"), deep.fatalError.c_str());
}

void TestOtlpJsonDecoder::invalidUtf8IsFatal()
{
    json span = goodSpan();
    span["name"] = "NAME_HERE";
    std::string body = request(json::array({span})).dump();
    body.replace(body.find("NAME_HERE"), 9, "bad\xff\xfe");
    const auto r = OtlpJsonDecoder::decode(body);
    QVERIFY(!r.ok());
    QVERIFY2(r.fatalError.starts_with("malformed JSON: "), r.fatalError.c_str());
    QVERIFY2(contains(r.fatalError, "UTF-8"), r.fatalError.c_str());
}

void TestOtlpJsonDecoder::containerWrongTypeRecordsErrorLine()
{
    // Nothing countable is inside a wrongly typed container, so no span is counted as rejected.
    const auto r = OtlpJsonDecoder::decode(request("x").dump());
    QVERIFY(r.ok());
    QVERIFY(r.spans.empty());
    QCOMPARE(r.rejectedSpans, int64_t(0));
    QCOMPARE(r.errors,
             std::vector<std::string>{"resourceSpans[0].scopeSpans[0].spans: expected an array, got string"});

    const auto scopeSpans = OtlpJsonDecoder::decode(R"({"resourceSpans": [{"scopeSpans": 7}, 3]})");
    QVERIFY(scopeSpans.ok());
    QCOMPARE(scopeSpans.rejectedSpans, int64_t(0));
    QCOMPARE(scopeSpans.errors,
             (std::vector<std::string>{"resourceSpans[0].scopeSpans: expected an array, got number",
                                       "resourceSpans[1]: expected an object, got number"}));

    const auto scopeEntry = OtlpJsonDecoder::decode(R"({"resourceSpans": [{"scopeSpans": ["oops"]}]})");
    QCOMPARE(scopeEntry.errors,
             std::vector<std::string>{"resourceSpans[0].scopeSpans[0]: expected an object, got string"});
}

void TestOtlpJsonDecoder::spanNotAnObject()
{
    const auto r = decodeSpans(json::array({goodSpan(), 5, goodSpan("0102030405060709")}));
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(2));
    QCOMPARE(r.rejectedSpans, int64_t(1));
    QCOMPARE(r.errors, std::vector<std::string>{
                           "resourceSpans[0].scopeSpans[0].spans[1]: expected an object, got number"});
}

void TestOtlpJsonDecoder::nameWrongType()
{
    json span = goodSpan();
    span["name"] = 5;
    QVERIFY_REJECTED(decodeOne(span), kPos + ".name: expected a string, got number");
}

void TestOtlpJsonDecoder::missingIds_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value"); // JSON text; empty: remove the field
    QTest::addColumn<QString>("message");
    QTest::newRow("no traceId") << "traceId"
                                << ""
                                << "traceId: missing";
    QTest::newRow("no spanId") << "spanId"
                               << ""
                               << "spanId: missing";
    QTest::newRow("empty traceId") << "traceId"
                                   << "\"\""
                                   << "traceId: missing (empty string)";
    QTest::newRow("null spanId") << "spanId"
                                 << "null"
                                 << "spanId: missing";
    QTest::newRow("numeric spanId") << "spanId"
                                    << "12"
                                    << "spanId: expected a hex string, got number";
}

void TestOtlpJsonDecoder::missingIds()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    json span = goodSpan();
    if (value.isEmpty())
        span.erase(field.toStdString());
    else
        span[field.toStdString()] = json::parse(value.toStdString());
    QVERIFY_REJECTED(decodeOne(span), kPos + "." + message.toStdString());
}

void TestOtlpJsonDecoder::idWrongLength()
{
    json span = goodSpan("abcdef");
    QVERIFY_REJECTED(decodeOne(span), kPos + ".spanId: must be 8 bytes (16 hex chars), got 6 chars");

    span = goodSpan();
    span["traceId"] = "0102030405060708090a0b0c0d0e0f";
    QVERIFY_REJECTED(decodeOne(span), kPos + ".traceId: must be 16 bytes (32 hex chars), got 30 chars");

    span = goodSpan("zz02030405060708");
    QVERIFY_REJECTED(
        decodeOne(span),
        kPos +
            ".spanId: must be 8 bytes (16 hex chars), got 16 chars that are not hex: \"zz02030405060708\"");

    // A trace id where a span id belongs.
    span = goodSpan("0102030405060708090a0b0c0d0e0f10");
    QVERIFY_REJECTED(decodeOne(span), kPos + ".spanId: must be 8 bytes (16 hex chars), got 32 chars");
}

void TestOtlpJsonDecoder::allZeroTraceId()
{
    json span = goodSpan();
    span["traceId"] = "00000000000000000000000000000000";
    QVERIFY_REJECTED(decodeOne(span), kPos + ".traceId: all zero, which OTLP defines as an invalid id");
    span = goodSpan("0000000000000000");
    QVERIFY_REJECTED(decodeOne(span), kPos + ".spanId: all zero, which OTLP defines as an invalid id");
}

void TestOtlpJsonDecoder::parentSpanId()
{
    // Absent, null, empty and all zero all mean "root".
    for (const json &parent : {json(), json(""), json("0000000000000000"), json("AAAAAAAAAAA=")}) {
        json span = goodSpan();
        if (!parent.is_null())
            span["parentSpanId"] = parent;
        const auto r = decodeOne(span);
        QVERIFY2(r.ok() && r.spans.size() == 1, parent.dump().c_str());
        QCOMPARE(r.spans[0].parentSpanId, ""s);
    }
    json span = goodSpan();
    span["parentSpanId"] = nullptr;
    QCOMPARE(decodeOne(span).spans.at(0).parentSpanId, ""s);

    span["parentSpanId"] = "A1B2C3D4E5F60718";
    QCOMPARE(decodeOne(span).spans.at(0).parentSpanId, "a1b2c3d4e5f60718"s);

    span["parentSpanId"] = "a1b2c3";
    QVERIFY_REJECTED(decodeOne(span), kPos + ".parentSpanId: must be 8 bytes (16 hex chars), got 6 chars");
}

void TestOtlpJsonDecoder::base64Ids()
{
    // Protobuf-JSON style exporters send bytes fields as base64.
    json span = goodSpan();
    span["traceId"] = QByteArray::fromHex("5b8efff798038103d269b633813fc60c").toBase64().toStdString();
    span["spanId"] = QByteArray::fromHex("eee19b7ec3c1b174").toBase64().toStdString();
    span["parentSpanId"] = QByteArray::fromHex("eee19b7ec3c1b173").toBase64().toStdString();
    QCOMPARE(span["spanId"], json("7uGbfsPBsXQ="));
    const auto r = decodeOne(span);
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].traceId, "5b8efff798038103d269b633813fc60c"s);
    QCOMPARE(r.spans[0].spanId, "eee19b7ec3c1b174"s);
    QCOMPARE(r.spans[0].parentSpanId, "eee19b7ec3c1b173"s);

    // base64 of the wrong number of bytes
    span["spanId"] = QByteArray::fromHex("eee19b7ec3c1").toBase64().toStdString();
    QVERIFY_REJECTED(decodeOne(span), kPos + ".spanId: must be 8 bytes (16 hex chars), got 8 chars");
}

void TestOtlpJsonDecoder::endBeforeStart()
{
    json span = goodSpan();
    span["startTimeUnixNano"] = "2000";
    span["endTimeUnixNano"] = "1999";
    QVERIFY_REJECTED(decodeOne(span), kPos + ".endTimeUnixNano: 1999 is before startTimeUnixNano 2000");

    // A missing end is 0 (proto3 default), so it is before any start.
    span.erase("endTimeUnixNano");
    QVERIFY_REJECTED(decodeOne(span), kPos + ".endTimeUnixNano: 0 is before startTimeUnixNano 2000");

    span["endTimeUnixNano"] = "2000"; // zero duration is fine
    QCOMPARE(decodeOne(span).spans.size(), size_t(1));
}

void TestOtlpJsonDecoder::int64Forms_data()
{
    QTest::addColumn<QString>("start"); // JSON text of startTimeUnixNano
    QTest::addColumn<qint64>("expected");
    QTest::addColumn<QString>("error"); // empty: accepted
    QTest::newRow("string") << "\"1544712660000000000\"" << qint64(1544712660000000000) << "";
    QTest::newRow("number") << "1544712660000000000" << qint64(1544712660000000000) << "";
    QTest::newRow("zero") << "0" << qint64(0) << "";
    QTest::newRow("float integral") << "1.5e9" << qint64(1500000000) << "";
    QTest::newRow("int64 max string") << "\"9223372036854775807\"" << qint64(9223372036854775807) << "";
    QTest::newRow("int64 max + 1 string") << "\"9223372036854775808\"" << qint64(0)
                                          << "9223372036854775808 does not fit a signed 64-bit integer";
    QTest::newRow("uint64 number") << "11651379494838206464" << qint64(0)
                                   << "11651379494838206464 does not fit a signed 64-bit integer";
    QTest::newRow("beyond uint64 string") << "\"99999999999999999999\"" << qint64(0)
                                          << "99999999999999999999 does not fit a signed 64-bit integer";
    QTest::newRow("negative") << "-5" << qint64(0) << "must not be negative, got -5";
    QTest::newRow("negative string") << "\"-5\"" << qint64(0) << "must not be negative, got -5";
    QTest::newRow("fraction") << "1.5" << qint64(0) << "expected an integer, got 1.5";
    QTest::newRow("words") << "\"soon\"" << qint64(0) << "expected an integer, got \"soon\"";
    QTest::newRow("bool") << "true" << qint64(0)
                          << "expected an integer (number or decimal string), got boolean";
    QTest::newRow("leading space") << "\" 12\"" << qint64(0) << "expected an integer, got \" 12\"";
}

void TestOtlpJsonDecoder::int64Forms()
{
    QFETCH(QString, start);
    QFETCH(qint64, expected);
    QFETCH(QString, error);
    json span = goodSpan();
    span["startTimeUnixNano"] = json::parse(start.toStdString());
    span["endTimeUnixNano"] = "9223372036854775807";
    const auto r = decodeOne(span);
    if (error.isEmpty()) {
        QVERIFY(r.errors.empty());
        QCOMPARE(r.spans.size(), size_t(1));
        QCOMPARE(r.spans[0].startNs, int64_t(expected));
    } else {
        QVERIFY_REJECTED(r, kPos + ".startTimeUnixNano: " + error.toStdString());
    }
}

void TestOtlpJsonDecoder::enums_data()
{
    QTest::addColumn<QString>("field"); // "kind" or "status.code"
    QTest::addColumn<QString>("value"); // JSON text
    QTest::addColumn<int>("expected");
    QTest::addColumn<QString>("error");
    QTest::newRow("kind int") << "kind"
                              << "5" << 5 << "";
    QTest::newRow("kind name") << "kind"
                               << "\"SPAN_KIND_SERVER\"" << 2 << "";
    QTest::newRow("kind consumer") << "kind"
                                   << "\"SPAN_KIND_CONSUMER\"" << 5 << "";
    QTest::newRow("kind unspecified") << "kind"
                                      << "\"SPAN_KIND_UNSPECIFIED\"" << 0 << "";
    QTest::newRow("kind out of range")
        << "kind"
        << "6" << 0 << "kind: unknown span kind 6 (expected 0-5 or SPAN_KIND_*)";
    QTest::newRow("kind negative") << "kind"
                                   << "-1" << 0 << "kind: unknown span kind -1 (expected 0-5 or SPAN_KIND_*)";
    QTest::newRow("kind bad name") << "kind"
                                   << "\"SERVER\"" << 0
                                   << "kind: unknown span kind \"SERVER\" (expected 0-5 or SPAN_KIND_*)";
    QTest::newRow("kind bool") << "kind"
                               << "true" << 0 << "kind: expected an integer or an enum name, got boolean";
    QTest::newRow("status int") << "status.code"
                                << "2" << 2 << "";
    QTest::newRow("status name") << "status.code"
                                 << "\"STATUS_CODE_ERROR\"" << 2 << "";
    QTest::newRow("status ok name") << "status.code"
                                    << "\"STATUS_CODE_OK\"" << 1 << "";
    QTest::newRow("status out of range")
        << "status.code"
        << "3" << 0 << "status.code: unknown status code 3 (expected 0-2 or STATUS_CODE_*)";
    QTest::newRow("status bad name")
        << "status.code"
        << "\"ERROR\"" << 0 << "status.code: unknown status code \"ERROR\" (expected 0-2 or STATUS_CODE_*)";
}

void TestOtlpJsonDecoder::enums()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(int, expected);
    QFETCH(QString, error);
    json span = goodSpan();
    const json v = json::parse(value.toStdString());
    if (field == QLatin1String("kind"))
        span["kind"] = v;
    else
        span["status"] = json{{"code", v}};
    const auto r = decodeOne(span);
    if (!error.isEmpty()) {
        QVERIFY_REJECTED(r, kPos + "." + error.toStdString());
        return;
    }
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(field == QLatin1String("kind") ? r.spans[0].kind : int(r.spans[0].status), expected);
}

void TestOtlpJsonDecoder::status()
{
    json span = goodSpan();
    span["status"] = json{{"code", 2}, {"message", "upstream timed out"}};
    auto r = decodeOne(span);
    QCOMPARE(r.spans.at(0).status, SpanStatus::Error);
    QCOMPARE(r.spans.at(0).statusMessage, "upstream timed out"s);

    span["status"] = json::object();
    r = decodeOne(span);
    QCOMPARE(r.spans.at(0).status, SpanStatus::Unset);

    span["status"] = "ERROR";
    QVERIFY_REJECTED(decodeOne(span), kPos + ".status: expected an object, got string");

    span["status"] = json{{"message", 3}};
    QVERIFY_REJECTED(decodeOne(span), kPos + ".status.message: expected a string, got number");
}

void TestOtlpJsonDecoder::anyValueMapping()
{
    json span = goodSpan();
    span["attributes"] = json::array({
        kv("s", str("text")),
        kv("b", {{"boolValue", true}}),
        kv("i_string", {{"intValue", "-42"}}),
        kv("i_number", {{"intValue", 42}}),
        kv("i_big", {{"intValue", "9223372036854775807"}}),
        kv("d", {{"doubleValue", 0.25}}),
        kv("d_integral", {{"doubleValue", 3}}),
        kv("d_string", {{"doubleValue", "1.5"}}),
        kv("d_inf", {{"doubleValue", "-Infinity"}}),
        kv("bytes", {{"bytesValue", "AAAwOQ=="}}),
        kv("bytes_unpadded_urlsafe", {{"bytesValue", "-_8"}}), // 0xfb 0xff
        kv("array",
           {{"arrayValue", {{"values", json::array({str("a"), json{{"intValue", "1"}}, json::object()})}}}}),
        kv("empty_array", {{"arrayValue", json::object()}}),
        kv("kvlist",
           {{"kvlistValue",
             {{"values",
               json::array(
                   {kv("inner", str("x")),
                    kv("nested", {{"kvlistValue",
                                   {{"values", json::array({kv("deep", {{"boolValue", false}})})}}}})})}}}}),
        kv("empty_value", json::object()),
        json{{"key", "no_value"}},
    });
    const auto r = decodeOne(span);
    QVERIFY2(r.errors.empty(), r.errorSummary().c_str());
    QCOMPARE(r.spans.size(), size_t(1));
    const json &a = r.spans[0].attributes;
    QCOMPARE(a["s"], json("text"));
    QCOMPARE(a["b"], json(true));
    QCOMPARE(a["i_string"], json(-42));
    QCOMPARE(a["i_number"], json(42));
    QVERIFY(a["i_number"].is_number_integer());
    QCOMPARE(a["i_big"], json(int64_t(9223372036854775807)));
    QCOMPARE(a["d"], json(0.25));
    QVERIFY(a["d_integral"].is_number_float());
    QCOMPARE(a["d_integral"], json(3.0));
    QCOMPARE(a["d_string"], json(1.5));
    QCOMPARE(a["d_inf"].get<double>(), -std::numeric_limits<double>::infinity());
    QCOMPARE(a["bytes"], json("AAAwOQ=="));
    QCOMPARE(a["bytes_unpadded_urlsafe"], json("+/8="));
    QCOMPARE(a["array"], json::array({"a", 1, nullptr}));
    QCOMPARE(a["empty_array"], json::array());
    QCOMPARE(a["kvlist"], json({{"inner", "x"}, {"nested", {{"deep", false}}}}));
    QCOMPARE(a["empty_value"], json(nullptr));
    QCOMPARE(a["no_value"], json(nullptr));
    QCOMPARE(a.size(), size_t(16));
}

void TestOtlpJsonDecoder::attributeWrongTypeRejectsSpan_data()
{
    QTest::addColumn<QString>("attribute"); // JSON text of one KeyValue
    QTest::addColumn<QString>("error");
    QTest::newRow("string as number")
        << R"({"key":"k","value":{"stringValue":5}})"
        << R"(attributes["k"].value.stringValue: expected a string, got number)";
    QTest::newRow("int as bool")
        << R"({"key":"peer.port","value":{"intValue":true}})"
        << R"(attributes["peer.port"].value.intValue: expected an integer (number or decimal string), got boolean)";
    QTest::newRow("int as words") << R"({"key":"k","value":{"intValue":"ten"}})"
                                  << R"(attributes["k"].value.intValue: expected an integer, got "ten")";
    QTest::newRow("int too large")
        << R"({"key":"k","value":{"intValue":"9223372036854775808"}})"
        << R"(attributes["k"].value.intValue: 9223372036854775808 does not fit a signed 64-bit integer)";
    QTest::newRow("bool as string") << R"({"key":"k","value":{"boolValue":"true"}})"
                                    << R"(attributes["k"].value.boolValue: expected a boolean, got string)";
    QTest::newRow("double as words") << R"({"key":"k","value":{"doubleValue":"much"}})"
                                     << R"(attributes["k"].value.doubleValue: expected a number, got "much")";
    QTest::newRow("bytes not base64") << R"({"key":"k","value":{"bytesValue":"***"}})"
                                      << R"(attributes["k"].value.bytesValue: not valid base64)";
    QTest::newRow("value plain string")
        << R"({"key":"k","value":"plain"})"
        << R"(attributes["k"].value: expected an object (AnyValue), got string)";
    QTest::newRow("two values")
        << R"({"key":"k","value":{"stringValue":"a","intValue":1}})"
        << R"(attributes["k"].value: more than one value set (intValue and stringValue))";
    QTest::newRow("array values not array")
        << R"({"key":"k","value":{"arrayValue":{"values":{}}}})"
        << R"(attributes["k"].value.arrayValue.values: expected an array, got object)";
    QTest::newRow("array element bad")
        << R"({"key":"k","value":{"arrayValue":{"values":[{"stringValue":"a"},{"boolValue":1}]}}})"
        << R"(attributes["k"].value.arrayValue.values[1].boolValue: expected a boolean, got number)";
    QTest::newRow("kvlist element bad")
        << R"({"key":"k","value":{"kvlistValue":{"values":[{"key":"in","value":{"intValue":[]}}]}}})"
        << R"(attributes["k"].value.kvlistValue.values["in"].value.intValue: expected an integer (number or decimal string), got array)";
    QTest::newRow("key not string") << R"({"key":7,"value":{"stringValue":"a"}})"
                                    << R"(attributes[0].key: expected a string, got number)";
    QTest::newRow("entry not object") << R"("k=v")"
                                      << R"(attributes[0]: expected an object {key, value}, got string)";
}

void TestOtlpJsonDecoder::attributeWrongTypeRejectsSpan()
{
    QFETCH(QString, attribute);
    QFETCH(QString, error);
    json span = goodSpan();
    span["attributes"] = json::array({json::parse(attribute.toStdString())});
    QVERIFY_REJECTED(decodeOne(span), kPos + "." + error.toStdString());

    span["attributes"] = json{{"k", "v"}};
    QVERIFY_REJECTED(decodeOne(span), kPos + ".attributes: expected an array, got object");
}

void TestOtlpJsonDecoder::duplicateAttributeKeyLastWins()
{
    json span = goodSpan();
    span["attributes"] = json::array({kv("k", str("first")), kv("k", str("second"))});
    QCOMPARE(decodeOne(span).spans.at(0).attributes, json({{"k", "second"}}));
}

void TestOtlpJsonDecoder::resourceErrorRejectsItsSpans()
{
    json doc = request(json::array({goodSpan(), goodSpan("0102030405060709")}),
                       json::array({kv("service.name", {{"intValue", "x"}})}));
    // A second, healthy resource keeps its span.
    doc["resourceSpans"].push_back(request(json::array({goodSpan("0102030405060710")}))["resourceSpans"][0]);
    const auto r = OtlpJsonDecoder::decode(doc.dump());
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].spanId, "0102030405060710"s);
    QCOMPARE(r.rejectedSpans, int64_t(2));
    QCOMPARE(r.errors, std::vector<std::string>{
                           "resourceSpans[0].resource.attributes[\"service.name\"].value.intValue: "
                           "expected an integer, got \"x\" (2 spans rejected)"});

    const auto notObject = OtlpJsonDecoder::decode(
        R"({"resourceSpans":[{"resource":[],"scopeSpans":[{"spans":[{}, {}, {}]}, {"spans":[{}]}]}]})");
    QCOMPARE(notObject.rejectedSpans, int64_t(4));
    QCOMPARE(notObject.errors,
             std::vector<std::string>{
                 "resourceSpans[0].resource: expected an object, got array (4 spans rejected)"});
}

void TestOtlpJsonDecoder::scopeErrorRejectsItsSpans()
{
    json doc = request(json::array({goodSpan(), goodSpan("0102030405060709")}));
    doc["resourceSpans"][0]["scopeSpans"][0]["scope"]["version"] = 2;
    const auto r = OtlpJsonDecoder::decode(doc.dump());
    QVERIFY(r.ok());
    QVERIFY(r.spans.empty());
    QCOMPARE(r.rejectedSpans, int64_t(2));
    QCOMPARE(r.errors, std::vector<std::string>{"resourceSpans[0].scopeSpans[0].scope.version: expected a "
                                                "string, got number (2 spans rejected)"});
}

void TestOtlpJsonDecoder::eventsAndLinks()
{
    json span = goodSpan();
    span["events"] = json::array({
        json{{"timeUnixNano", "1500"},
             {"name", "exception"},
             {"attributes", json::array({kv("exception.type", str("E"))})}},
        json{{"timeUnixNano", 1600}},
    });
    span["links"] = json::array({
        json{{"traceId", "AAAAAAAAAAAAAAAAAAAAAAAA00000001"}, {"spanId", "00000000000000AB"}},
        // OTel records links to invalid contexts when they carry attributes: keep all-zero and empty ids.
        json{{"traceId", "00000000000000000000000000000000"},
             {"spanId", "0000000000000000"},
             {"attributes", json::array({kv("reason", str("retry"))})}},
        json{{"attributes", json::array({kv("x", {{"intValue", 1}})})}},
    });
    const auto r = decodeOne(span);
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
                          json{{"traceId", ""}, {"spanId", ""}, {"attributes", {{"x", 1}}}},
                      }));
}

void TestOtlpJsonDecoder::eventAndLinkErrors_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("error");
    QTest::newRow("events not array") << "events"
                                      << R"({"name":"e"})"
                                      << "events: expected an array, got object";
    QTest::newRow("event not object") << "events"
                                      << R"([{"name":"ok"}, 1])"
                                      << "events[1]: expected an object, got number";
    QTest::newRow("event time too large")
        << "events"
        << R"([{"timeUnixNano":"18446744073709551615"}])"
        << "events[0].timeUnixNano: 18446744073709551615 does not fit a signed 64-bit integer";
    QTest::newRow("event name number") << "events"
                                       << R"([{"name":1}])"
                                       << "events[0].name: expected a string, got number";
    QTest::newRow("event attribute bad")
        << "events"
        << R"([{"attributes":[{"key":"a","value":{"boolValue":0}}]}])"
        << R"(events[0].attributes["a"].value.boolValue: expected a boolean, got number)";
    QTest::newRow("link span id short")
        << "links"
        << R"([{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102"}])"
        << "links[0].spanId: must be 8 bytes (16 hex chars), got 4 chars";
    QTest::newRow("link trace id number") << "links"
                                          << R"([{"traceId":5}])"
                                          << "links[0].traceId: expected a hex string, got number";
    QTest::newRow("links not array") << "links"
                                     << R"("none")"
                                     << "links: expected an array, got string";
}

void TestOtlpJsonDecoder::eventAndLinkErrors()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, error);
    json span = goodSpan();
    span[field.toStdString()] = json::parse(value.toStdString());
    QVERIFY_REJECTED(decodeOne(span), kPos + "." + error.toStdString());
}

void TestOtlpJsonDecoder::hugeAttributeKeptIntact()
{
    std::string big(5 * 1024 * 1024, 'x');
    for (size_t i = 0; i < big.size(); i += 997)
        big[i] = char('a' + i % 26);
    big.replace(100, 12, "quote\"\\slash"); // escaped characters survive the round trip
    json span = goodSpan();
    span["attributes"] = json::array({kv("gen_ai.input.messages", str(big))});
    const auto r = decodeOne(span);
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    const auto &value = r.spans[0].attributes["gen_ai.input.messages"].get_ref<const std::string &>();
    QCOMPARE(value.size(), big.size());
    QVERIFY(value == big);
}

void TestOtlpJsonDecoder::snakeCaseKeys()
{
    const char *body = R"({"resource_spans":[{
        "resource":{"attributes":[{"key":"service.name","value":{"string_value":"snake"}}]},
        "scope_spans":[{"scope":{"name":"lib"},"spans":[{
            "trace_id":"0102030405060708090A0B0C0D0E0F10","span_id":"0102030405060708",
            "parent_span_id":"1112131415161718","name":"op","kind":"SPAN_KIND_CLIENT",
            "start_time_unix_nano":"10","end_time_unix_nano":"20",
            "attributes":[{"key":"n","value":{"int_value":"7"}},
                          {"key":"a","value":{"array_value":{"values":[{"bool_value":true}]}}},
                          {"key":"kv","value":{"kvlist_value":{"values":[{"key":"d","value":{"double_value":1.5}}]}}},
                          {"key":"raw","value":{"bytes_value":"AQI="}}],
            "events":[{"time_unix_nano":"15","name":"e"}],
            "links":[{"trace_id":"0102030405060708090a0b0c0d0e0f10","span_id":"2122232425262728"}],
            "status":{"code":"STATUS_CODE_ERROR","message":"bad"}}]}]}]})";
    const auto r = OtlpJsonDecoder::decode(body);
    QVERIFY2(r.errors.empty(), r.errorSummary().c_str());
    QCOMPARE(r.spans.size(), size_t(1));
    const Span &s = r.spans[0];
    QCOMPARE(s.service, "snake"s);
    QCOMPARE(s.traceId, "0102030405060708090a0b0c0d0e0f10"s);
    QCOMPARE(s.parentSpanId, "1112131415161718"s);
    QCOMPARE(s.kind, 3);
    QCOMPARE(s.startNs, int64_t(10));
    QCOMPARE(s.endNs, int64_t(20));
    QCOMPARE(s.status, SpanStatus::Error);
    QCOMPARE(s.statusMessage, "bad"s);
    QCOMPARE(s.attributes,
             json({{"n", 7}, {"a", json::array({true})}, {"kv", {{"d", 1.5}}}, {"raw", "AQI="}}));
    QCOMPARE(s.events, json::array({json{{"name", "e"}, {"timeNs", 15}, {"attributes", json::object()}}}));
    QCOMPARE(s.links[0]["spanId"], json("2122232425262728"));

    // Error messages name the keys as the client spelled them.
    const auto bad = OtlpJsonDecoder::decode(
        R"({"resource_spans":[{"scope_spans":[{"spans":[{"trace_id":"0102030405060708090a0b0c0d0e0f10","span_id":"12"}]}]}]})");
    QCOMPARE(bad.errors, std::vector<std::string>{
                             "resource_spans[0].scope_spans[0].spans[0].span_id: must be 8 bytes (16 hex "
                             "chars), got 2 chars"});
}

void TestOtlpJsonDecoder::legacyInstrumentationLibrary()
{
    const char *body = R"({"resourceSpans":[{"instrumentationLibrarySpans":[{
        "instrumentationLibrary":{"name":"old-lib","version":"0.9"},
        "spans":[{"traceId":"0102030405060708090a0b0c0d0e0f10","spanId":"0102030405060708","name":"legacy"},
                 {"traceId":"0102030405060708090a0b0c0d0e0f10"}]}]}]})";
    const auto r = OtlpJsonDecoder::decode(body);
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].name, "legacy"s);
    QCOMPARE(r.spans[0].scope,
             json({{"name", "old-lib"}, {"version", "0.9"}, {"attributes", json::object()}}));
    QCOMPARE(r.spans[0].service, ""s);
    QCOMPARE(r.spans[0].resource, json::object());
    QCOMPARE(r.errors, std::vector<std::string>{
                           "resourceSpans[0].instrumentationLibrarySpans[0].spans[1].spanId: missing"});
}

void TestOtlpJsonDecoder::unknownFieldsIgnored()
{
    json span = goodSpan();
    span["traceState"] = "k=v";
    span["flags"] = 257;
    span["droppedAttributesCount"] = 3;
    span["somethingNew"] = json{{"nested", json::array({1, 2})}};
    json doc = request(json::array({span}));
    doc["resourceSpans"][0]["schemaUrl"] = "https://opentelemetry.io/schemas/1.4.0";
    doc["resourceSpans"][0]["scopeSpans"][0]["scope"]["droppedAttributesCount"] = 0;
    doc["partialSuccess"] = json::object();
    const auto r = OtlpJsonDecoder::decode(doc.dump());
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans.size(), size_t(1));
}

void TestOtlpJsonDecoder::nullMeansDefault()
{
    json span = goodSpan();
    span["name"] = nullptr;
    span["kind"] = nullptr;
    span["status"] = nullptr;
    span["attributes"] = nullptr;
    span["events"] = nullptr;
    span["links"] = nullptr;
    span["startTimeUnixNano"] = nullptr;
    const auto r = decodeOne(span);
    QVERIFY2(r.errors.empty(), r.errorSummary().c_str());
    const Span &s = r.spans.at(0);
    QCOMPARE(s.name, ""s);
    QCOMPARE(s.kind, 0);
    QCOMPARE(s.startNs, int64_t(0));
    QCOMPARE(s.status, SpanStatus::Unset);
    QCOMPARE(s.attributes, json::object());
    QCOMPARE(s.events, json::array());
    QCOMPARE(s.links, json::array());
}

void TestOtlpJsonDecoder::mixedBatchKeepsGoodSpans()
{
    json noTrace = goodSpan("0000000000000003");
    noTrace.erase("traceId");
    json backwards = goodSpan("0000000000000005");
    backwards["endTimeUnixNano"] = "1";
    json badAttr = goodSpan("0000000000000007");
    badAttr["attributes"] = json::array({kv("http.status_code", {{"intValue", 2.5}})});
    const json spans = json::array({goodSpan("0000000000000001"), goodSpan("0000000000000002"), noTrace,
                                    goodSpan("0000000000000004"), backwards, goodSpan("abc"), badAttr, "span",
                                    goodSpan("0000000000000009")});
    const auto r = decodeSpans(spans);
    QVERIFY(r.ok());
    QCOMPARE(r.rejectedSpans, int64_t(5));
    QCOMPARE(r.spans.size(), size_t(4));
    std::vector<std::string> ids;
    for (const auto &s : r.spans) {
        ids.push_back(s.spanId);
        QCOMPARE(s.service, "svc"s);
        QCOMPARE(s.scope["name"], json("lib"));
    }
    QCOMPARE(ids, (std::vector<std::string>{"0000000000000001", "0000000000000002", "0000000000000004",
                                            "0000000000000009"}));
    const std::string p = "resourceSpans[0].scopeSpans[0].spans[";
    const std::vector<std::string> expected{
        p + "2].traceId: missing",
        p + "4].endTimeUnixNano: 1 is before startTimeUnixNano 1000",
        p + "5].spanId: must be 8 bytes (16 hex chars), got 3 chars",
        p + "6].attributes[\"http.status_code\"].value.intValue: expected an integer, got 2.5",
        p + "7]: expected an object, got string",
    };
    QCOMPARE(r.errors, expected);
    std::string summary;
    for (const auto &e : expected)
        summary += (summary.empty() ? "" : "; ") + e;
    QCOMPARE(r.errorSummary(), summary);
}

void TestOtlpJsonDecoder::errorLinesAreCapped()
{
    json spans = json::array();
    for (int i = 0; i < 30; ++i)
        spans.push_back(goodSpan("short"));
    spans.push_back(goodSpan());
    const auto r = decodeSpans(spans);
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.rejectedSpans, int64_t(30));
    QCOMPARE(r.errors.size(), DecodeResult::kMaxErrors);
    QVERIFY2(contains(r.errorSummary(), "(10 more rejected)"), r.errorSummary().c_str());
}

QTEST_GUILESS_MAIN(TestOtlpJsonDecoder)
#include "test_otlpjsondecoder.moc"

#include "jaegerdecoder.h"

#include <QFile>
#include <QtTest>

using namespace tracedeck;
using nlohmann::json;

namespace {

std::string fixture(const char *relative)
{
    QFile file(QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(relative));
    return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
}

const Span *byName(const DecodeResult &result, const std::string &name, int nth = 0)
{
    for (const Span &span : result.spans)
        if (span.name == name && nth-- == 0)
            return &span;
    return nullptr;
}

} // namespace

class TestJaegerDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelFixture()
    {
        const auto result = JaegerDecoder::decode(fixture("jaeger/jaeger-model-ui-01.json"));
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(5));
        QCOMPARE(result.rejectedSpans, 0);

        // Two different spans under "2": the first keeps it (unpadded, as given), the second gets a derived
        // id and a warning names it.
        const Span *first = byName(result, "test-general-conversion");
        const Span *second = byName(result, "some-operation");
        QVERIFY(first && second);
        QCOMPARE(first->spanId, std::string("2"));
        QCOMPARE(first->traceId, std::string("0000000000000001"));
        QVERIFY(second->spanId != "2");
        QCOMPARE(second->spanId.size(), size_t(16));
        QCOMPARE(second->attributes["tracedeck.original_span_id"], json("2"));
        QCOMPARE(result.errors.size(), size_t(1));
        QVERIFY(result.errors.front().find("\"2\" is used by an earlier, different span") !=
                std::string::npos);

        // Microseconds, typed tags, error=true.
        QCOMPARE(first->startNs, 1485467191639875000ll);
        QCOMPARE(first->endNs, 1485467191639880000ll);
        QCOMPARE(second->attributes["peer.ipv4"], json(23456));
        QCOMPARE(second->attributes["error"], json(true));
        QCOMPARE(second->attributes["temperature"], json(72.5));
        QCOMPARE(second->attributes["blob"], json("AAAwOQ=="));
        QCOMPARE(second->status, SpanStatus::Error);
        QCOMPARE(first->status, SpanStatus::Unset);

        // Logs are events: the "event" field names them, the other fields are attributes.
        QCOMPARE(first->events.size(), size_t(2));
        QCOMPARE(first->events[0]["name"], json("some-event"));
        QCOMPARE(first->events[1]["attributes"]["x"], json("y"));

        // Processes: service and resource.
        QCOMPARE(first->service, std::string("service-x"));
        QCOMPARE(first->resource["service.name"], json("service-x"));

        // CHILD_OF in the trace is the parent; a CHILD_OF into another trace and FOLLOWS_FROM are links.
        const Span *reference = byName(result, "reference-test");
        QVERIFY(reference);
        QCOMPARE(reference->parentSpanId, std::string("2"));
        QCOMPARE(reference->links.size(), size_t(2));
        QCOMPARE(reference->links[0]["traceId"], json("00000000000000ff"));
        QCOMPARE(reference->links[0]["spanId"], json("ff"));
        QCOMPARE(reference->links[1]["attributes"]["jaeger.ref_type"], json("FOLLOWS_FROM"));
        QCOMPARE(reference->attributes["jaeger.warnings"], json::array({"some span warning"}));
        QCOMPARE(byName(result, "preserveParentID-test")->parentSpanId, std::string("4"));
    }

    void kindStatusAndShapes()
    {
        const json span = {
            {"traceID", "AB12"},
            {"spanID", "C3"},
            {"operationName", "GET /x"},
            {"startTime", "1000"},
            {"duration", 20},
            {"process", {{"serviceName", "inline"}, {"tags", json::array()}}},
            {"tags", json::array({{{"key", "span.kind"}, {"type", "string"}, {"value", "server"}},
                                  {{"key", "otel.status_code"}, {"type", "string"}, {"value", "OK"}},
                                  {{"key", "n"}, {"type", "int64"}, {"value", "12"}}})}};
        for (const json &body :
             {json{{"data", json::array({{{"traceID", "ab12"}, {"spans", json::array({span})}}})}},
              json::array({{{"traceID", "ab12"}, {"spans", json::array({span})}}})}) {
            const auto result = JaegerDecoder::decode(body.dump());
            QVERIFY2(result.ok(), result.fatalError.c_str());
            QCOMPARE(result.spans.size(), size_t(1));
            const Span &s = result.spans.front();
            QCOMPARE(s.traceId, std::string("ab12")); // lowercased, not padded
            QCOMPARE(s.spanId, std::string("c3"));
            QCOMPARE(s.kind, 2);
            QCOMPARE(s.status, SpanStatus::Ok);
            QCOMPARE(s.service, std::string("inline")); // a process on the span (older exports)
            QCOMPARE(s.attributes["n"], json(12));
            QCOMPARE(s.startNs, 1000000ll);
            QCOMPARE(s.endNs, 1020000ll);
        }
        // The same span twice, identically: stored once, no warning.
        const json twice = {{"traceID", "ab12"}, {"spans", json::array({span, span})}};
        const auto result = JaegerDecoder::decode(twice.dump());
        QCOMPARE(result.spans.size(), size_t(1));
        QVERIFY(result.errors.empty());
    }

    void badInputIsNamed()
    {
        QVERIFY(JaegerDecoder::decode("").fatalError == "empty body");
        QVERIFY(JaegerDecoder::decode("{\"data\": {}}").fatalError.find("data: expected an array") == 0);
        QVERIFY(JaegerDecoder::decode("[1,2").fatalError.find("malformed JSON") == 0);
        const json bad = {{"traceID", "1"},
                          {"spans", json::array({{{"spanID", "1"}, {"startTime", -5}},
                                                 {{"spanID", "2"}, {"startTime", 5}, {"duration", "x"}},
                                                 {{"spanID", "3"}, {"startTime", 5}}})}};
        const auto result = JaegerDecoder::decode(bad.dump());
        QCOMPARE(result.spans.size(), size_t(1));
        QCOMPARE(result.rejectedSpans, 2);
        QCOMPARE(result.errors[0], std::string("trace.spans[0].startTime: not a time in microseconds"));
        QCOMPARE(result.errors[1],
                 std::string("trace.spans[1].duration: not a non-negative number of microseconds"));
    }
};

QTEST_GUILESS_MAIN(TestJaegerDecoder)
#include "test_jaegerdecoder.moc"

#include "langfusedecoder.h"
#include "normalizer.h"

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

} // namespace

class TestLangfuseDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void observationsBecomeSpansUnderTheTrace()
    {
        auto result = LangfuseDecoder::decode(fixture("langfuse/openai-agents-2025-09-30.json"));
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(6));
        const Span &root = result.spans.front();
        QCOMPARE(root.name, std::string("Agent workflow"));
        QCOMPARE(root.traceId, std::string("fee618f96dc31e0ca38b2f7b26eb8b29"));
        QVERIFY(root.parentSpanId.empty());
        QCOMPARE(root.startNs, 1759223039962000000ll); // 2025-09-30T09:03:59.962Z
        for (size_t i = 1; i < result.spans.size(); ++i)
            QVERIFY(!result.spans[i].parentSpanId.empty());
        QCOMPARE(result.spans[1].parentSpanId, root.spanId); // no parentObservationId: under the trace

        const Normalizer normalizer;
        int generations = 0;
        for (Span &span : result.spans) {
            normalizer.normalize(span);
            if (span.attributes.value("langfuse.observation.type", std::string()) != "GENERATION")
                continue;
            ++generations;
            QCOMPARE(span.fields.category, std::string("llm"));
            QCOMPARE(span.fields.model, std::string("gpt-4.1-2025-04-14"));
            QVERIFY(span.fields.inputTokens.has_value());
            QVERIFY(span.fields.outputTokens.has_value());
            QCOMPARE(span.fields.costSource, CostSource::Given);
            QVERIFY(span.fields.costUsd.value_or(0) > 0);
            QVERIFY2(!span.fields.messages.empty(), span.attributes.dump().c_str());
        }
        QCOMPARE(generations, 2);
        // The first generation: usage and cost as Langfuse recorded them.
        const auto it = std::find_if(result.spans.begin(), result.spans.end(), [](const Span &s) {
            return s.attributes.value("gen_ai.usage.input_tokens", 0) == 85;
        });
        QVERIFY(it != result.spans.end());
        QCOMPARE(it->fields.inputTokens.value(), 85);
        QCOMPARE(it->fields.outputTokens.value(), 29);
        QCOMPARE(it->fields.costUsd.value(), 0.000402);
        QCOMPARE(it->attributes["gen_ai.request.temperature"], json(1));
    }

    void metadataGivesBackTheOtelAttributes()
    {
        const auto result = LangfuseDecoder::decode(fixture("langfuse/pydantic-ai-tools-2025-12-04.json"));
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(13));
        int tools = 0;
        for (const Span &span : result.spans) {
            tools += span.attributes.value("tracedeck.category", std::string()) == "tool";
            QVERIFY(span.resource.is_object());
        }
        QCOMPARE(tools, 3);
        QVERIFY(!result.spans[1].scope.empty());
    }

    void levelErrorAndBadInput()
    {
        const json file = {
            {"trace", {{"id", "t-1"}, {"name", "run"}, {"timestamp", "2025-01-01T00:00:00Z"}}},
            {"observations", json::array({{{"id", "o1"},
                                           {"type", "SPAN"},
                                           {"name", "step"},
                                           {"startTime", "2025-01-01T00:00:01Z"},
                                           {"endTime", "2025-01-01T00:00:02Z"},
                                           {"level", "ERROR"},
                                           {"statusMessage", "boom"}},
                                          {{"id", "o2"}, {"type", "SPAN"}, {"name", "no start"}},
                                          {{"type", "SPAN"}, {"startTime", "2025-01-01T00:00:01Z"}}})}};
        const auto result = LangfuseDecoder::decode(file.dump());
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(2));
        QCOMPARE(result.spans[0].traceId, std::string("t-1"));  // not hex: kept as given
        QCOMPARE(result.spans[0].endNs, 1735689602000000000ll); // the root ends with its last observation
        QCOMPARE(result.spans[1].status, SpanStatus::Error);
        QCOMPARE(result.spans[1].statusMessage, std::string("boom"));
        QCOMPARE(result.rejectedSpans, 2);
        QCOMPARE(result.errors[0], std::string("observations[1].startTime: missing or not an ISO 8601 time"));
        QCOMPARE(result.errors[1], std::string("observations[2].id: missing"));

        QCOMPARE(LangfuseDecoder::decode("{\"observations\": []}").fatalError,
                 std::string("trace: expected the exported trace object"));
        QCOMPARE(LangfuseDecoder::decode("{\"trace\": {}}").fatalError, std::string("trace.id: missing"));
    }
};

QTEST_GUILESS_MAIN(TestLangfuseDecoder)
#include "test_langfusedecoder.moc"

#include "chrometracedecoder.h"

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

const Span *byName(const DecodeResult &result, const std::string &name)
{
    for (const Span &span : result.spans)
        if (span.name == name)
            return &span;
    return nullptr;
}

std::string parentName(const DecodeResult &result, const Span &span)
{
    for (const Span &s : result.spans)
        if (s.spanId == span.parentSpanId)
            return s.name;
    return {};
}

} // namespace

class TestChromeTraceDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void beginEndAndCompleteNestByTime()
    {
        for (const char *file : {"chrome/speedscope-simple.json", "chrome/speedscope-simple-partial.json"}) {
            const auto result = ChromeTraceDecoder::decode(fixture(file));
            QVERIFY2(result.ok(), result.fatalError.c_str());
            QCOMPARE(result.spans.size(), size_t(4));
            const Span *alpha = byName(result, "alpha");
            const Span *gamma = byName(result, "gamma");
            const Span *epsilon = byName(result, "epsilon");
            QVERIFY(alpha && gamma && epsilon);
            QVERIFY(alpha->parentSpanId.empty());
            QCOMPARE(alpha->startNs, 0ll);
            QCOMPARE(alpha->endNs, 14000ll); // µs
            QCOMPARE(parentName(result, *byName(result, "beta")), std::string("alpha"));
            QCOMPARE(parentName(result, *gamma), std::string("beta"));
            QCOMPARE(parentName(result, *epsilon), std::string("beta"));
            QCOMPARE(epsilon->endNs - epsilon->startNs, 4000ll); // tdur when there is no dur
            QCOMPARE(gamma->attributes["args.detail"], json("foobar"));
            QCOMPARE(alpha->service, std::string("pid 0"));
        }
        // The unterminated file is the same trace content-wise but a different file: its own trace id.
        QVERIFY(
            ChromeTraceDecoder::decode(fixture("chrome/speedscope-simple.json")).spans[0].traceId !=
            ChromeTraceDecoder::decode(fixture("chrome/speedscope-simple-partial.json")).spans[0].traceId);
        // The same file twice: the same ids (re-import stores once).
        QCOMPARE(ChromeTraceDecoder::decode(fixture("chrome/speedscope-simple.json")).spans[2].spanId,
                 ChromeTraceDecoder::decode(fixture("chrome/speedscope-simple.json")).spans[2].spanId);
    }

    void metadataNamesServicesAndThreads()
    {
        const auto result = ChromeTraceDecoder::decode(fixture("chrome/speedscope-multiprocess.json"));
        QVERIFY2(result.ok(), result.fatalError.c_str());
        const Span *alpha = byName(result, "alpha");
        QVERIFY(alpha);
        QCOMPARE(alpha->service, std::string("p0"));
        QCOMPARE(alpha->attributes["thread.name"], json("p0t0"));
        QCOMPARE(alpha->resource["process.pid"], json("0"));
    }

    void asyncInstantFlowAndBadEvents()
    {
        const json events = json::array({
            {{"ph", "M"}, {"pid", 1}, {"tid", 1}, {"name", "process_name"}, {"args", {{"name", "browser"}}}},
            {{"ph", "X"}, {"pid", 1}, {"tid", 1}, {"name", "task"}, {"ts", 100}, {"dur", 50}},
            {{"ph", "i"}, {"pid", 1}, {"tid", 1}, {"name", "mark"}, {"ts", 120}, {"s", "t"}},
            {{"ph", "s"}, {"pid", 1}, {"tid", 1}, {"name", "flow"}, {"cat", "c"}, {"id", 7}, {"ts", 110}},
            {{"ph", "X"}, {"pid", 1}, {"tid", 2}, {"name", "handler"}, {"ts", 300}, {"dur", 20}},
            {{"ph", "f"},
             {"pid", 1},
             {"tid", 2},
             {"name", "flow"},
             {"cat", "c"},
             {"id", 7},
             {"ts", 305},
             {"bp", "e"}},
            {{"ph", "b"},
             {"pid", 1},
             {"tid", 3},
             {"name", "fetch"},
             {"cat", "net"},
             {"id", "0x1"},
             {"ts", 50}},
            {{"ph", "n"},
             {"pid", 1},
             {"tid", 3},
             {"name", "headers"},
             {"cat", "net"},
             {"id", "0x1"},
             {"ts", 60}},
            {{"ph", "e"},
             {"pid", 1},
             {"tid", 4},
             {"name", "fetch"},
             {"cat", "net"},
             {"id", "0x1"},
             {"ts", 400}},
            {{"ph", "E"}, {"pid", 1}, {"tid", 9}, {"ts", 5}},
            {{"ph", "X"}, {"pid", 1}, {"tid", 1}, {"name", "no time"}},
            {{"ph", "C"}, {"pid", 1}, {"tid", 1}, {"name", "counter"}, {"ts", 5}},
        });
        const auto result = ChromeTraceDecoder::decode(json{{"traceEvents", events}}.dump());
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(5)); // task, mark, handler, fetch, headers
        QCOMPARE(parentName(result, *byName(result, "mark")), std::string("task"));
        const Span *fetch = byName(result, "fetch");
        QCOMPARE(fetch->startNs, 50000ll);
        QCOMPARE(fetch->endNs, 400000ll); // async: begin and end on different threads
        QCOMPARE(parentName(result, *byName(result, "headers")), std::string("fetch"));
        const Span *handler = byName(result, "handler");
        QCOMPARE(handler->links.size(), size_t(1));
        QCOMPARE(handler->links[0]["spanId"], json(byName(result, "task")->spanId));
        QCOMPARE(byName(result, "task")->service, std::string("browser"));
        QCOMPARE(result.rejectedSpans, 2);
        QVERIFY(result.errors[0].find("traceEvents[9]: an E (end) event with no B") == 0);
        QVERIFY(result.errors[1].find("traceEvents[10].ts: missing") == 0);
        QVERIFY(result.errors[2].find("phase 'C'") != std::string::npos);
    }

    void devtoolsExport()
    {
        const auto result = ChromeTraceDecoder::decode(fixture("chrome/chrome-devtools-116-trace.json"));
        QVERIFY2(result.ok(), result.fatalError.c_str());
        QCOMPARE(result.spans.size(), size_t(2800));
        size_t links = 0;
        for (const Span &s : result.spans)
            links += s.links.size();
        QVERIFY(links > 0);
    }

    void notATrace()
    {
        QVERIFY(ChromeTraceDecoder::decode("{\"traceEvents\": 3}").fatalError.find("traceEvents: expected") ==
                0);
        QVERIFY(ChromeTraceDecoder::decode("[{\"ph\":\"M\"}]").fatalError == "no trace events with a time");
        QVERIFY(ChromeTraceDecoder::decode("[{\"ph\":").fatalError.find("malformed JSON") == 0);
    }
};

QTEST_GUILESS_MAIN(TestChromeTraceDecoder)
#include "test_chrometracedecoder.moc"

#include "fileimport.h"
#include "gzipsupport.h"
#include "otlpjsondecoder.h"
#include "spanwriter.h"
#include "tracefilereader.h"
#include "zipkindecoder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <set>

using namespace tracedeck;
using nlohmann::json;
using tracedeck::testing::gzip;

namespace {

QString dataPath(const QString &relative)
{
    return QStringLiteral(TRACEDECK_TEST_DATA "/") + relative;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

struct Shape {
    int spans = 0;
    int roots = 0;   // no parent
    int orphans = 0; // a parent not in the file
    int traces = 0;
    QString services; // sorted, comma-separated
};

Shape shapeOf(const SpanBatch &spans)
{
    Shape shape;
    std::set<std::pair<std::string, std::string>> ids;
    std::set<std::string> services, traces;
    for (const Span &s : spans) {
        ids.insert({s.traceId, s.spanId});
        traces.insert(s.traceId);
        if (!s.service.empty())
            services.insert(s.service);
    }
    shape.spans = int(spans.size());
    shape.traces = int(traces.size());
    for (const Span &s : spans) {
        if (s.parentSpanId.empty())
            ++shape.roots;
        else if (!ids.count({s.traceId, s.parentSpanId}))
            ++shape.orphans;
    }
    QStringList names;
    for (const std::string &name : services)
        names << QString::fromStdString(name);
    shape.services = names.join(QLatin1Char(','));
    return shape;
}

qint64 count(const QString &dbPath, const char *sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
}

// OTLP JSON Lines as the Collector's file exporter writes: `lines` requests of `spansPerLine` spans, one
// trace per line, LLM attributes of ~1 KB per span.
QByteArray generatedJsonLines(int lines, int spansPerLine)
{
    QByteArray out;
    const std::string prompt(700, 'x');
    for (int line = 0; line < lines; ++line) {
        char traceId[33];
        std::snprintf(traceId, sizeof traceId, "%032x", line + 1);
        json spans = json::array();
        for (int i = 0; i < spansPerLine; ++i) {
            char spanId[17];
            std::snprintf(spanId, sizeof spanId, "%016x", line * 100 + i + 1);
            char parentId[17];
            std::snprintf(parentId, sizeof parentId, "%016x", line * 100 + 1);
            json span = {
                {"traceId", traceId},
                {"spanId", spanId},
                {"name", "chat gpt-4o"},
                {"kind", 3},
                {"startTimeUnixNano", std::to_string(1700000000000000000ll + line * 1000000ll + i)},
                {"endTimeUnixNano", std::to_string(1700000000000000000ll + line * 1000000ll + i + 500)},
                {"attributes",
                 json::array({{{"key", "gen_ai.request.model"}, {"value", {{"stringValue", "gpt-4o"}}}},
                              {{"key", "gen_ai.usage.input_tokens"}, {"value", {{"intValue", "100"}}}},
                              {{"key", "gen_ai.prompt.0.content"}, {"value", {{"stringValue", prompt}}}}})}};
            if (i > 0)
                span["parentSpanId"] = parentId;
            spans.push_back(span);
        }
        json request = {
            {"resourceSpans",
             json::array({{{"resource",
                            {{"attributes", json::array({{{"key", "service.name"},
                                                          {"value", {{"stringValue", "gen"}}}}})}}},
                           {"scopeSpans", json::array({{{"spans", spans}}})}}})}};
        out += QByteArray::fromStdString(request.dump());
        out += '\n';
    }
    return out;
}

QByteArray lengthPrefixed(const QList<QByteArray> &messages)
{
    QByteArray out;
    for (const QByteArray &m : messages) {
        const quint32 n = quint32(m.size());
        out += char(n >> 24);
        out += char(n >> 16);
        out += char(n >> 8);
        out += char(n);
        out += m;
    }
    return out;
}

} // namespace

Q_DECLARE_METATYPE(TraceFileReader::Format)

class TestImportFormats : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyFixtureImports_data()
    {
        using F = TraceFileReader::Format;
        QTest::addColumn<QString>("path");
        QTest::addColumn<TraceFileReader::Format>("format");
        QTest::addColumn<int>("spans");
        QTest::addColumn<int>("roots");
        QTest::addColumn<int>("orphans");
        QTest::addColumn<int>("traces");
        QTest::addColumn<QString>("services");
        const auto row = [](const char *path, F format, int spans, int roots, int orphans, int traces,
                            const char *services) {
            QTest::newRow(path) << dataPath(QLatin1String(path)) << format << spans << roots << orphans
                                << traces << QString::fromLatin1(services);
        };
        // 2456 X + 234 b/e pairs + 97 I + 13 R; P samples, O snapshots and N are reported, not imported.
        row("chrome/chrome-devtools-116-trace.json", F::ChromeTrace, 2800, 1059, 0, 1,
            "Browser,GPU Process,Renderer");
        row("chrome/speedscope-multiprocess.json", F::ChromeTrace, 8, 8, 0, 1, "p0,p1,p3,pid 2");
        row("chrome/speedscope-simple-object.json", F::ChromeTrace, 3, 1, 0, 1, "pid 0");
        row("chrome/speedscope-simple-partial.json", F::ChromeTrace, 4, 1, 0, 1, "pid 0");
        row("chrome/speedscope-simple.json", F::ChromeTrace, 4, 1, 0, 1, "pid 0");
        // Two different spans "2": both kept, both roots.
        row("jaeger/jaeger-model-ui-01.json", F::JaegerJson, 5, 2, 0, 1, "service-x,service-y");
        row("jaeger/jaeger-ui-genai-trace.json", F::JaegerJson, 57, 1, 0, 1,
            "api-edge,auth-service,coding-agent,graphql-gateway,k8s-api,mcp-gateway,metrics-backend,"
            "summarizer-agent,trace-store,vector-store");
        row("jaeger/jaeger-ui-otlp2jaeger-multi-out.json", F::JaegerJson, 4, 1, 0, 1, "example-trace");
        // The file lists one span twice, identically: stored once. Its parent is not in the file.
        row("jaeger/jaeger-ui-otlp2jaeger-out.json", F::JaegerJson, 1, 0, 1, 1, "telemetrygen");
        row("jaeger/jaeger-ui-tracegraph-test-trace.json", F::JaegerJson, 11, 2, 0, 1, "service1,service2");
        // Observations plus the trace as their root.
        row("langfuse/claude-agent-2025-12-22.json", F::Langfuse, 8, 1, 0, 1, "unknown_service");
        row("langfuse/langgraph-python-2025-08-22.json", F::Langfuse, 10, 1, 0, 1, "unknown_service");
        row("langfuse/openai-agents-2025-09-30.json", F::Langfuse, 6, 1, 0, 1, "unknown_service");
        row("langfuse/pydantic-ai-tools-2025-12-04.json", F::Langfuse, 13, 1, 0, 1, "unknown_service");
        row("langfuse/vercel-aisdk-2025-11-17.json", F::Langfuse, 4, 1, 0, 1,
            "unknown_service:/opt/homebrew/bin/deno");
        row("otlp-proto/otel-proto-example-trace.binpb", F::OtlpProtobuf, 1, 0, 1, 1, "my.service");
        row("otlp/genai-interlingua-openinference.json", F::OtlpJson, 1, 1, 0, 1, "capture");
        row("otlp/genai-interlingua-openllmetry.json", F::OtlpJson, 2, 1, 0, 1, "capture");
        row("otlp/genai-interlingua-vercel-ai.json", F::OtlpJson, 3, 1, 0, 1, "ticket-triage");
        // Its one span's times do not fit int64: rejected (and said so), see rejectedRecordsAreNamed.
        row("otlp/jaeger-apiv3-gettrace.json", F::OtlpJson, 0, 0, 0, 0, "");
        row("otlp/jaeger-memstore-otel-traces-01.json", F::OtlpJson, 4, 0, 4, 2, "service-x");
        row("otlp/jaeger-ui-otlp2jaeger-in.json", F::OtlpJson, 2, 0, 2, 1, "telemetrygen");
        row("otlp/jaeger-ui-otlp2jaeger-multi-in-combined.json", F::OtlpJson, 4, 1, 0, 1, "example-trace");
        row("otlp/jaeger-ui-otlp2jaeger-multi-in.jsonl", F::OtlpJsonLines, 4, 1, 0, 1, "example-trace");
        row("otlp/otel-proto-example-trace.json", F::OtlpJson, 1, 0, 1, 1, "my.service");
        row("zipkin/messaging-kafka.json", F::ZipkinJson, 28, 1, 0, 1, "servicea,serviceb");
        row("zipkin/skew.json", F::ZipkinJson, 4, 1, 0, 1, "servicea,serviceb");
        row("zipkin/smartthings-mobile-web-install.json", F::ZipkinJson, 957, 1, 0, 1,
            "account,alice,auth,bookie,bouncer,coreSrv,dove,execution,gizmo,guardian,oreck,paperboy,"
            "platformapi,"
            "pusher,stLogin,strongman");
        row("zipkin/smartthings-oauth-authorization.json", F::ZipkinJson, 175, 1, 0, 1,
            "account,auth,bouncer,datamgmt,dove,paperboy,pusher,stlogin");
        row("zipkin/yelp.json", F::ZipkinJson, 16, 0, 3, 1,
            "mobile_api,routing,spectre,unknown,yelp-main,yelp_main/api_proxy");
    }

    void everyFixtureImports()
    {
        QFETCH(QString, path);
        QFETCH(TraceFileReader::Format, format);
        QFETCH(int, spans);
        QFETCH(int, roots);
        QFETCH(int, orphans);
        QFETCH(int, traces);
        QFETCH(QString, services);
        for (const bool zipped : {false, true}) {
            const auto result =
                zipped ? TraceFileReader::decode(gzip(readAll(path))) : TraceFileReader::readFile(path);
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.format, format);
            const Shape shape = shapeOf(result.decoded.spans);
            QCOMPARE(shape.spans, spans);
            QCOMPARE(shape.roots, roots);
            QCOMPARE(shape.orphans, orphans);
            QCOMPARE(shape.traces, traces);
            QCOMPARE(shape.services, services);
        }
    }

    // Zipkin arrays stream in chunks that end between traces: a file reads as the whole-body decoder does.
    void streamedZipkinReadsAsWhole()
    {
        // Six copies of the 1041-span trace under six trace ids: more than one chunk of 5000.
        const json trace = json::parse(
            readAll(dataPath(QStringLiteral("zipkin/smartthings-mobile-web-install.json"))).toStdString());
        json spans = json::array();
        for (char copy = 'a'; copy < 'g'; ++copy)
            for (json span : trace) {
                std::string id = span["traceId"];
                id[0] = copy;
                span["traceId"] = id;
                spans.push_back(std::move(span));
            }
        const QByteArray bytes = QByteArray::fromStdString(spans.dump());
        const auto whole = ZipkinDecoder::decode(std::string_view(bytes.constData(), size_t(bytes.size())));
        const auto streamed = TraceFileReader::decode(bytes);
        QCOMPARE(streamed.decoded.spans.size(), whole.spans.size());
        QCOMPARE(streamed.decoded.rejectedSpans, whole.rejectedSpans);
        std::set<std::string> a, b;
        for (const Span &s : whole.spans)
            a.insert(s.traceId + '/' + s.spanId + '/' + s.parentSpanId);
        for (const Span &s : streamed.decoded.spans)
            b.insert(s.traceId + '/' + s.spanId + '/' + s.parentSpanId);
        QCOMPARE(b.size(), size_t(6 * 957));
        QVERIFY(a == b);
    }

    void rejectedRecordsAreNamed()
    {
        const auto result =
            TraceFileReader::readFile(dataPath(QStringLiteral("otlp/jaeger-apiv3-gettrace.json")));
        QCOMPARE(result.decoded.rejectedSpans, 1);
        QVERIFY(!result.decoded.errors.empty());
        const QString first = QString::fromStdString(result.decoded.errors.front());
        QVERIFY2(first.startsWith(QStringLiteral("line ")) &&
                     first.contains(QStringLiteral("startTimeUnixNano")),
                 qPrintable(first));
    }

    void seedFilesImport()
    {
        const json rest = {{"request_id", "req-1"},
                           {"user_id", "u1"},
                           {"request_timestamp", "2024-05-01T12:00:00Z"},
                           {"response_timestamp", "2024-05-01T12:00:01Z"},
                           {"service", "gateway"},
                           {"method", "GET"},
                           {"url", "https://x.test/a"},
                           {"status_code", 200}};
        json llm = rest;
        llm["provider"] = "openai";
        llm["model"] = "gpt-4o";
        llm["method"] = "POST";
        llm["prompt_tokens"] = 10;
        llm["completion_tokens"] = 5;
        json bad = rest;
        bad.erase("request_timestamp");
        const auto tracker =
            TraceFileReader::decode(QByteArray::fromStdString(json::array({rest, llm, bad}).dump(2)));
        QVERIFY2(tracker.error.isEmpty(), qPrintable(tracker.error));
        QCOMPARE(tracker.format, TraceFileReader::Format::TrackerRecords);
        QCOMPARE(tracker.decoded.spans.size(), size_t(2));
        QCOMPARE(tracker.decoded.spans[0].traceId, std::string("req-1"));
        QCOMPARE(tracker.decoded.spans[1].source, std::string("tracker-llm"));
        QCOMPARE(tracker.decoded.rejectedSpans, 1);
        QVERIFY2(QString::fromStdString(tracker.decoded.errors.front()).startsWith(QStringLiteral("[2]: ")),
                 tracker.decoded.errors.front().c_str());

        const json span = {{"name", "agent"}, {"span_id", "s1"}, {"duration_ms", 100}, {"status", "success"}};
        const json child = {{"name", "llm"},
                            {"span_id", "s2"},
                            {"parent_span_id", "s1"},
                            {"duration_ms", 50},
                            {"model", "gpt-4o"}};
        const json trace = {
            {"trace_id", "t-1"}, {"trace_type", "agent"}, {"spans", json::array({span, child})}};
        json other = trace;
        other["trace_id"] = "t-2";
        for (const json &body :
             {trace, json{{"traces", json::array({trace, other})}}, json::array({trace, other})}) {
            const auto seed = TraceFileReader::decode(QByteArray::fromStdString(body.dump()));
            QVERIFY2(seed.error.isEmpty(), qPrintable(seed.error));
            QCOMPARE(seed.format, TraceFileReader::Format::SeedTraces);
            QCOMPARE(seed.decoded.spans.size(),
                     body.is_object() && body.contains("spans") ? size_t(2) : size_t(4));
            QCOMPARE(shapeOf(seed.decoded.spans).roots, body.is_object() && body.contains("spans") ? 1 : 2);
        }
    }

    // speedscope's own format: an evented profile (O/C) and a sampled one (stacks with weights).
    void speedscopeProfilesImport()
    {
        const json file = {
            {"$schema", "https://www.speedscope.app/file-format-schema.json"},
            {"shared",
             {{"frames", json::array({{{"name", "main"}},
                                      {{"name", "parse"}, {"file", "p.c"}, {"line", 3}},
                                      {{"name", "emit"}}})}}},
            {"profiles",
             json::array(
                 {{{"type", "evented"},
                   {"name", "cpu"},
                   {"unit", "milliseconds"},
                   {"startValue", 0},
                   {"endValue", 10},
                   {"events", json::array({{{"type", "O"}, {"frame", 0}, {"at", 0}},
                                           {{"type", "O"}, {"frame", 1}, {"at", 1}},
                                           {{"type", "C"}, {"frame", 1}, {"at", 4}},
                                           {{"type", "C"}, {"frame", 0}, {"at", 10}}})}},
                  {{"type", "sampled"},
                   {"name", "samples"},
                   {"unit", "microseconds"},
                   {"startValue", 0},
                   {"endValue", 3},
                   {"samples", json::array({json::array({0, 1}), json::array({0, 1}), json::array({0, 2})})},
                   {"weights", json::array({1, 1, 1})}}})}};
        const auto result = TraceFileReader::decode(QByteArray::fromStdString(file.dump(1)));
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.format, TraceFileReader::Format::Speedscope);
        const Shape shape = shapeOf(result.decoded.spans);
        QCOMPARE(shape.spans, 5); // main, parse | main, parse (2 samples merged), emit
        QCOMPARE(shape.roots, 2);
        QCOMPARE(shape.services, QStringLiteral("cpu,samples"));
        const Span &parse = result.decoded.spans[1];
        QCOMPARE(parse.name, std::string("parse"));
        QCOMPARE(parse.startNs, 1000000ll);
        QCOMPARE(parse.endNs, 4000000ll);
        QCOMPARE(parse.attributes["code.filepath"], json("p.c"));
        const Span &sampledParse = result.decoded.spans[3];
        QCOMPARE(sampledParse.name, std::string("parse"));
        QCOMPARE(sampledParse.endNs - sampledParse.startNs, 2000ll);
        QCOMPARE(result.decoded.spans[4].parentSpanId, result.decoded.spans[2].spanId);
    }

    void lengthPrefixedProtobuf()
    {
        const QByteArray message =
            readAll(dataPath(QStringLiteral("otlp-proto/otel-proto-example-trace.binpb")));
        const QByteArray three = lengthPrefixed({message, message, message});
        const auto result = TraceFileReader::decode(three);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.format, TraceFileReader::Format::OtlpProtobufDelimited);
        QCOMPARE(result.decoded.spans.size(), size_t(3));
        QCOMPARE(TraceFileReader::decode(gzip(three)).decoded.spans.size(), size_t(3));

        // Cut inside the third message: two kept, the third named.
        const auto cut = TraceFileReader::decode(three.left(three.size() - 10));
        QCOMPARE(cut.decoded.spans.size(), size_t(2));
        QVERIFY2(cut.error.contains(QStringLiteral("message 3")) &&
                     cut.error.contains(QStringLiteral("cut short")),
                 qPrintable(cut.error));
    }

    void badFilesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("kept");
        QByteArray garbage(4096, Qt::Uninitialized);
        for (int i = 0; i < garbage.size(); ++i)
            garbage[i] = char((i * 7919 + 13) % 251);
        QTest::newRow("binary garbage") << garbage << QStringLiteral("as OTLP protobuf") << 0;
        QTest::newRow("binary garbage from a zero byte")
            << (QByteArray(1, '\0') + garbage) << QStringLiteral("length-prefixed") << 0;
        QTest::newRow("not json") << QByteArray("{hello: world}") << QStringLiteral("malformed JSON") << 0;
        QTest::newRow("jaeger not an array")
            << QByteArray("{\"data\": 5}") << QStringLiteral("Jaeger JSON") << 0;
        const QByteArray otlp =
            readAll(dataPath(QStringLiteral("otlp/jaeger-ui-otlp2jaeger-multi-in-combined.json")));
        // Cut after the second resourceSpans element: the two read are kept, the place is named.
        qsizetype cutAt = 0;
        for (int i = 0; i < 3; ++i)
            cutAt = otlp.indexOf("\"resource\"", cutAt + 1);
        QTest::newRow("truncated after two resourceSpans")
            << otlp.left(cutAt) << QStringLiteral("cut short: line") << 2;
        QTest::newRow("chrome wrong event")
            << QByteArray("[{\"ph\":\"X\",\"ts\":1,\"dur\":2,\"pid\":1,\"tid\":1,\"name\":\"a\"},"
                          "{\"ph\":\"E\",\"ts\":5,\"pid\":1,\"tid\":2}]")
            << QString() << 1;
    }

    void badFilesSayWhy()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(int, kept);
        const auto result = TraceFileReader::decode(bytes);
        if (expected.isEmpty()) {
            QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
            QCOMPARE(result.decoded.rejectedSpans, 1);
        } else {
            QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        }
        QCOMPARE(int(result.decoded.spans.size()), kept);
    }

    void mixedJaegerSpansKeepTheGoodOnes()
    {
        const json good = {
            {"traceID", "ab"}, {"spanID", "1"}, {"operationName", "ok"}, {"startTime", 10}, {"duration", 5}};
        json noStart = good;
        noStart["spanID"] = "2";
        noStart.erase("startTime");
        json noId = good;
        noId.erase("spanID");
        const json file = {
            {"data", json::array({{{"traceID", "ab"}, {"spans", json::array({good, noStart, noId})}}})}};
        const auto result = TraceFileReader::decode(QByteArray::fromStdString(file.dump()));
        QVERIFY(result.error.isEmpty());
        QCOMPARE(result.decoded.spans.size(), size_t(1));
        QCOMPARE(result.decoded.rejectedSpans, 2);
        QCOMPARE(result.decoded.errors.at(0),
                 std::string("data[0].spans[1].startTime: not a time in microseconds"));
        QCOMPARE(result.decoded.errors.at(1), std::string("data[0].spans[2].spanID: missing"));
    }

    // 100 MB of blanks inside an array gzip to ~100 KB: past 64 MB at more than 250× it is a bomb.
    void streamedGzipBombIsRefused()
    {
        QByteArray bomb("{\"resourceSpans\": [");
        bomb += QByteArray(100 << 20, ' ');
        bomb += "]}";
        const QByteArray zipped = gzip(bomb);
        QVERIFY(zipped.size() < 1 << 20);
        const auto result = TraceFileReader::decode(zipped);
        QVERIFY2(result.error.contains(QStringLiteral("gzip bomb")), qPrintable(result.error));
    }

    void wholeReadFormatsHaveACap()
    {
        const QByteArray chrome = readAll(dataPath(QStringLiteral("chrome/chrome-devtools-116-trace.json")));
        const auto result = TraceFileReader::decode(chrome, 100 << 10);
        QVERIFY2(result.error.contains(QStringLiteral("read whole")), qPrintable(result.error));
        QVERIFY(result.decoded.spans.empty());
        // A streamed format is not bound by it.
        const QByteArray lines = generatedJsonLines(200, 2);
        QVERIFY(lines.size() > 100 << 10);
        QCOMPARE(TraceFileReader::decode(lines, 100 << 10).decoded.spans.size(), size_t(400));
    }

    // A generated file imports through the writer in batches: every span stored once, with its attributes.
    void bigGeneratedFileStreamsIntoTheStore()
    {
        QTemporaryDir dir;
        const QString path =
            writeFile(dir, QStringLiteral("big.jsonl.gz"), gzip(generatedJsonLines(6000, 5)));
        const QString dbPath = dir.filePath(QStringLiteral("big.db"));
        std::string error;
        auto writer = SpanWriter::open(dbPath.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        FileImport import(*writer);
        import.setProgressInterval(0);
        QSignalSpy done(&import, &FileImport::fileDone);
        QSignalSpy progress(&import, &FileImport::progress);
        QSignalSpy finished(&import, &FileImport::finished);
        import.start({path});
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.first().at(0).toLongLong(), 30000);
        const auto report = done.first().first().value<FileImport::FileReport>();
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.traces, 6000);
        QCOMPARE(report.spans, 30000);
        QCOMPARE(report.format, QStringLiteral("OTLP JSON Lines"));
        QVERIFY(progress.size() >= 2);
        const auto last = progress.last().first().value<FileImport::Progress>();
        QCOMPARE(last.spans, 30000);
        QCOMPARE(last.bytesRead, last.fileSize);
        writer.reset();
        QCOMPARE(count(dbPath, "SELECT count(*) FROM spans"), 30000);
        QCOMPARE(count(dbPath, "SELECT count(DISTINCT trace_id) FROM spans"), 6000);
        QCOMPARE(
            count(dbPath, "SELECT count(*) FROM spans WHERE parent_span_id IS NULL OR parent_span_id = ''"),
            6000);
        QCOMPARE(count(dbPath, "SELECT count(*) FROM spans WHERE model = 'gpt-4o' AND input_tokens = 100"),
                 30000);
    }

    void cancelLeavesWholeBatches()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("cancel.jsonl"), generatedJsonLines(4000, 5));
        const QString second = writeFile(dir, QStringLiteral("never.jsonl"), generatedJsonLines(10, 1));
        const QString dbPath = dir.filePath(QStringLiteral("cancel.db"));
        std::string error;
        auto writer = SpanWriter::open(dbPath.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        FileImport import(*writer);
        import.setBatchSpans(1000);
        import.setProgressInterval(0);
        QSignalSpy done(&import, &FileImport::fileDone);
        QSignalSpy finished(&import, &FileImport::finished);
        // Cancel as soon as the first batch is committed.
        connect(
            &import, &FileImport::progress, &import,
            [&import](const FileImport::Progress &p) {
                if (p.spans > 0)
                    import.cancel();
            },
            Qt::DirectConnection);
        import.start({path, second});
        QVERIFY(finished.wait(60000));
        const qint64 stored = finished.first().at(0).toLongLong();
        QVERIFY2(stored > 0 && stored < 20000, qPrintable(QString::number(stored)));
        QCOMPARE(stored % 1000, 0);
        QCOMPARE(done.size(), 2);
        QVERIFY(done.at(0).first().value<FileImport::FileReport>().cancelled);
        QVERIFY(done.at(1).first().value<FileImport::FileReport>().cancelled);
        QCOMPARE(finished.first().at(1).toInt(), 0);
        writer.reset();
        QCOMPARE(count(dbPath, "SELECT count(*) FROM spans"), stored);
    }
};

QTEST_GUILESS_MAIN(TestImportFormats)
#include "test_importformats.moc"

#include "jaegerjsonencoder.h"
#include "normalizer.h"
#include "otlpjsonencoder.h"
#include "spancsvencoder.h"
#include "spanjson.h"
#include "spanwriter.h"
#include "storereader.h"
#include "storesupport.h"
#include "traceexporter.h"
#include "tracefilereader.h"

#include <QBuffer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <set>

using namespace tracedeck;
using nlohmann::json;

namespace {

QString dataPath(const char *relative)
{
    return QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(relative);
}

// The files a round trip goes through: OTel ids, GenAI / OpenInference / Vercel attributes, events,
// links, typed values (bytes, doubles, int64 as strings), Zipkin's shared halves with derived ids.
const char *const kRoundTripFiles[] = {
    "otlp/otel-proto-example-trace.json",          "otlp/jaeger-memstore-otel-traces-01.json",
    "otlp/jaeger-ui-otlp2jaeger-multi-in.jsonl",   "otlp/genai-interlingua-openinference.json",
    "otlp/genai-interlingua-openllmetry.json",     "otlp/genai-interlingua-vercel-ai.json",
    "otlp-proto/otel-proto-example-trace.binpb",   "zipkin/yelp.json",
    "zipkin/smartthings-oauth-authorization.json",
};

// A span as the query API shows it, without where it came from (a file import marks its source).
json comparable(const Span &span)
{
    json out = SpanJson::span(span);
    out.erase("source");
    // Zipkin has no instrumentation scope; OTLP always has one, empty.
    if (out["scope"].empty())
        out["scope"] = {{"name", ""}, {"version", ""}, {"attributes", json::object()}};
    return out;
}

class Store {
public:
    explicit Store(const QString &path)
        : m_path(path.toStdString())
    {
        std::string error;
        m_writer = SpanWriter::open(m_path, &error);
        if (!m_writer)
            qWarning("%s", error.c_str());
    }
    bool import(SpanBatch spans)
    {
        const Normalizer normalizer;
        for (Span &span : spans)
            normalizer.normalize(span);
        return testing::writeAndWait(*m_writer, std::move(spans)).ok;
    }
    std::unique_ptr<StoreReader> reader() const
    {
        std::string error;
        return StoreReader::open(m_path, &error);
    }
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
    std::unique_ptr<SpanWriter> m_writer;
};

std::map<std::string, std::vector<json>> everySpan(StoreReader &reader)
{
    std::map<std::string, std::vector<json>> byTrace;
    std::string error;
    for (const TraceSummary &trace : reader.traces(TraceFilter{}, TraceSort{}, std::nullopt, 1000, &error))
        for (const Span &span : reader.spans("local", trace.traceId, &error))
            byTrace[trace.traceId].push_back(comparable(span));
    return byTrace;
}

QByteArray exportAll(StoreReader &reader, TraceExporter::Format format,
                     TraceExporter::Result *result = nullptr)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    TraceExporter::Request request;
    request.format = format;
    const TraceExporter::Result r = TraceExporter::write(reader, request, buffer);
    if (result)
        *result = r;
    return buffer.data();
}

Span textIdSpan(const std::string &id, const std::string &parent)
{
    Span span;
    span.traceId = "req_abc123";
    span.spanId = id;
    span.parentSpanId = parent;
    span.name = "hop " + id;
    span.service = "gateway";
    span.resource = {{"service.name", "gateway"}};
    span.startNs = 1'700'000'000'000'000'000;
    span.endNs = span.startNs + 5'000'000;
    span.source = "test";
    return span;
}

} // namespace

class TestExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    // Export → import yields the same spans: ids, parents, names, kinds, services, times to the
    // nanosecond, status, attributes with their types, events, links, resource, scope and every derived
    // LLM field.
    void otlpRoundTripIsIdentical()
    {
        Store original(m_dir.filePath(QStringLiteral("original.db")));
        for (const char *file : kRoundTripFiles) {
            auto read = TraceFileReader::readFile(dataPath(file));
            QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
            QVERIFY2(original.import(std::move(read.decoded.spans)), file);
        }
        auto reader = original.reader();
        QVERIFY(reader);
        TraceExporter::Result result;
        const QByteArray exported = exportAll(*reader, TraceExporter::Format::OtlpJson, &result);
        QVERIFY2(result.ok(), qPrintable(result.error));
        const auto before = everySpan(*reader);
        QCOMPARE(result.traces, int64_t(before.size()));
        QCOMPARE(exported.count('\n'), qsizetype(before.size())); // one request per trace, one per line

        auto read = TraceFileReader::decode(exported);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.format, TraceFileReader::Format::OtlpJsonLines);
        QCOMPARE(read.decoded.rejectedSpans, 0);
        Store again(m_dir.filePath(QStringLiteral("again.db")));
        QVERIFY(again.import(std::move(read.decoded.spans)));
        auto againReader = again.reader();
        const auto after = everySpan(*againReader);
        QCOMPARE(after.size(), before.size());
        int64_t spans = 0;
        for (const auto &[traceId, list] : before) {
            const auto it = after.find(traceId);
            QVERIFY2(it != after.end(), traceId.c_str());
            QCOMPARE(it->second.size(), list.size());
            for (size_t i = 0; i < list.size(); ++i) {
                const json patch = json::diff(list[i], it->second[i]);
                QVERIFY2(patch.empty(), (traceId + ": " + patch.dump()).c_str());
            }
            spans += int64_t(list.size());
        }
        QCOMPARE(result.spans, spans);
        QVERIFY(spans > 200);
    }

    // Seed records use text ids OTLP cannot carry: they become stable hex ids, parents follow.
    void otlpMapsTextIdsConsistently()
    {
        const json encoded = OtlpJsonEncoder::encode({textIdSpan("a", ""), textIdSpan("b", "a")});
        const json &spans = encoded["resourceSpans"][0]["scopeSpans"][0]["spans"];
        QCOMPARE(spans.size(), size_t(2));
        const std::string trace = spans[0]["traceId"];
        QCOMPARE(trace.size(), size_t(32));
        QCOMPARE(std::string(spans[1]["traceId"]), trace);
        QCOMPARE(std::string(spans[0]["spanId"]).size(), size_t(16));
        QCOMPARE(spans[1]["parentSpanId"], spans[0]["spanId"]);
        QVERIFY(!spans[0].contains("parentSpanId"));
        QCOMPARE(OtlpJsonEncoder::otlpId("req_abc123", 16), trace);
        // Hex ids of the right length are kept as they are.
        QCOMPARE(OtlpJsonEncoder::otlpId("5b8efff798038103d269b633813fc60c", 16),
                 std::string("5b8efff798038103d269b633813fc60c"));
    }

    void anyValuesKeepTheirTypes()
    {
        const json kv = OtlpJsonEncoder::keyValues({{"s", "x"},
                                                    {"b", true},
                                                    {"i", int64_t(9007199254740993)},
                                                    {"d", 0.5},
                                                    {"a", {1, "two"}},
                                                    {"m", {{"k", 1}}},
                                                    {"n", nullptr}});
        std::map<std::string, json> byKey;
        for (const json &item : kv)
            byKey[item["key"]] = item["value"];
        QCOMPARE(byKey["s"], json({{"stringValue", "x"}}));
        QCOMPARE(byKey["b"], json({{"boolValue", true}}));
        QCOMPARE(byKey["i"], json({{"intValue", "9007199254740993"}})); // int64 as a string, exact
        QCOMPARE(byKey["d"], json({{"doubleValue", 0.5}}));
        QCOMPARE(byKey["a"]["arrayValue"]["values"][1], json({{"stringValue", "two"}}));
        QCOMPARE(byKey["m"]["kvlistValue"]["values"][0]["key"], json("k"));
        QCOMPARE(byKey["n"], json::object());
    }

    // The same trace that Jaeger's own converter wrote (fixture pair otlp2jaeger-in/-out) comes out with
    // the same spans, references, times, tags and process.
    void jaegerMatchesJaegersOwnConversion()
    {
        Store store(m_dir.filePath(QStringLiteral("jaeger.db")));
        auto read = TraceFileReader::readFile(dataPath("otlp/jaeger-ui-otlp2jaeger-in.json"));
        QVERIFY(read.error.isEmpty());
        QVERIFY(store.import(std::move(read.decoded.spans)));
        auto reader = store.reader();
        const json ours = json::parse(exportAll(*reader, TraceExporter::Format::Jaeger).toStdString());
        QFile file(dataPath("jaeger/jaeger-ui-otlp2jaeger-out.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const json theirs = json::parse(file.readAll().toStdString());

        QCOMPARE(ours["data"].size(), size_t(1));
        QCOMPARE(ours["total"], json(1));
        const json &trace = ours["data"][0];
        const json &expected = theirs["data"][0];
        QCOMPARE(trace["traceID"], expected["traceID"]);
        // The fixture repeats one span twice; the store keeps identical spans once.
        QCOMPARE(trace["spans"].size(), size_t(1));
        const json &span = trace["spans"][0];
        const json &want = expected["spans"][0];
        for (const char *key : {"traceID", "spanID", "operationName", "references", "startTime", "duration"})
            QVERIFY2(span[key] == want[key], key);
        std::set<std::string> ourTags, theirTags;
        for (const json &tag : span["tags"])
            ourTags.insert(tag.dump());
        for (const json &tag : want["tags"])
            theirTags.insert(tag.dump());
        QCOMPARE(ourTags, theirTags);
        const std::string process = span["processID"];
        QCOMPARE(trace["processes"][process]["serviceName"], json("telemetrygen"));
        QCOMPARE(trace["processes"][process]["tags"], json::array());
    }

    void jaegerTagsAndStatus()
    {
        Span span = textIdSpan("s1", "");
        span.kind = 3;
        span.status = SpanStatus::Error;
        span.statusMessage = "upstream 503";
        span.attributes = {{"http.status_code", 503}, {"retry", true}, {"ratio", 0.25}, {"list", {1, 2}}};
        span.events = json::array({{{"name", "exception"},
                                    {"timeNs", span.startNs + 1000},
                                    {"attributes", {{"exception.type", "Timeout"}}}}});
        const json trace = JaegerJsonEncoder::encodeTrace({span});
        std::map<std::string, json> tags;
        for (const json &tag : trace["spans"][0]["tags"])
            tags[tag["key"]] = tag;
        QCOMPARE(tags["http.status_code"]["type"], json("int64"));
        QCOMPARE(tags["retry"]["type"], json("bool"));
        QCOMPARE(tags["ratio"]["type"], json("float64"));
        QCOMPARE(tags["list"]["value"], json("[1,2]"));
        QCOMPARE(tags["span.kind"]["value"], json("client"));
        QCOMPARE(tags["error"]["value"], json(true));
        QCOMPARE(tags["otel.status_code"]["value"], json("ERROR"));
        QCOMPARE(tags["otel.status_description"]["value"], json("upstream 503"));
        const json &log = trace["spans"][0]["logs"][0];
        QCOMPARE(log["timestamp"], json(span.startNs / 1000 + 1));
        QCOMPARE(log["fields"][0], json({{"key", "event"}, {"type", "string"}, {"value", "exception"}}));
        QCOMPARE(trace["spans"][0]["duration"], json(5000));
    }

    void csvQuotesAndGuardsFormulas()
    {
        QCOMPARE(SpanCsvEncoder::field("plain"), std::string("plain"));
        QCOMPARE(SpanCsvEncoder::field("a,b"), std::string("\"a,b\""));
        QCOMPARE(SpanCsvEncoder::field("say \"hi\"\nbye"), std::string("\"say \"\"hi\"\"\nbye\""));
        QCOMPARE(SpanCsvEncoder::field("=HYPERLINK(\"x\")"), std::string("\"'=HYPERLINK(\"\"x\"\")\""));
        QCOMPARE(SpanCsvEncoder::field("-1"), std::string("'-1"));

        Store store(m_dir.filePath(QStringLiteral("csv.db")));
        auto read = TraceFileReader::readFile(dataPath("zipkin/yelp.json"));
        const size_t decoded = read.decoded.spans.size();
        QVERIFY(store.import(std::move(read.decoded.spans)));
        auto reader = store.reader();
        TraceExporter::Result result;
        const QByteArray csv = exportAll(*reader, TraceExporter::Format::Csv, &result);
        QVERIFY(result.ok());
        QCOMPARE(result.spans, int64_t(decoded));
        const QList<QByteArray> lines = csv.split('\n');
        QVERIFY(lines.first().startsWith("trace_id,span_id,parent_span_id,service,name,kind,start_time"));
        QCOMPARE(csv.count("\r\n"), qsizetype(decoded + 1));
        QCOMPARE(lines.size() - 1, qsizetype(decoded + 1)); // no line breaks inside these fields
        QCOMPARE(lines.first().count(',') + 1, qsizetype(29));
    }

    void exportsChosenTracesAndNamesMissingOnes()
    {
        Store store(m_dir.filePath(QStringLiteral("chosen.db")));
        auto read = TraceFileReader::readFile(dataPath("otlp/jaeger-memstore-otel-traces-01.json"));
        QVERIFY(store.import(std::move(read.decoded.spans)));
        auto reader = store.reader();
        std::string error;
        const auto traces = reader->traces(TraceFilter{}, TraceSort{}, std::nullopt, 10, &error);
        QCOMPARE(traces.size(), size_t(2));
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        TraceExporter::Request request;
        request.traceIds = {traces[0].traceId, "00000000000000000000000000000bad"};
        const TraceExporter::Result result = TraceExporter::write(*reader, request, buffer);
        QVERIFY(result.ok());
        QCOMPARE(result.traces, 1);
        QCOMPARE(result.missing, std::vector<std::string>{"00000000000000000000000000000bad"});
        auto decoded = TraceFileReader::decode(buffer.data());
        QVERIFY(!decoded.decoded.spans.empty());
        for (const Span &span : decoded.decoded.spans)
            QCOMPARE(span.traceId, traces[0].traceId);
        // Another workspace sees none of them.
        request.filter.workspace = "elsewhere";
        request.traceIds = {traces[0].traceId};
        QBuffer other;
        other.open(QIODevice::WriteOnly);
        QCOMPARE(TraceExporter::write(*reader, request, other).traces, 0);
    }

    void cancelStopsAfterATrace()
    {
        Store store(m_dir.filePath(QStringLiteral("cancel.db")));
        auto read = TraceFileReader::readFile(dataPath("otlp/jaeger-memstore-otel-traces-01.json"));
        QVERIFY(store.import(std::move(read.decoded.spans)));
        auto reader = store.reader();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto result = TraceExporter::write(*reader, TraceExporter::Request{}, buffer,
                                                 [](int64_t, int64_t) { return false; });
        QCOMPARE(result.error, QStringLiteral("cancelled"));
        QCOMPARE(result.traces, 1);
    }

    // The command line, through the real binary.
    void commandLine()
    {
        const QString db = m_dir.filePath(QStringLiteral("cli.db"));
        {
            Store store(db);
            auto read = TraceFileReader::readFile(dataPath("zipkin/yelp.json"));
            QVERIFY(store.import(std::move(read.decoded.spans)));
        }
        const auto run = [](const QStringList &arguments, QString *err = nullptr) {
            QProcess process;
            process.start(QStringLiteral(TRACEDECK_BINARY),
                          QStringList{QStringLiteral("export")} + arguments);
            process.waitForFinished(60000);
            if (err)
                *err = QString::fromUtf8(process.readAllStandardError());
            return process.exitCode();
        };
        QString err;
        const QString csv = m_dir.filePath(QStringLiteral("out.csv"));
        QCOMPARE(run({QStringLiteral("--db"), db, csv}, &err), 0);
        QVERIFY2(err.contains(QStringLiteral("1 traces, 16 spans")), qPrintable(err));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count("\r\n"), 17);

        const QString jsonl = m_dir.filePath(QStringLiteral("out.jsonl"));
        QCOMPARE(run({QStringLiteral("--db"), db, QStringLiteral("--filter"), QStringLiteral("service:nope"),
                      jsonl},
                     &err),
                 0);
        QVERIFY2(err.contains(QStringLiteral("0 traces")), qPrintable(err));

        QCOMPARE(
            run({QStringLiteral("--db"), db, QStringLiteral("--format"), QStringLiteral("xml"), csv}, &err),
            2);
        QVERIFY(err.contains(QStringLiteral("unknown format \"xml\"")));
        QCOMPARE(run({QStringLiteral("--db"), db, m_dir.filePath(QStringLiteral("out.bin"))}, &err), 2);
        QVERIFY(err.contains(QStringLiteral("--format")));
        QCOMPARE(run({QStringLiteral("--db"), db}, &err), 2);
        QCOMPARE(run({QStringLiteral("--db"), m_dir.filePath(QStringLiteral("absent.db")), csv}, &err), 1);
        QVERIFY(err.contains(QStringLiteral("no database")));
        const QString missing = m_dir.filePath(QStringLiteral("missing.jsonl"));
        QCOMPARE(
            run({QStringLiteral("--db"), db, QStringLiteral("--trace"), QStringLiteral("feedface"), missing},
                &err),
            1);
        QVERIFY2(err.contains(QStringLiteral("no trace feedface")), qPrintable(err));
        QCOMPARE(
            run({QStringLiteral("--db"), db, QStringLiteral("--filter"), QStringLiteral("status:maybe"), csv},
                &err),
            2);
        QVERIFY(err.contains(QStringLiteral("status:maybe")));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestExport)
#include "test_export.moc"

#include "database.h"
#include "gzipsupport.h"
#include "httpclient.h"
#include "ingestlistener.h"
#include "spanwriter.h"

#include "google/rpc/status.pb.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace tracedeck;
using tracedeck::testing::gzip;
using ExportRequest = opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;
using ExportResponse = opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse;

namespace {

constexpr qsizetype kTestBodyLimit = 2 * 1024 * 1024;

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray jsonSpan(const QByteArray &traceId, const QByteArray &spanId, const QByteArray &extra = {})
{
    return R"({"traceId":")" + traceId + R"(","spanId":")" + spanId +
           R"(","name":"op","kind":2,"startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000500000000")" +
           extra + "}";
}

QByteArray jsonSpanAt(const QByteArray &traceId, const QByteArray &spanId, const QByteArray &startNs,
                      const QByteArray &endNs)
{
    return R"({"traceId":")" + traceId + R"(","spanId":")" + spanId +
           R"(","name":"op","startTimeUnixNano":")" + startNs + R"(","endTimeUnixNano":")" + endNs + R"("})";
}

QByteArray jsonRequest(const QList<QByteArray> &spans)
{
    return R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"api"}}]},"scopeSpans":[{"scope":{"name":"test"},"spans":[)" +
           spans.join(',') + "]}]}]}";
}

const QByteArray kTrace = "5b8efff798038103d269b633813fc60c";

ExportRequest protoRequest(int spans, const std::string &traceByte = "\x01")
{
    ExportRequest request;
    auto *resourceSpans = request.add_resource_spans();
    auto *service = resourceSpans->mutable_resource()->add_attributes();
    service->set_key("service.name");
    service->mutable_value()->set_string_value("proto-svc");
    auto *scope = resourceSpans->add_scope_spans();
    for (int i = 0; i < spans; ++i) {
        auto *span = scope->add_spans();
        span->set_trace_id(std::string(15, '\x07') + traceByte);
        span->set_span_id(std::string(7, '\x01') + char(i + 1));
        span->set_name("proto-op");
        span->set_start_time_unix_nano(1000);
        span->set_end_time_unix_nano(2000);
        auto *attr = span->add_attributes();
        attr->set_key("gen_ai.request.model");
        attr->mutable_value()->set_string_value("gpt-4o");
    }
    return request;
}

QByteArray serialized(const google::protobuf::Message &message)
{
    return QByteArray::fromStdString(message.SerializeAsString());
}

nlohmann::json jsonBody(const HttpResponse &response)
{
    return nlohmann::json::parse(response.body.toStdString(), nullptr, false);
}

std::string errorDetail(const HttpResponse &response)
{
    const auto body = jsonBody(response);
    return body.is_object() ? body.value("detail", std::string()) : std::string();
}

} // namespace

class TestListener : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("listener.db"));
        std::string error;
        m_writer = SpanWriter::open(m_dbPath.toStdString(), &error);
        QVERIFY2(m_writer, error.c_str());
        IngestOptions options;
        options.address.port = 0;
        options.maxBodyBytes = kTestBodyLimit;
        m_listener = std::make_unique<IngestListener>(*m_writer, options);
        QString listenError;
        QVERIFY2(m_listener->start(&listenError), qPrintable(listenError));
        QVERIFY(m_listener->address().port != 0);
        m_client = std::make_unique<HttpClient>(m_listener->address().port);
    }

    void cleanupTestCase()
    {
        m_listener->stopAccepting();
        m_writer->stop();
        m_listener.reset();
        m_writer.reset();
    }

    // Every test ends with the listener still serving.
    void cleanup() { QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200); }

    void otlpJsonIsStoredBeforeTheAnswer()
    {
        const auto response =
            m_client->post(QStringLiteral("/v1/traces"), jsonRequest({jsonSpan(kTrace, "0000000000000001")}),
                           "application/json");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(jsonBody(response), nlohmann::json::object());
        // 200 means committed: a fresh connection sees the span at once.
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '" + kTrace.toStdString() +
                       "' AND span_id = '0000000000000001' AND service = 'api'"),
                 1);
    }

    void otlpProtobufFixtureAnswersInProtobuf()
    {
        const QByteArray body =
            readFile(QStringLiteral(TRACEDECK_TEST_DATA "/otlp-proto/otel-proto-example-trace.binpb"));
        QVERIFY(!body.isEmpty());
        const auto response = m_client->post(QStringLiteral("/v1/traces"), body, "application/x-protobuf");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/x-protobuf"));
        ExportResponse decoded;
        QVERIFY(decoded.ParseFromArray(response.body.constData(), int(response.body.size())));
        QVERIFY(!decoded.has_partial_success());
        QCOMPARE(count("SELECT count(*) FROM spans WHERE service = 'my.service' AND source = 'otlp-proto'"),
                 1);
    }

    void gzipBodiesAreInflated()
    {
        const QByteArray body = jsonRequest({jsonSpan(kTrace, "00000000000000a1")});
        const auto response = m_client->post(QStringLiteral("/v1/traces"), gzip(body), "application/json",
                                             {{"Content-Encoding", "gzip"}});
        QCOMPARE(response.status, 200);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE span_id = '00000000000000a1'"), 1);
        auto proto = protoRequest(2, "\x21");
        const auto protoResponse = m_client->post(QStringLiteral("/v1/traces"), gzip(serialized(proto)),
                                                  "application/x-protobuf", {{"Content-Encoding", "GZIP"}});
        QCOMPARE(protoResponse.status, 200);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE service = 'proto-svc' AND trace_id LIKE '%21'"), 2);
    }

    void partialSuccessKeepsTheGoodSpans()
    {
        const auto response =
            m_client->post(QStringLiteral("/v1/traces"),
                           jsonRequest({jsonSpan(kTrace, "00000000000000b1"), jsonSpan(kTrace, "abc"),
                                        jsonSpan(kTrace, "00000000000000b2")}),
                           "application/json");
        QCOMPARE(response.status, 200);
        const auto body = jsonBody(response);
        QCOMPARE(body["partialSuccess"]["rejectedSpans"].get<int>(), 1);
        const std::string message = body["partialSuccess"]["errorMessage"];
        QVERIFY2(message.find("spanId") != std::string::npos, message.c_str());
        QCOMPARE(
            count("SELECT count(*) FROM spans WHERE span_id IN ('00000000000000b1', '00000000000000b2')"), 2);
    }

    void partialSuccessInProtobuf()
    {
        auto request = protoRequest(3, "\x31");
        request.mutable_resource_spans(0)->mutable_scope_spans(0)->mutable_spans(1)->set_span_id("\x01\x02");
        const auto response =
            m_client->post(QStringLiteral("/v1/traces"), serialized(request), "application/x-protobuf");
        QCOMPARE(response.status, 200);
        ExportResponse decoded;
        QVERIFY(decoded.ParseFromArray(response.body.constData(), int(response.body.size())));
        QCOMPARE(decoded.partial_success().rejected_spans(), 1);
        QVERIFY(QByteArray::fromStdString(decoded.partial_success().error_message()).contains("spanId"));
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id LIKE '%31'"), 2);
    }

    void malformedJsonIs400NamingTheProblem()
    {
        const auto response =
            m_client->post(QStringLiteral("/v1/traces"), R"({"resourceSpans":[{)", "application/json");
        QCOMPARE(response.status, 400);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
        QVERIFY2(errorDetail(response).find("malformed JSON") != std::string::npos,
                 response.body.constData());
        QCOMPARE(jsonBody(response)["error"], "bad_request");
    }

    void truncatedProtobufIs400WithStatus()
    {
        const QByteArray body = serialized(protoRequest(5, "\x41"));
        const auto response = m_client->post(QStringLiteral("/v1/traces"), body.left(body.size() / 2),
                                             "application/x-protobuf");
        QCOMPARE(response.status, 400);
        QCOMPARE(response.header("Content-Type"), QByteArray("application/x-protobuf"));
        google::rpc::Status status;
        QVERIFY(status.ParseFromArray(response.body.constData(), int(response.body.size())));
        QCOMPARE(status.code(), 3);
        QVERIFY2(QByteArray::fromStdString(status.message()).contains("protobuf"), status.message().c_str());
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id LIKE '%41'"), 0);
    }

    void wrongJsonTypes()
    {
        const auto notArray =
            m_client->post(QStringLiteral("/v1/traces"), R"({"resourceSpans":"nope"})", "application/json");
        QCOMPARE(notArray.status, 400);
        QVERIFY2(errorDetail(notArray).find("resourceSpans") != std::string::npos, notArray.body.constData());

        const auto badName =
            m_client->post(QStringLiteral("/v1/traces"),
                           jsonRequest({jsonSpan(kTrace, "00000000000000c1"),
                                        jsonSpan(kTrace, "00000000000000c2", R"(,"name":5)")}),
                           "application/json");
        // Duplicate "name" keys: the later (a number) wins in the parser; that span is rejected by field
        // name.
        QCOMPARE(badName.status, 200);
        QCOMPARE(jsonBody(badName)["partialSuccess"]["rejectedSpans"].get<int>(), 1);
        QVERIFY(jsonBody(badName)["partialSuccess"]["errorMessage"].get<std::string>().find("name") !=
                std::string::npos);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE span_id = '00000000000000c1'"), 1);
    }

    void everySpanInvalidIs400()
    {
        const QByteArray noIds =
            R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"name":"x","startTimeUnixNano":"1","endTimeUnixNano":"2"}]}]}]})";
        const auto response = m_client->post(QStringLiteral("/v1/traces"), noIds, "application/json");
        QCOMPARE(response.status, 400);
        QVERIFY2(errorDetail(response).find("traceId") != std::string::npos, response.body.constData());

        const auto shortIds =
            m_client->post(QStringLiteral("/v1/traces"), jsonRequest({jsonSpan("abcd", "0000000000000001")}),
                           "application/json");
        QCOMPARE(shortIds.status, 400);
        QVERIFY2(errorDetail(shortIds).find("traceId") != std::string::npos, shortIds.body.constData());
    }

    void endBeforeStartIsRejected()
    {
        const QByteArray backwards = jsonSpanAt(kTrace, "00000000000000d1", "2000", "1000");
        const auto response = m_client->post(QStringLiteral("/v1/traces"),
                                             jsonRequest({backwards, jsonSpan(kTrace, "00000000000000d2")}),
                                             "application/json");
        QCOMPARE(response.status, 200);
        QCOMPARE(jsonBody(response)["partialSuccess"]["rejectedSpans"].get<int>(), 1);
        QVERIFY(jsonBody(response)["partialSuccess"]["errorMessage"].get<std::string>().find(
                    "endTimeUnixNano") != std::string::npos);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE span_id = '00000000000000d1'"), 0);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE span_id = '00000000000000d2'"), 1);
    }

    void deepNestingIsRefused()
    {
        QByteArray deep = R"({"resourceSpans":[{"resource":{"attributes":[{"key":"k","value":)";
        for (int i = 0; i < 10000; ++i)
            deep += R"({"arrayValue":{"values":[)";
        const auto response = m_client->post(QStringLiteral("/v1/traces"), deep, "application/json");
        QCOMPARE(response.status, 400);
        QVERIFY2(errorDetail(response).find("nested deeper") != std::string::npos, response.body.constData());
    }

    void gzipBombIs413()
    {
        const QByteArray bomb = gzip(QByteArray(200 * 1024 * 1024, ' ')); // ~200 KB that inflates to 200 MB
        QVERIFY(bomb.size() < kTestBodyLimit);
        const auto response = m_client->post(QStringLiteral("/v1/traces"), bomb, "application/json",
                                             {{"Content-Encoding", "gzip"}});
        QCOMPARE(response.status, 413);
        QVERIFY2(errorDetail(response).find("inflates to more than") != std::string::npos,
                 response.body.constData());
    }

    void corruptGzipIs400()
    {
        QByteArray body = gzip(jsonRequest({jsonSpan(kTrace, "00000000000000e1")}));
        body[body.size() / 2] = char(body[body.size() / 2] ^ 0x5a);
        const auto response = m_client->post(QStringLiteral("/v1/traces"), body, "application/json",
                                             {{"Content-Encoding", "gzip"}});
        QCOMPARE(response.status, 400);
        QVERIFY2(errorDetail(response).find("gzip") != std::string::npos, response.body.constData());
    }

    void bodyOverTheLimitIs413()
    {
        QByteArray big = jsonRequest({jsonSpan(kTrace, "00000000000000f1",
                                               R"(,"attributes":[{"key":"blob","value":{"stringValue":")" +
                                                   QByteArray(kTestBodyLimit + 1000, 'x') + R"("}}])")});
        const auto response = m_client->post(QStringLiteral("/v1/traces"), big, "application/json");
        QCOMPARE(response.status, 413);
        QVERIFY2(errorDetail(response).find("exceeds the limit") != std::string::npos,
                 response.body.constData());
    }

    // OTel exporters stream bodies chunked with no Content-Length: the limit holds for them too, and the
    // listener answers before the whole body has been received.
    void chunkedBodyOverTheLimitIs413()
    {
        const QByteArray big(kTestBodyLimit * 4, 'x');
        const auto response = m_client->postChunked(QStringLiteral("/v1/traces"), big, "application/json");
        QCOMPARE(response.status, 413);
        // Answered by the connection's size guard, which fires as soon as the bytes received pass the limit,
        // not by the route handler, which would only have run once the whole body was in memory.
        QCOMPARE(response.header("Connection"), QByteArray("close"));
        QVERIFY2(errorDetail(response).starts_with("request exceeds the limit of"),
                 response.body.constData());
    }

    void chunkedBodyUnderTheLimitIsStored()
    {
        const QByteArray body = jsonRequest({jsonSpan(kTrace, "0000000000000101")});
        const auto response =
            m_client->postChunked(QStringLiteral("/v1/traces"), body, "application/json", 7);
        QCOMPARE(response.status, 200);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE span_id = '0000000000000101'"), 1);
    }

    void emptyBodies()
    {
        const auto json = m_client->post(QStringLiteral("/v1/traces"), {}, "application/json");
        QCOMPARE(json.status, 400);
        QVERIFY2(errorDetail(json).find("empty body") != std::string::npos, json.body.constData());
        // An empty protobuf message is a valid, empty export request.
        const auto proto = m_client->post(QStringLiteral("/v1/traces"), {}, "application/x-protobuf");
        QCOMPARE(proto.status, 200);
    }

    void wrongContentTypeIs415()
    {
        const auto response = m_client->post(QStringLiteral("/v1/traces"), "hello", "text/plain");
        QCOMPARE(response.status, 415);
        QVERIFY2(errorDetail(response).find("text/plain") != std::string::npos, response.body.constData());
        const auto noType = m_client->post(QStringLiteral("/v1/traces"), "hello", {});
        QCOMPARE(noType.status, 415);
        const auto encoding = m_client->post(QStringLiteral("/v1/traces"), "hello", "application/json",
                                             {{"Content-Encoding", "br"}});
        QCOMPARE(encoding.status, 415);
        QVERIFY2(errorDetail(encoding).find("br") != std::string::npos, encoding.body.constData());
        const auto charset =
            m_client->post(QStringLiteral("/v1/traces"), jsonRequest({jsonSpan(kTrace, "0000000000000111")}),
                           "application/json; charset=utf-8");
        QCOMPARE(charset.status, 200);
    }

    void nonUtf8StringIs400()
    {
        const QByteArray bad = jsonRequest(
            {jsonSpan(kTrace, "0000000000000121",
                      ",\"attributes\":[{\"key\":\"k\",\"value\":{\"stringValue\":\"\xff\xfe\"}}]")});
        const auto response = m_client->post(QStringLiteral("/v1/traces"), bad, "application/json");
        QCOMPARE(response.status, 400);
        QVERIFY2(errorDetail(response).find("UTF-8") != std::string::npos, response.body.constData());
    }

    void hugeAttributeValueIsKeptWhole()
    {
        const QByteArray value(1500 * 1024, 'v');
        const auto response =
            m_client->post(QStringLiteral("/v1/traces"),
                           jsonRequest({jsonSpan(kTrace, "0000000000000131",
                                                 R"(,"attributes":[{"key":"big","value":{"stringValue":")" +
                                                     value + R"("}}])")}),
                           "application/json");
        QCOMPARE(response.status, 200);
        QCOMPARE(count("SELECT length(json_extract(attributes, '$.big')) FROM spans WHERE span_id = "
                       "'0000000000000131'"),
                 value.size());
    }

    void resendingIsIdempotentAndUpdatesApply()
    {
        const QByteArray body = jsonRequest({jsonSpan(kTrace, "0000000000000141")});
        QCOMPARE(m_client->post(QStringLiteral("/v1/traces"), body, "application/json").status, 200);
        const int64_t before = m_writer->storedSpans();
        QCOMPARE(m_client->post(QStringLiteral("/v1/traces"), body, "application/json").status, 200);
        QCOMPARE(m_writer->storedSpans(), before);
        const QByteArray later =
            jsonSpanAt(kTrace, "0000000000000141", "1700000000000000000", "1700000009000000000");
        QCOMPARE(
            m_client->post(QStringLiteral("/v1/traces"), jsonRequest({later}), "application/json").status,
            200);
        QCOMPARE(m_writer->storedSpans(), before);
        QCOMPARE(count("SELECT end_ns FROM spans WHERE span_id = '0000000000000141'"), 1700000009000000000);
    }

    void zipkinSpansKeepBothSharedHalves()
    {
        const QByteArray body = R"([
          {"traceId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"CLIENT","name":"get /api","timestamp":1472470996199000,"duration":207000,"localEndpoint":{"serviceName":"frontend"}},
          {"traceId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"SERVER","shared":true,"name":"get /api","timestamp":1472470996238000,"duration":151000,"localEndpoint":{"serviceName":"backend"}}
        ])";
        const auto response = m_client->post(QStringLiteral("/api/v2/spans"), body, "application/json");
        QCOMPARE(response.status, 202);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '000000000000000086154a4ba6e91385'"), 2);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '000000000000000086154a4ba6e91385' AND "
                       "service = 'backend' AND parent_span_id = '4d1e00c0db9010db'"),
                 1);
    }

    void zipkinFixtureAndBadZipkin()
    {
        const QByteArray body = readFile(QStringLiteral(TRACEDECK_TEST_DATA "/zipkin/yelp.json"));
        QVERIFY(!body.isEmpty());
        QCOMPARE(m_client->post(QStringLiteral("/api/v2/spans"), body, "application/json").status, 202);
        const auto notArray =
            m_client->post(QStringLiteral("/api/v2/spans"), R"({"traceId":"1"})", "application/json");
        QCOMPARE(notArray.status, 400);
        QVERIFY2(errorDetail(notArray).find("array") != std::string::npos, notArray.body.constData());
        const auto proto = m_client->post(QStringLiteral("/api/v2/spans"), "x", "application/x-protobuf");
        QCOMPARE(proto.status, 415);
    }

    void healthReportsTheStore()
    {
        const auto response = m_client->get(QStringLiteral("/health"));
        QCOMPARE(response.status, 200);
        const auto body = jsonBody(response);
        QCOMPARE(body["status"], "ok");
        QCOMPARE(body["version"], TRACEDECK_VERSION);
        QCOMPARE(body["database"], m_dbPath.toStdString());
        QCOMPARE(body["listen"], m_listener->address().toString().toStdString());
        QCOMPARE(body["storedSpans"].get<int64_t>(), m_writer->storedSpans());
        QVERIFY(body["storedSpans"].get<int64_t>() > 0);
    }

    void unknownPathsAndMethods()
    {
        const auto missing = m_client->get(QStringLiteral("/nope"));
        QCOMPARE(missing.status, 404);
        QVERIFY2(errorDetail(missing).find("/nope") != std::string::npos, missing.body.constData());
        const auto get = m_client->get(QStringLiteral("/v1/traces"));
        QCOMPARE(get.status, 405);
    }

    void clientThatHangsUpBeforeTheAnswerHarmsNothing()
    {
        // Hold the store's write lock so the commit — and the answer — come after the client has gone.
        std::string error;
        auto blocker = Database::open(m_dbPath.toStdString(), Database::Mode::ReadWrite, &error);
        QVERIFY(blocker && blocker->exec("BEGIN IMMEDIATE"));
        const int64_t requestsBefore = m_listener->counters().requests.load();
        QTcpSocket socket;
        socket.connectToHost(QStringLiteral("127.0.0.1"), m_listener->address().port);
        QVERIFY(socket.waitForConnected());
        const QByteArray body = jsonRequest({jsonSpan(kTrace, "0000000000000151")});
        socket.write(
            "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(socket.waitForBytesWritten());
        QTRY_COMPARE_WITH_TIMEOUT(m_listener->counters().requests.load(), requestsBefore + 1, 30000);
        socket.abort();
        // Answered on the same listener thread, so the hang-up has been seen by the time this returns.
        QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200);
        QVERIFY(blocker->exec("COMMIT"));
        // The span was accepted and is committed even though nobody waits for the answer.
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM spans WHERE span_id = '0000000000000151'"), 1,
                                  30000);
    }

    void takenPortIsRefusedWithAClearMessage()
    {
        IngestOptions options;
        options.address.port = m_listener->address().port;
        IngestListener second(*m_writer, options);
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(options.address.port)),
                 qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("in use"), Qt::CaseInsensitive), qPrintable(error));
    }

    // When the writer's queue is full the listener says so at once (429 + Retry-After), and every request
    // it did accept is committed and answered 200 once the store can write again.
    void fullQueueAnswers429AndLosesNothing()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("bp.db")).toStdString();
        std::string error;
        SpanWriter::Options writerOptions;
        writerOptions.maxQueuedSpans = 2;
        auto writer = SpanWriter::open(path, writerOptions, &error);
        QVERIFY(writer);
        IngestOptions options;
        options.address.port = 0;
        IngestListener listener(*writer, options);
        QString listenError;
        QVERIFY(listener.start(&listenError));
        auto blocker = Database::open(path, Database::Mode::ReadWrite, &error);
        QVERIFY(blocker->exec("BEGIN IMMEDIATE")); // the writer will wait on this lock

        // Two requests on their own sockets: one is taken by the (blocked) writer, one fills the queue.
        QList<QTcpSocket *> waiting;
        for (int i = 0; i < 2; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->connectToHost(QStringLiteral("127.0.0.1"), listener.address().port);
            QVERIFY(socket->waitForConnected());
            const QByteArray body =
                jsonRequest({jsonSpan(kTrace, "00000000000002a" + QByteArray::number(i)),
                             jsonSpan(kTrace, "00000000000002b" + QByteArray::number(i))});
            socket->write(
                "POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
            QVERIFY(socket->waitForBytesWritten());
            waiting.append(socket);
            if (i == 0)
                QTRY_VERIFY_WITH_TIMEOUT(
                    writer->queuedSpans() == 0 && listener.counters().requests.load() == 1, 30000);
            else
                QTRY_COMPARE_WITH_TIMEOUT(writer->queuedSpans(), size_t(2), 30000);
        }
        HttpClient client(listener.address().port);
        const auto refused =
            client.post(QStringLiteral("/v1/traces"), jsonRequest({jsonSpan(kTrace, "00000000000002c0")}),
                        "application/json");
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.header("Retry-After"), QByteArray("1"));
        QVERIFY2(errorDetail(refused).find("queue is full") != std::string::npos, refused.body.constData());
        QVERIFY(blocker->exec("COMMIT"));
        for (QTcpSocket *socket : waiting) {
            QByteArray answer;
            QTRY_VERIFY_WITH_TIMEOUT((answer += socket->readAll()).contains("\r\n\r\n{}"), 15000);
            QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
            delete socket;
        }
        listener.stopAccepting();
        writer->stop();
        auto db = Database::open(path, Database::Mode::ReadOnly, &error);
        QCOMPARE(db->queryInt("SELECT count(*) FROM spans"), 4);
    }

private:
    int64_t count(const std::string &sql) const
    {
        std::string error;
        auto db = Database::open(m_dbPath.toStdString(), Database::Mode::ReadOnly, &error);
        if (!db)
            return -1;
        const int64_t value = db->queryInt(sql, &error);
        if (!error.empty())
            qWarning("%s: %s", sql.c_str(), error.c_str());
        return value;
    }

    QTemporaryDir m_dir;
    QString m_dbPath;
    std::unique_ptr<SpanWriter> m_writer;
    std::unique_ptr<IngestListener> m_listener;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_GUILESS_MAIN(TestListener)
#include "test_listener.moc"

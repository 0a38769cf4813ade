#include "database.h"
#include "httpclient.h"
#include "ingestlistener.h"
#include "isotimestamp.h"
#include "spanwriter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace tracedeck;
using json = nlohmann::json;

namespace {

constexpr qsizetype kTestBodyLimit = 2 * 1024 * 1024;
// 2024-05-01T12:00:00Z
constexpr int64_t kNoonNs = 1714564800LL * 1000000000LL;
constexpr int64_t kMsNs = 1000000;

QByteArray body(const json &value)
{
    return QByteArray::fromStdString(value.dump());
}

json restRecord(const std::string &requestId)
{
    return {{"request_id", requestId},
            {"user_id", "user-7"},
            {"request_timestamp", "2024-05-01T12:00:00.123Z"},
            {"response_timestamp", "2024-05-01T14:00:00.456+02:00"},
            {"service", "gateway"},
            {"method", "get"},
            {"url", "https://api.example.com/v1/users?id=3"},
            {"status_code", 200},
            {"request_body", {{"q", "alice"}}},
            {"response_body", json::array({{{"id", 3}}})},
            {"headers", {{"x-trace", "on"}}},
            {"metadata", {{"region", "eu"}}}};
}

json openAiRequest()
{
    return {{"model", "gpt-4o"},
            {"messages", json::array({{{"role", "system"}, {"content", "Be brief."}},
                                      {{"role", "user"}, {"content", "Hello"}}})}};
}

json openAiResponse()
{
    return {{"choices", json::array({{{"index", 0},
                                      {"finish_reason", "stop"},
                                      {"message", {{"role", "assistant"}, {"content", "Hi!"}}}}})}};
}

json llmRecord(const std::string &requestId)
{
    return {{"request_id", requestId},
            {"user_id", "user-9"},
            {"request_timestamp", "2024-05-01T12:00:00Z"},
            {"response_timestamp", "2024-05-01T12:00:01.500Z"},
            {"service", "chat-backend"},
            {"method", "POST"},
            {"url", "https://api.openai.com/v1/chat/completions"},
            {"status_code", 200},
            {"provider", "openai"},
            {"model", "gpt-4o"},
            {"prompt_tokens", 120},
            {"completion_tokens", 30},
            {"total_tokens", 150},
            {"cost_usd", 0.0042},
            {"model_config", {{"temperature", 0.2}, {"max_tokens", 256}}},
            {"finish_reason", "stop"},
            {"conversation_id", "conv-1"},
            {"retry_attempt", 0},
            {"warnings", json::array({"slow"})},
            {"stream", true},
            {"time_to_first_token_ms", 210},
            {"request_body", openAiRequest()},
            {"response_body", openAiResponse()}};
}

json seedSpan(const std::string &name, const std::string &id, const std::string &parent, double durationMs)
{
    json span = {{"name", name}, {"span_id", id}, {"duration_ms", durationMs}, {"status", "success"}};
    span["parent_span_id"] = parent.empty() ? json(nullptr) : json(parent);
    return span;
}

// An agent span with two children laid out from the trace start: llm call, then tool.
json seedTrace(const std::string &traceId)
{
    json llm = seedSpan("llm call", "s2", "s1", 400);
    llm["model"] = "gpt-4o";
    llm["provider"] = "openai";
    llm["prompt_tokens"] = 100;
    llm["completion_tokens"] = 20;
    llm["input"] = "What is 2+2?";
    llm["output"] = "4";
    json tool = seedSpan("calculator", "s3", "s1", 300);
    tool["status"] = "error";
    json trace = {{"organization_id", "org-1"},
                  {"project_id", "proj-1"},
                  {"trace_type", "agent"},
                  {"model", "gpt-4o"},
                  {"provider", "openai"},
                  {"user_id", "user-5"},
                  {"metadata", {{"env", "test"}}},
                  {"start_time", "2024-05-01T12:00:00Z"},
                  {"spans", json::array({seedSpan("agent", "s1", "", 1000), llm, tool})}};
    if (!traceId.empty())
        trace["trace_id"] = traceId;
    return trace;
}

json jsonBody(const HttpResponse &response)
{
    return json::parse(response.body.toStdString(), nullptr, false);
}

std::string errorDetail(const HttpResponse &response)
{
    const json parsed = jsonBody(response);
    return parsed.is_object() ? parsed.value("detail", std::string()) : std::string();
}

std::string str(int64_t value)
{
    return std::to_string(value);
}

} // namespace

class TestSeedApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("seed.db"));
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

    void cleanup() { QCOMPARE(m_client->get(QStringLiteral("/health")).status, 200); }

    void isoTimestamps()
    {
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01T12:00:00Z").value_or(-1), kNoonNs);
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01T12:00:00.123Z").value_or(-1), kNoonNs + 123 * kMsNs);
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01T14:00:00.5+02:00").value_or(-1), kNoonNs + 500 * kMsNs);
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01T07:30:00-0430").value_or(-1), kNoonNs);
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01 12:00:00.000001").value_or(-1), kNoonNs + 1000);
        QCOMPARE(IsoTimestamp::toNanos("2024-05-01T12:00:00.123456789Z").value_or(-1), kNoonNs + 123456789);
        QVERIFY(!IsoTimestamp::toNanos("2024-05-01"));
        QVERIFY(!IsoTimestamp::toNanos("2024-02-30T00:00:00Z"));
        QVERIFY(!IsoTimestamp::toNanos("2024-05-01T24:00:00Z"));
        QVERIFY(!IsoTimestamp::toNanos("2024-05-01T12:00:00.Z"));
        QVERIFY(!IsoTimestamp::toNanos("2024-05-01T12:00:00+2"));
        QVERIFY(!IsoTimestamp::toNanos("1714564800"));
        QVERIFY(!IsoTimestamp::toNanos("yesterday"));
    }

    void restHopIsStoredBeforeTheAnswer()
    {
        const auto response = m_client->post(QStringLiteral("/api/v1/tracker/rest"),
                                             body(restRecord("req-rest-1")), "application/json");
        QCOMPARE(response.status, 201);
        const json answer = jsonBody(response);
        QCOMPARE(answer["trace_id"], "req-rest-1");
        QCOMPARE(answer["accepted"], 1);
        QCOMPARE(answer["rejected"], 0);
        QCOMPARE(answer["spans"], 1);
        QCOMPARE(
            count(
                "SELECT count(*) FROM spans WHERE trace_id = 'req-rest-1' AND request_id = 'req-rest-1' AND "
                "user_id = 'user-7' AND name = 'GET /v1/users' AND service = 'gateway' AND kind = 2 AND "
                "http_method = 'GET' AND http_url = 'https://api.example.com/v1/users?id=3' AND "
                "status_code = 200 AND status = 0 AND category = 'http' AND parent_span_id IS NULL AND "
                "source = 'tracker-rest' AND start_ns = " +
                str(kNoonNs + 123 * kMsNs) + " AND end_ns = " + str(kNoonNs + 456 * kMsNs)),
            1);
        // Bodies are kept as JSON, not as text.
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-rest-1' AND "
                       "json_extract(attributes, '$.\"tracker.request_body\".q') = 'alice' AND "
                       "json_extract(attributes, '$.\"tracker.response_body\"[0].id') = 3 AND "
                       "json_extract(attributes, '$.\"tracker.metadata\".region') = 'eu'"),
                 1);
    }

    void restResendIsStoredOnceAnd5xxIsAnError()
    {
        json second = restRecord("req-rest-2");
        second["service"] = "users";
        second["status_code"] = 503;
        json third = restRecord("req-rest-2");
        third["service"] = "auth";
        third["status_code"] = 404;
        const json records = json::array({restRecord("req-rest-2"), second, third});
        for (int attempt = 0; attempt < 2; ++attempt) {
            const auto response =
                m_client->post(QStringLiteral("/api/v1/tracker/rest"), body(records), "application/json");
            QCOMPARE(response.status, 201);
            QCOMPARE(jsonBody(response)["spans"], 3);
            QCOMPARE(jsonBody(response)["trace_ids"], json::array({"req-rest-2"}));
        }
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-rest-2'"), 3);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-rest-2' AND service = 'users' AND "
                       "status = 2 AND status_code = 503"),
                 1);
        // A server span does not fail on 4xx: the client's mistake.
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-rest-2' AND service = 'auth' AND "
                       "status = 0 AND status_code = 404"),
                 1);
    }

    void restInvalidRecordsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("detail");
        json missing = restRecord("req-bad-1");
        missing.erase("request_id");
        json wrongType = restRecord("req-bad-2");
        wrongType["status_code"] = "200";
        json badTime = restRecord("req-bad-3");
        badTime["request_timestamp"] = "01/05/2024 12:00";
        json reversed = restRecord("req-bad-4");
        reversed["response_timestamp"] = "2024-05-01T11:00:00Z";
        json nullUrl = restRecord("req-bad-5");
        nullUrl["url"] = nullptr;
        json badHeaders = restRecord("req-bad-6");
        badHeaders["headers"] = "x-a: b";
        QTest::newRow("missing") << body(missing) << QStringLiteral("request_id: missing");
        QTest::newRow("type") << body(wrongType) << QStringLiteral("status_code: not an integer");
        QTest::newRow("timestamp") << body(badTime) << QStringLiteral("request_timestamp: not ISO 8601");
        QTest::newRow("order") << body(reversed)
                               << QStringLiteral("response_timestamp: before request_timestamp");
        QTest::newRow("null") << body(nullUrl) << QStringLiteral("url: missing");
        QTest::newRow("headers") << body(badHeaders) << QStringLiteral("headers: not an object");
    }

    void restInvalidRecordsNameTheField()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, detail);
        const auto response =
            m_client->post(QStringLiteral("/api/v1/tracker/rest"), request, "application/json");
        QCOMPARE(response.status, 400);
        const json answer = jsonBody(response);
        QCOMPARE(answer["error"], "bad_request");
        QCOMPARE(QString::fromStdString(answer["detail"].get<std::string>()), detail);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id LIKE 'req-bad-%'"), 0);
    }

    void restBatchKeepsTheGoodRecords()
    {
        json badTime = restRecord("req-mixed-b");
        badTime["request_timestamp"] = "yesterday";
        json noUrl = restRecord("req-mixed-d");
        noUrl.erase("url");
        const json records =
            json::array({restRecord("req-mixed-a"), badTime, restRecord("req-mixed-c"), noUrl, 42});
        const auto response =
            m_client->post(QStringLiteral("/api/v1/tracker/rest"), body(records), "application/json");
        QCOMPARE(response.status, 200);
        const json answer = jsonBody(response);
        QCOMPARE(answer["accepted"], 2);
        QCOMPARE(answer["rejected"], 3);
        QCOMPARE(answer["trace_ids"], json::array({"req-mixed-a", "req-mixed-c"}));
        const json expected = json::array({{{"index", 1}, {"error", "[1].request_timestamp: not ISO 8601"}},
                                           {{"index", 3}, {"error", "[3].url: missing"}},
                                           {{"index", 4}, {"error", "[4]: not an object"}}});
        QCOMPARE(answer["errors"], expected);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id IN ('req-mixed-a', 'req-mixed-c')"), 2);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id IN ('req-mixed-b', 'req-mixed-d')"), 0);
    }

    void llmCallIsStored()
    {
        const auto response = m_client->post(QStringLiteral("/api/v1/tracker/llm"),
                                             body(llmRecord("req-llm-1")), "application/json");
        QCOMPARE(response.status, 201);
        QCOMPARE(jsonBody(response)["trace_id"], "req-llm-1");
        QCOMPARE(
            count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-1' AND request_id = 'req-llm-1' AND "
                  "user_id = 'user-9' AND category = 'llm' AND provider = 'openai' AND model = 'gpt-4o' AND "
                  "name = 'openai gpt-4o' AND service = 'chat-backend' AND kind = 3 AND status = 0 AND "
                  "input_tokens = 120 AND output_tokens = 30 AND total_tokens = 150 AND "
                  "abs(cost_usd - 0.0042) < 1e-12 AND cost_source = 1 AND finish_reason = 'stop' AND "
                  "ttft_ms = 210 AND conversation_id = 'conv-1' AND http_method = 'POST' AND "
                  "status_code = 200 AND source = 'tracker-llm' AND start_ns = " +
                  str(kNoonNs) + " AND end_ns = " + str(kNoonNs + 1500 * kMsNs)),
            1);
        // Messages come out of the OpenAI request and response bodies.
        QCOMPARE(count("SELECT json_array_length(messages) FROM spans WHERE trace_id = 'req-llm-1'"), 3);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-1' AND "
                       "json_extract(messages, '$[0].role') = 'system' AND "
                       "json_extract(messages, '$[1].content') = 'Hello' AND "
                       "json_extract(messages, '$[2].role') = 'assistant' AND "
                       "json_extract(messages, '$[2].content') = 'Hi!'"),
                 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-1' AND "
                       "json_extract(attributes, '$.\"gen_ai.request.temperature\"') = 0.2 AND "
                       "json_extract(attributes, '$.\"gen_ai.request.max_tokens\"') = 256 AND "
                       "json_extract(attributes, '$.\"tracker.stream\"') = 1 AND "
                       "json_extract(attributes, '$.\"tracker.warnings\"[0]') = 'slow'"),
                 1);
    }

    void llmAnthropicBodiesGiveMessages()
    {
        json record = llmRecord("req-llm-3");
        record["provider"] = "anthropic";
        record["model"] = "claude-3-5-sonnet-20241022";
        record["finish_reason"] = "tool_calls";
        record["request_body"] = {
            {"model", "claude-3-5-sonnet-20241022"},
            {"system", "Be brief."},
            {"messages", json::array({{{"role", "user"},
                                       {"content", json::array({{{"type", "text"}, {"text", "Hello"}}})}}})}};
        record["response_body"] = {
            {"role", "assistant"},
            {"stop_reason", "tool_use"},
            {"content",
             json::array(
                 {{{"type", "text"}, {"text", "Looking."}},
                  {{"type", "tool_use"}, {"id", "tu1"}, {"name", "lookup"}, {"input", {{"q", "x"}}}}})}};
        const json records = json::array({record});
        QCOMPARE(
            m_client->post(QStringLiteral("/api/v1/tracker/llm"), body(records), "application/json").status,
            201);
        QCOMPARE(
            count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-3' AND provider = 'anthropic' AND "
                  "finish_reason = 'tool_calls' AND cost_source = 1 AND "
                  "json_array_length(messages) = 3 AND json_extract(messages, '$[0].role') = 'system' AND "
                  "json_extract(messages, '$[1].content') = 'Hello' AND "
                  "json_extract(messages, '$[2].content') = 'Looking.' AND "
                  "json_extract(messages, '$[2].tool_calls[0].name') = 'lookup'"),
            1);
    }

    void llmResendIsStoredOnceAndCostIsComputedWhenNotSent()
    {
        json record = llmRecord("req-llm-2");
        record.erase("cost_usd");
        record["status_code"] = 429;
        for (int attempt = 0; attempt < 2; ++attempt)
            QCOMPARE(m_client->post(QStringLiteral("/api/v1/tracker/llm"), body(record), "application/json")
                         .status,
                     201);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-2'"), 1);
        // gpt-4o is in the pricing table; a client span fails on 4xx.
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-2' AND cost_source = 2 AND "
                       "cost_usd > 0 AND status = 2"),
                 1);
    }

    void llmInvalidRecordsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("detail");
        json negative = llmRecord("req-llm-bad");
        negative["prompt_tokens"] = -5;
        json fraction = llmRecord("req-llm-bad");
        fraction["completion_tokens"] = 2.5;
        json cost = llmRecord("req-llm-bad");
        cost["cost_usd"] = "0.01";
        json noModel = llmRecord("req-llm-bad");
        noModel.erase("model");
        json temperature = llmRecord("req-llm-bad");
        temperature["model_config"]["temperature"] = "hot";
        json stream = llmRecord("req-llm-bad");
        stream["stream"] = "yes";
        QTest::newRow("negative") << body(negative) << QStringLiteral("prompt_tokens: negative");
        QTest::newRow("fraction") << body(fraction) << QStringLiteral("completion_tokens: not an integer");
        QTest::newRow("cost") << body(cost) << QStringLiteral("cost_usd: not a number");
        QTest::newRow("model") << body(noModel) << QStringLiteral("model: missing");
        QTest::newRow("config") << body(temperature)
                                << QStringLiteral("model_config.temperature: not a number");
        QTest::newRow("stream") << body(stream) << QStringLiteral("stream: not true or false");
    }

    void llmInvalidRecordsNameTheField()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, detail);
        const auto response =
            m_client->post(QStringLiteral("/api/v1/tracker/llm"), request, "application/json");
        QCOMPARE(response.status, 400);
        QCOMPARE(QString::fromStdString(errorDetail(response)), detail);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-llm-bad'"), 0);
    }

    void traceIsLaidOutAndStored()
    {
        const auto response =
            m_client->post(QStringLiteral("/api/v1/traces"), body(seedTrace("tr-1")), "application/json");
        QCOMPARE(response.status, 201);
        const json answer = jsonBody(response);
        QCOMPARE(answer["trace_id"], "tr-1");
        QCOMPARE(answer["spans"], 3);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1'"), 3);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1' AND span_id = 's1' AND "
                       "parent_span_id IS NULL AND name = 'agent' AND status = 1 AND user_id = 'user-5' AND "
                       "model IS NULL AND service = 'proj-1' AND source = 'seed-trace' AND start_ns = " +
                       str(kNoonNs) + " AND end_ns = " + str(kNoonNs + 1000 * kMsNs)),
                 1);
        // Children start at the parent's start, one after another.
        QCOMPARE(
            count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1' AND span_id = 's2' AND "
                  "parent_span_id = 's1' AND model = 'gpt-4o' AND provider = 'openai' AND "
                  "category = 'llm' AND input_tokens = 100 AND output_tokens = 20 AND cost_source = 2 AND "
                  "user_id = 'user-5' AND json_array_length(messages) = 2 AND start_ns = " +
                  str(kNoonNs) + " AND end_ns = " + str(kNoonNs + 400 * kMsNs)),
            1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1' AND span_id = 's3' AND "
                       "parent_span_id = 's1' AND status = 2 AND model IS NULL AND start_ns = " +
                       str(kNoonNs + 400 * kMsNs) + " AND end_ns = " + str(kNoonNs + 700 * kMsNs)),
                 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1' AND "
                       "json_extract(resource, '$.\"seed.organization_id\"') = 'org-1' AND "
                       "json_extract(resource, '$.\"seed.trace_metadata\".env') = 'test'"),
                 3);

        // A resend is the same trace, stored once.
        QCOMPARE(m_client->post(QStringLiteral("/api/v1/traces"), body(seedTrace("tr-1")), "application/json")
                     .status,
                 201);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-1'"), 3);
    }

    void traceWithoutIdsGetsGeneratedOnes()
    {
        json first = {{"name", "retrieve"}, {"duration_ms", 250}};
        json second = {{"name", "answer"}, {"duration_ms", 100}, {"start_time", "2024-05-01T12:00:05Z"}};
        json third = {{"name", "reply"}, {"duration_ms", 50}};
        const json trace = {{"spans", json::array({first, second, third})}};
        const auto response =
            m_client->post(QStringLiteral("/api/v1/traces"), body(trace), "application/json");
        QCOMPARE(response.status, 201);
        const std::string traceId = jsonBody(response)["trace_id"].get<std::string>();
        QCOMPARE(traceId.size(), size_t(32));
        QCOMPARE(count("SELECT count(DISTINCT span_id) FROM spans WHERE trace_id = '" + traceId + "'"), 3);
        // No trace start_time: the trace starts with its earliest span start; siblings follow each other.
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '" + traceId +
                       "' AND name = 'retrieve' AND start_ns = " + str(kNoonNs + 5000 * kMsNs) +
                       " AND end_ns = " + str(kNoonNs + 5250 * kMsNs)),
                 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '" + traceId +
                       "' AND name = 'answer' AND start_ns = " + str(kNoonNs + 5000 * kMsNs)),
                 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '" + traceId +
                       "' AND name = 'reply' AND start_ns = " + str(kNoonNs + 5250 * kMsNs) +
                       " AND end_ns = " + str(kNoonNs + 5300 * kMsNs)),
                 1);
    }

    void invalidTraceNamesTheField_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QString>("detail");
        json duration = seedTrace("tr-bad");
        duration["spans"][2]["duration_ms"] = "slow";
        json tokens = seedTrace("tr-bad");
        tokens["spans"][1]["prompt_tokens"] = -1;
        json noName = seedTrace("tr-bad");
        noName["spans"][0].erase("name");
        json noSpans = seedTrace("tr-bad");
        noSpans.erase("spans");
        json start = seedTrace("tr-bad");
        start["start_time"] = "noon";
        json cycle = seedTrace("tr-bad");
        cycle["spans"][0]["parent_span_id"] = "s2";
        json duplicate = seedTrace("tr-bad");
        duplicate["spans"][2]["span_id"] = "s2";
        QTest::newRow("duration") << body(duration) << QStringLiteral("spans[2].duration_ms: not a number");
        QTest::newRow("tokens") << body(tokens) << QStringLiteral("spans[1].prompt_tokens: negative");
        QTest::newRow("name") << body(noName) << QStringLiteral("spans[0].name: missing");
        QTest::newRow("spans") << body(noSpans) << QStringLiteral("spans: missing");
        QTest::newRow("start") << body(start) << QStringLiteral("start_time: not ISO 8601");
        QTest::newRow("cycle") << body(cycle) << QStringLiteral("spans[0].parent_span_id: cycle of parents");
        QTest::newRow("duplicate") << body(duplicate) << QStringLiteral("spans[2].span_id: same as spans[1]");
    }

    void invalidTraceNamesTheField()
    {
        QFETCH(QByteArray, request);
        QFETCH(QString, detail);
        const auto response = m_client->post(QStringLiteral("/api/v1/traces"), request, "application/json");
        QCOMPARE(response.status, 400);
        QCOMPARE(QString::fromStdString(errorDetail(response)), detail);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-bad'"), 0);
    }

    void batchKeepsTheGoodTraces()
    {
        json bad = seedTrace("tr-batch-2");
        bad["spans"][1]["duration_ms"] = json::object();
        const json batch = {{"traces", json::array({seedTrace("tr-batch-1"), bad, seedTrace("tr-batch-3")})}};
        const auto response =
            m_client->post(QStringLiteral("/api/v1/traces/batch"), body(batch), "application/json");
        QCOMPARE(response.status, 200);
        const json answer = jsonBody(response);
        QCOMPARE(answer["accepted"], 2);
        QCOMPARE(answer["rejected"], 1);
        QCOMPARE(answer["spans"], 6);
        QCOMPARE(answer["trace_ids"], json::array({"tr-batch-1", "tr-batch-3"}));
        QCOMPARE(answer["errors"],
                 json::array({{{"index", 1}, {"error", "traces[1].spans[1].duration_ms: not a number"}}}));
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id IN ('tr-batch-1', 'tr-batch-3')"), 6);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-batch-2'"), 0);

        // A bare array works too; all valid answers 201.
        const json array = json::array({seedTrace("tr-batch-4")});
        const auto arrayResponse =
            m_client->post(QStringLiteral("/api/v1/traces/batch"), body(array), "application/json");
        QCOMPARE(arrayResponse.status, 201);
        QCOMPARE(jsonBody(arrayResponse)["trace_ids"], json::array({"tr-batch-4"}));
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'tr-batch-4'"), 3);

        const json allBad = json::array({bad});
        const auto allBadResponse =
            m_client->post(QStringLiteral("/api/v1/traces/batch"), body(allBad), "application/json");
        QCOMPARE(allBadResponse.status, 400);
        QCOMPARE(errorDetail(allBadResponse), "[0].spans[1].duration_ms: not a number");
    }

    void malformedJsonNamesTheOffset_data() { routes(); }

    void malformedJsonNamesTheOffset()
    {
        QFETCH(QString, path);
        const auto response = m_client->post(path, "{\"request_id\": \"a\",, }", "application/json");
        QCOMPARE(response.status, 400);
        QCOMPARE(jsonBody(response)["error"], "bad_request");
        const std::string detail = errorDetail(response);
        QVERIFY2(detail.find("malformed JSON") != std::string::npos &&
                     detail.find("column 20") != std::string::npos,
                 detail.c_str());
        const auto notJson = m_client->post(path, "\"text\"", "application/json");
        QCOMPARE(notJson.status, 400);
    }

    void wrongContentTypeIs415_data() { routes(); }

    void wrongContentTypeIs415()
    {
        QFETCH(QString, path);
        const auto response = m_client->post(path, body(restRecord("req-415")), "text/plain");
        QCOMPARE(response.status, 415);
        QCOMPARE(jsonBody(response)["error"], "unsupported_media_type");
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-415'"), 0);
    }

    void oversizeBodyIs413_data() { routes(); }

    void oversizeBodyIs413()
    {
        QFETCH(QString, path);
        json record = restRecord("req-413");
        record["request_body"] = std::string(size_t(kTestBodyLimit), 'x');
        const auto response = m_client->post(path, body(record), "application/json");
        QCOMPARE(response.status, 413);
        QCOMPARE(jsonBody(response)["error"], "payload_too_large");
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = 'req-413'"), 0);
    }

    void onlyPostIsAccepted_data() { routes(); }

    // GET /api/v1/traces is the query API, so the check uses PUT, which no route takes.
    void onlyPostIsAccepted()
    {
        QFETCH(QString, path);
        const QByteArray request = "PUT " + path.toLatin1() +
                                   " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                   "Content-Length: 2\r\nConnection: close\r\n\r\n{}";
        QCOMPARE(m_client->raw(request).status, 405);
    }

private:
    static void routes()
    {
        QTest::addColumn<QString>("path");
        for (const char *path :
             {"/api/v1/tracker/rest", "/api/v1/tracker/llm", "/api/v1/traces", "/api/v1/traces/batch"})
            QTest::newRow(path) << QString::fromLatin1(path);
    }

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

QTEST_GUILESS_MAIN(TestSeedApi)
#include "test_seedapi.moc"

#include "engine.h"
#include "httpclient.h"
#include "storesupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kBaseNs = 1'764'000'000'000'000'000; // 2025-11-24T16:00:00Z
constexpr int64_t kSecond = 1'000'000'000;

std::string traceIdOf(int i)
{
    return QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).toStdString();
}

// Trace i: a gateway root and an LLM call; odd traces fail; every trace belongs to request req-i.
SpanBatch makeTrace(int i)
{
    Span root;
    root.traceId = traceIdOf(i);
    root.spanId = "root";
    root.name = "POST /chat";
    root.service = "gateway";
    root.startNs = kBaseNs + int64_t(i) * kSecond;
    root.endNs = root.startNs + 100'000'000 + int64_t(i) * 1'000'000;
    root.source = "test";
    root.fields.requestId = "req-" + std::to_string(i);
    root.fields.userId = i % 2 ? "ann" : "bo";
    root.fields.httpMethod = "POST";
    root.fields.httpUrl = "http://gw/chat";
    root.fields.statusCode = i % 2 ? 500 : 200;
    Span llm = root;
    llm.spanId = "llm";
    llm.parentSpanId = "root";
    llm.name = "chat";
    llm.service = "llm-proxy";
    llm.startNs = root.startNs + 10'000'000;
    llm.endNs = root.endNs - 10'000'000;
    llm.fields.statusCode.reset();
    llm.fields.category = "llm";
    llm.fields.provider = "openai";
    llm.fields.model = i % 3 ? "gpt-4o" : "gpt-4o-mini";
    llm.fields.inputTokens = 100;
    llm.fields.outputTokens = 10;
    llm.fields.costUsd = 0.01;
    llm.fields.costSource = CostSource::Given;
    llm.fields.messages = {{{"role", "user"}, {"content", i == 3 ? "the quokka question" : "hello"}}};
    if (i % 2)
        llm.status = SpanStatus::Error;
    return {root, llm};
}

nlohmann::json getJson(const HttpClient &client, const QString &path, int expectedStatus = 200)
{
    const HttpResponse response = client.get(path);
    if (response.status != expectedStatus) {
        qWarning() << path << response.status << response.body;
        return nlohmann::json();
    }
    return nlohmann::json::parse(response.body.toStdString(), nullptr, false);
}

std::vector<std::string> ids(const nlohmann::json &page)
{
    std::vector<std::string> out;
    for (const auto &trace : page["traces"])
        out.push_back(trace["trace_id"].get<std::string>());
    return out;
}

} // namespace

class TestQueryApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("query.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(m_engine.start(options, &error), qPrintable(error));
        SpanBatch all;
        for (int i = 0; i < kTraces; ++i)
            for (Span &span : makeTrace(i))
                all.push_back(std::move(span));
        QVERIFY(writeAndWait(*m_engine.writer(), std::move(all)).ok);
        QSignalSpy fts(m_engine.writer(), &SpanWriter::ftsCaughtUp);
        QVERIFY(fts.wait(10000));
        m_client = std::make_unique<HttpClient>(m_engine.listener()->address().port);
    }

    void listsNewestFirstWithACursor()
    {
        const auto page = getJson(*m_client, QStringLiteral("/api/v1/traces?limit=5"));
        QCOMPARE(page["traces"].size(), size_t(5));
        QCOMPARE(page["traces"][0]["trace_id"].get<std::string>(), traceIdOf(kTraces - 1));
        QCOMPARE(page["traces"][0]["span_count"].get<int>(), 2);
        QCOMPARE(page["traces"][0]["services"], nlohmann::json({"gateway", "llm-proxy"}));
        QVERIFY(page["next_cursor"].is_string());
        const auto last = getJson(*m_client, QStringLiteral("/api/v1/traces?limit=%1").arg(kTraces));
        QVERIFY(last["next_cursor"].is_null());
    }

    void filters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expected");
        QTest::newRow("status error") << QStringLiteral("status=error") << kTraces / 2;
        QTest::newRow("user") << QStringLiteral("user_id=bo") << kTraces / 2;
        QTest::newRow("model") << QStringLiteral("model=gpt-4o-mini") << (kTraces + 2) / 3;
        QTest::newRow("model glob") << QStringLiteral("model=gpt-4o*") << kTraces;
        QTest::newRow("service") << QStringLiteral("service=llm-proxy") << kTraces;
        QTest::newRow("request") << QStringLiteral("request_id=req-7") << 1;
        QTest::newRow("trace") << QStringLiteral("trace_id=") + QString::fromStdString(traceIdOf(4)) << 1;
        QTest::newRow("status code") << QStringLiteral("status_code=500") << kTraces / 2;
        QTest::newRow("full text") << QStringLiteral("q=quokka") << 1;
        QTest::newRow("three filters") << QStringLiteral("status=error&user_id=ann&model=gpt-4o") << [] {
            int n = 0;
            for (int i = 0; i < kTraces; ++i)
                n += i % 2 && i % 3;
            return n;
        }();
        QTest::newRow("time range iso")
            << QStringLiteral("start_time=2025-11-24T16:00:05.000Z&end_time=2025-11-24T16:00:10.000Z") << 5;
        QTest::newRow("time range ns") << QStringLiteral("start_time=%1&end_time=%2")
                                              .arg(kBaseNs + 5 * kSecond)
                                              .arg(kBaseNs + 10 * kSecond)
                                       << 5;
    }

    void filters()
    {
        QFETCH(QString, query);
        QFETCH(int, expected);
        const auto page = getJson(*m_client, QStringLiteral("/api/v1/traces?limit=1000&") + query);
        QVERIFY(page.is_object());
        QCOMPARE(int(page["traces"].size()), expected);
    }

    void badParametersAreNamed_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("detail");
        QTest::newRow("limit") << QStringLiteral("/api/v1/traces?limit=0")
                               << QStringLiteral("limit: expected 1 to 1000");
        QTest::newRow("cursor") << QStringLiteral("/api/v1/traces?cursor=zzz")
                                << QStringLiteral("cursor: not a cursor this API returned");
        QTest::newRow("start") << QStringLiteral("/api/v1/traces?start_time=yesterday")
                               << QStringLiteral("start_time: not ISO 8601 or nanoseconds");
        QTest::newRow("status") << QStringLiteral("/api/v1/traces?status=maybe")
                                << QStringLiteral("status: expected error or ok");
        QTest::newRow("code") << QStringLiteral("/api/v1/traces?status_code=abc")
                              << QStringLiteral("status_code: not an HTTP status code");
        QTest::newRow("group") << QStringLiteral("/api/v1/metrics/summary?group_by=color")
                               << QStringLiteral("group_by: expected service, model, provider or user");
    }

    void badParametersAreNamed()
    {
        QFETCH(QString, path);
        QFETCH(QString, detail);
        const auto body = getJson(*m_client, path, 400);
        QVERIFY(body.is_object());
        QCOMPARE(QString::fromStdString(body["detail"].get<std::string>()), detail);
        QCOMPARE(body["error"].get<std::string>(), std::string("bad_request"));
    }

    void oneTraceWithAllItsSpans()
    {
        const auto trace =
            getJson(*m_client, QStringLiteral("/api/v1/traces/") + QString::fromStdString(traceIdOf(3)));
        QVERIFY(trace.is_object());
        QCOMPARE(trace["spans"].size(), size_t(2));
        const auto &root = trace["spans"][0];
        const auto &llm = trace["spans"][1];
        QCOMPARE(root["span_id"].get<std::string>(), std::string("root"));
        QVERIFY(root["parent_span_id"].is_null());
        QCOMPARE(llm["parent_span_id"].get<std::string>(), std::string("root"));
        QCOMPARE(llm["status"].get<std::string>(), std::string("error"));
        QCOMPARE(llm["llm"]["model"].get<std::string>(), std::string("gpt-4o-mini"));
        QCOMPARE(llm["llm"]["cost_source"].get<std::string>(), std::string("given"));
        QCOMPARE(llm["llm"]["messages"][0]["content"].get<std::string>(), std::string("the quokka question"));
        QCOMPARE(trace["error_count"].get<int>(), 1);
        const auto missing = getJson(*m_client, QStringLiteral("/api/v1/traces/nope"), 404);
        QCOMPARE(missing["error"].get<std::string>(), std::string("not_found"));
    }

    void pathOfARequestInTimeOrder()
    {
        const auto path = getJson(*m_client, QStringLiteral("/api/v1/paths/req-5"));
        QVERIFY(path.is_object());
        QCOMPARE(path["hops"].size(), size_t(2));
        QCOMPARE(path["hops"][0]["service"].get<std::string>(), std::string("gateway"));
        QCOMPARE(path["hops"][0]["method"].get<std::string>(), std::string("POST"));
        QCOMPARE(path["hops"][0]["status_code"].get<int>(), 500);
        QCOMPARE(path["hops"][0]["latency_ms"].get<double>(), 105.0);
        QCOMPARE(path["hops"][1]["service"].get<std::string>(), std::string("llm-proxy"));
        QCOMPARE(path["totals"]["duration_ms"].get<double>(), 105.0);
        QCOMPARE(path["totals"]["input_tokens"].get<int>(), 100);
        QCOMPARE(path["totals"]["errors"].get<int>(), 1);
        QCOMPARE(path["totals"]["cost_usd"].get<double>(), 0.01);
        getJson(*m_client, QStringLiteral("/api/v1/paths/req-none"), 404);
    }

    void metricsSummaryGroupsByModel()
    {
        const auto summary = getJson(*m_client, QStringLiteral("/api/v1/metrics/summary?group_by=model"));
        QVERIFY(summary.is_object());
        QCOMPARE(summary["group_by"].get<std::string>(), std::string("model"));
        QCOMPARE(summary["groups"].size(), size_t(2));
        const auto &gpt4o = summary["groups"][0];
        QCOMPARE(gpt4o["key"].get<std::string>(), std::string("gpt-4o"));
        int spans = 0, errors = 0;
        std::vector<double> latencies;
        for (int i = 0; i < kTraces; ++i) {
            if (i % 3) {
                ++spans;
                errors += i % 2;
                latencies.push_back(80.0 + i);
            }
        }
        QCOMPARE(gpt4o["spans"].get<int>(), spans);
        QCOMPARE(gpt4o["errors"].get<int>(), errors);
        std::sort(latencies.begin(), latencies.end());
        // The whole range is read from the writer's per-minute rollups: percentiles from histograms, within
        // the stated relative error.
        QCOMPARE(summary["percentiles"].get<std::string>(), std::string("histogram"));
        const double bound = summary["percentile_relative_error"].get<double>();
        QVERIFY(bound > 0 && bound <= 0.02);
        const double exactP50 = latencies[latencies.size() / 2];
        QVERIFY2(std::abs(gpt4o["latency_ms"]["p50"].get<double>() - exactP50) <= bound * exactP50,
                 gpt4o.dump().c_str());
        QVERIFY(gpt4o["latency_ms"]["p50"].get<double>() > 0);
        QVERIFY(gpt4o["latency_ms"]["p50"].get<double>() <= gpt4o["latency_ms"]["p95"].get<double>());
        QVERIFY(gpt4o["latency_ms"]["p95"].get<double>() <= gpt4o["latency_ms"]["p99"].get<double>());
        QCOMPARE(gpt4o["input_tokens"].get<int>(), 100 * gpt4o["spans"].get<int>());

        // Over a range holding only the first ten traces, the figures are exact.
        const auto ranged =
            getJson(*m_client, QStringLiteral("/api/v1/metrics/summary?group_by=service&end_time=%1")
                                   .arg(kBaseNs + 10 * kSecond));
        QCOMPARE(ranged["percentiles"].get<std::string>(), std::string("exact"));
        QCOMPARE(ranged["groups"].size(), size_t(2));
        QCOMPARE(ranged["groups"][0]["key"].get<std::string>(), std::string("gateway"));
        QCOMPARE(ranged["groups"][0]["spans"].get<int>(), 10);
        QCOMPARE(ranged["groups"][0]["traces"].get<int>(), 10);
        QCOMPARE(ranged["groups"][0]["errors"].get<int>(), 0);
        QCOMPARE(ranged["groups"][0]["latency_ms"]["p50"].get<double>(), 105.0); // durations 100..109 ms
        QCOMPARE(ranged["groups"][0]["latency_ms"]["p99"].get<double>(), 109.0);
        QCOMPARE(ranged["groups"][1]["errors"].get<int>(), 5);
        QCOMPARE(ranged["error_rate"].get<double>(), 0.25);
    }

    // Newer traces arriving between pages neither repeat nor hide the older ones still to come.
    void cursorPagesStayStableUnderConcurrentWrites()
    {
        std::vector<std::string> seen;
        auto page = getJson(*m_client, QStringLiteral("/api/v1/traces?limit=7"));
        int extra = 1000;
        while (true) {
            for (const auto &id : ids(page))
                seen.push_back(id);
            // Ingest keeps going while the client pages.
            QVERIFY(writeAndWait(*m_engine.writer(), makeTrace(extra++)).ok);
            if (page["next_cursor"].is_null())
                break;
            page =
                getJson(*m_client, QStringLiteral("/api/v1/traces?limit=7&cursor=%1")
                                       .arg(QString::fromStdString(page["next_cursor"].get<std::string>())));
            QVERIFY(page.is_object());
        }
        QCOMPARE(std::set<std::string>(seen.begin(), seen.end()).size(), seen.size());
        QCOMPARE(int(seen.size()), kTraces);
        QCOMPARE(seen.front(), traceIdOf(kTraces - 1));
        QCOMPARE(seen.back(), traceIdOf(0));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_engine.stop();
    }

private:
    static constexpr int kTraces = 30;
    QTemporaryDir m_dir;
    Engine m_engine;
    std::unique_ptr<HttpClient> m_client;
};

QTEST_GUILESS_MAIN(TestQueryApi)
#include "test_queryapi.moc"

// End-to-end with real LLM instrumentation: the `openai` SDK instrumented by OpenInference
// (@arizeai/openinference-instrumentation-openai) and by OpenLLMetry (@traceloop/instrumentation-openai),
// both pinned in package.json, runs a two-call agent loop (tool call, tool result, answer) against a mock
// chat-completions server (llm-client.mjs) and exports to a running `tracedeck --headless`. The test reads
// the store back and checks what the normalizer made of each library's attributes: the span tree, provider,
// response model, tokens exactly as the API reported them, cached tokens counted once in the cost, finish
// reasons, and the conversation — system and user prompts, the assistant's tool call with its arguments,
// the tool result and the final answer — in order.

#include "database.h"
#include "pricingtable.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace tracedeck;
using nlohmann::json;

namespace {

constexpr int kTimeoutMs = 120'000;
const QString kE2eDir = QStringLiteral(TRACEDECK_E2E_DIR);

struct StoredSpan {
    std::string spanId, parentSpanId, name, category, provider, model, finishReason;
    std::optional<int64_t> inputTokens, outputTokens, cachedTokens;
    std::optional<double> cost;
    json messages;
};

std::optional<int64_t> intColumn(sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_int64(stmt, column);
}

std::string textColumn(sqlite3_stmt *stmt, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return text ? text : "";
}

} // namespace

class TestLlmE2e : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void instrumentedAgentLoop_data();
    void instrumentedAgentLoop();

private:
    std::vector<StoredSpan> storedSpans(const QString &traceId);

    QTemporaryDir m_dir;
    QString m_node;
    QString m_database;
    QProcess m_tracedeck;
    QByteArray m_stderr;
    quint16 m_port = 0;
};

void TestLlmE2e::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty())
        QSKIP("node is not on PATH: this end-to-end test needs Node.js 20 or later");
    QVERIFY2(QFileInfo(kE2eDir + QStringLiteral("/node_modules/openai")).isDir(),
             "tests/e2e/node_modules is missing: run `npm ci` in tests/e2e (bash build.sh test does)");
    m_database = m_dir.filePath(QStringLiteral("llm.db"));
    connect(&m_tracedeck, &QProcess::readyReadStandardError, this,
            [this] { m_stderr += m_tracedeck.readAllStandardError(); });
    m_tracedeck.start(QStringLiteral(TRACEDECK_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), m_database});
    QVERIFY(m_tracedeck.waitForStarted(kTimeoutMs));
    static const QRegularExpression listening(QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+) )"));
    QTRY_VERIFY_WITH_TIMEOUT(listening.match(QString::fromUtf8(m_stderr)).hasMatch() ||
                                 m_tracedeck.state() == QProcess::NotRunning,
                             30'000);
    const auto match = listening.match(QString::fromUtf8(m_stderr));
    QVERIFY2(match.hasMatch(), m_stderr.constData());
    m_port = quint16(match.captured(1).toUInt());
}

void TestLlmE2e::cleanupTestCase()
{
    if (m_tracedeck.state() == QProcess::NotRunning)
        return;
    m_tracedeck.terminate();
    QVERIFY(m_tracedeck.waitForFinished(30'000));
    QCOMPARE(m_tracedeck.exitCode(), 0);
}

std::vector<StoredSpan> TestLlmE2e::storedSpans(const QString &traceId)
{
    std::string error;
    auto db = Database::open(m_database.toStdString(), Database::Mode::ReadOnly, &error);
    std::vector<StoredSpan> out;
    if (!db)
        return out;
    Statement stmt = db->prepare(
        "SELECT span_id, coalesce(parent_span_id, ''), name, coalesce(category, ''), coalesce(provider, ''), "
        "coalesce(model, ''), coalesce(finish_reason, ''), input_tokens, output_tokens, cached_input_tokens, "
        "cost_usd, coalesce(messages, '[]') FROM spans WHERE trace_id = ? ORDER BY start_ns, span_id");
    const QByteArray id = traceId.toUtf8();
    sqlite3_bind_text(stmt.get(), 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
    while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
        StoredSpan s;
        s.spanId = textColumn(stmt.get(), 0);
        s.parentSpanId = textColumn(stmt.get(), 1);
        s.name = textColumn(stmt.get(), 2);
        s.category = textColumn(stmt.get(), 3);
        s.provider = textColumn(stmt.get(), 4);
        s.model = textColumn(stmt.get(), 5);
        s.finishReason = textColumn(stmt.get(), 6);
        s.inputTokens = intColumn(stmt.get(), 7);
        s.outputTokens = intColumn(stmt.get(), 8);
        s.cachedTokens = intColumn(stmt.get(), 9);
        if (sqlite3_column_type(stmt.get(), 10) != SQLITE_NULL)
            s.cost = sqlite3_column_double(stmt.get(), 10);
        s.messages = json::parse(textColumn(stmt.get(), 11));
        out.push_back(std::move(s));
    }
    return out;
}

void TestLlmE2e::instrumentedAgentLoop_data()
{
    QTest::addColumn<QString>("instrumentation");
    QTest::addColumn<bool>("reportsCachedTokens");
    QTest::newRow("openinference") << QStringLiteral("openinference") << true;
    QTest::newRow("openllmetry") << QStringLiteral("openllmetry") << false;
}

void TestLlmE2e::instrumentedAgentLoop()
{
    QFETCH(QString, instrumentation);
    QFETCH(bool, reportsCachedTokens);
    QProcess client;
    client.setWorkingDirectory(kE2eDir);
    client.start(m_node, {kE2eDir + QStringLiteral("/llm-client.mjs"),
                          QStringLiteral("http://127.0.0.1:%1").arg(m_port), instrumentation,
                          QUuid::createUuid().toString(QUuid::Id128).left(8)});
    QVERIFY(client.waitForFinished(kTimeoutMs));
    const QByteArray out = client.readAllStandardOutput();
    QVERIFY2(client.exitCode() == 0, QByteArray(out + client.readAllStandardError()).constData());
    const json report = json::parse(out.toStdString());
    const QString traceId = QString::fromStdString(report["traceId"].get<std::string>());
    const json &calls = report["calls"];
    QCOMPARE(calls.size(), size_t(2));

    // Acknowledged exports are committed: everything is readable now.
    const std::vector<StoredSpan> spans = storedSpans(traceId);
    QCOMPARE(spans.size(), size_t(4)); // agent root, chat, tool, chat
    // Found by what they are, not by position: JavaScript clocks can give two spans the same start.
    const auto find = [&](auto predicate) {
        std::vector<const StoredSpan *> found;
        for (const StoredSpan &s : spans)
            if (predicate(s))
                found.push_back(&s);
        return found;
    };
    const auto roots = find([](const StoredSpan &s) { return s.parentSpanId.empty(); });
    QCOMPARE(roots.size(), size_t(1));
    const StoredSpan &root = *roots[0];
    QCOMPARE(root.name, std::string("weather-agent"));
    const auto tools = find([](const StoredSpan &s) { return s.name == "get_weather"; });
    QCOMPARE(tools.size(), size_t(1));
    QCOMPARE(tools[0]->category, std::string("tool"));
    QCOMPARE(tools[0]->parentSpanId, root.spanId);
    const auto chats = find([](const StoredSpan &s) { return s.category == "llm"; });
    QCOMPARE(chats.size(), size_t(2)); // in start order; the second call starts after the first returned

    const PricingTable &pricing = PricingTable::builtIn();
    const auto price = pricing.find(report["model"].get<std::string>());
    QVERIFY(price);
    for (int c = 0; c < 2; ++c) {
        const StoredSpan &llm = *chats[size_t(c)];
        const json &sent = calls[size_t(c)];
        const json &usage = sent["usage"];
        QCOMPARE(llm.parentSpanId, root.spanId);
        QCOMPARE(llm.category, std::string("llm"));
        QCOMPARE(llm.provider, std::string("openai"));
        QCOMPARE(llm.model, report["model"].get<std::string>());
        QVERIFY(llm.inputTokens == usage["prompt_tokens"].get<int64_t>());
        QVERIFY(llm.outputTokens == usage["completion_tokens"].get<int64_t>());
        const int64_t cached = usage["prompt_tokens_details"]["cached_tokens"].get<int64_t>();
        if (reportsCachedTokens)
            QVERIFY(llm.cachedTokens == cached);
        else
            QVERIFY(!llm.cachedTokens || *llm.cachedTokens == 0);
        // Cached input tokens are part of the input tokens: priced once, at the cached rate.
        const int64_t cachedKnown = llm.cachedTokens.value_or(0);
        const double expected = (double(*llm.inputTokens - cachedKnown) * price->inputPerMillion +
                                 double(cachedKnown) * price->cachedInputPerMillion +
                                 double(*llm.outputTokens) * price->outputPerMillion) /
                                1e6;
        QVERIFY(llm.cost);
        QVERIFY2(std::fabs(*llm.cost - expected) < 1e-12,
                 qPrintable(QStringLiteral("cost %1, expected %2").arg(*llm.cost).arg(expected)));
        QVERIFY2(llm.finishReason.rfind("tool_call", 0) == 0 || c == 1, llm.finishReason.c_str());
        if (c == 1)
            QCOMPARE(llm.finishReason, std::string("stop"));

        // The conversation: every input message in order, then the answer.
        const json &messages = llm.messages;
        const json &input = sent["input"];
        QVERIFY2(messages.size() == input.size() + 1, messages.dump().c_str());
        for (size_t m = 0; m < input.size(); ++m) {
            QVERIFY(messages[m]["role"] == input[m]["role"]);
            if (input[m]["content"].is_string())
                QVERIFY(messages[m]["content"] == input[m]["content"]);
        }
        const json &answer = messages.back();
        QVERIFY(answer["role"] == json("assistant"));
        if (c == 0) {
            QCOMPARE(answer["tool_calls"].size(), size_t(1));
            QVERIFY(answer["tool_calls"][0]["name"] == json("get_weather"));
            QVERIFY(answer["tool_calls"][0]["id"] == json("call_weather_1"));
            QVERIFY(json::parse(answer["tool_calls"][0]["arguments"].get<std::string>()) ==
                    json({{"city", "Lisbon"}}));
        } else {
            QVERIFY(answer["content"] == sent["output"]["content"]);
            const json &toolResult = messages[3];
            QVERIFY(toolResult["role"] == json("tool"));
            QVERIFY(toolResult["tool_call_id"] == json("call_weather_1"));
            QVERIFY(json::parse(toolResult["content"].get<std::string>())["temperature_c"] == json(21));
        }
    }
}

QTEST_GUILESS_MAIN(TestLlmE2e)
#include "test_llm_e2e.moc"

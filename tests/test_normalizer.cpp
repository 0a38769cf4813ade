#include "normalizer.h"
#include "pricingtable.h"

#include <QtTest>

#include <fstream>
#include <string>

using namespace tracedeck;
using json = nlohmann::json;

namespace {

QByteArray str(const std::string &s)
{
    return QByteArray::fromStdString(s);
}

QByteArray opt(const std::optional<int64_t> &v)
{
    return v ? QByteArray::number(qint64(*v)) : QByteArray("-");
}

QByteArray dump(const json &j)
{
    return QByteArray::fromStdString(j.dump());
}

// OTLP/JSON AnyValue → the plain JSON a decoder puts in Span::attributes.
json plain(const json &v)
{
    if (const auto it = v.find("stringValue"); it != v.end())
        return *it;
    if (const auto it = v.find("intValue"); it != v.end())
        return it->is_string() ? json(std::stoll(it->get<std::string>())) : *it;
    if (const auto it = v.find("doubleValue"); it != v.end())
        return *it;
    if (const auto it = v.find("boolValue"); it != v.end())
        return *it;
    if (const auto it = v.find("arrayValue"); it != v.end()) {
        json out = json::array();
        for (const json &e : it->value("values", json::array()))
            out.push_back(plain(e));
        return out;
    }
    if (const auto it = v.find("kvlistValue"); it != v.end()) {
        json out = json::object();
        for (const json &kv : it->value("values", json::array()))
            out[kv.at("key").get<std::string>()] = plain(kv.at("value"));
        return out;
    }
    return nullptr;
}

// The attributes of the span named spanName in an OTLP/JSON fixture of tests/data/otlp.
json fixtureAttributes(const char *file, const char *spanName)
{
    std::ifstream in(std::string(TRACEDECK_TEST_DATA) + "/otlp/" + file);
    const json doc = json::parse(in);
    for (const json &rs : doc.at("resourceSpans")) {
        for (const json &ss : rs.at("scopeSpans")) {
            for (const json &span : ss.at("spans")) {
                if (span.at("name") != spanName)
                    continue;
                json attributes = json::object();
                for (const json &kv : span.value("attributes", json::array()))
                    attributes[kv.at("key").get<std::string>()] = plain(kv.at("value"));
                return attributes;
            }
        }
    }
    return nullptr;
}

Span spanWith(json attributes)
{
    Span span;
    span.attributes = std::move(attributes);
    return span;
}

ExtractedFields normalized(json attributes)
{
    Span span = spanWith(std::move(attributes));
    Normalizer().normalize(span);
    return span.fields;
}

const char *const kOpenInference = "genai-interlingua-openinference.json";
const char *const kOpenLlmetry = "genai-interlingua-openllmetry.json";
const char *const kVercel = "genai-interlingua-vercel-ai.json";

} // namespace

class TestNormalizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInPricingTable();
    void pricingTableRejectsBadEntries_data();
    void pricingTableRejectsBadEntries();
    void pricingMatchesModelNames_data();
    void pricingMatchesModelNames();
    void mostSpecificPatternWins();

    void openInferenceFixture();
    void openLlmetryFixture();
    void openLlmetryWorkflowSpan();
    void vercelFixture();
    void genAiParts();
    void genAiOlderEvents();
    void genAiContentEvents();
    void attributeMessagesBeatEvents();
    void openInferenceFlattened();
    void openLlmetryFlattened();
    void inputValueOnlyForModelCalls();
    void precedence();

    void cachedTokensNotCountedTwice();
    void cachedTokensReportedApart();
    void cachedBilledAsInputWithoutCachePrice();
    void givenCostWins();
    void unknownModelHasUnknownCost();
    void aggregateSpansGetNoComputedCost();
    void providerFromPricingTable();

    void numericStrings();
    void malformedInputNeverThrows();
    void httpFields_data();
    void httpFields();
    void groupingIds();
    void category_data();
    void category();
    void timeToFirstToken();
    void attributesUntouchedAndFieldsReset();
};

void TestNormalizer::builtInPricingTable()
{
    const PricingTable &table = PricingTable::builtIn();
    QCOMPARE(&table, &PricingTable::builtIn());
    QCOMPARE(str(table.date()), QByteArray("2026-11-25"));
    QCOMPARE(table.size(), size_t(43));
    const auto gpt4o = table.find("gpt-4o");
    QVERIFY(gpt4o);
    QCOMPARE(str(gpt4o->model), QByteArray("gpt-4o"));
    QCOMPARE(str(gpt4o->provider), QByteArray("openai"));
    QCOMPARE(gpt4o->inputPerMillion, 2.50);
    QCOMPARE(gpt4o->outputPerMillion, 10.00);
    QCOMPARE(gpt4o->cachedInputPerMillion, 1.25);
    const auto sonnet = table.find("claude-sonnet-4-5");
    QVERIFY(sonnet);
    QCOMPARE(sonnet->inputPerMillion, 3.00);
    QCOMPARE(sonnet->outputPerMillion, 15.00);
    QCOMPARE(sonnet->cachedInputPerMillion, 0.30);
    // No cache price listed: cached tokens cost what input tokens cost.
    const auto turbo = table.find("gpt-3.5-turbo");
    QVERIFY(turbo);
    QCOMPARE(turbo->cachedInputPerMillion, 0.50);
}

void TestNormalizer::pricingTableRejectsBadEntries_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QByteArray>("error");
    QTest::newRow("not json") << QByteArray("{\"models\": [") << QByteArray("pricing table: not valid JSON");
    QTest::newRow("no models") << QByteArray("{\"date\": \"2026-01-01\"}")
                               << QByteArray("pricing table: \"models\" must be an array");
    QTest::newRow("missing input")
        << QByteArray(R"({"models": [{"model": "a", "input": 1, "output": 2},
                                                               {"model": "b", "output": 2}]})")
        << QByteArray(R"(pricing table: models[1] ("b"): "input" must be a non-negative number)");
    QTest::newRow("negative output")
        << QByteArray(R"({"models": [{"model": "a", "input": 1, "output": -2}]})")
        << QByteArray(R"(pricing table: models[0] ("a"): "output" must be a non-negative number)");
    QTest::newRow("string price")
        << QByteArray(R"({"models": [{"model": "a", "input": "1", "output": 2}]})")
        << QByteArray(R"(pricing table: models[0] ("a"): "input" must be a non-negative number)");
    QTest::newRow("bad cached")
        << QByteArray(R"({"models": [{"model": "a", "input": 1, "output": 2, "cached_input": null}]})")
        << QByteArray(R"(pricing table: models[0] ("a"): "cached_input" must be a non-negative number)");
    QTest::newRow("no name") << QByteArray(R"({"models": [{"input": 1, "output": 2}]})")
                             << QByteArray(R"(pricing table: models[0]: "model" must be a non-empty string)");
    QTest::newRow("duplicate") << QByteArray(R"({"models": [{"model": "a", "input": 1, "output": 2},
                                                           {"model": "A", "input": 1, "output": 2}]})")
                               << QByteArray(R"(pricing table: models[1] ("A"): the model is listed twice)");
    QTest::newRow("bad pattern")
        << QByteArray(R"({"models": [{"model": "a", "input": 1, "output": 2, "patterns": ["a-*", 3]}]})")
        << QByteArray(R"(pricing table: models[0] ("a"): "patterns" must be an array of non-empty strings)");
    QTest::newRow("currency") << QByteArray(R"({"currency": "EUR", "models": []})")
                              << QByteArray(R"(pricing table: "currency" must be "USD")");
}

void TestNormalizer::pricingTableRejectsBadEntries()
{
    QFETCH(QByteArray, json);
    QFETCH(QByteArray, error);
    std::string message = "unset";
    const PricingTable table = PricingTable::fromJson(json.toStdString(), &message);
    QCOMPARE(str(message), error);
    QCOMPARE(table.size(), size_t(0));
    QVERIFY(!table.find("a"));
    // No error sink is fine too.
    QCOMPARE(PricingTable::fromJson(json.toStdString(), nullptr).size(), size_t(0));
}

void TestNormalizer::pricingMatchesModelNames_data()
{
    QTest::addColumn<QByteArray>("name");
    QTest::addColumn<QByteArray>("model");
    const auto row = [](const char *name, const char *model) {
        QTest::newRow(name) << QByteArray(name) << QByteArray(model);
    };
    row("gpt-4o", "gpt-4o");
    row("GPT-4o", "gpt-4o");
    row(" gpt-4o ", "gpt-4o");
    row("gpt-4o-2024-08-06", "gpt-4o");
    row("gpt-4o-2024-05-13", "gpt-4o-2024-05-13");
    row("gpt-4o-mini", "gpt-4o-mini");
    row("gpt-4o-mini-2024-07-18", "gpt-4o-mini");
    row("openai/gpt-4o", "gpt-4o");
    row("openai/gpt-4o-mini-2024-07-18", "gpt-4o-mini");
    row("gpt-4.1-2025-04-14", "gpt-4.1");
    row("gpt-4.1-mini-2025-04-14", "gpt-4.1-mini");
    row("gpt-4.1-nano", "gpt-4.1-nano");
    row("o1-preview", "o1");
    row("o3-2025-04-16", "o3");
    row("o3-mini-2025-01-31", "o3-mini");
    row("o4-mini-2025-04-16", "o4-mini");
    row("gpt-5-chat-latest", "gpt-5");
    row("gpt-5-mini-2025-08-07", "gpt-5-mini");
    row("gpt-3.5-turbo-0125", "gpt-3.5-turbo");
    row("claude-3-5-sonnet-20241022", "claude-3-5-sonnet");
    row("claude-3-5-sonnet-latest", "claude-3-5-sonnet");
    row("claude-3-5-haiku-20241022", "claude-3-5-haiku");
    row("claude-sonnet-4-20250514", "claude-sonnet-4");
    row("claude-sonnet-4-5-20250929", "claude-sonnet-4-5");
    row("claude-opus-4-20250514", "claude-opus-4");
    row("claude-opus-4-1-20250805", "claude-opus-4-1");
    row("claude-haiku-4-5", "claude-haiku-4-5");
    row("anthropic.claude-3-5-sonnet-20240620-v1:0", "claude-3-5-sonnet");
    row("us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4");
    row("claude-3-7-sonnet@20250219", "claude-3-7-sonnet");
    row("anthropic/claude-3.5-sonnet", "claude-3-5-sonnet");
    row("openrouter/anthropic/claude-sonnet-4.5", "claude-sonnet-4-5");
    row("models/gemini-1.5-pro-002", "gemini-1.5-pro");
    row("gemini-2.0-flash-001", "gemini-2.0-flash");
    row("gemini-2.0-flash-lite-001", "gemini-2.0-flash-lite");
    row("gemini-2.5-pro", "gemini-2.5-pro");
    row("gemini-2.5-flash-preview-05-20", "gemini-2.5-flash");
    row("gemini-2.5-flash-lite-preview-06-17", "gemini-2.5-flash-lite");
    row("mistral-large-2411", "mistral-large");
    row("mistral-small-latest", "mistral-small");
    row("codestral-2501", "codestral");
    row("ministral-8b-latest", "ministral-8b");
    row("meta-llama/Llama-3.3-70B-Instruct", "llama-3.3-70b-instruct");
    row("meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo", "llama-3.1-8b-instruct");
    row("llama-4-maverick-17b-128e-instruct", "llama-4-maverick");
    row("deepseek-reasoner", "deepseek-reasoner");
    // Different models that merely start like a known one.
    row("gpt-4o-audio-preview", "");
    row("gpt-4o-mini-realtime-preview", "");
    row("gemini-1.5-flash-8b", "");
    row("my-finetune", "");
    row("", "");
}

void TestNormalizer::pricingMatchesModelNames()
{
    QFETCH(QByteArray, name);
    QFETCH(QByteArray, model);
    const auto price = PricingTable::builtIn().find(name.toStdString());
    QCOMPARE(price ? str(price->model) : QByteArray(), model);
}

void TestNormalizer::mostSpecificPatternWins()
{
    std::string error;
    const PricingTable table = PricingTable::fromJson(R"({"date": "d", "models": [
        {"model": "base", "input": 1, "output": 2, "patterns": ["base-*"]},
        {"model": "base-mini", "provider": "p", "input": 0.5, "output": 1, "patterns": ["base-mini-*"]},
        {"model": "Other", "input": 3, "output": 4, "cached_input": 0.25}]})",
                                                      &error);
    QCOMPARE(str(error), QByteArray());
    QCOMPARE(table.size(), size_t(3));
    QCOMPARE(str(table.date()), QByteArray("d"));
    QCOMPARE(str(table.find("base-mini-2025")->model), QByteArray("base-mini"));
    QCOMPARE(str(table.find("base-2025")->model), QByteArray("base"));
    QCOMPARE(str(table.find("OTHER")->model), QByteArray("other"));
    QCOMPARE(table.find("other")->cachedInputPerMillion, 0.25);
    QCOMPARE(table.find("base")->cachedInputPerMillion, 1.0);
    QCOMPARE(str(table.find("base-mini")->provider), QByteArray("p"));
}

void TestNormalizer::openInferenceFixture()
{
    const json attributes = fixtureAttributes(kOpenInference, "ChatCompletion");
    QVERIFY(attributes.is_object());
    const ExtractedFields f = normalized(attributes);
    QCOMPARE(str(f.provider), QByteArray("openai"));
    QCOMPARE(str(f.model), QByteArray("gpt-4o-mini-2024-07-18"));
    QCOMPARE(opt(f.inputTokens), QByteArray("412"));
    QCOMPARE(opt(f.outputTokens), QByteArray("27"));
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("256"));
    QCOMPARE(opt(f.reasoningTokens), QByteArray("8"));
    QCOMPARE(opt(f.totalTokens), QByteArray("439"));
    QCOMPARE(str(f.finishReason), QByteArray("tool_calls"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    QCOMPARE(int(f.costSource), int(CostSource::Computed));
    QVERIFY(f.costUsd);
    // gpt-4o-mini: 156 uncached × $0.15 + 256 cached × $0.075 + 27 × $0.60 per 1M.
    QCOMPARE(*f.costUsd, 0.0000588);
    QVERIFY(!f.ttftMs);
    const json expected1 = json::parse(R"([
        {"role": "system", "content": "You are a support agent. Use the tools you are given."},
        {"role": "user", "content": "Where is order A-1187?"},
        {"role": "assistant", "content": "", "output": true, "tool_calls": [
            {"id": "call_9RtYbK2mXqLp", "name": "lookup_order", "arguments": "{\"order_id\": \"A-1187\"}"}]}
    ])");
    QCOMPARE(dump(f.messages), dump(expected1));
}

void TestNormalizer::openLlmetryFixture()
{
    const json attributes = fixtureAttributes(kOpenLlmetry, "openai.chat");
    QVERIFY(attributes.is_object());
    const ExtractedFields f = normalized(attributes);
    QCOMPARE(str(f.provider), QByteArray("openai"));
    QCOMPARE(str(f.model), QByteArray("gpt-4o-mini-2024-07-18"));
    QCOMPARE(opt(f.inputTokens), QByteArray("412"));
    QCOMPARE(opt(f.outputTokens), QByteArray("27"));
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("256"));
    QCOMPARE(opt(f.reasoningTokens), QByteArray("8"));
    QCOMPARE(opt(f.totalTokens), QByteArray("439"));
    QCOMPARE(str(f.finishReason), QByteArray("tool_call"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    QCOMPARE(int(f.costSource), int(CostSource::Computed));
    QCOMPARE(*f.costUsd, 0.0000588);
    const json expected2 = json::parse(R"([
        {"role": "system", "content": "You are a support agent. Use the tools you are given."},
        {"role": "user", "content": "Where is order A-1187?"},
        {"role": "assistant", "content": "", "output": true, "tool_calls": [
            {"id": "call_9RtYbK2mXqLp", "name": "lookup_order", "arguments": "{\"order_id\": \"A-1187\"}"}]}
    ])");
    QCOMPARE(dump(f.messages), dump(expected2));
}

void TestNormalizer::openLlmetryWorkflowSpan()
{
    const json attributes = fixtureAttributes(kOpenLlmetry, "support_triage.workflow");
    QVERIFY(attributes.is_object());
    const ExtractedFields f = normalized(attributes);
    QCOMPARE(str(f.category), QByteArray("chain"));
    QCOMPARE(str(f.model), QByteArray());
    QCOMPARE(opt(f.inputTokens), QByteArray("-"));
    QVERIFY(!f.costUsd);
    QCOMPARE(int(f.costSource), int(CostSource::Unknown));
    // traceloop.entity.input/output of a workflow repeat its model calls: not messages.
    QCOMPARE(dump(f.messages), QByteArray("[]"));
}

void TestNormalizer::vercelFixture()
{
    const json generate = fixtureAttributes(kVercel, "ai.generateText.doGenerate");
    QVERIFY(generate.is_object());
    ExtractedFields f = normalized(generate);
    QCOMPARE(str(f.provider), QByteArray("openai"));
    QCOMPARE(str(f.model), QByteArray("gpt-4o-mini-2024-07-18"));
    QCOMPARE(opt(f.inputTokens), QByteArray("412"));
    QCOMPARE(opt(f.outputTokens), QByteArray("27"));
    // From ai.response.providerMetadata {"openai": {"cachedPromptTokens": 384}}.
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("384"));
    QCOMPARE(opt(f.totalTokens), QByteArray("439"));
    QCOMPARE(str(f.finishReason), QByteArray("tool-calls"));
    QVERIFY(f.ttftMs);
    QCOMPARE(*f.ttftMs, 412.5);
    QCOMPARE(str(f.category), QByteArray("llm"));
    QCOMPARE(int(f.costSource), int(CostSource::Computed));
    // 28 × $0.15 + 384 × $0.075 + 27 × $0.60 per 1M.
    QCOMPARE(*f.costUsd, 0.0000492);
    const json expected3 = json::parse(R"([
        {"role": "system", "content": "You are a support agent. Use the tools you are given."},
        {"role": "user", "content": "Where is order A-1187?"},
        {"role": "assistant", "content": "", "output": true, "tool_calls": [
            {"id": "call_9RtYbK2mXqLp", "name": "lookup_order", "arguments": "{\"order_id\":\"A-1187\"}"}]}
    ])");
    QCOMPARE(dump(f.messages), dump(expected3));

    // The SDK's outer span sums its steps' usage: tokens kept, but no computed cost to count twice.
    f = normalized(fixtureAttributes(kVercel, "ai.generateText"));
    QCOMPARE(str(f.provider), QByteArray("openai"));
    QCOMPARE(str(f.model), QByteArray("gpt-4o-mini"));
    QCOMPARE(opt(f.inputTokens), QByteArray("412"));
    QCOMPARE(opt(f.outputTokens), QByteArray("27"));
    QCOMPARE(opt(f.totalTokens), QByteArray("439"));
    QCOMPARE(str(f.category), QByteArray("chain"));
    QVERIFY(!f.costUsd);
    QCOMPARE(int(f.costSource), int(CostSource::Unknown));
    QCOMPARE(str(f.finishReason), QByteArray("tool-calls"));
    const json expected4 = json::parse(R"([
        {"role": "user", "content": "Where is order A-1187?"},
        {"role": "assistant", "content": "", "output": true, "tool_calls": [
            {"id": "call_9RtYbK2mXqLp", "name": "lookup_order", "arguments": "{\"order_id\":\"A-1187\"}"}]}
    ])");
    QCOMPARE(dump(f.messages), dump(expected4));

    f = normalized(fixtureAttributes(kVercel, "ai.toolCall"));
    QCOMPARE(str(f.category), QByteArray("tool"));
    QCOMPARE(str(f.model), QByteArray());
    QVERIFY(!f.costUsd);
    QCOMPARE(dump(f.messages), QByteArray("[]"));
}

void TestNormalizer::genAiParts()
{
    // Structured (not string) messages, tool results, several text parts, finish reasons as a JSON string,
    // plain-text system instructions.
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.operation.name": "chat",
        "gen_ai.provider.name": "anthropic",
        "gen_ai.request.model": "claude-sonnet-4-5",
        "gen_ai.system_instructions": "Be brief.",
        "gen_ai.input.messages": [
            {"role": "user", "parts": [{"type": "text", "content": "Line one."}, {"type": "text", "content": "Line two."}]},
            {"role": "assistant", "parts": [{"type": "tool_call", "id": "t1", "name": "search", "arguments": "{\"q\":\"x\"}"}]},
            {"role": "tool", "parts": [{"type": "tool_call_response", "id": "t1", "response": {"hits": 2}}]},
            {"role": "user", "parts": [{"type": "tool_call_response", "id": "t2", "result": "done"},
                                       {"type": "image", "uri": "https://x/y.png"}]}
        ],
        "gen_ai.output.messages": "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"reasoning\",\"content\":\"hmm\"},{\"type\":\"text\",\"content\":\"Two hits.\"}],\"finish_reason\":\"end_turn\"}]",
        "gen_ai.response.finish_reasons": "[\"stop\"]"
    })"));
    QCOMPARE(str(f.finishReason), QByteArray("stop"));
    QCOMPARE(str(f.provider), QByteArray("anthropic"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    const json expected5 = json::parse(R"([
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Line one.\nLine two."},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "t1", "name": "search", "arguments": "{\"q\":\"x\"}"}]},
        {"role": "tool", "content": "{\"hits\":2}", "tool_call_id": "t1"},
        {"role": "tool", "content": "done", "tool_call_id": "t2"},
        {"role": "assistant", "content": "Two hits.", "output": true}
    ])");
    QCOMPARE(dump(f.messages), dump(expected5));

    // The finish reason of the output message when no response.finish_reasons; system instructions as parts.
    const ExtractedFields g = normalized(json::parse(R"({
        "gen_ai.system_instructions": "[{\"type\":\"text\",\"content\":\"Rule 1.\"},{\"type\":\"text\",\"content\":\"Rule 2.\"}]",
        "gen_ai.input.messages": "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"caf\\u00e9 \\ud83d\\ude00\"}]}]",
        "gen_ai.output.messages": "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"ok\"}],\"finish_reason\":\"length\"}]"
    })"));
    QCOMPARE(str(g.finishReason), QByteArray("length"));
    QCOMPARE(str(g.category), QByteArray("llm"));
    const json expected6 = json::parse(R"([
        {"role": "system", "content": "Rule 1.\nRule 2."},
        {"role": "user", "content": "café 😀"},
        {"role": "assistant", "content": "ok", "output": true}
    ])");
    QCOMPARE(dump(g.messages), dump(expected6));
}

void TestNormalizer::genAiOlderEvents()
{
    Span span = spanWith(json::parse(R"({"gen_ai.system": "openai", "gen_ai.request.model": "gpt-4o"})"));
    span.events = json::parse(R"([
        {"name": "gen_ai.system.message", "timeNs": 1, "attributes": {"gen_ai.system": "openai", "content": "You are terse."}},
        {"name": "gen_ai.user.message", "timeNs": 2, "attributes": {"content": "Weather in Paris?"}},
        {"name": "gen_ai.assistant.message", "timeNs": 3, "attributes": {"tool_calls": "[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"get_weather\",\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]"}},
        {"name": "gen_ai.tool.message", "timeNs": 4, "attributes": {"content": "rainy, 14°C", "id": "call_1"}},
        {"name": "exception", "timeNs": 5, "attributes": {"exception.message": "ignored"}},
        {"name": "gen_ai.choice", "timeNs": 6, "attributes": {"index": 0, "finish_reason": "stop", "message": "{\"role\":\"assistant\",\"content\":\"Rainy, 14°C.\"}"}}
    ])");
    Normalizer().normalize(span);
    const ExtractedFields &f = span.fields;
    QCOMPARE(str(f.finishReason), QByteArray("stop"));
    QCOMPARE(str(f.provider), QByteArray("openai"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    const json expected7 = json::parse(R"([
        {"role": "system", "content": "You are terse."},
        {"role": "user", "content": "Weather in Paris?"},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "call_1", "name": "get_weather", "arguments": "{\"city\":\"Paris\"}"}]},
        {"role": "tool", "content": "rainy, 14°C", "tool_call_id": "call_1"},
        {"role": "assistant", "content": "Rainy, 14°C.", "output": true}
    ])");
    QCOMPARE(dump(f.messages), dump(expected7));

    // The body as one JSON attribute.
    span = spanWith(json::object());
    span.events = json::parse(R"([
        {"name": "gen_ai.user.message", "timeNs": 1, "attributes": {"gen_ai.event.content": "{\"content\":\"Hi\"}"}},
        {"name": "gen_ai.choice", "timeNs": 2, "attributes": {"gen_ai.event.content": "{\"index\":0,\"finish_reason\":\"length\",\"message\":{\"content\":\"Hel\"}}"}}
    ])");
    Normalizer().normalize(span);
    QCOMPARE(str(span.fields.finishReason), QByteArray("length"));
    QCOMPARE(str(span.fields.category), QByteArray("llm"));
    const json expected8 = json::parse(R"([
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hel", "output": true}
    ])");
    QCOMPARE(dump(span.fields.messages), dump(expected8));
}

void TestNormalizer::genAiContentEvents()
{
    Span span = spanWith(json::object());
    span.events = json::parse(R"([
        {"name": "gen_ai.content.prompt", "timeNs": 1, "attributes": {"gen_ai.prompt": "[{\"role\":\"system\",\"content\":\"S\"},{\"role\":\"user\",\"content\":\"Q\"}]"}},
        {"name": "gen_ai.content.completion", "timeNs": 2, "attributes": {"gen_ai.completion": "[{\"role\":\"assistant\",\"content\":\"A\",\"finish_reason\":\"stop\"}]"}}
    ])");
    Normalizer().normalize(span);
    QCOMPARE(str(span.fields.finishReason), QByteArray("stop"));
    const json expected9 = json::parse(R"([
        {"role": "system", "content": "S"},
        {"role": "user", "content": "Q"},
        {"role": "assistant", "content": "A", "output": true}
    ])");
    QCOMPARE(dump(span.fields.messages), dump(expected9));
}

void TestNormalizer::attributeMessagesBeatEvents()
{
    Span span = spanWith(json::parse(
        R"({"gen_ai.input.messages": "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"from attributes\"}]}]"})"));
    span.events = json::parse(R"([
        {"name": "gen_ai.user.message", "timeNs": 1, "attributes": {"content": "from events"}},
        {"name": "gen_ai.choice", "timeNs": 2, "attributes": {"message": "{\"content\":\"answer\"}"}}
    ])");
    Normalizer().normalize(span);
    const json expected10 = json::parse(R"([
        {"role": "user", "content": "from attributes"},
        {"role": "assistant", "content": "answer", "output": true}
    ])");
    QCOMPARE(dump(span.fields.messages), dump(expected10));
}

void TestNormalizer::openInferenceFlattened()
{
    json attributes = json::parse(R"({
        "openinference.span.kind": "LLM",
        "llm.provider": "anthropic",
        "llm.model_name": "claude-3-5-haiku-20241022",
        "llm.token_count.prompt": 2000,
        "llm.token_count.completion": 100,
        "llm.input_messages.0.message.role": "system",
        "llm.input_messages.0.message.content": "You help.",
        "llm.input_messages.1.message.role": "user",
        "llm.input_messages.1.message.contents.0.message_content.type": "text",
        "llm.input_messages.1.message.contents.0.message_content.text": "Look at",
        "llm.input_messages.1.message.contents.1.message_content.type": "image",
        "llm.input_messages.1.message.contents.1.message_content.image.image.url": "https://x/y.png",
        "llm.input_messages.1.message.contents.2.message_content.type": "text",
        "llm.input_messages.1.message.contents.2.message_content.text": "this.",
        "llm.input_messages.2.message.role": "assistant",
        "llm.input_messages.2.message.tool_calls.0.tool_call.id": "c1",
        "llm.input_messages.2.message.tool_calls.0.tool_call.function.name": "zoom",
        "llm.input_messages.2.message.tool_calls.0.tool_call.function.arguments": "{\"x\":1}",
        "llm.input_messages.2.message.tool_calls.1.tool_call.id": "c2",
        "llm.input_messages.2.message.tool_calls.1.tool_call.function.name": "crop",
        "llm.input_messages.2.message.tool_calls.1.tool_call.function.arguments": "{}",
        "llm.input_messages.3.message.role": "tool",
        "llm.input_messages.3.message.tool_call_id": "c1",
        "llm.input_messages.3.message.content": "zoomed",
        "llm.output_messages.0.message.role": "assistant",
        "llm.output_messages.0.message.content": "A cat.",
        "input.value": "ignored: structured messages exist",
        "session.id": "sess-7",
        "user.id": "u-9"
    })");
    // Eleven more user turns: index 10 and 11 sort before 2 as text, not as numbers.
    for (int i = 4; i < 15; ++i) {
        attributes["llm.input_messages." + std::to_string(i) + ".message.role"] = "user";
        attributes["llm.input_messages." + std::to_string(i) + ".message.content"] =
            "turn " + std::to_string(i);
    }
    const ExtractedFields f = normalized(attributes);
    QCOMPARE(str(f.provider), QByteArray("anthropic"));
    QCOMPARE(str(f.sessionId), QByteArray("sess-7"));
    QCOMPARE(str(f.userId), QByteArray("u-9"));
    QCOMPARE(opt(f.totalTokens), QByteArray("2100"));
    // claude-3-5-haiku: 2000 × $0.80 + 100 × $4.00 per 1M.
    QCOMPARE(*f.costUsd, 0.002);
    json expected = json::parse(R"([
        {"role": "system", "content": "You help."},
        {"role": "user", "content": "Look at\nthis."},
        {"role": "assistant", "content": "", "tool_calls": [
            {"id": "c1", "name": "zoom", "arguments": "{\"x\":1}"},
            {"id": "c2", "name": "crop", "arguments": "{}"}]},
        {"role": "tool", "content": "zoomed", "tool_call_id": "c1"}
    ])");
    for (int i = 4; i < 15; ++i)
        expected.push_back({{"role", "user"}, {"content", "turn " + std::to_string(i)}});
    expected.push_back({{"role", "assistant"}, {"content", "A cat."}, {"output", true}});
    QCOMPARE(dump(f.messages), dump(expected));
}

void TestNormalizer::openLlmetryFlattened()
{
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.system": "Anthropic",
        "gen_ai.request.model": "claude-3-5-sonnet-20241022",
        "llm.request.type": "chat",
        "gen_ai.usage.prompt_tokens": 1000,
        "gen_ai.usage.completion_tokens": 500,
        "llm.usage.total_tokens": 1500,
        "gen_ai.prompt.0.role": "user",
        "gen_ai.prompt.0.content": "[{\"type\":\"text\",\"text\":\"What is 2+2?\"}]",
        "gen_ai.prompt.1.role": "assistant",
        "gen_ai.prompt.1.tool_calls.0.id": "t9",
        "gen_ai.prompt.1.tool_calls.0.name": "calc",
        "gen_ai.prompt.1.tool_calls.0.arguments": "{\"e\":\"2+2\"}",
        "gen_ai.prompt.2.role": "tool",
        "gen_ai.prompt.2.tool_call_id": "t9",
        "gen_ai.prompt.2.content": "4",
        "gen_ai.completion.0.role": "assistant",
        "gen_ai.completion.0.content": "Four.",
        "gen_ai.completion.0.finish_reason": "end_turn",
        "traceloop.association.properties.session_id": "chat-42",
        "traceloop.association.properties.user_id": "alice"
    })"));
    QCOMPARE(str(f.provider), QByteArray("Anthropic"));
    QCOMPARE(str(f.model), QByteArray("claude-3-5-sonnet-20241022"));
    QCOMPARE(opt(f.inputTokens), QByteArray("1000"));
    QCOMPARE(opt(f.outputTokens), QByteArray("500"));
    QCOMPARE(opt(f.totalTokens), QByteArray("1500"));
    QCOMPARE(str(f.finishReason), QByteArray("end_turn"));
    QCOMPARE(str(f.sessionId), QByteArray("chat-42"));
    QCOMPARE(str(f.userId), QByteArray("alice"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    // claude-3-5-sonnet: 1000 × $3 + 500 × $15 per 1M.
    QCOMPARE(*f.costUsd, 0.0105);
    const json expected11 = json::parse(R"([
        {"role": "user", "content": "What is 2+2?"},
        {"role": "assistant", "content": "", "tool_calls": [{"id": "t9", "name": "calc", "arguments": "{\"e\":\"2+2\"}"}]},
        {"role": "tool", "content": "4", "tool_call_id": "t9"},
        {"role": "assistant", "content": "Four.", "output": true}
    ])");
    QCOMPARE(dump(f.messages), dump(expected11));
}

void TestNormalizer::inputValueOnlyForModelCalls()
{
    // An LLM span whose instrumentation only recorded the raw request and response bodies.
    const ExtractedFields f = normalized(json::parse(R"({
        "openinference.span.kind": "LLM",
        "input.value": "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"developer\",\"content\":\"Rules.\"},{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]}]}",
        "input.mime_type": "application/json",
        "output.value": "{\"choices\":[{\"finish_reason\":\"stop\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello!\"}}]}"
    })"));
    QCOMPARE(str(f.finishReason), QByteArray("stop"));
    const json expected12 = json::parse(R"([
        {"role": "system", "content": "Rules."},
        {"role": "user", "content": "Hi"},
        {"role": "assistant", "content": "Hello!", "output": true}
    ])");
    QCOMPARE(dump(f.messages), dump(expected12));

    // Plain text bodies of an LLM span.
    const ExtractedFields plainText = normalized(json::parse(R"({
        "openinference.span.kind": "LLM", "input.value": "Tell me a joke", "output.value": "No."
    })"));
    const json expected13 = json::parse(R"([
        {"role": "user", "content": "Tell me a joke"},
        {"role": "assistant", "content": "No.", "output": true}
    ])");
    QCOMPARE(dump(plainText.messages), dump(expected13));

    // A chain's input is not a model message.
    const ExtractedFields chain = normalized(json::parse(R"({
        "openinference.span.kind": "CHAIN", "input.value": "Tell me a joke", "output.value": "No."
    })"));
    QCOMPARE(str(chain.category), QByteArray("chain"));
    QCOMPARE(dump(chain.messages), QByteArray("[]"));
}

void TestNormalizer::precedence()
{
    json attributes = json::parse(R"({
        "tracedeck.provider": "seed", "gen_ai.provider.name": "genai", "llm.provider": "oi", "gen_ai.system": "ollm", "ai.model.provider": "vercel.chat",
        "tracedeck.model": "m-seed", "gen_ai.response.model": "m-genai", "llm.model_name": "m-oi", "llm.response.model": "m-ollm", "ai.model.id": "m-vercel",
        "tracedeck.input_tokens": 1, "gen_ai.usage.input_tokens": 2, "llm.token_count.prompt": 3, "gen_ai.usage.prompt_tokens": 4, "ai.usage.promptTokens": 5,
        "tracedeck.output_tokens": 10, "gen_ai.usage.output_tokens": 20, "llm.token_count.completion": 30, "gen_ai.usage.completion_tokens": 40, "ai.usage.completionTokens": 50,
        "tracedeck.session_id": "s-seed", "session.id": "s-oi", "traceloop.association.properties.session_id": "s-ollm", "ai.telemetry.metadata.sessionId": "s-vercel",
        "tracedeck.finish_reason": "f-seed", "gen_ai.response.finish_reasons": ["f-genai"], "llm.finish_reason": "f-oi", "ai.response.finishReason": "f-vercel",
        "tracedeck.cost_usd": 1.5, "gen_ai.usage.cost": 2.5, "llm.cost.total": 3.5, "operation.cost": 5.5,
        "tracedeck.messages": [{"role": "user", "content": "seed"}, {"role": "assistant", "content": "seed-out", "output": true}],
        "gen_ai.input.messages": "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"genai\"}]}]",
        "gen_ai.output.messages": "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"genai-out\"}]}]",
        "llm.input_messages.0.message.role": "user", "llm.input_messages.0.message.content": "oi",
        "llm.output_messages.0.message.role": "assistant", "llm.output_messages.0.message.content": "oi-out",
        "gen_ai.prompt.0.role": "user", "gen_ai.prompt.0.content": "ollm",
        "gen_ai.completion.0.role": "assistant", "gen_ai.completion.0.content": "ollm-out", "gen_ai.completion.0.finish_reason": "f-ollm",
        "ai.prompt.messages": "[{\"role\":\"user\",\"content\":\"vercel\"}]", "ai.response.text": "vercel-out"
    })");
    struct Tier {
        const char *provider, *model, *input, *output, *session, *finish, *message;
        double cost;
        std::vector<std::string> keys; // what to remove to reach the next tier
    };
    const std::vector<Tier> tiers = {
        {"seed",
         "m-seed",
         "1",
         "10",
         "s-seed",
         "f-seed",
         "seed",
         1.5,
         {"tracedeck.provider", "tracedeck.model", "tracedeck.input_tokens", "tracedeck.output_tokens",
          "tracedeck.session_id", "tracedeck.finish_reason", "tracedeck.cost_usd", "tracedeck.messages"}},
        {"genai",
         "m-genai",
         "2",
         "20",
         "s-oi",
         "f-genai",
         "genai",
         2.5,
         {"gen_ai.provider.name", "gen_ai.response.model", "gen_ai.usage.input_tokens",
          "gen_ai.usage.output_tokens", "gen_ai.response.finish_reasons", "gen_ai.usage.cost",
          "gen_ai.input.messages", "gen_ai.output.messages"}},
        {"oi",
         "m-oi",
         "3",
         "30",
         "s-oi",
         "f-oi",
         "oi",
         3.5,
         {"llm.provider", "llm.model_name", "llm.token_count.prompt", "llm.token_count.completion",
          "session.id", "llm.finish_reason", "llm.cost.total", "llm.input_messages.0.message.role",
          "llm.input_messages.0.message.content", "llm.output_messages.0.message.role",
          "llm.output_messages.0.message.content"}},
        {"ollm",
         "m-ollm",
         "4",
         "40",
         "s-ollm",
         "f-ollm",
         "ollm",
         5.5,
         {"gen_ai.system", "llm.response.model", "gen_ai.usage.prompt_tokens",
          "gen_ai.usage.completion_tokens", "traceloop.association.properties.session_id",
          "gen_ai.prompt.0.role", "gen_ai.prompt.0.content", "gen_ai.completion.0.role",
          "gen_ai.completion.0.content", "gen_ai.completion.0.finish_reason"}},
        {"vercel", "m-vercel", "5", "50", "s-vercel", "f-vercel", "vercel", 5.5, {}},
    };
    for (const Tier &tier : tiers) {
        const ExtractedFields f = normalized(attributes);
        const QByteArray whereText = QByteArray("tier ") + tier.provider;
        const char *where = whereText.constData();
        QVERIFY2(str(f.provider) == tier.provider, where);
        QVERIFY2(str(f.model) == tier.model, where);
        QVERIFY2(opt(f.inputTokens) == tier.input, where);
        QVERIFY2(opt(f.outputTokens) == tier.output, where);
        QVERIFY2(str(f.sessionId) == tier.session, where);
        QVERIFY2(str(f.finishReason) == tier.finish, where);
        QVERIFY2(f.costUsd && *f.costUsd == tier.cost, where);
        QVERIFY2(f.costSource == CostSource::Given, where);
        const json expectedMessages = json::array(
            {{{"content", tier.message}, {"role", "user"}},
             {{"content", std::string(tier.message) + "-out"}, {"output", true}, {"role", "assistant"}}});
        QVERIFY2(dump(f.messages) == dump(expectedMessages),
                 QByteArray(whereText + ": " + dump(f.messages)).constData());
        for (const std::string &key : tier.keys)
            QVERIFY2(attributes.erase(key) == 1, key.c_str());
    }
}

void TestNormalizer::cachedTokensNotCountedTwice()
{
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.cache_read.input_tokens": 400, "gen_ai.usage.output_tokens": 200
    })"));
    QCOMPARE(opt(f.inputTokens), QByteArray("1000"));
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("400"));
    QCOMPARE(opt(f.totalTokens), QByteArray("1200"));
    QCOMPARE(int(f.costSource), int(CostSource::Computed));
    // 600 × $2.50 + 400 × $1.25 + 200 × $10 per 1M = $0.004 (counting cached twice would give $0.0045).
    QCOMPARE(*f.costUsd, 0.004);
}

void TestNormalizer::cachedTokensReportedApart()
{
    // Anthropic's raw usage reports input_tokens without the cache reads; more cached than input tokens can
    // only mean that, so the cached tokens are added to the input count.
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": 600, "gen_ai.usage.cache_read_input_tokens": 700, "gen_ai.usage.output_tokens": 200,
        "gen_ai.usage.output_tokens_details.reasoning_tokens": 300
    })"));
    QCOMPARE(opt(f.inputTokens), QByteArray("1300"));
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("700"));
    QCOMPARE(opt(f.reasoningTokens), QByteArray("300"));
    QCOMPARE(opt(f.outputTokens), QByteArray("500"));
    QCOMPARE(opt(f.totalTokens), QByteArray("1800"));
    // 600 × $2.50 + 700 × $1.25 + 500 × $10 per 1M.
    QCOMPARE(*f.costUsd, 0.007375);
}

void TestNormalizer::cachedBilledAsInputWithoutCachePrice()
{
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.request.model": "gpt-3.5-turbo-0125",
        "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.cache_read.input_tokens": 400, "gen_ai.usage.output_tokens": 200
    })"));
    // 1000 × $0.50 + 200 × $1.50 per 1M.
    QCOMPARE(*f.costUsd, 0.0008);
}

void TestNormalizer::givenCostWins()
{
    const json base = json::parse(R"({
        "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 200
    })");
    const auto costWith = [&base](const json &extra) {
        json attributes = base;
        attributes.update(extra);
        return normalized(attributes);
    };
    ExtractedFields f = costWith({{"llm.cost.total", 0.5}});
    QCOMPARE(int(f.costSource), int(CostSource::Given));
    QCOMPARE(*f.costUsd, 0.5);
    f = costWith({{"llm.cost.prompt", 0.125}, {"llm.cost.completion", 0.25}});
    QCOMPARE(int(f.costSource), int(CostSource::Given));
    QCOMPARE(*f.costUsd, 0.375);
    f = costWith({{"tracedeck.cost_usd", "0.25"}, {"llm.cost.total", 0.5}});
    QCOMPARE(*f.costUsd, 0.25);
    f = costWith({{"gen_ai.usage.cost", 0}});
    QCOMPARE(int(f.costSource), int(CostSource::Given));
    QCOMPARE(*f.costUsd, 0.0);
    // Not a cost: computed instead.
    f = costWith({{"llm.cost.total", "n/a"}, {"gen_ai.usage.cost", -1}});
    QCOMPARE(int(f.costSource), int(CostSource::Computed));
    QCOMPARE(*f.costUsd, 0.0045);
}

void TestNormalizer::unknownModelHasUnknownCost()
{
    ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.provider.name": "acme", "gen_ai.request.model": "acme-large-2",
        "gen_ai.usage.input_tokens": 1000, "gen_ai.usage.output_tokens": 200
    })"));
    QCOMPARE(str(f.category), QByteArray("llm"));
    QVERIFY(!f.costUsd);
    QCOMPARE(int(f.costSource), int(CostSource::Unknown));
    QCOMPARE(str(f.provider), QByteArray("acme"));

    // A known model without token counts has no cost either.
    f = normalized(json::parse(R"({"gen_ai.operation.name": "chat", "gen_ai.request.model": "gpt-4o"})"));
    QVERIFY(!f.costUsd);
    QCOMPARE(int(f.costSource), int(CostSource::Unknown));

    // Nor does anything with an empty pricing table.
    const PricingTable empty;
    Span span =
        spanWith(json::parse(R"({"gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 10})"));
    Normalizer(empty).normalize(span);
    QVERIFY(!span.fields.costUsd);
    QCOMPARE(int(span.fields.costSource), int(CostSource::Unknown));
}

void TestNormalizer::aggregateSpansGetNoComputedCost()
{
    // pydantic-ai's agent run span repeats the usage of its model calls.
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.agent.name": "joke_agent", "model_name": "gpt-4o-mini",
        "gen_ai.usage.input_tokens": "502", "gen_ai.usage.output_tokens": "14"
    })"));
    QCOMPARE(str(f.category), QByteArray("agent"));
    QCOMPARE(opt(f.inputTokens), QByteArray("502"));
    QVERIFY(!f.costUsd);
    QCOMPARE(int(f.costSource), int(CostSource::Unknown));
}

void TestNormalizer::providerFromPricingTable()
{
    const ExtractedFields f = normalized(json::parse(R"({"llm.model_name": "claude-3-7-sonnet-20250219"})"));
    QCOMPARE(str(f.provider), QByteArray("anthropic"));
    QCOMPARE(str(f.category), QByteArray("llm"));
}

void TestNormalizer::numericStrings()
{
    const ExtractedFields f = normalized(json::parse(R"({
        "gen_ai.request.model": "gpt-4o",
        "gen_ai.usage.input_tokens": " 1000 ",
        "gen_ai.usage.output_tokens": "200.0",
        "gen_ai.usage.cache_read.input_tokens": 4.0e2,
        "gen_ai.usage.reasoning_tokens": "many",
        "llm.token_count.completion_details.reasoning": "12",
        "gen_ai.usage.total_tokens": -5,
        "llm.token_count.total": 1.5,
        "http.response.status_code": "404",
        "gen_ai.response.time_to_first_token": "0.25",
        "request_id": 123456
    })"));
    QCOMPARE(opt(f.inputTokens), QByteArray("1000"));
    QCOMPARE(opt(f.outputTokens), QByteArray("200"));
    QCOMPARE(opt(f.cachedInputTokens), QByteArray("400"));
    QCOMPARE(opt(f.reasoningTokens), QByteArray("12"));
    QCOMPARE(opt(f.totalTokens), QByteArray("1200"));
    QCOMPARE(f.statusCode.value_or(-1), 404);
    QCOMPARE(*f.ttftMs, 250.0);
    QCOMPARE(str(f.requestId), QByteArray("123456"));
    QCOMPARE(*f.costUsd, 0.004);

    // Values of the wrong type are ignored, not fatal.
    const ExtractedFields g = normalized(json::parse(R"({
        "gen_ai.request.model": ["gpt-4o"], "gen_ai.usage.input_tokens": {"n": 1}, "gen_ai.usage.output_tokens": true,
        "http.response.status_code": "OK", "http.status_code": 1e12, "session.id": 3.5, "gen_ai.provider.name": null
    })"));
    QCOMPARE(str(g.model), QByteArray());
    QCOMPARE(opt(g.inputTokens), QByteArray("-"));
    QCOMPARE(opt(g.outputTokens), QByteArray("-"));
    QVERIFY(!g.statusCode);
    QCOMPARE(str(g.sessionId), QByteArray());
    QCOMPARE(str(g.category), QByteArray());
}

void TestNormalizer::malformedInputNeverThrows()
{
    const std::string deep(100000, '[');
    const std::vector<json> attributeSets = {
        json::parse(
            R"({"gen_ai.input.messages": "[{\"role\": \"user\", \"parts\": [{\"type\": \"text\", \"content\": \"trunc)"
            R"(", "gen_ai.output.messages": "{not json", "gen_ai.request.model": "gpt-4o"})"),
        json::parse(
            R"({"gen_ai.input.messages": 42, "gen_ai.output.messages": {}, "gen_ai.system_instructions": [1, 2]})"),
        json::parse(
            R"({"gen_ai.input.messages": "[1, \"two\", null, {\"role\": 7, \"parts\": \"x\"}, {\"parts\": [{\"type\": \"tool_call\"}]}]"})"),
        json::parse(
            R"({"llm.input_messages.x.message.role": "user", "llm.input_messages.0": "y", "llm.input_messages.99999999999.message.role": "user",
                        "llm.input_messages.1.message.contents.z.message_content.text": "q", "llm.output_messages.0.message.tool_calls.": 1})"),
        json::parse(
            R"({"gen_ai.input.messages": "\"\\ud800 lone \\u12 bad\"", "ai.response.toolCalls": "[{]", "ai.response.providerMetadata": "[]"})"),
        json{{"gen_ai.input.messages", deep}, {"input.value", deep}, {"openinference.span.kind", "LLM"}},
        json::array({1, 2, 3}),
        json("a string"),
        json(nullptr),
    };
    for (const json &attributes : attributeSets) {
        Span span = spanWith(attributes);
        span.events = json::parse(R"([3, {"name": 5}, {"name": "gen_ai.choice", "attributes": "x"},
                                      {"name": "gen_ai.user.message", "attributes": {"content": {"deep": [1]}}}])");
        span.resource = json::array();
        Normalizer().normalize(span);
        QVERIFY(span.fields.messages.is_array());
        (void)span.fields.messages.dump(); // what the store does with it
    }

    // A truncated message payload is kept as text rather than dropped.
    const ExtractedFields f = normalized(attributeSets[0]);
    const json expected14 = json::parse(R"([
        {"role": "user", "content": "[{\"role\": \"user\", \"parts\": [{\"type\": \"text\", \"content\": \"trunc"},
        {"role": "assistant", "content": "{not json", "output": true}
    ])");
    QCOMPARE(dump(f.messages), dump(expected14));
    // A lone surrogate becomes U+FFFD.
    const ExtractedFields g = normalized(attributeSets[4]);
    const json expected15 = json::parse(R"([{"role": "user", "content": "\ufffd lone \ufffd12 bad"}])");
    QCOMPARE(dump(g.messages), dump(expected15));
}

void TestNormalizer::httpFields_data()
{
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("category");
    QTest::newRow("stable semconv")
        << QByteArray(
               R"({"http.request.method": "POST", "url.full": "https://api.example-ai.test/v1/messages",
                          "http.response.status_code": 200, "http.method": "GET", "http.url": "http://old"})")
        << QByteArray("POST") << QByteArray("https://api.example-ai.test/v1/messages") << 200
        << QByteArray("http");
    QTest::newRow("old semconv")
        << QByteArray(R"({"http.method": "GET", "http.url": "http://a/b", "http.status_code": "503"})")
        << QByteArray("GET") << QByteArray("http://a/b") << 503 << QByteArray("http");
    QTest::newRow("server parts")
        << QByteArray(
               R"({"http.request.method": "GET", "url.scheme": "https", "server.address": "api.example.com",
                          "server.port": 8443, "url.path": "/v1/x", "url.query": "a=1"})")
        << QByteArray("GET") << QByteArray("https://api.example.com:8443/v1/x?a=1") << -1
        << QByteArray("http");
    QTest::newRow("default port") << QByteArray(
                                         R"({"url.scheme": "https", "server.address": "h", "server.port": 443,
                                                   "url.path": "/p", "http.response.status_code": 204})")
                                  << QByteArray() << QByteArray("https://h/p") << 204 << QByteArray("http");
    QTest::newRow("target only") << QByteArray(R"({"http.method": "GET", "http.target": "/search?q=1"})")
                                 << QByteArray("GET") << QByteArray("/search?q=1") << -1
                                 << QByteArray("http");
    QTest::newRow("zipkin path") << QByteArray(R"({"http.path": "/api/v2", "http.status_code": "200"})")
                                 << QByteArray() << QByteArray("/api/v2") << 200 << QByteArray("http");
    QTest::newRow("route is not a url")
        << QByteArray(R"({"http.request.method": "GET", "http.route": "/users/{id}"})") << QByteArray("GET")
        << QByteArray() << -1 << QByteArray("http");
    QTest::newRow("none") << QByteArray(R"({"db.system.name": "clickhouse"})") << QByteArray() << QByteArray()
                          << -1 << QByteArray();
}

void TestNormalizer::httpFields()
{
    QFETCH(QByteArray, attributes);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, url);
    QFETCH(int, status);
    QFETCH(QByteArray, category);
    const ExtractedFields f = normalized(json::parse(attributes.toStdString()));
    QCOMPARE(str(f.httpMethod), method);
    QCOMPARE(str(f.httpUrl), url);
    QCOMPARE(f.statusCode.value_or(-1), status);
    QCOMPARE(str(f.category), category);
}

void TestNormalizer::groupingIds()
{
    ExtractedFields f = normalized(json::parse(R"({
        "request_id": "req_abc123", "enduser.id": "eu-1", "langfuse.session.id": "lf-s",
        "gen_ai.conversation.id": "conv-1"
    })"));
    QCOMPARE(str(f.requestId), QByteArray("req_abc123"));
    QCOMPARE(str(f.userId), QByteArray("eu-1"));
    QCOMPARE(str(f.sessionId), QByteArray("lf-s"));
    QCOMPARE(str(f.conversationId), QByteArray("conv-1"));

    f = normalized(json::parse(R"({
        "tracedeck.request_id": "td-r", "request.id": "r2", "http.request.header.x-request-id": ["hdr-1"],
        "tracedeck.user_id": "td-u", "user.id": "u", "tracedeck.conversation_id": "td-c", "gen_ai.conversation.id": "c"
    })"));
    QCOMPARE(str(f.requestId), QByteArray("td-r"));
    QCOMPARE(str(f.userId), QByteArray("td-u"));
    QCOMPARE(str(f.conversationId), QByteArray("td-c"));

    f = normalized(json::parse(
        R"({"http.request.header.x-request-id": ["hdr-1"], "ai.telemetry.metadata.userId": "v-u"})"));
    QCOMPARE(str(f.requestId), QByteArray("hdr-1"));
    QCOMPARE(str(f.userId), QByteArray("v-u"));

    // Session and user may be resource attributes.
    Span span = spanWith(json::object());
    span.resource = json::parse(R"({"service.name": "svc", "session.id": "res-s", "enduser.id": "res-u"})");
    Normalizer().normalize(span);
    QCOMPARE(str(span.fields.sessionId), QByteArray("res-s"));
    QCOMPARE(str(span.fields.userId), QByteArray("res-u"));
}

void TestNormalizer::category_data()
{
    QTest::addColumn<QByteArray>("attributes");
    QTest::addColumn<QByteArray>("category");
    const auto row = [](const char *name, const char *attributes, const char *category) {
        QTest::newRow(name) << QByteArray(attributes) << QByteArray(category);
    };
    row("genai chat", R"({"gen_ai.operation.name": "chat"})", "llm");
    row("genai text_completion", R"({"gen_ai.operation.name": "text_completion"})", "llm");
    row("genai generate_content", R"({"gen_ai.operation.name": "generate_content"})", "llm");
    row("genai embeddings", R"({"gen_ai.operation.name": "embeddings", "gen_ai.request.model": "m"})",
        "embedding");
    row("genai execute_tool", R"({"gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "t"})",
        "tool");
    row("genai invoke_agent", R"({"gen_ai.operation.name": "invoke_agent", "gen_ai.provider.name": "p"})",
        "agent");
    row("genai create_agent", R"({"gen_ai.operation.name": "create_agent"})", "agent");
    row("genai retrieval", R"({"gen_ai.operation.name": "retrieval"})", "retrieval");
    row("oi LLM", R"({"openinference.span.kind": "LLM"})", "llm");
    row("oi EMBEDDING", R"({"openinference.span.kind": "EMBEDDING"})", "embedding");
    row("oi TOOL", R"({"openinference.span.kind": "TOOL"})", "tool");
    row("oi AGENT", R"({"openinference.span.kind": "AGENT"})", "agent");
    row("oi RETRIEVER", R"({"openinference.span.kind": "RETRIEVER"})", "retrieval");
    row("oi CHAIN", R"({"openinference.span.kind": "CHAIN", "llm.model_name": "gpt-4o"})", "chain");
    row("traceloop workflow", R"({"traceloop.span.kind": "workflow"})", "chain");
    row("traceloop task", R"({"traceloop.span.kind": "task"})", "chain");
    row("traceloop agent", R"({"traceloop.span.kind": "agent"})", "agent");
    row("traceloop tool", R"({"traceloop.span.kind": "tool"})", "tool");
    row("openllmetry embedding", R"({"llm.request.type": "embedding"})", "embedding");
    row("vercel doStream", R"({"ai.operationId": "ai.streamText.doStream"})", "llm");
    row("vercel doEmbed", R"({"ai.operationId": "ai.embedMany.doEmbed"})", "embedding");
    row("vercel toolCall", R"({"ai.operationId": "ai.toolCall"})", "tool");
    row("vercel streamText", R"({"ai.operationId": "ai.streamText", "ai.model.id": "gpt-4o"})", "chain");
    row("model only", R"({"gen_ai.request.model": "gpt-4o"})", "llm");
    row("tokens only", R"({"gen_ai.usage.output_tokens": 3})", "llm");
    row("messages only", R"({"gen_ai.input.messages": "[{\"role\":\"user\",\"parts\":[]}]"})", "llm");
    row("tool name", R"({"gen_ai.tool.name": "lookup", "gen_ai.tool.call.id": "c"})", "tool");
    row("explicit seed", R"({"tracedeck.category": "guardrail", "gen_ai.operation.name": "chat"})",
        "guardrail");
    row("llm over http", R"({"gen_ai.request.model": "gpt-4o", "http.request.method": "POST"})", "llm");
    row("http status only", R"({"http.response.status_code": 500})", "http");
    row("nothing", R"({"db.system.name": "postgresql", "input.value": "x"})", "");
}

void TestNormalizer::category()
{
    QFETCH(QByteArray, attributes);
    QFETCH(QByteArray, category);
    QCOMPARE(str(normalized(json::parse(attributes.toStdString())).category), category);
}

void TestNormalizer::timeToFirstToken()
{
    QCOMPARE(*normalized({{"gen_ai.response.time_to_first_token", 0.125}}).ttftMs, 125.0);
    QCOMPARE(*normalized({{"ai.stream.msToFirstChunk", 80}}).ttftMs, 80.0);
    QCOMPARE(*normalized({{"llm.time_to_first_token_ms", "42.5"}}).ttftMs, 42.5);
    QCOMPARE(*normalized({{"tracedeck.ttft_ms", 7}, {"gen_ai.response.time_to_first_token", 1}}).ttftMs, 7.0);
    QVERIFY(!normalized({{"ai.response.msToFirstChunk", -3}}).ttftMs);
}

void TestNormalizer::attributesUntouchedAndFieldsReset()
{
    const json attributes = fixtureAttributes(kOpenInference, "ChatCompletion");
    Span span = spanWith(attributes);
    const json events =
        json::parse(R"([{"name": "gen_ai.user.message", "timeNs": 1, "attributes": {"content": "x"}}])");
    span.events = events;
    const Normalizer normalizer;
    normalizer.normalize(span);
    QCOMPARE(dump(span.attributes), dump(attributes));
    QCOMPARE(dump(span.events), dump(events));
    QVERIFY(span.fields.costUsd);

    // Normalizing again after the attributes changed leaves nothing stale behind.
    span.attributes = json::parse(R"({"http.request.method": "GET"})");
    span.events = json::array();
    normalizer.normalize(span);
    QCOMPARE(str(span.fields.model), QByteArray());
    QVERIFY(!span.fields.costUsd);
    QCOMPARE(opt(span.fields.inputTokens), QByteArray("-"));
    QCOMPARE(dump(span.fields.messages), QByteArray("[]"));
    QCOMPARE(str(span.fields.category), QByteArray("http"));
}

QTEST_GUILESS_MAIN(TestNormalizer)
#include "test_normalizer.moc"

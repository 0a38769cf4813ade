// Conversation replay: the LLM calls of a trace as turns (from every message convention, through the real
// store), the item model, and the view wired into the workstation.

#include "conversation.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "engine.h"
#include "fixturesupport.h"
#include "mainwindow.h"
#include "normalizer.h"
#include "otlpjsondecoder.h"
#include "sampletraces.h"
#include "sessionconversation.h"
#include "spaninspector.h"
#include "storereader.h"
#include "storesupport.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracelistmodel.h"
#include "tracelistview.h"
#include "workstation.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;
using nlohmann::json;

namespace {

const char *const kAgentTrace = "5a3f0c1e9b7d4e2fa1c3b5d7e9f10002";

QString screenshotDir()
{
    const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

QStringList roles(const std::vector<ConversationMessage> &messages, int from = 0)
{
    QStringList out;
    for (int i = from; i < int(messages.size()); ++i)
        out << messages[i].role;
    return out;
}

// Spans written to a real store and read back, as the workstation reads them.
class Store {
public:
    Store()
    {
        std::string error;
        m_writer = SpanWriter::open(m_dir.filePath(QStringLiteral("c.db")).toStdString(), &error);
        if (!m_writer)
            qFatal("cannot open the store: %s", error.c_str());
    }
    bool write(SpanBatch spans) { return testing::writeAndWait(*m_writer, std::move(spans)).ok; }
    std::string path() const { return m_writer->path(); }
    std::vector<Span> spans(const std::string &traceId)
    {
        std::string error;
        auto reader = StoreReader::open(m_writer->path(), &error);
        return reader ? reader->spans("local", traceId, &error) : std::vector<Span>{};
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<SpanWriter> m_writer;
};

// The conversation of the one trace in an OTLP JSON fixture, through decoder, normalizer and store.
Conversation fixtureConversation(const char *file)
{
    DecodeResult decoded =
        OtlpJsonDecoder::decode(readFixture(QStringLiteral("otlp/") + QLatin1String(file)));
    if (!decoded.ok() || decoded.spans.empty())
        qFatal("cannot decode %s", file);
    const std::string traceId = decoded.spans.front().traceId;
    const Normalizer normalizer;
    for (Span &span : decoded.spans)
        normalizer.normalize(span); // as the listener and the file import do
    Store store;
    if (!store.write(std::move(decoded.spans)))
        qFatal("cannot store %s", file);
    return Conversation::build(store.spans(traceId));
}

Span llmSpan(const char *id, int64_t startMs, int64_t endMs, json messages,
             SpanStatus status = SpanStatus::Ok)
{
    Span s;
    s.traceId = "t1";
    s.spanId = id;
    s.name = "chat";
    s.startNs = startMs * 1'000'000;
    s.endNs = endMs * 1'000'000;
    s.status = status;
    if (status == SpanStatus::Error)
        s.statusMessage = "429 rate limited";
    s.fields.category = "llm";
    s.fields.model = "m";
    s.fields.messages = std::move(messages);
    return s;
}

Span toolSpan(const char *id, const char *name, int64_t startMs, int64_t endMs, const char *result)
{
    Span s;
    s.traceId = "t1";
    s.spanId = id;
    s.name = std::string("execute_tool ") + name;
    s.startNs = startMs * 1'000'000;
    s.endNs = endMs * 1'000'000;
    s.fields.category = "tool";
    s.attributes["output.value"] = result;
    return s;
}

json msg(const char *role, const char *content, bool output = false)
{
    json m = {{"role", role}, {"content", content}};
    if (output)
        m["output"] = true;
    return m;
}

json toolCallMsg(const char *name, const char *args)
{
    return {{"role", "assistant"},
            {"content", ""},
            {"output", true},
            {"tool_calls", json::array({{{"id", ""}, {"name", name}, {"arguments", args}}})}};
}

// A chat agent's session: one trace per user turn, each an "agent" root with one LLM call under it that
// re-sends the whole history so far (as chat SDKs do). Trace i starts at i seconds.
std::vector<Span> sessionTraces(const char *session, int turns, const char *tracePrefix = "trace-")
{
    std::vector<Span> spans;
    json history = json::array({msg("system", "You are helpful.")});
    for (int i = 1; i <= turns; ++i) {
        const std::string traceId = tracePrefix + std::to_string(i);
        const int64_t t0 = int64_t(i) * 1000;
        Span root;
        root.traceId = traceId;
        root.spanId = "root";
        root.name = "turn " + std::to_string(i);
        root.service = "agent";
        root.startNs = t0 * 1'000'000;
        root.endNs = (t0 + 500) * 1'000'000;
        root.fields.sessionId = session;
        history.push_back(msg("user", ("question " + std::to_string(i)).c_str()));
        json messages = history;
        messages.push_back(msg("assistant", ("answer " + std::to_string(i)).c_str(), true));
        Span call = llmSpan("llm", t0 + 10, t0 + 400, messages);
        call.traceId = traceId;
        call.parentSpanId = "root";
        call.service = "agent";
        call.fields.sessionId = session;
        call.fields.inputTokens = 10 * i;
        call.fields.outputTokens = 5;
        call.fields.costUsd = 0.01 * i;
        // Every row of the inspector's LLM block filled: Qt 6.4's QFormLayout writes out of bounds laying out
        // hidden rows (setRowVisible) of word-wrapped labels, which a span lacking some of these crashes on.
        call.fields.provider = "openai";
        call.fields.finishReason = "stop";
        call.fields.ttftMs = 120;
        call.attributes["gen_ai.request.temperature"] = 0.2;
        history.push_back(msg("assistant", ("answer " + std::to_string(i)).c_str()));
        spans.push_back(std::move(root));
        spans.push_back(std::move(call));
    }
    return spans;
}

} // namespace

class TestConversation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sampleAgentRun();
    void openInferenceFixture();
    void openLlmetryFixture();
    void vercelFixture();
    void retriesAreGrouped();
    void toolCallsLinkByNameWithoutId();
    void toolResultsInAPromptSelectTheirToolSpan();
    void parallelConversationsDedupAgainstTheirOwnPrompt();
    void sessionAcrossTraces();
    void sessionIsCapped();
    void conversationIdGroupsTracesWithoutSession();
    void itemModel();
    void longMessagesFold();
    void laterTurnsAreBuiltWhenReached();
    void workstationReplay();
    void workstationSessionReplay();
};

void TestConversation::sampleAgentRun()
{
    Store store;
    QVERIFY(store.write(SampleTraces::load(1'800'000'000'000'000'000)));
    const Conversation c = Conversation::build(store.spans(kAgentTrace));
    QCOMPARE(c.count(), 3);
    const auto &t = c.turns();

    // Turn 1 starts the conversation: the whole prompt is new.
    QCOMPARE(t[0].model, QStringLiteral("gpt-4o"));
    QCOMPARE(t[0].newFrom, 0);
    QCOMPARE(roles(t[0].input), (QStringList{QStringLiteral("system"), QStringLiteral("user")}));
    QCOMPARE(t[0].output.size(), std::size_t(1));
    QCOMPARE(t[0].output[0].toolCalls.size(), std::size_t(1));
    const ConversationToolCall &lookup = t[0].output[0].toolCalls[0];
    QCOMPARE(lookup.name, QStringLiteral("lookup_order"));
    QCOMPARE(lookup.id, QStringLiteral("call_1"));
    QVERIFY(lookup.arguments.contains(QStringLiteral("\"order_id\": \"4471\"")));
    QVERIFY(lookup.linkedById);
    QVERIFY(!lookup.toolSpanId.isEmpty());
    QVERIFY(lookup.result.contains(QStringLiteral("\"status\": \"in_transit\"")));
    QVERIFY(lookup.error.isEmpty());
    QCOMPARE(*t[0].inputTokens, 412);
    QCOMPARE(*t[0].outputTokens, 38);
    QCOMPARE(t[0].finishReason, QStringLiteral("tool_calls"));
    QCOMPARE(t[0].latencyNs(), 1460 * 1'000'000LL);

    // Turn 2 re-sends system, user and the previous reply (re-worded as text): only the tool result is new.
    QCOMPARE(t[1].input.size(), std::size_t(4));
    QCOMPARE(t[1].previousTurn, 0);
    QCOMPARE(t[1].newFrom, 3);
    QCOMPARE(roles(t[1].input, t[1].newFrom), QStringList{QStringLiteral("tool")});
    QCOMPARE(*t[1].inputTokens, 531);
    QCOMPARE(*t[1].cachedInputTokens, 384);
    const ConversationToolCall &track = t[1].output[0].toolCalls[0];
    QCOMPARE(track.name, QStringLiteral("track_shipment"));
    QVERIFY(track.linkedById);
    QVERIFY(track.toolSpanId != lookup.toolSpanId);
    QCOMPARE(track.error, QStringLiteral("TimeoutError: carrier API did not answer in 1000 ms"));
    QCOMPARE(c.turnOfSpan(track.toolSpanId), 1);

    // Turn 3: the failed tool's result is what is new; the answer is markdown text.
    QCOMPARE(t[2].model, QStringLiteral("gpt-4o-mini"));
    QCOMPARE(t[2].input.size(), std::size_t(6));
    QCOMPARE(t[2].newFrom, 5);
    QCOMPARE(t[2].input[5].content, QStringLiteral("error: carrier API timed out"));
    QCOMPARE(roles(t[2].output), QStringList{QStringLiteral("assistant")});
    QVERIFY(t[2].output[0].content.contains(QStringLiteral("**#4471**")));
    QVERIFY(t[2].output[0].toolCalls.empty());
    QCOMPARE(t[2].finishReason, QStringLiteral("stop"));

    // Cost per turn as the normalizer priced it; cached tokens are inside the input tokens, never added.
    for (const ConversationTurn &turn : t)
        QVERIFY(turn.costUsd && *turn.costUsd > 0);
    QCOMPARE(c.totalInputTokens(), 412 + 531 + 602);
    QCOMPARE(c.totalOutputTokens(), 38 + 41 + 67);
    QCOMPARE(*c.totalCostUsd(), *t[0].costUsd + *t[1].costUsd + *t[2].costUsd);
    QCOMPARE(c.turnOfSpan(t[2].spanId), 2);
    QCOMPARE(c.turnOfSpan(QStringLiteral("nope")), -1);
}

void TestConversation::openInferenceFixture()
{
    const Conversation c = fixtureConversation("genai-interlingua-openinference.json");
    QCOMPARE(c.count(), 1);
    const ConversationTurn &t = c.turns()[0];
    QCOMPARE(t.model, QStringLiteral("gpt-4o-mini-2024-07-18"));
    QCOMPARE(roles(t.input), (QStringList{QStringLiteral("system"), QStringLiteral("user")}));
    QCOMPARE(t.input[1].content, QStringLiteral("Where is order A-1187?"));
    QCOMPARE(t.newFrom, 0);
    QCOMPARE(t.output[0].toolCalls[0].name, QStringLiteral("lookup_order"));
    QCOMPARE(t.output[0].toolCalls[0].id, QStringLiteral("call_9RtYbK2mXqLp"));
    QVERIFY(t.output[0].toolCalls[0].toolSpanId.isEmpty()); // the fixture has no tool span
    QCOMPARE(*t.inputTokens, 412);
    QCOMPARE(*t.cachedInputTokens, 256);
    QCOMPARE(*t.outputTokens, 27);
    QCOMPARE(c.totalInputTokens(), 412);
    QCOMPARE(*t.costUsd, 0.0000588);
    QCOMPARE(t.finishReason, QStringLiteral("tool_calls"));
}

void TestConversation::openLlmetryFixture()
{
    // The workflow span repeats its model call's messages; only the openai.chat call is a turn.
    const Conversation c = fixtureConversation("genai-interlingua-openllmetry.json");
    QCOMPARE(c.count(), 1);
    const ConversationTurn &t = c.turns()[0];
    QCOMPARE(t.spanName, QStringLiteral("openai.chat"));
    QCOMPARE(roles(t.input), (QStringList{QStringLiteral("system"), QStringLiteral("user")}));
    QCOMPARE(t.output[0].toolCalls[0].name, QStringLiteral("lookup_order"));
    QCOMPARE(*t.inputTokens, 412);
    QCOMPARE(*t.cachedInputTokens, 256);
    QCOMPARE(*t.costUsd, 0.0000588);
}

void TestConversation::vercelFixture()
{
    // ai.generateText sums its step: not a turn of its own. The tool call links to ai.toolCall by id.
    const Conversation c = fixtureConversation("genai-interlingua-vercel-ai.json");
    QCOMPARE(c.count(), 1);
    const ConversationTurn &t = c.turns()[0];
    QCOMPARE(t.spanName, QStringLiteral("ai.generateText.doGenerate"));
    QCOMPARE(roles(t.input), (QStringList{QStringLiteral("system"), QStringLiteral("user")}));
    QCOMPARE(*t.ttftMs, 412.5);
    QCOMPARE(*t.cachedInputTokens, 384);
    QCOMPARE(*t.costUsd, 0.0000492);
    const ConversationToolCall &call = t.output[0].toolCalls[0];
    QCOMPARE(call.toolSpanId, QStringLiteral("aa01bb02cc03dd06"));
    QVERIFY(call.linkedById);
    QVERIFY(call.result.contains(QStringLiteral("\"eta\": \"2026-06-15\"")));
    QCOMPARE(c.turnOfSpan(QStringLiteral("aa01bb02cc03dd06")), 0);
}

void TestConversation::retriesAreGrouped()
{
    const json prompt = json::array({msg("system", "s"), msg("user", "hi")});
    json failed = prompt;
    json answered = prompt;
    answered.push_back(msg("assistant", "hello", true));
    std::vector<Span> spans{llmSpan("a", 0, 100, failed, SpanStatus::Error),
                            llmSpan("b", 200, 300, failed, SpanStatus::Error),
                            llmSpan("c", 400, 900, answered)};
    spans[0].fields.inputTokens = 10;
    spans[0].fields.costUsd = 0.5;
    spans[2].fields.inputTokens = 10;
    spans[2].fields.costUsd = 1.0;
    const Conversation c = Conversation::build(spans);
    QCOMPARE(c.count(), 1);
    const ConversationTurn &t = c.turns()[0];
    QCOMPARE(t.spanId, QStringLiteral("c"));
    QVERIFY(!t.error);
    QCOMPARE(t.retries.size(), std::size_t(2));
    QCOMPARE(t.retries[0].spanId, QStringLiteral("a"));
    QCOMPARE(t.retries[1].spanId, QStringLiteral("b"));
    QCOMPARE(t.retries[0].error, QStringLiteral("429 rate limited"));
    QCOMPARE(c.turnOfSpan(QStringLiteral("a")), 0);
    // The failed attempts were billed too: in the totals, once each.
    QCOMPARE(c.totalInputTokens(), 20);
    QCOMPARE(*c.totalCostUsd(), 1.5);

    // A different prompt after an error is a turn of its own, not a retry.
    json other = json::array({msg("system", "s"), msg("user", "something else")});
    const Conversation d =
        Conversation::build({llmSpan("a", 0, 100, failed, SpanStatus::Error), llmSpan("b", 200, 300, other)});
    QCOMPARE(d.count(), 2);
    QVERIFY(d.turns()[0].error);
    QVERIFY(d.turns()[1].retries.empty());
}

void TestConversation::toolCallsLinkByNameWithoutId()
{
    json first =
        json::array({msg("user", "weather in Oslo and Rome?"), toolCallMsg("weather", R"({"city":"Oslo"})")});
    json second =
        json::array({msg("user", "weather in Oslo and Rome?"), toolCallMsg("weather", R"({"city":"Rome"})")});
    second[1]["output"] = false;
    second.push_back(msg("tool", "3 °C"));
    second.push_back(toolCallMsg("weather", R"({"city":"Rome"})"));
    // A weather span before the first call belongs to neither; then one after each call, in time order.
    const Conversation c =
        Conversation::build({toolSpan("early", "weather", 0, 5, "old"), llmSpan("l1", 10, 100, first),
                             toolSpan("w1", "weather", 110, 150, "3 °C"), llmSpan("l2", 160, 260, second),
                             toolSpan("w2", "weather", 270, 300, R"({"c":18})")});
    QCOMPARE(c.count(), 2);
    const ConversationToolCall &oslo = c.turns()[0].output[0].toolCalls[0];
    QCOMPARE(oslo.toolSpanId, QStringLiteral("w1"));
    QVERIFY(!oslo.linkedById);
    QCOMPARE(oslo.result, QStringLiteral("3 °C"));
    QVERIFY(oslo.arguments.contains(QStringLiteral("\"city\": \"Oslo\"")));
    const ConversationToolCall &rome = c.turns()[1].output[0].toolCalls[0];
    QCOMPARE(rome.toolSpanId, QStringLiteral("w2"));
    QCOMPARE(rome.result, QStringLiteral("{\n  \"c\": 18\n}"));
    // Turn 2 re-sent the user message and the first reply exactly: only the tool result is new.
    QCOMPARE(c.turns()[1].newFrom, 2);
}

void TestConversation::toolResultsInAPromptSelectTheirToolSpan()
{
    json first = json::array({msg("user", "go"), toolCallMsg("search", R"({"q":"x"})")});
    first[1]["tool_calls"][0]["id"] = "c9";
    json second = first;
    second[1].erase("output");
    second.push_back({{"role", "tool"}, {"content", "found"}, {"tool_call_id", "c9"}});
    second.push_back(msg("assistant", "done", true));
    Span tool = toolSpan("s1", "other_name", 20, 30, "found");
    tool.attributes["gen_ai.tool.call.id"] = "c9";
    const Conversation c =
        Conversation::build({llmSpan("l1", 0, 10, first), tool, llmSpan("l2", 40, 50, second)});
    QCOMPARE(c.count(), 2);
    QCOMPARE(c.turns()[0].output[0].toolCalls[0].toolSpanId,
             QStringLiteral("s1")); // by id, whatever its name
    QCOMPARE(c.turns()[1].newFrom, 2);
    QCOMPARE(c.turns()[1].input[2].spanId, QStringLiteral("s1"));
    QCOMPARE(c.turns()[1].input[0].spanId, QStringLiteral("l2"));
}

void TestConversation::parallelConversationsDedupAgainstTheirOwnPrompt()
{
    // Two agents interleave in one trace; each call continues the call that shares its prompt's start.
    json a1 = json::array({msg("system", "agent A"), msg("user", "task A"), msg("assistant", "A1", true)});
    json b1 = json::array({msg("system", "agent B"), msg("user", "task B"), msg("assistant", "B1", true)});
    json a2 = json::array({msg("system", "agent A"), msg("user", "task A"), msg("assistant", "A1"),
                           msg("user", "more A"), msg("assistant", "A2", true)});
    const Conversation c =
        Conversation::build({llmSpan("a1", 0, 10, a1), llmSpan("b1", 5, 20, b1), llmSpan("a2", 30, 40, a2)});
    QCOMPARE(c.count(), 3);
    QCOMPARE(c.turns()[1].previousTurn, -1);
    QCOMPARE(c.turns()[1].newFrom, 0);
    QCOMPARE(c.turns()[2].previousTurn, 0);
    QCOMPARE(c.turns()[2].newFrom, 3);
    QCOMPARE(c.turns()[2].input[3].content, QStringLiteral("more A"));
}

void TestConversation::sessionAcrossTraces()
{
    Store store;
    std::vector<Span> spans = sessionTraces("chat-1", 3);
    // Another session and a trace without one: neither is part of chat-1's conversation.
    for (Span &span : sessionTraces("chat-2", 1, "other-"))
        spans.push_back(std::move(span));
    QVERIFY(store.write(std::move(spans)));
    std::string error;
    auto reader = StoreReader::open(store.path(), &error);
    QVERIFY2(reader, error.c_str());
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "trace-2", &error), std::string("chat-1"));
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "nope", &error), std::string());
    QVERIFY(SessionConversation::hasLlmCalls(*reader, "local", "trace-2", &error));

    const Conversation c = SessionConversation::load(*reader, "local", "chat-1", &error);
    QVERIFY2(error.empty(), error.c_str());
    QVERIFY(c.isSession());
    QCOMPARE(c.totalTraces(), 3);
    // One separator per trace, oldest first, with its name and cost.
    QCOMPARE(c.traces().size(), std::size_t(3));
    QCOMPARE(c.traces()[0].traceId, QStringLiteral("trace-1"));
    QCOMPARE(c.traces()[2].traceId, QStringLiteral("trace-3"));
    QCOMPARE(c.traces()[1].name, QStringLiteral("turn 2"));
    QVERIFY(c.traces()[1].costUsd);
    QCOMPARE(*c.traces()[1].costUsd, 0.02);

    // One turn per trace, in order; each shows only what is new since the previous trace's call.
    QCOMPARE(c.count(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(c.turns()[i].traceId, QStringLiteral("trace-%1").arg(i + 1));
    QCOMPARE(c.turns()[0].newFrom, 0);
    QCOMPARE(c.turns()[1].previousTurn, 0);
    QCOMPARE(roles(c.turns()[1].input, c.turns()[1].newFrom), QStringList{QStringLiteral("user")});
    QCOMPARE(c.turns()[1].input[c.turns()[1].newFrom].content, QStringLiteral("question 2"));
    QCOMPARE(c.turns()[2].previousTurn, 1);
    QCOMPARE(c.turns()[2].input.size(), std::size_t(6));
    QCOMPARE(c.turns()[2].newFrom, 5);
    QCOMPARE(c.turns()[2].input[5].traceId, QStringLiteral("trace-3"));
    // Span ids repeat across traces: a span is found in its own trace.
    QCOMPARE(c.turnOfSpan(QStringLiteral("llm"), QStringLiteral("trace-3")), 2);
    QCOMPARE(c.turnOfSpan(QStringLiteral("llm"), QStringLiteral("trace-9")), -1);
    QCOMPARE(c.totalInputTokens(), 60);
    QCOMPARE(*c.totalCostUsd(), 0.06);

    // The single-trace conversation of trace 2 is unchanged: its whole prompt is new.
    const Conversation one = Conversation::build(store.spans("trace-2"));
    QVERIFY(!one.isSession());
    QCOMPARE(one.count(), 1);
    QCOMPARE(one.turns()[0].newFrom, 0);
}

// Spans with gen_ai.conversation.id and no session id: their traces form one conversation by that id; a
// session id, where a trace has one, comes first (also when an update sums the trace again).
void TestConversation::conversationIdGroupsTracesWithoutSession()
{
    Store store;
    std::vector<Span> spans = sessionTraces("", 3);
    for (Span &span : spans)
        span.fields.conversationId = "conv-7";
    std::vector<Span> tagged = sessionTraces("chat-9", 1, "tagged-");
    for (Span &span : tagged) {
        span.fields.conversationId = "conv-7";
        spans.push_back(span);
    }
    QVERIFY(store.write(std::move(spans)));
    std::string error;
    auto reader = StoreReader::open(store.path(), &error);
    QVERIFY2(reader, error.c_str());
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "trace-2", &error), std::string("conv-7"));
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "tagged-1", &error), std::string("chat-9"));
    const Conversation c = SessionConversation::load(*reader, "local", "conv-7", &error);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(c.totalTraces(), 3);
    QCOMPARE(c.count(), 3);
    QCOMPARE(c.turns()[2].traceId, QStringLiteral("trace-3"));

    // An update of a stored span sums its trace again from the spans: the same choice.
    Span later = tagged[1];
    later.endNs += 1'000'000;
    QVERIFY(store.write({later}));
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "tagged-1", &error), std::string("chat-9"));
    later = store.spans("trace-1")[0];
    later.endNs += 1'000'000;
    QVERIFY(store.write({later}));
    QCOMPARE(SessionConversation::sessionOf(*reader, "local", "trace-1", &error), std::string("conv-7"));
}

void TestConversation::sessionIsCapped()
{
    Store store;
    QVERIFY(store.write(sessionTraces("long", 5)));
    std::string error;
    auto reader = StoreReader::open(store.path(), &error);
    QVERIFY2(reader, error.c_str());
    const Conversation c = SessionConversation::load(*reader, "local", "long", &error, 2);
    QVERIFY2(error.empty(), error.c_str());
    QCOMPARE(c.totalTraces(), 5);
    QCOMPARE(c.traces().size(), std::size_t(2)); // the first two, oldest first
    QCOMPARE(c.traces()[1].traceId, QStringLiteral("trace-2"));
    QCOMPARE(c.count(), 2);

    // The view says so above the chat.
    ConversationModel model;
    model.setConversation(std::make_shared<const Conversation>(c));
    ConversationView view;
    view.setModel(&model);
    QVERIFY(!view.capNote()->isHidden());
    QCOMPARE(view.capNote()->text(), QStringLiteral("Showing the first 2 of 5 traces of this session."));
    QCOMPARE(view.traceSeparators().size(), 2);
}

void TestConversation::itemModel()
{
    Store store;
    QVERIFY(store.write(SampleTraces::load(1'800'000'000'000'000'000)));
    ConversationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setConversation(
        std::make_shared<const Conversation>(Conversation::build(store.spans(kAgentTrace))));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex second = model.index(1, 0);
    QCOMPARE(second.data(ConversationModel::InputTokensRole).toLongLong(), 531);
    QCOMPARE(second.data(ConversationModel::CachedInputTokensRole).toLongLong(), 384);
    QCOMPARE(second.data(ConversationModel::OutputTokensRole).toLongLong(), 41);
    QCOMPARE(second.data(ConversationModel::NewMessageCountRole).toInt(), 1);
    QCOMPARE(second.data(ConversationModel::InputMessageCountRole).toInt(), 4);
    QCOMPARE(second.data(ConversationModel::ToolCallCountRole).toInt(), 1);
    QCOMPARE(second.data(ConversationModel::ModelRole).toString(), QStringLiteral("gpt-4o"));
    QVERIFY(second.data(ConversationModel::CostRole).toDouble() > 0);
    QVERIFY(!second.data(ConversationModel::TtftMsRole).isValid());
    QCOMPARE(second.data(ConversationModel::LatencyNsRole).toLongLong(), 1350 * 1'000'000LL);
    const QString header = second.data().toString();
    QVERIFY2(header.startsWith(QStringLiteral("gpt-4o · 531 in (384 cached) / 41 out · $")),
             qPrintable(header));
    QVERIFY2(header.endsWith(QStringLiteral(" · 1.35 s")), qPrintable(header));
    QVERIFY(model.roleNames().contains(ConversationModel::SpanIdRole));
    model.setConversation(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestConversation::longMessagesFold()
{
    QString longText = QStringLiteral("# Report\n\nSome **bold** words.\n\n```python\nprint('hi')\n```\n\n");
    for (int i = 0; i < 80; ++i)
        longText += QStringLiteral("Line %1 of a very long answer that goes on and on.\n").arg(i);
    json messages = json::array({msg("user", "write a long report"), msg("assistant", "", true)});
    messages[1]["content"] = longText.toStdString();
    ConversationModel model;
    model.setConversation(
        std::make_shared<const Conversation>(Conversation::build({llmSpan("l", 0, 10, messages)})));
    ConversationView view;
    view.setModel(&model);
    view.resize(700, 600);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(view.messageWidgets(0).size(), 2);
    QFrame *reply = view.messageWidgets(0).last();
    QCOMPARE(reply->property("role").toString(), QStringLiteral("assistant"));
    auto *more = reply->findChild<QPushButton *>(QStringLiteral("showMore"));
    QVERIFY(more);
    QVERIFY(!view.messageWidgets(0).first()->findChild<QPushButton *>(QStringLiteral("showMore"))); // short
    QLabel *body = reply->findChildren<QLabel *>().last();
    QCOMPARE(body->textFormat(), Qt::MarkdownText);
    QVERIFY(body->text().size() <= ConversationView::kFoldChars + 16);
    QVERIFY(!body->text().contains(QStringLiteral("Line 79")));
    const int foldedHeight = body->sizeHint().height();
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(body->text().contains(QStringLiteral("Line 79")));
    QVERIFY(body->heightForWidth(600) > foldedHeight);
    QCOMPARE(more->text(), QStringLiteral("Show less"));
    QTest::mouseClick(more, Qt::LeftButton);
    QVERIFY(!body->text().contains(QStringLiteral("Line 79")));
    QCoreApplication::processEvents();
    view.grab().save(screenshotDir() + QStringLiteral("/conversation-folded.png"));
}

void TestConversation::laterTurnsAreBuiltWhenReached()
{
    std::vector<Span> spans;
    json prompt = json::array({msg("user", "start")});
    for (int i = 0; i < 12; ++i) {
        json messages = prompt;
        messages.push_back(msg("assistant", "step", true));
        spans.push_back(llmSpan(("l" + std::to_string(i)).c_str(), i * 100, i * 100 + 50, messages));
        prompt.push_back(msg("assistant", "step"));
        prompt.push_back(msg("user", "next"));
    }
    ConversationModel model;
    model.setConversation(std::make_shared<const Conversation>(Conversation::build(spans)));
    ConversationView view;
    view.setModel(&model);
    view.resize(700, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(view.messageWidgets(0).size(), 2);
    QVERIFY(view.messageWidgets(10).isEmpty()); // a placeholder until reached
    QSignalSpy activated(&view, &ConversationView::spanActivated);
    QLabel *header = view.turnWidget(10)->findChildren<QLabel *>().first();
    QTest::mouseClick(header, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().first().toString(), QStringLiteral("l10"));
    QCOMPARE(view.currentTurn(), 10);
    QCOMPARE(view.messageWidgets(10).size(), 2); // the new user message and the reply
    QCOMPARE(view.turnWidget(10)->property("current").toBool(), true);
    view.stepForward();
    QCOMPARE(view.currentTurn(), 11);
    QCOMPARE(view.messageWidgets(11).size(), 2);
    QCoreApplication::processEvents();
}

void TestConversation::workstationReplay()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_conversation"));
    QSettings().clear();
    QTemporaryDir dir;
    Engine engine;
    Options options;
    options.databasePath = dir.filePath(QStringLiteral("ws.db"));
    options.ingest.address.port = 0;
    QString error;
    QVERIFY2(engine.start(options, &error), qPrintable(error));
    Workstation ws(engine);
    ws.window().resize(1600, 1000);
    ws.window().show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws.window()));
    QAbstractItemModelTester tester(&ws.conversationModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);

    QSignalSpy imported(&ws, &Workstation::importFinished);
    ws.loadSamples();
    QVERIFY(imported.wait(10000));
    QTRY_COMPARE_WITH_TIMEOUT(ws.traces().rowCount(), 3, 10000);

    QSignalSpy conversationShown(&ws, &Workstation::conversationShown);
    QSignalSpy spanShown(&ws, &Workstation::spanShown);
    ws.showTrace(QString::fromLatin1(kAgentTrace));
    QVERIFY(conversationShown.wait(10000));
    ConversationView &view = ws.conversation();
    QCOMPARE(ws.conversationModel().rowCount(), 3);
    QTabWidget *tabs = ws.window().traceTabs();
    QVERIFY(tabs);
    QCOMPARE(tabs->tabText(1), QStringLiteral("Conversation"));
    tabs->setCurrentWidget(&view);
    QCOMPARE(view.currentTurn(), -1); // the root span is selected: not an LLM call

    const auto data = ws.timeline().data();
    const auto selectedId = [&] { return data->spanIdString(ws.timeline().selectedSpan()); };

    // Stepping selects the turn's span: the timeline and the inspector follow.
    view.stepForward();
    QCOMPARE(view.currentTurn(), 0);
    QCOMPARE(selectedId(), ws.conversationModel().turn(0).spanId);
    QTRY_VERIFY(!spanShown.isEmpty() &&
                spanShown.last().first().toString() == ws.conversationModel().turn(0).spanId);
    view.stepForward();
    view.stepForward();
    QCOMPARE(view.currentTurn(), 2);
    QCOMPARE(selectedId(), ws.conversationModel().turn(2).spanId);
    view.stepForward(); // at the end: stays
    QCOMPARE(view.currentTurn(), 2);
    view.stepBack();
    QCOMPARE(view.currentTurn(), 1);
    QCOMPARE(selectedId(), ws.conversationModel().turn(1).spanId);
    QTRY_COMPARE(spanShown.last().first().toString(), ws.conversationModel().turn(1).spanId);

    // Selecting a span in the timeline moves the conversation to the turn holding it.
    ws.timeline().selectSpan(data->indexOf(ws.conversationModel().turn(2).spanId.toStdString()));
    QCOMPARE(view.currentTurn(), 2);

    // Dedup: turn 2 shows its one new message (the tool result) plus its reply's tool call and the tool
    // span's result; the full prompt adds the three re-sent ones.
    QList<QFrame *> bubbles = view.messageWidgets(1);
    QStringList shownRoles;
    for (QFrame *b : bubbles)
        shownRoles << b->property("role").toString();
    QCOMPARE(shownRoles,
             (QStringList{QStringLiteral("tool"), QStringLiteral("assistant"), QStringLiteral("tool")}));
    QCoreApplication::processEvents();
    view.grab().save(screenshotDir() + QStringLiteral("/conversation-new-only.png"));
    auto *fullPrompt = view.findChild<QCheckBox *>();
    QVERIFY(fullPrompt);
    QTest::mouseClick(fullPrompt, Qt::LeftButton);
    QVERIFY(view.showsFullPrompt());
    QCOMPARE(view.messageWidgets(1).size(), 6);
    QCOMPARE(view.messageWidgets(1).first()->property("role").toString(), QStringLiteral("system"));
    QCOMPARE(view.currentTurn(), 2); // rebuilding keeps the place
    view.setShowFullPrompt(false);
    QCOMPARE(view.messageWidgets(1).size(), 3);

    // Clicking the failed tool's result selects the tool span; clicking the first prompt selects its call.
    QFrame *toolResult = view.messageWidgets(1).last();
    view.turnWidget(1)->setFocus();
    tabs->setCurrentWidget(&view);
    QCoreApplication::processEvents();
    const QString trackSpan = ws.conversationModel().turn(1).output[0].toolCalls[0].toolSpanId;
    QTest::mouseClick(toolResult, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(selectedId(), trackSpan);
    QTRY_COMPARE(spanShown.last().first().toString(), trackSpan);
    QCOMPARE(view.currentTurn(), 1);
    auto *body = view.messageWidgets(0).first()->findChildren<QLabel *>().last();
    QTest::mouseClick(body, Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(selectedId(), ws.conversationModel().turn(0).spanId);
    QCOMPARE(view.currentTurn(), 0);

    // Play steps on by itself (every 1 s here would be slow: 16× real time, the calls are ~2 s apart).
    view.setSpeed(16.0);
    view.play();
    QVERIFY(view.isPlaying());
    QTRY_COMPARE_WITH_TIMEOUT(view.currentTurn(), 2, 5000);
    QTRY_VERIFY(!view.isPlaying()); // stops at the end
    QCOMPARE(selectedId(), ws.conversationModel().turn(2).spanId);
    view.pause();

    QTRY_COMPARE(spanShown.last().first().toString(), ws.conversationModel().turn(2).spanId);
    QCoreApplication::processEvents();
    view.grab().save(screenshotDir() + QStringLiteral("/conversation-view.png"));
    ws.window().grab().save(screenshotDir() + QStringLiteral("/conversation-workstation.png"));

    // The other samples: the streaming call is one turn with its time to first token; the REST request has
    // no LLM call and the view says so.
    QStringList headers;
    int emptyTraces = 0;
    for (int row = 0; row < ws.traces().rowCount(); ++row) {
        const QString id = ws.traces().index(row, 0).data(TraceListModel::TraceIdRole).toString();
        if (id == QLatin1String(kAgentTrace))
            continue;
        conversationShown.clear();
        ws.showTrace(id);
        QVERIFY(conversationShown.wait(10000));
        QCOMPARE(conversationShown.last().first().toString(), id);
        if (ws.conversationModel().rowCount() == 0) {
            ++emptyTraces;
            bool said = false;
            for (QLabel *label : view.findChildren<QLabel *>())
                said |= label->isVisible() && label->text() == QStringLiteral("No LLM calls in this trace.");
            QVERIFY(said);
            QVERIFY(view.turnWidget(0) == nullptr);
        } else {
            headers << ws.conversationModel().index(0, 0).data().toString();
            QCoreApplication::processEvents(); // let the new turns be laid out before the picture
            view.grab().save(screenshotDir() + QStringLiteral("/conversation-streaming.png"));
        }
    }
    QCOMPARE(emptyTraces, 1);
    QCOMPARE(headers.size(), 1);
    QVERIFY2(headers.first().contains(QStringLiteral("TTFT 840 ms")), qPrintable(headers.first()));
}

QTEST_MAIN(TestConversation)
#include "test_conversation.moc"

void TestConversation::workstationSessionReplay()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("test_conversation"));
    QSettings().clear();
    QTemporaryDir dir;
    Engine engine;
    Options options;
    options.databasePath = dir.filePath(QStringLiteral("session.db"));
    options.ingest.address.port = 0;
    QString error;
    QVERIFY2(engine.start(options, &error), qPrintable(error));
    std::vector<Span> spans = sessionTraces("chat-1", 3);
    Span lone = llmSpan("solo", 100, 200, json::array({msg("user", "alone"), msg("assistant", "yes", true)}));
    lone.traceId = "no-session";
    lone.fields.provider = "openai";
    lone.fields.finishReason = "stop";
    lone.fields.ttftMs = 50;
    lone.fields.inputTokens = 3;
    lone.fields.outputTokens = 1;
    lone.fields.costUsd = 0.001;
    lone.attributes["gen_ai.request.temperature"] = 0.2;
    spans.push_back(std::move(lone));
    QVERIFY(testing::writeAndWait(*engine.writer(), std::move(spans)).ok);

    auto ws = std::make_unique<Workstation>(engine);
    ws->window().resize(1400, 900);
    ws->window().show();
    QVERIFY(QTest::qWaitForWindowExposed(&ws->window()));
    QAbstractItemModelTester tester(&ws->conversationModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    ws->traces().refresh();
    QTRY_COMPARE_WITH_TIMEOUT(ws->traces().rowCount(), 4, 10000);
    ConversationView &view = ws->conversation();
    ws->window().traceTabs()->setCurrentWidget(&view);
    auto *scope = view.findChild<QComboBox *>(QStringLiteral("conversationScope"));
    QVERIFY(scope);
    QCOMPARE(view.scope(), ConversationView::Scope::Trace);

    // A trace without a session: the switch is off.
    QSignalSpy conversationShown(ws.get(), &Workstation::conversationShown);
    ws->showTrace(QStringLiteral("no-session"));
    QVERIFY(conversationShown.wait(10000));
    QVERIFY(!scope->isEnabled());
    QCOMPARE(ws->conversationModel().rowCount(), 1);

    // This trace: its one call, its whole prompt new.
    ws->showTrace(QStringLiteral("trace-1"));
    QTRY_COMPARE_WITH_TIMEOUT(conversationShown.last().first().toString(), QStringLiteral("trace-1"), 10000);
    QTRY_VERIFY(scope->isEnabled());
    QCOMPARE(ws->conversationModel().rowCount(), 1);
    QVERIFY(view.traceSeparators().isEmpty());

    // Whole session: every trace's call, a separator per trace, only what is new per turn.
    conversationShown.clear();
    scope->setCurrentIndex(scope->findData(int(ConversationView::Scope::Session)));
    QVERIFY(conversationShown.wait(10000));
    QCOMPARE(QSettings().value(QStringLiteral("conversation/scope")).toString(), QStringLiteral("session"));
    QCOMPARE(ws->conversationModel().rowCount(), 3);
    const QList<QLabel *> separators = view.traceSeparators();
    QCOMPARE(separators.size(), 3);
    QVERIFY(separators[1]->text().contains(QStringLiteral("turn 2")));
    QVERIFY(separators[1]->text().contains(QStringLiteral("$0.02")));
    QVERIFY(view.capNote()->isHidden());
    QStringList shown;
    for (QFrame *b : view.messageWidgets(1))
        shown << b->property("role").toString();
    QCOMPARE(shown, (QStringList{QStringLiteral("user"), QStringLiteral("assistant")}));

    // A new trace of the session arrives while it is shown: the chat follows, without another click.
    std::vector<Span> fourth;
    for (Span &span : sessionTraces("chat-1", 4))
        if (span.traceId == "trace-4")
            fourth.push_back(std::move(span));
    QVERIFY(!fourth.empty());
    QVERIFY(testing::writeAndWait(*engine.writer(), std::move(fourth)).ok);
    QTRY_COMPARE_WITH_TIMEOUT(ws->conversationModel().rowCount(), 4, 10000);
    QCOMPARE(view.traceSeparators().size(), 4);
    QCOMPARE(ws->conversationModel().turn(3).traceId, QStringLiteral("trace-4"));
    QCOMPARE(ws->shownTraceId(), QStringLiteral("trace-1"));

    // Stepping walks all turns; a turn of another trace opens that trace with its call selected.
    const auto selectedId = [&] {
        const auto data = ws->timeline().data();
        return data ? data->spanIdString(ws->timeline().selectedSpan()) : QString();
    };
    QSignalSpy traceShown(ws.get(), &Workstation::traceShown);
    view.stepForward();
    QCOMPARE(view.currentTurn(), 0);
    QCOMPARE(selectedId(), QStringLiteral("llm"));
    QCOMPARE(ws->shownTraceId(), QStringLiteral("trace-1"));
    QVERIFY(traceShown.isEmpty());
    view.stepForward();
    QVERIFY(traceShown.wait(10000));
    QCOMPARE(traceShown.last().first().toString(), QStringLiteral("trace-2"));
    QTRY_COMPARE(selectedId(), QStringLiteral("llm"));
    QCOMPARE(view.currentTurn(), 1);
    QTRY_COMPARE(conversationShown.last().first().toString(), QStringLiteral("trace-2"));
    QCOMPARE(ws->conversationModel().rowCount(), 4); // the session's conversation is kept, not reloaded
    QCOMPARE(view.currentTurn(), 1);
    view.stepBack();
    QTRY_COMPARE(ws->shownTraceId(), QStringLiteral("trace-1"));
    QTRY_COMPARE(view.currentTurn(), 0);
    // Its load answers later than shownTraceId changes: wait for it, or it would be taken for the click's.
    QTRY_COMPARE(traceShown.last().first().toString(), QStringLiteral("trace-1"));

    // Clicking a message of the second trace opens it and selects the call.
    QCoreApplication::processEvents();
    QFrame *question = view.messageWidgets(1).first();
    view.ensurePolished();
    traceShown.clear();
    QTest::mouseClick(question, Qt::LeftButton, {}, QPoint(5, 5));
    QVERIFY(traceShown.wait(10000));
    QCOMPARE(traceShown.last().first().toString(), QStringLiteral("trace-2"));
    QCOMPARE(ws->window().traceList()->selectedTraceIds(), QStringList{QStringLiteral("trace-2")});
    QTRY_COMPARE(selectedId(), QStringLiteral("llm"));
    QCOMPARE(view.currentTurn(), 1);
    QCoreApplication::processEvents();
    QVERIFY(view.grab().save(screenshotDir() + QStringLiteral("/conversation-session.png")));

    // This trace again: the selected trace alone, per-trace behaviour as before.
    conversationShown.clear();
    view.setScope(ConversationView::Scope::Trace);
    QVERIFY(conversationShown.wait(10000));
    QCOMPARE(ws->conversationModel().rowCount(), 1);
    QCOMPARE(ws->conversationModel().turn(0).traceId, QStringLiteral("trace-2"));
    QCOMPARE(ws->conversationModel().turn(0).newFrom, 0);
    QVERIFY(view.traceSeparators().isEmpty());

    // The choice is remembered by the next window.
    view.setScope(ConversationView::Scope::Session);
    QTRY_COMPARE(QSettings().value(QStringLiteral("conversation/scope")).toString(),
                 QStringLiteral("session"));
    ws.reset();
    Workstation again(engine);
    QCOMPARE(again.conversation().scope(), ConversationView::Scope::Session);
}

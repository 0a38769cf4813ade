#include "comparemodel.h"
#include "compareview.h"
#include "engine.h"
#include "mainwindow.h"
#include "messagetext.h"
#include "multirunmodel.h"
#include "multirunview.h"
#include "normalizer.h"
#include "spanalignment.h"
#include "textdiffview.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracefilereader.h"
#include "tracelistmodel.h"
#include "tracelistview.h"
#include "worddiff.h"
#include "workstation.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTimer>
#include <QWheelEvent>
#include <QtTest>

#include <map>

using namespace tracedeck;

namespace {

constexpr int64_t Ms = 1'000'000;

// A tree written as "id parent name service startMs endMs [llm]" lines keeps the cases readable.
struct Node {
    const char *id;
    const char *parent;
    const char *name;
    const char *service;
    int startMs;
    int endMs;
    bool llm = false;
};

TimelineSpans spans(std::initializer_list<Node> nodes)
{
    TimelineSpans out;
    for (const Node &n : nodes) {
        TimelineSpan s;
        s.spanId = n.id;
        s.parentSpanId = n.parent;
        s.name = n.name;
        s.service = n.service;
        s.startNs = n.startMs * Ms;
        s.endNs = n.endMs * Ms;
        if (n.llm) {
            s.category = "llm";
            s.model = "gpt-4o";
            s.inputTokens = 100;
            s.outputTokens = 10;
            s.costUsd = 0.001;
        }
        out.push_back(std::move(s));
    }
    return out;
}

std::shared_ptr<const TimelineData> build(const TimelineSpans &s)
{
    return std::make_shared<const TimelineData>(TimelineData::build(s));
}

int32_t at(const TimelineData &d, const char *id)
{
    return d.indexOf(std::string_view(id));
}

// The span ids of the right trace each left id is matched to ("" for removed).
std::map<std::string, std::string> matchesById(const TimelineData &a, const TimelineData &b,
                                               const SpanAlignment &al)
{
    std::map<std::string, std::string> out;
    for (int32_t i = 0; i < a.count(); ++i) {
        const int32_t r = al.rightOf(i);
        out[std::string(a.spanId(i))] = r < 0 ? std::string() : std::string(b.spanId(r));
        if (r >= 0)
            Q_ASSERT(al.leftOf(r) == i);
    }
    return out;
}

std::vector<std::string> ids(const TimelineData &d, const std::vector<int32_t> &indexes)
{
    std::vector<std::string> out;
    for (int32_t i : indexes)
        out.emplace_back(d.spanId(i));
    std::sort(out.begin(), out.end());
    return out;
}

// Decodes a checked-in OTLP file as the importer would (decode + normalize) into the timeline's columns.
TimelineSpans fixture(const char *name, std::vector<Span> *full = nullptr)
{
    QFile file(QStringLiteral(TRACEDECK_TEST_DATA "/compare/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", name);
    auto result = TraceFileReader::decode(file.readAll());
    const Normalizer normalizer;
    TimelineSpans out;
    for (Span &span : result.decoded.spans) {
        normalizer.normalize(span);
        TimelineSpan t;
        t.spanId = span.spanId;
        t.parentSpanId = span.parentSpanId;
        t.name = span.name;
        t.service = span.service;
        t.startNs = span.startNs;
        t.endNs = span.endNs;
        t.status = span.status;
        t.category = span.fields.category;
        t.model = span.fields.model;
        t.inputTokens = span.fields.inputTokens;
        t.outputTokens = span.fields.outputTokens;
        t.costUsd = span.fields.costUsd;
        out.push_back(std::move(t));
        if (full)
            full->push_back(span);
    }
    return out;
}

int32_t byName(const TimelineData &d, const QString &name, int nth = 0)
{
    for (int32_t i = 0; i < d.count(); ++i) {
        if (d.name(i) == name && nth-- == 0)
            return i;
    }
    return -1;
}

QString screenshotDir()
{
    const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

// A synthetic agent run: a root with `steps` children, each an LLM call or a tool with two HTTP calls.
TimelineSpans agentTree(int steps, int extraEvery)
{
    TimelineSpans t;
    auto add = [&t](std::string id, std::string parent, std::string name, std::string service, int64_t s,
                    int64_t e) {
        TimelineSpan span;
        span.spanId = std::move(id);
        span.parentSpanId = std::move(parent);
        span.name = std::move(name);
        span.service = std::move(service);
        span.startNs = s;
        span.endNs = e;
        t.push_back(std::move(span));
    };
    add("root", "", "agent", "agent", 0, int64_t(steps + 1) * 10 * Ms);
    for (int i = 0; i < steps; ++i) {
        const int64_t s = int64_t(i) * 10 * Ms;
        const std::string id = "s" + std::to_string(i);
        add(id, "root", i % 3 == 0 ? "chat" : "execute_tool t" + std::to_string(i % 7), "agent", s,
            s + 9 * Ms);
        add(id + "a", id, "GET /a", "api", s + Ms, s + 3 * Ms);
        add(id + "b", id, "GET /b", "api", s + 4 * Ms, s + 8 * Ms);
        if (extraEvery > 0 && i % extraEvery == 0)
            add(id + "x", "root", "extra", "agent", s + 9 * Ms, s + 10 * Ms);
    }
    return t;
}

} // namespace

class TestCompare : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_compare"));
        QSettings().clear();
    }

    // --- alignment on hand-made trees --------------------------------------------------------------------

    void identicalTreesMatchEverySpan()
    {
        const auto tree = spans({{"r", "", "root", "web", 0, 100},
                                 {"a", "r", "auth", "auth", 1, 10},
                                 {"b", "r", "db", "pg", 11, 20},
                                 {"c", "b", "query", "pg", 12, 19}});
        const auto a = build(tree), b = build(tree);
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.pairs().size(), std::size_t(4));
        QVERIFY(al.added().empty());
        QVERIFY(al.removed().empty());
        for (const SpanPair &p : al.pairs()) {
            QCOMPARE(p.left, p.right);
            QCOMPARE(p.match, SpanMatch::Same);
        }
    }

    void insertedSpanIsAddedAndDoesNotShiftItsSiblings()
    {
        const auto a = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"a1", "r", "step one", "svc", 1, 10},
                                    {"a2", "r", "step two", "svc", 11, 20},
                                    {"a3", "r", "step three", "svc", 21, 30}}));
        const auto b = build(spans({{"R", "", "root", "web", 0, 100},
                                    {"b1", "R", "step one", "svc", 1, 10},
                                    {"bx", "R", "retry", "svc", 11, 15},
                                    {"bxc", "bx", "GET /x", "http", 12, 14},
                                    {"b2", "R", "step two", "svc", 16, 25},
                                    {"b3", "R", "step three", "svc", 26, 35}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        const auto m = matchesById(*a, *b, al);
        QCOMPARE(m.at("r"), std::string("R"));
        QCOMPARE(m.at("a1"), std::string("b1"));
        QCOMPARE(m.at("a2"), std::string("b2"));
        QCOMPARE(m.at("a3"), std::string("b3"));
        QCOMPARE(ids(*b, al.added()), (std::vector<std::string>{"bx", "bxc"}));
        QVERIFY(al.removed().empty());
    }

    void deletedSubtreeIsRemoved()
    {
        const auto a = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"a1", "r", "plan", "agent", 1, 10},
                                    {"a2", "r", "search", "agent", 11, 20},
                                    {"a2c", "a2", "GET /search", "api", 12, 19},
                                    {"a3", "r", "answer", "agent", 21, 30}}));
        const auto b = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"b1", "r", "plan", "agent", 1, 10},
                                    {"b3", "r", "answer", "agent", 11, 30}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(ids(*a, al.removed()), (std::vector<std::string>{"a2", "a2c"}));
        QVERIFY(al.added().empty());
        QCOMPARE(matchesById(*a, *b, al).at("a3"), std::string("b3"));
    }

    void reorderedSiblingsStillMatch()
    {
        const auto a = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"x", "r", "fetch user", "svc", 1, 10},
                                    {"y", "r", "fetch cart", "svc", 11, 20},
                                    {"z", "r", "fetch prices", "svc", 21, 30}}));
        // Same calls, run in another order.
        const auto b = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"z", "r", "fetch prices", "svc", 1, 10},
                                    {"x", "r", "fetch user", "svc", 11, 20},
                                    {"y", "r", "fetch cart", "svc", 21, 30}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.pairs().size(), std::size_t(4));
        for (const char *id : {"x", "y", "z"})
            QCOMPARE(al.rightOf(at(*a, id)), at(*b, id));
    }

    void renamedServicesMatchByName()
    {
        const auto a = build(spans({{"r", "", "POST /checkout", "shop-v1", 0, 100},
                                    {"c", "r", "charge card", "payments-v1", 10, 50},
                                    {"s", "c", "POST /v1/charges", "payments-v1", 11, 49}}));
        const auto b = build(spans({{"r", "", "POST /checkout", "shop-v2", 0, 100},
                                    {"c", "r", "charge card", "billing", 10, 50},
                                    {"s", "c", "POST /v1/charges", "billing", 11, 49}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.pairs().size(), std::size_t(3));
        for (const SpanPair &p : al.pairs())
            QCOMPARE(p.match, SpanMatch::Renamed);
    }

    void llmCallsOnAnotherModelMatchByCategory()
    {
        const auto a = build(spans({{"r", "", "agent", "agent", 0, 100},
                                    {"l", "r", "chat gpt-4o", "agent", 1, 50, true},
                                    {"t", "r", "execute_tool search", "agent", 51, 60}}));
        const auto b = build(spans({{"r", "", "agent", "agent", 0, 100},
                                    {"l", "r", "chat claude-3-5-sonnet", "agent", 1, 50, true},
                                    {"t", "r", "execute_tool search", "agent", 51, 60}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.pairs().size(), std::size_t(3));
        QCOMPARE(al.rightOf(at(*a, "l")), at(*b, "l"));
        QCOMPARE(al.matchOfLeft(at(*a, "l")), SpanMatch::Category);
        // A tool with another name is not an LLM call: it stays unmatched rather than pair with anything.
        const auto c = build(spans({{"r", "", "agent", "agent", 0, 100},
                                    {"l", "r", "chat gpt-4o", "agent", 1, 50, true},
                                    {"t", "r", "execute_tool browse", "agent", 51, 60}}));
        const SpanAlignment al2 = SpanAlignment::align(*a, *c);
        QCOMPARE(ids(*a, al2.removed()), std::vector<std::string>{"t"});
        QCOMPARE(ids(*c, al2.added()), std::vector<std::string>{"t"});
    }

    void duplicateSiblingNamesAlignInOrder()
    {
        // A: chat, tool, chat. B inserts a second chat before the tool: the last chats must still pair.
        const auto a = build(spans({{"r", "", "agent", "agent", 0, 100},
                                    {"c1", "r", "chat", "agent", 1, 10, true},
                                    {"t", "r", "tool", "agent", 11, 20},
                                    {"c2", "r", "chat", "agent", 21, 30, true}}));
        const auto b = build(spans({{"r", "", "agent", "agent", 0, 100},
                                    {"d1", "r", "chat", "agent", 1, 10, true},
                                    {"d2", "r", "chat", "agent", 11, 15, true},
                                    {"u", "r", "tool", "agent", 16, 20},
                                    {"d3", "r", "chat", "agent", 21, 30, true}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        const auto m = matchesById(*a, *b, al);
        QCOMPARE(m.at("c1"), std::string("d1"));
        QCOMPARE(m.at("t"), std::string("u"));
        QCOMPARE(m.at("c2"), std::string("d3"));
        QCOMPARE(ids(*b, al.added()), std::vector<std::string>{"d2"});
    }

    void spanMovedUnderAnotherParentMatchesWhenUnique()
    {
        const auto a = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"p", "r", "load", "svc", 1, 50},
                                    {"q", "p", "SELECT orders", "pg", 2, 10},
                                    {"s", "r", "render", "svc", 51, 99}}));
        const auto b = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"p", "r", "load", "svc", 1, 50},
                                    {"s", "r", "render", "svc", 51, 99},
                                    {"q", "s", "SELECT orders", "pg", 52, 60}}));
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.rightOf(at(*a, "q")), at(*b, "q"));
        QCOMPARE(al.matchOfLeft(at(*a, "q")), SpanMatch::Moved);
        QVERIFY(al.added().empty() && al.removed().empty());
    }

    void deepAndWideTreesAlignQuickly()
    {
        // A chain 3000 deep, and a root with 20000 children of which B drops one and adds one.
        TimelineSpans deepA, deepB;
        for (int i = 0; i < 3000; ++i) {
            TimelineSpan s;
            s.spanId = "d" + std::to_string(i);
            s.parentSpanId = i ? "d" + std::to_string(i - 1) : std::string();
            s.name = "level";
            s.service = "svc";
            s.startNs = i;
            s.endNs = 10'000 - i;
            deepA.push_back(s);
            deepB.push_back(s);
        }
        deepB.pop_back();
        const auto da = build(deepA), db = build(deepB);
        const SpanAlignment deep = SpanAlignment::align(*da, *db);
        QCOMPARE(deep.pairs().size(), std::size_t(2999));
        QCOMPARE(ids(*da, deep.removed()), std::vector<std::string>{"d2999"});

        TimelineSpans wideA, wideB;
        auto add = [](TimelineSpans &t, std::string id, std::string parent, std::string name, int64_t start) {
            TimelineSpan s;
            s.spanId = std::move(id);
            s.parentSpanId = std::move(parent);
            s.name = std::move(name);
            s.service = "svc";
            s.startNs = start;
            s.endNs = start + 5;
            t.push_back(std::move(s));
        };
        add(wideA, "root", "", "root", 0);
        add(wideB, "root", "", "root", 0);
        for (int i = 0; i < 20000; ++i) {
            const std::string name = "op " + std::to_string(i % 50);
            if (i != 7000)
                add(wideA, "a" + std::to_string(i), "root", name, 10 + i * 10);
            add(wideB, "b" + std::to_string(i), "root", name, 10 + i * 10);
            if (i == 12000)
                add(wideA, "extra", "root", "gone", 10 + i * 10 + 5);
        }
        const auto wa = build(wideA), wb = build(wideB);
        QElapsedTimer timer;
        timer.start();
        const SpanAlignment wide = SpanAlignment::align(*wa, *wb);
        qInfo("wide 20k-children alignment: %lld ms (shared machine)", qlonglong(timer.elapsed()));
        QCOMPARE(ids(*wa, wide.removed()), std::vector<std::string>{"extra"});
        QCOMPARE(ids(*wb, wide.added()), std::vector<std::string>{"b7000"});
        // Positions after the insertion still pair with their own counterpart.
        QCOMPARE(std::string(wb->spanId(wide.rightOf(at(*wa, "a7001")))), std::string("b7001"));
        QCOMPARE(std::string(wb->spanId(wide.rightOf(at(*wa, "a19999")))), std::string("b19999"));
    }

    void syntheticAgentRunsWithEditsAlign()
    {
        const auto a = build(agentTree(3000, 0));
        const auto b = build(agentTree(3000, 500)); // six extra spans
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.removed().size(), std::size_t(0));
        QCOMPARE(al.added().size(), std::size_t(6));
        QCOMPARE(al.pairs().size(), std::size_t(a->count()));
    }

    // --- a real pair of runs: OpenTelemetry JS SDK, tests/e2e/agent-runs.mjs ------------------------------

    void realRunsFromTheOtelJsSdkAlign()
    {
        const auto a = build(fixture("run-a.otlp.json"));
        const auto b = build(fixture("run-b.otlp.json"));
        QCOMPARE(a->count(), 5);
        QCOMPARE(b->count(), 7);
        const SpanAlignment al = SpanAlignment::align(*a, *b);
        QCOMPARE(al.pairs().size(), std::size_t(5));
        QVERIFY(al.removed().empty());
        QStringList added;
        for (int32_t i : al.added())
            added << b->name(i);
        added.sort();
        QCOMPARE(added, (QStringList{QStringLiteral("GET /track/JD0142"),
                                     QStringLiteral("execute_tool track_shipment")}));
        // The two chats pair in order: the first with the first, the final answer with the final answer.
        QCOMPARE(al.rightOf(byName(*a, QStringLiteral("chat gpt-4o"), 0)),
                 byName(*b, QStringLiteral("chat gpt-4o"), 0));
        QCOMPARE(al.rightOf(byName(*a, QStringLiteral("chat gpt-4o"), 1)),
                 byName(*b, QStringLiteral("chat gpt-4o"), 1));

        CompareModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRuns(a, b, std::make_shared<const SpanAlignment>(al));
        QCOMPARE(model.rowCount(), 7);
        // Biggest regression first: the whole run (root), then the slower final LLM call.
        QCOMPARE(model.index(0, CompareModel::SpanColumn).data().toString(),
                 QStringLiteral("invoke_agent support-agent"));
        QCOMPARE(model.index(1, CompareModel::SpanColumn).data().toString(), QStringLiteral("chat gpt-4o"));
        QVERIFY(model.row(1).durationDelta > 50 * Ms);
        QCOMPARE(model.row(1).right, byName(*b, QStringLiteral("chat gpt-4o"), 1));
        QCOMPARE(model.row(1).tokensDelta, (598 + 27) - (471 + 15));
        QCOMPARE(model.totalsA().inputTokens, 412 + 471);
        QCOMPARE(model.totalsB().outputTokens, 61 + 27);
        QCOMPARE(model.totalsB().spans - model.totalsA().spans, 2);
        QVERIFY(model.totalsB().durationNs > model.totalsA().durationNs);

        // Their messages differ word by word: B's answer adds the scan and the day.
        std::vector<Span> fullA, fullB;
        fixture("run-a.otlp.json", &fullA);
        fixture("run-b.otlp.json", &fullB);
        auto answerOf = [](const std::vector<Span> &all) {
            QString answer;
            for (const Span &s : all) {
                if (s.name == "chat gpt-4o" &&
                    !MessageText::finalAnswer(s).startsWith(QStringLiteral("\u2192")))
                    answer = MessageText::finalAnswer(s);
            }
            return answer;
        };
        QCOMPARE(answerOf(fullA),
                 QStringLiteral("Your order #4471 is in transit with DHL. It should arrive soon."));
        QString added2;
        for (const DiffSegment &s : WordDiff::diff(answerOf(fullA), answerOf(fullB))) {
            if (s.op == DiffSegment::Added)
                added2 += s.text + u'|';
        }
        QVERIFY2(added2.contains(QStringLiteral("Leipzig")), qPrintable(added2));
        QVERIFY2(added2.contains(QStringLiteral("tomorrow")), qPrintable(added2));
    }

    // --- models --------------------------------------------------------------------------------------------

    void deltaModelSortsAndListsAddedAndRemoved()
    {
        const auto a = build(spans({{"r", "", "root", "web", 0, 100},
                                    {"f", "r", "fast", "svc", 1, 10},
                                    {"s", "r", "slow", "svc", 11, 20},
                                    {"g", "r", "gone", "svc", 21, 30},
                                    {"l", "r", "chat", "agent", 31, 40, true}}));
        const auto b = build(spans({{"r", "", "root", "web", 0, 150},
                                    {"f", "r", "fast", "svc", 1, 5},
                                    {"s", "r", "slow", "svc", 6, 60},
                                    {"n", "r", "new", "svc", 61, 70},
                                    {"l", "r", "chat", "agent", 71, 80, true}}));
        CompareModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setRuns(a, b, std::make_shared<const SpanAlignment>(SpanAlignment::align(*a, *b)));
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, CompareModel::SpanColumn).data().toString(), QStringLiteral("root"));
        QCOMPARE(model.index(1, CompareModel::SpanColumn).data().toString(), QStringLiteral("slow"));
        QCOMPARE(model.index(1, CompareModel::DurationDeltaColumn).data().toString(),
                 QStringLiteral("+45.0 ms"));
        QCOMPARE(model.index(1, CompareModel::DurationPercentColumn).data().toString(),
                 QStringLiteral("+500%"));
        QCOMPARE(model.index(1, CompareModel::DurationDeltaColumn).data(CompareModel::DeltaSignRole).toInt(),
                 1);
        const int newRow = model.rowOfRight(at(*b, "n"));
        const int goneRow = model.rowOfLeft(at(*a, "g"));
        QCOMPARE(model.index(newRow, CompareModel::ChangeColumn).data().toString(), QStringLiteral("added"));
        QCOMPARE(model.index(goneRow, CompareModel::ChangeColumn).data().toString(),
                 QStringLiteral("removed"));
        QCOMPARE(model.index(goneRow, 0).data(CompareModel::RightIndexRole).toInt(), -1);
        // The last row is the biggest improvement: "gone" (-9 ms) then "fast" (-4 ms).
        QCOMPARE(model.index(5, CompareModel::SpanColumn).data().toString(), QStringLiteral("gone"));

        // Sorting keeps persistent indexes on their rows and row lookups right.
        const QPersistentModelIndex slow = model.index(1, CompareModel::SpanColumn);
        model.sort(CompareModel::SpanColumn, Qt::AscendingOrder);
        QCOMPARE(slow.data().toString(), QStringLiteral("slow"));
        QCOMPARE(model.index(0, CompareModel::SpanColumn).data().toString(), QStringLiteral("chat"));
        // chat, fast, gone, new, root, slow
        QCOMPARE(model.rowOfRight(at(*b, "n")), 3);
        model.sort(CompareModel::DurationDeltaColumn, Qt::AscendingOrder);
        QCOMPARE(model.index(0, CompareModel::SpanColumn).data().toString(), QStringLiteral("gone"));
        QCOMPARE(model.rowOfLeft(at(*a, "g")), 0);
        for (int c = 0; c < CompareModel::ColumnCount; ++c)
            model.sort(c, Qt::DescendingOrder);
    }

    void multiRunModelShowsTotalsSideBySide()
    {
        MultiRunModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        std::vector<RunSummary> runs(3);
        const auto a = build(fixture("run-a.otlp.json"));
        const auto b = build(fixture("run-b.otlp.json"));
        runs[0] = {QStringLiteral("aaaa"), a->name(0), RunTotals::of(*a), QStringLiteral("Short answer.")};
        runs[1] = {QStringLiteral("bbbb"), b->name(0), RunTotals::of(*b), QString(300, u'x')};
        runs[2] = {QStringLiteral("cccc"), QStringLiteral("empty"), RunTotals(), QString()};
        runs[2].totals.errors = 3;
        model.setRuns(runs);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(), int(MultiRunModel::FigureCount));
        QCOMPARE(model.index(MultiRunModel::SpansFigure, 1).data().toString(), QStringLiteral("7"));
        QCOMPARE(model.index(MultiRunModel::InputTokensFigure, 0).data().toString(), QStringLiteral("883"));
        QCOMPARE(model.index(MultiRunModel::ModelsFigure, 0).data().toString(), QStringLiteral("gpt-4o"));
        const QString elided = model.index(MultiRunModel::AnswerFigure, 1).data().toString();
        QCOMPARE(elided.size(), MultiRunModel::AnswerDisplayChars);
        QVERIFY(elided.endsWith(QStringLiteral("\u2026")));
        QCOMPARE(model.index(MultiRunModel::AnswerFigure, 1).data(Qt::ToolTipRole).toString(),
                 QString(300, u'x'));
        QCOMPARE(model.index(MultiRunModel::AnswerFigure, 2).data().toString(), QStringLiteral("\u2014"));
        QVERIFY(model.headerData(0, Qt::Horizontal).toString().contains(QStringLiteral("aaaa")));
        // Lower is better: run A is fastest; errors tie at 0 for A and B, both bold (C has 3); the empty run
        // has no cost.
        QVERIFY(model.index(MultiRunModel::DurationFigure, 2).data(MultiRunModel::BestRole).toBool()); // 0 ns
        QVERIFY(!model.index(MultiRunModel::DurationFigure, 0).data(MultiRunModel::BestRole).toBool());
        QVERIFY(model.index(MultiRunModel::ErrorsFigure, 0).data(MultiRunModel::BestRole).toBool());
        QVERIFY(model.index(MultiRunModel::ErrorsFigure, 1).data(MultiRunModel::BestRole).toBool());
        QVERIFY(!model.index(MultiRunModel::ErrorsFigure, 2).data(MultiRunModel::BestRole).toBool());
        QVERIFY(model.index(MultiRunModel::ErrorsFigure, 2).data(MultiRunModel::ErrorRole).toBool());
        QVERIFY(!model.index(MultiRunModel::CostFigure, 0).data(MultiRunModel::BestRole).toBool());
    }

    // --- word diff
    // ------------------------------------------------------------------------------------------

    void wordDiffWorksOnWholeWords()
    {
        const auto d =
            WordDiff::diff(QStringLiteral("the red car stops"), QStringLiteral("the blue car stops"));
        const std::vector<DiffSegment> expected{{DiffSegment::Common, QStringLiteral("the ")},
                                                {DiffSegment::Removed, QStringLiteral("red")},
                                                {DiffSegment::Added, QStringLiteral("blue")},
                                                {DiffSegment::Common, QStringLiteral(" car stops")}};
        QCOMPARE(d, expected);
        // "cat" -> "cut" is one replaced word, not a changed letter.
        const auto w = WordDiff::diff(QStringLiteral("a cat."), QStringLiteral("a cut."));
        QCOMPARE(w.size(), std::size_t(4));
        QCOMPARE(w[1], (DiffSegment{DiffSegment::Removed, QStringLiteral("cat")}));
        QCOMPARE(w[2], (DiffSegment{DiffSegment::Added, QStringLiteral("cut")}));
        // Two neighbouring changed words read as one change per side.
        const auto two =
            WordDiff::diff(QStringLiteral("go to Oslo now"), QStringLiteral("go via Bergen now"));
        QCOMPARE(two[1], (DiffSegment{DiffSegment::Removed, QStringLiteral("to Oslo")}));
        QCOMPARE(two[2], (DiffSegment{DiffSegment::Added, QStringLiteral("via Bergen")}));
    }

    void wordDiffGivesBothTextsBack()
    {
        const QString left = QStringLiteral("system:\nYou are brief.\n\nuser:\nWhere is order #4471? Thanks");
        const QString right =
            QStringLiteral("system:\nYou are very brief!\n\nuser:\nWhere is my order #4471?");
        QString l, r;
        for (const DiffSegment &s : WordDiff::diff(left, right)) {
            if (s.op != DiffSegment::Added)
                l += s.text;
            if (s.op != DiffSegment::Removed)
                r += s.text;
        }
        QCOMPARE(l, left);
        QCOMPARE(r, right);
        QVERIFY(WordDiff::diff(QString(), QString()).empty());
        QCOMPARE(WordDiff::diff(QString(), QStringLiteral("new")),
                 (std::vector<DiffSegment>{{DiffSegment::Added, QStringLiteral("new")}}));
    }

    void messageTextReadsRolesToolCallsAndAnswer()
    {
        Span span;
        using nlohmann::json;
        span.fields.messages = json::array(
            {json{{"role", "system"}, {"content", "Be brief."}},
             json{{"role", "tool"}, {"content", "{\"ok\":true}"}, {"tool_call_id", "call_1"}},
             json{{"role", "assistant"},
                  {"content", ""},
                  {"tool_calls",
                   json::array({json{{"id", "c2"}, {"name", "lookup"}, {"arguments", {{"id", 7}}}}})},
                  {"output", true}},
             json{{"role", "assistant"}, {"content", "Done."}, {"output", true}}});
        QCOMPARE(MessageText::input(span),
                 QStringLiteral("system:\nBe brief.\n\ntool: [call_1]\n{\"ok\":true}"));
        QCOMPARE(MessageText::output(span),
                 QStringLiteral("assistant:\n\u2192 lookup({\"id\":7})\n\nassistant:\nDone."));
        QCOMPARE(MessageText::finalAnswer(span), QStringLiteral("Done."));
    }

    // --- the compare view, offscreen ----------------------------------------------------------------------

    void compareViewLinksSelectionAndSharesTheAxis()
    {
        const auto a = build(fixture("run-a.otlp.json"));
        const auto b = build(fixture("run-b.otlp.json"));
        CompareView view;
        view.resize(1500, 900);
        view.setRuns(QStringLiteral("run-a"), QStringLiteral("run-b"), a, b,
                     std::make_shared<const SpanAlignment>(SpanAlignment::align(*a, *b)));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        TimelineView *left = view.leftTimeline();
        TimelineView *right = view.rightTimeline();

        // One axis: the longer run's duration, on both sides.
        const double extent = double(b->traceEndNs() - b->traceStartNs());
        QCOMPARE(left->visibleEnd(), extent);
        QCOMPARE(right->visibleEnd(), extent);

        // Added spans are marked on the right; nothing is removed on the left.
        const int added = byName(*b, QStringLiteral("execute_tool track_shipment"));
        QCOMPARE(right->spanMark(added), TimelineView::AddedMark);
        for (int i = 0; i < a->count(); ++i)
            QCOMPARE(left->spanMark(i), TimelineView::NoMark);

        // Clicking the final LLM call on the left selects its match on the right and its table row.
        QSignalSpy llmPair(&view, &CompareView::llmPairSelected);
        const int finalA = byName(*a, QStringLiteral("chat gpt-4o"), 1);
        const int finalB = byName(*b, QStringLiteral("chat gpt-4o"), 1);
        const QRect bar = left->spanRect(finalA);
        QVERIFY(!bar.isEmpty());
        QTest::mouseClick(left->viewport(), Qt::LeftButton, {}, bar.center());
        QCOMPARE(left->selectedSpan(), finalA);
        QCOMPARE(right->selectedSpan(), finalB);
        QVERIFY(!right->spanRect(finalB).isEmpty()); // scrolled into view
        const QModelIndex current = view.deltaTable()->currentIndex();
        QCOMPARE(current.data(CompareModel::LeftIndexRole).toInt(), finalA);
        QCOMPARE(current.data(CompareModel::RightIndexRole).toInt(), finalB);
        QCOMPARE(llmPair.size(), 1);
        QCOMPARE(llmPair.first().at(0).toInt(), finalA);
        QCOMPARE(llmPair.first().at(1).toInt(), finalB);
        view.setMessages(finalA, finalB, QStringLiteral("user:\nWhere is it?"), QStringLiteral("It is late."),
                         QStringLiteral("user:\nWhere is it?"), QStringLiteral("It is very late."));
        QCOMPARE(view.textDiff()->addedWords(), 1);
        QCOMPARE(view.textDiff()->removedWords(), 0);
        QVERIFY(view.textDiff()->rightEdit()->toPlainText().contains(QStringLiteral("very late")));
        // A stale answer for another pair is dropped.
        view.setMessages(0, 0, QString(), QStringLiteral("x"), QString(), QStringLiteral("y"));
        QCOMPARE(view.textDiff()->addedWords(), 1);

        // Selecting the added span on the right clears the left selection.
        QTest::mouseClick(right->viewport(), Qt::LeftButton, {}, right->spanRect(added).center());
        QCOMPARE(right->selectedSpan(), added);
        QCOMPARE(left->selectedSpan(), -1);
        QVERIFY(view.textDiff()->message().contains(QStringLiteral("only in B")));

        // Picking a table row selects both sides.
        const int rootRow = view.model()->rowOfLeft(0);
        view.deltaTable()->selectionModel()->setCurrentIndex(
            view.model()->index(rootRow, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QCOMPARE(left->selectedSpan(), 0);
        QCOMPARE(right->selectedSpan(), 0);

        // Zooming one side zooms the other; panning the other pans the first.
        QSignalSpy leftRange(left, &TimelineView::visibleRangeChanged);
        const QPoint centre = left->viewport()->rect().center();
        QWheelEvent wheel(centre, left->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, 480),
                          Qt::NoButton, Qt::ControlModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(left->viewport(), &wheel);
        QVERIFY(left->visibleEnd() - left->visibleStart() < extent * 0.7);
        QCOMPARE(right->visibleStart(), left->visibleStart());
        QCOMPARE(right->visibleEnd(), left->visibleEnd());
        QVERIFY(!leftRange.isEmpty());
        const double before = left->visibleStart();
        QWheelEvent pan(centre, right->viewport()->mapToGlobal(centre), QPoint(), QPoint(0, -240),
                        Qt::NoButton, Qt::ShiftModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(right->viewport(), &pan);
        QVERIFY(right->visibleStart() != before);
        QCOMPARE(left->visibleStart(), right->visibleStart());
        QCOMPARE(left->visibleEnd(), right->visibleEnd());

        left->zoomToFit();
        QCOMPARE(right->visibleEnd(), extent);
        QTest::mouseClick(left->viewport(), Qt::LeftButton, {}, left->spanRect(finalA).center());
        view.setMessages(
            finalA, finalB, QStringLiteral("system:\nYou are a support agent.\n\nuser:\nWhere is my order?"),
            QStringLiteral("assistant:\nYour order is in transit. It should arrive soon."),
            QStringLiteral("system:\nYou are a support agent.\n\nuser:\nWhere is my "
                           "order?\n\ntool:\n{\"eta\":\"tomorrow\"}"),
            QStringLiteral("assistant:\nYour order is in transit. It was last scanned at the Leipzig hub "
                           "and should arrive tomorrow."));
        QCoreApplication::processEvents();
        QTest::mouseMove(left->viewport(), QPoint(5, 5));
        QVERIFY(view.grab().save(screenshotDir() + QStringLiteral("/compare-view.png")));
    }

    // --- wired in the workstation: real store, reader thread, list actions ------------------------------

    void workstationComparesSelectedTraces()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        Engine engine;
        Options options;
        options.databasePath = dir.filePath(QStringLiteral("compare.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        {
            Workstation workstation(engine);
            MainWindow &window = workstation.window();
            window.resize(1600, 1000);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            QSignalSpy imported(&workstation, &Workstation::importFinished);
            workstation.importFiles({QStringLiteral(TRACEDECK_TEST_DATA "/compare/run-a.otlp.json"),
                                     QStringLiteral(TRACEDECK_TEST_DATA "/compare/run-b.otlp.json")});
            QVERIFY(imported.wait(10000));
            workstation.loadSamples();
            QVERIFY(imported.wait(10000));
            TraceListModel &traces = workstation.traces();
            QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 5, 10000);

            // Ctrl+D with one trace selected explains what to do.
            TraceListView *list = window.traceList();
            list->selectionModel()->setCurrentIndex(traces.index(0, 0), QItemSelectionModel::ClearAndSelect |
                                                                            QItemSelectionModel::Rows);
            window.compareAction()->trigger();
            QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("two or more")));

            // Two runs of the agent selected, then Compare: a tab opens beside the trace detail.
            auto rowOfSession = [&](const char *root, int nth) {
                for (int row = 0; row < traces.rowCount(); ++row) {
                    if (traces.index(row, int(TraceColumn::Root))
                            .data()
                            .toString()
                            .contains(QLatin1String(root)) &&
                        nth-- == 0)
                        return row;
                }
                return -1;
            };
            const int rowA = rowOfSession("invoke_agent", 0);
            const int rowB = rowOfSession("invoke_agent", 1);
            QVERIFY(rowA >= 0 && rowB >= 0);
            QItemSelection both;
            both.select(traces.index(rowA, 0), traces.index(rowA, traces.columnCount() - 1));
            both.select(traces.index(rowB, 0), traces.index(rowB, traces.columnCount() - 1));
            list->selectionModel()->select(both, QItemSelectionModel::ClearAndSelect);
            QCOMPARE(list->selectedTraceIds().size(), 2);
            std::vector<CompareView *> compared;
            connect(&workstation, &Workstation::comparisonShown, this,
                    [&](CompareView *v) { compared.push_back(v); });
            window.compareAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(compared.size(), std::size_t(1), 10000);
            CompareView *view = compared.front();
            QVERIFY(view);
            QCOMPARE(window.detailTabs()->count(), 2);
            QCOMPARE(window.detailTabs()->currentWidget(), view);
            // The earlier run is A: run-a was traced first.
            QCOMPARE(view->model()->left()->count(), 5);
            QCOMPARE(view->model()->right()->count(), 7);
            QCOMPARE(view->model()->rowCount(), 7);

            // Selecting the final LLM call loads both spans' messages on the reader thread and diffs them.
            QSignalSpy messages(&workstation, &Workstation::compareMessagesShown);
            const auto a = view->model()->left();
            view->leftTimeline()->selectSpan(byName(*a, QStringLiteral("chat gpt-4o"), 1));
            QVERIFY(messages.wait(10000));
            TextDiffView *diff = view->textDiff();
            QVERIFY(diff->addedWords() > 0);
            QVERIFY(diff->rightEdit()->toPlainText().contains(QStringLiteral("Leipzig")));
            QVERIFY(!diff->leftEdit()->toPlainText().contains(QStringLiteral("Leipzig")));
            QCoreApplication::processEvents();
            QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/compare-workstation.png")));

            // "Compare with…": pick mode, then a click on the other trace.
            list->selectionModel()->setCurrentIndex(
                traces.index(rowA, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            // From the row's context menu (the menu runs modally: its action is picked once it shows).
            QStringList menuTexts;
            QTimer::singleShot(0, this, [&menuTexts] {
                auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
                if (!menu)
                    return;
                for (QAction *action : menu->actions()) {
                    menuTexts << action->text();
                    if (action->text().startsWith(QStringLiteral("Compare with")))
                        action->trigger();
                }
                menu->close();
            });
            const QPoint rowAPos = list->visualRect(traces.index(rowA, 1)).center();
            QContextMenuEvent menuEvent(QContextMenuEvent::Mouse, rowAPos,
                                        list->viewport()->mapToGlobal(rowAPos));
            QApplication::sendEvent(list->viewport(), &menuEvent);
            QVERIFY2(menuTexts.size() == 2, qPrintable(menuTexts.join(u'|')));
            QCOMPARE(list->comparePickTrace(),
                     traces.index(rowA, 0).data(TraceListModel::TraceIdRole).toString());
            QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("click the other trace")));
            const QRect cell = list->visualRect(traces.index(rowB, 1));
            QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
            QTRY_COMPARE_WITH_TIMEOUT(compared.size(), std::size_t(2), 10000);
            QCOMPARE(window.detailTabs()->count(), 3);
            QVERIFY(list->comparePickTrace().isEmpty());

            // Three traces: a table of totals, one column per run.
            QItemSelection three = both;
            const int rowC = rowOfSession("support ticket", 0);
            QVERIFY(rowC >= 0);
            three.select(traces.index(rowC, 0), traces.index(rowC, traces.columnCount() - 1));
            list->selectionModel()->select(three, QItemSelectionModel::ClearAndSelect);
            MultiRunView *table = nullptr;
            connect(&workstation, &Workstation::runsShown, this, [&](MultiRunView *v) { table = v; });
            window.compareAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(table != nullptr, 10000);
            QCOMPARE(table->model()->columnCount(), 3);
            QStringList answers;
            for (int c = 0; c < 3; ++c)
                answers
                    << table->model()->index(MultiRunModel::AnswerFigure, c).data(Qt::ToolTipRole).toString();
            QVERIFY2(answers.join(u'|').contains(QStringLiteral("Leipzig hub")),
                     qPrintable(answers.join(u'|')));
            QVERIFY2(answers.join(u'|').contains(QStringLiteral("JD0142")), qPrintable(answers.join(u'|')));
            QCoreApplication::processEvents();
            QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/compare-nway.png")));

            // Closing a compare tab keeps the trace tab.
            Q_EMIT window.detailTabs()->tabCloseRequested(1);
            QCOMPARE(window.detailTabs()->count(), 3);
            QCOMPARE(window.detailTabs()->tabText(0), QStringLiteral("Trace"));
        }
        engine.stop();
    }

    // Two sessions of a chat agent (one trace per turn; the second session has one turn more), compared
    // from one selected trace of each: every trace of a session under one root, aligned turn by turn, and a
    // matched LLM call's messages found through its own trace although span ids repeat across traces.
    void workstationComparesTwoSessions()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        using nlohmann::json;
        const auto attr = [](const char *key, const std::string &value) {
            return json{{"key", key}, {"value", {{"stringValue", value}}}};
        };
        json spans = json::array();
        int64_t start = 1'796'000'000'000'000'000;
        int traceNo = 0;
        const std::vector<std::pair<std::string, std::vector<std::string>>> sessions = {
            {"chat-a", {"hello", "weather in Lyon"}}, {"chat-b", {"hello", "weather in Lyon", "thanks"}}};
        for (const auto &[session, turns] : sessions) {
            for (const std::string &turn : turns) {
                const std::string traceId =
                    QByteArray::number(0xabc000 + ++traceNo, 16).rightJustified(32, '0').toStdString();
                const std::string answer = "answer to " + turn + " from " + session;
                const std::string input =
                    json::array({{{"role", "user"}, {"parts", {{{"type", "text"}, {"content", turn}}}}}})
                        .dump();
                const std::string output =
                    json::array(
                        {{{"role", "assistant"}, {"parts", {{{"type", "text"}, {"content", answer}}}}}})
                        .dump();
                spans.push_back({{"traceId", traceId},
                                 {"spanId", "0000000000000001"},
                                 {"name", "turn"},
                                 {"startTimeUnixNano", std::to_string(start)},
                                 {"endTimeUnixNano", std::to_string(start + 900'000'000)},
                                 {"attributes", json::array({attr("session.id", session)})}});
                spans.push_back({{"traceId", traceId},
                                 {"spanId", "0000000000000002"},
                                 {"parentSpanId", "0000000000000001"},
                                 {"name", "chat gpt-4o"},
                                 {"startTimeUnixNano", std::to_string(start + 100'000'000)},
                                 {"endTimeUnixNano", std::to_string(start + 800'000'000)},
                                 {"attributes", json::array({attr("session.id", session),
                                                             attr("gen_ai.operation.name", "chat"),
                                                             attr("gen_ai.request.model", "gpt-4o"),
                                                             attr("gen_ai.input.messages", input),
                                                             attr("gen_ai.output.messages", output)})}});
                start += 2'000'000'000;
            }
        }
        const json file = {{"resourceSpans",
                            {{{"resource", {{"attributes", {attr("service.name", "chat-agent")}}}},
                              {"scopeSpans", {{{"spans", spans}}}}}}}};
        const QString path = dir.filePath(QStringLiteral("sessions.otlp.json"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(QByteArray::fromStdString(file.dump()));
        }

        Engine engine;
        Options options;
        options.databasePath = dir.filePath(QStringLiteral("sessions.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        {
            Workstation workstation(engine);
            MainWindow &window = workstation.window();
            window.resize(1600, 1000);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QSignalSpy imported(&workstation, &Workstation::importFinished);
            workstation.importFiles({path});
            QVERIFY(imported.wait(10000));
            TraceListModel &traces = workstation.traces();
            QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 5, 10000);
            std::map<std::string, std::vector<int>> rowsOf;
            for (int row = 0; row < traces.rowCount(); ++row)
                rowsOf[traces.trace(row)->sessionId].push_back(row);
            QCOMPARE(rowsOf["chat-a"].size(), std::size_t(2));
            QCOMPARE(rowsOf["chat-b"].size(), std::size_t(3));
            TraceListView *list = window.traceList();
            const auto select = [&](std::initializer_list<int> rows) {
                QItemSelection selection;
                for (int row : rows)
                    selection.select(traces.index(row, 0), traces.index(row, traces.columnCount() - 1));
                list->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
            };

            // Traces of one session only: explained, nothing opens.
            select({rowsOf["chat-b"][0], rowsOf["chat-b"][1]});
            window.compareSessionsAction()->trigger();
            QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("exactly two sessions")),
                     qPrintable(window.statusBar()->currentMessage()));
            QCOMPARE(window.detailTabs()->count(), 1);

            // One trace of each (B's picked first): A is the earlier session.
            select({rowsOf["chat-b"][2], rowsOf["chat-a"][0]});
            std::vector<CompareView *> compared;
            connect(&workstation, &Workstation::comparisonShown, this,
                    [&](CompareView *v) { compared.push_back(v); });
            window.compareSessionsAction()->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(compared.size(), std::size_t(1), 10000);
            CompareView *view = compared.front();
            QCOMPARE(view->leftTraceId(), QStringLiteral("session chat-a"));
            QCOMPARE(view->rightTraceId(), QStringLiteral("session chat-b"));
            const auto a = view->model()->left();
            const auto b = view->model()->right();
            QCOMPARE(a->count(), 1 + 2 * 2); // the session root, then a turn and its LLM call per trace
            QCOMPARE(b->count(), 1 + 3 * 2);
            const SpanAlignment &alignment = *view->model()->alignment();
            QCOMPARE(alignment.pairs().size(), std::size_t(5));
            QCOMPARE(alignment.added().size(), std::size_t(2)); // B's third turn
            QVERIFY(alignment.removed().empty());
            QCOMPARE(window.detailTabs()->tabText(1), QStringLiteral("Sessions chat-a ⇄ chat-b"));

            // The second turn's LLM call: both sides' messages come from their own traces.
            QSignalSpy messages(&workstation, &Workstation::compareMessagesShown);
            view->leftTimeline()->selectSpan(byName(*a, QStringLiteral("chat gpt-4o"), 1));
            QVERIFY(messages.wait(10000));
            const QString left = view->textDiff()->leftEdit()->toPlainText();
            const QString right = view->textDiff()->rightEdit()->toPlainText();
            QVERIFY2(left.contains(QStringLiteral("weather in Lyon from chat-a")), qPrintable(left));
            QVERIFY2(right.contains(QStringLiteral("weather in Lyon from chat-b")), qPrintable(right));
            QCoreApplication::processEvents();
            QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/compare-sessions.png")));
        }
        engine.stop();
    }
};

QTEST_MAIN(TestCompare)
#include "test_compare.moc"

#include "timelinedata.h"
#include "timelinerows.h"
#include "timelinerunindex.h"
#include "timelineview.h"

#include <QNativeGestureEvent>
#include <QPointingDevice>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include <algorithm>
#include <random>

using namespace tracedeck;

namespace {

constexpr int64_t Ms = 1000000;

TimelineSpan makeSpan(const std::string &id, const std::string &parent, int64_t start, int64_t end,
                      const std::string &name = "op", const std::string &service = "svc")
{
    TimelineSpan s;
    s.spanId = id;
    s.parentSpanId = parent;
    s.name = name;
    s.service = service;
    s.startNs = start;
    s.endNs = end;
    return s;
}

std::shared_ptr<const TimelineData> share(const TimelineSpans &spans)
{
    return std::make_shared<const TimelineData>(TimelineData::build(spans));
}

int32_t indexOf(const TimelineData &d, const char *id)
{
    return d.indexOf(std::string_view(id));
}

// A checkout request across four services, with LLM calls, errors and a burst of tiny cache lookups.
TimelineSpans realisticTrace()
{
    TimelineSpans t;
    auto add = [&t](const char *id, const char *parent, double startMs, double endMs, const char *name,
                    const char *service) -> TimelineSpan & {
        t.push_back(makeSpan(id, parent, static_cast<int64_t>(startMs * Ms), static_cast<int64_t>(endMs * Ms),
                             name, service));
        return t.back();
    };
    auto llm = [](TimelineSpan &s, const char *category, const char *model, int64_t in, int64_t out,
                  double cost) {
        s.category = category;
        s.model = model;
        s.inputTokens = in;
        if (out >= 0)
            s.outputTokens = out;
        s.costUsd = cost;
    };
    add("root", "", 0, 820, "GET /checkout", "web-gateway");
    add("auth", "root", 5, 25, "auth.verify", "web-gateway");
    add("cart", "root", 30, 800, "POST /cart/checkout", "checkout");
    add("q1", "cart", 35, 60, "SELECT cart", "checkout");
    for (int i = 0; i < 8; ++i) {
        const std::string id = "redis" + std::to_string(i);
        t.push_back(
            makeSpan(id, "q1", 36 * Ms + i * 200000, 36 * Ms + i * 200000 + 40000, "redis.get", "checkout"));
    }
    add("q2", "cart", 62, 90, "SELECT items", "checkout");
    add("inv", "cart", 95, 180, "inventory.reserve", "checkout").status = SpanStatus::Error;
    add("stock", "inv", 100, 170, "UPDATE stock", "checkout").status = SpanStatus::Error;
    add("agent", "cart", 190, 620, "agent.recommend", "llm-agent");
    llm(add("embed", "agent", 195, 230, "embeddings", "llm-agent"), "embedding", "text-embedding-3-small",
        512, -1, 0.00001);
    add("vec", "agent", 232, 270, "vector.search", "llm-agent");
    llm(add("chat1", "agent", 275, 540, "chat", "llm-agent"), "llm", "gpt-4o", 1850, 320, 0.0142);
    add("tool", "agent", 545, 580, "tool.lookup_price", "llm-agent");
    llm(add("chat2", "agent", 582, 615, "chat", "llm-agent"), "llm", "gpt-4o-mini", 2210, 96, 0.0004);
    add("pay", "cart", 630, 790, "payments.charge", "payments");
    add("fraud", "pay", 635, 690, "fraud.score", "payments");
    add("intent", "pay", 695, 780, "stripe.create_intent", "payments");
    add("http1", "intent", 700, 735, "POST api.stripe.com", "payments").status = SpanStatus::Error;
    add("http2", "intent", 740, 778, "POST api.stripe.com (retry)", "payments");
    add("cache", "cart", 792, 798, "cache.set", "checkout");
    add("flush", "root", 805, 815, "log.flush", "web-gateway");
    return t;
}

// Random forests: parents always earlier in the list, a few orphans.
TimelineSpans randomTrace(int n, std::mt19937 &rng)
{
    TimelineSpans spans;
    std::uniform_int_distribution<int64_t> startDist(0, 1000000);
    std::uniform_int_distribution<int64_t> lengthDist(0, 50000);
    for (int i = 0; i < n; ++i) {
        std::string parent;
        if (i > 0 && rng() % 10 != 0)
            parent = "s" + std::to_string(rng() % i);
        if (rng() % 50 == 0)
            parent = "missing";
        const int64_t start = startDist(rng);
        spans.push_back(makeSpan("s" + std::to_string(i), parent, start, start + lengthDist(rng)));
    }
    return spans;
}

std::string hexId(uint32_t k)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016x", k * 2654435761u);
    return buffer;
}

QWheelEvent ctrlWheel(const QPointF &pos, const QPointF &global, int delta)
{
    return QWheelEvent(pos, global, QPoint(), QPoint(0, delta), Qt::NoButton, Qt::ControlModifier,
                       Qt::NoScrollPhase, false);
}

} // namespace

class TestTimeline : public QObject {
    Q_OBJECT
private:
    void showView(TimelineView &view, const TimelineSpans &spans)
    {
        view.resize(1600, 600);
        view.setData(share(spans));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
    }

private Q_SLOTS:
    // --- data ---

    void nestsDepthFirstWithChildrenByStart()
    {
        const TimelineData d = TimelineData::build({
            makeSpan("b", "a", 10, 50),
            makeSpan("a", "", 0, 100),
            makeSpan("d", "c", 6, 8),
            makeSpan("c", "a", 5, 20),
            makeSpan("r2", "", 200, 300),
        });
        QCOMPARE(d.count(), 5);
        const char *order[] = {"a", "c", "d", "b", "r2"};
        for (int i = 0; i < 5; ++i)
            QCOMPARE(d.spanId(i), std::string_view(order[i]));
        QCOMPARE(d.parent(indexOf(d, "c")), indexOf(d, "a"));
        QCOMPARE(d.parent(indexOf(d, "d")), indexOf(d, "c"));
        QCOMPARE(d.parent(indexOf(d, "r2")), -1);
        QCOMPARE(d.depth(indexOf(d, "d")), 2);
        QCOMPARE(d.subtreeEnd(indexOf(d, "a")), 4);
        QCOMPARE(d.firstChild(indexOf(d, "a")), indexOf(d, "c"));
        QCOMPARE(d.nextSibling(indexOf(d, "c")), indexOf(d, "b"));
        QCOMPARE(d.nextSibling(indexOf(d, "b")), -1);
        QCOMPARE(d.nextSibling(indexOf(d, "a")), indexOf(d, "r2"));
        QCOMPARE(d.indexOf("nope"), -1);
        QCOMPARE(d.traceStartNs(), int64_t(0));
        QCOMPARE(d.traceEndNs(), int64_t(300));
    }

    void orphansAndCyclesBecomeRoots()
    {
        const TimelineData d = TimelineData::build({
            makeSpan("orphan", "missing", 0, 10),
            makeSpan("p", "r", 30, 40),
            makeSpan("q", "p", 10, 60),
            makeSpan("r", "q", 20, 50),
            makeSpan("self", "self", 5, 6),
        });
        QCOMPARE(d.count(), 5);
        QCOMPARE(d.parent(indexOf(d, "orphan")), -1);
        QCOMPARE(d.parent(indexOf(d, "self")), -1);
        // The cycle p -> r -> q -> p is broken at its earliest span, q.
        QCOMPARE(d.parent(indexOf(d, "q")), -1);
        QCOMPARE(d.parent(indexOf(d, "r")), indexOf(d, "q"));
        QCOMPARE(d.parent(indexOf(d, "p")), indexOf(d, "r"));
        QCOMPARE(d.subtreeEnd(indexOf(d, "q")), indexOf(d, "q") + 3);
    }

    void duplicateIdsZeroLengthAndReversedTimes()
    {
        TimelineSpans spans{makeSpan("dup", "", 0, 100), makeSpan("dup", "", 50, 60),
                            makeSpan("kid", "dup", 10, 5), makeSpan("zero", "dup", 20, 20)};
        spans[0].status = SpanStatus::Error;
        const TimelineData d = TimelineData::build(spans);
        QCOMPARE(d.count(), 4);
        const int32_t first = d.indexOf("dup");
        QCOMPARE(d.startNs(first), int64_t(0));
        QVERIFY(d.isError(first));
        QCOMPARE(d.parent(indexOf(d, "kid")), first);
        QCOMPARE(d.parent(indexOf(d, "zero")), first);
        QCOMPARE(d.durationNs(indexOf(d, "kid")), int64_t(0)); // end < start clamped to start
        QCOMPARE(d.durationNs(indexOf(d, "zero")), int64_t(0));
        QCOMPARE(d.parent(3), -1); // the second "dup" is a root of its own, shown last
        QCOMPARE(d.startNs(3), int64_t(50));
    }

    void deepChainBuildsWithoutRecursion()
    {
        TimelineSpans spans;
        const int n = 200000;
        for (int i = 0; i < n; ++i)
            spans.push_back(
                makeSpan(std::to_string(i), i ? std::to_string(i - 1) : std::string(), i, 2 * n - i));
        const TimelineData d = TimelineData::build(spans);
        QCOMPARE(d.subtreeEnd(0), n);
        QCOMPARE(d.parent(n - 1), n - 2);
        QCOMPARE(d.depth(n - 1), 255); // saturates; the tree itself is exact
        QCOMPARE(d.criticalPathIndexes().size(), std::size_t(n));
    }

    void selfTimeSubtractsUnionOfClippedChildren()
    {
        const TimelineData d = TimelineData::build({
            makeSpan("p", "", 0, 100),
            makeSpan("c1", "p", 10, 30),
            makeSpan("c2", "p", 20, 40),
            makeSpan("c3", "p", 90, 120),
            makeSpan("g", "c1", 12, 14),
        });
        QCOMPARE(d.selfTimeNs(indexOf(d, "p")), int64_t(100 - 30 - 10));
        QCOMPARE(d.selfTimeNs(indexOf(d, "c1")), int64_t(18));
        QCOMPARE(d.selfTimeNs(indexOf(d, "c3")), int64_t(30));
    }

    void criticalPathFollowsLastFinishingChild()
    {
        const TimelineData d = TimelineData::build({
            makeSpan("root", "", 0, 100),
            makeSpan("a", "root", 0, 40),
            makeSpan("b", "root", 30, 90),
            makeSpan("c", "b", 35, 60),
            makeSpan("early", "", 0, 10),
        });
        std::vector<int32_t> expected{indexOf(d, "root"), indexOf(d, "b"), indexOf(d, "c")};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(d.criticalPathIndexes(), expected);
        QVERIFY(!d.isOnCriticalPath(indexOf(d, "a")));
        QVERIFY(!d.isOnCriticalPath(indexOf(d, "early")));
        auto sections = [&](const char *id) {
            std::vector<std::pair<int64_t, int64_t>> result;
            for (const TimelineCriticalSection &section : d.criticalSections(indexOf(d, id)))
                result.emplace_back(section.fromNs, section.toNs);
            return result;
        };
        using Sections = std::vector<std::pair<int64_t, int64_t>>;
        QCOMPARE(sections("root"), (Sections{{90, 100}, {0, 30}}));
        QCOMPARE(sections("b"), (Sections{{60, 90}, {30, 35}}));
        QCOMPARE(sections("c"), (Sections{{35, 60}}));
        QVERIFY(sections("a").empty());
    }

    void criticalPathThroughManySequentialChildrenIsLinear()
    {
        // 100k back-to-back children: each one is critical; a quadratic walk would not finish in time.
        TimelineSpans spans{makeSpan("root", "", 0, 1000000)};
        for (int i = 0; i < 100000; ++i)
            spans.push_back(makeSpan("c" + std::to_string(i), "root", i * 10, i * 10 + 9));
        const TimelineData d = TimelineData::build(spans);
        QCOMPARE(d.criticalPathIndexes().size(), std::size_t(100001));
        QCOMPARE(d.criticalSections(0).size(), std::size_t(100001)); // the gaps between the children
    }

    void llmSideTableAndServiceColours()
    {
        const TimelineData d = TimelineData::build(realisticTrace());
        const int32_t chat = indexOf(d, "chat1");
        QVERIFY(d.isLlm(chat));
        const TimelineLlmInfo *info = d.llmInfo(chat);
        QVERIFY(info);
        QCOMPARE(d.modelName(info->model), QStringLiteral("gpt-4o"));
        QCOMPARE(info->inputTokens, int64_t(1850));
        QCOMPARE(info->outputTokens, int64_t(320));
        QVERIFY(d.llmInfo(indexOf(d, "embed"))->embedding);
        QVERIFY(!d.isLlm(indexOf(d, "vec")));
        QCOMPARE(d.llmInfo(indexOf(d, "vec")), nullptr);
        QCOMPARE(d.serviceCount(), 4);
        // Four services, four distinct colours, the same in every build of the same data.
        const TimelineData again = TimelineData::build(realisticTrace());
        QSet<int> colours;
        for (int s = 0; s < d.serviceCount(); ++s) {
            colours.insert(d.colourIndex(s));
            QCOMPARE(again.colourIndex(s), d.colourIndex(s));
        }
        QCOMPARE(colours.size(), 4);
    }

    void windowQueryMatchesBruteForce()
    {
        std::mt19937 rng(7);
        const auto data = share(randomTrace(3000, rng));
        TimelineRows rows(data);
        for (int round = 0; round < 40; ++round) {
            if (round % 4 == 1) {
                for (int k = 0; k < 20; ++k)
                    rows.setCollapsed(static_cast<int32_t>(rng() % data->count()), true);
            } else if (round % 4 == 3) {
                rows.expandAll();
            }
            // Visible rows by definition: spans with no collapsed ancestor, in index order.
            std::vector<int32_t> visible;
            for (int32_t i = 0; i < data->count(); ++i) {
                bool hidden = false;
                for (int32_t p = data->parent(i); p != -1 && !hidden; p = data->parent(p))
                    hidden = rows.isCollapsed(p);
                if (!hidden)
                    visible.push_back(i);
            }
            QCOMPARE(rows.rowCount(), static_cast<int>(visible.size()));
            const int64_t t0 = static_cast<int64_t>(rng() % 1000000);
            const int64_t t1 = t0 + static_cast<int64_t>(rng() % 200000);
            const int firstRow = static_cast<int>(rng() % visible.size());
            const int lastRow = firstRow + static_cast<int>(rng() % 400);
            std::vector<int32_t> expected;
            for (int r = firstRow; r < std::min<int>(lastRow, static_cast<int>(visible.size())); ++r) {
                const int32_t i = visible[r];
                if (data->startNs(i) <= t1 && data->endNs(i) >= t0)
                    expected.push_back(i);
            }
            QCOMPARE(rows.spansInWindow(t0, t1, firstRow, lastRow), expected);
            for (int32_t i : expected)
                QCOMPARE(rows.indexAt(rows.rowOf(i)), i);
        }
    }

    void mergedRunsMatchBruteForce()
    {
        std::mt19937 rng(11);
        TimelineSpans spans{makeSpan("root", "", 0, 1000000)};
        for (int i = 0; i < 2000; ++i) {
            const int64_t start = rng() % 1000000;
            spans.push_back(makeSpan("c" + std::to_string(i), i % 3 ? "root" : "c" + std::to_string(i / 2),
                                     start,
                                     start + (rng() % 4 ? int64_t(rng() % 300) : int64_t(rng() % 40000))));
        }
        const TimelineData d = TimelineData::build(spans);
        const int width = 800;
        const double t0 = 100000, nsPerPx = 700000.0 / width;
        std::vector<int> coverage(width + 1, 0);
        std::vector<std::pair<int, int>> marks;
        for (int32_t j = 1; j < d.subtreeEnd(0); ++j) {
            const double s = double(d.startNs(j)), e = double(d.endNs(j));
            if (e < t0 || s > t0 + width * nsPerPx)
                continue;
            const int c0 = std::clamp(int(std::floor((s - t0) / nsPerPx)), 0, width - 1);
            const int c1 = std::clamp(int(std::ceil((e - t0) / nsPerPx)), c0 + 1, width);
            marks.push_back({c0, c1});
            for (int c = c0; c < c1; ++c)
                ++coverage[c];
        }
        const std::vector<TimelineRun> runs = d.subtreeRuns(0, t0, nsPerPx, width);
        int32_t total = 0;
        for (std::size_t k = 0; k < runs.size(); ++k) {
            const TimelineRun &run = runs[k];
            QVERIFY(run.x0 < run.x1);
            if (k)
                QVERIFY(runs[k - 1].x1 < run.x0); // runs are separated by at least one empty column
            for (int c = run.x0; c < run.x1; ++c)
                QVERIFY(coverage[c] > 0);
            int32_t inside = 0;
            for (const auto &[c0, c1] : marks)
                inside += c0 >= run.x0 && c1 <= run.x1;
            QCOMPARE(run.count, inside);
            total += run.count;
        }
        QCOMPARE(total, static_cast<int32_t>(marks.size()));
        QVERIFY(runs.size() < marks.size()); // merging happened
    }

    void runIndexGivesTheScannedRuns()
    {
        std::mt19937 rng(5);
        TimelineSpans spans{makeSpan("root", "", 0, 1000000)};
        for (int i = 0; i < 3000; ++i) {
            const int64_t start = rng() % 1000000;
            const int64_t length = rng() % 4 ? int64_t(rng() % 300) : int64_t(rng() % 60000);
            spans.push_back(makeSpan("c" + std::to_string(i), i % 4 ? "root" : "c" + std::to_string(i / 3),
                                     start, start + length));
        }
        const TimelineData d = TimelineData::build(spans);
        const TimelineRunIndex index(d, 0);
        for (int round = 0; round < 300; ++round) {
            const int width = 1 + static_cast<int>(rng() % 1500);
            // Integral windows put span edges exactly on column boundaries; fractional ones do not.
            const double t0 =
                round % 2 ? double(int64_t(rng() % 1200000) - 100000) : (rng() % 10000000) / 7.0;
            const double nsPerPx = round % 3 ? double(1 + rng() % 2000) : (1 + rng() % 100000) / 13.0;
            QCOMPARE(index.runs(t0, nsPerPx, width), d.subtreeRuns(0, t0, nsPerPx, width));
        }
    }

    void memoryStaysUnder64BytesPerSpan()
    {
        TimelineSpans spans;
        const int n = 100000;
        for (int i = 0; i < n; ++i) {
            TimelineSpan s = makeSpan(hexId(i), i ? hexId(i / 4) : std::string(), i * 10, i * 10 + 500,
                                      "op" + std::to_string(i % 50), "svc" + std::to_string(i % 6));
            if (i % 20 == 0) {
                s.category = "llm";
                s.model = "gpt-4o";
                s.inputTokens = 100;
            }
            spans.push_back(std::move(s));
        }
        const auto data = share(spans);
        const TimelineRows rows(data);
        const double perSpan = double(data->memoryBytes() + rows.memoryBytes()) / n;
        QVERIFY2(perSpan <= 64.0, qPrintable(QString::number(perSpan)));
    }

    // --- widget ---

    void clickSelectsSpan()
    {
        TimelineView view;
        showView(view, realisticTrace());
        QSignalSpy spy(&view, &TimelineView::spanSelected);
        const int32_t target = view.data()->indexOf("chat1");
        const QRect bar = view.spanRect(target);
        QVERIFY(!bar.isEmpty());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, bar.center());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toInt(), target);
        QCOMPARE(view.selectedSpan(), target);
    }

    void ctrlWheelZoomsAroundCursor()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const int32_t anchor = view.data()->indexOf("pay");
        const QRect before = view.spanRect(anchor);
        const double widthBefore = view.visibleEnd() - view.visibleStart();
        const QPointF pos(before.left(), before.center().y());
        QWheelEvent wheel = ctrlWheel(pos, view.viewport()->mapToGlobal(pos), 240);
        QApplication::sendEvent(view.viewport(), &wheel);
        const double widthAfter = view.visibleEnd() - view.visibleStart();
        QVERIFY(widthAfter < widthBefore * 0.8);
        QVERIFY(view.visibleStart() > 0);
        const QRect after = view.spanRect(anchor);
        QVERIFY(std::abs(after.left() - before.left()) <= 1); // the point under the cursor stays put
        QVERIFY(after.width() > before.width());
    }

    void pinchZooms()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const double widthBefore = view.visibleEnd() - view.visibleStart();
        const QPointF pos(900, 200);
        QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, pos,
                                  pos, view.viewport()->mapToGlobal(pos), 0.5, QPointF());
        QApplication::sendEvent(view.viewport(), &pinch);
        QCOMPARE(view.visibleEnd() - view.visibleStart(), widthBefore / 1.5);
    }

    void keysNavigateRowsAndTree()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const TimelineData &d = *view.data();
        view.setFocus();
        view.selectSpan(indexOf(d, "cart"));
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.selectedSpan(), indexOf(d, "q1"));
        QTest::keyClick(&view, Qt::Key_Up);
        QCOMPARE(view.selectedSpan(), indexOf(d, "cart"));
        QTest::keyClick(&view, Qt::Key_Right); // expanded with children: to the first child
        QCOMPARE(view.selectedSpan(), indexOf(d, "q1"));
        QTest::keyClick(&view, Qt::Key_Left); // expanded: collapse
        QVERIFY(view.isCollapsed(indexOf(d, "q1")));
        QCOMPARE(view.selectedSpan(), indexOf(d, "q1"));
        QTest::keyClick(&view, Qt::Key_Down); // skips the hidden redis rows
        QCOMPARE(view.selectedSpan(), indexOf(d, "q2"));
        QTest::keyClick(&view, Qt::Key_Left); // leaf: to the parent
        QCOMPARE(view.selectedSpan(), indexOf(d, "cart"));
        view.selectSpan(indexOf(d, "q1"));
        QTest::keyClick(&view, Qt::Key_Right); // collapsed: expand
        QVERIFY(!view.isCollapsed(indexOf(d, "q1")));
        const double width = view.visibleEnd() - view.visibleStart();
        QTest::keyClick(&view, Qt::Key_Plus);
        QVERIFY(view.visibleEnd() - view.visibleStart() < width);
        QTest::keyClick(&view, Qt::Key_0);
        QCOMPARE(view.visibleEnd() - view.visibleStart(), width);
    }

    void dragPansAndOverviewMovesWindow()
    {
        TimelineView view;
        showView(view, realisticTrace());
        view.setVisibleRange(100 * Ms, 300 * Ms);
        QWidget *vp = view.viewport();
        const QPoint from(1000, 300), to(800, 300);
        auto send = [vp](QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, vp->mapToGlobal(pos), button, buttons, Qt::NoModifier);
            QApplication::sendEvent(vp, &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        // Dragged 200 px left over a 200 ms window about 1300 px wide: about 30 ms later.
        QVERIFY(view.visibleStart() > 120 * Ms && view.visibleStart() < 140 * Ms);
        QCOMPARE(view.visibleEnd() - view.visibleStart(), 200.0 * Ms);
        QCOMPARE(view.selectedSpan(), -1); // a drag is not a click
        // Pressing on the overview centres the window there (the overview spans the whole trace).
        const QPoint overview(vp->width() - 5, 20);
        send(QEvent::MouseButtonPress, overview, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, overview, Qt::LeftButton, Qt::NoButton);
        QCOMPARE(view.visibleEnd(), 820.0 * Ms);
    }

    void doubleClickZoomsToSpan()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const TimelineData &d = *view.data();
        const int32_t target = indexOf(d, "fraud");
        QTest::mouseDClick(view.viewport(), Qt::LeftButton, {}, view.spanRect(target).center());
        const double start = double(d.startNs(target) - d.traceStartNs());
        const double duration = double(d.durationNs(target));
        QVERIFY(view.visibleStart() <= start && view.visibleStart() >= start - 0.1 * duration);
        QVERIFY(view.visibleEnd() >= start + duration && view.visibleEnd() <= start + 1.1 * duration);
        QCOMPARE(view.selectedSpan(), target);
    }

    void handleClickCollapsesSubtree()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const TimelineData &d = *view.data();
        const int32_t agent = indexOf(d, "agent");
        const int rowsBefore = view.rowCount();
        QVERIFY(!view.spanRect(indexOf(d, "chat1")).isEmpty());
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.handleRect(agent).center());
        QVERIFY(view.isCollapsed(agent));
        QCOMPARE(view.rowCount(), rowsBefore - 5);
        QVERIFY(view.spanRect(indexOf(d, "chat1")).isEmpty());
        // The hidden spans still show under the collapsed bar; the eight tiny lookups merge into one mark.
        const int32_t q1 = indexOf(d, "q1");
        view.setCollapsed(q1, true);
        const QRect bar = view.spanRect(q1);
        const double x = bar.left() + (36.7 - 35.0) / 25.0 * bar.width();
        const QString tip = view.toolTipAt(QPoint(qRound(x), bar.bottom() + 3));
        QVERIFY2(tip.startsWith(QStringLiteral("8 spans inside")), qPrintable(tip));
        QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, view.handleRect(agent).center());
        QVERIFY(!view.isCollapsed(agent));
        QCOMPARE(view.rowCount(), rowsBefore - 8); // q1 stays collapsed
    }

    void toolTipDescribesLlmSpan()
    {
        TimelineView view;
        showView(view, realisticTrace());
        const QString tip = view.toolTipAt(view.spanRect(view.data()->indexOf("chat1")).center());
        QVERIFY2(tip.contains(QStringLiteral("gpt-4o")), qPrintable(tip));
        QVERIFY2(tip.contains(QLocale().toString(1850)), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("$0.0142")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("265 ms")), qPrintable(tip)); // duration
    }

    void screenshot()
    {
        TimelineView view;
        showView(view, realisticTrace());
        view.setCollapsed(view.data()->indexOf("q1"), true);
        view.selectSpan(view.data()->indexOf("chat1"));
        const QImage shot = view.grab().toImage();
        QCOMPARE(shot.size(), QSize(1600, 600));
        // Not blank: the bars put many colours on screen.
        QSet<QRgb> colours;
        for (int y = 0; y < shot.height(); y += 4)
            for (int x = 0; x < shot.width(); x += 4)
                colours.insert(shot.pixel(x, y));
        QVERIFY(colours.size() > 20);
        view.setCriticalPathVisible(false);
        QVERIFY(!view.criticalPathVisible());
        QVERIFY(view.grab().toImage() != shot);
        if (qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR"))
            QVERIFY(shot.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") +
                              QStringLiteral("/timeline.png")));
    }

    void screenshotDark()
    {
        TimelineView view;
        QPalette dark;
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
        dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2b, 0x2f));
        dark.setColor(QPalette::Window, QColor(0x26, 0x27, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        view.setPalette(dark);
        showView(view, realisticTrace());
        view.selectSpan(view.data()->indexOf("chat1"));
        const QImage shot = view.grab().toImage();
        // The background follows the palette: a dark pixel in an empty row area.
        QVERIFY(qGray(shot.pixel(shot.width() / 2, shot.height() - 60)) < 80);
        if (qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR"))
            QVERIFY(shot.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") +
                              QStringLiteral("/timeline-dark.png")));
    }
};

QTEST_MAIN(TestTimeline)
#include "test_timeline.moc"

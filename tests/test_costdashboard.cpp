// The cost dashboard view (CostDashboard) over DashboardData computed from a real store: the stacked cost
// chart has a series per key, the latency charts a bar per model, the top-10 tables their rows and a
// double-clicked trace asks to be opened; a store without LLM calls shows the empty state; the CSV behind
// a chart has a row per bucket; the query follows the selectors. Screenshots offscreen.

#include "costdashboard.h"
#include "dashboarddata.h"
#include "spanwriter.h"
#include "storereader.h"
#include "storesupport.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QLegend>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kMinute = 60'000'000'000;
constexpr int64_t kBase = 1'764'000'000'000'000'000;

SpanBatch calls(int count, bool llm)
{
    static const char *const models[] = {"gpt-4o", "gpt-4o-mini", "claude-sonnet-4", "gemini-2.5-pro",
                                         "llama-3.1-70b"};
    SpanBatch batch;
    for (int i = 0; i < count; ++i) {
        Span s;
        s.traceId = "trace-" + std::to_string(i / 4);
        s.spanId = std::to_string(i);
        s.name = llm ? "chat" : "GET /items";
        s.service = i % 3 == 0 ? "planner" : (i % 3 == 1 ? "retriever" : "writer");
        s.startNs = kBase + int64_t(i) * 20'000'000'000; // 20 s apart: 8 hours for 1440 calls
        s.endNs = s.startNs + (200 + (i * 37) % 1800) * 1'000'000;
        s.source = "test";
        if (llm) {
            s.fields.category = "llm";
            s.fields.model = models[i % 5];
            s.fields.provider = i % 5 < 2 ? "openai" : (i % 5 == 2 ? "anthropic" : "other");
            s.fields.inputTokens = 800 + (i * 13) % 2000;
            s.fields.outputTokens = 100 + (i * 7) % 400;
            s.fields.costUsd = 0.002 * (1 + i % 5) * (1.0 + 0.5 * ((i / 180) % 3));
            if (i % 4 == 0)
                s.fields.userId = "user-" + std::to_string(i % 7);
            if (i % 4 == 0)
                s.fields.sessionId = "session-" + std::to_string(i % 9);
            if (i % 23 == 0)
                s.status = SpanStatus::Error;
        }
        batch.push_back(std::move(s));
    }
    return batch;
}

} // namespace

class TestCostDashboard : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    DashboardData load(const SpanBatch &batch, const DashboardQuery &query)
    {
        const QString path = m_dir.filePath(QStringLiteral("s%1.db").arg(++m_stores));
        std::string error;
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            if (!writer || !writeAndWait(*writer, batch).ok)
                qFatal("cannot write %s", error.c_str());
        }
        auto reader = StoreReader::open(path.toStdString(), &error);
        DashboardData data = DashboardData::compute(*reader, query, &error);
        if (!error.empty())
            qFatal("%s", error.c_str());
        return data;
    }

    static void screenshot(QWidget &w, const QString &name)
    {
        QCoreApplication::processEvents(); // the charts lay out their axes and legends on posted events
        QDir().mkpath(QStringLiteral(TRACEDECK_SCREENSHOT_OUT));
        QVERIFY(w.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/") + name));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void showsEveryChart()
    {
        const DashboardData data = load(calls(1440, true), DashboardQuery{});
        CostDashboard view;
        view.resize(1280, 1300);
        view.setData(data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setData(data); // a refresh replaces every series and axis
        QVERIFY(!view.isShowingEmptyState());
        QCOMPARE(view.costChart()->chart()->axes().size(), 2);
        // Laid out with room for the axis labels, a legend entry per model.
        QTRY_VERIFY(view.costChart()->chart()->plotArea().left() > 30);
        QCOMPARE(view.costChart()->chart()->legend()->markers().size(), 5);
        QCOMPARE(view.costChart()->chart()->series().size(), 5); // five models
        QCOMPARE(view.tokenChart()->chart()->series().size(), 5);
        QCOMPARE(view.callChart()->chart()->series().size(), 2);
        auto *bars = qobject_cast<QAbstractBarSeries *>(view.modelLatencyChart()->chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 3); // p50 p95 p99
        QCOMPARE(bars->barSets().front()->count(), 5);
        QCOMPARE(view.topTraces()->rowCount(), 10);
        QCOMPARE(view.topUsers()->rowCount(), 7);
        QCOMPARE(view.topSessions()->rowCount(), 9);
        QCOMPARE(view.topTraces()->item(0, 1)->text().left(1), QStringLiteral("$"));
        screenshot(view, QStringLiteral("costdashboard.png"));

        QSignalSpy opened(&view, &CostDashboard::traceActivated);
        const QPoint cell = view.topTraces()->visualItemRect(view.topTraces()->item(0, 0)).center();
        // An item view takes a double-click on the cell its press selected.
        QTest::mouseClick(view.topTraces()->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(view.topTraces()->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.front().at(0).toString(), QString::fromStdString(data.topTraces.front().id));
        QCOMPARE(opened.front().at(1).toString(), QStringLiteral("local"));

        const QStringList csv = view.csvOf(view.costChart()).trimmed().split(u'\n');
        QCOMPARE(csv.size(), data.buckets + 1);
        QVERIFY(csv.front().startsWith(QStringLiteral("bucket_start,")));
        QCOMPARE(csv.front().count(u','), 5);
        QCOMPARE(view.csvOf(view.modelLatencyChart()).trimmed().split(u'\n').size(), 6);
    }

    void stackedByUserHasNone()
    {
        DashboardQuery query;
        query.stackBy = DashboardStack::User;
        const DashboardData data = load(calls(1440, true), query);
        CostDashboard view;
        view.resize(1280, 1300);
        view.setStackBy(DashboardStack::User);
        view.setData(data);
        QCOMPARE(view.costChart()->chart()->series().size(), 8); // 7 users and (none)
        QCOMPARE(view.costChart()->chart()->series().first()->name(),
                 QStringLiteral("(none)")); // top of the stack
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        screenshot(view, QStringLiteral("costdashboard-by-user.png"));
    }

    void emptyWithoutLlmCalls()
    {
        const DashboardData data = load(calls(50, false), DashboardQuery{});
        QVERIFY(!data.hasLlmData());
        CostDashboard view;
        view.resize(900, 500);
        view.setData(data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isShowingEmptyState());
        screenshot(view, QStringLiteral("costdashboard-empty.png"));
    }

    void queryFollowsTheSelectors()
    {
        CostDashboard view;
        QSignalSpy changed(&view, &CostDashboard::queryChanged);
        QSignalSpy ranged(&view, &CostDashboard::rangeChanged);
        QVERIFY(!view.query(kBase).fromNs); // all time by default
        view.setRange(CostDashboard::Range::Last24Hours);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(ranged.size(), 1);
        const DashboardQuery day = view.query(kBase + 30'000'000'000);
        QCOMPARE(*day.toNs, kBase + kMinute);
        QCOMPARE(*day.toNs - *day.fromNs, 24 * 60 * kMinute);
        view.setStackBy(DashboardStack::Service);
        QCOMPARE(changed.size(), 2);
        QCOMPARE(view.query(kBase).stackBy, DashboardStack::Service);
        view.setWorkspace("team-b");
        QCOMPARE(changed.size(), 3);
        QCOMPARE(view.query(kBase).workspace, std::string("team-b"));
        view.setCustomRange(kBase, kBase + 60 * kMinute);
        const DashboardQuery custom = view.query(0);
        QCOMPARE(*custom.fromNs, kBase);
        QCOMPARE(*custom.toNs, kBase + 60 * kMinute);
    }
};

QTEST_MAIN(TestCostDashboard)
#include "test_costdashboard.moc"

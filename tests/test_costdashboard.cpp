// The cost dashboard view (CostDashboard) over DashboardData computed from a real store: the stacked cost
// chart has a series per key, the latency charts a bar per model, the top-10 tables their rows and a
// double-clicked trace asks to be opened; a store without LLM calls shows the empty state; the CSV behind
// a chart has a row per bucket; the query follows the selectors. Screenshots offscreen.

#include "costdashboard.h"
#include "dashboarddata.h"
#include "normalizer.h"
#include "savingspanel.h"
#include "spanwriter.h"
#include "storereader.h"
#include "storesupport.h"

#include <QAbstractBarSeries>
#include <QAreaSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDir>
#include <QFile>
#include <QLabel>
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

// A GenAI call on `model` with one user message, normalised (so it gets its prompt hash and its cost).
Span promptCall(const std::string &trace, const std::string &model, const std::string &prompt, int64_t start)
{
    Span s;
    s.traceId = trace;
    s.spanId = "p1";
    s.name = "chat " + model;
    s.service = "agent";
    s.startNs = start;
    s.endNs = start + 900'000'000;
    s.source = "test";
    s.attributes = {
        {"gen_ai.request.model", model},
        {"gen_ai.provider.name", "openai"},
        {"gen_ai.usage.input_tokens", 20000},
        {"gen_ai.usage.cache_read.input_tokens", 5000},
        {"gen_ai.usage.output_tokens", 500},
        {"gen_ai.input.messages",
         nlohmann::json::array({{{"role", "user"}, {"parts", {{{"type", "text"}, {"content", prompt}}}}}})
             .dump()}};
    Normalizer().normalize(s);
    return s;
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

    // 12 identical prompts to gpt-4o and 3 to claude: two hints in plain words, the gpt-4o one first (it cost
    // more); double-clicking one asks for its first trace; the cost shares and cached ratio are shown.
    void savingsHints()
    {
        SpanBatch batch = calls(1440, true);
        for (int i = 0; i < 12; ++i)
            batch.push_back(
                promptCall("repeat-" + std::to_string(i), "gpt-4o",
                           "Summarise the attached quarterly report in three bullet points, please.",
                           kBase + int64_t(i) * 10 * kMinute));
        for (int i = 0; i < 3; ++i)
            batch.push_back(promptCall("claude-" + std::to_string(i), "claude-sonnet-4", "Hello there",
                                       kBase + int64_t(i) * 7 * kMinute));
        DashboardQuery query;
        query.inputPrice = [](const std::string &model) -> std::optional<InputPrice> {
            if (model == "gpt-4o")
                return InputPrice{2.5, 1.25};
            return std::nullopt;
        };
        const DashboardData data = load(batch, query);
        QCOMPARE(int(data.repeatedPrompts.size()), 2);
        CostDashboard view;
        view.resize(1280, 1900);
        view.setData(data);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        SavingsPanel *savings = view.savings();
        QCOMPARE(savings->hints()->rowCount(), 2);
        const QString first = savings->hints()->item(0, 0)->text();
        QVERIFY2(first.startsWith(QStringLiteral("12 identical prompts to gpt-4o cost $")),
                 qPrintable(first));
        QVERIFY2(first.contains(QStringLiteral("caching would save ≈ $")), qPrintable(first));
        QVERIFY(savings->hints()->item(0, 0)->toolTip().contains(QStringLiteral("Summarise the attached")));
        QCOMPARE(savings->models()->rowCount(), int(data.modelShares.size()));
        QCOMPARE(savings->models()->item(0, 0)->text(), QString::fromStdString(data.modelShares[0].model));
        QVERIFY(savings->summary()->text().contains(QStringLiteral("Cached input tokens: 75,000")));
        QVERIFY(!savings->summary()->text().contains(QStringLiteral("stored from"))); // a new store
        screenshot(*savings, QStringLiteral("costdashboard-savings.png"));
        screenshot(view, QStringLiteral("costdashboard-with-savings.png"));

        QSignalSpy opened(&view, &CostDashboard::traceActivated);
        QTableWidget *hints = savings->hints();
        hints->scrollToItem(hints->item(1, 0));
        const QPoint cell = hints->visualItemRect(hints->item(1, 0)).center();
        QTest::mouseClick(hints->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(hints->viewport(), Qt::LeftButton, {}, cell);
        QCOMPARE(opened.size(), 1);
        QCOMPARE(opened.front().at(0).toString(), QStringLiteral("claude-0"));
    }

    // "Save as CSV…" of the costliest traces writes a header and a row per table row; read back, the ids,
    // costs and counts are the ones shown.
    void topTableCsvReadBack()
    {
        const DashboardData data = load(calls(1440, true), DashboardQuery{});
        CostDashboard view;
        view.setData(data);
        const QString path = m_dir.filePath(QStringLiteral("top.csv"));
        QString error;
        QVERIFY2(view.saveCsv(view.csvOf(view.topTraces()), path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).trimmed().split(u'\n');
        QCOMPARE(lines.size(), view.topTraces()->rowCount() + 1);
        QCOMPARE(lines.front(), QStringLiteral("trace_id,root,workspace,start,cost_usd,tokens,spans"));
        const QStringList row = lines.at(1).split(u',');
        QCOMPARE(row.size(), 7);
        QCOMPARE(row.at(0), QString::fromStdString(data.topTraces.front().id));
        QCOMPARE(row.at(2), QStringLiteral("local"));
        QVERIFY(std::abs(row.at(4).toDouble() - data.topTraces.front().costUsd) < 1e-9);
        QCOMPARE(row.at(6).toLongLong(), data.topTraces.front().count);
        const QStringList users = view.csvOf(view.topUsers()).trimmed().split(u'\n');
        QCOMPARE(users.size(), view.topUsers()->rowCount() + 1);
        QCOMPARE(users.at(1).section(u',', 0, 0), QString::fromStdString(data.topUsers.front().id));
        QCOMPARE(view.csvOf(view.topSessions()).trimmed().split(u'\n').size(),
                 view.topSessions()->rowCount() + 1);
        QVERIFY(
            !view.saveCsv(QStringLiteral("x"), m_dir.filePath(QStringLiteral("no/such/dir.csv")), &error));
        QVERIFY2(error.contains(QStringLiteral("no/such/dir.csv")), qPrintable(error));
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

// Budgets (BudgetStore, BudgetEvaluator, BudgetMonitor) over a real store written by SpanWriter with LLM
// spans whose cost the client gave, so every figure is exact: validation with clear errors, spend today
// and this month per workspace, user and model, the month-end forecast, and an alert that fires once per
// crossing — not under the limit, once on crossing, not again in the same period, again in the next
// period, and not again after reopening the store. The monitor checks off the GUI thread on commits.

#include "budgetcalendar.h"
#include "budgetevaluator.h"
#include "budgetmonitor.h"
#include "budgetstore.h"
#include "metricsrollup.h"
#include "spanwriter.h"
#include "storesupport.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kHour = 3'600'000'000'000;
constexpr int64_t kDay = BudgetCalendar::kDayNs;
constexpr int64_t kPico = 1'000'000'000'000; // picodollars per USD
// 2025-11-24T00:00:00Z: a UTC day start, 23 days into November (30 days).
constexpr int64_t kMonday = 1'763'942'400'000'000'000;
constexpr int64_t kNovember = 1'761'955'200'000'000'000;

int g_span = 0;

Span call(int64_t startNs, double costUsd, const std::string &model, const std::string &user,
          const std::string &workspace = "local")
{
    Span s;
    s.workspace = workspace;
    s.traceId = "t" + std::to_string(++g_span);
    s.spanId = "1";
    s.name = "chat";
    s.service = "agent";
    s.startNs = startNs;
    s.endNs = startNs + 1'000'000;
    s.source = "test";
    s.fields.category = "llm";
    s.fields.model = model;
    if (!user.empty())
        s.fields.userId = user;
    s.fields.inputTokens = 100;
    s.fields.outputTokens = 10;
    s.fields.costUsd = costUsd;
    return s;
}

BudgetDraft draft(const std::string &scope, const std::string &value, const std::string &period,
                  const std::string &limit)
{
    BudgetDraft d;
    d.scope = scope;
    d.value = value;
    d.period = period;
    d.limitUsd = limit;
    return d;
}

} // namespace

class TestBudgets : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_stores = 0;

    std::string newStore() { return m_dir.filePath(QStringLiteral("b%1.db").arg(++m_stores)).toStdString(); }

    static const BudgetStatus *statusOf(const BudgetReport &report, int64_t id)
    {
        for (const BudgetStatus &s : report.statuses) {
            if (s.budget.id == id)
                return &s;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void calendar()
    {
        QCOMPARE(BudgetCalendar::dayStart(kMonday + 13 * kHour + 5), kMonday);
        QCOMPARE(BudgetCalendar::monthStart(kMonday + 13 * kHour), kNovember);
        QCOMPARE(BudgetCalendar::nextMonthStart(kMonday), kNovember + 30 * kDay);
        QCOMPARE(BudgetCalendar::monthStart(kNovember), kNovember);
        QCOMPARE(BudgetCalendar::nextMonthStart(kNovember - 1), kNovember); // the last ns of October
    }

    void validation()
    {
        const std::string path = newStore();
        std::string error;
        auto store = BudgetStore::open(path, &error);
        QVERIFY2(store, error.c_str());

        const auto refused = [&](const BudgetDraft &d, const char *expected) {
            std::string e;
            const bool added = store->add(d, &e).has_value();
            if (added || e.find(expected) == std::string::npos)
                qWarning("added %d, error \"%s\", expected \"%s\"", added, e.c_str(), expected);
            return !added && e.find(expected) != std::string::npos;
        };
        QVERIFY(
            refused(draft("team", "", "day", "5"), "unknown scope \"team\": use workspace, user or model"));
        QVERIFY(refused(draft("user", "alice", "week", "5"), "unknown period \"week\""));
        QVERIFY(refused(draft("user", "alice", "day", "-5"), "must be more than 0 USD"));
        QVERIFY(refused(draft("user", "alice", "day", "0"), "must be more than 0 USD"));
        QVERIFY(refused(draft("user", "alice", "day", "five"), "\"five\" is not a number"));
        QVERIFY(refused(draft("user", "alice", "day", "5x"), "\"5x\" is not a number"));
        QVERIFY(refused(draft("user", "alice", "day", "nan"), "is not a number"));
        QVERIFY(refused(draft("user", "alice", "day", ""), "the limit is missing"));
        QVERIFY(refused(draft("user", "", "day", "5"), "needs the user id"));
        QVERIFY(refused(draft("model", " ", "day", "5"), "needs the model name"));
        QVERIFY(refused(draft("workspace", "alice", "day", "5"), "takes no value"));
        BudgetDraft elsewhere = draft("workspace", "", "day", "5");
        elsewhere.workspace = "nowhere";
        QVERIFY(refused(elsewhere, "unknown workspace \"nowhere\""));
        QVERIFY(store->list({}, &error).empty());

        const auto alice = store->add(draft("user", "alice", "day", "$2.50"), &error);
        QVERIFY2(alice, error.c_str());
        QCOMPARE(alice->limitPicoUsd, int64_t(2'500'000'000'000));
        QVERIFY(refused(draft("user", "alice", "day", "9"),
                        "workspace local already has a daily budget for the user alice (id 1)"));
        const auto monthly = store->add(draft("user", "alice", "month", "40"), &error);
        QVERIFY2(monthly, error.c_str());
        const auto whole = store->add(draft("workspace", "", "month", "100"), &error);
        QVERIFY2(whole, error.c_str());
        const std::vector<Budget> budgets = store->list("local", &error);
        QCOMPARE(budgets.size(), size_t(3));
        QCOMPARE(budgets.front().scope, BudgetScope::Workspace); // the workspace's own budget first

        // Update: the same checks, and no duplicate of another budget.
        QVERIFY(!store->update(monthly->id, draft("user", "alice", "day", "3"), &error));
        QVERIFY2(error.find("already has a daily budget") != std::string::npos, error.c_str());
        error.clear();
        QVERIFY(!store->update(monthly->id, draft("user", "alice", "month", "-1"), &error));
        QVERIFY2(error.find("more than 0") != std::string::npos, error.c_str());
        error.clear();
        QVERIFY2(store->update(monthly->id, draft("model", "gpt-4o", "month", "55"), &error), error.c_str());
        const auto changed = store->find(monthly->id, &error);
        QVERIFY(changed);
        QCOMPARE(changed->scope, BudgetScope::Model);
        QCOMPARE(changed->scopeValue, std::string("gpt-4o"));
        QCOMPARE(changed->limitPicoUsd, 55 * kPico);
        QVERIFY(!store->update(9999, draft("user", "x", "day", "1"), &error));
        QVERIFY2(error.find("no budget with id 9999") != std::string::npos, error.c_str());

        QVERIFY2(store->remove(alice->id, &error), error.c_str());
        QCOMPARE(store->list({}, &error).size(), size_t(2));
        QVERIFY(!store->remove(alice->id, &error));
    }

    // Today, this month and the forecast per workspace, user and model, exact to the picodollar.
    void spendAndForecast()
    {
        const std::string path = newStore();
        std::string error;
        {
            auto writer = SpanWriter::open(path, &error);
            QVERIFY2(writer, error.c_str());
            SpanBatch batch;
            for (int i = 0; i < 4; ++i) // today: alice on gpt-4o, 4 × 0.25
                batch.push_back(call(kMonday + (2 + i) * kHour, 0.25, "gpt-4o", "alice"));
            for (int i = 0; i < 3; ++i) // today: bob on claude, 3 × 0.10
                batch.push_back(call(kMonday + 7 * kHour + i, 0.10, "claude", "bob"));
            batch.push_back(call(kMonday - 3 * kDay, 2.00, "gpt-4o", "alice"));      // earlier this month
            batch.push_back(call(kNovember - kHour, 50.0, "gpt-4o", "alice"));       // October
            batch.push_back(call(kMonday + kHour, 7.0, "gpt-4o", "alice", "other")); // another workspace
            QVERIFY(writeAndWait(*writer, batch).ok);
        }
        auto store = BudgetStore::open(path, &error);
        QVERIFY2(store, error.c_str());
        const auto whole = store->add(draft("workspace", "", "month", "100"), &error);
        const auto alice = store->add(draft("user", "alice", "day", "10"), &error);
        const auto model = store->add(draft("model", "gpt-4o", "month", "100"), &error);
        const auto claude = store->add(draft("model", "claude", "day", "10"), &error);
        QVERIFY(whole && alice && model && claude);
        BudgetEvaluator evaluator(*store);
        const int64_t now = kMonday + 12 * kHour;
        const auto report = evaluator.evaluate(now, &error);
        QVERIFY2(report, error.c_str());
        QCOMPARE(report->statuses.size(), size_t(4));
        QVERIFY(report->newAlerts.empty());

        const BudgetStatus *w = statusOf(*report, whole->id);
        QCOMPARE(w->todayPicoUsd, 1'300'000'000'000);
        QCOMPARE(w->monthPicoUsd, 3'300'000'000'000);
        // 23.5 of November's 30 days have passed.
        QCOMPARE(w->forecastPicoUsd, std::llround(3.3e12 * 30.0 / 23.5));
        const BudgetStatus *a = statusOf(*report, alice->id);
        QCOMPARE(a->todayPicoUsd, 1'000'000'000'000);
        QCOMPARE(a->monthPicoUsd, 3'000'000'000'000);
        QCOMPARE(statusOf(*report, model->id)->monthPicoUsd, 3'000'000'000'000);
        QCOMPARE(statusOf(*report, claude->id)->todayPicoUsd, 300'000'000'000);

        // The forecast counts at least one day elapsed: an hour into a month is not extrapolated 720×.
        QCOMPARE(BudgetEvaluator::forecast(kPico, kNovember + kHour), 30 * kPico);
        QCOMPARE(BudgetEvaluator::forecast(kPico, kNovember + 15 * kDay), 2 * kPico);
        QCOMPARE(BudgetEvaluator::forecast(0, kNovember + 15 * kDay), int64_t(0));
    }

    // A daily budget of 1 USD on alice: under → none; cross → one; more the same day → none; the next day
    // → one more; a reopened store → still those two.
    void alertOncePerCrossing()
    {
        const std::string path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path, &error);
        QVERIFY2(writer, error.c_str());
        int64_t budgetId = 0;
        {
            auto store = BudgetStore::open(path, &error);
            QVERIFY2(store, error.c_str());
            const auto budget = store->add(draft("user", "alice", "day", "1"), &error);
            QVERIFY2(budget, error.c_str());
            budgetId = budget->id;
            BudgetEvaluator evaluator(*store);

            QVERIFY(writeAndWait(*writer, {call(kMonday + kHour, 0.75, "gpt-4o", "alice"),
                                           call(kMonday + kHour, 5.0, "gpt-4o", "bob")})
                        .ok);
            auto report = evaluator.evaluate(kMonday + 2 * kHour, &error);
            QVERIFY2(report, error.c_str());
            QVERIFY(report->newAlerts.empty()); // 0.75 of 1

            QVERIFY(writeAndWait(*writer, {call(kMonday + 3 * kHour, 0.50, "gpt-4o", "alice")}).ok);
            report = evaluator.evaluate(kMonday + 4 * kHour, &error);
            QVERIFY2(report, error.c_str());
            QCOMPARE(report->newAlerts.size(), size_t(1));
            const BudgetAlert &alert = report->newAlerts.front();
            QCOMPARE(alert.budget.id, budgetId);
            QCOMPARE(alert.spendPicoUsd, 1'250'000'000'000);
            QCOMPARE(alert.limitPicoUsd, kPico);
            QCOMPARE(alert.periodStartNs, kMonday);
            QCOMPARE(alert.periodEndNs, kMonday + kDay);
            QCOMPARE(alert.crossedNs, kMonday + 4 * kHour);

            // More the same day, and a second look: no second alert.
            QVERIFY(writeAndWait(*writer, {call(kMonday + 5 * kHour, 3.0, "gpt-4o", "alice")}).ok);
            QVERIFY(evaluator.evaluate(kMonday + 6 * kHour, &error)->newAlerts.empty());
            QVERIFY(evaluator.evaluate(kMonday + 23 * kHour, &error)->newAlerts.empty());

            // The next UTC day: spend starts from zero, under the limit then over it.
            QVERIFY(writeAndWait(*writer, {call(kMonday + kDay + kHour, 0.40, "gpt-4o", "alice")}).ok);
            report = evaluator.evaluate(kMonday + kDay + 2 * kHour, &error);
            QVERIFY(report->newAlerts.empty());
            QCOMPARE(statusOf(*report, budgetId)->todayPicoUsd, 400'000'000'000);
            QVERIFY(writeAndWait(*writer, {call(kMonday + kDay + 2 * kHour, 0.60, "gpt-4o", "alice")}).ok);
            report = evaluator.evaluate(kMonday + kDay + 3 * kHour, &error);
            QCOMPARE(report->newAlerts.size(), size_t(1)); // exactly the limit reaches it
            QCOMPARE(report->newAlerts.front().periodStartNs, kMonday + kDay);
            QCOMPARE(report->newAlerts.front().spendPicoUsd, kPico);
        }
        // Reopened (a restart): the crossings are remembered.
        {
            auto store = BudgetStore::open(path, &error);
            QVERIFY2(store, error.c_str());
            BudgetEvaluator evaluator(*store);
            const auto report = evaluator.evaluate(kMonday + kDay + 4 * kHour, &error);
            QVERIFY2(report, error.c_str());
            QVERIFY(report->newAlerts.empty());
            const std::vector<BudgetAlert> alerts = store->alerts(50, &error);
            QCOMPARE(alerts.size(), size_t(2));
            QCOMPARE(alerts[0].periodStartNs, kMonday + kDay); // newest first
            QCOMPARE(alerts[1].periodStartNs, kMonday);
            QCOMPARE(alerts[1].budget.scopeValue, std::string("alice"));

            // Raising the limit past the spend lets the higher limit alert again when it is reached.
            QVERIFY(store->update(budgetId, draft("user", "alice", "day", "2"), &error));
            QVERIFY(evaluator.evaluate(kMonday + kDay + 5 * kHour, &error)->newAlerts.empty());
            QVERIFY(writeAndWait(*writer, {call(kMonday + kDay + 6 * kHour, 1.5, "gpt-4o", "alice")}).ok);
            QCOMPARE(evaluator.evaluate(kMonday + kDay + 7 * kHour, &error)->newAlerts.size(), size_t(1));

            // Removing the budget removes its alerts.
            QVERIFY(store->remove(budgetId, &error));
            QVERIFY(store->alerts(50, &error).empty());
        }
    }

    // The monitor checks once at start, then after commits (throttled), on its own thread, and raises a
    // crossing once however many commits follow.
    void monitorFollowsCommits()
    {
        const std::string path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path, &error);
        QVERIFY2(writer, error.c_str());
        {
            auto store = BudgetStore::open(path, &error);
            QVERIFY(store->add(draft("workspace", "", "day", "1"), &error));
        }
        BudgetMonitor monitor(QString::fromStdString(path), [] { return kMonday + 12 * kHour; });
        monitor.setInterval(50);
        QSignalSpy evaluated(&monitor, &BudgetMonitor::evaluated);
        QSignalSpy raised(&monitor, &BudgetMonitor::alertRaised);
        connect(writer.get(), &SpanWriter::committed, &monitor, &BudgetMonitor::dataChanged);
        monitor.start();
        QVERIFY(evaluated.wait());
        QCOMPARE(monitor.lastReport().statuses.size(), size_t(1));
        QCOMPARE(raised.count(), 0);
        for (int i = 0; i < 5; ++i)
            QVERIFY(writeAndWait(*writer, {call(kMonday + kHour, 0.30, "m", "")}).ok);
        QTRY_COMPARE(raised.count(), 1);
        QTRY_COMPARE(monitor.lastReport().statuses.front().todayPicoUsd, 1'500'000'000'000);
        QVERIFY(writeAndWait(*writer, {call(kMonday + kHour, 0.30, "m", "")}).ok);
        QTRY_COMPARE(monitor.lastReport().statuses.front().todayPicoUsd, 1'800'000'000'000);
        QCOMPARE(raised.count(), 1);
        QVERIFY(monitor.checks() < 8); // folded: not one check per commit and per signal
    }

    // tracedeck budgets list|add|remove through the real binary, with usage errors (exit 2) and refused
    // budgets (exit 1) on stderr.
    void commandLine()
    {
        const QString db = QString::fromStdString(newStore());
        const auto run = [&db](QStringList args) {
            QProcess process;
            args.prepend(QStringLiteral("budgets"));
            args << QStringLiteral("--db") << db;
            process.start(QStringLiteral(TRACEDECK_BINARY), args);
            process.waitForFinished(30000);
            return std::make_tuple(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                                   QString::fromUtf8(process.readAllStandardError()));
        };
        auto [code, out, err] =
            run({QStringLiteral("add"), QStringLiteral("--scope"), QStringLiteral("user"),
                 QStringLiteral("--value"), QStringLiteral("alice"), QStringLiteral("--period"),
                 QStringLiteral("day"), QStringLiteral("--limit"), QStringLiteral("2.5")});
        QCOMPARE(code, 0);
        QVERIFY2(
            out.contains(QStringLiteral("Budget 1 added: daily, user alice in workspace local, 2.50 USD")),
            qPrintable(out));
        std::tie(code, out, err) =
            run({QStringLiteral("add"), QStringLiteral("--scope"), QStringLiteral("team"),
                 QStringLiteral("--period"), QStringLiteral("day"), QStringLiteral("--limit"),
                 QStringLiteral("1")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("unknown scope \"team\"")), qPrintable(err));
        std::tie(code, out, err) =
            run({QStringLiteral("add"), QStringLiteral("--scope"), QStringLiteral("workspace"),
                 QStringLiteral("--period"), QStringLiteral("month"), QStringLiteral("--limit"),
                 QStringLiteral("-4")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("more than 0 USD")), qPrintable(err));
        std::tie(code, out, err) =
            run({QStringLiteral("add"), QStringLiteral("--scope"), QStringLiteral("workspace"),
                 QStringLiteral("--period"), QStringLiteral("month")});
        QCOMPARE(code, 2);
        QVERIFY2(err.contains(QStringLiteral("--limit is required")), qPrintable(err));
        std::tie(code, out, err) =
            run({QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(code, 2);
        std::tie(code, out, err) = run({QStringLiteral("frobnicate")});
        QCOMPARE(code, 2);
        QVERIFY(err.contains(QStringLiteral("unknown action \"frobnicate\"")));

        std::tie(code, out, err) = run({QStringLiteral("list")});
        QCOMPARE(code, 0);
        static const QRegularExpression row(
            QStringLiteral("\\n\\s+1\\s+local\\s+user alice\\s+day\\s+2\\.50\\s+0\\.00"));
        QVERIFY2(row.match(out).hasMatch(), qPrintable(out));
        std::tie(code, out, err) = run({QStringLiteral("remove"), QStringLiteral("1")});
        QCOMPARE(code, 0);
        std::tie(code, out, err) = run({QStringLiteral("remove"), QStringLiteral("1")});
        QCOMPARE(code, 1);
        QVERIFY2(err.contains(QStringLiteral("no budget with id 1")), qPrintable(err));
        std::tie(code, out, err) = run({QStringLiteral("remove"), QStringLiteral("x")});
        QCOMPARE(code, 2);
    }
};

QTEST_GUILESS_MAIN(TestBudgets)
#include "test_budgets.moc"

// Cost dashboard data (DashboardData::compute over metric_rollups and traces): automatic bucket sizes, the
// stacked series add up to the exact totals of the stored spans (top keys, "other", "(none)"), LLM calls
// and errors per bucket, latency percentiles per model within the histogram bound, the costliest traces,
// users and sessions, stacking by workspace, an empty store, and cached input tokens counted once. The
// hourly rollups equal the minutes summed per hour (after moves and the migration's backfill), and a range
// read through them with partial hours at its ends gives the exact totals.

#include "dashboarddata.h"
#include "database.h"
#include "latencyhistogram.h"
#include "metricsrollup.h"
#include "normalizer.h"
#include "schema.h"
#include "spanwriter.h"
#include "storereader.h"
#include "storesupport.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <map>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kMinute = MetricsRollup::kBucketNs;
constexpr int64_t kHour = 60 * kMinute;
constexpr int64_t kBase = 1'764'000'000'000'000'000; // 2025-11-24T16:00:00Z, an hour boundary
constexpr int64_t kMs = 1'000'000;

Span llmSpan(const std::string &trace, int index, int64_t start, const std::string &model)
{
    Span s;
    s.traceId = trace;
    s.spanId = std::to_string(index + 1);
    s.name = "chat";
    s.service = "svc-" + std::to_string(index % 3);
    s.startNs = start;
    s.endNs = start + (10 + index % 50) * kMs;
    s.source = "test";
    s.fields.category = "llm";
    s.fields.model = model;
    s.fields.provider = index % 2 ? "openai" : "anthropic";
    s.fields.inputTokens = 100 + index;
    s.fields.outputTokens = 10 + index % 7;
    s.fields.costUsd = 0.001 * (1 + index % 13);
    if (index % 4 == 0)
        s.fields.userId = "user-" + std::to_string(index % 5);
    if (index % 6 == 0)
        s.fields.sessionId = "session-" + std::to_string(index % 4);
    if (index % 17 == 0)
        s.status = SpanStatus::Error;
    return s;
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_stores = 0;

    QString newStore() { return m_dir.filePath(QStringLiteral("store%1.db").arg(++m_stores)); }

    static DashboardData compute(const QString &path, const DashboardQuery &query)
    {
        std::string error;
        auto reader = StoreReader::open(path.toStdString(), &error);
        if (!reader) {
            qWarning("%s", error.c_str());
            return {};
        }
        DashboardData data = DashboardData::compute(*reader, query, &error);
        if (!error.empty())
            qWarning("%s", error.c_str());
        return data;
    }

    // 3 hours of calls on 11 models (so 8 series, "other" and no "(none)" by model).
    SpanBatch spread() const
    {
        SpanBatch batch;
        for (int i = 0; i < 360; ++i) {
            Span s = llmSpan("trace-" + std::to_string(i / 3), i, kBase + int64_t(i) * 30 * 1'000'000'000,
                             "model-" + std::to_string(i % 11));
            batch.push_back(std::move(s));
        }
        Span plain; // a non-LLM span: counts toward the services, not the LLM calls
        plain.traceId = "trace-0";
        plain.spanId = "root";
        plain.name = "GET /";
        plain.service = "gateway";
        plain.startNs = kBase;
        plain.endNs = kBase + 500 * kMs;
        plain.source = "test";
        batch.push_back(std::move(plain));
        return batch;
    }

    // metric_rollups summed per hour, and metric_rollups_hourly, as comparable lines.
    static std::pair<QStringList, QStringList> hourlyAndSummed(const QString &path)
    {
        std::string error;
        auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
        struct Sum {
            int64_t n[7] = {};
            LatencyHistogram latency;
        };
        std::map<std::tuple<std::string, int, int64_t, std::string>, Sum> sums[2];
        const char *tables[2] = {"metric_rollups", "metric_rollups_hourly"};
        for (int t = 0; t < 2; ++t) {
            Statement stmt =
                db->prepare(std::string("SELECT workspace, grouping, bucket, group_key, spans, errors, "
                                        "traces, input_tokens, output_tokens, cost_pusd, cost_spans, "
                                        "latency FROM ") +
                            tables[t]);
            while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
                sqlite3_stmt *s = stmt.get();
                const int64_t bucket = sqlite3_column_int64(s, 2);
                Sum &sum = sums[t][{reinterpret_cast<const char *>(sqlite3_column_text(s, 0)),
                                    sqlite3_column_int(s, 1), t == 0 ? MetricsRollup::hourOf(bucket) : bucket,
                                    reinterpret_cast<const char *>(sqlite3_column_text(s, 3))}];
                for (int c = 0; c < 7; ++c)
                    sum.n[c] += sqlite3_column_int64(s, 4 + c);
                if (sqlite3_column_type(s, 11) != SQLITE_NULL)
                    sum.latency.mergeEncoded(sqlite3_column_blob(s, 11), size_t(sqlite3_column_bytes(s, 11)));
            }
        }
        QStringList lines[2];
        for (int t = 0; t < 2; ++t) {
            for (const auto &[key, sum] : sums[t]) {
                QStringList line{QString::fromStdString(std::get<0>(key)), QString::number(std::get<1>(key)),
                                 QString::number(std::get<2>(key)), QString::fromStdString(std::get<3>(key))};
                for (const int64_t n : sum.n)
                    line << QString::number(n);
                line << QString::fromLatin1(QByteArray::fromStdString(sum.latency.encode()).toHex());
                lines[t] << line.join(u'|');
            }
        }
        return {lines[1], lines[0]};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    // Hourly rollups: the minutes summed per hour after inserts and updates that move spans across hours,
    // and the same again when the migration rebuilds them from the minutes.
    void hourlyRollupsSumTheMinutes()
    {
        const QString path = newStore();
        std::string error;
        SpanBatch batch;
        for (int i = 0; i < 400; ++i) // 400 calls over ~55 hours
            batch.push_back(llmSpan("h" + std::to_string(i / 5), i, kBase + int64_t(i) * 497 * 1'000'000'000,
                                    "model-" + std::to_string(i % 3)));
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
            QVERIFY(writeAndWait(*writer, batch).ok);
            SpanBatch moved(batch.begin(), batch.begin() + 40); // an update: 40 spans three hours later
            for (Span &s : moved) {
                s.startNs += 3 * kHour + 7 * kMinute;
                s.endNs += 3 * kHour + 7 * kMinute;
            }
            QVERIFY(writeAndWait(*writer, moved).ok);
        }
        auto [hourly, summed] = hourlyAndSummed(path);
        QVERIFY(hourly.size() > 100);
        QCOMPARE(hourly, summed);
        {
            auto db = Database::open(path.toStdString(), Database::Mode::ReadWrite, &error);
            // Back to the version before the hourly rollups; the later migrations run again: the budgets
            // create their tables IF NOT EXISTS, the prompt hashes' columns are undone first.
            QVERIFY(db->exec("DROP INDEX spans_by_prompt; ALTER TABLE spans DROP COLUMN prompt_hash; "
                             "ALTER TABLE metric_rollups DROP COLUMN cached_input_tokens; "
                             "DROP TABLE metric_rollups_hourly; PRAGMA user_version = " +
                                 std::to_string(Schema::kHourlyRollupsVersion - 1),
                             &error));
        }
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
        }
        QCOMPARE(hourlyAndSummed(path).first, hourly);
    }

    // Three days in hour buckets, from and to inside hours: whole hours come from the hourly rollups and
    // the minutes at the ends from the minute rollups; the totals are those of the spans in range.
    void hoursAndPartialHoursAddUp()
    {
        const QString path = newStore();
        std::string error;
        SpanBatch batch;
        for (int i = 0; i < 900; ++i)
            batch.push_back(llmSpan("p" + std::to_string(i / 3), i, kBase + int64_t(i) * 311 * 1'000'000'000,
                                    "model-" + std::to_string(i % 4)));
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
            QVERIFY(writeAndWait(*writer, batch).ok);
        }
        DashboardQuery query;
        query.fromNs = kBase + 2 * kHour + 17 * kMinute;
        query.toNs = kBase + 74 * kHour + 41 * kMinute;
        const DashboardData data = compute(path, query);
        QCOMPARE(data.bucketNs, kHour);
        double cost = 0;
        int64_t calls = 0, tokens = 0;
        for (const Span &s : batch) {
            if (s.startNs < *query.fromNs || s.startNs >= *query.toNs)
                continue; // both ends are whole minutes here
            cost += *s.fields.costUsd;
            tokens += *s.fields.inputTokens + *s.fields.outputTokens;
            ++calls;
        }
        QCOMPARE(data.totalLlmCalls, calls);
        QVERIFY(std::abs(data.totalCostUsd - cost) < 1e-9);
        int64_t seriesTokens = 0, bucketCalls = 0;
        for (const DashboardSeries &s : data.series)
            for (const int64_t t : s.tokens)
                seriesTokens += t;
        for (const int64_t n : data.llmCalls)
            bucketCalls += n;
        QCOMPARE(seriesTokens, tokens);
        QCOMPARE(bucketCalls, calls);
        // The first bucket holds only the minutes from 02:17.
        int64_t firstHour = 0;
        for (const Span &s : batch)
            firstHour += s.startNs >= *query.fromNs && s.startNs < kBase + 3 * kHour;
        QCOMPARE(data.fromNs, kBase + 2 * kHour);
        QCOMPARE(data.llmCalls.front(), firstHour);
    }

    void bucketSizes()
    {
        QCOMPARE(DashboardData::bucketFor(kHour), kMinute);
        QCOMPARE(DashboardData::bucketFor(2 * kHour), kMinute);
        QCOMPARE(DashboardData::bucketFor(24 * kHour), 15 * kMinute);
        QCOMPARE(DashboardData::bucketFor(7 * 24 * kHour), 2 * kHour);
        QCOMPARE(DashboardData::bucketFor(30 * 24 * kHour), 6 * kHour);
        QCOMPARE(DashboardData::bucketFor(400 * 24 * kHour), 24 * kHour);
    }

    void emptyStore()
    {
        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        writer->stop();
        const DashboardData data = compute(path, DashboardQuery{});
        QCOMPARE(data.buckets, 0);
        QVERIFY(data.series.empty());
        QVERIFY(!data.hasLlmData());
        // A given range over an empty store: buckets of zeros, still no LLM data.
        DashboardQuery day;
        day.fromNs = kBase;
        day.toNs = kBase + 24 * kHour;
        const DashboardData empty = compute(path, day);
        QCOMPARE(empty.buckets, 96);
        QCOMPARE(int(empty.llmCalls.size()), 96);
        QVERIFY(!empty.hasLlmData());
    }

    void seriesAddUpToTheSpans()
    {
        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        const SpanBatch batch = spread();
        QVERIFY(writeAndWait(*writer, batch).ok);
        writer->stop();

        double exactCost = 0, noUserCost = 0;
        int64_t exactTokens = 0, calls = 0, errors = 0;
        std::map<std::string, double> byUser;
        std::map<std::string, double> byTrace;
        for (const Span &s : batch) {
            const double cost = s.fields.costUsd.value_or(0);
            exactCost += cost;
            exactTokens += s.fields.inputTokens.value_or(0) + s.fields.outputTokens.value_or(0);
            byTrace[s.traceId] += cost;
            if (s.fields.model.empty())
                continue;
            ++calls;
            errors += s.status == SpanStatus::Error;
            if (s.fields.userId.empty())
                noUserCost += cost;
            else
                byUser[s.fields.userId] += cost;
        }

        for (const DashboardStack stack : {DashboardStack::Model, DashboardStack::User,
                                           DashboardStack::Provider, DashboardStack::Service}) {
            DashboardQuery query;
            query.stackBy = stack;
            const DashboardData data = compute(path, query);
            QCOMPARE(data.bucketNs, 2 * kMinute); // 3 h → 90 two-minute buckets
            QCOMPARE(data.fromNs, kBase);
            QCOMPARE(data.buckets, 90);
            QVERIFY(data.hasLlmData());
            double seriesCost = 0;
            int64_t seriesTokens = 0;
            for (const DashboardSeries &s : data.series) {
                QCOMPARE(int(s.costUsd.size()), data.buckets);
                for (int b = 0; b < data.buckets; ++b) {
                    seriesCost += s.costUsd[size_t(b)];
                    seriesTokens += s.tokens[size_t(b)];
                }
            }
            QVERIFY(std::abs(seriesCost - exactCost) < 1e-9);
            QCOMPARE(seriesTokens, exactTokens);
            QVERIFY(std::abs(data.totalCostUsd - exactCost) < 1e-9);
            int64_t sumCalls = 0, sumErrors = 0;
            for (int b = 0; b < data.buckets; ++b) {
                sumCalls += data.llmCalls[size_t(b)];
                sumErrors += data.llmErrors[size_t(b)];
            }
            QCOMPARE(sumCalls, calls);
            QCOMPARE(sumErrors, errors);
            if (stack == DashboardStack::Model) {
                QCOMPARE(int(data.series.size()), 9); // 8 models + other
                QCOMPARE(data.series.back().key, DashboardData::kOther);
                for (size_t i = 1; i + 1 < data.series.size(); ++i)
                    QVERIFY(data.series[i - 1].totalCostUsd >= data.series[i].totalCostUsd);
            }
            if (stack == DashboardStack::User) {
                QCOMPARE(int(data.series.size()), int(byUser.size()) + 1);
                QCOMPARE(data.series.back().key, DashboardData::kNone);
                QVERIFY(std::abs(data.series.back().totalCostUsd - noUserCost) < 1e-9);
            }
        }

        DashboardQuery query;
        const DashboardData data = compute(path, query);
        // Percentiles per model: 11 models, each within the histogram's bound of the exact p95.
        QCOMPARE(int(data.modelLatency.size()), 11);
        for (const DashboardLatency &l : data.modelLatency) {
            std::vector<int64_t> durations;
            for (const Span &s : batch)
                if (s.fields.model == l.key)
                    durations.push_back(s.endNs - s.startNs);
            std::sort(durations.begin(), durations.end());
            const int64_t exact = durations[size_t(0.95 * double(durations.size() - 1) + 0.5)];
            QCOMPARE(l.spans, int64_t(durations.size()));
            QVERIFY2(std::abs(double(l.p95Ns - exact)) <= exact / 64.0 + 1, l.key.c_str());
            QVERIFY(l.p50Ns <= l.p95Ns && l.p95Ns <= l.p99Ns);
        }
        QCOMPARE(int(data.serviceLatency.size()), 4); // svc-0..2 and gateway

        // Costliest traces and users, most expensive first, as the spans add up.
        std::vector<std::pair<double, std::string>> traces;
        for (const auto &[id, cost] : byTrace)
            traces.emplace_back(cost, id);
        std::sort(traces.rbegin(), traces.rend());
        QCOMPARE(int(data.topTraces.size()), 10);
        for (size_t i = 0; i < data.topTraces.size(); ++i)
            QVERIFY(std::abs(data.topTraces[i].costUsd - traces[i].first) < 1e-9);
        QCOMPARE(int(data.topUsers.size()), int(byUser.size()));
        QCOMPARE(data.topUsers.front().id,
                 std::max_element(byUser.begin(), byUser.end(), [](const auto &a, const auto &b) {
                     return a.second < b.second;
                 })->first);
        QVERIFY(!data.topSessions.empty());
        for (size_t i = 1; i < data.topSessions.size(); ++i)
            QVERIFY(data.topSessions[i - 1].costUsd >= data.topSessions[i].costUsd);

        // One hour of the three: a third of the calls, in one-minute buckets.
        DashboardQuery hour;
        hour.fromNs = kBase + kHour;
        hour.toNs = kBase + 2 * kHour;
        const DashboardData h = compute(path, hour);
        QCOMPARE(h.bucketNs, kMinute);
        QCOMPARE(h.buckets, 60);
        QCOMPARE(h.totalLlmCalls, 120);
        for (const CostlyItem &t : h.topTraces)
            QVERIFY(t.startNs >= kBase + kHour && t.startNs < kBase + 2 * kHour);
    }

    void stackByWorkspace()
    {
        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        SpanBatch batch;
        for (int i = 0; i < 20; ++i) {
            Span s = llmSpan("t" + std::to_string(i), i, kBase + i * kMinute, "gpt-4o");
            s.workspace = i % 4 == 0 ? "team-b" : "local";
            batch.push_back(std::move(s));
        }
        QVERIFY(writeAndWait(*writer, batch).ok);
        writer->stop();
        DashboardQuery query;
        query.stackBy = DashboardStack::Workspace;
        const DashboardData data = compute(path, query);
        QCOMPARE(int(data.series.size()), 2);
        QCOMPARE(data.totalLlmCalls, 20);
        QStringList keys;
        for (const DashboardSeries &s : data.series)
            keys << QString::fromStdString(s.key);
        keys.sort();
        QCOMPARE(keys, (QStringList{QStringLiteral("local"), QStringLiteral("team-b")}));
        // One workspace alone: only its calls.
        query.stackBy = DashboardStack::Model;
        query.workspace = "team-b";
        QCOMPARE(compute(path, query).totalLlmCalls, 5);
    }

    // A GenAI call of 1000 input tokens of which 800 were read from the cache and 100 output tokens on
    // gpt-4o ($2.50 input, $1.25 cached input, $10 output per 1M): 1100 tokens and $0.0025 — the cached
    // tokens are neither added to the tokens nor priced twice.
    void cachedTokensCountedOnce()
    {
        Span s;
        s.traceId = "cached";
        s.spanId = "1";
        s.name = "chat gpt-4o";
        s.service = "agent";
        s.startNs = kBase;
        s.endNs = kBase + 800 * kMs;
        s.source = "test";
        s.attributes = {{"gen_ai.request.model", "gpt-4o"},
                        {"gen_ai.provider.name", "openai"},
                        {"gen_ai.usage.input_tokens", 1000},
                        {"gen_ai.usage.cache_read.input_tokens", 800},
                        {"gen_ai.usage.output_tokens", 100}};
        Normalizer().normalize(s);
        QCOMPARE(s.fields.cachedInputTokens.value_or(0), 800);
        QCOMPARE(s.fields.costSource, CostSource::Computed);

        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(writeAndWait(*writer, {s}).ok);
        writer->stop();
        const DashboardData data = compute(path, DashboardQuery{});
        QCOMPARE(data.inputTokens, 1000);
        QCOMPARE(data.outputTokens, 100);
        QCOMPARE(int(data.series.size()), 1);
        QCOMPARE(data.series[0].totalTokens, 1100);
        QVERIFY2(std::abs(data.totalCostUsd - 0.0025) < 1e-12, std::to_string(data.totalCostUsd).c_str());
        QCOMPARE(int(data.topTraces.size()), 1);
        QVERIFY(std::abs(data.topTraces[0].costUsd - 0.0025) < 1e-12);
        QCOMPARE(data.topTraces[0].tokens, 1100);
    }
    // A GenAI call on `model` whose input is one user message.
    static Span promptSpan(const std::string &trace, const std::string &model, const std::string &prompt,
                           int64_t start)
    {
        Span s;
        s.traceId = trace;
        s.spanId = "1";
        s.name = "chat " + model;
        s.service = "agent";
        s.startNs = start;
        s.endNs = start + 500 * kMs;
        s.source = "test";
        s.attributes = {{"gen_ai.request.model", model},
                        {"gen_ai.provider.name", "openai"},
                        {"gen_ai.usage.input_tokens", 1000},
                        {"gen_ai.usage.output_tokens", 100},
                        {"gen_ai.input.messages",
                         nlohmann::json::array(
                             {{{"role", "system"}, {"parts", {{{"type", "text"}, {"content", "Be brief."}}}}},
                              {{"role", "user"}, {"parts", {{{"type", "text"}, {"content", prompt}}}}}})
                             .dump()}};
        Normalizer().normalize(s);
        return s;
    }

    // Three identical prompts to gpt-4o, one other prompt to gpt-4o and the same prompt to gpt-4o-mini: one
    // group of three. gpt-4o costs $2.50 / $1.25 cached / $10 per 1M: each call $0.0035; caching the input of
    // the two repeats saves 2 × 1000 × $1.25 / 1M = $0.0025. Without a cached price the repeats' whole cost.
    void identicalPromptsGrouped()
    {
        SpanBatch batch;
        for (int i = 0; i < 3; ++i)
            batch.push_back(promptSpan("same-" + std::to_string(i), "gpt-4o",
                                       "What is the capital of France?", kBase + i * kMinute));
        batch.push_back(promptSpan("other", "gpt-4o", "What is the capital of Spain?", kBase + 4 * kMinute));
        batch.push_back(
            promptSpan("mini", "gpt-4o-mini", "What is the capital of France?", kBase + 5 * kMinute));
        QVERIFY(batch[0].fields.promptHash);
        QCOMPARE(batch[0].fields.promptHash, batch[1].fields.promptHash);
        QVERIFY(batch[0].fields.promptHash != batch[3].fields.promptHash);
        QVERIFY(batch[0].fields.promptHash != batch[4].fields.promptHash);

        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(writeAndWait(*writer, batch).ok);
        writer->stop();

        DashboardQuery query;
        query.inputPrice = [](const std::string &model) -> std::optional<InputPrice> {
            if (model == "gpt-4o")
                return InputPrice{2.5, 1.25};
            return std::nullopt;
        };
        DashboardData data = compute(path, query);
        QCOMPARE(int(data.repeatedPrompts.size()), 1);
        const PromptRepeat &r = data.repeatedPrompts[0];
        QCOMPARE(r.calls, 3);
        QCOMPARE(r.model, std::string("gpt-4o"));
        QCOMPARE(r.traceId, std::string("same-0"));
        QCOMPARE(r.sample, std::string("What is the capital of France?"));
        QVERIFY2(std::abs(r.costUsd - 0.0105) < 1e-9, std::to_string(r.costUsd).c_str());
        QVERIFY(r.promptCache);
        QVERIFY2(std::abs(r.savingUsd - 0.0025) < 1e-9, std::to_string(r.savingUsd).c_str());
        QCOMPARE(data.promptHashesFromNs, 0); // a new store: every span has its hash

        query.inputPrice = nullptr;
        data = compute(path, query);
        QCOMPARE(int(data.repeatedPrompts.size()), 1);
        QVERIFY(!data.repeatedPrompts[0].promptCache);
        QVERIFY(std::abs(data.repeatedPrompts[0].savingUsd - 0.007) < 1e-9);

        // A range of weeks reads the prompt rollups instead of the range's spans: the same group.
        query.fromNs = kBase - 14 * 24 * kHour;
        query.toNs = kBase + 14 * 24 * kHour;
        data = compute(path, query);
        QCOMPARE(int(data.repeatedPrompts.size()), 1);
        QCOMPARE(data.repeatedPrompts[0].calls, 3);
        QCOMPARE(data.repeatedPrompts[0].traceId, std::string("same-0"));
        QVERIFY(std::abs(data.repeatedPrompts[0].costUsd - 0.0105) < 1e-9);

        // A range holding one of the three calls has no repeat.
        query.fromNs = kBase + 2 * kMinute;
        query.toNs = kBase + 6 * kMinute;
        QVERIFY(compute(path, query).repeatedPrompts.empty());
    }

    // The hash is of the normalised input: the same user message from GenAI and from OpenInference
    // attributes hashes alike, whatever the answer; another model or message does not.
    void promptHashIgnoresTheConvention()
    {
        Span genAi;
        genAi.attributes = {
            {"gen_ai.request.model", "gpt-4o"},
            {"gen_ai.input.messages",
             nlohmann::json::array(
                 {{{"role", "user"}, {"parts", {{{"type", "text"}, {"content", "Hi there"}}}}}})
                 .dump()},
            {"gen_ai.output.messages",
             nlohmann::json::array(
                 {{{"role", "assistant"}, {"parts", {{{"type", "text"}, {"content", "Hello!"}}}}}})
                 .dump()}};
        Span openInference;
        openInference.attributes = {{"openinference.span.kind", "LLM"},
                                    {"llm.model_name", "gpt-4o"},
                                    {"llm.input_messages.0.message.role", "user"},
                                    {"llm.input_messages.0.message.content", "Hi there"},
                                    {"llm.output_messages.0.message.role", "assistant"},
                                    {"llm.output_messages.0.message.content", "Something else"}};
        Normalizer().normalize(genAi);
        Normalizer().normalize(openInference);
        QVERIFY(genAi.fields.promptHash);
        QCOMPARE(openInference.fields.category, std::string("llm"));
        QCOMPARE(openInference.fields.promptHash, genAi.fields.promptHash);
        openInference.attributes["llm.input_messages.0.message.content"] = "Hi there!";
        Normalizer().normalize(openInference);
        QVERIFY(openInference.fields.promptHash != genAi.fields.promptHash);
        Span tool; // not an LLM call: no hash
        tool.attributes = {{"gen_ai.tool.name", "lookup"}};
        Normalizer().normalize(tool);
        QVERIFY(!tool.fields.promptHash);
    }

    // Cost shares over 11 models sum to 100 %; the cached ratio is cached ÷ input with cached tokens a part
    // of input: 800 of model-a's 1000 input tokens, none of model-b's, so 800 / 2000 overall.
    void costSharesAndCachedRatio()
    {
        const QString path = newStore();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(writeAndWait(*writer, spread()).ok);
        DashboardData data = compute(path, DashboardQuery{});
        QCOMPARE(int(data.modelShares.size()), 11);
        double sum = 0;
        for (const ModelShare &share : data.modelShares)
            sum += share.share;
        QVERIFY2(std::abs(sum - 1.0) < 1e-9, std::to_string(sum).c_str());
        QVERIFY(data.modelShares.front().costUsd >= data.modelShares.back().costUsd);
        QCOMPARE(data.cachedInputTokens, 0);

        SpanBatch cached;
        for (const char *model : {"model-a", "model-b"}) {
            Span s = llmSpan(std::string("cached-") + model, 0, kBase + 7 * kHour, model);
            s.fields.inputTokens = 1000;
            if (std::string(model) == "model-a")
                s.fields.cachedInputTokens = 800;
            cached.push_back(std::move(s));
        }
        QVERIFY(writeAndWait(*writer, cached).ok);
        writer->stop();
        DashboardQuery day;
        day.fromNs = kBase + 7 * kHour;
        day.toNs = kBase + 8 * kHour;
        data = compute(path, day);
        QCOMPARE(data.inputTokens, 2000);
        QCOMPARE(data.cachedInputTokens, 800);
        QCOMPARE(data.cachedRatio(), 0.4);
        QCOMPARE(int(data.modelShares.size()), 2);
        for (const ModelShare &share : data.modelShares) {
            QCOMPARE(share.inputTokens, 1000);
            QCOMPARE(share.cachedRatio(), share.model == "model-a" ? 0.8 : 0.0);
        }
        // The whole range reads hourly rollups: the same cached tokens there.
        data = compute(path, DashboardQuery{});
        QCOMPARE(data.cachedInputTokens, 800);
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "test_dashboard.moc"

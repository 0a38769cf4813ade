// Metric rollups (MetricsRollup, LatencyHistogram, StoreReader::metrics): the summary read from rollups
// equals the exact computation over the stored spans — counts, errors, tokens and cost exactly, percentiles
// within the stated bound — after inserts, identical resends, updates that move spans, and over ranges that
// cut minutes; and the migration's backfill builds the same rows the writer keeps.

#include "database.h"
#include "latencyhistogram.h"
#include "metricsrollup.h"
#include "promptrollupcheck.h"
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
#include <random>
#include <set>

using namespace tracedeck;
using tracedeck::testing::promptRollupMismatch;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kMinute = MetricsRollup::kBucketNs;
constexpr int64_t kBase = 1'764'000'000'000'000'000; // a minute boundary
constexpr int64_t kMs = 1'000'000;

struct Exact {
    int64_t spans = 0, errors = 0, inputTokens = 0, outputTokens = 0;
    std::optional<double> cost;
    std::vector<int64_t> durations;
    std::set<std::string> traces;
};

// The exact per-group figures from the span rows themselves.
std::map<std::string, Exact> exactMetrics(const QString &path, const std::string &workspace,
                                          MetricsGrouping g, int64_t from, int64_t to)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    std::map<std::string, Exact> out;
    if (!db)
        return out;
    const std::string column = MetricsRollup::keyColumn(g);
    Statement stmt =
        db->prepare("SELECT " + column +
                    ", end_ns - start_ns, status, input_tokens, output_tokens, cost_usd, trace_id "
                    "FROM spans WHERE workspace = ?1 AND " +
                    column + " IS NOT NULL AND start_ns >= ?2 AND start_ns < ?3");
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, from);
    sqlite3_bind_int64(s, 3, to);
    while (sqlite3_step(s) == SQLITE_ROW) {
        Exact &e = out[reinterpret_cast<const char *>(sqlite3_column_text(s, 0))];
        ++e.spans;
        e.durations.push_back(sqlite3_column_int64(s, 1));
        e.errors += sqlite3_column_int(s, 2) == 2;
        e.inputTokens += sqlite3_column_int64(s, 3);
        e.outputTokens += sqlite3_column_int64(s, 4);
        if (sqlite3_column_type(s, 5) != SQLITE_NULL)
            e.cost = e.cost.value_or(0) + sqlite3_column_double(s, 5);
        e.traces.insert(reinterpret_cast<const char *>(sqlite3_column_text(s, 6)));
    }
    return out;
}

// Traces by the rollup rule: a trace counts where its earliest span of the group starts.
std::map<std::string, int64_t> anchoredTraces(const QString &path, const std::string &workspace,
                                              MetricsGrouping g, int64_t from, int64_t to)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    const std::string column = MetricsRollup::keyColumn(g);
    Statement stmt =
        db->prepare("SELECT k, count(*) FROM (SELECT " + column + " AS k, min(start_ns) AS first " +
                    "FROM spans WHERE workspace = ?1 AND " + column + " IS NOT NULL GROUP BY trace_id, " +
                    column + ") WHERE first >= ?2 AND first < ?3 GROUP BY k");
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, from);
    sqlite3_bind_int64(s, 3, to);
    std::map<std::string, int64_t> out;
    while (sqlite3_step(s) == SQLITE_ROW)
        out[reinterpret_cast<const char *>(sqlite3_column_text(s, 0))] = sqlite3_column_int64(s, 1);
    return out;
}

int64_t exactPercentile(std::vector<int64_t> d, double q)
{
    std::sort(d.begin(), d.end());
    return d[std::min(d.size() - 1, size_t(q * double(d.size() - 1) + 0.5))];
}

bool withinBound(int64_t approx, int64_t exact, double bound)
{
    return std::abs(double(approx - exact)) <= bound * double(exact) + 1e-9;
}

// Prompt hashes called at least twice in [from, to) by the spans themselves, with the traces of each
// group's first call.
struct ExactRepeat {
    int64_t calls = 0, costPico = 0, input = 0, cached = 0, first = INT64_MAX;
    std::set<std::string> firstTraces;
};

std::map<int64_t, ExactRepeat> exactRepeats(const QString &path, const std::string &workspace, int64_t from,
                                            int64_t to)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    Statement stmt = db->prepare("SELECT prompt_hash, cost_usd, coalesce(input_tokens, 0), "
                                 "coalesce(cached_input_tokens, 0), start_ns, trace_id FROM spans "
                                 "WHERE workspace = ?1 AND prompt_hash IS NOT NULL AND start_ns >= ?2 "
                                 "AND start_ns < ?3");
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, from);
    sqlite3_bind_int64(s, 3, to);
    std::map<int64_t, ExactRepeat> out;
    while (sqlite3_step(s) == SQLITE_ROW) {
        ExactRepeat &r = out[sqlite3_column_int64(s, 0)];
        ++r.calls;
        if (sqlite3_column_type(s, 1) != SQLITE_NULL)
            r.costPico += MetricsRollup::toPicoUsd(sqlite3_column_double(s, 1));
        r.input += sqlite3_column_int64(s, 2);
        r.cached += sqlite3_column_int64(s, 3);
        const int64_t start = sqlite3_column_int64(s, 4);
        const std::string trace = reinterpret_cast<const char *>(sqlite3_column_text(s, 5));
        if (start < r.first)
            r.firstTraces.clear();
        if (start <= r.first) {
            r.first = start;
            r.firstTraces.insert(trace);
        }
    }
    std::erase_if(out, [](const auto &entry) { return entry.second.calls < 2; });
    return out;
}

// Every row of a query, its columns joined by '|'.
QStringList dumpRows(const QString &path, const std::string &sql)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    Statement stmt = db->prepare(sql, &error);
    QStringList rows;
    while (stmt && sqlite3_step(stmt.get()) == SQLITE_ROW) {
        QStringList row;
        for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c)
            row << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), c)));
        rows << row.join(QLatin1Char('|'));
    }
    return rows;
}

// A deterministic mix: 4 services, 3 models (and spans without), 2 providers, some users, costs on some.
SpanBatch makeTraces(const std::string &workspace, int first, int count, uint32_t seed)
{
    std::mt19937 rng(seed);
    SpanBatch batch;
    for (int t = first; t < first + count; ++t) {
        const int spans = 1 + int(rng() % 8);
        const int64_t start = kBase + int64_t(rng() % 300'000) * kMs; // five minutes
        for (int s = 0; s < spans; ++s) {
            Span span;
            span.workspace = workspace;
            span.traceId = workspace + "-trace-" + std::to_string(t);
            span.spanId = std::to_string(s);
            if (s > 0)
                span.parentSpanId = "0";
            span.name = "op";
            span.service = "svc-" + std::to_string(rng() % 4);
            span.startNs = start + int64_t(rng() % 40'000) * kMs; // often in the next minute
            span.endNs = span.startNs + int64_t(1 + rng() % 5000) * 100'000;
            span.source = "test";
            if (rng() % 3 == 0) {
                span.fields.model = "model-" + std::to_string(rng() % 3);
                span.fields.provider = rng() % 2 ? "openai" : "anthropic";
                span.fields.inputTokens = int64_t(rng() % 2000);
                span.fields.outputTokens = int64_t(rng() % 500);
                if (rng() % 4)
                    span.fields.costUsd = double(rng() % 10'000) * 1e-6;
                if ((t + s) % 7)
                    span.fields.promptHash = int64_t((t * 3 + s) % 5);
            }
            if (t % 5 == 0)
                span.fields.userId = "user-" + std::to_string(t % 7);
            if (rng() % 13 == 0)
                span.status = SpanStatus::Error;
            batch.push_back(std::move(span));
        }
    }
    return batch;
}

} // namespace

class TestRollup : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_counter = 0;

    QString newPath() { return m_dir.filePath(QStringLiteral("rollup-%1.db").arg(++m_counter)); }

    // Every grouping, whole store and ranges cutting minutes: rollup answer vs exact spans.
    // hashed: the spans carry prompt hashes (false after a rewind past the migration that added them).
    void compareAll(const QString &path, const std::string &workspace, bool hashed = true)
    {
        std::string error;
        auto reader = StoreReader::open(path.toStdString(), &error);
        QVERIFY2(reader, error.c_str());
        struct Range {
            std::optional<int64_t> from, to;
            bool aligned;
        };
        const std::vector<Range> ranges = {
            {std::nullopt, std::nullopt, true},
            {kBase + kMinute, kBase + 4 * kMinute, true},                               // whole minutes only
            {kBase + kMinute + 17'321 * kMs, kBase + 4 * kMinute + 5'003 * kMs, false}, // both ends cut
            {kBase + 30'000 * kMs, std::nullopt, false},                                // open end
            {kBase + 2 * kMinute + 1, kBase + 2 * kMinute + 50'000 * kMs, false}, // inside one minute: exact
        };
        for (const Range &range : ranges) {
            for (int g = 0; g < kMetricsGroupings; ++g) {
                const auto grouping = MetricsGrouping(g);
                const auto groups = reader->metrics(workspace, grouping, range.from, range.to, &error);
                QVERIFY2(error.empty(), error.c_str());
                const int64_t from = range.from.value_or(INT64_MIN), to = range.to.value_or(INT64_MAX);
                const auto exact = exactMetrics(path, workspace, grouping, from, to);
                const auto anchored = anchoredTraces(path, workspace, grouping, from, to);
                const QByteArray where = QByteArray("grouping ") + QByteArray::number(g) + " range " +
                                         QByteArray::number(qint64(from)) + ".." +
                                         QByteArray::number(qint64(to));
                QCOMPARE(groups.size(), exact.size());
                for (const MetricsGroup &group : groups) {
                    const auto it = exact.find(group.key);
                    QVERIFY2(it != exact.end(), where.constData());
                    const Exact &e = it->second;
                    QVERIFY2(group.spans == e.spans, where.constData());
                    QVERIFY2(group.errors == e.errors, where.constData());
                    QVERIFY2(group.inputTokens == e.inputTokens, where.constData());
                    QVERIFY2(group.outputTokens == e.outputTokens, where.constData());
                    QVERIFY2(group.costUsd.has_value() == e.cost.has_value(), where.constData());
                    if (e.cost) // integer picodollars in the rollups: equal to far below a cent
                        QVERIFY2(std::abs(*group.costUsd - *e.cost) < 1e-9, where.constData());
                    const double bound = group.percentileError;
                    QVERIFY(bound <= LatencyHistogram::kRelativeError);
                    QVERIFY2(withinBound(group.p50Ns, exactPercentile(e.durations, 0.50), bound),
                             where.constData());
                    QVERIFY2(withinBound(group.p95Ns, exactPercentile(e.durations, 0.95), bound),
                             where.constData());
                    QVERIFY2(withinBound(group.p99Ns, exactPercentile(e.durations, 0.99), bound),
                             where.constData());
                    if (!range.from && !range.to)
                        QVERIFY2(group.traces == int64_t(e.traces.size()), where.constData());
                    else if (range.aligned)
                        QVERIFY2(group.traces == anchored.at(group.key), where.constData());
                    else // the documented approximation at cut ends: never fewer than the distinct traces
                        QVERIFY2(group.traces >= int64_t(e.traces.size()) ||
                                     group.traces >= (anchored.count(group.key) ? anchored.at(group.key) : 0),
                                 where.constData());
                }
            }
        }
        comparePrompts(path, workspace, hashed);
    }

    // prompt_rollups against the spans, and the repeated prompts of ranges read from it (longer than two
    // days: every group inside, groups straddling either end) or from the range's spans (shorter).
    void comparePrompts(const QString &path, const std::string &workspace, bool hashed = true)
    {
        const std::string mismatch = promptRollupMismatch(path.toStdString());
        QVERIFY2(mismatch.empty(), mismatch.c_str());
        std::string error;
        auto reader = StoreReader::open(path.toStdString(), &error);
        QVERIFY2(reader, error.c_str());
        constexpr int64_t kDay = 24 * 60 * kMinute;
        const std::vector<std::pair<int64_t, int64_t>> ranges = {
            {kBase - 3 * kDay, kBase + 3 * kDay},
            {kBase + 2 * kMinute + 17'321 * kMs, kBase + 3 * kDay},
            {kBase - 3 * kDay, kBase + 3 * kMinute + 5'003 * kMs},
            {kBase + kMinute, kBase + 4 * kMinute},
        };
        for (const auto &[from, to] : ranges) {
            const QByteArray where =
                "prompts in " + QByteArray::number(qint64(from)) + ".." + QByteArray::number(qint64(to));
            const auto exact = exactRepeats(path, workspace, from, to);
            const auto groups = reader->repeatedPrompts(workspace, from, to, 1000, &error);
            QVERIFY2(error.empty(), error.c_str());
            QVERIFY2(groups.size() == exact.size(), where.constData());
            QVERIFY2(exact.empty() != hashed, where.constData());
            for (size_t i = 0; i < groups.size(); ++i) {
                const PromptGroup &g = groups[i];
                const auto it = exact.find(g.hash);
                QVERIFY2(it != exact.end(), where.constData());
                QVERIFY2(g.calls == it->second.calls, where.constData());
                QVERIFY2(g.costPicoUsd == it->second.costPico, where.constData());
                QVERIFY2(g.inputTokens == it->second.input, where.constData());
                QVERIFY2(g.cachedInputTokens == it->second.cached, where.constData());
                QVERIFY2(it->second.firstTraces.count(g.traceId), where.constData());
                QVERIFY2(g.workspace == workspace, where.constData());
                if (i > 0)
                    QVERIFY2(groups[i - 1].costPicoUsd >= g.costPicoUsd,
                             where.constData()); // costliest first
            }
        }
    }

private Q_SLOTS:
    void histogramBucketsHoldTheirBound()
    {
        for (int64_t v :
             {int64_t(0), int64_t(1), int64_t(31), int64_t(32), int64_t(33), int64_t(63), int64_t(64),
              int64_t(1000), int64_t(123'456'789), int64_t(3'600'000'000'000), INT64_MAX / 2}) {
            const int b = LatencyHistogram::bucketOf(v);
            QVERIFY(LatencyHistogram::lowerBound(b) <= v);
            QVERIFY(b == LatencyHistogram::bucketOf(LatencyHistogram::lowerBound(b)));
            QVERIFY(LatencyHistogram::bucketOf(LatencyHistogram::lowerBound(b + 1)) == b + 1);
            QVERIFY(LatencyHistogram::lowerBound(b + 1) > v);
            QVERIFY(withinBound(LatencyHistogram::midpoint(b), v, LatencyHistogram::kRelativeError));
        }
        LatencyHistogram h;
        h.add(5);
        h.add(1'000'000, 3);
        h.add(7'000'000'000);
        LatencyHistogram delta;
        delta.add(1'000'000, -2);
        const std::string bytes = delta.encode();
        QVERIFY(h.mergeEncoded(bytes.data(), bytes.size()));
        QCOMPARE(h.total(), int64_t(3));
        QCOMPARE(h.percentile(0.0), int64_t(5));
        QVERIFY(withinBound(h.percentile(1.0), 7'000'000'000, LatencyHistogram::kRelativeError));
        QVERIFY(!h.mergeEncoded("\xff", 1)); // a truncated varint is refused, not guessed at
    }

    void rollupsEqualExactAfterInsertsResendsAndUpdates()
    {
        const QString path = newPath();
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        SpanBatch all = makeTraces("local", 0, 400, 1);
        SpanBatch team = makeTraces("team", 0, 100, 2);
        // Traces split over several commits (later halves arrive for traces already stored).
        SpanBatch firstHalf, secondHalf;
        for (size_t i = 0; i < all.size(); ++i)
            (i % 2 ? secondHalf : firstHalf).push_back(all[i]);
        QVERIFY(writeAndWait(*writer, firstHalf).ok);
        QVERIFY(writeAndWait(*writer, secondHalf).ok);
        QVERIFY(writeAndWait(*writer, team).ok);
        compareAll(path, "local");
        compareAll(path, "team");

        // Identical resends change nothing.
        const CommitResult resent = writeAndWait(*writer, all);
        QVERIFY(resent.ok);
        QCOMPARE(resent.stats.unchanged, int64_t(all.size()));
        compareAll(path, "local");

        // Updates: an end time arrives, a status turns to error, a span moves minutes (an earlier start moves
        // its trace's anchor), a model and a cost change, a service changes. Some twice in one batch.
        SpanBatch updates;
        for (size_t i = 0; i < all.size(); i += 7) {
            Span span = all[i];
            switch (i % 5) {
            case 0:
                span.endNs += 2'500 * kMs;
                break;
            case 1:
                span.status = SpanStatus::Error;
                break;
            case 2:
                span.startNs -= 70'000 * kMs;
                break;
            case 3:
                span.fields.model = "model-9";
                span.fields.costUsd = 0.5;
                span.fields.promptHash = 9;
                break;
            case 4:
                span.service = "svc-moved";
                break;
            }
            updates.push_back(span);
            if (i % 3 == 0) {
                span.endNs += 40'000 * kMs;
                updates.push_back(span);
            }
        }
        const CommitResult updated = writeAndWait(*writer, updates);
        QVERIFY(updated.ok);
        QVERIFY(updated.stats.updated > 50);
        compareAll(path, "local");
        compareAll(path, "team");
        // Rows whose spans all moved away are gone, not left at zero.
        QCOMPARE(Database::open(path.toStdString(), Database::Mode::ReadOnly, &error)
                     ->queryInt("SELECT count(*) FROM metric_rollups WHERE spans <= 0"),
                 int64_t(0));
        QCOMPARE(Database::open(path.toStdString(), Database::Mode::ReadOnly, &error)
                     ->queryInt("SELECT count(*) FROM prompt_rollups WHERE calls <= 0"),
                 int64_t(0));
    }

    void migrationBackfillsWhatTheWriterKeeps()
    {
        const QString path = newPath();
        std::string error;
        const auto dumpRollups = [&path] {
            return dumpRows(path, "SELECT workspace, grouping, bucket, group_key, spans, errors, traces, "
                                  "input_tokens, output_tokens, cost_pusd, cost_spans, hex(latency) "
                                  "FROM metric_rollups ORDER BY 1, 2, 3, 4");
        };
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
            QVERIFY(writeAndWait(*writer, makeTraces("local", 0, 300, 3)).ok);
            QVERIFY(writeAndWait(*writer, makeTraces("team", 0, 50, 4)).ok);
        }
        const QStringList kept = dumpRollups();
        QVERIFY(kept.size() > 50);
        {
            auto db = Database::open(path.toStdString(), Database::Mode::ReadWrite, &error);
            // Back to the version before the rollups (key usage came first).
            QVERIFY(db->exec("DROP INDEX spans_by_prompt; ALTER TABLE spans DROP COLUMN prompt_hash; "
                             "ALTER TABLE metric_rollups_hourly DROP COLUMN cached_input_tokens; "
                             "DROP TABLE metric_rollups; DROP INDEX traces_by_stored; "
                             "ALTER TABLE traces DROP COLUMN stored_ns; PRAGMA user_version = 4",
                             &error));
        }
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
        }
        QCOMPARE(dumpRollups(), kept);
        compareAll(path, "local", false);
    }

    // The prompt rollups' backfill (schema 11) builds the rows the writer keeps.
    void promptRollupsBackfilled()
    {
        const QString path = newPath();
        std::string error;
        const auto dump = [&path] {
            return dumpRows(path, "SELECT * FROM prompt_rollups ORDER BY workspace, prompt_hash");
        };
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
            QVERIFY(writeAndWait(*writer, makeTraces("local", 0, 200, 5)).ok);
            QVERIFY(writeAndWait(*writer, makeTraces("team", 0, 40, 6)).ok);
        }
        const QStringList kept = dump();
        QCOMPARE(kept.size(), 10); // five prompts in each workspace
        {
            auto db = Database::open(path.toStdString(), Database::Mode::ReadWrite, &error);
            QVERIFY(db->exec("DROP TABLE prompt_rollups; PRAGMA user_version = " +
                                 std::to_string(Schema::kPromptRollupsVersion - 1),
                             &error));
        }
        {
            auto writer = SpanWriter::open(path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
        }
        QCOMPARE(dump(), kept);
        comparePrompts(path, "team");
    }
};

QTEST_GUILESS_MAIN(TestRollup)
#include "test_rollup.moc"

// bench_dashboard: every chart of the cost dashboard (DashboardData::compute: stacked cost and tokens, LLM
// calls and errors, latency per model and service, the costliest traces, users and sessions) on a store of
// 1M LLM spans over 30 days (250k traces of 4 LLM spans, 10 services, 10 models, 500 users, 2,000
// sessions; one LLM call in five repeats one of 1,000 prompts, the rest are unique: the savings hints),
// for the whole range and for one day, stacked by model and by user. Prints p50/p95 of the runs. Asserts
// nothing. Goal: ≤ 300 ms for the whole range. A last-7-days range shows the repeated prompts counted from
// their spans (every group straddles its start).
//
//   bench_dashboard [--spans N] [--db FILE] [--runs N]   (a given FILE is reused when it exists)

#include "dashboarddata.h"
#include "latencyhistogram.h"
#include "storereader.h"
#include "syntheticstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tracedeck;

namespace {

constexpr int64_t kDayNs = 24LL * 3600 * 1'000'000'000;

void measure(const char *label, StoreReader &reader, const DashboardQuery &query, int runs)
{
    std::vector<double> ms;
    DashboardData data;
    for (int i = 0; i < runs; ++i) {
        std::string error;
        QElapsedTimer timer;
        timer.start();
        data = DashboardData::compute(reader, query, &error);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!error.empty()) {
            std::fprintf(stderr, "bench_dashboard: %s\n", error.c_str());
            return;
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-36s p50 %7.1f ms  p95 %7.1f ms  (%d runs; %d buckets of %lld min, %zu series, %lld LLM "
                "calls, $%.2f)\n",
                label, ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], runs,
                data.buckets, static_cast<long long>(data.bucketNs / 60'000'000'000), data.series.size(),
                static_cast<long long>(data.totalLlmCalls), data.totalCostUsd);
}

// What each read of the whole range costs alone, to see where the time goes (the minute rows are what the
// whole range would read without the hourly rollups).
void measureParts(StoreReader &reader, int runs)
{
    const auto time = [runs](const char *label, const std::function<void()> &part) {
        std::vector<double> ms;
        for (int i = 0; i < runs; ++i) {
            QElapsedTimer timer;
            timer.start();
            part();
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        std::printf("  %-34s p50 %7.1f ms\n", label, ms[ms.size() / 2]);
    };
    std::string error;
    static const char *const names[] = {"service", "model", "provider", "user"};
    for (int g = 0; g < 4; ++g) {
        const std::string label = std::string("minute rollup rows by ") + names[g];
        time(label.c_str(), [&] {
            int64_t n = 0;
            reader.forEachRollup(
                "local", MetricsGrouping(g), INT64_MIN, INT64_MAX,
                [&n](const RollupRow &row) {
                    n += row.spans;
                    return true;
                },
                &error);
        });
    }
    time("minute rows by service + histograms", [&] {
        LatencyHistogram h;
        reader.forEachRollup(
            "local", MetricsGrouping::Service, INT64_MIN, INT64_MAX,
            [&h](const RollupRow &row) {
                return !row.latency || h.mergeEncoded(row.latency, row.latencySize);
            },
            &error);
    });
    time("hourly rollup rows by service", [&] {
        int64_t n = 0;
        reader.forEachRollup(
            "local", MetricsGrouping::Service, INT64_MIN, INT64_MAX,
            [&n](const RollupRow &row) {
                n += row.spans;
                return true;
            },
            &error, StoreReader::RollupTable::Hours);
    });
    time("costliest traces", [&] { reader.costliestTraces("local", 0, INT64_MAX, 10, &error); });
    time("costliest sessions", [&] { reader.costliestSessions("local", 0, INT64_MAX, 10, &error); });
    time("repeated prompts (savings)", [&] { reader.repeatedPrompts("local", 0, INT64_MAX, 10, &error); });
    time("repeated prompts, no workspace", [&] { reader.repeatedPrompts("", 0, INT64_MAX, 10, &error); });
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int64_t spans = 1'000'000;
    int runs = 11;
    QString path;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--spans"))
            spans = args[i + 1].toLongLong();
        else if (args[i] == QStringLiteral("--db"))
            path = args[i + 1];
        else if (args[i] == QStringLiteral("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench.db"));
    SyntheticStore::Shape shape;
    shape.spansPerTrace = 4;
    shape.llmEvery = 1;
    shape.services = 10;
    shape.models = 10;
    shape.sessions = 2000;
    shape.repeatedPrompts = 1000;
    const int64_t traces = spans / shape.spansPerTrace;
    shape.traceSpacingNs = 30 * kDayNs / std::max<int64_t>(1, traces);
    if (!QFileInfo::exists(path) && !SyntheticStore::fill(path, spans, shape))
        return 1;

    std::string error;
    auto reader = StoreReader::open(path.toStdString(), &error);
    if (!reader) {
        std::fprintf(stderr, "bench_dashboard: %s\n", error.c_str());
        return 1;
    }
    constexpr int64_t kStart = 1'700'000'000'000'000'000; // SyntheticStore's first trace
    DashboardQuery all;
    measure("whole range (30 days), by model", *reader, all, runs);
    measureParts(*reader, runs);
    all.stackBy = DashboardStack::User;
    measure("whole range (30 days), by user", *reader, all, runs);
    DashboardQuery day;
    day.fromNs = kStart + 15 * kDayNs;
    day.toNs = kStart + 16 * kDayNs;
    measure("one day, by model", *reader, day, runs);
    day.stackBy = DashboardStack::User;
    measure("one day, by user", *reader, day, runs);
    // Every repeated prompt straddles the range's start: each is counted from its spans in the range.
    DashboardQuery week;
    week.fromNs = kStart + 23 * kDayNs;
    week.toNs = kStart + 30 * kDayNs;
    measure("last 7 days, by model", *reader, week, runs);
    return 0;
}

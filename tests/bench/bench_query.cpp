// bench_query: the query API over HTTP on a store of 1M spans (50k traces of 20 spans, 20 services, 10
// models), against the real listener in this process. Prints p50/p95 latency of GET /api/v1/paths/{id},
// GET /api/v1/traces with three filters, and GET /api/v1/metrics/summary over the whole range. Asserts
// nothing.
//
//   bench_query [--spans N] [--db FILE] [--requests N]   (a given FILE is reused when it exists)

#include "engine.h"
#include "httpclient.h"
#include "syntheticstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace tracedeck;

namespace {

void measure(const char *label, int requests, const std::function<QString(int)> &path,
             const HttpClient &client)
{
    std::vector<double> ms;
    int failures = 0;
    size_t bytes = 0;
    for (int i = 0; i < requests; ++i) {
        QElapsedTimer timer;
        timer.start();
        const HttpResponse response = client.get(path(i));
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        failures += response.status != 200;
        bytes += size_t(response.body.size());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%-44s p50 %7.2f ms  p95 %7.2f ms  (%d requests, %d failed, %.1f KB/answer)\n", label,
                ms[ms.size() / 2], ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))], requests,
                failures, double(bytes) / requests / 1024.0);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int64_t spans = 1'000'000;
    int requests = 200;
    QString path;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--spans"))
            spans = args[i + 1].toLongLong();
        else if (args[i] == QStringLiteral("--db"))
            path = args[i + 1];
        else if (args[i] == QStringLiteral("--requests"))
            requests = args[i + 1].toInt();
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench.db"));
    SyntheticStore::Shape shape;
    shape.services = 20;
    shape.models = 10;
    if (!QFileInfo::exists(path) && !SyntheticStore::fill(path, spans, shape))
        return 1;
    const int64_t traces = spans / shape.spansPerTrace;

    Options options;
    options.databasePath = path;
    options.ingest.address.port = 0;
    Engine engine;
    QString error;
    if (!engine.start(options, &error)) {
        std::fprintf(stderr, "bench_query: %s\n", qPrintable(error));
        return 1;
    }
    std::printf(
        "store: %lld spans, %lld traces, %.0f MB\n", static_cast<long long>(engine.writer()->storedSpans()),
        static_cast<long long>(engine.writer()->storedTraces()), double(QFileInfo(path).size()) / 1e6);
    const HttpClient client(engine.listener()->address().port);

    measure(
        "GET /api/v1/paths/{request_id}", requests,
        [traces](int i) { return QStringLiteral("/api/v1/paths/req-%1").arg((int64_t(i) * 7919) % traces); },
        client);
    measure(
        "GET /api/v1/traces?service&model&status", requests,
        [](int i) {
            return QStringLiteral("/api/v1/traces?service=service-%1&model=model-%2&status=error&limit=50")
                .arg(i % 20)
                .arg(i % 10);
        },
        client);
    measure(
        "GET /api/v1/traces?user_id&service&limit", requests,
        [](int i) {
            return QStringLiteral("/api/v1/traces?user_id=user-%1&service=service-%2&limit=50")
                .arg((i * 3) % 500)
                .arg(i % 20);
        },
        client);
    measure(
        "GET /api/v1/metrics/summary (whole range)", std::max(10, requests / 10),
        [](int i) {
            static const char *groups[] = {"service", "model", "provider", "user"};
            return QStringLiteral("/api/v1/metrics/summary?group_by=%1").arg(QLatin1String(groups[i % 4]));
        },
        client);
    engine.stop();
    return 0;
}

// bench_tracelist: the trace list over a big store. Builds (or reuses) a database of N spans in traces of
// 20 spans, then measures the model as the window uses it: time to the first page, to page through to the
// end (fetchMore as a scrolling view calls it), and the first page under other sorts and filters.
// Prints figures; asserts nothing.
//
//   bench_tracelist [--spans N] [--db FILE]   (a given FILE is reused when it exists)

#include "spanwriter.h"
#include "tracelistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <future>
#include <vector>

using namespace tracedeck;

namespace {

constexpr int kSpansPerTrace = 20;
const char *const kServices[] = {"gateway",    "auth",    "orders",    "payments", "search",
                                 "ml-service", "billing", "inventory", "notifier", "llm-proxy"};
const char *const kModels[] = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet", "gemini-1.5-pro"};

SpanBatch makeTraces(int64_t firstTrace, int traces)
{
    SpanBatch batch;
    batch.reserve(size_t(traces) * kSpansPerTrace);
    for (int64_t t = firstTrace; t < firstTrace + traces; ++t) {
        char traceId[33];
        std::snprintf(traceId, sizeof traceId, "%032llx", static_cast<unsigned long long>(t * 2654435761ull));
        const int64_t start = 1'700'000'000'000'000'000 + t * 50'000'000;
        for (int s = 0; s < kSpansPerTrace; ++s) {
            Span span;
            span.traceId = traceId;
            span.spanId = std::to_string(s + 1);
            if (s > 0)
                span.parentSpanId = std::to_string((s - 1) / 3 + 1);
            span.name = "operation-" + std::to_string(s % 7);
            span.service = kServices[(t + s) % 10];
            span.startNs = start + s * 1'000'000;
            span.endNs = span.startNs + 1'000'000 * (1 + (t * 7 + s) % 90);
            span.source = "bench";
            span.attributes = {{"http.route", "/api/v1/items"}, {"k", s}};
            if (s % 5 == 4) {
                span.fields.category = "llm";
                span.fields.model = kModels[(t + s) % 4];
                span.fields.inputTokens = 100 + (t % 900);
                span.fields.outputTokens = 20 + (t % 300);
                span.fields.costUsd = 0.0001 * double(1 + t % 50);
            }
            if ((t + s) % 97 == 0)
                span.status = SpanStatus::Error;
            if (s == 0 && t % 3 == 0)
                span.fields.userId = "user-" + std::to_string(t % 500);
            batch.push_back(std::move(span));
        }
    }
    return batch;
}

bool fill(const QString &path, int64_t spans)
{
    std::string error;
    auto writer = SpanWriter::open(path.toStdString(), &error);
    if (!writer) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), error.c_str());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const int64_t traces = spans / kSpansPerTrace;
    constexpr int kTracesPerBatch = 250;
    std::vector<std::future<CommitResult>> pending;
    for (int64_t t = 0; t < traces; t += kTracesPerBatch) {
        SpanBatch batch = makeTraces(t, int(std::min<int64_t>(kTracesPerBatch, traces - t)));
        while (true) {
            auto promise = std::make_shared<std::promise<CommitResult>>();
            auto future = promise->get_future();
            if (writer->submit(std::move(batch), [promise](const CommitResult &r) {
                    promise->set_value(r);
                }) == SpanWriter::Submit::Accepted) {
                pending.push_back(std::move(future));
                break;
            }
            pending.front().wait(); // queue full: wait for the oldest batch to commit
            pending.erase(pending.begin());
        }
        if (pending.size() > 64) {
            pending.front().wait();
            pending.erase(pending.begin());
        }
    }
    for (auto &f : pending)
        f.wait();
    writer->stop();
    std::printf("built %lld spans (%lld traces) in %.1f s\n", static_cast<long long>(spans),
                static_cast<long long>(traces), double(timer.elapsed()) / 1000.0);
    return true;
}

// Milliseconds until the model has answered once (its first page).
double firstPageMs(const QString &path, int column, Qt::SortOrder order, const QString &query)
{
    QElapsedTimer timer;
    timer.start();
    TraceListModel model(path);
    QSignalSpy loaded(&model, &TraceListModel::loaded);
    if (column != 0 || order != Qt::DescendingOrder) {
        loaded.wait(60000); // the default query starts in the constructor; measure the requested one after it
        timer.restart();
        model.sort(column, order);
    }
    if (!query.isEmpty()) {
        if (loaded.isEmpty())
            loaded.wait(60000);
        timer.restart();
        model.setFilter(TraceFilter::parse(query));
    }
    const qsizetype before = loaded.size();
    while (loaded.size() == before)
        loaded.wait(60000);
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int64_t spans = 2'000'000;
    QString path;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--spans"))
            spans = args[i + 1].toLongLong();
        else if (args[i] == QStringLiteral("--db"))
            path = args[i + 1];
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench.db"));
    if (!QFileInfo::exists(path) && !fill(path, spans))
        return 1;
    std::printf("database %s: %.0f MB\n", qPrintable(path), double(QFileInfo(path).size()) / 1e6);

    std::vector<double> first;
    for (int run = 0; run < 5; ++run)
        first.push_back(firstPageMs(path, 0, Qt::DescendingOrder, QString()));
    std::sort(first.begin(), first.end());
    std::printf("first page (newest first, %d rows): median %.1f ms, max %.1f ms over 5 opens\n",
                TraceListModel::kPageSize, first[2], first[4]);

    {
        QElapsedTimer timer;
        timer.start();
        TraceListModel model(path);
        QSignalSpy loaded(&model, &TraceListModel::loaded);
        int pages = 0;
        double slowestPageMs = 0;
        QElapsedTimer page;
        page.start();
        while (true) {
            while (model.isLoading())
                loaded.wait(60000);
            slowestPageMs = std::max(slowestPageMs, double(page.nsecsElapsed()) / 1e6);
            ++pages;
            if (!model.canFetchMore({}))
                break;
            page.restart();
            model.fetchMore({});
        }
        std::printf("scroll to the end: %d rows in %d pages, %.2f s (slowest page %.1f ms)\n",
                    model.rowCount(), pages, double(timer.elapsed()) / 1000.0, slowestPageMs);
    }

    struct Case {
        const char *label;
        int column;
        Qt::SortOrder order;
        const char *query;
    };
    const Case cases[] = {
        {"sorted by duration", int(TraceColumn::Duration), Qt::DescendingOrder, ""},
        {"sorted by cost", int(TraceColumn::Cost), Qt::DescendingOrder, ""},
        {"filter service:payments", 0, Qt::DescendingOrder, "service:payments"},
        {"filter status:error model:gpt-4o*", 0, Qt::DescendingOrder, "status:error model:gpt-4o*"},
        {"filter user:user-42", 0, Qt::DescendingOrder, "user:user-42"},
        {"free text operation-3", 0, Qt::DescendingOrder, "operation-3"},
    };
    for (const Case &c : cases) {
        std::vector<double> times;
        for (int run = 0; run < 3; ++run)
            times.push_back(firstPageMs(path, c.column, c.order, QString::fromLatin1(c.query)));
        std::sort(times.begin(), times.end());
        std::printf("first page, %s: median %.1f ms\n", c.label, times[1]);
    }
    return 0;
}

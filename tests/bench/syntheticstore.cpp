#include "syntheticstore.h"

#include "database.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <future>
#include <string>
#include <vector>

namespace tracedeck {

SpanBatch SyntheticStore::traces(int64_t firstTrace, int count, const Shape &shape)
{
    SpanBatch batch;
    batch.reserve(size_t(count) * size_t(shape.spansPerTrace));
    for (int64_t t = firstTrace; t < firstTrace + count; ++t) {
        char traceId[33];
        std::snprintf(traceId, sizeof traceId, "%032llx", static_cast<unsigned long long>(t * 2654435761ull));
        const int64_t start = 1'700'000'000'000'000'000 + t * shape.traceSpacingNs;
        for (int s = 0; s < shape.spansPerTrace; ++s) {
            Span span;
            span.traceId = traceId;
            span.spanId = std::to_string(s + 1);
            if (s > 0)
                span.parentSpanId = std::to_string((s - 1) / 3 + 1);
            span.name = "operation-" + std::to_string(s % 7);
            span.service = "service-" + std::to_string((t + s) % shape.services);
            span.startNs = start + s * 1'000'000;
            span.endNs = span.startNs + 1'000'000 * (1 + (t * 7 + s) % 90);
            span.source = "bench";
            span.attributes = {{"http.route", "/api/v1/items"}, {"k", s}};
            if (s % shape.llmEvery == shape.llmEvery - 1) {
                span.fields.category = "llm";
                span.fields.provider = (t + s) % 2 ? "openai" : "anthropic";
                span.fields.model = "model-" + std::to_string((t + s) % shape.models);
                span.fields.inputTokens = 100 + (t % 900);
                span.fields.outputTokens = 20 + (t % 300);
                span.fields.costUsd = 0.0001 * double(1 + t % 50);
                if (shape.repeatedPrompts > 0)
                    span.fields.promptHash = (t + s) % 5 == 0 ? int64_t((t / 5) % shape.repeatedPrompts)
                                                              : int64_t(1) << 40 | (t * 64 + s);
            }
            if ((t + s) % 97 == 0)
                span.status = SpanStatus::Error;
            if (s == 0) {
                span.fields.requestId = "req-" + std::to_string(t);
                if (t % 3 == 0)
                    span.fields.userId = "user-" + std::to_string(t % 500);
                if (shape.sessions > 0)
                    span.fields.sessionId = "session-" + std::to_string(t % shape.sessions);
            }
            batch.push_back(std::move(span));
        }
    }
    return batch;
}

bool SyntheticStore::fill(const QString &path, int64_t spans, const Shape &shape)
{
    std::string error;
    auto writer = SpanWriter::open(path.toStdString(), &error);
    if (!writer) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(path), error.c_str());
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const int64_t traceCount = spans / shape.spansPerTrace;
    constexpr int kTracesPerBatch = 250;
    std::vector<std::future<CommitResult>> pending;
    for (int64_t t = 0; t < traceCount; t += kTracesPerBatch) {
        SpanBatch batch = traces(t, int(std::min<int64_t>(kTracesPerBatch, traceCount - t)), shape);
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
    writer.reset();
    // The synthetic traces are from 2023: keep them forever, or the retention purge (30 days by default)
    // would delete the store under the benchmark.
    auto db = Database::open(path.toStdString(), Database::Mode::ReadWrite, &error);
    if (!db || !db->exec("UPDATE workspaces SET retention_days = 0", &error)) {
        std::fprintf(stderr, "cannot keep %s forever: %s\n", qPrintable(path), error.c_str());
        return false;
    }
    std::printf("built %lld spans (%lld traces) in %.1f s\n", static_cast<long long>(spans),
                static_cast<long long>(traceCount), double(timer.elapsed()) / 1000.0);
    return true;
}

} // namespace tracedeck

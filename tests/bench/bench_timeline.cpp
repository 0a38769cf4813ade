// bench_timeline: builds TimelineData from synthetic traces of 10k, 100k and 1M spans and renders the
// timeline into a 1600x900 image offscreen. Prints figures; asserts nothing.
//
//   bench_timeline [--sizes 10000,100000,1000000] [--steps 50]

#include "timelinedata.h"
#include "timelineview.h"

#include <QApplication>
#include <QImage>
#include <QScrollBar>
#include <QStringList>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <deque>
#include <random>

using namespace tracedeck;

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// CPU time of this thread: on a shared machine it tells the work apart from waiting for a core.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

std::string hexId(std::mt19937_64 &rng)
{
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(rng()));
    return buffer;
}

// A 10 s request fanning out breadth-first, 1-8 children per span, depth at most 12, in shuffled order.
// Ids are 16 hex digits (OTel span ids); 5% LLM spans, 1% errors, eight services.
TimelineSpans syntheticTrace(int n, uint64_t seed)
{
    std::mt19937_64 rng(seed);
    const char *services[] = {"gateway",  "auth",   "checkout",  "inventory",
                              "payments", "search", "llm-agent", "db"};
    const char *names[] = {"GET /api", "SELECT", "UPDATE",    "redis.get",
                           "rpc.call", "chat",   "tool.call", "render"};
    TimelineSpans spans;
    spans.reserve(n);
    struct Pending {
        int index;
        int depth;
    };
    std::deque<Pending> queue;
    TimelineSpan root;
    root.spanId = hexId(rng);
    root.name = "GET /checkout";
    root.service = "gateway";
    root.startNs = 1'700'000'000'000'000'000;
    root.endNs = root.startNs + 10'000'000'000;
    spans.push_back(root);
    queue.push_back({0, 0});
    while (static_cast<int>(spans.size()) < n && !queue.empty()) {
        const Pending parent = queue.front();
        queue.pop_front();
        if (parent.depth >= 11)
            continue;
        const int children = 1 + static_cast<int>(rng() % 8);
        const int64_t pStart = spans[parent.index].startNs;
        const int64_t slot = std::max<int64_t>(1, (spans[parent.index].endNs - pStart) / children);
        for (int c = 0; c < children && static_cast<int>(spans.size()) < n; ++c) {
            TimelineSpan s;
            s.spanId = hexId(rng);
            s.parentSpanId = spans[parent.index].spanId;
            const int k = static_cast<int>(rng() % 8);
            s.name = names[k];
            s.service = services[(parent.depth + k) % 8];
            s.startNs = pStart + c * slot + static_cast<int64_t>(rng() % (slot / 10 + 1));
            s.endNs = s.startNs + static_cast<int64_t>(slot * (0.3 + 0.6 * (rng() % 1000) / 1000.0));
            if (rng() % 100 == 0)
                s.status = SpanStatus::Error;
            if (rng() % 20 == 0) {
                s.category = "llm";
                s.model = rng() % 2 ? "gpt-4o" : "claude-3-5-sonnet";
                s.inputTokens = static_cast<int64_t>(rng() % 4000);
                s.outputTokens = static_cast<int64_t>(rng() % 800);
                s.costUsd = 0.001;
            }
            spans.push_back(std::move(s));
            queue.push_back({static_cast<int>(spans.size()) - 1, parent.depth + 1});
        }
    }
    // Random order (the build sorts), but strings allocated in that order, as a loader reading rows would.
    std::shuffle(spans.begin(), spans.end(), rng);
    return TimelineSpans(spans.begin(), spans.end());
}

struct Frames {
    double median = 0;
    double p95 = 0;
};

Frames summarize(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    return {times[times.size() / 2], times[std::min(times.size() - 1, times.size() * 95 / 100)]};
}

// Zoom in around random points, pan, scroll rows; one render per step.
Frames zoomAndPan(TimelineView &view, QImage &image, int steps, std::mt19937_64 &rng)
{
    std::vector<double> times;
    for (int step = 0; step < steps; ++step) {
        const double t0 = view.visibleStart(), t1 = view.visibleEnd(), width = t1 - t0;
        switch (step % 5) {
        case 0:
        case 1: {
            const double anchor = t0 + width * (rng() % 1000) / 1000.0;
            view.setVisibleRange(anchor - (anchor - t0) / 1.6, anchor + (t1 - anchor) / 1.6);
            break;
        }
        case 2:
            view.setVisibleRange(t0 + width * 0.2, t1 + width * 0.2);
            break;
        case 3:
            view.verticalScrollBar()->setValue(static_cast<int>(rng() % (view.rowCount() + 1)));
            break;
        case 4:
            if (step % 20 == 19)
                view.zoomToFit();
            else
                view.setVisibleRange(t0 - width * 0.3, t1 - width * 0.1);
            break;
        }
        const auto start = Clock::now();
        view.render(&image);
        times.push_back(msSince(start));
    }
    return summarize(times);
}

} // namespace

int main(int argc, char **argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::vector<int> sizes{10000, 100000, 1000000};
    int steps = 50;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--sizes")) {
            sizes.clear();
            for (const QString &s : args[i + 1].split(QLatin1Char(',')))
                sizes.push_back(s.toInt());
        } else if (args[i] == QStringLiteral("--steps")) {
            steps = args[i + 1].toInt();
        }
    }

    std::printf("%9s %9s %9s %10s %14s %14s %16s %16s %10s\n", "spans", "build ms", "build cpu", "1st paint",
                "frame med ms", "frame p95 ms", "collapsed med", "collapsed p95", "bytes/span");
    for (int n : sizes) {
        const TimelineSpans spans = syntheticTrace(n, 42);
        auto start = Clock::now();
        const double cpuStart = threadCpuMs();
        auto data = std::make_shared<const TimelineData>(TimelineData::build(spans));
        const double buildMs = msSince(start);
        const double buildCpuMs = threadCpuMs() - cpuStart;

        TimelineView view;
        view.resize(1600, 900);
        view.setData(data);
        view.show();
        QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
        start = Clock::now();
        view.render(&image);
        const double firstPaintMs = msSince(start);
        if (qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR"))
            image.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") +
                       QStringLiteral("/bench-%1.png").arg(n));

        std::mt19937_64 rng(7);
        const Frames expanded = zoomAndPan(view, image, steps, rng);
        const double bytesPerSpan = double(data->memoryBytes() + view.memoryBytes()) / data->count();

        // Depth-1 subtrees collapsed: each row then draws its hidden descendants as merged runs.
        view.zoomToFit();
        view.verticalScrollBar()->setValue(0);
        for (int32_t c = data->firstChild(0); c != -1; c = data->nextSibling(c))
            view.setCollapsed(c, true);
        const Frames collapsed = zoomAndPan(view, image, steps, rng);
        if (qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR"))
            image.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") +
                       QStringLiteral("/bench-%1-collapsed.png").arg(n));

        std::printf("%9d %9.1f %9.1f %10.1f %14.2f %14.2f %16.2f %16.2f %10.1f\n", data->count(), buildMs,
                    buildCpuMs, firstPaintMs, expanded.median, expanded.p95, collapsed.median, collapsed.p95,
                    bytesPerSpan);
        std::fflush(stdout);
    }
    return 0;
}

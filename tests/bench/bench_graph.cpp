// Path graph: Graphviz `dot` layout and the first paint of a service map of 200 services and 1,000 call
// edges (issue 5's goal: layout + first paint <= 500 ms). Prints figures; asserts nothing.
// Run: QT_QPA_PLATFORM=offscreen build/tests/bench/bench_graph [--services N] [--edges N] [--runs N]
#include "graphlayout.h"
#include "pathgraphview.h"
#include "servicegraph.h"
#include "servicemap.h"
#include "storereader.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QRandomGenerator>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <set>
#include <vector>

using namespace tracedeck;

namespace {

int argValue(const QStringList &args, const char *name, int fallback)
{
    const int i = int(args.indexOf(QLatin1String(name)));
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// Services in tiers (edge → api → domain → data), calls mostly to the next tier, as a real map looks.
ServiceGraph makeMap(int services, int edges, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<ServiceNode> nodes(static_cast<size_t>(services));
    for (int i = 0; i < services; ++i) {
        ServiceNode &n = nodes[size_t(i)];
        n.name = QStringLiteral("service-%1").arg(i, 3, 10, QLatin1Char('0'));
        n.colourIndex = i % 12;
        n.calls = 1 + random.bounded(5000);
        n.spans = n.calls * 3;
        n.errors = random.bounded(4) == 0 ? random.bounded(50) : 0;
        n.p50Ns = 1'000'000 + random.bounded(50'000'000);
        n.p95Ns = n.p50Ns * 3;
        n.llm = i % 17 == 0;
        if (n.llm) {
            n.inputTokens = random.bounded(100000);
            n.outputTokens = random.bounded(20000);
            n.costUsd = 0.5;
            n.costKnown = true;
        }
    }
    const int tiers = 6;
    std::set<std::pair<int, int>> seen;
    std::vector<ServiceEdge> out;
    while (int(out.size()) < edges) {
        const int from = int(random.bounded(services));
        const int tier = from * tiers / services;
        const int nextTier = std::min(tiers - 1, tier + 1 + int(random.bounded(2)));
        const int lo = nextTier * services / tiers;
        const int hi = std::max(lo + 1, (nextTier + 1) * services / tiers);
        const int to = lo + int(random.bounded(hi - lo));
        if (to == from || !seen.insert({from, to}).second)
            continue;
        out.push_back(ServiceEdge{from, to, 1 + int64_t(random.bounded(900)), int64_t(random.bounded(3)),
                                  1'000'000 + int64_t(random.bounded(20'000'000))});
    }
    return ServiceGraph::fromParts(std::move(nodes), std::move(out));
}

double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int services = argValue(args, "--services", 200);
    const int edges = argValue(args, "--edges", 1000);
    const int runs = std::max(1, argValue(args, "--runs", 5));

    std::vector<double> layoutMs, layoutCpuMs, paintMs, totalMs;
    for (int run = 0; run < runs; ++run) {
        auto graph = std::make_shared<const ServiceGraph>(makeMap(services, edges, 42 + quint32(run)));
        QElapsedTimer timer;
        timer.start();
        const double cpuBefore = threadCpuMs();
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        const double laidOut = double(timer.nsecsElapsed()) / 1e6;
        layoutCpuMs.push_back(threadCpuMs() - cpuBefore);
        PathGraphView view;
        view.resize(1600, 900);
        view.setGraph(graph, layout);
        QImage frame(1600, 900, QImage::Format_ARGB32_Premultiplied);
        QElapsedTimer paint;
        paint.start();
        view.render(&frame);
        const double painted = double(paint.nsecsElapsed()) / 1e6;
        layoutMs.push_back(laidOut);
        paintMs.push_back(painted);
        totalMs.push_back(laidOut + painted);
        if (run == 0 && !qEnvironmentVariableIsEmpty("TRACEDECK_SCREENSHOT_DIR"))
            frame.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") + QStringLiteral("/bench-graph.png"));
        if (!layout->error().isEmpty())
            std::printf("layout error: %s\n", qPrintable(layout->error()));
    }
    std::printf("service map: %d services, %d edges, %d runs\n", services, edges, runs);
    std::printf("  dot layout      median %.1f ms (min %.1f, max %.1f)\n", median(layoutMs),
                *std::min_element(layoutMs.begin(), layoutMs.end()),
                *std::max_element(layoutMs.begin(), layoutMs.end()));
    std::printf("  dot layout CPU  median %.1f ms (this thread's CPU time; the machine may be shared)\n",
                median(layoutCpuMs));
    std::printf("  first paint     median %.1f ms (1600x900, fitted)\n", median(paintMs));
    std::printf("  layout + paint  median %.1f ms   (goal <= 500 ms)\n", median(totalMs));

    // The service map read from a real store (e.g. bench_query's 1M-span file): the whole range and the
    // last day of its data, query + layout, as the Service map tab does on its reader thread.
    const int dbAt = int(args.indexOf(QStringLiteral("--db")));
    if (dbAt < 0 || dbAt + 1 >= args.size())
        return 0;
    std::string error;
    auto reader = StoreReader::open(args.at(dbAt + 1).toStdString(), &error);
    if (!reader) {
        std::printf("cannot open %s: %s\n", qPrintable(args.at(dbAt + 1)), error.c_str());
        return 1;
    }
    const int64_t last =
        reader->database().queryInt("SELECT max(start_ns) FROM spans WHERE workspace = 'local'");
    const int64_t spans = reader->database().queryInt("SELECT count(*) FROM spans WHERE workspace = 'local'");
    for (const bool day : {false, true}) {
        std::vector<double> ms;
        ServiceGraph graph;
        bool capped = false;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer timer;
            timer.start();
            graph = ServiceMap::load(*reader, "local",
                                     day ? std::optional<int64_t>(last - 86'400'000'000'000) : std::nullopt,
                                     std::nullopt, &capped, &error);
            const GraphLayout layout = GraphLayout::layout(graph);
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        if (capped)
            std::printf("(mapped from the latest %d spans)\n", ServiceMap::kMaxSpans);
        std::printf("store map (%s of %lld spans): %zu services, %zu edges; query + layout median %.1f ms "
                    "(min %.1f)\n",
                    day ? "last day" : "whole range", static_cast<long long>(spans), graph.nodes().size(),
                    graph.edges().size(), median(ms), *std::min_element(ms.begin(), ms.end()));
    }
    return 0;
}

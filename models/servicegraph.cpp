#include "servicegraph.h"

#include "timelinedata.h"

#include <algorithm>
#include <map>
#include <numeric>

namespace tracedeck {

namespace {

int64_t percentile(std::vector<int64_t> &values, double q)
{
    if (values.empty())
        return 0;
    const size_t rank = std::min(values.size() - 1, size_t(q * double(values.size() - 1) + 0.5));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(rank), values.end());
    return values[rank];
}

} // namespace

ServiceGraph ServiceGraph::fromParts(std::vector<ServiceNode> nodes, std::vector<ServiceEdge> edges)
{
    ServiceGraph graph;
    graph.m_nodes = std::move(nodes);
    graph.m_edges = std::move(edges);
    return graph;
}

int ServiceGraph::externalCount() const
{
    return int(
        std::count_if(m_nodes.begin(), m_nodes.end(), [](const ServiceNode &n) { return n.external; }));
}

int ServiceGraph::indexOf(const QString &service) const
{
    for (size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].name == service)
            return int(i);
    return -1;
}

ServiceGraph ServiceGraph::fromTrace(const TimelineData &trace)
{
    ServiceGraph graph;
    const int services = trace.serviceCount();
    graph.m_nodes.resize(size_t(services));
    std::vector<std::vector<int64_t>> callLatency(static_cast<size_t>(services));
    for (int s = 0; s < services; ++s) {
        graph.m_nodes[size_t(s)].name = trace.serviceName(s);
        graph.m_nodes[size_t(s)].colourIndex = trace.colourIndex(s);
    }

    int32_t roots = 0;
    for (int32_t i = 0; i < trace.count(); ++i)
        roots += trace.parent(i) < 0;
    graph.m_flatPath = trace.count() > 1 && roots == trace.count();

    struct EdgeStats {
        int64_t calls = 0;
        int64_t errors = 0;
        std::vector<int64_t> latency;
    };
    std::map<std::pair<int, int>, EdgeStats> edges;
    const auto addEdge = [&](int from, int to, int32_t span) {
        EdgeStats &edge = edges[{from, to}];
        ++edge.calls;
        edge.errors += trace.isError(span);
        edge.latency.push_back(trace.durationNs(span));
    };

    // Flat records: hops in time order. Row order is by start time for roots.
    std::vector<int32_t> hops;
    for (int32_t i = 0; i < trace.count(); ++i) {
        ServiceNode &node = graph.m_nodes[size_t(trace.serviceIndex(i))];
        ++node.spans;
        node.errors += trace.isError(i);
        if (const TimelineLlmInfo *llm = trace.llmInfo(i); llm && !llm->embedding) {
            node.llm = true;
            node.inputTokens += std::max<int64_t>(0, llm->inputTokens);
            node.outputTokens += std::max<int64_t>(0, llm->outputTokens);
            if (llm->costUsd >= 0) {
                node.costUsd += llm->costUsd;
                node.costKnown = true;
            }
        }
        const int32_t parent = trace.parent(i);
        const bool entered = parent < 0 || trace.serviceIndex(parent) != trace.serviceIndex(i);
        if (entered) {
            ++node.calls;
            callLatency[size_t(trace.serviceIndex(i))].push_back(trace.durationNs(i));
        }
        if (parent >= 0 && entered)
            addEdge(trace.serviceIndex(parent), trace.serviceIndex(i), i);
        if (graph.m_flatPath)
            hops.push_back(i);
    }
    // Calls to peers that left no span: a child of another service answered the call, or a deeper call
    // names the peer itself (an HTTP client span under an SDK's LLM span), else the peer is a node of its
    // own.
    std::vector<uint8_t> answered(size_t(trace.count()), 0);
    for (int32_t i = 0; i < trace.count(); ++i) {
        const int32_t parent = trace.parent(i);
        if (parent >= 0 && (trace.serviceIndex(parent) != trace.serviceIndex(i) || trace.peer(i)))
            answered[size_t(parent)] = 1;
    }
    for (int32_t i = 0; i < trace.count(); ++i) {
        const QString *peer = trace.peer(i);
        if (!peer || answered[size_t(i)])
            continue;
        int to = -1;
        for (int s = 0; s < services && to < 0; ++s)
            if (graph.m_nodes[size_t(s)].name == *peer)
                to = s; // instrumented after all (its spans elsewhere in the trace): an edge only
        if (to < 0) {
            for (size_t n = size_t(services); n < graph.m_nodes.size() && to < 0; ++n)
                if (graph.m_nodes[n].name == *peer)
                    to = int(n);
        }
        if (to < 0) {
            ServiceNode node;
            node.name = *peer;
            node.external = true;
            node.colourIndex = graph.m_nodes[size_t(trace.serviceIndex(i))].colourIndex;
            to = int(graph.m_nodes.size());
            graph.m_nodes.push_back(std::move(node));
            callLatency.emplace_back();
        }
        ServiceNode &node = graph.m_nodes[size_t(to)];
        if (node.external) {
            ++node.spans;
            ++node.calls;
            node.errors += trace.isError(i);
            callLatency[size_t(to)].push_back(trace.durationNs(i));
            if (const TimelineLlmInfo *llm = trace.llmInfo(i); llm && !llm->embedding) {
                node.llm = true;
                node.inputTokens += std::max<int64_t>(0, llm->inputTokens);
                node.outputTokens += std::max<int64_t>(0, llm->outputTokens);
                if (llm->costUsd >= 0) {
                    node.costUsd += llm->costUsd;
                    node.costKnown = true;
                }
            }
        }
        addEdge(trace.serviceIndex(i), to, i);
    }
    if (graph.m_flatPath) {
        std::stable_sort(hops.begin(), hops.end(),
                         [&](int32_t a, int32_t b) { return trace.startNs(a) < trace.startNs(b); });
        for (size_t h = 1; h < hops.size(); ++h) {
            const int from = trace.serviceIndex(hops[h - 1]);
            const int to = trace.serviceIndex(hops[h]);
            if (from != to)
                addEdge(from, to, hops[h]);
        }
    }
    for (size_t s = 0; s < graph.m_nodes.size(); ++s) {
        graph.m_nodes[s].p50Ns = percentile(callLatency[s], 0.50);
        graph.m_nodes[s].p95Ns = percentile(callLatency[s], 0.95);
    }
    for (auto &[key, stats] : edges)
        graph.m_edges.push_back(
            ServiceEdge{key.first, key.second, stats.calls, stats.errors, percentile(stats.latency, 0.50)});
    return graph;
}

} // namespace tracedeck

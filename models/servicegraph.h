#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace tracedeck {

class TimelineData;

// A service the trace touched, with what it did there.
struct ServiceNode {
    QString name;
    int colourIndex = 0; // the timeline's colour for this service
    int64_t spans = 0;   // every span of the service
    int64_t calls = 0;   // times the service was entered: roots and spans whose parent is elsewhere
    int64_t errors = 0;  // spans with error status
    int64_t p50Ns = 0;   // latency of the calls into the service
    int64_t p95Ns = 0;
    int64_t inputTokens = 0; // LLM spans only (wrapper spans repeat their children's usage)
    int64_t outputTokens = 0;
    double costUsd = 0.0;
    bool costKnown = false;
    bool llm = false; // some span of the service is an LLM call
    // A peer with no spans of its own (an uninstrumented service, database, host or LLM provider), known from
    // the client spans calling it: spans and calls count those client spans.
    bool external = false;
};

// Calls from one service into another, in the direction of the request.
struct ServiceEdge {
    int from = 0;
    int to = 0;
    int64_t calls = 0;
    int64_t errors = 0; // calls whose span failed
    int64_t p50Ns = 0;
};

// The path graph of one trace (DESIGN.md §7): services as nodes, the calls between them as directed edges.
// Parent → child spans in different services make the edges; a trace of flat records with no parents (REST
// hops of one request id) is read as a path in time order. A client, producer or LLM span whose callee left
// no span (no child of another service, no deeper such call) adds its peer (TimelineData::peer) as an
// external node, unless a service of that name is in the trace: then the call is an edge to it.
class ServiceGraph {
public:
    static ServiceGraph fromTrace(const TimelineData &trace);

    const std::vector<ServiceNode> &nodes() const { return m_nodes; }
    const std::vector<ServiceEdge> &edges() const { return m_edges; }
    bool isEmpty() const { return m_nodes.empty(); }
    bool isFlatPath() const { return m_flatPath; }
    int indexOf(const QString &service) const; // the first node of that name
    int externalCount() const;

    // For tests and benchmarks: a graph given directly.
    static ServiceGraph fromParts(std::vector<ServiceNode> nodes, std::vector<ServiceEdge> edges);

private:
    std::vector<ServiceNode> m_nodes;
    std::vector<ServiceEdge> m_edges;
    bool m_flatPath = false;
};

} // namespace tracedeck

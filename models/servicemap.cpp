#include "servicemap.h"

#include "peername.h"
#include "span.h"
#include "storereader.h"
#include "timelinedata.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <map>
#include <unordered_set>

namespace tracedeck {

namespace {

// The latest spans of the range with their parent's service (null for a root or a parent not stored). One
// pass: the parent lookups are index seeks, so the scan is capped to keep a map of a huge range interactive.
constexpr const char *kSpans = R"sql(
WITH c AS (
    SELECT workspace, trace_id, span_id, parent_span_id, service, start_ns, end_ns, status, category,
        input_tokens, output_tokens, cost_usd, kind, provider,
        CASE WHEN category IN ('llm', 'embedding') THEN CASE WHEN coalesce(provider, '') = '' THEN attributes END
            WHEN kind IN (3, 4) THEN attributes END AS peer_attributes
    FROM spans WHERE workspace = ?1 AND start_ns >= ?2 AND start_ns < ?3 ORDER BY start_ns DESC LIMIT ?4)
SELECT c.service, p.service, c.end_ns - c.start_ns, c.status = 2,
    c.category IN ('llm', 'embedding'), c.category = 'llm', c.input_tokens, c.output_tokens, c.cost_usd,
    c.trace_id, c.span_id, c.parent_span_id, c.kind, c.category, c.provider, c.peer_attributes
FROM c LEFT JOIN spans p
    ON p.workspace = c.workspace AND p.trace_id = c.trace_id AND p.span_id = c.parent_span_id
)sql";

int64_t percentile(std::vector<int64_t> &values, double q)
{
    if (values.empty())
        return 0;
    const size_t k = std::min(values.size() - 1, size_t(q * double(values.size())));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

std::string_view view(sqlite3_stmt *s, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return bytes ? std::string_view(bytes, size_t(sqlite3_column_bytes(s, column))) : std::string_view();
}

QString text(sqlite3_stmt *s, int column)
{
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return bytes ? QString::fromUtf8(bytes, sqlite3_column_bytes(s, column)) : QString();
}

} // namespace

ServiceGraph ServiceMap::load(StoreReader &reader, const std::string &workspace,
                              std::optional<int64_t> fromNs, std::optional<int64_t> toNs, bool *capped,
                              std::string *error)
{
    Database &db = reader.database();
    Statement stmt = db.prepare(kSpans, error);
    if (!stmt)
        return {};
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, fromNs.value_or(INT64_MIN));
    sqlite3_bind_int64(s, 3, toNs.value_or(INT64_MAX));
    sqlite3_bind_int(s, 4, kMaxSpans + 1);

    std::vector<ServiceNode> nodes;
    std::vector<std::vector<int64_t>> callLatency;
    std::map<QString, int> indexOf;
    const auto nodeOf = [&](const QString &name) {
        auto it = indexOf.find(name);
        if (it == indexOf.end()) {
            ServiceNode node;
            node.name = name;
            it = indexOf.emplace(name, int(nodes.size())).first;
            nodes.push_back(std::move(node));
            callLatency.emplace_back();
        }
        return it->second;
    };
    struct EdgeStats {
        int64_t calls = 0;
        int64_t errors = 0;
        std::vector<int64_t> latency;
    };
    std::map<std::pair<int, int>, EdgeStats> edges;
    // Calls to peers (PeerName), kept until every span is read: a call answered by a span of another
    // service, or by a deeper peer call, adds no peer node.
    struct PeerCall {
        std::string key; // trace id + US + span id
        QString peer;
        int caller = 0;
        int64_t latency = 0;
        bool failed = false;
        bool llm = false;
        int64_t inputTokens = 0;
        int64_t outputTokens = 0;
        std::optional<double> costUsd;
    };
    std::vector<PeerCall> peerCalls;
    std::unordered_set<std::string> answered; // trace id + US + span id of the calls answered
    const auto key = [](std::string_view trace, std::string_view span) {
        std::string k;
        k.reserve(trace.size() + 1 + span.size());
        k.append(trace).append(1, '\x1f').append(span);
        return k;
    };
    int rows = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (++rows > kMaxSpans) {
            *capped = true;
            break;
        }
        const int to = nodeOf(text(s, 0));
        const int64_t latency = sqlite3_column_int64(s, 2);
        const bool failed = sqlite3_column_int(s, 3) != 0;
        ServiceNode &node = nodes[size_t(to)];
        ++node.spans;
        node.errors += failed;
        if (sqlite3_column_int(s, 4)) { // model calls only: wrapper spans repeat their children's usage
            node.inputTokens += sqlite3_column_int64(s, 6);
            node.outputTokens += sqlite3_column_int64(s, 7);
            if (sqlite3_column_type(s, 8) != SQLITE_NULL) {
                node.costUsd += sqlite3_column_double(s, 8);
                node.costKnown = true;
            }
        }
        node.llm |= sqlite3_column_int(s, 5) != 0;
        const bool root = sqlite3_column_type(s, 1) == SQLITE_NULL;
        const QString caller = root ? QString() : text(s, 1);
        const std::string_view traceId = view(s, 9);
        const std::string_view parentId = view(s, 11);
        const int kind = sqlite3_column_int(s, 12);
        const std::string_view category = view(s, 13);
        if (PeerName::isLlm(category) || kind == PeerName::kClientKind || kind == PeerName::kProducerKind) {
            const std::string_view attributes = view(s, 15);
            const std::string peer = PeerName::of(
                kind, category, view(s, 14),
                attributes.empty() ? nlohmann::json() : nlohmann::json::parse(attributes, nullptr, false));
            if (!peer.empty()) {
                PeerCall call;
                call.key = key(traceId, view(s, 10));
                call.peer = QString::fromStdString(peer);
                call.caller = to;
                call.latency = latency;
                call.failed = failed;
                if (sqlite3_column_int(s, 5)) {
                    call.llm = true;
                    call.inputTokens = sqlite3_column_int64(s, 6);
                    call.outputTokens = sqlite3_column_int64(s, 7);
                    if (sqlite3_column_type(s, 8) != SQLITE_NULL)
                        call.costUsd = sqlite3_column_double(s, 8);
                }
                peerCalls.push_back(std::move(call));
                if (!parentId.empty())
                    answered.insert(key(traceId, parentId)); // a deeper call names the peer
            }
        }
        if (!root && caller != node.name)
            answered.insert(key(traceId, parentId));
        if (!root && caller == node.name)
            continue; // inside the service: not a call
        ++node.calls;
        callLatency[size_t(to)].push_back(latency);
        if (root)
            continue;
        // The caller's span may start before the range (or the cap): it is a node all the same.
        EdgeStats &edge = edges[{nodeOf(caller), to}];
        ++edge.calls;
        edge.errors += failed;
        edge.latency.push_back(latency);
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
        *error = "reading the service map: " + db.lastError();
        return {};
    }

    // The peers, by name; one named like a service of the map is that service (an edge only).
    std::map<QString, int> externalOf;
    for (const PeerCall &call : peerCalls) {
        if (answered.count(call.key))
            continue;
        int to = -1;
        if (const auto it = indexOf.find(call.peer); it != indexOf.end())
            to = it->second;
        else if (const auto ext = externalOf.find(call.peer); ext != externalOf.end())
            to = ext->second;
        if (to < 0) {
            ServiceNode node;
            node.name = call.peer;
            node.external = true;
            to = int(nodes.size());
            externalOf.emplace(call.peer, to);
            nodes.push_back(std::move(node));
            callLatency.emplace_back();
        }
        ServiceNode &node = nodes[size_t(to)];
        if (node.external) {
            ++node.spans;
            ++node.calls;
            node.errors += call.failed;
            callLatency[size_t(to)].push_back(call.latency);
            if (call.llm) {
                node.llm = true;
                node.inputTokens += call.inputTokens;
                node.outputTokens += call.outputTokens;
                if (call.costUsd) {
                    node.costUsd += *call.costUsd;
                    node.costKnown = true;
                }
            }
        }
        EdgeStats &edge = edges[{call.caller, to}];
        ++edge.calls;
        edge.errors += call.failed;
        edge.latency.push_back(call.latency);
    }

    std::vector<QString> names;
    for (const ServiceNode &node : nodes)
        names.push_back(node.name);
    const std::vector<uint8_t> colours = TimelineData::colourSlots(names);
    for (size_t i = 0; i < nodes.size(); ++i) {
        nodes[i].colourIndex = colours[i];
        nodes[i].p50Ns = percentile(callLatency[i], 0.50);
        nodes[i].p95Ns = percentile(callLatency[i], 0.95);
    }
    std::vector<ServiceEdge> edgeList;
    for (auto &[key, stats] : edges) {
        ServiceEdge edge;
        edge.from = key.first;
        edge.to = key.second;
        edge.calls = stats.calls;
        edge.errors = stats.errors;
        edge.p50Ns = percentile(stats.latency, 0.50);
        edgeList.push_back(edge);
    }
    return ServiceGraph::fromParts(std::move(nodes), std::move(edgeList));
}

} // namespace tracedeck

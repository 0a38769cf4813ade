#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace tracedeck {

// The name of the peer a span calls, for a peer that may not be instrumented (its own spans missing from the
// trace): a CLIENT or PRODUCER span's callee, or the provider an LLM call went to. Empty when the span is not
// such a call or nothing names its peer. Whether the callee really is missing is the graph's question
// (ServiceGraph, ServiceMap): a peer counts only when no child span of another service answered the call.
class PeerName {
public:
    static constexpr int kClientKind = 3; // OTel SpanKind
    static constexpr int kProducerKind = 4;

    // Whether of() may need the attributes (so a query can skip reading them for other spans).
    static bool needsAttributes(int kind, std::string_view category, std::string_view provider);
    // From the first of: the provider column (LLM and embedding calls), peer.service,
    // server.address[:server.port], net.peer.name[:net.peer.port], the host of url.full / http.url,
    // db.system[/db.name], rpc.service, messaging.destination.name, gen_ai.system, network.peer.address.
    static std::string of(int kind, std::string_view category, std::string_view provider,
                          const nlohmann::json &attributes);
    static bool isLlm(std::string_view category) { return category == "llm" || category == "embedding"; }
};

} // namespace tracedeck

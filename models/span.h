#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

enum class SpanStatus : int { Unset = 0, Ok = 1, Error = 2 };

// Where a span's cost came from: sent with the data, computed from the pricing table, or not known.
enum class CostSource : int { Unknown = 0, Given = 1, Computed = 2 };

// Columns the normalizer derives from the attributes (DESIGN.md §3, §4). The original attributes are
// kept untouched; these are indexed copies. std::nullopt / empty means "not present".
struct ExtractedFields {
    std::string requestId;
    std::string userId;
    std::string sessionId;
    std::string conversationId;
    std::string httpMethod;
    std::string httpUrl;
    std::optional<int> statusCode;
    std::string provider;
    std::string model;
    std::optional<int64_t> inputTokens;  // includes cached input tokens
    std::optional<int64_t> outputTokens; // includes reasoning tokens
    std::optional<int64_t> cachedInputTokens;
    std::optional<int64_t> reasoningTokens;
    std::optional<int64_t> totalTokens;
    std::optional<double> costUsd;
    CostSource costSource = CostSource::Unknown;
    std::string finishReason;
    std::optional<double> ttftMs;
    std::string category; // llm, tool, retrieval, agent, chain, embedding, http, …
    // Of an LLM call with input messages: 64 bits of SHA-256 over the model and the normalised input
    // messages, so identical prompts sent again group together (the dashboard's savings hints).
    std::optional<int64_t> promptHash;
    // Messages in call order: [{role, content, tool_calls?:[{id,name,arguments}], tool_call_id?}]
    nlohmann::json messages = nlohmann::json::array();
};

// The canonical span every decoder produces and the store keeps (DESIGN.md §3).
struct Span {
    std::string workspace = "local";
    std::string traceId;      // lowercase hex for OTel/Zipkin ids; text as given for other sources
    std::string spanId;       // idem
    std::string parentSpanId; // empty for a root span
    std::string name;
    int kind = 0; // OTel SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer
    std::string service;
    int64_t startNs = 0;
    int64_t endNs = 0;
    SpanStatus status = SpanStatus::Unset;
    std::string statusMessage;
    nlohmann::json attributes = nlohmann::json::object(); // {key: value}, OTLP AnyValue as plain JSON
    nlohmann::json events = nlohmann::json::array();      // [{name, timeNs, attributes}]
    nlohmann::json links = nlohmann::json::array();       // [{traceId, spanId, attributes}]
    nlohmann::json resource = nlohmann::json::object();   // resource attributes
    nlohmann::json scope = nlohmann::json::object();      // {name, version, attributes}
    std::string source;                                   // otlp-json, otlp-proto, zipkin, …
    ExtractedFields fields;
};

using SpanBatch = std::vector<Span>;

} // namespace tracedeck

#include "spanjson.h"

#include <QDateTime>

namespace tracedeck {

namespace {

const char *statusName(SpanStatus status)
{
    switch (status) {
    case SpanStatus::Ok:
        return "ok";
    case SpanStatus::Error:
        return "error";
    case SpanStatus::Unset:
        break;
    }
    return "unset";
}

const char *costSourceName(CostSource source)
{
    switch (source) {
    case CostSource::Given:
        return "given";
    case CostSource::Computed:
        return "computed";
    case CostSource::Unknown:
        break;
    }
    return "unknown";
}

template <typename T> nlohmann::json orNull(const std::optional<T> &value)
{
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

nlohmann::json orNull(const std::string &value)
{
    return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

nlohmann::json list(const std::string &commaSeparated)
{
    nlohmann::json items = nlohmann::json::array();
    size_t start = 0;
    while (start < commaSeparated.size()) {
        const size_t comma = commaSeparated.find(',', start);
        items.push_back(commaSeparated.substr(start, comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    return items;
}

} // namespace

std::string SpanJson::isoTime(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

nlohmann::json SpanJson::span(const Span &s)
{
    const ExtractedFields &f = s.fields;
    nlohmann::json json = {
        {"trace_id", s.traceId},
        {"span_id", s.spanId},
        {"parent_span_id", orNull(s.parentSpanId)},
        {"name", s.name},
        {"kind", s.kind},
        {"service", s.service},
        {"start_time", isoTime(s.startNs)},
        {"start_ns", s.startNs},
        {"end_ns", s.endNs},
        {"duration_ms", double(s.endNs - s.startNs) / 1e6},
        {"status", statusName(s.status)},
        {"status_message", orNull(s.statusMessage)},
        {"category", orNull(f.category)},
        {"request_id", orNull(f.requestId)},
        {"user_id", orNull(f.userId)},
        {"session_id", orNull(f.sessionId)},
        {"conversation_id", orNull(f.conversationId)},
        {"http",
         {{"method", orNull(f.httpMethod)},
          {"url", orNull(f.httpUrl)},
          {"status_code", orNull(f.statusCode)}}},
        {"attributes", s.attributes},
        {"events", s.events},
        {"links", s.links},
        {"resource", s.resource},
        {"scope", s.scope},
        {"source", s.source},
    };
    if (!f.model.empty() || !f.provider.empty() || f.inputTokens || f.outputTokens || f.costUsd) {
        json["llm"] = {
            {"provider", orNull(f.provider)},
            {"model", orNull(f.model)},
            {"input_tokens", orNull(f.inputTokens)},
            {"output_tokens", orNull(f.outputTokens)},
            {"cached_input_tokens", orNull(f.cachedInputTokens)},
            {"reasoning_tokens", orNull(f.reasoningTokens)},
            {"total_tokens", orNull(f.totalTokens)},
            {"cost_usd", orNull(f.costUsd)},
            {"cost_source", costSourceName(f.costSource)},
            {"finish_reason", orNull(f.finishReason)},
            {"time_to_first_token_ms", orNull(f.ttftMs)},
            {"messages", f.messages},
        };
    }
    return json;
}

nlohmann::json SpanJson::trace(const TraceSummary &t)
{
    return {
        {"trace_id", t.traceId},
        {"start_time", isoTime(t.startNs)},
        {"start_ns", t.startNs},
        {"end_ns", t.endNs},
        {"duration_ms", double(t.endNs - t.startNs) / 1e6},
        {"root_service", orNull(t.rootService)},
        {"root_name", orNull(t.rootName)},
        {"services", list(t.services)},
        {"span_count", t.spanCount},
        {"error_count", t.errorCount},
        {"input_tokens", t.inputTokens},
        {"output_tokens", t.outputTokens},
        {"cost_usd", orNull(t.costUsd)},
        {"user_id", orNull(t.userId)},
        {"session_id", orNull(t.sessionId)},
        {"request_id", orNull(t.requestId)},
        {"models", list(t.models)},
    };
}

nlohmann::json SpanJson::metricsGroup(const MetricsGroup &g)
{
    return {
        {"key", g.key},
        {"spans", g.spans},
        {"traces", g.traces},
        {"errors", g.errors},
        {"error_rate", g.spans ? double(g.errors) / double(g.spans) : 0.0},
        {"latency_ms",
         {{"p50", double(g.p50Ns) / 1e6}, {"p95", double(g.p95Ns) / 1e6}, {"p99", double(g.p99Ns) / 1e6}}},
        {"input_tokens", g.inputTokens},
        {"output_tokens", g.outputTokens},
        {"cost_usd", orNull(g.costUsd)},
    };
}

} // namespace tracedeck

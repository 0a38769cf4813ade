#include "seedtracedecoder.h"

#include "boundedjson.h"
#include "seedrecordreader.h"
#include "spanids.h"

#include <QUuid>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace tracedeck {

namespace {

using json = nlohmann::json;

constexpr int kSpanKindInternal = 1;
constexpr int kSpanKindClient = 3;
// Longer durations would overflow int64 nanoseconds once added to a start time.
constexpr double kMaxDurationMs = 1e12;

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

std::string lower(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return text;
}

std::optional<SpanStatus> statusFromText(const std::string &text)
{
    const std::string s = lower(text);
    if (s == "ok" || s == "success" || s == "succeeded" || s == "completed" || s == "complete")
        return SpanStatus::Ok;
    if (s == "error" || s == "failed" || s == "failure" || s == "fail")
        return SpanStatus::Error;
    if (s.empty() || s == "unset" || s == "pending" || s == "running" || s == "unknown")
        return SpanStatus::Unset;
    return std::nullopt;
}

// Laying out many long siblings from a late start could pass the end of int64 nanoseconds.
int64_t addClamped(int64_t a, int64_t b) // b >= 0
{
    return a > 0 && b > std::numeric_limits<int64_t>::max() - a ? std::numeric_limits<int64_t>::max() : a + b;
}

std::string generatedTraceId()
{
    return QUuid::createUuid().toString(QUuid::Id128).toStdString();
}

struct PendingSpan {
    Span span;
    std::optional<int64_t> startNs;
    std::optional<int64_t> durationNs;
    std::vector<size_t> children;
    bool placed = false;
};

// The trace-level fields every span of the trace carries.
struct TraceContext {
    std::string traceId;
    std::string userId;
    std::string model;
    std::string provider;
    json resource = json::object();
};

class TraceReader {
public:
    TraceReader(const json &trace, std::string prefix)
        : m_trace(trace)
        , m_prefix(std::move(prefix))
    {}

    // Reads the trace into spans; on failure error() names the field.
    bool read(int64_t nowNs, std::string &traceId, SpanBatch &spans);
    std::string takeError() { return std::move(m_error); }
    size_t spanCount() const { return m_spanCount; }

private:
    bool readSpan(const json &in, size_t index, const TraceContext &trace, PendingSpan &out);
    void layOut(std::vector<PendingSpan> &pending, const std::vector<size_t> &roots, int64_t traceStartNs);
    bool fail(SeedRecordReader &reader)
    {
        m_error = reader.takeError();
        return false;
    }
    bool fail(SeedRecordReader &reader, std::string_view key, std::string_view message)
    {
        reader.fail(key, message);
        return fail(reader);
    }
    bool fail(std::string error)
    {
        m_error = std::move(error);
        return false;
    }

    const json &m_trace;
    std::string m_prefix;
    std::string m_error;
    size_t m_spanCount = 1;
};

bool TraceReader::read(int64_t nowNs, std::string &traceId, SpanBatch &spans)
{
    SeedRecordReader r(m_trace, m_prefix);
    TraceContext trace;
    std::string organization, project, traceType, service;
    std::optional<int64_t> startNs;
    const json *metadata = nullptr;
    const json *items = nullptr;
    if (!r.text("trace_id", trace.traceId) || (trace.traceId.empty() && !r.text("id", trace.traceId)) ||
        !r.text("organization_id", organization) || !r.text("project_id", project) ||
        !r.text("trace_type", traceType) || !r.text("service", service) || !r.text("model", trace.model) ||
        !r.text("provider", trace.provider) || !r.text("user_id", trace.userId) ||
        !r.object("metadata", metadata) || !r.timestamp("start_time", startNs) || !r.array("spans", items))
        return fail(r);
    if (!items)
        return fail(r, "spans", "missing");
    m_spanCount = std::max<size_t>(items->size(), 1);
    if (items->empty())
        return fail(r, "spans", "empty");
    if (trace.traceId.empty())
        trace.traceId = generatedTraceId();

    if (service.empty())
        service = project;
    if (!service.empty())
        trace.resource["service.name"] = service;
    if (!organization.empty())
        trace.resource["seed.organization_id"] = organization;
    if (!project.empty())
        trace.resource["seed.project_id"] = project;
    if (!traceType.empty())
        trace.resource["seed.trace_type"] = traceType;
    if (metadata)
        trace.resource["seed.trace_metadata"] = *metadata;

    std::vector<PendingSpan> pending(items->size());
    std::unordered_map<std::string, size_t> byId;
    byId.reserve(items->size());
    for (size_t i = 0; i < items->size(); ++i) {
        if (!readSpan((*items)[i], i, trace, pending[i]))
            return false;
        const auto [it, inserted] = byId.emplace(pending[i].span.spanId, i);
        if (!inserted)
            return fail(m_prefix + "spans[" + std::to_string(i) + "].span_id: same as spans[" +
                        std::to_string(it->second) + ']');
    }

    std::vector<size_t> roots;
    for (size_t i = 0; i < pending.size(); ++i) {
        const auto parent = byId.find(pending[i].span.parentSpanId);
        // A parent outside this body stays as given; for the layout the span starts a tree of its own.
        if (pending[i].span.parentSpanId.empty() || parent == byId.end())
            roots.push_back(i);
        else
            pending[parent->second].children.push_back(i);
    }
    if (!startNs) {
        for (const PendingSpan &p : pending)
            if (p.startNs && (!startNs || *p.startNs < *startNs))
                startNs = p.startNs;
    }
    layOut(pending, roots, startNs.value_or(nowNs));
    for (size_t i = 0; i < pending.size(); ++i)
        if (!pending[i].placed)
            return fail(m_prefix + "spans[" + std::to_string(i) + "].parent_span_id: cycle of parents");

    traceId = trace.traceId;
    for (PendingSpan &p : pending)
        spans.push_back(std::move(p.span));
    return true;
}

// Places spans without start_time: each root tree after the previous one, children from their parent's
// start, siblings one after another. Spans never reached from a root sit on a cycle of parents.
void TraceReader::layOut(std::vector<PendingSpan> &pending, const std::vector<size_t> &roots,
                         int64_t traceStartNs)
{
    struct Frame {
        size_t index;
        size_t nextChild;
        int64_t childCursor;
    };
    std::vector<Frame> stack; // explicit: a long parent chain must not exhaust the call stack
    const auto enter = [&](size_t index, int64_t at) {
        PendingSpan &p = pending[index];
        p.placed = true;
        p.span.startNs = p.startNs.value_or(at);
        p.span.endNs = addClamped(p.span.startNs, p.durationNs.value_or(0));
        stack.push_back({index, 0, p.span.startNs});
    };
    int64_t cursor = traceStartNs;
    for (size_t root : roots) {
        enter(root, cursor);
        while (!stack.empty()) {
            Frame &top = stack.back();
            const PendingSpan &p = pending[top.index];
            if (top.nextChild < p.children.size()) {
                const size_t child = p.children[top.nextChild++];
                enter(child, top.childCursor);
                continue;
            }
            PendingSpan &done = pending[top.index];
            stack.pop_back();
            // Without a duration a span lasts as long as its children.
            if (!done.durationNs)
                for (size_t child : done.children)
                    done.span.endNs = std::max(done.span.endNs, pending[child].span.endNs);
            if (!stack.empty())
                stack.back().childCursor = std::max(stack.back().childCursor, done.span.endNs);
        }
        cursor = std::max(cursor, pending[root].span.endNs);
    }
}

bool TraceReader::readSpan(const json &in, size_t index, const TraceContext &trace, PendingSpan &out)
{
    const std::string field = "spans[" + std::to_string(index) + ']';
    if (!in.is_object())
        return fail(m_prefix + field + ": not an object");
    SeedRecordReader r(in, m_prefix + field + '.');
    Span &span = out.span;
    std::string model, provider, status;
    std::optional<int64_t> promptTokens, completionTokens, totalTokens;
    std::optional<double> cost, durationMs;
    const json *metadata = nullptr;
    if (!r.text("name", span.name, true) || !r.text("span_id", span.spanId) ||
        !r.text("parent_span_id", span.parentSpanId) || !r.text("model", model) ||
        !r.text("provider", provider) || !r.count("prompt_tokens", promptTokens) ||
        !r.count("completion_tokens", completionTokens) || !r.count("total_tokens", totalTokens) ||
        !r.amount("cost_usd", cost) || !r.amount("duration_ms", durationMs) || !r.text("status", status) ||
        !r.timestamp("start_time", out.startNs) || !r.object("metadata", metadata))
        return fail(r);
    if (durationMs) {
        if (*durationMs > kMaxDurationMs)
            return fail(r, "duration_ms", "out of range");
        out.durationNs = std::llround(*durationMs * 1e6);
    }
    if (!span.spanId.empty() && span.spanId == span.parentSpanId)
        return fail(r, "parent_span_id", "same as span_id");

    span.source = "seed-trace";
    span.traceId = trace.traceId;
    if (span.spanId.empty())
        span.spanId = spanids::derivedSpanId(trace.traceId, "seed-span\x1f" + std::to_string(index));
    span.resource = trace.resource;
    span.service = trace.resource.value("service.name", std::string());

    const bool modelCall = !model.empty() || promptTokens || completionTokens || totalTokens;
    // The trace's model and provider describe its model calls, not its tool or retrieval steps.
    if (model.empty() && modelCall)
        model = trace.model;
    if (provider.empty() && modelCall)
        provider = trace.provider;
    span.kind = modelCall ? kSpanKindClient : kSpanKindInternal;

    json &a = span.attributes;
    if (!trace.userId.empty())
        a["tracedeck.user_id"] = trace.userId;
    if (!model.empty())
        a["tracedeck.model"] = model;
    if (!provider.empty())
        a["tracedeck.provider"] = provider;
    if (promptTokens)
        a["tracedeck.input_tokens"] = *promptTokens;
    if (completionTokens)
        a["tracedeck.output_tokens"] = *completionTokens;
    if (totalTokens)
        a["tracedeck.total_tokens"] = *totalTokens;
    if (cost)
        a["tracedeck.cost_usd"] = *cost;
    // OpenInference's free-form keys: the normalizer reads them as messages on model calls only.
    if (const json *input = r.find("input"))
        a["input.value"] = *input;
    if (const json *output = r.find("output"))
        a["output.value"] = *output;
    if (metadata)
        a["seed.metadata"] = *metadata;
    if (!status.empty()) {
        const auto parsed = statusFromText(status);
        span.status = parsed.value_or(SpanStatus::Unset);
        if (!parsed || span.status == SpanStatus::Error)
            span.statusMessage = status;
        a["seed.status"] = status;
    }
    return true;
}

} // namespace

SeedDecodeResult SeedTraceDecoder::decode(std::string_view body, Shape shape, int64_t nowNs)
{
    SeedDecodeResult result;
    if (isBlank(body)) {
        result.decoded.fatalError = "empty body";
        return result;
    }
    std::string error;
    const json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.decoded.fatalError = std::move(error);
        return result;
    }

    const json *traces = &document;
    std::string prefix;
    if (shape == Shape::Single) {
        if (!document.is_object()) {
            result.decoded.fatalError = "expected a JSON trace object (send arrays to /api/v1/traces/batch)";
            return result;
        }
    } else if (document.is_object()) {
        const auto it = document.find("traces");
        if (it == document.end() || !it->is_array()) {
            result.decoded.fatalError = "expected {\"traces\": [...]} or a JSON array of traces";
            return result;
        }
        traces = &*it;
        prefix = "traces";
    } else if (!document.is_array()) {
        result.decoded.fatalError = "expected {\"traces\": [...]} or a JSON array of traces";
        return result;
    }
    if (shape == Shape::Batch && traces->empty()) {
        result.decoded.fatalError = "no traces in the batch";
        return result;
    }

    const size_t count = shape == Shape::Single ? 1 : traces->size();
    for (size_t i = 0; i < count; ++i) {
        const json &trace = shape == Shape::Single ? document : (*traces)[i];
        const std::string where =
            shape == Shape::Single ? std::string() : prefix + '[' + std::to_string(i) + ']';
        if (!trace.is_object()) {
            result.reject(i, where + ": not an object");
            continue;
        }
        TraceReader reader(trace, where.empty() ? where : where + '.');
        std::string traceId;
        if (!reader.read(nowNs, traceId, result.decoded.spans)) {
            result.reject(i, reader.takeError(), int64_t(reader.spanCount()));
            continue;
        }
        result.addTraceId(traceId);
        ++result.acceptedRecords;
    }
    return result;
}

} // namespace tracedeck

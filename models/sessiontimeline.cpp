#include "sessiontimeline.h"

#include "storereader.h"

#include <algorithm>
#include <limits>
#include <unordered_set>

namespace tracedeck {

std::string SessionTimeline::spanKey(std::string_view traceId, std::string_view spanId)
{
    std::string key;
    key.reserve(traceId.size() + 1 + spanId.size());
    key.append(traceId).append(1, kSeparator).append(spanId);
    return key;
}

bool SessionTimeline::splitKey(std::string_view key, std::string *traceId, std::string *spanId)
{
    const size_t slash = key.find(kSeparator);
    if (slash == std::string_view::npos)
        return false;
    *traceId = std::string(key.substr(0, slash));
    *spanId = std::string(key.substr(slash + 1));
    return true;
}

TimelineSpans SessionTimeline::load(StoreReader &reader, const std::string &workspace,
                                    const std::string &sessionId, bool *truncated, std::string *error)
{
    TraceFilter filter;
    filter.workspace = workspace;
    filter.sessionId = sessionId;
    const TraceSort oldestFirst{TraceColumn::Start, false};
    const std::vector<TraceSummary> traces =
        reader.traces(filter, oldestFirst, std::nullopt, kMaxTraces + 1, error);
    if (!error->empty() || traces.empty())
        return {};
    *truncated = traces.size() > size_t(kMaxTraces);

    const std::string root = "session " + sessionId;
    TimelineSpans spans(1);
    int64_t start = std::numeric_limits<int64_t>::max(), end = std::numeric_limits<int64_t>::min();
    for (size_t t = 0; t < traces.size() && t < size_t(kMaxTraces); ++t) {
        const std::string &traceId = traces[t].traceId;
        TimelineSpans trace = reader.timeline(workspace, traceId, error);
        if (!error->empty())
            return {};
        std::unordered_set<std::string> ids;
        for (const TimelineSpan &span : trace)
            ids.insert(span.spanId);
        for (TimelineSpan &span : trace) {
            const bool isRoot = span.parentSpanId.empty() || !ids.count(span.parentSpanId);
            span.parentSpanId = isRoot ? root : spanKey(traceId, span.parentSpanId);
            span.spanId = spanKey(traceId, span.spanId);
            start = std::min(start, span.startNs);
            end = std::max(end, span.endNs);
            spans.push_back(std::move(span));
        }
    }
    if (spans.size() == 1)
        return {};
    TimelineSpan &session = spans.front();
    session.spanId = root;
    session.name = "session"; // the same on both sides, so the two roots align
    session.service = std::string(kRootService);
    session.startNs = start;
    session.endNs = end;
    session.category = "session";
    return spans;
}

} // namespace tracedeck

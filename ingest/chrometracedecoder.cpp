#include "chrometracedecoder.h"

#include "boundedjson.h"
#include "otlpattributes.h"
#include "spanids.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>

namespace tracedeck {

using nlohmann::json;

namespace {

struct Slice {
    int64_t startNs = 0;
    int64_t endNs = 0;
    size_t span = 0; // index into the spans
};

using ThreadKey = std::pair<std::string, std::string>; // pid, tid as text (numbers or strings)

std::string idText(const json *value)
{
    if (!value)
        return {};
    if (value->is_string())
        return value->get<std::string>();
    if (value->is_number())
        return value->dump();
    return {};
}

const json *member(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string textOf(const json &object, const char *key)
{
    const json *value = member(object, key);
    return value && value->is_string() ? value->get<std::string>() : std::string();
}

// Microseconds (possibly fractional) to nanoseconds.
bool readMicros(const json *value, int64_t &ns)
{
    if (!value || !value->is_number())
        return false;
    const double us = value->get<double>();
    if (!std::isfinite(us) || std::fabs(us) > 9.0e12)
        return false;
    ns = int64_t(std::llround(us * 1000.0));
    return true;
}

// The async id: id, or id2.local (per process) / id2.global.
std::string asyncKey(const json &event, const std::string &pid)
{
    std::string id = idText(member(event, "id"));
    if (const json *id2 = member(event, "id2"); id2 && id2->is_object()) {
        if (const std::string local = idText(member(*id2, "local")); !local.empty())
            id = pid + ":local:" + local;
        else
            id = "global:" + idText(member(*id2, "global"));
    }
    return textOf(event, "cat") + '\x1f' + id;
}

// Trace Event files may end without the closing ']' (a trace cut off while written).
std::string closeUnterminatedArray(std::string_view body)
{
    std::string text(body);
    while (!text.empty() && (std::isspace(uchar(text.back())) || text.back() == ','))
        text.pop_back();
    text += ']';
    return text;
}

class Builder {
public:
    Builder(std::string traceId, DecodeResult &result)
        : m_traceId(std::move(traceId))
        , m_result(result)
    {}

    void metadata(const json &events)
    {
        for (const json &e : events) {
            if (!e.is_object() || textOf(e, "ph") != "M")
                continue;
            const json *args = member(e, "args");
            const std::string name = args && args->is_object() ? textOf(*args, "name") : std::string();
            const std::string pid = idText(member(e, "pid"));
            if (textOf(e, "name") == "process_name")
                m_processNames[pid] = name;
            else if (textOf(e, "name") == "thread_name")
                m_threadNames[{pid, idText(member(e, "tid"))}] = name;
        }
    }

    void event(const json &e, size_t index)
    {
        const std::string where = "traceEvents[" + std::to_string(index) + "]";
        if (!e.is_object()) {
            m_result.reject(where + ": not an object");
            return;
        }
        const std::string ph = textOf(e, "ph");
        if (ph == "M")
            return;
        const std::string pid = idText(member(e, "pid"));
        const std::string tid = idText(member(e, "tid"));
        int64_t ts = 0;
        const bool timed = readMicros(member(e, "ts"), ts);
        if (ph.empty()) {
            m_result.reject(where + ".ph: missing");
            return;
        }
        if (!timed) {
            m_result.reject(where + ".ts: missing or not a number of microseconds");
            return;
        }
        if (ph == "X") {
            int64_t dur = 0;
            if (!readMicros(member(e, "dur"), dur))
                readMicros(member(e, "tdur"), dur);
            if (dur < 0) {
                m_result.reject(where + ".dur: negative");
                return;
            }
            threadSlice(pid, tid, addSpan(e, index, ts, ts + dur));
        } else if (ph == "B") {
            m_open[{pid, tid}].push_back(addSpan(e, index, ts, ts));
        } else if (ph == "E") {
            auto &stack = m_open[{pid, tid}];
            if (stack.empty()) {
                m_result.reject(where + ": an E (end) event with no B (begin) open on its thread");
                return;
            }
            const size_t span = stack.back();
            stack.pop_back();
            Span &s = m_result.spans[span];
            s.endNs = std::max(ts, s.startNs);
            mergeArgs(s, e);
            threadSlice(pid, tid, span);
        } else if (ph == "b" || ph == "S") {
            const size_t span = addSpan(e, index, ts, ts);
            auto &stack = m_async[asyncKey(e, pid)];
            if (!stack.empty())
                m_result.spans[span].parentSpanId = m_result.spans[stack.back()].spanId;
            stack.push_back(span);
        } else if (ph == "e" || ph == "F") {
            auto &stack = m_async[asyncKey(e, pid)];
            if (stack.empty()) {
                m_result.reject(where + ": an async end (" + ph + ") with no matching begin");
                return;
            }
            Span &s = m_result.spans[stack.back()];
            stack.pop_back();
            s.endNs = std::max(ts, s.startNs);
            mergeArgs(s, e);
        } else if (ph == "n" || ph == "T" || ph == "p") {
            auto &stack = m_async[asyncKey(e, pid)];
            const size_t span = addSpan(e, index, ts, ts);
            if (!stack.empty())
                m_result.spans[span].parentSpanId = m_result.spans[stack.back()].spanId;
        } else if (ph == "i" || ph == "I" || ph == "R") {
            threadSlice(pid, tid, addSpan(e, index, ts, ts));
        } else if (ph == "s" || ph == "t" || ph == "f") {
            m_flows.push_back({ph, textOf(e, "cat") + '\x1f' + idText(member(e, "id")), pid, tid, ts,
                               textOf(e, "bp") == "e"});
        } else {
            ++m_skipped[ph];
        }
    }

    void finish()
    {
        // Slices left open at the end of the file end where the file does.
        int64_t last = 0;
        for (const Span &s : m_result.spans)
            last = std::max(last, s.endNs);
        for (auto &[thread, stack] : m_open)
            for (const size_t span : stack) {
                m_result.spans[span].endNs = std::max(last, m_result.spans[span].startNs);
                m_result.spans[span].attributes["chrome.unterminated"] = true;
                threadSlice(thread.first, thread.second, span);
            }
        for (auto &[key, stack] : m_async)
            for (const size_t span : stack) {
                m_result.spans[span].endNs = std::max(last, m_result.spans[span].startNs);
                m_result.spans[span].attributes["chrome.unterminated"] = true;
            }
        nest();
        links();
        for (const auto &[ph, count] : m_skipped)
            otlp::addError(m_result, std::to_string(count) + " event(s) of phase '" + ph +
                                         "' (samples, counters, objects) were not imported");
    }

private:
    struct Flow {
        std::string ph;
        std::string id;
        std::string pid;
        std::string tid;
        int64_t ts;
        bool enclosing; // bp:"e": bound to the enclosing slice, else to the next slice
    };

    size_t addSpan(const json &e, size_t index, int64_t startNs, int64_t endNs)
    {
        Span span;
        span.source = "chrome";
        span.traceId = m_traceId;
        span.spanId = spanids::derivedSpanId(m_traceId, std::to_string(index));
        span.name = textOf(e, "name");
        if (span.name.empty())
            span.name = "(unnamed)";
        span.startNs = startNs;
        span.endNs = endNs;
        const std::string pid = idText(member(e, "pid"));
        const std::string tid = idText(member(e, "tid"));
        const auto process = m_processNames.find(pid);
        span.service =
            process != m_processNames.end() && !process->second.empty() ? process->second : "pid " + pid;
        span.resource["service.name"] = span.service;
        span.resource["process.pid"] = pid;
        json &a = span.attributes;
        a["thread.id"] = tid;
        if (const auto thread = m_threadNames.find({pid, tid}); thread != m_threadNames.end())
            a["thread.name"] = thread->second;
        if (const std::string cat = textOf(e, "cat"); !cat.empty())
            a["chrome.category"] = cat;
        a["chrome.phase"] = textOf(e, "ph");
        mergeArgs(span, e);
        m_result.spans.push_back(std::move(span));
        return m_result.spans.size() - 1;
    }

    static void mergeArgs(Span &span, const json &e)
    {
        const json *args = member(e, "args");
        if (!args || !args->is_object())
            return;
        for (const auto &[key, value] : args->items())
            span.attributes["args." + key] = value;
    }

    void threadSlice(const std::string &pid, const std::string &tid, size_t span)
    {
        const Span &s = m_result.spans[span];
        m_slices[{pid, tid}].push_back({s.startNs, s.endNs, span});
    }

    // Parent by time containment per thread: sorted by start (longer first on a tie), a stack of the
    // slices that still contain the current one.
    void nest()
    {
        for (auto &[thread, slices] : m_slices) {
            std::stable_sort(slices.begin(), slices.end(), [](const Slice &a, const Slice &b) {
                return a.startNs != b.startNs ? a.startNs < b.startNs : a.endNs > b.endNs;
            });
            std::vector<const Slice *> stack;
            for (const Slice &slice : slices) {
                while (!stack.empty() &&
                       !(stack.back()->startNs <= slice.startNs && slice.endNs <= stack.back()->endNs))
                    stack.pop_back();
                if (!stack.empty())
                    m_result.spans[slice.span].parentSpanId = m_result.spans[stack.back()->span].spanId;
                stack.push_back(&slice);
            }
        }
    }

    // The innermost slice of a thread containing ts, or (for a flow not bound to the enclosing slice) the
    // first slice starting at or after ts.
    const Slice *sliceAt(const std::string &pid, const std::string &tid, int64_t ts, bool enclosing) const
    {
        const auto it = m_slices.find({pid, tid});
        if (it == m_slices.end())
            return nullptr;
        const Slice *found = nullptr;
        for (const Slice &slice : it->second) {
            if (slice.startNs > ts)
                return found ? found : (enclosing ? nullptr : &slice);
            if (slice.endNs >= ts)
                found = &slice; // later-starting containing slices are nested deeper
        }
        return found;
    }

    void links()
    {
        std::unordered_map<std::string, size_t> sources; // flow id -> span index of the previous step
        for (const Flow &flow : m_flows) {
            const Slice *slice = sliceAt(flow.pid, flow.tid, flow.ts, flow.ph == "s" || flow.enclosing);
            if (!slice)
                continue;
            if (flow.ph != "s") {
                const auto source = sources.find(flow.id);
                if (source != sources.end() && source->second != slice->span) {
                    const Span &from = m_result.spans[source->second];
                    m_result.spans[slice->span].links.push_back(
                        otlp::makeLink(from.traceId, from.spanId, json{{"chrome.flow", "true"}}));
                }
            }
            sources[flow.id] = slice->span;
        }
    }

    std::string m_traceId;
    DecodeResult &m_result;
    std::unordered_map<std::string, std::string> m_processNames;
    std::map<ThreadKey, std::string> m_threadNames;
    std::map<ThreadKey, std::vector<size_t>> m_open;
    std::unordered_map<std::string, std::vector<size_t>> m_async;
    std::map<ThreadKey, std::vector<Slice>> m_slices;
    std::vector<Flow> m_flows;
    std::map<std::string, int64_t> m_skipped;
};

} // namespace

DecodeResult ChromeTraceDecoder::decode(std::string_view body)
{
    DecodeResult result;
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        const auto first = body.find_first_not_of(" \t\r\n");
        if (first != std::string_view::npos && body[first] == '[')
            document = BoundedJson::parse(closeUnterminatedArray(body), &error);
        if (document.is_discarded()) {
            result.fatalError = std::move(error);
            return result;
        }
    }
    const json *events = &document;
    if (document.is_object()) {
        events = member(document, "traceEvents");
        if (!events || !events->is_array()) {
            result.fatalError = "traceEvents: expected an array of trace events";
            return result;
        }
    } else if (!document.is_array()) {
        result.fatalError = "expected an array of trace events or {\"traceEvents\": [...]}";
        return result;
    }

    // One trace per file, named by its content: the same file imports into the same trace.
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(body.data(), qsizetype(body.size())),
                                                       QCryptographicHash::Sha1);
    const std::string traceId = spanids::toHex(std::string_view(digest.constData(), spanids::kTraceIdBytes));

    Builder builder(traceId, result);
    builder.metadata(*events);
    for (size_t i = 0; i < events->size(); ++i)
        builder.event((*events)[i], i);
    builder.finish();
    if (result.spans.empty() && result.rejectedSpans == 0)
        result.fatalError = "no trace events with a time";
    return result;
}

} // namespace tracedeck

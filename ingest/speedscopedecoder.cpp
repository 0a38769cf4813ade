#include "speedscopedecoder.h"

#include "boundedjson.h"
#include "spanids.h"

#include <QCryptographicHash>

#include <cmath>

namespace tracedeck {

using nlohmann::json;

namespace {

double nanosPerUnit(const std::string &unit)
{
    if (unit == "nanoseconds")
        return 1;
    if (unit == "microseconds")
        return 1e3;
    if (unit == "milliseconds")
        return 1e6;
    if (unit == "seconds")
        return 1e9;
    return 1e3; // "none", "bytes": shown as microseconds
}

class Profile {
public:
    Profile(const json &frames, const json &profile, size_t index, const std::string &traceId,
            DecodeResult &result)
        : m_frames(frames)
        , m_traceId(traceId)
        , m_result(result)
        , m_where("profiles[" + std::to_string(index) + "]")
        , m_index(index)
    {
        m_service = profile.value("name", std::string());
        if (m_service.empty())
            m_service = "profile " + std::to_string(index + 1);
        m_scale = nanosPerUnit(profile.value("unit", std::string("none")));
    }

    void evented(const json &profile)
    {
        const auto events = profile.find("events");
        if (events == profile.end() || !events->is_array()) {
            m_result.reject(m_where + ".events: expected an array");
            return;
        }
        for (size_t i = 0; i < events->size(); ++i) {
            const json &e = (*events)[i];
            const std::string where = m_where + ".events[" + std::to_string(i) + "]";
            if (!e.is_object() || !e.value("at", json()).is_number() ||
                !e.value("frame", json()).is_number_integer()) {
                m_result.reject(where + ": expected {type, at, frame}");
                continue;
            }
            const double at = e["at"].get<double>();
            const std::string type = e.value("type", std::string());
            if (type == "O") {
                open(e["frame"].get<int64_t>(), at);
            } else if (type == "C") {
                if (m_open.empty()) {
                    m_result.reject(where + ": a close (C) event with no frame open");
                    continue;
                }
                close(at);
            } else {
                m_result.reject(where + ".type: expected \"O\" or \"C\"");
            }
        }
        const double end =
            profile.value("endValue", json(0)).is_number() ? profile["endValue"].get<double>() : 0;
        while (!m_open.empty())
            close(end);
    }

    void sampled(const json &profile)
    {
        const auto samples = profile.find("samples");
        const auto weights = profile.find("weights");
        if (samples == profile.end() || !samples->is_array()) {
            m_result.reject(m_where + ".samples: expected an array");
            return;
        }
        double t = profile.value("startValue", json(0)).is_number() ? profile["startValue"].get<double>() : 0;
        std::vector<int64_t> stack; // frames of the open spans
        for (size_t i = 0; i < samples->size(); ++i) {
            const json &sample = (*samples)[i];
            if (!sample.is_array()) {
                m_result.reject(m_where + ".samples[" + std::to_string(i) + "]: expected an array of frames");
                continue;
            }
            size_t common = 0;
            while (common < stack.size() && common < sample.size() && sample[common].is_number_integer() &&
                   sample[common].get<int64_t>() == stack[common])
                ++common;
            while (stack.size() > common) {
                close(t);
                stack.pop_back();
            }
            for (size_t depth = common; depth < sample.size(); ++depth) {
                if (!sample[depth].is_number_integer())
                    break;
                stack.push_back(sample[depth].get<int64_t>());
                open(stack.back(), t);
            }
            const double weight = weights != profile.end() && weights->is_array() && i < weights->size() &&
                                          (*weights)[i].is_number()
                                      ? (*weights)[i].get<double>()
                                      : 1.0;
            t += weight;
        }
        while (!m_open.empty())
            close(t);
    }

private:
    void open(int64_t frame, double at)
    {
        Span span;
        span.source = "speedscope";
        span.traceId = m_traceId;
        span.spanId =
            spanids::derivedSpanId(m_traceId, std::to_string(m_index) + '/' + std::to_string(m_count++));
        const json *f = frame >= 0 && size_t(frame) < m_frames.size() ? &m_frames[size_t(frame)] : nullptr;
        span.name = f && f->is_object() ? f->value("name", std::string()) : std::string();
        if (span.name.empty())
            span.name = "frame " + std::to_string(frame);
        if (f && f->is_object()) {
            if (f->contains("file") && (*f)["file"].is_string())
                span.attributes["code.filepath"] = (*f)["file"];
            if (f->contains("line") && (*f)["line"].is_number())
                span.attributes["code.lineno"] = (*f)["line"];
        }
        span.service = m_service;
        span.resource["service.name"] = m_service;
        span.startNs = int64_t(std::llround(at * m_scale));
        span.endNs = span.startNs;
        if (!m_open.empty())
            span.parentSpanId = m_result.spans[m_open.back()].spanId;
        m_result.spans.push_back(std::move(span));
        m_open.push_back(m_result.spans.size() - 1);
    }

    void close(double at)
    {
        Span &span = m_result.spans[m_open.back()];
        span.endNs = std::max(span.startNs, int64_t(std::llround(at * m_scale)));
        m_open.pop_back();
    }

    const json &m_frames;
    const std::string &m_traceId;
    DecodeResult &m_result;
    std::string m_where;
    size_t m_index;
    std::string m_service;
    double m_scale = 1e3;
    std::vector<size_t> m_open;
    size_t m_count = 0;
};

} // namespace

DecodeResult SpeedscopeDecoder::decode(std::string_view body)
{
    DecodeResult result;
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.fatalError = std::move(error);
        return result;
    }
    if (!document.is_object() || !document.contains("profiles") || !document["profiles"].is_array()) {
        result.fatalError = "profiles: expected an array of speedscope profiles";
        return result;
    }
    static const json noFrames = json::array();
    const json *frames = &noFrames;
    if (const auto shared = document.find("shared"); shared != document.end() && shared->is_object()) {
        const auto list = shared->find("frames");
        if (list != shared->end() && list->is_array())
            frames = &*list;
    }
    const QByteArray digest = QCryptographicHash::hash(QByteArrayView(body.data(), qsizetype(body.size())),
                                                       QCryptographicHash::Sha1);
    const std::string traceId = spanids::toHex(std::string_view(digest.constData(), spanids::kTraceIdBytes));
    const json &profiles = document["profiles"];
    for (size_t i = 0; i < profiles.size(); ++i) {
        const json &p = profiles[i];
        if (!p.is_object()) {
            result.reject("profiles[" + std::to_string(i) + "]: not an object");
            continue;
        }
        Profile profile(*frames, p, i, traceId, result);
        const std::string type = p.value("type", std::string());
        if (type == "evented")
            profile.evented(p);
        else if (type == "sampled")
            profile.sampled(p);
        else
            result.reject("profiles[" + std::to_string(i) + "].type: expected \"evented\" or \"sampled\"");
    }
    if (result.spans.empty() && result.rejectedSpans == 0)
        result.fatalError = "no frames in any profile";
    return result;
}

} // namespace tracedeck

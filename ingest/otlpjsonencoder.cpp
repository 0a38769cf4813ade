#include "otlpjsonencoder.h"

#include <QCryptographicHash>

#include <map>

namespace tracedeck {

namespace {

using nlohmann::json;

bool isLowerHex(const std::string &text)
{
    for (const char c : text)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

json encodeSpan(const Span &s)
{
    json span = {
        {"traceId", OtlpJsonEncoder::otlpId(s.traceId, 16)},
        {"spanId", OtlpJsonEncoder::otlpId(s.spanId, 8)},
        {"name", s.name},
        {"kind", s.kind},
        {"startTimeUnixNano", std::to_string(s.startNs)},
        {"endTimeUnixNano", std::to_string(s.endNs)},
        {"attributes", OtlpJsonEncoder::keyValues(s.attributes)},
    };
    if (!s.parentSpanId.empty())
        span["parentSpanId"] = OtlpJsonEncoder::otlpId(s.parentSpanId, 8);
    json events = json::array();
    for (const json &event : s.events) {
        json out = {{"name", event.value("name", std::string())}};
        if (const auto time = event.find("timeNs"); time != event.end() && time->is_number_integer())
            out["timeUnixNano"] = std::to_string(time->get<int64_t>());
        if (const auto attributes = event.find("attributes"); attributes != event.end())
            out["attributes"] = OtlpJsonEncoder::keyValues(*attributes);
        events.push_back(std::move(out));
    }
    if (!events.empty())
        span["events"] = std::move(events);
    json links = json::array();
    for (const json &link : s.links) {
        json out = {{"traceId", OtlpJsonEncoder::otlpId(link.value("traceId", std::string()), 16)},
                    {"spanId", OtlpJsonEncoder::otlpId(link.value("spanId", std::string()), 8)}};
        if (const auto attributes = link.find("attributes"); attributes != link.end())
            out["attributes"] = OtlpJsonEncoder::keyValues(*attributes);
        links.push_back(std::move(out));
    }
    if (!links.empty())
        span["links"] = std::move(links);
    json status = {{"code", int(s.status)}};
    if (!s.statusMessage.empty())
        status["message"] = s.statusMessage;
    span["status"] = std::move(status);
    return span;
}

} // namespace

std::string OtlpJsonEncoder::otlpId(const std::string &id, int bytes)
{
    if (id.size() == size_t(bytes) * 2 && isLowerHex(id))
        return id;
    const QByteArray digest = QCryptographicHash::hash(
        QByteArray::fromRawData(id.data(), qsizetype(id.size())), QCryptographicHash::Sha256);
    return digest.left(bytes).toHex().toStdString();
}

json OtlpJsonEncoder::anyValue(const json &value)
{
    switch (value.type()) {
    case json::value_t::string:
        return {{"stringValue", value}};
    case json::value_t::boolean:
        return {{"boolValue", value}};
    case json::value_t::number_integer:
        return {{"intValue", std::to_string(value.get<int64_t>())}};
    case json::value_t::number_unsigned:
        return {{"intValue", std::to_string(value.get<uint64_t>())}};
    case json::value_t::number_float:
        return {{"doubleValue", value}};
    case json::value_t::array: {
        json values = json::array();
        for (const json &item : value)
            values.push_back(anyValue(item));
        return {{"arrayValue", {{"values", std::move(values)}}}};
    }
    case json::value_t::object:
        return {{"kvlistValue", {{"values", keyValues(value)}}}};
    default:
        return json::object(); // null: an AnyValue with nothing set
    }
}

json OtlpJsonEncoder::keyValues(const json &object)
{
    json list = json::array();
    if (!object.is_object())
        return list;
    for (const auto &[key, value] : object.items())
        list.push_back({{"key", key}, {"value", anyValue(value)}});
    return list;
}

json OtlpJsonEncoder::encode(const std::vector<Span> &spans)
{
    // resource → scope → spans, each level in the order first seen.
    struct ScopeGroup {
        const json *scope;
        json spans = json::array();
    };
    struct ResourceGroup {
        const json *resource;
        std::vector<ScopeGroup> scopes;
        std::map<std::string, size_t> scopeIndex;
    };
    std::vector<ResourceGroup> resources;
    std::map<std::string, size_t> resourceIndex;
    for (const Span &span : spans) {
        const std::string resourceKey = span.resource.dump();
        auto [r, newResource] = resourceIndex.try_emplace(resourceKey, resources.size());
        if (newResource)
            resources.push_back(ResourceGroup{&span.resource, {}, {}});
        ResourceGroup &resource = resources[r->second];
        const std::string scopeKey = span.scope.dump();
        auto [s, newScope] = resource.scopeIndex.try_emplace(scopeKey, resource.scopes.size());
        if (newScope)
            resource.scopes.push_back(ScopeGroup{&span.scope});
        resource.scopes[s->second].spans.push_back(encodeSpan(span));
    }
    json resourceSpans = json::array();
    for (ResourceGroup &resource : resources) {
        json scopeSpans = json::array();
        for (ScopeGroup &group : resource.scopes) {
            json scope = json::object();
            const json &in = *group.scope;
            if (in.is_object()) {
                if (const auto name = in.find("name"); name != in.end() && name->is_string())
                    scope["name"] = *name;
                if (const auto version = in.find("version"); version != in.end() && version->is_string())
                    scope["version"] = *version;
                if (const auto attributes = in.find("attributes"); attributes != in.end())
                    scope["attributes"] = keyValues(*attributes);
            }
            scopeSpans.push_back({{"scope", std::move(scope)}, {"spans", std::move(group.spans)}});
        }
        resourceSpans.push_back({{"resource", {{"attributes", keyValues(*resource.resource)}}},
                                 {"scopeSpans", std::move(scopeSpans)}});
    }
    return {{"resourceSpans", std::move(resourceSpans)}};
}

} // namespace tracedeck

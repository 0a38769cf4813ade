#include "jaegerjsonencoder.h"

#include <map>

namespace tracedeck {

namespace {

using nlohmann::json;

const char *kindName(int kind)
{
    switch (kind) {
    case 1:
        return "internal";
    case 2:
        return "server";
    case 3:
        return "client";
    case 4:
        return "producer";
    case 5:
        return "consumer";
    default:
        return nullptr;
    }
}

json tags(const json &attributes)
{
    json out = json::array();
    if (attributes.is_object())
        for (const auto &[key, value] : attributes.items())
            out.push_back(JaegerJsonEncoder::tag(key, value));
    return out;
}

int64_t micros(int64_t ns)
{
    return ns / 1000;
}

} // namespace

json JaegerJsonEncoder::tag(const std::string &key, const json &value)
{
    switch (value.type()) {
    case json::value_t::boolean:
        return {{"key", key}, {"type", "bool"}, {"value", value}};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
        return {{"key", key}, {"type", "int64"}, {"value", value}};
    case json::value_t::number_float:
        return {{"key", key}, {"type", "float64"}, {"value", value}};
    case json::value_t::string:
        return {{"key", key}, {"type", "string"}, {"value", value}};
    case json::value_t::null:
        return {{"key", key}, {"type", "string"}, {"value", ""}};
    default:
        return {{"key", key}, {"type", "string"}, {"value", value.dump()}};
    }
}

json JaegerJsonEncoder::encodeTrace(const std::vector<Span> &spans)
{
    json processes = json::object();
    std::map<std::string, std::string> processIds; // service + resource → p1, p2, …
    json out = json::array();
    std::string traceId;
    for (const Span &s : spans) {
        if (traceId.empty())
            traceId = s.traceId;
        const std::string processKey = s.service + '\n' + s.resource.dump();
        auto [it, added] = processIds.try_emplace(processKey, "p" + std::to_string(processIds.size() + 1));
        if (added) {
            json resource = s.resource.is_object() ? s.resource : json::object();
            resource.erase("service.name");
            processes[it->second] = {{"serviceName", s.service}, {"tags", tags(resource)}};
        }
        json references = json::array();
        if (!s.parentSpanId.empty())
            references.push_back(
                {{"refType", "CHILD_OF"}, {"traceID", s.traceId}, {"spanID", s.parentSpanId}});
        for (const json &link : s.links)
            references.push_back({{"refType", "FOLLOWS_FROM"},
                                  {"traceID", link.value("traceId", std::string())},
                                  {"spanID", link.value("spanId", std::string())}});
        json spanTags = tags(s.attributes);
        if (const char *kind = kindName(s.kind); kind && !s.attributes.contains("span.kind"))
            spanTags.push_back(tag("span.kind", kind));
        if (s.status != SpanStatus::Unset && !s.attributes.contains("otel.status_code"))
            spanTags.push_back(tag("otel.status_code", s.status == SpanStatus::Error ? "ERROR" : "OK"));
        if (s.status == SpanStatus::Error && !s.attributes.contains("error"))
            spanTags.push_back(tag("error", true));
        if (!s.statusMessage.empty() && !s.attributes.contains("otel.status_description"))
            spanTags.push_back(tag("otel.status_description", s.statusMessage));
        const json &scope = s.scope;
        if (scope.is_object()) {
            if (const auto name = scope.find("name");
                name != scope.end() && name->is_string() && !name->get_ref<const std::string &>().empty())
                spanTags.push_back(tag("otel.library.name", *name));
            if (const auto version = scope.find("version"); version != scope.end() && version->is_string() &&
                                                            !version->get_ref<const std::string &>().empty())
                spanTags.push_back(tag("otel.library.version", *version));
        }
        json logs = json::array();
        for (const json &event : s.events) {
            json fields = json::array();
            fields.push_back(tag("event", event.value("name", std::string())));
            if (const auto attributes = event.find("attributes"); attributes != event.end())
                for (json &field : tags(*attributes))
                    fields.push_back(std::move(field));
            const auto time = event.find("timeNs");
            const int64_t timeNs =
                time != event.end() && time->is_number_integer() ? time->get<int64_t>() : s.startNs;
            logs.push_back({{"timestamp", micros(timeNs)}, {"fields", std::move(fields)}});
        }
        out.push_back({
            {"traceID", s.traceId},
            {"spanID", s.spanId},
            {"operationName", s.name},
            {"references", std::move(references)},
            {"startTime", micros(s.startNs)},
            {"duration", micros(s.endNs) - micros(s.startNs)},
            {"tags", std::move(spanTags)},
            {"logs", std::move(logs)},
            {"processID", it->second},
            {"warnings", nullptr},
        });
    }
    return {{"traceID", traceId},
            {"spans", std::move(out)},
            {"processes", std::move(processes)},
            {"warnings", nullptr}};
}

} // namespace tracedeck

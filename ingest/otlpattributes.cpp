#include "otlpattributes.h"

#include <QByteArray>

namespace tracedeck::otlp {

std::string base64Encode(std::string_view bytes)
{
    return QByteArray::fromRawData(bytes.data(), qsizetype(bytes.size())).toBase64().toStdString();
}

nlohmann::json makeScope(std::string name, std::string version, nlohmann::json attributes)
{
    nlohmann::json::object_t scope;
    scope.emplace("name", std::move(name));
    scope.emplace("version", std::move(version));
    scope.emplace("attributes", std::move(attributes));
    return scope;
}

nlohmann::json makeEvent(std::string name, int64_t timeNs, nlohmann::json attributes)
{
    nlohmann::json::object_t event;
    event.emplace("name", std::move(name));
    event.emplace("timeNs", timeNs);
    event.emplace("attributes", std::move(attributes));
    return event;
}

nlohmann::json makeLink(std::string traceId, std::string spanId, nlohmann::json attributes)
{
    nlohmann::json::object_t link;
    link.emplace("traceId", std::move(traceId));
    link.emplace("spanId", std::move(spanId));
    link.emplace("attributes", std::move(attributes));
    return link;
}

std::string serviceName(const nlohmann::json &resource)
{
    const auto it = resource.find("service.name");
    if (it == resource.end() || !it->is_string())
        return {};
    return it->get<std::string>();
}

std::string spanPosition(std::string_view resourceKey, size_t resourceIndex, std::string_view scopeKey,
                         size_t scopeIndex, std::string_view spansKey, size_t spanIndex)
{
    std::string out;
    out.reserve(resourceKey.size() + scopeKey.size() + spansKey.size() + 24);
    out.append(resourceKey).append("[").append(std::to_string(resourceIndex)).append("].");
    out.append(scopeKey).append("[").append(std::to_string(scopeIndex)).append("].");
    out.append(spansKey).append("[").append(std::to_string(spanIndex)).append("]");
    return out;
}

std::string tooLargeForInt64(std::string_view digits)
{
    return std::string(digits) + " does not fit a signed 64-bit integer";
}

std::string endBeforeStart(int64_t startNs, int64_t endNs)
{
    return std::to_string(endNs) + " is before startTimeUnixNano " + std::to_string(startNs);
}

std::string unknownSpanKind(std::string_view kind)
{
    return "unknown span kind " + std::string(kind) + " (expected 0-5 or SPAN_KIND_*)";
}

std::string unknownStatusCode(std::string_view code)
{
    return "unknown status code " + std::string(code) + " (expected 0-2 or STATUS_CODE_*)";
}

void addError(DecodeResult &result, std::string message)
{
    if (result.errors.size() < DecodeResult::kMaxErrors)
        result.errors.push_back(std::move(message));
}

void rejectMany(DecodeResult &result, int64_t count, std::string message)
{
    result.rejectedSpans += count;
    addError(result, std::move(message));
}

} // namespace tracedeck::otlp

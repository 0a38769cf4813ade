#pragma once

#include "decoderesult.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>

// Pieces both OTLP decoders share, so a span reads the same whether it came as JSON or protobuf.
namespace tracedeck::otlp {

constexpr int kMaxSpanKind = 5;   // SPAN_KIND_CONSUMER
constexpr int kMaxStatusCode = 2; // STATUS_CODE_ERROR

// Standard base64 with padding: the OTLP/JSON spelling of bytesValue.
std::string base64Encode(std::string_view bytes);

// The canonical shapes of Span::scope, Span::events[i] and Span::links[i].
nlohmann::json makeScope(std::string name, std::string version, nlohmann::json attributes);
nlohmann::json makeEvent(std::string name, int64_t timeNs, nlohmann::json attributes);
nlohmann::json makeLink(std::string traceId, std::string spanId, nlohmann::json attributes);

// The resource's service.name when it is a string, else empty.
std::string serviceName(const nlohmann::json &resource);

// "resourceSpans[0].scopeSpans[1].spans[3]", spelled with the keys the client used.
std::string spanPosition(std::string_view resourceKey, size_t resourceIndex, std::string_view scopeKey,
                         size_t scopeIndex, std::string_view spansKey, size_t spanIndex);

// Message texts, without the field name in front.
std::string tooLargeForInt64(std::string_view digits);
std::string endBeforeStart(int64_t startNs, int64_t endNs);
std::string unknownSpanKind(std::string_view kind);
std::string unknownStatusCode(std::string_view code);

// An error line that is not one rejected span: a container of the wrong type (nothing countable), or a
// problem shared by `count` spans (a bad resource or scope), reported once.
void addError(DecodeResult &result, std::string message);
void rejectMany(DecodeResult &result, int64_t count, std::string message);

} // namespace tracedeck::otlp

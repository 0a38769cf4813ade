#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tracedeck::spanids {

constexpr size_t kTraceIdBytes = 16;
constexpr size_t kSpanIdBytes = 8;

std::string toHex(std::string_view bytes);

// An OTLP id from JSON: hex (either case) of exactly byteLength bytes, or base64 of that many bytes
// (some exporters send protobuf-JSON style base64). Returns lowercase hex, or nullopt when it is neither
// or all zero (the spec's "invalid id").
std::optional<std::string> fromOtlpJson(std::string_view text, size_t byteLength);

// An OTLP id from protobuf: raw bytes of exactly byteLength, not all zero.
std::optional<std::string> fromOtlpBytes(std::string_view bytes, size_t byteLength);

// A Zipkin/B3 id: 1..maxHexChars hex digits, left-padded with zeros to padToHexChars. Not all zero.
std::optional<std::string> fromZipkinHex(std::string_view text, size_t maxHexChars, size_t padToHexChars);

// A stable 8-byte id derived from another id and a salt, for spans that would otherwise collide
// (Zipkin shared server halves, two different spans under one id in a file).
std::string derivedSpanId(std::string_view spanId, std::string_view salt);

} // namespace tracedeck::spanids

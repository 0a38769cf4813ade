#pragma once

#include "decoderesult.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace tracedeck {

// Decodes a Zipkin v2 JSON span array into canonical spans. Invalid spans are rejected one by one
// (DecodeResult::reject, naming the field); a body that cannot be read at all sets fatalError.
class ZipkinDecoder {
public:
    static DecodeResult decode(std::string_view body);
    // An array already parsed (a file streamed in chunks); messages count spans from firstIndex.
    static DecodeResult decodeDocument(nlohmann::json &document, size_t firstIndex = 0);
};

} // namespace tracedeck

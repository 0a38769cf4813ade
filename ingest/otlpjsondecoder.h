#pragma once

#include "decoderesult.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace tracedeck {

// Decodes a OTLP/JSON ExportTraceServiceRequest (spec JSON and protobuf-JSON style) into canonical spans.
// Invalid spans are rejected one by one (DecodeResult::reject, naming the field); a body that cannot be read
// at all sets fatalError.
class OtlpJsonDecoder {
public:
    static DecodeResult decode(std::string_view body);
    // A request already parsed (a file streamed element by element); consumes the document.
    static DecodeResult decodeDocument(nlohmann::json &document);
};

} // namespace tracedeck

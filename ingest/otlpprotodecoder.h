#pragma once

#include "decoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes a binary protobuf ExportTraceServiceRequest into canonical spans. Invalid spans are rejected one by
// one (DecodeResult::reject, naming the field); a body that cannot be read at all sets fatalError.
class OtlpProtoDecoder {
public:
    static DecodeResult decode(std::string_view body);
};

} // namespace tracedeck

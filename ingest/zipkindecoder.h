#pragma once

#include "decoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes a Zipkin v2 JSON span array into canonical spans. Invalid spans are rejected one by one
// (DecodeResult::reject, naming the field); a body that cannot be read at all sets fatalError.
class ZipkinDecoder {
public:
    static DecodeResult decode(std::string_view body);
};

} // namespace tracedeck

#pragma once

#include "decoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes speedscope's own file format ({$schema, shared: {frames}, profiles}): evented profiles (O/C
// open/close events) and sampled profiles (stacks with weights, consecutive samples sharing a frame merged
// into one span) become spans nested as the stacks nest, one service per profile. One trace per file, its
// id derived from the content.
class SpeedscopeDecoder {
public:
    static DecodeResult decode(std::string_view body);
};

} // namespace tracedeck

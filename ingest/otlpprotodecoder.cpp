#include "otlpprotodecoder.h"

namespace tracedeck {

DecodeResult OtlpProtoDecoder::decode(std::string_view)
{
    DecodeResult result;
    result.fatalError = "not implemented";
    return result;
}

} // namespace tracedeck

#include "otlpjsondecoder.h"

namespace tracedeck {

DecodeResult OtlpJsonDecoder::decode(std::string_view)
{
    DecodeResult result;
    result.fatalError = "not implemented";
    return result;
}

} // namespace tracedeck

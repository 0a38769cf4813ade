#include "zipkindecoder.h"

namespace tracedeck {

DecodeResult ZipkinDecoder::decode(std::string_view)
{
    DecodeResult result;
    result.fatalError = "not implemented";
    return result;
}

} // namespace tracedeck

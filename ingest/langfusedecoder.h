#pragma once

#include "decoderesult.h"

#include <string_view>

namespace tracedeck {

// Decodes a Langfuse trace export {trace, observations}: the trace becomes the root span, each observation
// a span under its parentObservationId (or the root). Generations become LLM spans: model, usage
// (input/output/cached/total), cost, model parameters and input/output as gen_ai.*.messages attributes, so
// the normalizer reads them as it reads OTel GenAI spans. The OTel attributes Langfuse kept in `metadata`
// come back as attributes, resource and scope. level ERROR is an error status.
class LangfuseDecoder {
public:
    static DecodeResult decode(std::string_view body);
};

} // namespace tracedeck

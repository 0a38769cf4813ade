#include "encodedspan.h"

#include "compactjson.h"

namespace tracedeck {

namespace {

std::string dumpUnlessEmpty(nlohmann::json &value)
{
    std::string text;
    if (!value.is_null() && !((value.is_array() || value.is_object()) && value.empty()))
        text = CompactJson::dump(value);
    value = nullptr;
    return text;
}

} // namespace

EncodedSpan EncodedSpan::encode(Span &&span)
{
    EncodedSpan encoded;
    encoded.attributes = CompactJson::dump(span.attributes);
    span.attributes = nullptr;
    encoded.events = dumpUnlessEmpty(span.events);
    encoded.links = dumpUnlessEmpty(span.links);
    encoded.resource = dumpUnlessEmpty(span.resource);
    encoded.scope = dumpUnlessEmpty(span.scope);
    encoded.messages = dumpUnlessEmpty(span.fields.messages);
    encoded.span = std::move(span);
    return encoded;
}

EncodedBatch encodeBatch(SpanBatch &&spans)
{
    EncodedBatch batch;
    batch.reserve(spans.size());
    for (Span &span : spans)
        batch.push_back(EncodedSpan::encode(std::move(span)));
    spans.clear();
    return batch;
}

} // namespace tracedeck

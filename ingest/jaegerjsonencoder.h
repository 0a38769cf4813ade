#pragma once

#include "span.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace tracedeck {

// The spans of one trace as a Jaeger UI trace object {traceID, spans, processes} — the element of the
// `data` array that Jaeger's "Download JSON" writes. Times become microseconds; span kind and status become
// the `span.kind`, `error`, `otel.status_code` and `otel.status_description` tags Jaeger uses; attribute
// values that are arrays or maps become JSON text (Jaeger tags are scalars).
class JaegerJsonEncoder {
public:
    static nlohmann::json encodeTrace(const std::vector<Span> &spans);
    static nlohmann::json tag(const std::string &key, const nlohmann::json &value);
};

} // namespace tracedeck

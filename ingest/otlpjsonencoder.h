#pragma once

#include "span.h"

#include <nlohmann/json.hpp>

#include <vector>

namespace tracedeck {

// Canonical spans back to OTLP/JSON (an ExportTraceServiceRequest, as the OTel Collector's file exporter
// writes one per line): spans grouped by resource and scope, ids as hex, times as decimal strings,
// attributes as typed AnyValues. What OtlpJsonDecoder reads back is the same span.
class OtlpJsonEncoder {
public:
    static nlohmann::json encode(const std::vector<Span> &spans);
    // Plain JSON (as the store keeps attributes) to an OTLP AnyValue.
    static nlohmann::json anyValue(const nlohmann::json &value);
    static nlohmann::json keyValues(const nlohmann::json &object);
    // An id that is not hex of the OTLP length (seed records use text ids such as "req_abc123") is
    // replaced by a stable hex digest of it, since OTLP cannot carry it.
    static std::string otlpId(const std::string &id, int bytes);
};

} // namespace tracedeck

#pragma once

#include "tracefilter.h"

#include <QString>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QIODevice;

namespace tracedeck {

class StoreReader;

// Writes stored traces to a file, trace by trace (memory holds one trace at a time): OTLP JSON Lines (one
// ExportTraceServiceRequest per trace, what `tracedeck import` and the OTel Collector read), Jaeger UI
// JSON ({data:[trace…]}, what Jaeger's "Download JSON" writes) or CSV (one row per span). The traces are
// the ids given, or else every trace the filter matches, oldest first.
class TraceExporter {
public:
    enum class Format { OtlpJson, Jaeger, Csv };
    struct Request {
        Format format = Format::OtlpJson;
        std::vector<std::string> traceIds; // when empty, the filter chooses
        TraceFilter filter;                // its workspace applies to traceIds too
    };
    struct Result {
        int64_t traces = 0;
        int64_t spans = 0;
        std::vector<std::string> missing; // trace ids asked for that the store does not hold
        QString error;                    // why the export stopped (read or write failure, cancelled)
        bool ok() const { return error.isEmpty(); }
    };
    // Called after each trace; returning false cancels.
    using Progress = std::function<bool(int64_t traces, int64_t spans)>;

    static std::optional<Format> parseFormat(const QString &name); // otlp | jaeger | csv
    static Result write(StoreReader &reader, const Request &request, QIODevice &out,
                        const Progress &progress = {});
    // To a file, atomically: on an error or cancel the file is left as it was (QSaveFile).
    static Result writeFile(StoreReader &reader, const Request &request, const QString &path,
                            const Progress &progress = {});
};

} // namespace tracedeck

#pragma once

#include "database.h"
#include "span.h"
#include "timelinespan.h"
#include "tracefilter.h"
#include "tracesummary.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// Read-only queries over the store on its own connection (WAL lets it read while the writer commits).
// Not thread-safe: use one per thread.
class StoreReader {
public:
    static std::unique_ptr<StoreReader> open(const std::string &path, std::string *error);

    // One page of the trace list: filtered and sorted in SQL, keyset-paged from `cursor`.
    std::vector<TraceSummary> traces(const TraceFilter &filter, const TraceSort &sort,
                                     const std::optional<TraceCursor> &cursor, int limit, std::string *error);
    // The spans of a trace as the timeline needs them (no JSON). Empty when the trace is unknown.
    TimelineSpans timeline(const std::string &workspace, const std::string &traceId, std::string *error);
    // One span with everything stored about it.
    std::optional<Span> span(const std::string &workspace, const std::string &traceId,
                             const std::string &spanId, std::string *error);

private:
    explicit StoreReader(std::unique_ptr<Database> db);
    std::unique_ptr<Database> m_db;
};

} // namespace tracedeck

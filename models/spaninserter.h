#pragma once

#include "database.h"
#include "encodedspan.h"

#include <cstdint>
#include <string>

namespace tracedeck {

struct WriteStats {
    int64_t inserted = 0;
    int64_t updated = 0;
    int64_t unchanged = 0; // identical re-sends: stored once, nothing rewritten
    int64_t newTraces = 0;
};

// Writes spans with prepared statements, inside a transaction the caller owns: upsert by
// (workspace, trace_id, span_id) and keep the per-trace summaries in `traces` exact.
class SpanInserter {
public:
    explicit SpanInserter(Database &db);
    bool prepare(std::string *error);

    // seq is bumped for each changed span (change_seq). Returns false with *error on an SQLite error;
    // the caller then rolls back.
    bool write(const EncodedBatch &spans, int64_t &seq, WriteStats *stats, std::string *error);

private:
    struct TraceDelta;
    bool upsertSpan(const EncodedSpan &row, int64_t seq, int64_t *insertSeq, std::string *error);
    bool addToTrace(const std::string &workspace, const std::string &traceId, const TraceDelta &delta,
                    bool *created, std::string *error);
    bool recomputeTrace(const std::string &workspace, const std::string &traceId, std::string *error);
    bool traceExists(const std::string &workspace, const std::string &traceId);

    Database &m_db;
    Statement m_upsertSpan;
    Statement m_addToTrace;
    Statement m_recomputeTrace;
    Statement m_traceExists;
};

} // namespace tracedeck

#pragma once

#include "database.h"
#include "encodedspan.h"
#include "metricsrollup.h"

#include <cstdint>
#include <map>
#include <string>

namespace tracedeck {

struct WriteStats {
    int64_t inserted = 0;
    int64_t updated = 0;
    int64_t unchanged = 0; // identical re-sends: stored once, nothing rewritten
    int64_t newTraces = 0;
};

// Writes spans with prepared statements, inside a transaction the caller owns: upsert by
// (workspace, trace_id, span_id) and keep the per-trace summaries in `traces` and the metric rollups
// exact. An update moves the span's rollup contribution: a temporary trigger on this connection keeps the
// row's old values, which are taken out again.
class SpanInserter {
public:
    explicit SpanInserter(Database &db);
    bool prepare(std::string *error);

    // seq is bumped for each changed span (change_seq); every trace a changed span belongs to gets
    // storedNs (ns since the epoch) as its stored time, which retention counts from. Returns false with
    // *error on an SQLite error; the caller then rolls back.
    bool write(const EncodedBatch &spans, int64_t storedNs, int64_t &seq, WriteStats *stats,
               std::string *error);

private:
    struct TraceDelta;
    bool upsertSpan(const EncodedSpan &row, int64_t seq, int64_t *insertSeq, std::string *error);
    bool addToTrace(const std::string &workspace, const std::string &traceId, const TraceDelta &delta,
                    bool *created, std::string *error);
    bool recomputeTrace(const std::string &workspace, const std::string &traceId, std::string *error);
    bool traceExists(const std::string &workspace, const std::string &traceId);
    bool takeOldRows(std::map<int64_t, RollupSpan> *oldByRow, std::string *error);
    bool reanchorTrace(const std::string &workspace, const std::string &traceId, int64_t seqBefore,
                       const std::map<int64_t, RollupSpan> &oldByRow, std::string *error);

    Database &m_db;
    int64_t m_storedNs = 0; // of the batch being written
    Statement m_insertSpan;
    Statement m_updateSpan;
    Statement m_insertTrace;
    Statement m_addToTrace;
    Statement m_recomputeTrace;
    Statement m_traceExists;
    Statement m_oldRows;
    Statement m_clearOldRows;
    Statement m_traceKeys;
    MetricsRollup m_rollup;
};

} // namespace tracedeck

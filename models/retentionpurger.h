#pragma once

#include "database.h"
#include "metricsrollup.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace tracedeck {

// Deletes traces older than their workspace's retention (workspaces.retention_days; 0 or less keeps a
// workspace's data forever; a workspace without a row keeps the default 30 days), on the writer's connection
// and thread, a small transaction at a time so ingest commits interleave with it. A trace goes once the
// store last wrote it (traces.stored_ns) before now − retention — not by its own timestamps, so imported
// old traces live a full retention period after their import: its spans, its summary row, their full-text
// rows and their share of the metric rollups (rollup rows left with no spans are deleted). Then freed pages
// are given back with PRAGMA incremental_vacuum in small steps; a store made without auto_vacuum=INCREMENTAL
// keeps its free pages for reuse (logged once).
class RetentionPurger {
public:
    struct Settings {
        int spansPerStep = 2000;                  // a step stops after the trace that passes this
        std::chrono::milliseconds stepBudget{20}; // or after this long
        int vacuumPagesPerStep = 256;
    };
    struct Step {
        bool ok = true;
        int64_t traces = 0; // deleted in this step
        int64_t spans = 0;
        int64_t vacuumedPages = 0;
    };

    RetentionPurger(Database &db, const Settings &settings);
    bool prepare(std::string *error);

    // Starts a pass with each workspace's horizon taken from nowNs (ns since the epoch).
    bool begin(int64_t nowNs, std::string *error);
    bool busy() const { return m_phase != Phase::Idle; }
    // One transaction of deletes, or one incremental vacuum step. Call while busy().
    Step step(std::string *error);

    // The horizon of a retention in days at nowNs: traces last stored before it are purged.
    static int64_t horizonNs(int64_t nowNs, int64_t retentionDays);

private:
    enum class Phase { Idle, Deleting, Vacuuming };
    struct Horizon {
        std::string workspace;
        int64_t beforeNs;
    };
    bool deleteSome(Step *result, std::string *error);
    bool vacuumSome(Step *result, std::string *error);

    Database &m_db;
    Settings m_settings;
    MetricsRollup m_rollup;
    Statement m_candidates;
    Statement m_deleteFts;
    Statement m_deleteSpans;
    Statement m_deleteTrace;
    std::vector<Horizon> m_horizons;
    size_t m_current = 0;
    Phase m_phase = Phase::Idle;
    bool m_incrementalVacuum = false;
    bool m_toldNoVacuum = false;
};

} // namespace tracedeck

#pragma once

#include "database.h"
#include "metricsrollup.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace tracedeck {

// What a span costs under new prices, from what the store keeps of it: model, category and tokens. None:
// the span has no price (its cost becomes unknown).
using CostFunction = std::function<std::optional<double>(
    const std::string &model, const std::string &category, std::optional<int64_t> inputTokens,
    std::optional<int64_t> cachedInputTokens, std::optional<int64_t> outputTokens)>;

// After the price table changes: walks every span with a model whose cost the store computed (or could
// not, for want of a price) — never one whose cost the client sent — and stores its cost under the new
// prices, with its trace's total and its share of the minute and hourly rollups in the same transaction.
// On the writer's connection and thread, a small transaction at a time (like RetentionPurger) so ingest
// commits interleave with it. A span stored while a pass runs is priced by the ingest path with the new
// table already.
class CostRecomputer {
public:
    struct Settings {
        int spansPerStep = 2000;
        std::chrono::milliseconds stepBudget{20};
    };
    struct Step {
        bool ok = true;
        int64_t changedSpans = 0;
        int64_t changedTraces = 0;
    };

    CostRecomputer(Database &db, const Settings &settings);
    bool prepare(std::string *error);

    // Starts a pass over the whole store (a pass already running starts again with the new function).
    bool begin(CostFunction cost, std::string *error);
    bool busy() const { return bool(m_cost); }
    // One transaction. Call while busy().
    Step step(std::string *error);
    // How far the pass has come, 0 … 1 (by span row id).
    double progress() const;

private:
    Database &m_db;
    Settings m_settings;
    MetricsRollup m_rollup;
    Statement m_candidates;
    Statement m_updateSpan;
    Statement m_updateTrace;
    CostFunction m_cost;
    int64_t m_firstRow = 0;
    int64_t m_lastRow = 0; // the highest row id when the pass began: later rows were priced when stored
    int64_t m_doneRow = 0; // rows up to this one are done
};

} // namespace tracedeck

#include "costrecomputer.h"
#include "span.h"

#include <sqlite3.h>

#include <set>
#include <utility>

namespace tracedeck {
namespace {

std::optional<int64_t> optionalInt(sqlite3_stmt *s, int column)
{
    if (sqlite3_column_type(s, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_int64(s, column);
}

std::string text(sqlite3_stmt *s, int column)
{
    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return t ? std::string(t, size_t(sqlite3_column_bytes(s, column))) : std::string();
}

} // namespace

CostRecomputer::CostRecomputer(Database &db, const Settings &settings)
    : m_db(db)
    , m_settings(settings)
    , m_rollup(db)
{}

bool CostRecomputer::prepare(std::string *error)
{
    if (!m_rollup.prepare(error))
        return false;
    // Given costs (cost_source 1) are the client's and stay.
    m_candidates = m_db.prepare(
        "SELECT id, workspace, trace_id, start_ns, end_ns, status, service, model, provider, user_id, "
        "category, input_tokens, cached_input_tokens, output_tokens, cost_usd, cost_source, prompt_hash "
        "FROM spans WHERE id > ?1 AND id <= ?2 AND model IS NOT NULL AND cost_source <> 1 "
        "ORDER BY id LIMIT ?3",
        error);
    m_updateSpan = m_db.prepare("UPDATE spans SET cost_usd = ?2, cost_source = ?3 WHERE id = ?1", error);
    m_updateTrace =
        m_db.prepare("UPDATE traces SET cost_usd = (SELECT sum(cost_usd) FROM spans "
                     "WHERE workspace = ?1 AND trace_id = ?2) WHERE workspace = ?1 AND trace_id = ?2",
                     error);
    return m_candidates && m_updateSpan && m_updateTrace;
}

bool CostRecomputer::begin(CostFunction cost, std::string *error)
{
    m_firstRow = m_db.queryInt("SELECT coalesce(min(id), 0) FROM spans", error);
    if (error->empty())
        m_lastRow = m_db.queryInt("SELECT coalesce(max(id), 0) FROM spans", error);
    if (!error->empty()) {
        m_cost = nullptr;
        return false;
    }
    m_doneRow = m_firstRow - 1;
    m_cost = std::move(cost);
    return true;
}

double CostRecomputer::progress() const
{
    if (!busy() || m_lastRow < m_firstRow)
        return busy() ? 0.0 : 1.0;
    return double(m_doneRow - m_firstRow + 1) / double(m_lastRow - m_firstRow + 1);
}

CostRecomputer::Step CostRecomputer::step(std::string *error)
{
    Step result;
    if (!busy())
        return result;
    const auto started = std::chrono::steady_clock::now();
    if (!m_db.exec("BEGIN", error)) {
        result.ok = false;
        return result;
    }
    std::set<std::pair<std::string, std::string>> traces;
    sqlite3_stmt *s = m_candidates.get();
    sqlite3_bind_int64(s, 1, m_doneRow);
    sqlite3_bind_int64(s, 2, m_lastRow);
    sqlite3_bind_int(s, 3, m_settings.spansPerStep);
    int rc = SQLITE_DONE;
    int seen = 0;
    bool ok = true;
    while (ok && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        ++seen;
        m_doneRow = sqlite3_column_int64(s, 0);
        RollupSpan before;
        before.startNs = sqlite3_column_int64(s, 3);
        before.endNs = sqlite3_column_int64(s, 4);
        before.error = sqlite3_column_int(s, 5) == int(SpanStatus::Error);
        for (int g = 0; g < kMetricsGroupings; ++g)
            before.keys[g] = text(s, 6 + g);
        const auto input = optionalInt(s, 11);
        const auto output = optionalInt(s, 13);
        before.inputTokens = input.value_or(0);
        before.outputTokens = output.value_or(0);
        if (sqlite3_column_type(s, 14) != SQLITE_NULL)
            before.costUsd = sqlite3_column_double(s, 14);
        before.promptHash = optionalInt(s, 16);
        const auto oldSource = CostSource(sqlite3_column_int(s, 15));
        const std::optional<double> cost =
            m_cost(before.keys[1], text(s, 10), input, optionalInt(s, 12), output);
        const CostSource source = cost ? CostSource::Computed : CostSource::Unknown;
        if (cost == before.costUsd && source == oldSource)
            continue;
        sqlite3_bind_int64(m_updateSpan.get(), 1, m_doneRow);
        if (cost)
            sqlite3_bind_double(m_updateSpan.get(), 2, *cost);
        else
            sqlite3_bind_null(m_updateSpan.get(), 2);
        sqlite3_bind_int(m_updateSpan.get(), 3, int(source));
        ok = sqlite3_step(m_updateSpan.get()) == SQLITE_DONE;
        sqlite3_reset(m_updateSpan.get());
        RollupSpan after = before;
        after.costUsd = cost;
        const std::string workspace = text(s, 1);
        m_rollup.addSpan(workspace, before, -1);
        m_rollup.addSpan(workspace, after, +1);
        traces.emplace(workspace, text(s, 2));
        ++result.changedSpans;
        if (std::chrono::steady_clock::now() - started > m_settings.stepBudget)
            break;
    }
    const bool readOk = ok && (rc == SQLITE_ROW || rc == SQLITE_DONE);
    sqlite3_reset(s);
    if (!readOk && error->empty())
        *error = "recomputing costs: " + m_db.lastError();
    ok = readOk;
    for (auto it = traces.begin(); ok && it != traces.end(); ++it) {
        sqlite3_stmt *t = m_updateTrace.get();
        sqlite3_bind_text(t, 1, it->first.data(), int(it->first.size()), SQLITE_STATIC);
        sqlite3_bind_text(t, 2, it->second.data(), int(it->second.size()), SQLITE_STATIC);
        ok = sqlite3_step(t) == SQLITE_DONE;
        sqlite3_reset(t);
        if (!ok)
            *error = "recomputing the cost of trace " + it->second + ": " + m_db.lastError();
    }
    if (ok)
        ok = m_rollup.flush(error) && m_db.exec("COMMIT", error);
    if (!ok) {
        m_db.exec("ROLLBACK");
        m_cost = nullptr; // tried again when the prices change next
        result = Step{false, 0, 0};
        return result;
    }
    result.changedTraces = int64_t(traces.size());
    if (seen < m_settings.spansPerStep && rc == SQLITE_DONE)
        m_cost = nullptr; // the pass is over
    return result;
}

} // namespace tracedeck

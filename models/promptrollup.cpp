#include "promptrollup.h"

#include "metricsrollup.h"

#include <sqlite3.h>

#include <algorithm>

namespace tracedeck {

namespace {

constexpr const char *kUpsert = R"sql(
INSERT INTO prompt_rollups (workspace, prompt_hash, calls, cost_pusd, cost_spans, input_tokens,
    cached_input_tokens, first_start_ns, last_start_ns)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
ON CONFLICT (workspace, prompt_hash) DO UPDATE SET
    calls = calls + excluded.calls, cost_pusd = cost_pusd + excluded.cost_pusd,
    cost_spans = cost_spans + excluded.cost_spans, input_tokens = input_tokens + excluded.input_tokens,
    cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens,
    first_start_ns = min(first_start_ns, excluded.first_start_ns),
    last_start_ns = max(last_start_ns, excluded.last_start_ns)
)sql";

} // namespace

PromptRollup::PromptRollup(Database &db)
    : m_db(db)
{}

bool PromptRollup::prepare(std::string *error)
{
    m_upsert = m_db.prepare(kUpsert, error);
    m_dropEmpty = m_db.prepare(
        "DELETE FROM prompt_rollups WHERE workspace = ?1 AND prompt_hash = ?2 AND calls <= 0", error);
    return m_upsert && m_dropEmpty;
}

void PromptRollup::addSpan(const std::string &workspace, const RollupSpan &span, int sign)
{
    if (!span.promptHash)
        return;
    Delta &d = m_deltas[{workspace, *span.promptHash}];
    d.calls += sign;
    d.inputTokens += sign * span.inputTokens;
    d.cachedInputTokens += sign * span.cachedInputTokens;
    if (span.costUsd) {
        d.costPicoUsd += sign * MetricsRollup::toPicoUsd(*span.costUsd);
        d.costSpans += sign;
    }
    if (sign > 0) {
        d.firstStartNs = std::min(d.firstStartNs, span.startNs);
        d.lastStartNs = std::max(d.lastStartNs, span.startNs);
    }
}

bool PromptRollup::flush(std::string *error)
{
    bool ok = true;
    for (const auto &[key, d] : m_deltas) {
        if (!ok)
            break;
        const bool added = d.firstStartNs <= d.lastStartNs;
        if (d.calls == 0 && d.costPicoUsd == 0 && d.costSpans == 0 && d.inputTokens == 0 &&
            d.cachedInputTokens == 0 && !added)
            continue;
        const auto &[workspace, hash] = key;
        sqlite3_stmt *s = m_upsert.get();
        sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, hash);
        sqlite3_bind_int64(s, 3, d.calls);
        sqlite3_bind_int64(s, 4, d.costPicoUsd);
        sqlite3_bind_int64(s, 5, d.costSpans);
        sqlite3_bind_int64(s, 6, d.inputTokens);
        sqlite3_bind_int64(s, 7, d.cachedInputTokens);
        // Only removals: the bounds stay (min/max with the widest values).
        sqlite3_bind_int64(s, 8, d.firstStartNs);
        sqlite3_bind_int64(s, 9, d.lastStartNs);
        ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
        if (ok && d.calls < 0) {
            sqlite3_stmt *drop = m_dropEmpty.get();
            sqlite3_bind_text(drop, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
            sqlite3_bind_int64(drop, 2, hash);
            ok = sqlite3_step(drop) == SQLITE_DONE;
            sqlite3_reset(drop);
        }
    }
    m_deltas.clear();
    if (!ok)
        *error = "updating prompt rollups: " + m_db.lastError();
    return ok;
}

} // namespace tracedeck

#include "retentionpurger.h"

#include <QDebug>

#include <sqlite3.h>

namespace tracedeck {

namespace {

constexpr int64_t kDayNs = 86'400'000'000'000;
constexpr int kDefaultRetentionDays = 30; // workspaces.retention_days' default

// Every workspace with traces, with its retention (the default for one without a workspaces row).
constexpr const char *kRetentions = R"sql(
SELECT t.workspace, coalesce((SELECT w.retention_days FROM workspaces w WHERE w.name = t.workspace), ?1)
FROM (SELECT DISTINCT workspace FROM traces) t
)sql";

} // namespace

RetentionPurger::RetentionPurger(Database &db, const Settings &settings)
    : m_db(db)
    , m_settings(settings)
    , m_rollup(db)
{}

bool RetentionPurger::prepare(std::string *error)
{
    if (!m_rollup.prepare(error))
        return false;
    m_candidates = m_db.prepare(
        "SELECT trace_id, span_count FROM traces WHERE workspace = ?1 AND stored_ns < ?2 LIMIT ?3", error);
    m_deleteFts = m_db.prepare("DELETE FROM message_fts WHERE rowid = ?1", error);
    m_deleteSpans = m_db.prepare("DELETE FROM spans WHERE workspace = ?1 AND trace_id = ?2", error);
    m_deleteTrace = m_db.prepare("DELETE FROM traces WHERE workspace = ?1 AND trace_id = ?2", error);
    if (!m_candidates || !m_deleteFts || !m_deleteSpans || !m_deleteTrace)
        return false;
    m_incrementalVacuum = m_db.queryInt("PRAGMA auto_vacuum", error) == 2;
    return error->empty();
}

int64_t RetentionPurger::horizonNs(int64_t nowNs, int64_t retentionDays)
{
    return nowNs - retentionDays * kDayNs;
}

bool RetentionPurger::begin(int64_t nowNs, std::string *error)
{
    Statement stmt = m_db.prepare(kRetentions, error);
    if (!stmt)
        return false;
    sqlite3_bind_int(stmt.get(), 1, kDefaultRetentionDays);
    m_horizons.clear();
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        const int64_t days = sqlite3_column_int64(stmt.get(), 1);
        if (days <= 0)
            continue; // kept forever
        const auto *name = reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 0));
        m_horizons.push_back({name ? name : "", horizonNs(nowNs, days)});
    }
    if (rc != SQLITE_DONE) {
        *error = "reading retention settings: " + m_db.lastError();
        return false;
    }
    m_current = 0;
    m_phase = Phase::Deleting;
    return true;
}

RetentionPurger::Step RetentionPurger::step(std::string *error)
{
    Step result;
    if (m_phase == Phase::Deleting)
        result.ok = deleteSome(&result, error);
    else if (m_phase == Phase::Vacuuming)
        result.ok = vacuumSome(&result, error);
    if (!result.ok)
        m_phase = Phase::Idle; // tried again at the next check
    return result;
}

bool RetentionPurger::deleteSome(Step *result, std::string *error)
{
    while (m_current < m_horizons.size()) {
        const Horizon &h = m_horizons[m_current];
        std::vector<std::pair<std::string, int64_t>> candidates;
        sqlite3_stmt *s = m_candidates.get();
        sqlite3_bind_text(s, 1, h.workspace.data(), int(h.workspace.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, h.beforeNs);
        sqlite3_bind_int(s, 3, 256);
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW)
            candidates.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(s, 0)),
                                    sqlite3_column_int64(s, 1));
        sqlite3_reset(s);
        if (rc != SQLITE_DONE) {
            *error = "finding expired traces: " + m_db.lastError();
            return false;
        }
        if (candidates.empty()) {
            ++m_current; // this workspace is done
            continue;
        }
        const auto started = std::chrono::steady_clock::now();
        if (!m_db.exec("BEGIN", error))
            return false;
        bool ok = true;
        std::vector<int64_t> rowIds;
        for (const auto &[traceId, spanCount] : candidates) {
            if (result->traces > 0 && (result->spans + spanCount > m_settings.spansPerStep ||
                                       std::chrono::steady_clock::now() - started > m_settings.stepBudget))
                break;
            rowIds.clear();
            ok = m_rollup.removeStoredTrace(h.workspace, traceId, &rowIds, error);
            for (size_t i = 0; ok && i < rowIds.size(); ++i) {
                sqlite3_bind_int64(m_deleteFts.get(), 1, rowIds[i]);
                ok = sqlite3_step(m_deleteFts.get()) == SQLITE_DONE;
                sqlite3_reset(m_deleteFts.get());
            }
            for (Statement *stmt : {&m_deleteSpans, &m_deleteTrace}) {
                if (!ok)
                    break;
                sqlite3_bind_text(stmt->get(), 1, h.workspace.data(), int(h.workspace.size()), SQLITE_STATIC);
                sqlite3_bind_text(stmt->get(), 2, traceId.data(), int(traceId.size()), SQLITE_STATIC);
                ok = sqlite3_step(stmt->get()) == SQLITE_DONE;
                sqlite3_reset(stmt->get());
            }
            if (!ok) {
                if (error->empty())
                    *error = "purging trace " + traceId + ": " + m_db.lastError();
                break;
            }
            ++result->traces;
            result->spans += int64_t(rowIds.size());
        }
        if (ok)
            ok = m_rollup.flush(error) && m_db.exec("COMMIT", error);
        if (!ok) {
            m_db.exec("ROLLBACK");
            result->traces = result->spans = 0;
            return false;
        }
        return true;
    }
    m_phase = Phase::Vacuuming;
    if (!m_incrementalVacuum && !m_toldNoVacuum) {
        m_toldNoVacuum = true;
        qInfo(
            "tracedeck: this store was made without incremental auto-vacuum: purged space is reused for new "
            "data but the file does not shrink (a one-off VACUUM changes that)");
    }
    return true;
}

bool RetentionPurger::vacuumSome(Step *result, std::string *error)
{
    const int64_t freePages = m_incrementalVacuum ? m_db.queryInt("PRAGMA freelist_count", error) : 0;
    if (freePages <= 0) {
        m_phase = Phase::Idle;
        return error->empty();
    }
    const int64_t pages = std::min<int64_t>(freePages, m_settings.vacuumPagesPerStep);
    if (!m_db.exec("PRAGMA incremental_vacuum(" + std::to_string(pages) + ")", error))
        return false;
    result->vacuumedPages = pages;
    return true;
}

} // namespace tracedeck

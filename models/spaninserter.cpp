#include "spaninserter.h"

#include <sqlite3.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace tracedeck {

namespace {

// A span is inserted, or, when (workspace, trace_id, span_id) is stored already, updated if anything it
// carries differs. Two plain statements rather than one upsert: ON CONFLICT DO UPDATE (and RETURNING) makes
// SQLite open a statement journal for every row, which copied each page the insert touched (a dozen per
// span) and cost about a third of the writer's time. The insert does not need one: its conflict is
// "do nothing", and the update (rare: re-sends with changes) keeps its journal.
constexpr const char *kInsertSpan = R"sql(
INSERT INTO spans (workspace, trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns, status,
    status_message, attributes, events, links, resource, scope, source, request_id, user_id, session_id,
    conversation_id, http_method, http_url, status_code, provider, model, input_tokens, output_tokens,
    cached_input_tokens, reasoning_tokens, total_tokens, cost_usd, cost_source, finish_reason, ttft_ms,
    category, messages, change_seq, insert_seq, prompt_hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22,
    ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?38, ?39)
ON CONFLICT (workspace, trace_id, span_id) DO NOTHING
)sql";

// Same parameters as kInsertSpan.
constexpr const char *kUpdateSpan = R"sql(
UPDATE spans SET
    parent_span_id = ?4, name = ?5, kind = ?6, service = ?7, start_ns = ?8, end_ns = ?9, status = ?10,
    status_message = ?11, attributes = ?12, events = ?13, links = ?14, resource = ?15, scope = ?16, source = ?17,
    request_id = ?18, user_id = ?19, session_id = ?20, conversation_id = ?21, http_method = ?22, http_url = ?23,
    status_code = ?24, provider = ?25, model = ?26, input_tokens = ?27, output_tokens = ?28,
    cached_input_tokens = ?29, reasoning_tokens = ?30, total_tokens = ?31, cost_usd = ?32, cost_source = ?33,
    finish_reason = ?34, ttft_ms = ?35, category = ?36, messages = ?37, change_seq = ?38, prompt_hash = ?39
WHERE workspace = ?1 AND trace_id = ?2 AND span_id = ?3 AND (parent_span_id IS NOT ?4 OR name IS NOT ?5
    OR kind IS NOT ?6 OR service IS NOT ?7 OR start_ns IS NOT ?8 OR end_ns IS NOT ?9 OR status IS NOT ?10
    OR status_message IS NOT ?11 OR attributes IS NOT ?12 OR events IS NOT ?13 OR links IS NOT ?14
    OR resource IS NOT ?15 OR scope IS NOT ?16 OR messages IS NOT ?37 OR cost_usd IS NOT ?32 OR model IS NOT ?26)
RETURNING insert_seq
)sql";

// A trace's summary: inserted when the trace is new, else the batch's spans added to it (two statements for
// the reason given at kInsertSpan). A column added here goes into both.
constexpr const char *kInsertTrace = R"sql(
INSERT INTO traces (workspace, trace_id, start_ns, end_ns, span_count, error_count, root_name, root_service,
    input_tokens, output_tokens, cost_usd, services, models, user_id, session_id, request_id, stored_ns)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
ON CONFLICT (workspace, trace_id) DO NOTHING
)sql";

// Same parameters as kInsertTrace.
constexpr const char *kAddToTrace = R"sql(
UPDATE traces SET
    start_ns = min(start_ns, ?3), end_ns = max(end_ns, ?4), span_count = span_count + ?5,
    error_count = error_count + ?6, root_name = coalesce(?7, root_name), root_service = coalesce(?8, root_service),
    input_tokens = input_tokens + ?9, output_tokens = output_tokens + ?10,
    cost_usd = CASE WHEN ?11 IS NULL THEN cost_usd ELSE coalesce(cost_usd, 0) + ?11 END,
    services = td_set_union(services, ?12), models = td_set_union(models, ?13),
    user_id = coalesce(user_id, ?14), session_id = coalesce(session_id, ?15), request_id = coalesce(request_id, ?16),
    stored_ns = ?17
WHERE workspace = ?1 AND trace_id = ?2
)sql";

// An updated span can change any aggregate (an end time arrives, a status turns to error), so its trace
// is summed again from its spans; updates are rare next to inserts.
constexpr const char *kRecomputeTrace = R"sql(
INSERT OR REPLACE INTO traces (workspace, trace_id, start_ns, end_ns, span_count, error_count, root_name,
    root_service, input_tokens, output_tokens, cost_usd, services, models, user_id, session_id, request_id,
    stored_ns)
SELECT workspace, trace_id, min(start_ns), max(end_ns), count(*), sum(status = 2),
    (SELECT name FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2 AND r.parent_span_id IS NULL
     ORDER BY start_ns LIMIT 1),
    (SELECT service FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2 AND r.parent_span_id IS NULL
     ORDER BY start_ns LIMIT 1),
    coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), sum(cost_usd),
    (SELECT group_concat(service, ',') FROM (SELECT DISTINCT service FROM spans r
        WHERE r.workspace = ?1 AND r.trace_id = ?2 ORDER BY service)),
    (SELECT group_concat(model, ',') FROM (SELECT DISTINCT model FROM spans r
        WHERE r.workspace = ?1 AND r.trace_id = ?2 AND model IS NOT NULL ORDER BY model)),
    (SELECT user_id FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2 AND user_id IS NOT NULL
     ORDER BY start_ns LIMIT 1),
    coalesce((SELECT session_id FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2
        AND session_id IS NOT NULL ORDER BY start_ns LIMIT 1),
        (SELECT conversation_id FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2
        AND conversation_id IS NOT NULL ORDER BY start_ns LIMIT 1)),
    (SELECT request_id FROM spans r WHERE r.workspace = ?1 AND r.trace_id = ?2 AND request_id IS NOT NULL
     ORDER BY start_ns LIMIT 1),
    ?3
FROM spans WHERE workspace = ?1 AND trace_id = ?2 GROUP BY workspace, trace_id
)sql";

// Old values of updated span rows, for the rollups (see SpanInserter). Temporary: only this connection's
// upserts fill it, and it is emptied in the same transaction.
constexpr const char *kOldRowsTable = R"sql(
CREATE TEMP TABLE IF NOT EXISTS rollup_old (seq INTEGER PRIMARY KEY, span_row INTEGER NOT NULL,
    workspace TEXT, start_ns INTEGER, end_ns INTEGER, status INTEGER, service TEXT, model TEXT,
    provider TEXT, user_id TEXT, input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL,
    cached_input_tokens INTEGER, prompt_hash INTEGER);
CREATE TEMP TRIGGER IF NOT EXISTS rollup_old_capture AFTER UPDATE ON main.spans BEGIN
    INSERT INTO rollup_old (span_row, workspace, start_ns, end_ns, status, service, model, provider, user_id,
        input_tokens, output_tokens, cost_usd, cached_input_tokens, prompt_hash)
    VALUES (old.id, old.workspace, old.start_ns, old.end_ns, old.status, old.service, old.model, old.provider,
        old.user_id, old.input_tokens, old.output_tokens, old.cost_usd, old.cached_input_tokens,
        old.prompt_hash);
END;
)sql";

RollupSpan rollupRow(sqlite3_stmt *s, int first)
{
    RollupSpan span;
    span.startNs = sqlite3_column_int64(s, first);
    span.endNs = sqlite3_column_int64(s, first + 1);
    span.error = sqlite3_column_int(s, first + 2) == int(SpanStatus::Error);
    for (int g = 0; g < kMetricsGroupings; ++g) {
        const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, first + 3 + g));
        if (text)
            span.keys[g] = text;
    }
    span.inputTokens = sqlite3_column_int64(s, first + 7);
    span.outputTokens = sqlite3_column_int64(s, first + 8);
    if (sqlite3_column_type(s, first + 9) != SQLITE_NULL)
        span.costUsd = sqlite3_column_double(s, first + 9);
    span.cachedInputTokens = std::min<int64_t>(sqlite3_column_int64(s, first + 11), span.inputTokens);
    if (sqlite3_column_type(s, first + 12) != SQLITE_NULL)
        span.promptHash = sqlite3_column_int64(s, first + 12);
    return span;
}

// The distinct services or models of a trace, sorted, comma-separated and capped so a trace touching
// hundreds of services keeps a bounded row.
constexpr size_t kMaxSetMembers = 64;

std::set<std::string> splitSet(const char *text)
{
    std::set<std::string> members;
    if (!text)
        return members;
    std::string_view rest(text);
    while (!rest.empty()) {
        const size_t comma = rest.find(',');
        const std::string_view member = rest.substr(0, comma);
        if (!member.empty())
            members.emplace(member);
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    return members;
}

std::string joinSet(const std::set<std::string> &members)
{
    std::string joined;
    size_t count = 0;
    for (const std::string &member : members) {
        if (count++ == kMaxSetMembers)
            break;
        if (!joined.empty())
            joined += ',';
        joined += member;
    }
    return joined;
}

void setUnion(sqlite3_context *context, int, sqlite3_value **args)
{
    std::set<std::string> members = splitSet(reinterpret_cast<const char *>(sqlite3_value_text(args[0])));
    members.merge(splitSet(reinterpret_cast<const char *>(sqlite3_value_text(args[1]))));
    if (members.empty()) {
        sqlite3_result_null(context);
        return;
    }
    const std::string joined = joinSet(members);
    sqlite3_result_text(context, joined.data(), int(joined.size()), SQLITE_TRANSIENT);
}

// Binds by index with the lifetime rules SQLite needs: text stays owned by the caller until the step.
class Binder {
public:
    explicit Binder(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {}
    void text(int i, const std::string &value)
    {
        sqlite3_bind_text(m_stmt, i, value.data(), int(value.size()), SQLITE_STATIC);
    }
    void optionalText(int i, const std::string &value)
    {
        if (value.empty())
            sqlite3_bind_null(m_stmt, i);
        else
            text(i, value);
    }
    void integer(int i, int64_t value) { sqlite3_bind_int64(m_stmt, i, value); }
    template <typename T> void optionalNumber(int i, const std::optional<T> &value)
    {
        if (!value)
            sqlite3_bind_null(m_stmt, i);
        else if constexpr (std::is_floating_point_v<T>)
            sqlite3_bind_double(m_stmt, i, *value);
        else
            sqlite3_bind_int64(m_stmt, i, *value);
    }

private:
    sqlite3_stmt *m_stmt;
};

} // namespace

struct SpanInserter::TraceDelta {
    int64_t startNs = INT64_MAX;
    int64_t endNs = INT64_MIN;
    int64_t spanCount = 0;
    int64_t errorCount = 0;
    const Span *root = nullptr;
    std::vector<const Span *> spans;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    std::optional<double> costUsd;
    std::set<std::string> services;
    std::set<std::string> models;
    const std::string *userId = nullptr;
    const std::string *sessionId = nullptr;
    const std::string *conversationId = nullptr;
    const std::string *requestId = nullptr;

    void add(const Span &span)
    {
        spans.push_back(&span);
        services.insert(span.service);
        if (!span.fields.model.empty())
            models.insert(span.fields.model);
        takeFirst(userId, span.fields.userId);
        takeFirst(sessionId, span.fields.sessionId);
        takeFirst(conversationId, span.fields.conversationId);
        takeFirst(requestId, span.fields.requestId);
        startNs = std::min(startNs, span.startNs);
        endNs = std::max(endNs, span.endNs);
        ++spanCount;
        errorCount += span.status == SpanStatus::Error;
        if (span.parentSpanId.empty() && (!root || span.startNs < root->startNs))
            root = &span;
        inputTokens += span.fields.inputTokens.value_or(0);
        outputTokens += span.fields.outputTokens.value_or(0);
        if (span.fields.costUsd)
            costUsd = costUsd.value_or(0) + *span.fields.costUsd;
    }

private:
    static void takeFirst(const std::string *&slot, const std::string &value)
    {
        if (!slot && !value.empty())
            slot = &value;
    }
};

SpanInserter::SpanInserter(Database &db)
    : m_db(db)
    , m_rollup(db)
{}

bool SpanInserter::prepare(std::string *error)
{
    if (sqlite3_create_function_v2(m_db.handle(), "td_set_union", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   nullptr, &setUnion, nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = "registering td_set_union: " + m_db.lastError();
        return false;
    }
    m_insertSpan = m_db.prepare(kInsertSpan, error);
    m_updateSpan = m_db.prepare(kUpdateSpan, error);
    m_insertTrace = m_db.prepare(kInsertTrace, error);
    m_addToTrace = m_db.prepare(kAddToTrace, error);
    m_recomputeTrace = m_db.prepare(kRecomputeTrace, error);
    m_traceExists = m_db.prepare("SELECT 1 FROM traces WHERE workspace = ?1 AND trace_id = ?2", error);
    if (!m_db.exec(kOldRowsTable, error) || !m_rollup.prepare(error))
        return false;
    m_oldRows = m_db.prepare(
        "SELECT span_row, start_ns, end_ns, status, service, model, provider, user_id, "
        "input_tokens, output_tokens, cost_usd, workspace, cached_input_tokens, prompt_hash FROM rollup_old "
        "ORDER BY seq",
        error);
    m_clearOldRows = m_db.prepare("DELETE FROM rollup_old", error);
    m_traceKeys =
        m_db.prepare("SELECT id, insert_seq, start_ns, service, model, provider, user_id FROM spans "
                     "WHERE workspace = ?1 AND trace_id = ?2",
                     error);
    return m_insertSpan && m_updateSpan && m_insertTrace && m_addToTrace && m_recomputeTrace &&
           m_traceExists && m_oldRows && m_clearOldRows && m_traceKeys;
}

bool SpanInserter::write(const EncodedBatch &spans, int64_t storedNs, int64_t &seq, WriteStats *stats,
                         std::string *error)
{
    m_storedNs = storedNs;
    // Other updates on this connection (the cost recompute) fire the capture trigger too; only this
    // batch's old values may leave the rollups.
    const bool cleared = sqlite3_step(m_clearOldRows.get()) == SQLITE_DONE;
    sqlite3_reset(m_clearOldRows.get());
    if (!cleared) {
        *error = "clearing updated spans' old values: " + m_db.lastError();
        return false;
    }
    const int64_t seqBefore = seq;
    std::map<std::pair<std::string, std::string>, TraceDelta> inserted;
    std::set<std::pair<std::string, std::string>> updated;
    for (const EncodedSpan &row : spans) {
        const Span &span = row.span;
        const int64_t spanSeq = seq + 1;
        int64_t insertSeq = 0;
        if (!upsertSpan(row, spanSeq, &insertSeq, error))
            return false;
        if (insertSeq == 0) {
            ++stats->unchanged;
            continue;
        }
        seq = spanSeq;
        m_rollup.addSpan(span.workspace, RollupSpan::of(span), +1);
        if (insertSeq == spanSeq) {
            ++stats->inserted;
            inserted[{span.workspace, span.traceId}].add(span);
        } else {
            ++stats->updated;
            updated.insert({span.workspace, span.traceId});
        }
    }
    std::map<int64_t, RollupSpan> oldByRow;
    if (!updated.empty() && !takeOldRows(&oldByRow, error))
        return false;
    for (const auto &[key, delta] : inserted) {
        if (updated.count(key))
            continue;
        bool created = false;
        if (!addToTrace(key.first, key.second, delta, &created, error))
            return false;
        stats->newTraces += created;
        if (created) { // the common case: a whole new trace, anchored from the batch itself
            std::vector<RollupSpan> rows;
            rows.reserve(delta.spans.size());
            for (const Span *span : delta.spans)
                rows.push_back(RollupSpan::of(*span));
            m_rollup.addTraceAnchors(key.first, rows, +1);
        } else if (!reanchorTrace(key.first, key.second, seqBefore, oldByRow, error)) {
            return false;
        }
    }
    for (const auto &key : updated) {
        // A trace first seen in this batch that also had one of its spans updated is still a new trace.
        const bool mayBeNew = inserted.count(key) && !traceExists(key.first, key.second);
        if (!recomputeTrace(key.first, key.second, error))
            return false;
        stats->newTraces += mayBeNew;
        if (!reanchorTrace(key.first, key.second, seqBefore, oldByRow, error))
            return false;
    }
    return m_rollup.flush(error);
}

bool SpanInserter::takeOldRows(std::map<int64_t, RollupSpan> *oldByRow, std::string *error)
{
    sqlite3_stmt *s = m_oldRows.get();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const RollupSpan old = rollupRow(s, 1);
        const auto *workspace = reinterpret_cast<const char *>(sqlite3_column_text(s, 11));
        m_rollup.addSpan(workspace ? workspace : "", old, -1);
        oldByRow->emplace(sqlite3_column_int64(s, 0), old); // the first old value is the one before the batch
    }
    sqlite3_reset(s);
    const bool cleared = rc == SQLITE_DONE && sqlite3_step(m_clearOldRows.get()) == SQLITE_DONE;
    sqlite3_reset(m_clearOldRows.get());
    if (!cleared)
        *error = "reading updated spans' old values: " + m_db.lastError();
    return cleared;
}

// A trace that existed before this batch: its trace counts move from where its spans stood before the batch
// (rows stored earlier, with the old values of those updated since) to where they stand now.
bool SpanInserter::reanchorTrace(const std::string &workspace, const std::string &traceId, int64_t seqBefore,
                                 const std::map<int64_t, RollupSpan> &oldByRow, std::string *error)
{
    sqlite3_stmt *s = m_traceKeys.get();
    Binder bind(s);
    bind.text(1, workspace);
    bind.text(2, traceId);
    std::vector<RollupSpan> before, after;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        RollupSpan now;
        now.startNs = sqlite3_column_int64(s, 2);
        for (int g = 0; g < kMetricsGroupings; ++g) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, 3 + g));
            if (text)
                now.keys[g] = text;
        }
        if (sqlite3_column_int64(s, 1) <= seqBefore) {
            const auto old = oldByRow.find(sqlite3_column_int64(s, 0));
            before.push_back(old != oldByRow.end() ? old->second : now);
        }
        after.push_back(std::move(now));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        *error = "reading trace " + traceId + " for the rollups: " + m_db.lastError();
        return false;
    }
    m_rollup.addTraceAnchors(workspace, before, -1);
    m_rollup.addTraceAnchors(workspace, after, +1);
    return true;
}

namespace {

void bindSpan(sqlite3_stmt *stmt, const EncodedSpan &row, int64_t seq)
{
    Binder bind(stmt);
    const Span &span = row.span;
    const ExtractedFields &f = span.fields;

    bind.text(1, span.workspace);
    bind.text(2, span.traceId);
    bind.text(3, span.spanId);
    bind.optionalText(4, span.parentSpanId);
    bind.text(5, span.name);
    bind.integer(6, span.kind);
    bind.text(7, span.service);
    bind.integer(8, span.startNs);
    bind.integer(9, span.endNs);
    bind.integer(10, int(span.status));
    bind.optionalText(11, span.statusMessage);
    bind.text(12, row.attributes);
    bind.optionalText(13, row.events);
    bind.optionalText(14, row.links);
    bind.optionalText(15, row.resource);
    bind.optionalText(16, row.scope);
    bind.text(17, span.source);
    bind.optionalText(18, f.requestId);
    bind.optionalText(19, f.userId);
    bind.optionalText(20, f.sessionId);
    bind.optionalText(21, f.conversationId);
    bind.optionalText(22, f.httpMethod);
    bind.optionalText(23, f.httpUrl);
    bind.optionalNumber(24, f.statusCode);
    bind.optionalText(25, f.provider);
    bind.optionalText(26, f.model);
    bind.optionalNumber(27, f.inputTokens);
    bind.optionalNumber(28, f.outputTokens);
    bind.optionalNumber(29, f.cachedInputTokens);
    bind.optionalNumber(30, f.reasoningTokens);
    bind.optionalNumber(31, f.totalTokens);
    bind.optionalNumber(32, f.costUsd);
    bind.integer(33, int(f.costSource));
    bind.optionalText(34, f.finishReason);
    bind.optionalNumber(35, f.ttftMs);
    bind.optionalText(36, f.category);
    bind.optionalText(37, row.messages);
    bind.integer(38, seq);
    bind.optionalNumber(39, f.promptHash);
}

} // namespace

bool SpanInserter::upsertSpan(const EncodedSpan &row, int64_t seq, int64_t *insertSeq, std::string *error)
{
    const Span &span = row.span;
    const auto failed = [&](sqlite3_stmt *stmt) {
        *error = "storing span " + span.traceId + "/" + span.spanId + ": " + m_db.lastError();
        sqlite3_reset(stmt);
        return false;
    };
    *insertSeq = 0;
    sqlite3_stmt *insert = m_insertSpan.get();
    bindSpan(insert, row, seq);
    if (sqlite3_step(insert) != SQLITE_DONE)
        return failed(insert);
    sqlite3_reset(insert);
    if (sqlite3_changes(m_db.handle()) > 0) {
        *insertSeq = seq;
        return true;
    }
    // Stored already: rewritten only when something differs (then its insert_seq comes back).
    sqlite3_stmt *update = m_updateSpan.get();
    bindSpan(update, row, seq);
    int rc = sqlite3_step(update);
    if (rc == SQLITE_ROW) {
        *insertSeq = sqlite3_column_int64(update, 0);
        rc = sqlite3_step(update);
    }
    if (rc != SQLITE_DONE)
        return failed(update);
    sqlite3_reset(update);
    return true;
}

bool SpanInserter::addToTrace(const std::string &workspace, const std::string &traceId,
                              const TraceDelta &delta, bool *created, std::string *error)
{
    const std::string services = joinSet(delta.services);
    const std::string models = joinSet(delta.models);
    const auto bindDelta = [&](sqlite3_stmt *stmt) {
        Binder bind(stmt);
        bind.text(1, workspace);
        bind.text(2, traceId);
        bind.integer(3, delta.startNs);
        bind.integer(4, delta.endNs);
        bind.integer(5, delta.spanCount);
        bind.integer(6, delta.errorCount);
        if (delta.root) {
            bind.text(7, delta.root->name);
            bind.text(8, delta.root->service);
        } else {
            sqlite3_bind_null(stmt, 7);
            sqlite3_bind_null(stmt, 8);
        }
        bind.integer(9, delta.inputTokens);
        bind.integer(10, delta.outputTokens);
        bind.optionalNumber(11, delta.costUsd);
        bind.optionalText(12, services);
        bind.optionalText(13, models);
        static const std::string none;
        bind.optionalText(14, delta.userId ? *delta.userId : none);
        // A trace without a session id is grouped by its conversation id (gen_ai.conversation.id).
        const std::string *session = delta.sessionId ? delta.sessionId : delta.conversationId;
        bind.optionalText(15, session ? *session : none);
        bind.optionalText(16, delta.requestId ? *delta.requestId : none);
        bind.integer(17, m_storedNs);
    };
    sqlite3_stmt *insert = m_insertTrace.get();
    bindDelta(insert);
    int rc = sqlite3_step(insert);
    sqlite3_reset(insert);
    *created = rc == SQLITE_DONE && sqlite3_changes(m_db.handle()) > 0;
    if (rc == SQLITE_DONE && !*created) {
        sqlite3_stmt *update = m_addToTrace.get();
        bindDelta(update);
        rc = sqlite3_step(update);
        sqlite3_reset(update);
    }
    if (rc != SQLITE_DONE) {
        *error = "updating trace " + traceId + ": " + m_db.lastError();
        return false;
    }
    return true;
}

bool SpanInserter::traceExists(const std::string &workspace, const std::string &traceId)
{
    sqlite3_stmt *stmt = m_traceExists.get();
    Binder bind(stmt);
    bind.text(1, workspace);
    bind.text(2, traceId);
    const bool exists = sqlite3_step(stmt) == SQLITE_ROW;
    sqlite3_reset(stmt);
    return exists;
}

bool SpanInserter::recomputeTrace(const std::string &workspace, const std::string &traceId,
                                  std::string *error)
{
    sqlite3_stmt *stmt = m_recomputeTrace.get();
    Binder bind(stmt);
    bind.text(1, workspace);
    bind.text(2, traceId);
    bind.integer(3, m_storedNs);
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) {
        *error = "summing trace " + traceId + ": " + m_db.lastError();
        return false;
    }
    return true;
}

} // namespace tracedeck

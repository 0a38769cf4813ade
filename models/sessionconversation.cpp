#include "sessionconversation.h"

#include "storereader.h"

#include <sqlite3.h>

namespace tracedeck {

namespace {

// One text or count column of a one-row query keyed by workspace and one id.
bool queryOne(StoreReader &reader, const char *sql, const std::string &workspace, const std::string &id,
              std::string *text, int64_t *number, std::string *error)
{
    Database &db = reader.database();
    Statement stmt = db.prepare(sql, error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 2, id.data(), int(id.size()), SQLITE_STATIC);
    const int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (text) {
            const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(s, 0));
            *text = bytes ? std::string(bytes, size_t(sqlite3_column_bytes(s, 0))) : std::string();
        }
        if (number)
            *number = sqlite3_column_int64(s, 0);
        return true;
    }
    if (rc != SQLITE_DONE)
        *error = "reading the session: " + db.lastError();
    return false;
}

} // namespace

std::string SessionConversation::sessionOf(StoreReader &reader, const std::string &workspace,
                                           const std::string &traceId, std::string *error)
{
    std::string session;
    queryOne(reader, "SELECT session_id FROM traces WHERE workspace = ?1 AND trace_id = ?2", workspace,
             traceId, &session, nullptr, error);
    return session;
}

std::string SessionConversation::stamp(StoreReader &reader, const std::string &workspace,
                                       const std::string &sessionId, std::string *error)
{
    std::string stamp;
    queryOne(reader,
             "SELECT count(*) || ':' || coalesce(sum(span_count), 0) || ':' || coalesce(max(stored_ns), 0) "
             "FROM traces WHERE workspace = ?1 AND session_id = ?2",
             workspace, sessionId, &stamp, nullptr, error);
    return stamp;
}

bool SessionConversation::hasLlmCalls(StoreReader &reader, const std::string &workspace,
                                      const std::string &traceId, std::string *error)
{
    return queryOne(reader,
                    "SELECT 1 FROM spans WHERE workspace = ?1 AND trace_id = ?2 AND category = 'llm' LIMIT 1",
                    workspace, traceId, nullptr, nullptr, error);
}

Conversation SessionConversation::load(StoreReader &reader, const std::string &workspace,
                                       const std::string &sessionId, std::string *error, int maxTraces)
{
    int64_t total = 0;
    queryOne(reader, "SELECT count(*) FROM traces WHERE workspace = ?1 AND session_id = ?2", workspace,
             sessionId, nullptr, &total, error);
    if (!error->empty())
        return {};

    TraceFilter filter;
    filter.workspace = workspace;
    filter.sessionId = sessionId;
    const TraceSort oldestFirst{TraceColumn::Start, false};
    const std::vector<TraceSummary> summaries =
        reader.traces(filter, oldestFirst, std::nullopt, maxTraces, error);
    if (!error->empty())
        return {};

    std::vector<ConversationTrace> traces;
    std::vector<Span> spans;
    for (const TraceSummary &summary : summaries) {
        std::vector<Span> trace = reader.spans(workspace, summary.traceId, error);
        if (!error->empty())
            return {};
        traces.push_back({QString::fromStdString(summary.traceId), QString::fromStdString(summary.rootName),
                          summary.startNs, summary.costUsd});
        for (Span &span : trace) {
            // Only what a conversation is made of: the rest of a big trace need not be kept.
            if (span.fields.category == "llm" || span.fields.category == "tool")
                spans.push_back(std::move(span));
        }
    }
    return Conversation::buildSession(spans, std::move(traces), int(total));
}

} // namespace tracedeck

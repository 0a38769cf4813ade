#include "storereader.h"

#include "peername.h"

#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace tracedeck {

namespace {

using Value = TraceSummary::SortKey;

// The SQL expression each column sorts by; NULLs folded so row-value comparisons stay total.
const char *sortExpression(TraceColumn column)
{
    switch (column) {
    case TraceColumn::Start:
        return "t.start_ns";
    case TraceColumn::Root:
        return "(coalesce(t.root_service, '') || ' ' || coalesce(t.root_name, ''))";
    case TraceColumn::Services:
        return "coalesce(t.services, '')";
    case TraceColumn::Duration:
        return "(t.end_ns - t.start_ns)";
    case TraceColumn::Spans:
        return "t.span_count";
    case TraceColumn::Errors:
        return "t.error_count";
    case TraceColumn::InputTokens:
        return "t.input_tokens";
    case TraceColumn::OutputTokens:
        return "t.output_tokens";
    case TraceColumn::Cost:
        return "coalesce(t.cost_usd, -1.0)";
    case TraceColumn::User:
        return "coalesce(t.user_id, '')";
    case TraceColumn::Session:
        return "coalesce(t.session_id, '')";
    case TraceColumn::Models:
        return "coalesce(t.models, '')";
    case TraceColumn::Count:
        break;
    }
    return "t.start_ns";
}

// A user's words as an FTS5 query, split where the index's tokenizer splits (anything but letters, digits
// and '_'), so `handle-2` asks for both tokens; every token must occur; a trailing * keeps prefix search.
// detail=none has no phrase queries, so this is an AND of tokens.
std::string ftsQuery(const std::string &text)
{
    const auto isTokenChar = [](unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; };
    std::string query;
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !isTokenChar(static_cast<unsigned char>(text[i])))
            ++i;
        const size_t begin = i;
        while (i < text.size() && isTokenChar(static_cast<unsigned char>(text[i])))
            ++i;
        if (i == begin)
            continue;
        const bool prefix = i < text.size() && text[i] == '*';
        if (!query.empty())
            query += ' ';
        query += '"' + text.substr(begin, i - begin) + '"' + (prefix ? "*" : "");
    }
    return query;
}

// `gpt-4*` → GLOB 'gpt-4*' (the index still serves a prefix); anything else matches exactly.
std::string matchClause(const char *column, const std::string &value)
{
    return std::string(column) + (value.find('*') != std::string::npos ? " GLOB ?" : " = ?");
}

class Query {
public:
    void where(const std::string &clause) { m_where += " AND " + clause; }
    void bind(Value value) { m_values.push_back(std::move(value)); }
    const std::string &whereSql() const { return m_where; }

    bool bindAll(sqlite3_stmt *stmt) const
    {
        int i = 1;
        for (const Value &value : m_values) {
            int rc = SQLITE_OK;
            if (const auto *n = std::get_if<int64_t>(&value))
                rc = sqlite3_bind_int64(stmt, i, *n);
            else if (const auto *d = std::get_if<double>(&value))
                rc = sqlite3_bind_double(stmt, i, *d);
            else {
                const auto &s = std::get<std::string>(value);
                rc = sqlite3_bind_text(stmt, i, s.data(), int(s.size()), SQLITE_STATIC);
            }
            if (rc != SQLITE_OK)
                return false;
            ++i;
        }
        return true;
    }

private:
    std::string m_where;
    std::vector<Value> m_values;
};

std::string columnText(sqlite3_stmt *stmt, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, column));
    return text ? std::string(text, size_t(sqlite3_column_bytes(stmt, column))) : std::string();
}

template <typename T> std::optional<T> columnOptional(sqlite3_stmt *stmt, int column)
{
    if (sqlite3_column_type(stmt, column) == SQLITE_NULL)
        return std::nullopt;
    if constexpr (std::is_floating_point_v<T>)
        return T(sqlite3_column_double(stmt, column));
    else
        return T(sqlite3_column_int64(stmt, column));
}

Value columnValue(sqlite3_stmt *stmt, int column)
{
    switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_INTEGER:
        return sqlite3_column_int64(stmt, column);
    case SQLITE_FLOAT:
        return sqlite3_column_double(stmt, column);
    default:
        return columnText(stmt, column);
    }
}

nlohmann::json columnJson(sqlite3_stmt *stmt, int column, nlohmann::json fallback)
{
    const std::string text = columnText(stmt, column);
    if (text.empty())
        return fallback;
    auto parsed = nlohmann::json::parse(text, nullptr, false);
    return parsed.is_discarded() ? fallback : parsed;
}

// td_set_has(list, pattern): whether a comma-separated set (traces.services, traces.models) has a member
// matching pattern, exactly or as a glob when it holds `*`. Matching the trace's own summary row is one
// pass over the traces table, where probing spans per trace was seconds on millions of spans.
void setHas(sqlite3_context *context, int, sqlite3_value **args)
{
    const auto *list = reinterpret_cast<const char *>(sqlite3_value_text(args[0]));
    const auto *pattern = reinterpret_cast<const char *>(sqlite3_value_text(args[1]));
    if (!list || !pattern) {
        sqlite3_result_int(context, 0);
        return;
    }
    const bool glob = std::strchr(pattern, '*') != nullptr;
    std::string_view rest(list);
    std::string member;
    while (true) {
        const size_t comma = rest.find(',');
        member.assign(rest.substr(0, comma));
        if (glob ? sqlite3_strglob(pattern, member.c_str()) == 0 : member == pattern) {
            sqlite3_result_int(context, 1);
            return;
        }
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    sqlite3_result_int(context, 0);
}

void traceColumnFilter(Query &query, const char *column, const std::string &value)
{
    if (value.empty())
        return;
    query.where(std::string("t.") + matchClause(column, value));
    query.bind(value);
}

void traceSetFilter(Query &query, const char *column, const std::string &value)
{
    if (value.empty())
        return;
    query.where(std::string("td_set_has(t.") + column + ", ?)");
    query.bind(value);
}

} // namespace

std::unique_ptr<StoreReader> StoreReader::open(const std::string &path, std::string *error)
{
    auto db = Database::open(path, Database::Mode::ReadOnly, error);
    if (!db)
        return nullptr;
    if (sqlite3_create_function_v2(db->handle(), "td_set_has", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                                   &setHas, nullptr, nullptr, nullptr) != SQLITE_OK) {
        *error = "registering td_set_has: " + db->lastError();
        return nullptr;
    }
    return std::unique_ptr<StoreReader>(new StoreReader(std::move(db)));
}

StoreReader::StoreReader(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{}

std::vector<TraceSummary> StoreReader::traces(const TraceFilter &filter, const TraceSort &sort,
                                              const std::optional<TraceCursor> &cursor, int limit,
                                              std::string *error)
{
    Query query;
    query.bind(filter.workspace);
    if (filter.fromNs) {
        query.where("t.start_ns >= ?");
        query.bind(*filter.fromNs);
    }
    if (filter.toNs) {
        query.where("t.start_ns < ?");
        query.bind(*filter.toNs);
    }
    if (filter.errorsOnly)
        query.where("t.error_count > 0");
    if (filter.okOnly)
        query.where("t.error_count = 0");
    if (!filter.traceId.empty()) {
        query.where("t.trace_id = ?");
        query.bind(filter.traceId);
    }
    // A trace's user, session and request are the first seen on its spans (kept in its summary, indexed).
    traceColumnFilter(query, "request_id", filter.requestId);
    traceColumnFilter(query, "user_id", filter.userId);
    traceColumnFilter(query, "session_id", filter.sessionId);
    traceSetFilter(query, "services", filter.service);
    traceSetFilter(query, "models", filter.model);
    if (filter.statusCode) {
        query.where(
            "EXISTS (SELECT 1 FROM spans s WHERE s.workspace = t.workspace AND s.trace_id = t.trace_id "
            "AND s.status_code = ?)");
        query.bind(int64_t(*filter.statusCode));
    }
    const std::string match = ftsQuery(filter.text);
    if (!match.empty()) {
        query.where("t.trace_id IN (SELECT s.trace_id FROM spans s WHERE s.workspace = ? AND s.id IN "
                    "(SELECT rowid FROM message_fts WHERE message_fts MATCH ?))");
        query.bind(filter.workspace);
        query.bind(match);
    }
    const std::string key = sortExpression(sort.column);
    if (cursor) {
        // Descending: later pages hold smaller keys; a refresh takes everything from the top through the
        // cursor.
        const char *op =
            cursor->inclusiveEnd ? (sort.descending ? ">=" : "<=") : (sort.descending ? "<" : ">");
        query.where("(" + key + ", t.trace_id) " + op + " (?, ?)");
        query.bind(cursor->key);
        query.bind(cursor->traceId);
    }
    const char *direction = sort.descending ? " DESC" : " ASC";
    const std::string sql =
        "SELECT t.trace_id, t.start_ns, t.end_ns, t.root_service, t.root_name, t.services, t.span_count, "
        "t.error_count, t.input_tokens, t.output_tokens, t.cost_usd, t.user_id, t.session_id, t.models, "
        "t.request_id, " +
        key + " FROM traces t WHERE t.workspace = ?" + query.whereSql() + " ORDER BY " + key + direction +
        ", t.trace_id" + direction + " LIMIT " + std::to_string(std::max(limit, 1));
    Statement stmt = m_db->prepare(sql, error);
    if (!stmt)
        return {};
    if (!query.bindAll(stmt.get())) {
        *error = "binding trace query: " + m_db->lastError();
        return {};
    }
    std::vector<TraceSummary> rows;
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt *s = stmt.get();
        TraceSummary row;
        row.traceId = columnText(s, 0);
        row.startNs = sqlite3_column_int64(s, 1);
        row.endNs = sqlite3_column_int64(s, 2);
        row.rootService = columnText(s, 3);
        row.rootName = columnText(s, 4);
        row.services = columnText(s, 5);
        row.spanCount = sqlite3_column_int64(s, 6);
        row.errorCount = sqlite3_column_int64(s, 7);
        row.inputTokens = sqlite3_column_int64(s, 8);
        row.outputTokens = sqlite3_column_int64(s, 9);
        row.costUsd = columnOptional<double>(s, 10);
        row.userId = columnText(s, 11);
        row.sessionId = columnText(s, 12);
        row.models = columnText(s, 13);
        row.requestId = columnText(s, 14);
        row.sortKey = columnValue(s, 15);
        rows.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) {
        *error = "reading traces: " + m_db->lastError();
        return {};
    }
    return rows;
}

TimelineSpans StoreReader::timeline(const std::string &workspace, const std::string &traceId,
                                    std::string *error)
{
    // The attributes only of the spans whose peer they may name (PeerName::needsAttributes).
    Statement stmt = m_db->prepare(
        "SELECT span_id, parent_span_id, name, service, start_ns, end_ns, status, category, model, "
        "input_tokens, "
        "output_tokens, cost_usd, kind, provider, "
        "CASE WHEN category IN ('llm', 'embedding') THEN CASE WHEN coalesce(provider, '') = '' THEN "
        "attributes "
        "END WHEN kind IN (3, 4) THEN attributes END FROM spans WHERE workspace = ?1 AND trace_id = ?2",
        error);
    if (!stmt)
        return {};
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 2, traceId.data(), int(traceId.size()), SQLITE_STATIC);
    TimelineSpans spans;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        TimelineSpan span;
        span.spanId = columnText(s, 0);
        span.parentSpanId = columnText(s, 1);
        span.name = columnText(s, 2);
        span.service = columnText(s, 3);
        span.startNs = sqlite3_column_int64(s, 4);
        span.endNs = sqlite3_column_int64(s, 5);
        span.status = SpanStatus(sqlite3_column_int(s, 6));
        span.category = columnText(s, 7);
        span.model = columnText(s, 8);
        span.inputTokens = columnOptional<int64_t>(s, 9);
        span.outputTokens = columnOptional<int64_t>(s, 10);
        span.costUsd = columnOptional<double>(s, 11);
        const int kind = sqlite3_column_int(s, 12);
        const std::string provider = columnText(s, 13);
        if (PeerName::isLlm(span.category) || kind == PeerName::kClientKind ||
            kind == PeerName::kProducerKind) {
            const std::string attributes = columnText(s, 14);
            span.peer = PeerName::of(kind, span.category, provider,
                                     attributes.empty() ? nlohmann::json()
                                                        : nlohmann::json::parse(attributes, nullptr, false));
        }
        spans.push_back(std::move(span));
    }
    if (rc != SQLITE_DONE) {
        *error = "reading trace " + traceId + ": " + m_db->lastError();
        return {};
    }
    return spans;
}

namespace {

constexpr const char *kSpanColumns =
    "SELECT trace_id, span_id, parent_span_id, name, kind, service, start_ns, end_ns, status, "
    "status_message, "
    "attributes, events, links, resource, scope, source, request_id, user_id, session_id, conversation_id, "
    "http_method, http_url, status_code, provider, model, input_tokens, output_tokens, cached_input_tokens, "
    "reasoning_tokens, total_tokens, cost_usd, cost_source, finish_reason, ttft_ms, category, messages "
    "FROM spans ";

Span readSpan(sqlite3_stmt *s, const std::string &workspace)
{
    Span span;
    span.workspace = workspace;
    span.traceId = columnText(s, 0);
    span.spanId = columnText(s, 1);
    span.parentSpanId = columnText(s, 2);
    span.name = columnText(s, 3);
    span.kind = sqlite3_column_int(s, 4);
    span.service = columnText(s, 5);
    span.startNs = sqlite3_column_int64(s, 6);
    span.endNs = sqlite3_column_int64(s, 7);
    span.status = SpanStatus(sqlite3_column_int(s, 8));
    span.statusMessage = columnText(s, 9);
    span.attributes = columnJson(s, 10, nlohmann::json::object());
    span.events = columnJson(s, 11, nlohmann::json::array());
    span.links = columnJson(s, 12, nlohmann::json::array());
    span.resource = columnJson(s, 13, nlohmann::json::object());
    span.scope = columnJson(s, 14, nlohmann::json::object());
    span.source = columnText(s, 15);
    ExtractedFields &f = span.fields;
    f.requestId = columnText(s, 16);
    f.userId = columnText(s, 17);
    f.sessionId = columnText(s, 18);
    f.conversationId = columnText(s, 19);
    f.httpMethod = columnText(s, 20);
    f.httpUrl = columnText(s, 21);
    f.statusCode = columnOptional<int>(s, 22);
    f.provider = columnText(s, 23);
    f.model = columnText(s, 24);
    f.inputTokens = columnOptional<int64_t>(s, 25);
    f.outputTokens = columnOptional<int64_t>(s, 26);
    f.cachedInputTokens = columnOptional<int64_t>(s, 27);
    f.reasoningTokens = columnOptional<int64_t>(s, 28);
    f.totalTokens = columnOptional<int64_t>(s, 29);
    f.costUsd = columnOptional<double>(s, 30);
    f.costSource = CostSource(sqlite3_column_int(s, 31));
    f.finishReason = columnText(s, 32);
    f.ttftMs = columnOptional<double>(s, 33);
    f.category = columnText(s, 34);
    f.messages = columnJson(s, 35, nlohmann::json::array());
    return span;
}

} // namespace

std::vector<Span> StoreReader::readSpans(const std::string &whereSql, const std::vector<std::string> &values,
                                         const std::string &workspace, std::string *error)
{
    Statement stmt = m_db->prepare(std::string(kSpanColumns) + whereSql, error);
    if (!stmt)
        return {};
    sqlite3_stmt *s = stmt.get();
    for (size_t i = 0; i < values.size(); ++i)
        sqlite3_bind_text(s, int(i + 1), values[i].data(), int(values[i].size()), SQLITE_STATIC);
    std::vector<Span> spans;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        spans.push_back(readSpan(s, workspace));
    if (rc != SQLITE_DONE) {
        *error = "reading spans: " + m_db->lastError();
        return {};
    }
    return spans;
}

std::optional<Span> StoreReader::span(const std::string &workspace, const std::string &traceId,
                                      const std::string &spanId, std::string *error)
{
    auto spans = readSpans("WHERE workspace = ?1 AND trace_id = ?2 AND span_id = ?3",
                           {workspace, traceId, spanId}, workspace, error);
    if (spans.empty())
        return std::nullopt;
    return std::move(spans.front());
}

std::vector<Span> StoreReader::spans(const std::string &workspace, const std::string &traceId,
                                     std::string *error)
{
    return readSpans("WHERE workspace = ?1 AND trace_id = ?2 ORDER BY start_ns, span_id",
                     {workspace, traceId}, workspace, error);
}

std::vector<Span> StoreReader::requestPath(const std::string &workspace, const std::string &requestId,
                                           std::string *error)
{
    // A request is the spans that carry its id, or (tracker records) the trace named by it. Two indexed
    // lookups: SQLite plans the OR of both as a scan of the workspace.
    std::vector<Span> hops =
        readSpans("WHERE workspace = ?1 AND request_id = ?2", {workspace, requestId}, workspace, error);
    if (!error->empty())
        return {};
    for (Span &span :
         readSpans("WHERE workspace = ?1 AND trace_id = ?2", {workspace, requestId}, workspace, error)) {
        const bool seen = std::any_of(hops.begin(), hops.end(), [&span](const Span &hop) {
            return hop.traceId == span.traceId && hop.spanId == span.spanId;
        });
        if (!seen)
            hops.push_back(std::move(span));
    }
    std::sort(hops.begin(), hops.end(), [](const Span &a, const Span &b) {
        return std::tie(a.startNs, a.spanId) < std::tie(b.startNs, b.spanId);
    });
    return hops;
}

struct StoreReader::MetricsAccumulator {
    MetricsGroup group;
    int64_t costPicoUsd = 0; // from rollups; exact spans add to group.costUsd
    int64_t costSpans = 0;
    std::vector<int64_t> durations; // exact path
    LatencyHistogram latency;       // rollups (and, when there are any, the spans at the ends)
    std::set<std::string> traces;   // distinct traces among the spans read
    bool fromRollups = false;       // percentiles exact only when every span was read one by one
};

bool StoreReader::scanMetricSpans(const std::string &workspace, MetricsGrouping grouping, int64_t fromNs,
                                  int64_t toNs, std::map<std::string, MetricsAccumulator> *byKey,
                                  std::string *error)
{
    const char *key = MetricsRollup::keyColumn(grouping);
    // One pass without ORDER BY: durations are gathered per group and percentiles found with nth_element,
    // cheaper than having SQLite sort every span.
    std::string sql =
        std::string("SELECT ") + key +
        ", end_ns - start_ns, status = 2, coalesce(input_tokens, 0), coalesce(output_tokens, 0), "
        "cost_usd, trace_id FROM spans WHERE workspace = ?1 AND " +
        key + " IS NOT NULL AND start_ns >= ?2 AND start_ns < ?3";
    Statement stmt = m_db->prepare(sql, error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, fromNs);
    sqlite3_bind_int64(s, 3, toNs);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        MetricsAccumulator &a = (*byKey)[columnText(s, 0)];
        MetricsGroup &g = a.group;
        ++g.spans;
        a.durations.push_back(sqlite3_column_int64(s, 1));
        g.errors += sqlite3_column_int(s, 2);
        g.inputTokens += sqlite3_column_int64(s, 3);
        g.outputTokens += sqlite3_column_int64(s, 4);
        if (sqlite3_column_type(s, 5) != SQLITE_NULL)
            g.costUsd = g.costUsd.value_or(0) + sqlite3_column_double(s, 5);
        a.traces.insert(columnText(s, 6));
    }
    if (rc != SQLITE_DONE) {
        *error = "summing metrics: " + m_db->lastError();
        return false;
    }
    return true;
}

bool StoreReader::forEachRollup(const std::string &workspace, MetricsGrouping grouping, int64_t fromBucket,
                                int64_t toBucket, const RollupVisitor &visit, std::string *error,
                                RollupTable table)
{
    // Every workspace: the key (workspace, grouping, bucket, …) no longer leads with the bound column, so
    // SQLite scans the table; one workspace is a range of the primary key.
    const std::string sql = std::string("SELECT workspace, group_key, bucket, spans, errors, traces, "
                                        "input_tokens, output_tokens, cost_pusd, cost_spans, latency, "
                                        "cached_input_tokens FROM ") +
                            (table == RollupTable::Hours ? "metric_rollups_hourly" : "metric_rollups") +
                            " WHERE " + (workspace.empty() ? "?1 = ''" : "workspace = ?1") +
                            " AND grouping = ?2 AND bucket >= ?3 AND bucket < ?4";
    Statement stmt = m_db->prepare(sql, error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int(s, 2, int(grouping));
    sqlite3_bind_int64(s, 3, fromBucket);
    sqlite3_bind_int64(s, 4, toBucket);
    RollupRow row;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        row.workspace = columnText(s, 0);
        row.key = columnText(s, 1);
        row.bucket = sqlite3_column_int64(s, 2);
        row.spans = sqlite3_column_int64(s, 3);
        row.errors = sqlite3_column_int64(s, 4);
        row.traces = sqlite3_column_int64(s, 5);
        row.inputTokens = sqlite3_column_int64(s, 6);
        row.outputTokens = sqlite3_column_int64(s, 7);
        row.costPicoUsd = sqlite3_column_int64(s, 8);
        row.costSpans = sqlite3_column_int64(s, 9);
        row.cachedInputTokens = sqlite3_column_int64(s, 11);
        const bool hasLatency = sqlite3_column_type(s, 10) != SQLITE_NULL;
        row.latency = hasLatency ? sqlite3_column_blob(s, 10) : nullptr;
        row.latencySize = hasLatency ? size_t(sqlite3_column_bytes(s, 10)) : 0;
        if (!visit(row)) {
            *error = "summing metrics: a latency histogram in metric_rollups is damaged";
            return false;
        }
    }
    if (rc != SQLITE_DONE) {
        *error = "summing metrics: " + m_db->lastError();
        return false;
    }
    return true;
}

bool StoreReader::readRollups(const std::string &workspace, MetricsGrouping grouping, int64_t fromBucket,
                              int64_t toBucket, std::map<std::string, MetricsAccumulator> *byKey,
                              std::string *error)
{
    return forEachRollup(
        workspace, grouping, fromBucket, toBucket,
        [byKey](const RollupRow &row) {
            MetricsAccumulator &a = (*byKey)[row.key];
            MetricsGroup &g = a.group;
            a.fromRollups = true;
            g.spans += row.spans;
            g.errors += row.errors;
            g.traces += row.traces;
            g.inputTokens += row.inputTokens;
            g.outputTokens += row.outputTokens;
            a.costPicoUsd += row.costPicoUsd;
            a.costSpans += row.costSpans;
            return !row.latency || a.latency.mergeEncoded(row.latency, row.latencySize);
        },
        error);
}

std::optional<std::pair<int64_t, int64_t>> StoreReader::rollupExtent(const std::string &workspace,
                                                                     std::string *error)
{
    const std::string where =
        workspace.empty() ? "?1 = '' AND grouping = 0" : "workspace = ?1 AND grouping = 0";
    Statement stmt = m_db->prepare("SELECT (SELECT min(bucket) FROM metric_rollups WHERE " + where +
                                       "), (SELECT max(bucket) FROM metric_rollups WHERE " + where + ")",
                                   error);
    if (!stmt)
        return std::nullopt;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_ROW) {
        *error = "reading the metrics' time range: " + m_db->lastError();
        return std::nullopt;
    }
    if (sqlite3_column_type(s, 0) == SQLITE_NULL)
        return std::nullopt;
    return std::make_pair(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1));
}

std::vector<CostlyItem> StoreReader::costliestTraces(const std::string &workspace, int64_t fromNs,
                                                     int64_t toNs, int limit, std::string *error)
{
    // traces_by_cost (workspace, cost_usd, start_ns) is walked from the most expensive down, the range
    // checked in the index, so a short range reads a few hundred entries and never sorts.
    const std::string sql =
        std::string("SELECT trace_id, coalesce(root_service, '') || ' ' || coalesce(root_name, ''), "
                    "workspace, start_ns, cost_usd, input_tokens + output_tokens, span_count FROM traces ") +
        (workspace.empty() ? "INDEXED BY traces_by_cost WHERE ?1 = '' AND "
                           : "INDEXED BY traces_by_cost WHERE workspace = ?1 AND ") +
        "cost_usd IS NOT NULL AND start_ns >= ?2 AND start_ns < ?3 ORDER BY cost_usd DESC LIMIT ?4";
    return readCostlyItems(sql, workspace, fromNs, toNs, limit, "ranking traces by cost", error);
}

std::vector<CostlyItem> StoreReader::costliestSessions(const std::string &workspace, int64_t fromNs,
                                                       int64_t toNs, int limit, std::string *error)
{
    const std::string sql =
        std::string(
            "SELECT session_id, '', workspace, min(start_ns), sum(cost_usd) AS c, "
            "sum(input_tokens + output_tokens), count(*) FROM traces INDEXED BY traces_by_session_cost "
            "WHERE ") +
        (workspace.empty() ? "?1 = ''" : "workspace = ?1") +
        " AND session_id IS NOT NULL AND start_ns >= ?2 AND start_ns < ?3 AND cost_usd IS NOT NULL "
        "GROUP BY workspace, session_id ORDER BY c DESC LIMIT ?4";
    return readCostlyItems(sql, workspace, fromNs, toNs, limit, "ranking sessions by cost", error);
}

// Columns: id, label, workspace, start, cost, tokens, count; parameters: workspace, from, to, limit.
std::vector<CostlyItem> StoreReader::readCostlyItems(const std::string &sql, const std::string &workspace,
                                                     int64_t fromNs, int64_t toNs, int limit,
                                                     const char *what, std::string *error)
{
    Statement stmt = m_db->prepare(sql, error);
    if (!stmt)
        return {};
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, fromNs);
    sqlite3_bind_int64(s, 3, toNs);
    sqlite3_bind_int(s, 4, limit);
    std::vector<CostlyItem> items;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        CostlyItem item;
        item.id = columnText(s, 0);
        item.label = columnText(s, 1);
        item.workspace = columnText(s, 2);
        item.startNs = sqlite3_column_int64(s, 3);
        item.costUsd = sqlite3_column_double(s, 4);
        item.tokens = sqlite3_column_int64(s, 5);
        item.count = sqlite3_column_int64(s, 6);
        items.push_back(std::move(item));
    }
    if (rc != SQLITE_DONE) {
        *error = std::string(what) + ": " + m_db->lastError();
        return {};
    }
    return items;
}

std::vector<MetricsGroup> StoreReader::metrics(const std::string &workspace, MetricsGrouping grouping,
                                               std::optional<int64_t> fromNs, std::optional<int64_t> toNs,
                                               std::string *error)
{
    constexpr int64_t kMinute = MetricsRollup::kBucketNs;
    const int64_t from = fromNs.value_or(INT64_MIN);
    const int64_t to = toNs.value_or(INT64_MAX);
    // Whole minutes [firstBucket, endBucket): an open end takes every bucket on that side.
    const int64_t firstBucket = fromNs ? MetricsRollup::bucketOf(from - 1) + 1 : INT64_MIN;
    const int64_t endBucket = toNs ? MetricsRollup::bucketOf(to) : INT64_MAX;
    std::map<std::string, MetricsAccumulator> byKey;
    const bool rollups = firstBucket < endBucket && from < to;
    if (!rollups) {
        if (from < to && !scanMetricSpans(workspace, grouping, from, to, &byKey, error))
            return {};
    } else {
        if (!readRollups(workspace, grouping, firstBucket, endBucket, &byKey, error))
            return {};
        if (fromNs && from < firstBucket * kMinute &&
            !scanMetricSpans(workspace, grouping, from, firstBucket * kMinute, &byKey, error))
            return {};
        if (toNs && endBucket * kMinute < to &&
            !scanMetricSpans(workspace, grouping, endBucket * kMinute, to, &byKey, error))
            return {};
    }
    std::vector<MetricsGroup> groups;
    for (auto &[name, a] : byKey) {
        MetricsGroup &g = a.group;
        if (g.spans <= 0)
            continue;
        g.key = name;
        if (a.costSpans > 0)
            g.costUsd = g.costUsd.value_or(0) + double(a.costPicoUsd) / 1e12;
        if (a.fromRollups) {
            for (const int64_t d : a.durations)
                a.latency.add(d);
            g.p50Ns = a.latency.percentile(0.50);
            g.p95Ns = a.latency.percentile(0.95);
            g.p99Ns = a.latency.percentile(0.99);
            g.percentileError = LatencyHistogram::kRelativeError;
        } else {
            const auto rank = [&a](double q) {
                const size_t n =
                    std::min(a.durations.size() - 1, size_t(q * double(a.durations.size() - 1) + 0.5));
                std::nth_element(a.durations.begin(), a.durations.begin() + ptrdiff_t(n), a.durations.end());
                return a.durations[n];
            };
            g.p50Ns = rank(0.50);
            g.p95Ns = rank(0.95);
            g.p99Ns = rank(0.99);
        }
        g.traces += int64_t(a.traces.size());
        groups.push_back(std::move(g));
    }
    return groups;
}

std::vector<PromptGroup> StoreReader::repeatedPrompts(const std::string &workspace, int64_t fromNs,
                                                      int64_t toNs, int limit, std::string *error)
{
    // Up to two days, the range's spans are read through spans_by_start and grouped (a day of 33k calls: a
    // few ms). Over a longer range the groups called twice or more come from prompt_rollups; a group whose
    // calls all fall inside the range is taken as it is, one that straddles an end is counted from
    // spans_by_prompt within the range.
    constexpr int64_t kShortRangeNs = 2 * 24 * 3'600'000'000'000LL;
    std::vector<PromptGroup> groups;
    if (toNs - fromNs <= kShortRangeNs ? !groupRangePrompts(workspace, fromNs, toNs, &groups, error)
                                       : !groupRolledUpPrompts(workspace, fromNs, toNs, &groups, error))
        return {};
    std::sort(groups.begin(), groups.end(), [](const PromptGroup &a, const PromptGroup &b) {
        return std::tie(b.costPicoUsd, b.calls, a.workspace, a.hash) <
               std::tie(a.costPicoUsd, a.calls, b.workspace, b.hash);
    });
    if (groups.size() > size_t(std::max(limit, 0)))
        groups.resize(size_t(std::max(limit, 0)));

    Statement first = m_db->prepare("SELECT trace_id, coalesce(model, ''), coalesce(messages, '') FROM spans "
                                    "INDEXED BY spans_by_prompt WHERE workspace = ?1 AND prompt_hash = ?2 "
                                    "AND prompt_hash IS NOT NULL AND start_ns >= ?3 AND start_ns < ?4 "
                                    "ORDER BY start_ns LIMIT 1",
                                    error);
    if (!first)
        return {};
    sqlite3_stmt *s = first.get();
    for (PromptGroup &g : groups) {
        sqlite3_bind_text(s, 1, g.workspace.data(), int(g.workspace.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, g.hash);
        sqlite3_bind_int64(s, 3, fromNs);
        sqlite3_bind_int64(s, 4, toNs);
        const int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            g.traceId = columnText(s, 0);
            g.model = columnText(s, 1);
            g.messages = columnText(s, 2);
        }
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            *error = "reading a repeated prompt: " + m_db->lastError();
            return {};
        }
    }
    return groups;
}

namespace {

// count, picodollars, input and cached input tokens of one prompt group's calls, from column `first` on.
void readPromptSums(sqlite3_stmt *s, int first, PromptGroup *g)
{
    g->calls = sqlite3_column_int64(s, first);
    g->costPicoUsd = sqlite3_column_int64(s, first + 1);
    g->inputTokens = sqlite3_column_int64(s, first + 2);
    // Cached tokens are a part of input (the normaliser makes input at least the cached count).
    g->cachedInputTokens = std::min<int64_t>(sqlite3_column_int64(s, first + 3), g->inputTokens);
}

constexpr const char *kPromptSums = "count(*), coalesce(sum(CAST(round(cost_usd * 1e12) AS INTEGER)), 0), "
                                    "coalesce(sum(input_tokens), 0), coalesce(sum(cached_input_tokens), 0)";

} // namespace

bool StoreReader::groupRangePrompts(const std::string &workspace, int64_t fromNs, int64_t toNs,
                                    std::vector<PromptGroup> *groups, std::string *error)
{
    const std::string sql = std::string("SELECT workspace, prompt_hash, ") + kPromptSums +
                            " FROM spans INDEXED BY spans_by_start WHERE " +
                            (workspace.empty() ? "?1 = ''" : "workspace = ?1") +
                            " AND prompt_hash IS NOT NULL AND start_ns >= ?2 AND start_ns < ?3 "
                            "GROUP BY workspace, prompt_hash HAVING count(*) >= 2";
    Statement stmt = m_db->prepare(sql, error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, fromNs);
    sqlite3_bind_int64(s, 3, toNs);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        PromptGroup g;
        g.workspace = columnText(s, 0);
        g.hash = sqlite3_column_int64(s, 1);
        readPromptSums(s, 2, &g);
        groups->push_back(std::move(g));
    }
    if (rc != SQLITE_DONE) {
        *error = "grouping identical prompts: " + m_db->lastError();
        return false;
    }
    return true;
}

bool StoreReader::groupRolledUpPrompts(const std::string &workspace, int64_t fromNs, int64_t toNs,
                                       std::vector<PromptGroup> *groups, std::string *error)
{
    const std::string sql =
        std::string("SELECT workspace, prompt_hash, calls, cost_pusd, input_tokens, cached_input_tokens, "
                    "first_start_ns, last_start_ns FROM prompt_rollups INDEXED BY prompt_rollups_repeated "
                    "WHERE ") +
        (workspace.empty() ? "?1 = ''" : "workspace = ?1") +
        " AND calls >= 2 AND first_start_ns < ?3 AND last_start_ns >= ?2";
    Statement stmt = m_db->prepare(sql, error);
    Statement inRange = m_db->prepare(std::string("SELECT ") + kPromptSums +
                                          " FROM spans INDEXED BY spans_by_prompt WHERE workspace = ?1 AND "
                                          "prompt_hash = ?2 AND prompt_hash IS NOT NULL AND start_ns >= ?3 "
                                          "AND start_ns < ?4",
                                      error);
    if (!stmt || !inRange)
        return false;
    sqlite3_stmt *s = stmt.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 2, fromNs);
    sqlite3_bind_int64(s, 3, toNs);
    sqlite3_stmt *r = inRange.get();
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        PromptGroup g;
        g.workspace = columnText(s, 0);
        g.hash = sqlite3_column_int64(s, 1);
        if (sqlite3_column_int64(s, 6) >= fromNs && sqlite3_column_int64(s, 7) < toNs) {
            readPromptSums(s, 2, &g); // every call of the group is inside the range
        } else {
            sqlite3_bind_text(r, 1, g.workspace.data(), int(g.workspace.size()), SQLITE_STATIC);
            sqlite3_bind_int64(r, 2, g.hash);
            sqlite3_bind_int64(r, 3, fromNs);
            sqlite3_bind_int64(r, 4, toNs);
            const bool read = sqlite3_step(r) == SQLITE_ROW;
            if (read)
                readPromptSums(r, 0, &g);
            sqlite3_reset(r);
            if (!read) {
                *error = "counting a prompt's calls in the range: " + m_db->lastError();
                return false;
            }
        }
        if (g.calls >= 2)
            groups->push_back(std::move(g));
    }
    if (rc != SQLITE_DONE) {
        *error = "reading the repeated prompts: " + m_db->lastError();
        return false;
    }
    return true;
}

int64_t StoreReader::promptHashesFromNs(std::string *error)
{
    std::string readError;
    const int64_t value = m_db->queryInt(
        "SELECT coalesce((SELECT value FROM store_meta WHERE key = 'prompt_hash_from_ns'), 0)", &readError);
    if (!readError.empty())
        *error = "reading since when prompts are hashed: " + readError;
    return value;
}

} // namespace tracedeck

#include "metricsrollup.h"

#include "span.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <set>

namespace tracedeck {

namespace {

// %s: metric_rollups or metric_rollups_hourly.
constexpr const char *kUpsert = R"sql(
INSERT INTO %s (workspace, grouping, bucket, group_key, spans, errors, traces, input_tokens,
    output_tokens, cost_pusd, cost_spans, latency, cached_input_tokens)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
ON CONFLICT (workspace, grouping, bucket, group_key) DO UPDATE SET
    spans = spans + excluded.spans, errors = errors + excluded.errors, traces = traces + excluded.traces,
    input_tokens = input_tokens + excluded.input_tokens, output_tokens = output_tokens + excluded.output_tokens,
    cost_pusd = cost_pusd + excluded.cost_pusd, cost_spans = cost_spans + excluded.cost_spans,
    latency = td_hist_add(latency, excluded.latency),
    cached_input_tokens = cached_input_tokens + excluded.cached_input_tokens
)sql";

void minuteFunction(sqlite3_context *context, int, sqlite3_value **args)
{
    sqlite3_result_int64(context, MetricsRollup::bucketOf(sqlite3_value_int64(args[0])));
}

void resultHistogram(sqlite3_context *context, const LatencyHistogram &histogram)
{
    if (histogram.empty()) {
        sqlite3_result_null(context);
        return;
    }
    const std::string bytes = histogram.encode();
    sqlite3_result_blob(context, bytes.data(), int(bytes.size()), SQLITE_TRANSIENT);
}

void histogramAdd(sqlite3_context *context, int, sqlite3_value **args)
{
    LatencyHistogram sum;
    for (int i = 0; i < 2; ++i) {
        if (sqlite3_value_type(args[i]) == SQLITE_NULL)
            continue;
        if (!sum.mergeEncoded(sqlite3_value_blob(args[i]), size_t(sqlite3_value_bytes(args[i])))) {
            sqlite3_result_error(context, "td_hist_add: not a latency histogram", -1);
            return;
        }
    }
    resultHistogram(context, sum);
}

void histogramStep(sqlite3_context *context, int, sqlite3_value **args)
{
    auto **slot =
        static_cast<LatencyHistogram **>(sqlite3_aggregate_context(context, sizeof(LatencyHistogram *)));
    if (!slot)
        return;
    if (!*slot)
        *slot = new LatencyHistogram;
    (*slot)->add(sqlite3_value_int64(args[0]));
}

void histogramMergeStep(sqlite3_context *context, int, sqlite3_value **args)
{
    auto **slot =
        static_cast<LatencyHistogram **>(sqlite3_aggregate_context(context, sizeof(LatencyHistogram *)));
    if (!slot)
        return;
    if (!*slot)
        *slot = new LatencyHistogram;
    if (sqlite3_value_type(args[0]) != SQLITE_NULL &&
        !(*slot)->mergeEncoded(sqlite3_value_blob(args[0]), size_t(sqlite3_value_bytes(args[0]))))
        sqlite3_result_error(context, "td_hist_merge: not a latency histogram", -1);
}

std::string tableSql(const char *format, const char *table)
{
    std::string sql(format);
    sql.replace(sql.find("%s"), 2, table);
    return sql;
}

void histogramFinal(sqlite3_context *context)
{
    auto **slot = static_cast<LatencyHistogram **>(sqlite3_aggregate_context(context, 0));
    if (!slot || !*slot) {
        sqlite3_result_null(context);
        return;
    }
    resultHistogram(context, **slot);
    delete *slot;
}

} // namespace

RollupSpan RollupSpan::of(const Span &span)
{
    RollupSpan row;
    row.startNs = span.startNs;
    row.endNs = span.endNs;
    row.error = span.status == SpanStatus::Error;
    row.keys[0] = span.service;
    row.keys[1] = span.fields.model;
    row.keys[2] = span.fields.provider;
    row.keys[3] = span.fields.userId;
    row.inputTokens = span.fields.inputTokens.value_or(0);
    row.outputTokens = span.fields.outputTokens.value_or(0);
    row.cachedInputTokens =
        std::clamp<int64_t>(span.fields.cachedInputTokens.value_or(0), 0, row.inputTokens);
    row.costUsd = span.fields.costUsd;
    row.promptHash = span.fields.promptHash;
    return row;
}

int64_t MetricsRollup::bucketOf(int64_t ns)
{
    return ns >= 0 ? ns / kBucketNs : -((-(ns + 1)) / kBucketNs) - 1;
}

int64_t MetricsRollup::hourOf(int64_t minuteBucket)
{
    return minuteBucket >= 0 ? minuteBucket / kMinutesPerHour
                             : -((-(minuteBucket + 1)) / kMinutesPerHour) - 1;
}

int64_t MetricsRollup::toPicoUsd(double usd)
{
    return std::llround(usd * 1e12);
}

const char *MetricsRollup::keyColumn(MetricsGrouping grouping)
{
    switch (grouping) {
    case MetricsGrouping::Service:
        return "service";
    case MetricsGrouping::Model:
        return "model";
    case MetricsGrouping::Provider:
        return "provider";
    case MetricsGrouping::User:
        return "user_id";
    }
    return "service";
}

bool MetricsRollup::registerFunctions(sqlite3 *db, std::string *error)
{
    const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
    if (sqlite3_create_function_v2(db, "td_minute", 1, flags, nullptr, &minuteFunction, nullptr, nullptr,
                                   nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db, "td_hist_add", 2, flags, nullptr, &histogramAdd, nullptr, nullptr,
                                   nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db, "td_latency_hist", 1, flags, nullptr, nullptr, &histogramStep,
                                   &histogramFinal, nullptr) != SQLITE_OK ||
        sqlite3_create_function_v2(db, "td_hist_merge", 1, flags, nullptr, nullptr, &histogramMergeStep,
                                   &histogramFinal, nullptr) != SQLITE_OK) {
        *error = std::string("registering rollup functions: ") + sqlite3_errmsg(db);
        return false;
    }
    return true;
}

MetricsRollup::MetricsRollup(Database &db)
    : m_db(db)
    , m_prompts(db)
{}

bool MetricsRollup::prepare(std::string *error)
{
    if (!registerFunctions(m_db.handle(), error))
        return false;
    constexpr const char *kDropEmpty =
        "DELETE FROM %s WHERE workspace = ?1 AND grouping = ?2 AND bucket = ?3 "
        "AND group_key = ?4 AND spans <= 0";
    m_upsert = m_db.prepare(tableSql(kUpsert, "metric_rollups"), error);
    m_dropEmpty = m_db.prepare(tableSql(kDropEmpty, "metric_rollups"), error);
    m_upsertHour = m_db.prepare(tableSql(kUpsert, "metric_rollups_hourly"), error);
    m_dropEmptyHour = m_db.prepare(tableSql(kDropEmpty, "metric_rollups_hourly"), error);
    m_traceSpans =
        m_db.prepare("SELECT id, start_ns, end_ns, status, service, model, provider, user_id, "
                     "input_tokens, output_tokens, cost_usd, cached_input_tokens, prompt_hash FROM spans "
                     "WHERE workspace = ?1 AND trace_id = ?2",
                     error);
    return m_upsert && m_dropEmpty && m_upsertHour && m_dropEmptyHour && m_traceSpans &&
           m_prompts.prepare(error);
}

void MetricsRollup::addSpan(const std::string &workspace, const RollupSpan &span, int sign)
{
    const int64_t bucket = bucketOf(span.startNs);
    for (int g = 0; g < kMetricsGroupings; ++g) {
        if (!span.hasKey(g))
            continue;
        Delta &d = m_deltas[Key{workspace, g, bucket, span.keys[g]}];
        d.spans += sign;
        d.errors += sign * int64_t(span.error);
        d.inputTokens += sign * span.inputTokens;
        d.outputTokens += sign * span.outputTokens;
        d.cachedInputTokens += sign * span.cachedInputTokens;
        if (span.costUsd) {
            d.costPicoUsd += sign * toPicoUsd(*span.costUsd);
            d.costSpans += sign;
        }
        d.latency.add(span.endNs - span.startNs, sign);
    }
    m_prompts.addSpan(workspace, span, sign);
}

void MetricsRollup::addTraceAnchors(const std::string &workspace, const std::vector<RollupSpan> &spans,
                                    int sign)
{
    for (int g = 0; g < kMetricsGroupings; ++g) {
        std::map<std::string_view, int64_t> firstStart;
        for (const RollupSpan &span : spans) {
            if (!span.hasKey(g))
                continue;
            auto [it, added] = firstStart.emplace(span.keys[g], span.startNs);
            if (!added)
                it->second = std::min(it->second, span.startNs);
        }
        for (const auto &[key, start] : firstStart)
            m_deltas[Key{workspace, g, bucketOf(start), std::string(key)}].traces += sign;
    }
}

bool MetricsRollup::removeStoredTrace(const std::string &workspace, const std::string &traceId,
                                      std::vector<int64_t> *rowIds, std::string *error)
{
    sqlite3_stmt *s = m_traceSpans.get();
    sqlite3_bind_text(s, 1, workspace.data(), int(workspace.size()), SQLITE_STATIC);
    sqlite3_bind_text(s, 2, traceId.data(), int(traceId.size()), SQLITE_STATIC);
    std::vector<RollupSpan> spans;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        RollupSpan span;
        rowIds->push_back(sqlite3_column_int64(s, 0));
        span.startNs = sqlite3_column_int64(s, 1);
        span.endNs = sqlite3_column_int64(s, 2);
        span.error = sqlite3_column_int(s, 3) == int(SpanStatus::Error);
        for (int g = 0; g < kMetricsGroupings; ++g) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, 4 + g));
            if (text)
                span.keys[g] = text;
        }
        span.inputTokens = sqlite3_column_int64(s, 8);
        span.outputTokens = sqlite3_column_int64(s, 9);
        if (sqlite3_column_type(s, 10) != SQLITE_NULL)
            span.costUsd = sqlite3_column_double(s, 10);
        span.cachedInputTokens = std::clamp<int64_t>(sqlite3_column_int64(s, 11), 0, span.inputTokens);
        if (sqlite3_column_type(s, 12) != SQLITE_NULL)
            span.promptHash = sqlite3_column_int64(s, 12);
        addSpan(workspace, span, -1);
        spans.push_back(std::move(span));
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        *error = "reading trace " + traceId + " for the rollups: " + m_db.lastError();
        return false;
    }
    addTraceAnchors(workspace, spans, -1);
    return true;
}

bool MetricsRollup::flush(std::string *error)
{
    std::map<Key, Delta> hours;
    for (const auto &[key, d] : m_deltas) {
        Delta &h = hours[Key{key.workspace, key.grouping, hourOf(key.bucket), key.key}];
        h.spans += d.spans;
        h.errors += d.errors;
        h.traces += d.traces;
        h.inputTokens += d.inputTokens;
        h.outputTokens += d.outputTokens;
        h.cachedInputTokens += d.cachedInputTokens;
        h.costPicoUsd += d.costPicoUsd;
        h.costSpans += d.costSpans;
        h.latency.merge(d.latency);
    }
    const bool ok = write(m_deltas, m_upsert, m_dropEmpty) && write(hours, m_upsertHour, m_dropEmptyHour);
    m_deltas.clear();
    if (!ok) {
        *error = "updating metric rollups: " + m_db.lastError();
        m_prompts.clear();
        return false;
    }
    return m_prompts.flush(error);
}

bool MetricsRollup::write(const std::map<Key, Delta> &deltas, Statement &upsert, Statement &dropEmpty)
{
    bool ok = true;
    for (const auto &[key, d] : deltas) {
        if (!ok)
            break;
        if (d.spans == 0 && d.errors == 0 && d.traces == 0 && d.inputTokens == 0 && d.outputTokens == 0 &&
            d.cachedInputTokens == 0 && d.costPicoUsd == 0 && d.costSpans == 0 && d.latency.empty())
            continue; // a span moved within its own minute, a trace anchored where it was
        sqlite3_stmt *s = upsert.get();
        sqlite3_bind_text(s, 1, key.workspace.data(), int(key.workspace.size()), SQLITE_STATIC);
        sqlite3_bind_int(s, 2, key.grouping);
        sqlite3_bind_int64(s, 3, key.bucket);
        sqlite3_bind_text(s, 4, key.key.data(), int(key.key.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 5, d.spans);
        sqlite3_bind_int64(s, 6, d.errors);
        sqlite3_bind_int64(s, 7, d.traces);
        sqlite3_bind_int64(s, 8, d.inputTokens);
        sqlite3_bind_int64(s, 9, d.outputTokens);
        sqlite3_bind_int64(s, 10, d.costPicoUsd);
        sqlite3_bind_int64(s, 11, d.costSpans);
        const std::string latency = d.latency.encode();
        if (latency.empty())
            sqlite3_bind_null(s, 12);
        else
            sqlite3_bind_blob(s, 12, latency.data(), int(latency.size()), SQLITE_STATIC);
        sqlite3_bind_int64(s, 13, d.cachedInputTokens);
        ok = sqlite3_step(s) == SQLITE_DONE;
        sqlite3_reset(s);
        if (ok && d.spans < 0) {
            sqlite3_stmt *drop = dropEmpty.get();
            sqlite3_bind_text(drop, 1, key.workspace.data(), int(key.workspace.size()), SQLITE_STATIC);
            sqlite3_bind_int(drop, 2, key.grouping);
            sqlite3_bind_int64(drop, 3, key.bucket);
            sqlite3_bind_text(drop, 4, key.key.data(), int(key.key.size()), SQLITE_STATIC);
            ok = sqlite3_step(drop) == SQLITE_DONE;
            sqlite3_reset(drop);
        }
    }
    return ok;
}

} // namespace tracedeck

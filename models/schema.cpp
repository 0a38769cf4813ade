#include "schema.h"

#include "database.h"
#include "metricsrollup.h"

#include <array>

namespace tracedeck {

namespace {

// Version 1: spans, per-trace summaries, the FTS index over LLM message text and its high-water mark.
// Spans live in a rowid table (3× faster to fill than WITHOUT ROWID keyed by text ids, DESIGN.md §6).
// Optional ids get partial indexes so the many spans without them cost nothing to index.
constexpr const char *kVersion1 = R"sql(
CREATE TABLE spans (
    id INTEGER PRIMARY KEY,
    workspace TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    span_id TEXT NOT NULL,
    parent_span_id TEXT,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,
    service TEXT NOT NULL,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    status INTEGER NOT NULL,
    status_message TEXT,
    attributes TEXT NOT NULL,
    events TEXT,
    links TEXT,
    resource TEXT,
    scope TEXT,
    source TEXT NOT NULL,
    request_id TEXT,
    user_id TEXT,
    session_id TEXT,
    conversation_id TEXT,
    http_method TEXT,
    http_url TEXT,
    status_code INTEGER,
    provider TEXT,
    model TEXT,
    input_tokens INTEGER,
    output_tokens INTEGER,
    cached_input_tokens INTEGER,
    reasoning_tokens INTEGER,
    total_tokens INTEGER,
    cost_usd REAL,
    cost_source INTEGER NOT NULL DEFAULT 0,
    finish_reason TEXT,
    ttft_ms REAL,
    category TEXT,
    messages TEXT,
    -- Bumped on every insert or update; the FTS indexer follows it with a high-water mark.
    change_seq INTEGER NOT NULL,
    -- The change_seq of the insert; equal to change_seq until the span is updated.
    insert_seq INTEGER NOT NULL,
    UNIQUE (workspace, trace_id, span_id)
);
CREATE INDEX spans_by_start ON spans (workspace, start_ns);
CREATE INDEX spans_by_service_time ON spans (workspace, service, start_ns);
CREATE INDEX spans_by_request ON spans (workspace, request_id) WHERE request_id IS NOT NULL;
CREATE INDEX spans_by_user ON spans (workspace, user_id, start_ns) WHERE user_id IS NOT NULL;
CREATE INDEX spans_by_session ON spans (workspace, session_id, start_ns) WHERE session_id IS NOT NULL;
CREATE INDEX spans_by_model ON spans (workspace, model, start_ns) WHERE model IS NOT NULL;
CREATE INDEX spans_by_change ON spans (change_seq);

CREATE TABLE traces (
    workspace TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    start_ns INTEGER NOT NULL,
    end_ns INTEGER NOT NULL,
    span_count INTEGER NOT NULL,
    error_count INTEGER NOT NULL,
    root_name TEXT,
    root_service TEXT,
    input_tokens INTEGER NOT NULL DEFAULT 0,
    output_tokens INTEGER NOT NULL DEFAULT 0,
    cost_usd REAL,
    PRIMARY KEY (workspace, trace_id)
);
CREATE INDEX traces_by_start ON traces (workspace, start_ns);

-- detail=none indexes ~2x faster than full (DESIGN.md §2); it answers token and AND queries, not phrases.
-- '_' joins a token so tool and function names (lookup_capital) are found whole.
CREATE VIRTUAL TABLE message_fts USING fts5(text, detail=none, tokenize="unicode61 tokenchars '_'");

CREATE TABLE store_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT INTO store_meta (key, value) VALUES ('fts_indexed_seq', 0);
)sql";

// Version 2: what the trace list shows and sorts by, kept per trace: services touched, models, and the
// first user, session and request id seen. Span names join the full-text index (free-text search finds
// "checkout" as well as words of a prompt), so the index is rebuilt in the background.
constexpr const char *kVersion2 = R"sql(
ALTER TABLE traces ADD COLUMN services TEXT;
ALTER TABLE traces ADD COLUMN models TEXT;
ALTER TABLE traces ADD COLUMN user_id TEXT;
ALTER TABLE traces ADD COLUMN session_id TEXT;
ALTER TABLE traces ADD COLUMN request_id TEXT;
UPDATE traces SET
    services = (SELECT group_concat(service, ',') FROM (SELECT DISTINCT service FROM spans s
        WHERE s.workspace = traces.workspace AND s.trace_id = traces.trace_id ORDER BY service)),
    models = (SELECT group_concat(model, ',') FROM (SELECT DISTINCT model FROM spans s
        WHERE s.workspace = traces.workspace AND s.trace_id = traces.trace_id AND model IS NOT NULL ORDER BY model)),
    user_id = (SELECT user_id FROM spans s WHERE s.workspace = traces.workspace AND s.trace_id = traces.trace_id
        AND user_id IS NOT NULL ORDER BY start_ns LIMIT 1),
    session_id = (SELECT session_id FROM spans s WHERE s.workspace = traces.workspace
        AND s.trace_id = traces.trace_id AND session_id IS NOT NULL ORDER BY start_ns LIMIT 1),
    request_id = (SELECT request_id FROM spans s WHERE s.workspace = traces.workspace
        AND s.trace_id = traces.trace_id AND request_id IS NOT NULL ORDER BY start_ns LIMIT 1);
CREATE INDEX traces_by_user ON traces (workspace, user_id, start_ns) WHERE user_id IS NOT NULL;
CREATE INDEX traces_by_session ON traces (workspace, session_id, start_ns) WHERE session_id IS NOT NULL;
CREATE INDEX traces_by_request ON traces (workspace, request_id, start_ns) WHERE request_id IS NOT NULL;
DELETE FROM message_fts;
UPDATE store_meta SET value = 0 WHERE key = 'fts_indexed_seq';
)sql";

// Version 3: workspaces (tenancy, DESIGN.md §3: every row belongs to one) with their retention and redaction
// settings, and the API keys that select them. A key is stored only as its SHA-256; `prefix` is the few
// leading characters shown in lists so a user can tell keys apart. Limits left NULL mean "unlimited".
constexpr const char *kVersion3 = R"sql(
CREATE TABLE workspaces (
    name TEXT PRIMARY KEY,
    retention_days INTEGER NOT NULL DEFAULT 30,
    redaction INTEGER NOT NULL DEFAULT 1,
    created_ns INTEGER NOT NULL
);
INSERT INTO workspaces (name, created_ns) VALUES ('local', CAST(strftime('%s', 'now') AS INTEGER) * 1000000000);
INSERT OR IGNORE INTO workspaces (name, created_ns)
    SELECT DISTINCT workspace, CAST(strftime('%s', 'now') AS INTEGER) * 1000000000 FROM traces;
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY,
    workspace TEXT NOT NULL REFERENCES workspaces (name),
    label TEXT NOT NULL DEFAULT '',
    prefix TEXT NOT NULL,
    hash BLOB NOT NULL UNIQUE,
    created_ns INTEGER NOT NULL,
    revoked_ns INTEGER,
    spans_per_second REAL,
    requests_per_second REAL,
    spans_per_day INTEGER
);
CREATE INDEX api_keys_by_workspace ON api_keys (workspace);
)sql";

// Spans taken per API key per UTC day (day = days since 1970-01-01), so a restart does not reset a
// spans/day quota. The listener adds what it accepted every second or so; rows of past days may be purged.
constexpr const char *kKeyUsage = R"sql(
CREATE TABLE key_usage (
    key_id INTEGER NOT NULL,
    day INTEGER NOT NULL,
    spans INTEGER NOT NULL,
    PRIMARY KEY (key_id, day)
);
)sql";

// Metric rollups (MetricsRollup): per workspace, grouping (0 service, 1 model, 2 provider, 3 user), minute
// and group key: counts, tokens, cost in integer picodollars and a latency histogram, so a summary over a
// long range merges a few rows per minute instead of reading every span. Backfilled here from the stored
// spans; a trace counts for a group in the minute its earliest span of that group starts.
constexpr const char *kMetricRollups = R"sql(
CREATE TABLE metric_rollups (
    workspace TEXT NOT NULL,
    grouping INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    group_key TEXT NOT NULL,
    spans INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    traces INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost_pusd INTEGER NOT NULL,
    cost_spans INTEGER NOT NULL,
    latency BLOB,
    PRIMARY KEY (workspace, grouping, bucket, group_key)
) WITHOUT ROWID;
CREATE TEMP TABLE keyed_spans AS
    SELECT workspace, trace_id, 0 AS grouping, service AS k, start_ns, end_ns, status, input_tokens,
        output_tokens, cost_usd FROM spans
    UNION ALL SELECT workspace, trace_id, 1, model, start_ns, end_ns, status, input_tokens, output_tokens,
        cost_usd FROM spans WHERE model IS NOT NULL
    UNION ALL SELECT workspace, trace_id, 2, provider, start_ns, end_ns, status, input_tokens, output_tokens,
        cost_usd FROM spans WHERE provider IS NOT NULL
    UNION ALL SELECT workspace, trace_id, 3, user_id, start_ns, end_ns, status, input_tokens, output_tokens,
        cost_usd FROM spans WHERE user_id IS NOT NULL;
INSERT INTO metric_rollups
    SELECT workspace, grouping, td_minute(start_ns), k, count(*), sum(status = 2), 0,
        coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0),
        coalesce(sum(CAST(round(cost_usd * 1e12) AS INTEGER)), 0), count(cost_usd),
        td_latency_hist(end_ns - start_ns)
    FROM keyed_spans GROUP BY workspace, grouping, td_minute(start_ns), k;
UPDATE metric_rollups SET traces = a.n FROM (
        SELECT workspace, grouping, bucket, k, count(*) AS n FROM (
            SELECT workspace, grouping, td_minute(min(start_ns)) AS bucket, k FROM keyed_spans
            GROUP BY workspace, trace_id, grouping, k)
        GROUP BY workspace, grouping, bucket, k) AS a
    WHERE metric_rollups.workspace = a.workspace AND metric_rollups.grouping = a.grouping
        AND metric_rollups.bucket = a.bucket AND metric_rollups.group_key = a.k;
DROP TABLE keyed_spans;
)sql";

// When the store last wrote each trace (ns since the epoch): retention counts from it, so a file of old
// traces imported today is kept for the retention period instead of being purged at the next check. Traces
// stored before this version count from the upgrade.
constexpr const char *kStoredTime = R"sql(
ALTER TABLE traces ADD COLUMN stored_ns INTEGER NOT NULL DEFAULT 0;
UPDATE traces SET stored_ns = CAST(strftime('%s', 'now') AS INTEGER) * 1000000000;
CREATE INDEX traces_by_stored ON traces (workspace, stored_ns);
)sql";

// The cost dashboard's top 10 traces: walked from the most expensive down with the time range checked in the
// index, so neither a whole-store nor a one-day range sorts the traces (StoreReader::costliestTraces). Its
// top sessions: summed in session order from an index that covers the query, without a sort or a table
// lookup per trace (measured on 250k traces with sessions: 440 ms through traces_by_start).
// IF NOT EXISTS: tests (and a user going back a version) rewind user_version with the index still there.
constexpr const char *kDashboardIndexes = R"sql(
CREATE INDEX IF NOT EXISTS traces_by_cost ON traces (workspace, cost_usd, start_ns) WHERE cost_usd IS NOT NULL;
CREATE INDEX IF NOT EXISTS traces_by_session_cost
    ON traces (workspace, session_id, start_ns, cost_usd, input_tokens, output_tokens)
    WHERE session_id IS NOT NULL;
)sql";

// Hourly metric rollups beside the minutes (MetricsRollup keeps both), backfilled from the minutes: a
// dashboard over a month reads hours for the whole hours of its range. DELETE first: tests rewind
// user_version past the minutes' migration, which rebuilds them.
constexpr const char *kHourlyRollups = R"sql(
CREATE TABLE IF NOT EXISTS metric_rollups_hourly (
    workspace TEXT NOT NULL,
    grouping INTEGER NOT NULL,
    bucket INTEGER NOT NULL,
    group_key TEXT NOT NULL,
    spans INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    traces INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    output_tokens INTEGER NOT NULL,
    cost_pusd INTEGER NOT NULL,
    cost_spans INTEGER NOT NULL,
    latency BLOB,
    PRIMARY KEY (workspace, grouping, bucket, group_key)
) WITHOUT ROWID;
DELETE FROM metric_rollups_hourly;
INSERT INTO metric_rollups_hourly
    SELECT workspace, grouping, (bucket - ((bucket % 60) + 60) % 60) / 60, group_key, sum(spans), sum(errors),
        sum(traces), sum(input_tokens), sum(output_tokens), sum(cost_pusd), sum(cost_spans), td_hist_merge(latency)
    FROM metric_rollups GROUP BY 1, 2, 3, 4;
)sql";

// Spending limits (BudgetStore) per workspace on the whole workspace, a user or a model, per UTC day or
// month, in integer picodollars like the rollups; scope_value is empty for the whole workspace. The alerts
// (BudgetEvaluator) are kept here too, one per budget, period and limit, so a crossing is announced once
// even across restarts, and raising a limit lets the higher one alert again.
// IF NOT EXISTS: tests rewind user_version to rerun earlier migrations with these tables still there.
constexpr const char *kBudgets = R"sql(
CREATE TABLE IF NOT EXISTS budgets (
    id INTEGER PRIMARY KEY,
    workspace TEXT NOT NULL,
    scope_kind TEXT NOT NULL CHECK (scope_kind IN ('workspace', 'user', 'model')),
    scope_value TEXT NOT NULL DEFAULT '',
    period TEXT NOT NULL CHECK (period IN ('day', 'month')),
    limit_pusd INTEGER NOT NULL CHECK (limit_pusd > 0),
    created_ns INTEGER NOT NULL,
    UNIQUE (workspace, scope_kind, scope_value, period)
);
CREATE TABLE IF NOT EXISTS budget_alerts (
    id INTEGER PRIMARY KEY,
    budget_id INTEGER NOT NULL,
    period_start_ns INTEGER NOT NULL,
    limit_pusd INTEGER NOT NULL,
    crossed_ns INTEGER NOT NULL,
    spend_pusd INTEGER NOT NULL,
    UNIQUE (budget_id, period_start_ns, limit_pusd)
);
)sql";

// The dashboard's savings hints. prompt_hash: the normaliser's hash of an LLM call's model and input
// messages (ExtractedFields::promptHash), with a covering index so identical prompts group in index order
// without a sort or a table lookup. Stored spans are not backfilled (their input and output messages share
// one column): store_meta's prompt_hash_from_ns says from when hashes exist when spans were stored before.
// Cached input tokens join both rollups (minutes backfilled from the spans, hours from the minutes) for the
// cached-token ratio; like input tokens they are a part of input, capped at it.
constexpr const char *kPromptHashes = R"sql(
ALTER TABLE spans ADD COLUMN prompt_hash INTEGER;
CREATE INDEX spans_by_prompt ON spans (workspace, prompt_hash, start_ns, cost_usd, input_tokens,
    cached_input_tokens) WHERE prompt_hash IS NOT NULL;
INSERT OR REPLACE INTO store_meta (key, value) SELECT 'prompt_hash_from_ns',
    CASE WHEN EXISTS (SELECT 1 FROM spans) THEN CAST(strftime('%s', 'now') AS INTEGER) * 1000000000 ELSE 0 END;
ALTER TABLE metric_rollups ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE metric_rollups_hourly ADD COLUMN cached_input_tokens INTEGER NOT NULL DEFAULT 0;
CREATE TEMP TABLE cached_spans AS
    SELECT workspace, 0 AS grouping, service AS k, start_ns, min(cached_input_tokens, coalesce(input_tokens, 0)) AS c
        FROM spans WHERE cached_input_tokens > 0
    UNION ALL SELECT workspace, 1, model, start_ns, min(cached_input_tokens, coalesce(input_tokens, 0))
        FROM spans WHERE cached_input_tokens > 0 AND model IS NOT NULL
    UNION ALL SELECT workspace, 2, provider, start_ns, min(cached_input_tokens, coalesce(input_tokens, 0))
        FROM spans WHERE cached_input_tokens > 0 AND provider IS NOT NULL
    UNION ALL SELECT workspace, 3, user_id, start_ns, min(cached_input_tokens, coalesce(input_tokens, 0))
        FROM spans WHERE cached_input_tokens > 0 AND user_id IS NOT NULL;
UPDATE metric_rollups SET cached_input_tokens = a.c FROM (
        SELECT workspace, grouping, td_minute(start_ns) AS bucket, k, sum(c) AS c FROM cached_spans
        GROUP BY 1, 2, 3, 4) AS a
    WHERE metric_rollups.workspace = a.workspace AND metric_rollups.grouping = a.grouping
        AND metric_rollups.bucket = a.bucket AND metric_rollups.group_key = a.k;
DROP TABLE cached_spans;
UPDATE metric_rollups_hourly SET cached_input_tokens = a.c FROM (
        SELECT workspace, grouping, (bucket - ((bucket % 60) + 60) % 60) / 60 AS hour, group_key,
            sum(cached_input_tokens) AS c FROM metric_rollups WHERE cached_input_tokens > 0 GROUP BY 1, 2, 3, 4) AS a
    WHERE metric_rollups_hourly.workspace = a.workspace AND metric_rollups_hourly.grouping = a.grouping
        AND metric_rollups_hourly.bucket = a.hour AND metric_rollups_hourly.group_key = a.group_key;
)sql";

// The calls per prompt (PromptRollup), so the repeated prompts of a long range read the groups called twice
// or more instead of walking spans_by_prompt (1M hashed spans: ~0.8 s). Backfilled from the spans; IF NOT
// EXISTS and DELETE: tests rewind user_version past this migration.
constexpr const char *kPromptRollups = R"sql(
CREATE TABLE IF NOT EXISTS prompt_rollups (
    workspace TEXT NOT NULL,
    prompt_hash INTEGER NOT NULL,
    calls INTEGER NOT NULL,
    cost_pusd INTEGER NOT NULL,
    cost_spans INTEGER NOT NULL,
    input_tokens INTEGER NOT NULL,
    cached_input_tokens INTEGER NOT NULL,
    first_start_ns INTEGER NOT NULL,
    last_start_ns INTEGER NOT NULL,
    PRIMARY KEY (workspace, prompt_hash)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS prompt_rollups_repeated ON prompt_rollups (workspace, cost_pusd) WHERE calls >= 2;
DELETE FROM prompt_rollups;
INSERT INTO prompt_rollups
    SELECT workspace, prompt_hash, count(*), coalesce(sum(CAST(round(cost_usd * 1e12) AS INTEGER)), 0),
        count(cost_usd), coalesce(sum(input_tokens), 0),
        coalesce(sum(min(max(coalesce(cached_input_tokens, 0), 0), coalesce(input_tokens, 0))), 0),
        min(start_ns), max(start_ns)
    FROM spans WHERE prompt_hash IS NOT NULL GROUP BY workspace, prompt_hash;
)sql";

// Tests that rewind user_version undo the later migrations that cannot run twice (kPromptHashes' columns).
constexpr std::array kMigrations{kVersion1,      kVersion2,     kVersion3,         kKeyUsage,
                                 kMetricRollups, kStoredTime,   kDashboardIndexes, kHourlyRollups,
                                 kBudgets,       kPromptHashes, kPromptRollups};
static_assert(kMigrations[Schema::kHourlyRollupsVersion - 1] == kHourlyRollups);
static_assert(kMigrations[Schema::kBudgetsVersion - 1] == kBudgets);
static_assert(kMigrations[Schema::kPromptRollupsVersion - 1] == kPromptRollups);

} // namespace

int Schema::currentVersion()
{
    return int(kMigrations.size());
}

bool Schema::migrate(Database &db, std::string *error)
{
    std::string readError;
    const int version = int(db.queryInt("PRAGMA user_version", &readError));
    if (!readError.empty()) {
        *error = readError;
        return false;
    }
    if (version > currentVersion()) {
        *error = "database schema version " + std::to_string(version) + " is newer than this Tracedeck (" +
                 std::to_string(currentVersion()) + "); upgrade Tracedeck to open it";
        return false;
    }
    // The rollup backfill calls td_minute and td_latency_hist.
    if (!MetricsRollup::registerFunctions(db.handle(), error))
        return false;
    for (int v = version; v < currentVersion(); ++v) {
        const std::string sql = std::string("BEGIN IMMEDIATE;\n") + kMigrations[size_t(v)] +
                                "\nPRAGMA user_version = " + std::to_string(v + 1) + ";\nCOMMIT;";
        if (!db.exec(sql, error)) {
            db.exec("ROLLBACK");
            *error = "migrating database to schema version " + std::to_string(v + 1) + ": " + *error;
            return false;
        }
    }
    return true;
}

} // namespace tracedeck

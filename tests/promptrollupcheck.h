#pragma once

#include "database.h"
#include "metricsrollup.h"

#include <sqlite3.h>

#include <algorithm>
#include <climits>
#include <map>
#include <string>
#include <tuple>

namespace tracedeck::testing {

// What prompt_rollups holds and what the spans themselves say, per workspace and prompt hash: calls, cost
// (picodollars, spans with one), input and cached input tokens must be equal; the stored start bounds must
// hold every call. Returns the first difference, or an empty string.
inline std::string promptRollupMismatch(const std::string &path)
{
    struct Group {
        int64_t calls = 0, costPico = 0, costSpans = 0, input = 0, cached = 0;
        int64_t first = INT64_MAX, last = INT64_MIN;
    };
    std::string error;
    auto db = Database::open(path, Database::Mode::ReadOnly, &error);
    if (!db)
        return error;
    std::map<std::pair<std::string, int64_t>, Group> exact, stored;
    Statement spans = db->prepare("SELECT workspace, prompt_hash, cost_usd, coalesce(input_tokens, 0), "
                                  "coalesce(cached_input_tokens, 0), start_ns FROM spans "
                                  "WHERE prompt_hash IS NOT NULL",
                                  &error);
    sqlite3_stmt *s = spans.get();
    while (s && sqlite3_step(s) == SQLITE_ROW) {
        Group &g =
            exact[{reinterpret_cast<const char *>(sqlite3_column_text(s, 0)), sqlite3_column_int64(s, 1)}];
        ++g.calls;
        if (sqlite3_column_type(s, 2) != SQLITE_NULL) {
            g.costPico += MetricsRollup::toPicoUsd(sqlite3_column_double(s, 2));
            ++g.costSpans;
        }
        g.input += sqlite3_column_int64(s, 3);
        g.cached += std::clamp<int64_t>(sqlite3_column_int64(s, 4), 0, sqlite3_column_int64(s, 3));
        g.first = std::min<int64_t>(g.first, sqlite3_column_int64(s, 5));
        g.last = std::max<int64_t>(g.last, sqlite3_column_int64(s, 5));
    }
    Statement rollups =
        db->prepare("SELECT workspace, prompt_hash, calls, cost_pusd, cost_spans, input_tokens, "
                    "cached_input_tokens, first_start_ns, last_start_ns FROM prompt_rollups",
                    &error);
    s = rollups.get();
    while (s && sqlite3_step(s) == SQLITE_ROW) {
        Group &g =
            stored[{reinterpret_cast<const char *>(sqlite3_column_text(s, 0)), sqlite3_column_int64(s, 1)}];
        g.calls = sqlite3_column_int64(s, 2);
        g.costPico = sqlite3_column_int64(s, 3);
        g.costSpans = sqlite3_column_int64(s, 4);
        g.input = sqlite3_column_int64(s, 5);
        g.cached = sqlite3_column_int64(s, 6);
        g.first = sqlite3_column_int64(s, 7);
        g.last = sqlite3_column_int64(s, 8);
    }
    if (!error.empty())
        return error;
    if (exact.size() != stored.size())
        return "prompt_rollups has " + std::to_string(stored.size()) + " groups, the spans " +
               std::to_string(exact.size());
    for (const auto &[key, e] : exact) {
        const auto it = stored.find(key);
        const std::string name = key.first + "/" + std::to_string(key.second);
        if (it == stored.end())
            return "no prompt_rollups row for " + name;
        const Group &r = it->second;
        if (std::tie(r.calls, r.costPico, r.costSpans, r.input, r.cached) !=
            std::tie(e.calls, e.costPico, e.costSpans, e.input, e.cached))
            return name + ": stored calls " + std::to_string(r.calls) + ", cost " +
                   std::to_string(r.costPico) + ", cost spans " + std::to_string(r.costSpans) + ", input " +
                   std::to_string(r.input) + ", cached " + std::to_string(r.cached) + "; from the spans " +
                   std::to_string(e.calls) + ", " + std::to_string(e.costPico) + ", " +
                   std::to_string(e.costSpans) + ", " + std::to_string(e.input) + ", " +
                   std::to_string(e.cached);
        if (r.first > e.first || r.last < e.last)
            return name + ": stored start bounds do not hold every call";
    }
    return {};
}

} // namespace tracedeck::testing

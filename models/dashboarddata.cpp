#include "dashboarddata.h"

#include "latencyhistogram.h"
#include "metricsrollup.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace tracedeck {

namespace {

constexpr int64_t kMinute = MetricsRollup::kBucketNs;
constexpr int kMaxBuckets = 120;

// Per bucket cost and tokens of one key, appended in bucket order (rollup rows come sorted by minute),
// so a key seen in a few minutes costs a few entries rather than a full row of buckets.
struct KeyTotals {
    struct Point {
        int bucket;
        int64_t costPicoUsd;
        int64_t tokens;
    };
    std::vector<Point> points;
    int64_t costPicoUsd = 0;
    int64_t tokens = 0;
    int64_t spans = 0;
    std::string workspace;

    void add(int bucket, const RollupRow &row)
    {
        const int64_t tokens = row.inputTokens + row.outputTokens;
        if (points.empty() || points.back().bucket != bucket)
            points.push_back({bucket, 0, 0});
        points.back().costPicoUsd += row.costPicoUsd;
        points.back().tokens += tokens;
        costPicoUsd += row.costPicoUsd;
        this->tokens += tokens;
        spans += row.spans;
    }
};

using KeyMap = std::unordered_map<std::string, KeyTotals>;

struct Latencies {
    std::unordered_map<std::string, std::pair<int64_t, LatencyHistogram>> byKey;

    bool add(const RollupRow &row)
    {
        auto &[spans, histogram] = byKey[row.key];
        spans += row.spans;
        return !row.latency || histogram.mergeEncoded(row.latency, row.latencySize);
    }

    std::vector<DashboardLatency> result() const
    {
        std::vector<DashboardLatency> out;
        for (const auto &[key, value] : byKey) {
            if (value.first <= 0)
                continue;
            out.push_back({key, value.first, value.second.percentile(0.50), value.second.percentile(0.95),
                           value.second.percentile(0.99)});
        }
        std::sort(out.begin(), out.end(), [](const DashboardLatency &a, const DashboardLatency &b) {
            return std::tie(b.spans, a.key) < std::tie(a.spans, b.key);
        });
        return out;
    }
};

double toUsd(int64_t picoUsd)
{
    return double(picoUsd) / 1e12;
}

int64_t floorTo(int64_t value, int64_t step)
{
    const int64_t q = value / step;
    return (value % step < 0 ? q - 1 : q) * step;
}

// Top `limit` keys by cost (then tokens) as series; the rest summed as "other"; what the totals hold beyond
// every key (spans without a user, a provider, …) as "(none)".
std::vector<DashboardSeries> stackedSeries(const KeyMap &keys, int buckets, int limit,
                                           const std::vector<int64_t> &totalCost,
                                           const std::vector<int64_t> &totalTokens)
{
    std::vector<const std::pair<const std::string, KeyTotals> *> ranked;
    ranked.reserve(keys.size());
    for (const auto &entry : keys)
        ranked.push_back(&entry);
    std::sort(ranked.begin(), ranked.end(), [](const auto *a, const auto *b) {
        return std::tie(b->second.costPicoUsd, b->second.tokens, a->first) <
               std::tie(a->second.costPicoUsd, a->second.tokens, b->first);
    });
    const size_t n = size_t(buckets);
    std::vector<int64_t> restCost(n), restTokens(n);
    std::vector<int64_t> keyedCost(n), keyedTokens(n);
    std::vector<DashboardSeries> out;
    bool hasRest = false;
    for (size_t i = 0; i < ranked.size(); ++i) {
        const KeyTotals &k = ranked[i]->second;
        const bool own = int(i) < limit;
        DashboardSeries series;
        if (own) {
            series.key = ranked[i]->first;
            series.costUsd.assign(size_t(buckets), 0.0);
            series.tokens.assign(size_t(buckets), 0);
            series.totalCostUsd = toUsd(k.costPicoUsd);
            series.totalTokens = k.tokens;
        }
        hasRest = hasRest || !own;
        for (const KeyTotals::Point &p : k.points) {
            keyedCost[size_t(p.bucket)] += p.costPicoUsd;
            keyedTokens[size_t(p.bucket)] += p.tokens;
            if (own) {
                series.costUsd[size_t(p.bucket)] += toUsd(p.costPicoUsd);
                series.tokens[size_t(p.bucket)] += p.tokens;
            } else {
                restCost[size_t(p.bucket)] += p.costPicoUsd;
                restTokens[size_t(p.bucket)] += p.tokens;
            }
        }
        if (own)
            out.push_back(std::move(series));
    }
    const auto summed = [buckets](const std::string &key, const std::vector<int64_t> &cost,
                                  const std::vector<int64_t> &tokens) {
        DashboardSeries series;
        series.key = key;
        series.costUsd.resize(size_t(buckets));
        series.tokens = tokens;
        for (int b = 0; b < buckets; ++b) {
            series.costUsd[size_t(b)] = toUsd(cost[size_t(b)]);
            series.totalTokens += tokens[size_t(b)];
        }
        int64_t pico = 0;
        for (const int64_t c : cost)
            pico += c;
        series.totalCostUsd = toUsd(pico);
        return series;
    };
    if (hasRest)
        out.push_back(summed(DashboardData::kOther, restCost, restTokens));
    std::vector<int64_t> noneCost(n), noneTokens(n);
    bool hasNone = false;
    for (int b = 0; b < buckets; ++b) {
        noneCost[size_t(b)] = std::max<int64_t>(0, totalCost[size_t(b)] - keyedCost[size_t(b)]);
        noneTokens[size_t(b)] = std::max<int64_t>(0, totalTokens[size_t(b)] - keyedTokens[size_t(b)]);
        hasNone = hasNone || noneCost[size_t(b)] > 0 || noneTokens[size_t(b)] > 0;
    }
    if (hasNone)
        out.push_back(summed(DashboardData::kNone, noneCost, noneTokens));
    return out;
}

// Rollup rows of [firstMinute, endMinute) with buckets in minutes. With hours, the whole hours inside come
// from the hourly rollups (a month: ~700 rows per key instead of ~43,000) and the minutes at the ends from
// the minute rollups; rows arrive in bucket order either way.
bool readRollups(StoreReader &reader, const std::string &workspace, MetricsGrouping grouping,
                 int64_t firstMinute, int64_t endMinute, bool hours, const StoreReader::RollupVisitor &visit,
                 std::string *error)
{
    constexpr int64_t kPerHour = MetricsRollup::kMinutesPerHour;
    const int64_t firstHour = MetricsRollup::hourOf(firstMinute - 1) + 1;
    const int64_t endHour = MetricsRollup::hourOf(endMinute);
    if (!hours || firstHour >= endHour)
        return reader.forEachRollup(workspace, grouping, firstMinute, endMinute, visit, error);
    if (firstMinute < firstHour * kPerHour &&
        !reader.forEachRollup(workspace, grouping, firstMinute, firstHour * kPerHour, visit, error))
        return false;
    const auto inMinutes = [&visit](const RollupRow &row) {
        RollupRow minute = row;
        minute.bucket = row.bucket * kPerHour;
        return visit(minute);
    };
    if (!reader.forEachRollup(workspace, grouping, firstHour, endHour, inMinutes, error,
                              StoreReader::RollupTable::Hours))
        return false;
    return endHour * kPerHour >= endMinute ||
           reader.forEachRollup(workspace, grouping, endHour * kPerHour, endMinute, visit, error);
}

std::vector<ModelShare> modelSharesOf(std::unordered_map<std::string, ModelShare> &byModel)
{
    std::vector<ModelShare> out;
    double totalPico = 0;
    for (auto &[model, share] : byModel) {
        share.model = model;
        totalPico += share.costUsd;
        out.push_back(std::move(share));
    }
    for (ModelShare &share : out) {
        share.share = totalPico > 0 ? share.costUsd / totalPico : 0;
        share.costUsd /= 1e12;
    }
    std::sort(out.begin(), out.end(), [](const ModelShare &a, const ModelShare &b) {
        return std::tie(b.costUsd, b.inputTokens, a.model) < std::tie(a.costUsd, a.inputTokens, b.model);
    });
    return out;
}

// The first user message's text of stored messages ([{role, content, …}]), else the first message's.
std::string sampleOf(const std::string &messagesJson)
{
    const auto messages = nlohmann::json::parse(messagesJson, nullptr, false);
    if (!messages.is_array())
        return {};
    const nlohmann::json *first = nullptr;
    for (const auto &m : messages) {
        if (!m.is_object())
            continue;
        const auto content = m.find("content");
        if (content == m.end() || !content->is_string())
            continue;
        if (m.value("role", std::string()) == "user")
            return content->get<std::string>();
        if (!first)
            first = &*content;
    }
    return first ? first->get<std::string>() : std::string();
}

std::vector<PromptRepeat> repeatsOf(const std::vector<PromptGroup> &groups, const DashboardQuery &query)
{
    std::vector<PromptRepeat> out;
    for (const PromptGroup &g : groups) {
        PromptRepeat r;
        r.model = g.model;
        r.workspace = g.workspace;
        r.traceId = g.traceId;
        r.sample = sampleOf(g.messages);
        r.calls = g.calls;
        r.costUsd = toUsd(g.costPicoUsd);
        const double repeats = double(g.calls - 1) / double(g.calls);
        const std::optional<InputPrice> price =
            query.inputPrice ? query.inputPrice(g.model) : std::optional<InputPrice>();
        if (price && price->cachedInputPerMillion < price->inputPerMillion) {
            r.promptCache = true;
            r.savingUsd = double(g.inputTokens - g.cachedInputTokens) * repeats *
                          (price->inputPerMillion - price->cachedInputPerMillion) / 1e6;
        } else {
            r.savingUsd = r.costUsd * repeats;
        }
        out.push_back(std::move(r));
    }
    return out;
}

} // namespace

double DashboardData::savingUsd() const
{
    double sum = 0;
    for (const PromptRepeat &r : repeatedPrompts)
        sum += r.savingUsd;
    return sum;
}

int64_t DashboardData::bucketFor(int64_t rangeNs)
{
    static constexpr std::array<int64_t, 12> kSteps{1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};
    for (const int64_t minutes : kSteps) {
        if (rangeNs <= minutes * kMinute * kMaxBuckets)
            return minutes * kMinute;
    }
    return kSteps.back() * kMinute;
}

DashboardData DashboardData::compute(StoreReader &reader, const DashboardQuery &query, std::string *error)
{
    DashboardData data;
    const std::string workspace =
        query.stackBy == DashboardStack::Workspace ? std::string() : query.workspace;
    int64_t firstMinute = 0, endMinute = 0;
    if (!query.fromNs || !query.toNs) {
        const auto extent = reader.rollupExtent(workspace, error);
        if (!error->empty())
            return {};
        if (!extent && !query.fromNs && !query.toNs)
            return data; // nothing stored: no buckets
        firstMinute = extent ? extent->first : 0;
        endMinute = extent ? extent->second + 1 : 0;
    }
    if (query.fromNs)
        firstMinute = MetricsRollup::bucketOf(*query.fromNs);
    if (query.toNs)
        endMinute = MetricsRollup::bucketOf(*query.toNs - 1) + 1;
    endMinute = std::max(endMinute, firstMinute + 1);

    data.bucketNs = bucketFor((endMinute - firstMinute) * kMinute);
    data.fromNs = floorTo(firstMinute * kMinute, data.bucketNs);
    data.buckets = int((endMinute * kMinute - data.fromNs + data.bucketNs - 1) / data.bucketNs);
    const int64_t minutesPerBucket = data.bucketNs / kMinute;
    const int64_t firstBucketMinute = data.fromNs / kMinute;
    const auto bucketIndex = [&](int64_t minute) {
        return int((minute - firstBucketMinute) / minutesPerBucket);
    };
    const auto size = size_t(data.buckets);
    // Buckets of whole hours, aligned to hours: hourly rollups fill them.
    const bool hours = data.bucketNs % (MetricsRollup::kMinutesPerHour * kMinute) == 0;

    // Services: every span has one, so they give the totals, the per-service latency and, by workspace,
    // the workspace series.
    std::vector<int64_t> totalCost(size), totalTokens(size);
    Latencies services;
    KeyMap stacked;
    const bool byWorkspace = query.stackBy == DashboardStack::Workspace;
    const bool byService = query.stackBy == DashboardStack::Service;
    if (!readRollups(
            reader, workspace, MetricsGrouping::Service, firstMinute, endMinute, hours,
            [&](const RollupRow &row) {
                const int b = bucketIndex(row.bucket);
                totalCost[size_t(b)] += row.costPicoUsd;
                totalTokens[size_t(b)] += row.inputTokens + row.outputTokens;
                data.inputTokens += row.inputTokens;
                data.outputTokens += row.outputTokens;
                data.cachedInputTokens += row.cachedInputTokens;
                if (byWorkspace)
                    stacked[row.workspace].add(b, row);
                else if (byService)
                    stacked[row.key].add(b, row);
                return services.add(row);
            },
            error))
        return {};
    int64_t costPicoUsd = 0;
    for (const int64_t c : totalCost)
        costPicoUsd += c;
    data.totalCostUsd = toUsd(costPicoUsd);

    // Models: LLM calls and their errors, per-model latency.
    data.llmCalls.assign(size, 0);
    data.llmErrors.assign(size, 0);
    Latencies models;
    std::unordered_map<std::string, ModelShare> shares;
    const bool byModel = query.stackBy == DashboardStack::Model;
    if (!readRollups(
            reader, workspace, MetricsGrouping::Model, firstMinute, endMinute, hours,
            [&](const RollupRow &row) {
                const int b = bucketIndex(row.bucket);
                data.llmCalls[size_t(b)] += row.spans;
                data.llmErrors[size_t(b)] += row.errors;
                data.totalLlmCalls += row.spans;
                data.totalLlmErrors += row.errors;
                if (byModel)
                    stacked[row.key].add(b, row);
                ModelShare &share = shares[row.key];
                share.costUsd += double(row.costPicoUsd); // picodollars until summed
                share.inputTokens += row.inputTokens;
                share.cachedInputTokens += row.cachedInputTokens;
                return models.add(row);
            },
            error))
        return {};

    if (query.stackBy == DashboardStack::Provider &&
        !readRollups(
            reader, workspace, MetricsGrouping::Provider, firstMinute, endMinute, hours,
            [&](const RollupRow &row) {
                stacked[row.key].add(bucketIndex(row.bucket), row);
                return true;
            },
            error))
        return {};

    // Users: the top users always, the series when stacked by user.
    KeyMap users;
    if (!readRollups(
            reader, workspace, MetricsGrouping::User, firstMinute, endMinute, hours,
            [&](const RollupRow &row) {
                KeyTotals &u = users[row.key];
                u.add(bucketIndex(row.bucket), row);
                if (u.workspace.empty())
                    u.workspace = row.workspace;
                return true;
            },
            error))
        return {};
    if (query.stackBy == DashboardStack::User)
        stacked = users;

    data.series = stackedSeries(stacked, data.buckets, query.topKeys, totalCost, totalTokens);
    data.modelLatency = models.result();
    data.serviceLatency = services.result();

    for (const auto &[key, u] : users) {
        if (u.costPicoUsd <= 0)
            continue;
        CostlyItem item;
        item.id = key;
        item.workspace = u.workspace;
        item.costUsd = toUsd(u.costPicoUsd);
        item.tokens = u.tokens;
        item.count = u.spans;
        data.topUsers.push_back(std::move(item));
    }
    std::sort(data.topUsers.begin(), data.topUsers.end(), [](const CostlyItem &a, const CostlyItem &b) {
        return std::tie(b.costUsd, a.id) < std::tie(a.costUsd, b.id);
    });
    if (data.topUsers.size() > size_t(query.topItems))
        data.topUsers.resize(size_t(query.topItems));

    const int64_t fromNs = firstMinute * kMinute, toNs = endMinute * kMinute;
    data.topTraces = reader.costliestTraces(workspace, fromNs, toNs, query.topItems, error);
    if (!error->empty())
        return {};
    data.topSessions = reader.costliestSessions(workspace, fromNs, toNs, query.topItems, error);
    if (!error->empty())
        return {};

    data.modelShares = modelSharesOf(shares);
    data.repeatedPrompts =
        repeatsOf(reader.repeatedPrompts(workspace, fromNs, toNs, query.topItems, error), query);
    if (!error->empty())
        return {};
    data.promptHashesFromNs = reader.promptHashesFromNs(error);
    if (!error->empty())
        return {};
    return data;
}

} // namespace tracedeck

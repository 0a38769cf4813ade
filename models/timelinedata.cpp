#include "timelinedata.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>
#include <utility>

namespace tracedeck {

namespace {

template <typename T> std::size_t capacityBytes(const std::vector<T> &v)
{
    return v.capacity() * sizeof(T);
}

std::size_t stringTableBytes(const std::vector<QString> &table)
{
    std::size_t bytes = capacityBytes(table);
    for (const QString &s : table)
        bytes += static_cast<std::size_t>(s.capacity()) * sizeof(QChar);
    return bytes;
}

uint32_t fnv1a(const QString &s)
{
    uint32_t h = 2166136261u;
    for (QChar c : s) {
        h ^= c.unicode();
        h *= 16777619u;
    }
    return h;
}

bool equalsLower(std::string_view s, std::string_view lower)
{
    return s.size() == lower.size() && std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) {
               return (a >= 'A' && a <= 'Z' ? char(a - 'A' + 'a') : a) == b;
           });
}

// Interns strings given as views into the input; the views must outlive the interner.
class Interner {
public:
    explicit Interner(std::vector<QString> &table)
        : m_table(table)
    {}
    uint32_t intern(std::string_view s)
    {
        auto [it, inserted] = m_ids.try_emplace(s, static_cast<uint32_t>(m_table.size()));
        if (inserted)
            m_table.push_back(QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())));
        return it->second;
    }

private:
    std::vector<QString> &m_table;
    std::unordered_map<std::string_view, uint32_t> m_ids;
};

} // namespace

TimelineData TimelineData::build(const TimelineSpans &spans)
{
    TimelineData d;
    const auto n = static_cast<int32_t>(spans.size());
    if (n == 0)
        return d;

    std::vector<int64_t> start(n), end(n);
    for (int32_t i = 0; i < n; ++i) {
        start[i] = spans[i].startNs;
        end[i] = std::max(spans[i].startNs, spans[i].endNs);
    }

    // Ids sorted once: resolves parents now and serves indexOf() later. Ties keep input order, so a
    // duplicated id resolves to its first occurrence.
    std::vector<int32_t> byId(n);
    std::iota(byId.begin(), byId.end(), 0);
    std::sort(byId.begin(), byId.end(), [&](int32_t a, int32_t b) {
        const int c = spans[a].spanId.compare(spans[b].spanId);
        return c < 0 || (c == 0 && a < b);
    });
    auto findId = [&](std::string_view id) -> int32_t {
        auto it = std::lower_bound(byId.begin(), byId.end(), id,
                                   [&](int32_t a, std::string_view key) { return spans[a].spanId < key; });
        return it != byId.end() && spans[*it].spanId == id ? *it : -1;
    };

    std::vector<int32_t> parent(n, -1);
    for (int32_t i = 0; i < n; ++i) {
        if (spans[i].parentSpanId.empty())
            continue;
        const int32_t p = findId(spans[i].parentSpanId);
        parent[i] = p == i ? -1 : p;
    }

    // Break parent cycles: each cycle's earliest-starting member becomes a root. Every span is walked once.
    {
        std::vector<uint8_t> state(n, 0); // 0 unseen, 1 on the current walk, 2 settled
        std::vector<int32_t> path;
        for (int32_t i = 0; i < n; ++i) {
            int32_t cur = i;
            while (cur != -1 && state[cur] == 0) {
                state[cur] = 1;
                path.push_back(cur);
                cur = parent[cur];
            }
            if (cur != -1 && state[cur] == 1) {
                auto first = std::find(path.rbegin(), path.rend(), cur);
                int32_t best = cur;
                for (auto it = path.rbegin(); it != std::next(first); ++it) {
                    if (start[*it] < start[best] || (start[*it] == start[best] && *it < best))
                        best = *it;
                }
                parent[best] = -1;
            }
            for (int32_t p : path)
                state[p] = 2;
            path.clear();
        }
    }

    // Children grouped by parent (bucket sort over a start-sorted order), roots under key 0.
    std::vector<int32_t> childOffset(static_cast<std::size_t>(n) + 2, 0);
    std::vector<int32_t> children(n);
    {
        std::vector<std::pair<int64_t, int32_t>> byStart(n);
        for (int32_t i = 0; i < n; ++i)
            byStart[i] = {start[i], i};
        std::sort(byStart.begin(), byStart.end());
        for (int32_t i = 0; i < n; ++i)
            ++childOffset[parent[i] + 2];
        for (std::size_t k = 2; k < childOffset.size(); ++k)
            childOffset[k] += childOffset[k - 1];
        for (const auto &entry : byStart)
            children[childOffset[parent[entry.second] + 1]++] = entry.second;
    }
    // The fill advanced each bucket's offset to its end: key k = parent + 1 now spans
    // [childOffset[k - 1], childOffset[k]).
    auto childBegin = [&](int32_t key) { return key == 0 ? 0 : childOffset[key - 1]; };
    auto childEnd = [&](int32_t key) { return childOffset[key]; };

    // Depth-first preorder gives the rows.
    std::vector<int32_t> newOf(n, -1);
    std::vector<int32_t> inputOf(n);
    d.m_parent.resize(n);
    d.m_subtreeEnd.resize(n);
    d.m_depth.resize(n);
    {
        int32_t next = 0;
        std::vector<std::pair<int32_t, int32_t>> stack; // (input span, next child slot)
        auto visit = [&](int32_t span, int32_t parentIndex) {
            const int32_t index = next++;
            newOf[span] = index;
            inputOf[index] = span;
            d.m_parent[index] = parentIndex;
            const std::size_t depth = stack.size();
            d.m_depth[index] = static_cast<uint8_t>(std::min<std::size_t>(depth, 255));
            d.m_maxDepth = std::max(d.m_maxDepth, static_cast<int>(std::min<std::size_t>(depth, 255)));
            stack.emplace_back(span, childBegin(span + 1));
        };
        for (int32_t r = childBegin(0); r < childEnd(0); ++r) {
            visit(children[r], -1);
            while (!stack.empty()) {
                const int32_t span = stack.back().first;
                const int32_t slot = stack.back().second;
                if (slot < childEnd(span + 1)) {
                    ++stack.back().second;
                    visit(children[slot], newOf[span]);
                } else {
                    d.m_subtreeEnd[newOf[span]] = next;
                    stack.pop_back();
                }
            }
        }
    }

    d.m_start.resize(n);
    d.m_end.resize(n);
    d.m_nameOf.resize(n);
    d.m_serviceOf.resize(n);
    d.m_flags.assign(n, 0);
    Interner names(d.m_names);
    Interner services(d.m_services);
    Interner models(d.m_models);
    std::size_t idChars = 0;
    const std::size_t firstIdSize = spans[0].spanId.size();
    bool uniformIds = true;
    for (const TimelineSpan &s : spans) {
        idChars += s.spanId.size();
        uniformIds = uniformIds && s.spanId.size() == firstIdSize;
    }
    d.m_idChars.reserve(idChars);
    if (uniformIds)
        d.m_idStride = static_cast<uint32_t>(firstIdSize);
    else
        d.m_idOffsets.reserve(static_cast<std::size_t>(n) + 1);

    d.m_traceStart = std::numeric_limits<int64_t>::max();
    d.m_traceEnd = std::numeric_limits<int64_t>::min();
    for (int32_t index = 0; index < n; ++index) {
        const int32_t i = inputOf[index];
        const TimelineSpan &s = spans[i];
        d.m_start[index] = start[i];
        d.m_end[index] = end[i];
        d.m_traceStart = std::min(d.m_traceStart, start[i]);
        d.m_traceEnd = std::max(d.m_traceEnd, end[i]);
        d.m_nameOf[index] = names.intern(s.name);
        d.m_serviceOf[index] = static_cast<uint16_t>(std::min<uint32_t>(services.intern(s.service), 65535));
        if (!uniformIds)
            d.m_idOffsets.push_back(static_cast<uint32_t>(d.m_idChars.size()));
        d.m_idChars.insert(d.m_idChars.end(), s.spanId.begin(), s.spanId.end());
        uint8_t flags = 0;
        if (s.status == SpanStatus::Error)
            flags |= ErrorFlag;
        const bool embedding = equalsLower(s.category, "embedding");
        if (embedding || equalsLower(s.category, "llm") || !s.model.empty()) {
            flags |= LlmFlag;
            TimelineLlmInfo info;
            info.index = index;
            info.model = models.intern(s.model);
            info.embedding = embedding;
            info.inputTokens = s.inputTokens.value_or(-1);
            info.outputTokens = s.outputTokens.value_or(-1);
            info.costUsd = s.costUsd.value_or(-1.0);
            d.m_llm.push_back(info);
        }
        d.m_flags[index] = flags;
    }
    if (!uniformIds)
        d.m_idOffsets.push_back(static_cast<uint32_t>(d.m_idChars.size()));

    d.m_byId.resize(n);
    for (int32_t k = 0; k < n; ++k)
        d.m_byId[k] = newOf[byId[k]];

    // Colours: a hash of the name picks the slot; clashes within the trace probe on, in name order so the
    // same set of services always gets the same colours.
    d.m_serviceColour.assign(d.m_services.size(), 0);
    {
        std::vector<int> order(d.m_services.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
                  [&](int a, int b) { return d.m_services[a] < d.m_services[b]; });
        bool used[PaletteSize] = {};
        int usedCount = 0;
        for (int s : order) {
            int slot = static_cast<int>(fnv1a(d.m_services[s]) % PaletteSize);
            if (usedCount < PaletteSize) {
                while (used[slot])
                    slot = (slot + 1) % PaletteSize;
                used[slot] = true;
                ++usedCount;
            }
            d.m_serviceColour[s] = static_cast<uint8_t>(slot);
        }
    }

    d.m_names.shrink_to_fit();
    d.m_services.shrink_to_fit();
    d.m_models.shrink_to_fit();
    d.m_llm.shrink_to_fit();
    d.computeCriticalPath();
    return d;
}

int32_t TimelineData::nextSibling(int32_t i) const
{
    const int32_t next = m_subtreeEnd[i];
    const int32_t p = m_parent[i];
    if (next >= count())
        return -1;
    if (p == -1)
        return m_parent[next] == -1 ? next : -1;
    return next < m_subtreeEnd[p] ? next : -1;
}

int64_t TimelineData::selfTimeNs(int32_t i) const
{
    const int64_t s = m_start[i];
    const int64_t e = m_end[i];
    int64_t covered = 0;
    int64_t runStart = 0;
    int64_t runEnd = std::numeric_limits<int64_t>::min();
    // Children come in start order, so their union is one sweep.
    for (int32_t c = i + 1; c < m_subtreeEnd[i]; c = m_subtreeEnd[c]) {
        const int64_t cs = std::max(m_start[c], s);
        const int64_t ce = std::min(m_end[c], e);
        if (ce <= cs)
            continue;
        if (cs > runEnd) {
            if (runEnd > runStart)
                covered += runEnd - runStart;
            runStart = cs;
            runEnd = ce;
        } else {
            runEnd = std::max(runEnd, ce);
        }
    }
    if (runEnd > runStart)
        covered += runEnd - runStart;
    return (e - s) - covered;
}

const TimelineLlmInfo *TimelineData::llmInfo(int32_t i) const
{
    if (!isLlm(i))
        return nullptr;
    auto it = std::lower_bound(m_llm.begin(), m_llm.end(), i,
                               [](const TimelineLlmInfo &info, int32_t index) { return info.index < index; });
    return it != m_llm.end() && it->index == i ? &*it : nullptr;
}

std::string_view TimelineData::spanId(int32_t i) const
{
    if (m_idOffsets.empty())
        return {m_idChars.data() + static_cast<std::size_t>(i) * m_idStride, m_idStride};
    return {m_idChars.data() + m_idOffsets[i], m_idOffsets[i + 1] - m_idOffsets[i]};
}

QString TimelineData::spanIdString(int32_t i) const
{
    const std::string_view id = spanId(i);
    return QString::fromUtf8(id.data(), static_cast<qsizetype>(id.size()));
}

int32_t TimelineData::indexOf(std::string_view id) const
{
    auto it = std::lower_bound(m_byId.begin(), m_byId.end(), id,
                               [this](int32_t a, std::string_view key) { return spanId(a) < key; });
    return it != m_byId.end() && spanId(*it) == id ? *it : -1;
}

std::vector<int32_t> TimelineData::criticalPathIndexes() const
{
    std::vector<int32_t> result;
    for (const TimelineCriticalSection &section : m_critical)
        result.push_back(section.index);
    std::sort(result.begin(), result.end());
    result.erase(std::unique(result.begin(), result.end()), result.end());
    return result;
}

// Jaeger's walk: from the latest-ending root, descend into the child that finishes last (before the point we
// came back from); with no such child the span is critical down to its start and we return to the parent.
// Children are clipped to their parent. Each parent picks each child at most once, so the walk ends.
void TimelineData::computeCriticalPath()
{
    const int32_t n = count();
    int32_t root = -1;
    for (int32_t r = 0; r < n; r = m_subtreeEnd[r]) {
        if (root == -1 || m_end[r] > m_end[root])
            root = r;
    }
    if (root == -1)
        return;
    int32_t cur = root;
    bool returned = false; // came back from a child that started at returnedAt
    int64_t returnedAt = 0;
    while (true) {
        const int64_t s = m_start[cur];
        const int64_t e = m_end[cur];
        const int64_t sectionEnd = returned ? returnedAt : e;
        int32_t best = -1;
        int64_t bestEnd = 0;
        for (int32_t c = cur + 1; c < m_subtreeEnd[cur]; c = m_subtreeEnd[c]) {
            if (m_start[c] > e)
                continue;
            const int64_t ce = std::max(std::min(m_end[c], e), s);
            if (returned && ce >= returnedAt)
                continue;
            if (best == -1 || ce > bestEnd) {
                best = c;
                bestEnd = ce;
            }
        }
        m_flags[cur] |= CriticalFlag;
        if (best != -1) {
            if (bestEnd != sectionEnd)
                m_critical.push_back({cur, bestEnd, sectionEnd});
            cur = best;
            returned = false;
            continue;
        }
        m_critical.push_back({cur, s, std::max(s, sectionEnd)});
        if (m_parent[cur] == -1)
            break;
        returned = true;
        returnedAt = std::max(s, m_start[m_parent[cur]]);
        cur = m_parent[cur];
    }
}

std::vector<TimelineRun> TimelineData::subtreeRuns(int32_t i, double t0, double nsPerPixel, int widthPx) const
{
    std::vector<TimelineRun> runs;
    if (widthPx <= 0 || nsPerPixel <= 0)
        return runs;
    const double t1 = t0 + widthPx * nsPerPixel;
    // Per column: how many spans start their mark here, and the coverage delta.
    std::vector<int32_t> starts(widthPx + 1, 0), delta(widthPx + 1, 0), first(widthPx + 1, -1);
    const int32_t last = m_subtreeEnd[i];
    for (int32_t j = i + 1; j < last; ++j) {
        const double s = static_cast<double>(m_start[j]);
        const double e = static_cast<double>(m_end[j]);
        if (e < t0 || s > t1)
            continue;
        const int c0 = std::clamp(static_cast<int>(std::floor((s - t0) / nsPerPixel)), 0, widthPx - 1);
        const int c1 = std::clamp(static_cast<int>(std::ceil((e - t0) / nsPerPixel)), c0 + 1, widthPx);
        ++starts[c0];
        ++delta[c0];
        --delta[c1];
        if (first[c0] == -1)
            first[c0] = j;
    }
    int32_t coverage = 0;
    for (int x = 0; x < widthPx; ++x) {
        const bool wasCovered = coverage > 0;
        coverage += delta[x];
        if (coverage > 0) {
            if (!wasCovered)
                runs.push_back({x, x + 1, 0, -1});
            TimelineRun &run = runs.back();
            run.x1 = x + 1;
            run.count += starts[x];
            if (first[x] != -1 && (run.firstIndex == -1 || first[x] < run.firstIndex))
                run.firstIndex = first[x];
        }
    }
    return runs;
}

std::size_t TimelineData::memoryBytes() const
{
    return sizeof(*this) + capacityBytes(m_start) + capacityBytes(m_end) + capacityBytes(m_parent) +
           capacityBytes(m_subtreeEnd) + capacityBytes(m_nameOf) + capacityBytes(m_serviceOf) +
           capacityBytes(m_depth) + capacityBytes(m_flags) + capacityBytes(m_idChars) +
           capacityBytes(m_idOffsets) + capacityBytes(m_byId) + stringTableBytes(m_names) +
           stringTableBytes(m_services) + capacityBytes(m_serviceColour) + stringTableBytes(m_models) +
           capacityBytes(m_llm) + capacityBytes(m_critical);
}

} // namespace tracedeck

#include "timelinedata.h"

#include <algorithm>
#include <cmath>
#include <cstring>
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

uint64_t hashId(std::string_view id)
{
    // Eight bytes a step: ids are hashed three times per span during a build.
    uint64_t h = 0x243f6a8885a308d3ull ^ id.size();
    std::size_t k = 0;
    for (; k + 8 <= id.size(); k += 8) {
        uint64_t chunk;
        std::memcpy(&chunk, id.data() + k, 8);
        h = (h ^ chunk) * 0x9e3779b97f4a7c15ull;
        h ^= h >> 29;
    }
    uint64_t tail = 0;
    if (k < id.size())
        std::memcpy(&tail, id.data() + k, id.size() - k);
    h = (h ^ tail) * 0x9e3779b97f4a7c15ull;
    return h ^ (h >> 32);
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

// A hash of the name picks the slot; clashes probe on, in name order so the same set of services always gets
// the same colours.
std::vector<uint8_t> TimelineData::colourSlots(const std::vector<QString> &services)
{
    std::vector<uint8_t> colours(services.size(), 0);
    std::vector<int> order(services.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return services[a] < services[b]; });
    bool used[PaletteSize] = {};
    int usedCount = 0;
    for (int s : order) {
        int slot = static_cast<int>(fnv1a(services[s]) % PaletteSize);
        if (usedCount < PaletteSize) {
            while (used[slot])
                slot = (slot + 1) % PaletteSize;
            used[slot] = true;
            ++usedCount;
        }
        colours[s] = static_cast<uint8_t>(slot);
    }
    return colours;
}

TimelineData TimelineData::build(const TimelineSpans &spans)
{
    TimelineData d;
    const auto n = static_cast<int32_t>(spans.size());
    if (n == 0)
        return d;

    // One sequential pass over the input into compact arrays: the input is large (strings, optionals) and the
    // tree order visits it at random, so it is read here once.
    struct Row {
        int64_t start;
        int64_t end;
        uint32_t name;
        uint16_t service;
        uint8_t flags;
    };
    // Filled by push_back after reserve(): value-initialising arrays this size first costs measurably.
    std::vector<Row> rows;
    std::vector<uint64_t> hash;
    std::vector<char> ids;
    std::vector<uint32_t> idOffset;
    rows.reserve(n);
    hash.reserve(n);
    idOffset.reserve(static_cast<std::size_t>(n) + 1);
    std::vector<TimelineLlmInfo> llm; // index holds the input position until the tree order is known
    std::vector<std::pair<int32_t, uint32_t>> peers; // the same
    Interner peerNames(d.m_peerNames);
    Interner names(d.m_names);
    Interner services(d.m_services);
    Interner models(d.m_models);
    ids.reserve(static_cast<std::size_t>(n) * 16);
    for (int32_t i = 0; i < n; ++i) {
        const TimelineSpan &s = spans[i];
        Row &row = rows.emplace_back();
        row.start = s.startNs;
        row.end = std::max(s.startNs, s.endNs);
        hash.push_back(hashId(s.spanId));
        idOffset.push_back(static_cast<uint32_t>(ids.size()));
        ids.insert(ids.end(), s.spanId.begin(), s.spanId.end());
        row.name = names.intern(s.name);
        row.service = static_cast<uint16_t>(std::min<uint32_t>(services.intern(s.service), 65535));
        row.flags = s.status == SpanStatus::Error ? ErrorFlag : 0;
        const bool embedding = equalsLower(s.category, "embedding");
        if (embedding || equalsLower(s.category, "llm") || !s.model.empty()) {
            row.flags |= LlmFlag;
            TimelineLlmInfo info;
            info.index = i;
            info.model = models.intern(s.model);
            info.embedding = embedding;
            info.inputTokens = s.inputTokens.value_or(-1);
            info.outputTokens = s.outputTokens.value_or(-1);
            info.costUsd = s.costUsd.value_or(-1.0);
            llm.push_back(info);
        }
        if (!s.peer.empty())
            peers.emplace_back(i, peerNames.intern(s.peer));
    }
    idOffset.push_back(static_cast<uint32_t>(ids.size()));
    auto idOf = [&](int32_t i) {
        return std::string_view(ids.data() + idOffset[i], idOffset[i + 1] - idOffset[i]);
    };

    // Open-addressing table id -> first input position with that id (a later duplicate keeps its own row, but
    // children attach to the first).
    std::size_t capacity = 1;
    int capacityBits = 0;
    while (capacity < static_cast<std::size_t>(n) * 2) {
        capacity <<= 1;
        ++capacityBits;
    }
    const std::size_t mask = capacity - 1;
    std::vector<int32_t> parent(n, -1);
    // Scratch reused below: fresh pages are a good part of a build's cost at this size.
    std::vector<int32_t> table(capacity, -1);
    {
        for (int32_t i = 0; i < n; ++i) {
            std::size_t slot = hash[i] & mask;
            bool duplicate = false;
            while (table[slot] != -1 && !duplicate) {
                const int32_t other = table[slot];
                duplicate = hash[other] == hash[i] && idOf(other) == idOf(i);
                slot = (slot + 1) & mask;
            }
            if (!duplicate)
                table[slot] = i;
        }
        for (int32_t i = 0; i < n; ++i) {
            const std::string_view parentId = spans[i].parentSpanId;
            if (parentId.empty())
                continue;
            const uint64_t h = hashId(parentId);
            for (std::size_t slot = h & mask; table[slot] != -1; slot = (slot + 1) & mask) {
                const int32_t p = table[slot];
                if (hash[p] == h && idOf(p) == parentId) {
                    parent[i] = p == i ? -1 : p;
                    break;
                }
            }
        }
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
                    if (rows[*it].start < rows[best].start ||
                        (rows[*it].start == rows[best].start && *it < best))
                        best = *it;
                }
                parent[best] = -1;
            }
            for (int32_t p : path)
                state[p] = 2;
            path.clear();
        }
    }

    // Children grouped by parent (counting sort), then each group by start; roots under key 0.
    std::vector<int32_t> childOffset(static_cast<std::size_t>(n) + 2, 0);
    std::vector<int32_t> children(n);
    {
        for (int32_t i = 0; i < n; ++i)
            ++childOffset[parent[i] + 2];
        for (std::size_t k = 2; k < childOffset.size(); ++k)
            childOffset[k] += childOffset[k - 1];
        for (int32_t i = 0; i < n; ++i)
            children[childOffset[parent[i] + 1]++] = i;
        for (std::size_t k = 0; k + 1 < childOffset.size(); ++k) {
            const int32_t from = k == 0 ? 0 : childOffset[k - 1];
            const int32_t to = childOffset[k];
            if (to - from > 1) {
                std::sort(children.begin() + from, children.begin() + to, [&](int32_t a, int32_t b) {
                    return rows[a].start < rows[b].start || (rows[a].start == rows[b].start && a < b);
                });
            }
        }
    }
    // The fill advanced each bucket's offset to its end: key k = parent + 1 spans [childOffset[k - 1],
    // childOffset[k]).
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
            const int depth = static_cast<int>(std::min<std::size_t>(stack.size(), 255));
            d.m_depth[index] = static_cast<uint8_t>(depth);
            d.m_maxDepth = std::max(d.m_maxDepth, depth);
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
    childOffset = {};

    d.m_start.reserve(n);
    d.m_end.reserve(n);
    d.m_nameOf.reserve(n);
    d.m_serviceOf.reserve(n);
    d.m_flags.reserve(n);
    const uint32_t firstIdSize = idOffset[1] - idOffset[0];
    bool uniformIds = true;
    for (int32_t i = 0; i < n && uniformIds; ++i)
        uniformIds = idOffset[i + 1] - idOffset[i] == firstIdSize;
    d.m_idChars.reserve(ids.size());
    if (uniformIds)
        d.m_idStride = firstIdSize;
    else
        d.m_idOffsets.reserve(static_cast<std::size_t>(n) + 1);
    d.m_traceStart = std::numeric_limits<int64_t>::max();
    d.m_traceEnd = std::numeric_limits<int64_t>::min();
    for (int32_t index = 0; index < n; ++index) {
        const int32_t i = inputOf[index];
        const Row &row = rows[i];
        d.m_start.push_back(row.start);
        d.m_end.push_back(row.end);
        d.m_traceStart = std::min(d.m_traceStart, row.start);
        d.m_traceEnd = std::max(d.m_traceEnd, row.end);
        d.m_nameOf.push_back(row.name);
        d.m_serviceOf.push_back(row.service);
        d.m_flags.push_back(row.flags);
        if (!uniformIds)
            d.m_idOffsets.push_back(static_cast<uint32_t>(d.m_idChars.size()));
        const std::string_view id = idOf(i);
        d.m_idChars.insert(d.m_idChars.end(), id.begin(), id.end());
    }
    if (!uniformIds)
        d.m_idOffsets.push_back(static_cast<uint32_t>(d.m_idChars.size()));
    for (TimelineLlmInfo &info : llm)
        info.index = newOf[info.index];
    std::sort(llm.begin(), llm.end(), [](const auto &a, const auto &b) { return a.index < b.index; });
    d.m_llm.assign(llm.begin(), llm.end());
    for (auto &peer : peers)
        peer.first = newOf[peer.first];
    std::sort(peers.begin(), peers.end());
    d.m_peers.assign(peers.begin(), peers.end());

    // indexOf(): span indexes ordered by (id hash, input position), so the first equal id is the first given.
    // Hashes are uniform: a counting sort on the top bits leaves buckets of one or two to finish.
    {
        const int shift = 64 - (capacityBits - 1);
        auto bucketOf = [&](int32_t i) {
            return static_cast<std::size_t>(shift >= 64 ? 0 : hash[i] >> shift);
        };
        const std::size_t buckets = capacity / 2;
        std::vector<int32_t> &bucketStart = table;
        bucketStart.assign(buckets + 1, 0);
        for (int32_t i = 0; i < n; ++i)
            ++bucketStart[bucketOf(i) + 1];
        for (std::size_t b = 1; b <= buckets; ++b)
            bucketStart[b] += bucketStart[b - 1];
        std::vector<int32_t> &order = children;
        for (int32_t i = 0; i < n; ++i)
            order[bucketStart[bucketOf(i)]++] = i;
        for (std::size_t b = 0, from = 0; b < buckets; from = static_cast<std::size_t>(bucketStart[b]), ++b) {
            const auto to = static_cast<std::size_t>(bucketStart[b]);
            if (to - from > 1) {
                std::sort(order.begin() + from, order.begin() + to, [&](int32_t a, int32_t c) {
                    return hash[a] < hash[c] || (hash[a] == hash[c] && a < c);
                });
            }
        }
        d.m_byId.resize(n);
        for (int32_t k = 0; k < n; ++k)
            d.m_byId[k] = newOf[order[k]];
    }

    d.m_serviceColour = colourSlots(d.m_services);

    d.m_names.shrink_to_fit();
    d.m_services.shrink_to_fit();
    d.m_models.shrink_to_fit();
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

const QString *TimelineData::peer(int32_t i) const
{
    const auto it = std::lower_bound(m_peers.begin(), m_peers.end(), std::pair<int32_t, uint32_t>(i, 0));
    return it != m_peers.end() && it->first == i ? &m_peerNames[it->second] : nullptr;
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
    const uint64_t h = hashId(id);
    auto it = std::lower_bound(m_byId.begin(), m_byId.end(), h,
                               [this](int32_t a, uint64_t key) { return hashId(spanId(a)) < key; });
    for (; it != m_byId.end() && hashId(spanId(*it)) == h; ++it) {
        if (spanId(*it) == id)
            return *it;
    }
    return -1;
}

std::vector<int32_t> TimelineData::criticalPathIndexes() const
{
    std::vector<int32_t> result;
    for (int32_t i = 0; i < count(); ++i) {
        if (isOnCriticalPath(i))
            result.push_back(i);
    }
    return result;
}

// Jaeger's walk, one span at a time: children are clipped to [s, e]; the child that finishes last is
// critical, then, going back from its start, the child that finishes last before that, and so on; the gaps
// between them are the span's own critical sections. Once a span is entered, only its children decide, so the
// sections of one span can be recomputed on demand.
void TimelineData::criticalSteps(int32_t i, int64_t s, int64_t e,
                                 std::vector<TimelineCriticalSection> *sections,
                                 std::vector<TimelineCriticalSection> *critical) const
{
    std::vector<std::pair<int64_t, int32_t>> kids; // (clipped end, child), latest end first
    for (int32_t c = i + 1; c < m_subtreeEnd[i]; c = m_subtreeEnd[c]) {
        if (m_start[c] <= e)
            kids.emplace_back(std::clamp(m_end[c], s, e), c);
    }
    std::stable_sort(kids.begin(), kids.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    int64_t sectionEnd = e;
    int64_t returnedAt = std::numeric_limits<int64_t>::max();
    std::size_t pos = 0;
    while (true) {
        while (pos < kids.size() && kids[pos].first >= returnedAt)
            ++pos;
        if (pos == kids.size()) {
            if (sections)
                sections->push_back({i, s, std::max(s, sectionEnd)});
            return;
        }
        const auto [childEnd, child] = kids[pos++];
        const int64_t childStart = std::clamp(m_start[child], s, e);
        if (sections && childEnd != sectionEnd)
            sections->push_back({i, childEnd, sectionEnd});
        if (critical)
            critical->push_back({child, childStart, childEnd});
        returnedAt = childStart;
        sectionEnd = childStart;
    }
}

void TimelineData::computeCriticalPath()
{
    int32_t root = -1;
    for (int32_t r = 0; r < count(); r = m_subtreeEnd[r]) {
        if (root == -1 || m_end[r] > m_end[root])
            root = r;
    }
    if (root == -1)
        return;
    std::vector<TimelineCriticalSection> todo{{root, m_start[root], m_end[root]}};
    while (!todo.empty()) {
        const TimelineCriticalSection span = todo.back();
        todo.pop_back();
        m_flags[span.index] |= CriticalFlag;
        criticalSteps(span.index, span.fromNs, span.toNs, nullptr, &todo);
    }
}

std::vector<TimelineCriticalSection> TimelineData::criticalSections(int32_t i) const
{
    std::vector<TimelineCriticalSection> sections;
    if (!isOnCriticalPath(i))
        return sections;
    // The interval the walk entered the span with: clipped by every ancestor.
    int64_t s = m_start[i];
    int64_t e = m_end[i];
    for (int32_t p = m_parent[i]; p != -1; p = m_parent[p]) {
        s = std::max(s, m_start[p]);
        e = std::min(e, m_end[p]);
    }
    e = std::max(s, e);
    criticalSteps(i, s, e, &sections, nullptr);
    return sections;
}

std::vector<TimelineRun> TimelineData::subtreeRuns(int32_t i, double t0, double nsPerPixel, int widthPx) const
{
    std::vector<TimelineRun> runs;
    if (widthPx <= 0 || nsPerPixel <= 0)
        return runs;
    const double t1 = t0 + widthPx * nsPerPixel;
    // Per column: how many marks start here, and the coverage delta.
    std::vector<int32_t> starts(widthPx + 1, 0), delta(widthPx + 1, 0);
    const int32_t last = m_subtreeEnd[i];
    for (int32_t j = i + 1; j < last; ++j) {
        const auto s = static_cast<double>(m_start[j]);
        const auto e = static_cast<double>(m_end[j]);
        if (e < t0 || s > t1)
            continue;
        const int c0 = timelineColumn(std::floor((s - t0) / nsPerPixel), 0, widthPx - 1);
        const int c1 = std::max(c0 + 1, timelineColumn(std::ceil((e - t0) / nsPerPixel), 0, widthPx));
        ++starts[c0];
        ++delta[c0];
        --delta[c1];
    }
    int32_t coverage = 0;
    for (int x = 0; x < widthPx; ++x) {
        const bool wasCovered = coverage > 0;
        coverage += delta[x];
        if (coverage > 0) {
            if (!wasCovered)
                runs.push_back({x, x + 1, 0});
            runs.back().x1 = x + 1;
            runs.back().count += starts[x];
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
           capacityBytes(m_llm) + capacityBytes(m_peers) + stringTableBytes(m_peerNames);
}

} // namespace tracedeck

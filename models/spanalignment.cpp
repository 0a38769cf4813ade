#include "spanalignment.h"

#include <QHash>

#include <dtl/dtl.hpp>

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace tracedeck {

namespace {

// dtl aligns at most this many siblings (both sides together) at once: its cost is O((m+n)·D).
constexpr std::size_t MaxLcsLength = 4000;

// Names and services of both traces as one set of ids, so keys compare across the two string tables.
class KeyTable {
public:
    uint32_t name(const QString &s) { return id(m_names, s); }
    uint32_t service(const QString &s) { return id(m_services, s); }

private:
    static uint32_t id(QHash<QString, uint32_t> &table, const QString &s)
    {
        auto it = table.constFind(s);
        if (it == table.constEnd())
            it = table.insert(s, static_cast<uint32_t>(table.size()));
        return it.value();
    }
    QHash<QString, uint32_t> m_names;
    QHash<QString, uint32_t> m_services;
};

struct Keys {
    std::vector<uint64_t> exact; // name << 32 | service
    std::vector<uint32_t> name;
    std::vector<uint8_t> category; // 0 none, 1 model call, 2 embedding
};

Keys keysOf(const TimelineData &d, KeyTable &table)
{
    Keys k;
    const int32_t n = d.count();
    k.exact.resize(n);
    k.name.resize(n);
    k.category.resize(n);
    // The data interns its strings: one table lookup per distinct string, not per span.
    std::unordered_map<const QString *, uint32_t> names;
    std::vector<int64_t> services(d.serviceCount(), -1);
    for (int32_t i = 0; i < n; ++i) {
        const QString &name = d.name(i);
        auto it = names.find(&name);
        if (it == names.end())
            it = names.emplace(&name, table.name(name)).first;
        int64_t &service = services[d.serviceIndex(i)];
        if (service < 0)
            service = table.service(d.service(i));
        k.name[i] = it->second;
        k.exact[i] = uint64_t(it->second) << 32 | uint64_t(service);
        const TimelineLlmInfo *llm = d.llmInfo(i);
        k.category[i] = llm ? (llm->embedding ? 2 : 1) : 0;
    }
    return k;
}

void childrenOf(const TimelineData &d, int32_t parent, std::vector<int32_t> *out)
{
    out->clear();
    if (parent < 0) {
        for (int32_t r = 0; r < d.count(); r = d.subtreeEnd(r))
            out->push_back(r);
        return;
    }
    for (int32_t c = parent + 1; c < d.subtreeEnd(parent); c = d.subtreeEnd(c))
        out->push_back(c);
}

class Aligner {
public:
    Aligner(const TimelineData &left, const TimelineData &right)
        : m_left(left)
        , m_right(right)
        , m_l2r(left.count(), -1)
        , m_r2l(right.count(), -1)
        , m_match(left.count(), 0)
    {
        KeyTable table;
        m_kl = keysOf(left, table);
        m_kr = keysOf(right, table);
    }

    void run()
    {
        alignChildren(-1, -1);
        drain();
        // Spans whose parents did not match (moved, or under a renamed parent): pair those unique by key.
        for (int pass = 0; pass < 4 && matchMoved(); ++pass)
            drain();
    }

    const TimelineData &m_left;
    const TimelineData &m_right;
    Keys m_kl;
    Keys m_kr;
    std::vector<int32_t> m_l2r;
    std::vector<int32_t> m_r2l;
    std::vector<uint8_t> m_match;

private:
    void link(int32_t l, int32_t r, SpanMatch match)
    {
        m_l2r[l] = r;
        m_r2l[r] = l;
        m_match[l] = static_cast<uint8_t>(match);
        if (m_left.hasChildren(l) && m_right.hasChildren(r))
            m_work.emplace_back(l, r);
    }

    void drain()
    {
        while (!m_work.empty()) {
            const auto [l, r] = m_work.back();
            m_work.pop_back();
            alignChildren(l, r);
        }
    }

    void alignChildren(int32_t lp, int32_t rp)
    {
        childrenOf(m_left, lp, &m_a);
        childrenOf(m_right, rp, &m_b);
        if (m_a.empty() || m_b.empty())
            return;
        alignSequence();
        // The leftovers between two aligned pairs belong to that stretch: pair them there first (a renamed
        // service, another model), so a span removed early cannot take the partner of one further on.
        std::vector<int32_t> gapA, gapB;
        std::size_t i = 0, j = 0;
        while (i < m_a.size() || j < m_b.size()) {
            gapA.clear();
            gapB.clear();
            for (; i < m_a.size() && m_l2r[m_a[i]] == -1; ++i)
                gapA.push_back(m_a[i]);
            for (; j < m_b.size() && m_r2l[m_b[j]] == -1; ++j)
                gapB.push_back(m_b[j]);
            matchLeftovers(gapA, gapB);
            ++i; // both sit on the two spans of a pair (pairs keep their order), or past the end
            ++j;
        }
        // Then across the whole list: reordered spans, and what the stretches left.
        compactUnmatched(m_a, m_b);
        matchLeftovers(m_a, m_b);
    }

    void matchLeftovers(std::vector<int32_t> &a, std::vector<int32_t> &b)
    {
        rankMatch(
            a, b, [this](int32_t l) { return m_kl.exact[l]; }, [this](int32_t r) { return m_kr.exact[r]; },
            SpanMatch::Same);
        rankMatch(
            a, b, [this](int32_t l) { return uint64_t(m_kl.name[l]); },
            [this](int32_t r) { return uint64_t(m_kr.name[r]); }, SpanMatch::Renamed);
        rankMatch(
            a, b, [this](int32_t l) { return uint64_t(m_kl.category[l]); },
            [this](int32_t r) { return uint64_t(m_kr.category[r]); }, SpanMatch::Category,
            /*skipZero=*/true);
    }

    // Common prefix and suffix directly, the middle by dtl's shortest edit script.
    void alignSequence()
    {
        std::size_t begin = 0;
        std::size_t endA = m_a.size();
        std::size_t endB = m_b.size();
        while (begin < endA && begin < endB && m_kl.exact[m_a[begin]] == m_kr.exact[m_b[begin]]) {
            link(m_a[begin], m_b[begin], SpanMatch::Same);
            ++begin;
        }
        while (endA > begin && endB > begin && m_kl.exact[m_a[endA - 1]] == m_kr.exact[m_b[endB - 1]]) {
            link(m_a[endA - 1], m_b[endB - 1], SpanMatch::Same);
            --endA;
            --endB;
        }
        if (endA == begin || endB == begin)
            return;
        // Long lists in overlapping windows: align a window of each, keep the pairs in its first half, and
        // start the next window after the last pair kept. Edits that are local (the usual case) come out as
        // a whole-list alignment would; the cost stays linear in the length.
        std::size_t i = begin;
        std::size_t j = begin;
        while (i < endA && j < endB) {
            const std::size_t wa = std::min(MaxLcsLength / 2, endA - i);
            const std::size_t wb = std::min(MaxLcsLength / 2, endB - j);
            const bool last = i + wa == endA && j + wb == endB;
            std::size_t keptA = i, keptB = j;
            bool kept = false;
            diffWindow(i, wa, j, wb, [&](std::size_t x, std::size_t y) {
                if (!last && (x >= i + wa / 2 || y >= j + wb / 2))
                    return false;
                link(m_a[x], m_b[y], SpanMatch::Same);
                keptA = x;
                keptB = y;
                kept = true;
                return true;
            });
            if (last)
                break;
            if (kept) {
                i = keptA + 1;
                j = keptB + 1;
            } else {
                i += std::max<std::size_t>(1, wa / 2);
                j += std::max<std::size_t>(1, wb / 2);
            }
        }
    }

    // dtl's shortest edit script of m_a[i, i + wa) against m_b[j, j + wb); `keep(x, y)` for each common pair
    // in order until it returns false.
    template <typename Keep>
    void diffWindow(std::size_t i, std::size_t wa, std::size_t j, std::size_t wb, Keep keep)
    {
        std::vector<uint64_t> a, b;
        a.reserve(wa);
        b.reserve(wb);
        for (std::size_t k = 0; k < wa; ++k)
            a.push_back(m_kl.exact[m_a[i + k]]);
        for (std::size_t k = 0; k < wb; ++k)
            b.push_back(m_kr.exact[m_b[j + k]]);
        dtl::Diff<uint64_t> diff(a, b);
        diff.compose();
        std::size_t x = i;
        std::size_t y = j;
        for (const auto &[key, info] : diff.getSes().getSequence()) {
            if (info.type == dtl::SES_COMMON) {
                if (!keep(x, y))
                    return;
                ++x;
                ++y;
            } else if (info.type == dtl::SES_DELETE) {
                ++x;
            } else {
                ++y;
            }
        }
    }

    void compactUnmatched(std::vector<int32_t> &a, std::vector<int32_t> &b)
    {
        std::erase_if(a, [this](int32_t l) { return m_l2r[l] != -1; });
        std::erase_if(b, [this](int32_t r) { return m_r2l[r] != -1; });
    }

    // Pairs the k-th unmatched left span of a key with the k-th unmatched right span of that key.
    template <typename LeftKey, typename RightKey>
    void rankMatch(std::vector<int32_t> &a, std::vector<int32_t> &b, LeftKey leftKey, RightKey rightKey,
                   SpanMatch match, bool skipZero = false)
    {
        if (a.empty() || b.empty())
            return;
        if (a.size() * b.size() <= 256) {
            for (int32_t l : a) {
                const uint64_t key = leftKey(l);
                if (skipZero && key == 0)
                    continue;
                for (int32_t r : b) {
                    if (m_r2l[r] == -1 && rightKey(r) == key) {
                        link(l, r, match);
                        break;
                    }
                }
            }
        } else {
            std::unordered_map<uint64_t, std::pair<std::size_t, std::vector<int32_t>>> byKey;
            for (int32_t r : b) {
                const uint64_t key = rightKey(r);
                if (!skipZero || key != 0)
                    byKey[key].second.push_back(r);
            }
            for (int32_t l : a) {
                const uint64_t key = leftKey(l);
                if (skipZero && key == 0)
                    continue;
                auto it = byKey.find(key);
                if (it == byKey.end() || it->second.first == it->second.second.size())
                    continue;
                link(l, it->second.second[it->second.first++], match);
            }
        }
        compactUnmatched(a, b);
    }

    bool matchMoved()
    {
        // key -> (count, span) among the unmatched of each side.
        std::unordered_map<uint64_t, std::pair<int32_t, int32_t>> left;
        for (int32_t l = 0; l < m_left.count(); ++l) {
            if (m_l2r[l] == -1) {
                auto &entry = left[m_kl.exact[l]];
                ++entry.first;
                entry.second = l;
            }
        }
        if (left.empty())
            return false;
        std::unordered_map<uint64_t, std::pair<int32_t, int32_t>> right;
        for (int32_t r = 0; r < m_right.count(); ++r) {
            if (m_r2l[r] == -1 && left.count(m_kr.exact[r])) {
                auto &entry = right[m_kr.exact[r]];
                ++entry.first;
                entry.second = r;
            }
        }
        bool any = false;
        for (const auto &[key, entry] : right) {
            const auto &l = left[key];
            if (entry.first == 1 && l.first == 1) {
                link(l.second, entry.second, SpanMatch::Moved);
                any = true;
            }
        }
        return any;
    }

    std::vector<std::pair<int32_t, int32_t>> m_work;
    std::vector<int32_t> m_a;
    std::vector<int32_t> m_b;
};

} // namespace

SpanAlignment SpanAlignment::align(const TimelineData &left, const TimelineData &right)
{
    Aligner aligner(left, right);
    aligner.run();
    SpanAlignment result;
    result.m_leftToRight = std::move(aligner.m_l2r);
    result.m_rightToLeft = std::move(aligner.m_r2l);
    result.m_leftMatch = std::move(aligner.m_match);
    for (int32_t l = 0; l < left.count(); ++l) {
        const int32_t r = result.m_leftToRight[l];
        if (r == -1)
            result.m_removed.push_back(l);
        else
            result.m_pairs.push_back({l, r, static_cast<SpanMatch>(result.m_leftMatch[l])});
    }
    for (int32_t r = 0; r < right.count(); ++r) {
        if (result.m_rightToLeft[r] == -1)
            result.m_added.push_back(r);
    }
    return result;
}

int32_t SpanAlignment::rightOf(int32_t left) const
{
    return left >= 0 && left < static_cast<int32_t>(m_leftToRight.size()) ? m_leftToRight[left] : -1;
}

int32_t SpanAlignment::leftOf(int32_t right) const
{
    return right >= 0 && right < static_cast<int32_t>(m_rightToLeft.size()) ? m_rightToLeft[right] : -1;
}

SpanMatch SpanAlignment::matchOfLeft(int32_t left) const
{
    return left >= 0 && left < static_cast<int32_t>(m_leftMatch.size())
               ? static_cast<SpanMatch>(m_leftMatch[left])
               : SpanMatch::Same;
}

} // namespace tracedeck

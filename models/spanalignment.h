#pragma once

#include "timelinedata.h"

#include <cstdint>
#include <vector>

namespace tracedeck {

// How a pair of spans was matched, from the strictest rule to the loosest.
enum class SpanMatch : uint8_t {
    Same,     // same service and name, at the same place among matched parents' children
    Renamed,  // same name, the service differs (a service was renamed)
    Category, // different names, both model calls (an LLM call on another model or provider)
    Moved,    // same service and name, unique on both sides, under parents that were not matched
};

struct SpanPair {
    int32_t left = -1;
    int32_t right = -1;
    SpanMatch match = SpanMatch::Same;
};

// The spans of two traces matched by tree alignment: roots first, then the children of every matched pair,
// sibling lists aligned by a longest common subsequence (dtl) of their (service, name) keys in start
// order, so inserted, removed and reordered spans do not shift the others. Leftovers of a sibling list then
// match by name alone, then by category; finally spans unique by key on both sides match wherever they sit.
// Cost: linear in the spans plus the edit distance of each sibling list; long lists are aligned in
// overlapping windows of a few thousand siblings, so edits far apart in a huge list stay cheap.
class SpanAlignment {
public:
    static SpanAlignment align(const TimelineData &left, const TimelineData &right);

    // In left index order.
    const std::vector<SpanPair> &pairs() const { return m_pairs; }
    // Left spans with no match (removed in the right run) and right spans with none (added), in index order.
    const std::vector<int32_t> &removed() const { return m_removed; }
    const std::vector<int32_t> &added() const { return m_added; }

    int32_t rightOf(int32_t left) const;
    int32_t leftOf(int32_t right) const;
    // The match of a left span, meaningful only when rightOf(left) != -1.
    SpanMatch matchOfLeft(int32_t left) const;

private:
    std::vector<SpanPair> m_pairs;
    std::vector<int32_t> m_removed;
    std::vector<int32_t> m_added;
    std::vector<int32_t> m_leftToRight;
    std::vector<int32_t> m_rightToLeft;
    std::vector<uint8_t> m_leftMatch;
};

} // namespace tracedeck

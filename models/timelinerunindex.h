#pragma once

#include "timelinedata.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tracedeck {

// The descendants of one span sorted by start (with the running maximum of their ends) and by end, so their
// merged pixel runs for any window cost O(width * log n) instead of a scan: what a collapsed row of a huge
// subtree draws on every frame. Gives exactly TimelineData::subtreeRuns().
class TimelineRunIndex {
public:
    TimelineRunIndex() = default;
    TimelineRunIndex(const TimelineData &data, int32_t index);

    std::vector<TimelineRun> runs(double t0, double nsPerPixel, int widthPx) const;
    std::size_t memoryBytes() const;

private:
    std::vector<int64_t> m_starts;     // ascending
    std::vector<int64_t> m_maxEnd;     // m_maxEnd[k]: latest end among m_starts[0..k]
    std::vector<int64_t> m_sortedEnds; // ascending
};

} // namespace tracedeck

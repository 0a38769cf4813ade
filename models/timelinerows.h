#pragma once

#include "timelinedata.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace tracedeck {

// Which rows of a TimelineData are shown: the data is shared and immutable, collapsing is per view. Visible
// rows are the span indexes not inside a collapsed subtree, in index (tree) order.
class TimelineRows {
public:
    TimelineRows() = default;
    explicit TimelineRows(std::shared_ptr<const TimelineData> data);

    void setData(std::shared_ptr<const TimelineData> data);
    const std::shared_ptr<const TimelineData> &data() const { return m_data; }

    int rowCount() const { return static_cast<int>(m_visible.size()); }
    int32_t indexAt(int row) const { return m_visible[row]; }
    // The row showing `index`, or -1 when it is hidden in a collapsed subtree. Binary search.
    int rowOf(int32_t index) const;
    // `index` itself if shown, else the collapsed ancestor that hides it.
    int32_t shownAncestor(int32_t index) const;

    bool isCollapsed(int32_t index) const { return (m_collapsed[index >> 6] >> (index & 63)) & 1u; }
    void setCollapsed(int32_t index, bool collapsed);
    void expandAll();
    // Collapses every span at `depth` that has children (depth 0: the roots).
    void collapseAtDepth(int depth);
    // Bumped on every change of the visible rows, for caches.
    uint64_t generation() const { return m_generation; }

    // Spans in rows [firstRow, lastRow) that overlap [t0, t1] (a zero-length span at t0 or t1 counts), in row
    // order. Costs the rows asked for, never the whole trace.
    std::vector<int32_t> spansInWindow(int64_t t0, int64_t t1, int firstRow, int lastRow) const;

    std::size_t memoryBytes() const;

private:
    void rebuild();

    std::shared_ptr<const TimelineData> m_data;
    std::vector<uint64_t> m_collapsed; // one bit per span
    std::vector<int32_t> m_visible;
    uint64_t m_generation = 0;
};

} // namespace tracedeck

#include "timelinerows.h"

#include <algorithm>

namespace tracedeck {

TimelineRows::TimelineRows(std::shared_ptr<const TimelineData> data)
{
    setData(std::move(data));
}

void TimelineRows::setData(std::shared_ptr<const TimelineData> data)
{
    m_data = std::move(data);
    const std::size_t n = m_data ? static_cast<std::size_t>(m_data->count()) : 0;
    m_collapsed.assign((n + 63) / 64, 0);
    m_collapsed.shrink_to_fit();
    m_visible = {};
    m_visible.reserve(n);
    rebuild();
}

int TimelineRows::rowOf(int32_t index) const
{
    auto it = std::lower_bound(m_visible.begin(), m_visible.end(), index);
    return it != m_visible.end() && *it == index ? static_cast<int>(it - m_visible.begin()) : -1;
}

int32_t TimelineRows::shownAncestor(int32_t index) const
{
    int32_t shown = index;
    for (int32_t p = m_data->parent(index); p != -1; p = m_data->parent(p)) {
        if (isCollapsed(p))
            shown = p;
    }
    return shown;
}

void TimelineRows::setCollapsed(int32_t index, bool collapsed)
{
    if (!m_data || index < 0 || index >= m_data->count() || isCollapsed(index) == collapsed)
        return;
    if (collapsed)
        m_collapsed[index >> 6] |= uint64_t(1) << (index & 63);
    else
        m_collapsed[index >> 6] &= ~(uint64_t(1) << (index & 63));
    rebuild();
}

void TimelineRows::expandAll()
{
    std::fill(m_collapsed.begin(), m_collapsed.end(), 0);
    rebuild();
}

void TimelineRows::collapseAtDepth(int depth)
{
    if (!m_data)
        return;
    for (int32_t i = 0; i < m_data->count(); ++i) {
        if (m_data->depth(i) == depth && m_data->hasChildren(i))
            m_collapsed[i >> 6] |= uint64_t(1) << (i & 63);
    }
    rebuild();
}

void TimelineRows::rebuild()
{
    m_visible.clear();
    ++m_generation;
    if (!m_data)
        return;
    const int32_t n = m_data->count();
    for (int32_t i = 0; i < n;) {
        m_visible.push_back(i);
        i = isCollapsed(i) ? m_data->subtreeEnd(i) : i + 1;
    }
}

std::vector<int32_t> TimelineRows::spansInWindow(int64_t t0, int64_t t1, int firstRow, int lastRow) const
{
    std::vector<int32_t> result;
    firstRow = std::max(firstRow, 0);
    lastRow = std::min(lastRow, rowCount());
    for (int row = firstRow; row < lastRow; ++row) {
        const int32_t i = m_visible[row];
        if (m_data->startNs(i) <= t1 && m_data->endNs(i) >= t0)
            result.push_back(i);
    }
    return result;
}

std::size_t TimelineRows::memoryBytes() const
{
    return sizeof(*this) + m_collapsed.capacity() * sizeof(uint64_t) + m_visible.capacity() * sizeof(int32_t);
}

} // namespace tracedeck

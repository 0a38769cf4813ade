#include "timelinerunindex.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tracedeck {

TimelineRunIndex::TimelineRunIndex(const TimelineData &data, int32_t index)
{
    std::vector<std::pair<int64_t, int64_t>> spans;
    spans.reserve(static_cast<std::size_t>(data.subtreeEnd(index) - index - 1));
    for (int32_t j = index + 1; j < data.subtreeEnd(index); ++j)
        spans.emplace_back(data.startNs(j), data.endNs(j));
    std::sort(spans.begin(), spans.end());
    m_starts.reserve(spans.size());
    m_maxEnd.reserve(spans.size());
    m_sortedEnds.reserve(spans.size());
    int64_t maxEnd = std::numeric_limits<int64_t>::min();
    for (const auto &[s, e] : spans) {
        maxEnd = std::max(maxEnd, e);
        m_starts.push_back(s);
        m_maxEnd.push_back(maxEnd);
        m_sortedEnds.push_back(e);
    }
    std::sort(m_sortedEnds.begin(), m_sortedEnds.end());
}

std::vector<TimelineRun> TimelineRunIndex::runs(double t0, double nsPerPixel, int widthPx) const
{
    std::vector<TimelineRun> runs;
    if (widthPx <= 0 || nsPerPixel <= 0 || m_starts.empty())
        return runs;
    const double t1 = t0 + widthPx * nsPerPixel;
    // The first column of a span's mark; monotone in the start, so it can be binary searched. Spans starting
    // after the window get widthPx (never drawn).
    auto key = [&](int64_t s) {
        const auto sd = static_cast<double>(s);
        return sd > t1 ? widthPx : timelineColumn(std::floor((sd - t0) / nsPerPixel), 0, widthPx - 1);
    };
    auto columnEnd = [&](int64_t e) {
        return timelineColumn(std::ceil((static_cast<double>(e) - t0) / nsPerPixel), 0, widthPx);
    };
    const auto begin = m_starts.begin();
    const auto drawnEnd =
        std::partition_point(begin, m_starts.end(), [&](int64_t s) { return static_cast<double>(s) <= t1; });
    auto keysBelow = [&](int x) {
        return static_cast<int32_t>(
            std::partition_point(begin, drawnEnd, [&](int64_t s) { return key(s) < x; }) - begin);
    };
    // Spans that ended before the window share column 0's key but are not drawn.
    const auto hiddenBefore =
        static_cast<int32_t>(std::partition_point(m_sortedEnds.begin(), m_sortedEnds.end(),
                                                  [&](int64_t e) { return static_cast<double>(e) < t0; }) -
                             m_sortedEnds.begin());
    auto finish = [&](int x0, int x1) {
        const int32_t count = keysBelow(x1) - keysBelow(x0) - (x0 == 0 ? hiddenBefore : 0);
        runs.push_back({x0, x1, count});
    };
    // Grows the run [x0, xe) over every span whose mark starts inside it or touches it.
    auto extend = [&](auto k, int xe) {
        while (true) {
            const auto next = std::partition_point(k, drawnEnd, [&](int64_t s) { return key(s) <= xe; });
            if (next == k)
                return std::pair{k, xe};
            const std::size_t last = static_cast<std::size_t>(next - begin) - 1;
            xe = std::max({xe, key(m_starts[last]) + 1, columnEnd(m_maxEnd[last])});
            k = next;
        }
    };

    auto k = begin;
    const auto beforeWindow =
        std::partition_point(begin, drawnEnd, [&](int64_t s) { return static_cast<double>(s) < t0; });
    if (beforeWindow != begin) {
        const std::size_t last = static_cast<std::size_t>(beforeWindow - begin) - 1;
        if (static_cast<double>(m_maxEnd[last]) >= t0) {
            const auto [next, xe] = extend(beforeWindow, std::max(1, columnEnd(m_maxEnd[last])));
            finish(0, xe);
            k = next;
        } else {
            k = beforeWindow;
        }
    }
    while (k != drawnEnd) {
        const std::size_t at = static_cast<std::size_t>(k - begin);
        const int x0 = key(m_starts[at]);
        const auto [next, xe] = extend(k + 1, std::max(x0 + 1, columnEnd(m_maxEnd[at])));
        finish(x0, xe);
        k = next;
    }
    return runs;
}

std::size_t TimelineRunIndex::memoryBytes() const
{
    return sizeof(*this) +
           (m_starts.capacity() + m_maxEnd.capacity() + m_sortedEnds.capacity()) * sizeof(int64_t);
}

} // namespace tracedeck

#pragma once

#include "timelinespan.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace tracedeck {

// What an LLM span adds; kept only for LLM spans so the others pay nothing.
struct TimelineLlmInfo {
    int32_t index = -1;
    uint32_t model = 0; // into TimelineData::modelName()
    bool embedding = false;
    int64_t inputTokens = -1; // -1: not known
    int64_t outputTokens = -1;
    double costUsd = -1.0; // < 0: not known
};

// A stretch of one span that lies on the critical path.
struct TimelineCriticalSection {
    int32_t index = -1;
    int64_t fromNs = 0;
    int64_t toNs = 0;
};

// Pixel columns [x0, x1) covered by `count` spans drawn as one mark.
struct TimelineRun {
    int x0 = 0;
    int x1 = 0;
    int32_t count = 0;
    bool operator==(const TimelineRun &) const = default;
};

// A pixel column from a position in columns, clamped in floating point first (far zoom overflows an int).
inline int timelineColumn(double column, int lo, int hi)
{
    return column < lo ? lo : column > hi ? hi : static_cast<int>(column);
}

// One trace laid out for the timeline, immutable once built. Span indexes are rows in depth-first tree order
// (each span one row under its parent, siblings and roots by start time), so a subtree is the contiguous
// range [index, subtreeEnd(index)). Everything lives in flat arrays; strings are interned.
class TimelineData {
public:
    enum Flag : uint8_t { ErrorFlag = 1, LlmFlag = 2, CriticalFlag = 4 };
    static constexpr int PaletteSize = 12;
    // The palette slot of each service: the same names get the same colours in every view.
    static std::vector<uint8_t> colourSlots(const std::vector<QString> &services);

    static TimelineData build(const TimelineSpans &spans);

    int32_t count() const { return static_cast<int32_t>(m_start.size()); }
    bool isEmpty() const { return m_start.empty(); }
    int64_t traceStartNs() const { return m_traceStart; }
    int64_t traceEndNs() const { return m_traceEnd; }

    int64_t startNs(int32_t i) const { return m_start[i]; }
    int64_t endNs(int32_t i) const { return m_end[i]; }
    int64_t durationNs(int32_t i) const { return m_end[i] - m_start[i]; }
    // Duration minus the union of the children's intervals clipped to the span.
    int64_t selfTimeNs(int32_t i) const;

    int32_t parent(int32_t i) const { return m_parent[i]; }
    int32_t subtreeEnd(int32_t i) const { return m_subtreeEnd[i]; }
    bool hasChildren(int32_t i) const { return m_subtreeEnd[i] > i + 1; }
    int32_t firstChild(int32_t i) const { return hasChildren(i) ? i + 1 : -1; }
    int32_t nextSibling(int32_t i) const;
    int depth(int32_t i) const { return m_depth[i]; } // saturates at 255
    int maxDepth() const { return m_maxDepth; }

    const QString &name(int32_t i) const { return m_names[m_nameOf[i]]; }
    int serviceIndex(int32_t i) const { return m_serviceOf[i]; }
    const QString &service(int32_t i) const { return m_services[m_serviceOf[i]]; }
    int serviceCount() const { return static_cast<int>(m_services.size()); }
    const QString &serviceName(int service) const { return m_services[service]; }
    // Stable for a service name: derived from a hash of the name, probing only on a clash within the trace.
    int colourIndex(int service) const { return m_serviceColour[service]; }

    bool isError(int32_t i) const { return m_flags[i] & ErrorFlag; }
    bool isLlm(int32_t i) const { return m_flags[i] & LlmFlag; }
    const TimelineLlmInfo *llmInfo(int32_t i) const;
    const QString &modelName(uint32_t model) const { return m_models[model]; }
    // The peer this span calls (TimelineSpan::peer); null when it names none.
    const QString *peer(int32_t i) const;

    std::string_view spanId(int32_t i) const;
    QString spanIdString(int32_t i) const;
    // The span children attach to when an id occurs twice (the first one given); -1 if absent.
    int32_t indexOf(std::string_view spanId) const;

    bool isOnCriticalPath(int32_t i) const { return m_flags[i] & CriticalFlag; }
    std::vector<int32_t> criticalPathIndexes() const;
    // The stretches of a critical span that are critical themselves (not covered by a critical child), latest
    // first; computed on demand from its children.
    std::vector<TimelineCriticalSection> criticalSections(int32_t i) const;

    // Descendants of `i` (not `i` itself) merged into pixel runs for a view whose column 0 starts at t0: a
    // span covers columns [floor(x(start)), max(that + 1, ceil(x(end)))), and touching or overlapping marks
    // merge. Scans the subtree; TimelineRunIndex answers the same in O(width log n).
    std::vector<TimelineRun> subtreeRuns(int32_t i, double t0, double nsPerPixel, int widthPx) const;

    // Sum of the capacity of every array and table held.
    std::size_t memoryBytes() const;

private:
    void computeCriticalPath();
    void criticalSteps(int32_t i, int64_t s, int64_t e, std::vector<TimelineCriticalSection> *sections,
                       std::vector<TimelineCriticalSection> *critical) const;

    std::vector<int64_t> m_start;
    std::vector<int64_t> m_end;
    std::vector<int32_t> m_parent;
    std::vector<int32_t> m_subtreeEnd;
    std::vector<uint32_t> m_nameOf;
    std::vector<uint16_t> m_serviceOf;
    std::vector<uint8_t> m_depth;
    std::vector<uint8_t> m_flags;

    std::vector<char> m_idChars;
    std::vector<uint32_t> m_idOffsets; // empty when every id has the length m_idStride
    uint32_t m_idStride = 0;
    std::vector<int32_t> m_byId; // span indexes sorted by (hash of id, input position)

    std::vector<QString> m_names;
    std::vector<QString> m_services;
    std::vector<uint8_t> m_serviceColour;
    std::vector<QString> m_models;
    std::vector<TimelineLlmInfo> m_llm;                // sorted by index
    std::vector<std::pair<int32_t, uint32_t>> m_peers; // span index → m_peerNames, sorted by index
    std::vector<QString> m_peerNames;

    int64_t m_traceStart = 0;
    int64_t m_traceEnd = 0;
    int m_maxDepth = 0;
};

} // namespace tracedeck

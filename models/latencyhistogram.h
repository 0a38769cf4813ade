#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace tracedeck {

// Span durations in log-linear buckets (as HdrHistogram): values below 32 ns have a bucket each; above,
// every power of two is split into 32 equal buckets. A percentile answers with its bucket's midpoint,
// within kRelativeError of the true value. Stored compactly as a BLOB of (index gap, count) varint pairs;
// counts may be negative in a delta (a span moved or purged), and merging drops buckets that reach zero.
class LatencyHistogram {
public:
    static constexpr int kSubBits = 5;                 // 32 buckets per power of two
    static constexpr double kRelativeError = 1.0 / 64; // half a bucket of width 1/32 of its lower bound

    static int bucketOf(int64_t durationNs);
    static int64_t lowerBound(int bucket);
    static int64_t midpoint(int bucket);

    void add(int64_t durationNs, int64_t count = 1);
    void merge(const LatencyHistogram &other);
    bool empty() const { return m_counts.empty(); }
    int64_t total() const;
    // The value at rank round(q * (n - 1)) in sorted order, as StoreReader's exact percentiles pick it.
    int64_t percentile(double q) const;

    std::string encode() const;
    // Adds an encoded histogram; false (and nothing added) when the bytes are not one.
    bool mergeEncoded(const void *data, size_t size);

private:
    std::map<int, int64_t> m_counts; // bucket -> count, no zero entries
};

} // namespace tracedeck

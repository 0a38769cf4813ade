#include "latencyhistogram.h"

#include <algorithm>
#include <bit>
#include <vector>

namespace tracedeck {

namespace {

constexpr int64_t kLinear = int64_t(1) << LatencyHistogram::kSubBits;

void putVarint(std::string &out, uint64_t value)
{
    while (value >= 0x80) {
        out += char(uint8_t(value) | 0x80);
        value >>= 7;
    }
    out += char(uint8_t(value));
}

bool getVarint(const uint8_t *&p, const uint8_t *end, uint64_t *value)
{
    uint64_t result = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const uint8_t byte = *p++;
        result |= uint64_t(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *value = result;
            return true;
        }
    }
    return false;
}

} // namespace

int LatencyHistogram::bucketOf(int64_t durationNs)
{
    const uint64_t v = uint64_t(std::max<int64_t>(durationNs, 0));
    if (v < uint64_t(kLinear))
        return int(v);
    const int power = std::bit_width(v) - 1; // >= kSubBits
    const int sub = int((v >> (power - kSubBits)) - uint64_t(kLinear));
    return int(kLinear) + (power - kSubBits) * int(kLinear) + sub;
}

int64_t LatencyHistogram::lowerBound(int bucket)
{
    if (bucket < kLinear)
        return bucket;
    const int power = (bucket - int(kLinear)) / int(kLinear) + kSubBits;
    const int sub = (bucket - int(kLinear)) % int(kLinear);
    return int64_t(uint64_t(kLinear + sub) << (power - kSubBits));
}

int64_t LatencyHistogram::midpoint(int bucket)
{
    if (bucket < kLinear)
        return bucket;
    const int power = (bucket - int(kLinear)) / int(kLinear) + kSubBits;
    const int64_t width = int64_t(1) << (power - kSubBits);
    return lowerBound(bucket) + width / 2;
}

void LatencyHistogram::add(int64_t durationNs, int64_t count)
{
    const int bucket = bucketOf(durationNs);
    if ((m_counts[bucket] += count) == 0)
        m_counts.erase(bucket);
}

void LatencyHistogram::merge(const LatencyHistogram &other)
{
    for (const auto &[bucket, count] : other.m_counts)
        if ((m_counts[bucket] += count) == 0)
            m_counts.erase(bucket);
}

int64_t LatencyHistogram::total() const
{
    int64_t n = 0;
    for (const auto &entry : m_counts)
        n += entry.second;
    return n;
}

int64_t LatencyHistogram::percentile(double q) const
{
    const int64_t n = total();
    if (n <= 0)
        return 0;
    const int64_t rank = std::min(n - 1, int64_t(q * double(n - 1) + 0.5));
    int64_t seen = 0;
    for (const auto &[bucket, count] : m_counts) {
        seen += std::max<int64_t>(count, 0);
        if (seen > rank)
            return midpoint(bucket);
    }
    return midpoint(m_counts.rbegin()->first);
}

std::string LatencyHistogram::encode() const
{
    std::string out;
    int previous = 0;
    for (const auto &[bucket, count] : m_counts) {
        putVarint(out, uint64_t(bucket - previous));
        putVarint(out, (uint64_t(count) << 1) ^ uint64_t(count >> 63)); // zigzag: deltas can be negative
        previous = bucket;
    }
    return out;
}

bool LatencyHistogram::mergeEncoded(const void *data, size_t size)
{
    const auto *p = static_cast<const uint8_t *>(data);
    const uint8_t *end = p + size;
    std::vector<std::pair<int, int64_t>> entries;
    uint64_t bucket = 0;
    while (p < end) {
        uint64_t gap = 0, zigzag = 0;
        if (!getVarint(p, end, &gap) || !getVarint(p, end, &zigzag))
            return false;
        bucket += gap;
        if (bucket > uint64_t(bucketOf(INT64_MAX)))
            return false;
        entries.emplace_back(int(bucket), int64_t(zigzag >> 1) ^ -int64_t(zigzag & 1));
    }
    for (const auto &[b, count] : entries)
        if ((m_counts[b] += count) == 0)
            m_counts.erase(b);
    return true;
}

} // namespace tracedeck

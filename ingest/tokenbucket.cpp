#include "tokenbucket.h"

#include <algorithm>

namespace tracedeck {

TokenBucket::TokenBucket(double rate, double capacity, double now)
    : m_rate(rate)
    , m_capacity(capacity)
    , m_tokens(capacity)
    , m_updated(now)
{}

void TokenBucket::refill(double now)
{
    if (now > m_updated) {
        m_tokens = std::min(m_capacity, m_tokens + (now - m_updated) * m_rate);
        m_updated = now;
    }
}

double TokenBucket::tokens(double now)
{
    refill(now);
    return m_tokens;
}

double TokenBucket::waitFor(double n, double now)
{
    refill(now);
    const double needed = std::min(n, m_capacity);
    if (m_tokens >= needed)
        return 0;
    return (needed - m_tokens) / m_rate;
}

void TokenBucket::take(double n, double now)
{
    refill(now);
    m_tokens -= n;
}

void TokenBucket::reconfigure(double rate, double capacity, double now)
{
    refill(now);
    m_rate = rate;
    m_capacity = capacity;
    m_tokens = std::min(m_tokens, capacity);
}

} // namespace tracedeck

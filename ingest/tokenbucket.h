#pragma once

namespace tracedeck {

// A token bucket: `rate` tokens a second, holding at most `capacity` (the burst). Time is seconds on a
// steady clock, passed in so tests and callers choose it. A take larger than the capacity can never be
// covered; it is let through when the bucket is full and leaves it in debt, so big batches still pass at
// the configured average rate instead of being refused forever.
class TokenBucket {
public:
    TokenBucket() = default;
    TokenBucket(double rate, double capacity, double now);

    // Seconds until `n` tokens can be taken (0: now).
    double waitFor(double n, double now);
    void take(double n, double now);
    // Changes rate and capacity, keeping the tokens held (capped at the new capacity).
    void reconfigure(double rate, double capacity, double now);

    double rate() const { return m_rate; }
    double capacity() const { return m_capacity; }
    double tokens(double now);

private:
    void refill(double now);

    double m_rate = 1;
    double m_capacity = 1;
    double m_tokens = 1;
    double m_updated = 0;
};

} // namespace tracedeck

#include "keylimiter.h"

#include <algorithm>
#include <cmath>

namespace tracedeck {

namespace {

constexpr int64_t kDayMs = 86'400'000;

int wholeSeconds(double seconds)
{
    return int(std::clamp(std::ceil(seconds), 1.0, 86'400.0));
}

std::string number(double value)
{
    std::string text = std::to_string(value);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}

// One second's worth, and at least one token so a rate below 1/s still lets single requests through.
double burstOf(double rate)
{
    return std::max(1.0, rate);
}

} // namespace

KeyLimiter::KeyLimiter(UsageLoader loader)
    : m_loader(std::move(loader))
{}

int64_t KeyLimiter::utcDay(int64_t utcMs)
{
    return utcMs >= 0 ? utcMs / kDayMs : (utcMs - kDayMs + 1) / kDayMs;
}

KeyLimiter::State &KeyLimiter::state(const ApiKeyInfo &key, double now)
{
    State &s = m_states[key.id];
    // Limits change when the key table is reloaded; the buckets follow without refilling.
    const auto follow = [now](TokenBucket &bucket, std::optional<double> &current,
                              const std::optional<double> &wanted) {
        if (current == wanted)
            return;
        if (wanted) {
            if (current)
                bucket.reconfigure(*wanted, burstOf(*wanted), now);
            else
                bucket = TokenBucket(*wanted, burstOf(*wanted), now);
        }
        current = wanted;
    };
    follow(s.requests, s.requestRate, key.limits.requestsPerSecond);
    follow(s.spans, s.spanRate, key.limits.spansPerSecond);
    return s;
}

LimitDecision KeyLimiter::admitRequest(const ApiKeyInfo &key, double now)
{
    State &s = state(key, now);
    if (!s.requestRate)
        return {};
    const double wait = s.requests.waitFor(1, now);
    if (wait > 0)
        return {false, wholeSeconds(wait), "requests_per_second",
                "API key " + key.prefix + " is limited to " + number(*s.requestRate) +
                    " requests per second"};
    s.requests.take(1, now);
    return {};
}

LimitDecision KeyLimiter::admitSpans(const ApiKeyInfo &key, int64_t spans, double now, int64_t utcMs,
                                     int64_t *day)
{
    State &s = state(key, now);
    *day = utcDay(utcMs);
    if (key.limits.spansPerDay) {
        if (s.day != *day) {
            s.day = *day;
            s.usedToday = m_loader ? m_loader(key.id, *day) : 0;
            const auto unsaved = m_unsaved.find({key.id, *day});
            if (unsaved != m_unsaved.end())
                s.usedToday += unsaved->second;
        }
        if (s.usedToday + spans > *key.limits.spansPerDay) {
            const double toMidnight = double((*day + 1) * kDayMs - utcMs) / 1000.0;
            const int64_t left = std::max<int64_t>(0, *key.limits.spansPerDay - s.usedToday);
            return {false, wholeSeconds(toMidnight), "spans_per_day",
                    "API key " + key.prefix + " has a quota of " + std::to_string(*key.limits.spansPerDay) +
                        " spans per UTC day; " + std::to_string(left) + " left today, this request has " +
                        std::to_string(spans)};
        }
    }
    if (s.spanRate) {
        const double wait = s.spans.waitFor(double(spans), now);
        if (wait > 0)
            return {false, wholeSeconds(wait), "spans_per_second",
                    "API key " + key.prefix + " is limited to " + number(*s.spanRate) +
                        " spans per second; this request has " + std::to_string(spans)};
        s.spans.take(double(spans), now);
    }
    if (key.limits.spansPerDay)
        s.usedToday += spans;
    m_unsaved[{key.id, *day}] += spans;
    return {};
}

void KeyLimiter::refund(int64_t keyId, int64_t day, int64_t spans)
{
    auto it = m_states.find(keyId);
    if (it != m_states.end() && it->second.day == day)
        it->second.usedToday -= spans;
    m_unsaved[{keyId, day}] -= spans;
}

std::vector<KeyLimiter::Unsaved> KeyLimiter::takeUnsaved()
{
    std::vector<Unsaved> list;
    for (const auto &[key, spans] : m_unsaved)
        if (spans != 0)
            list.push_back({key.first, key.second, spans});
    m_unsaved.clear();
    return list;
}

void KeyLimiter::restoreUnsaved(const std::vector<Unsaved> &unsaved)
{
    for (const Unsaved &u : unsaved)
        m_unsaved[{u.keyId, u.day}] += u.spans;
}

} // namespace tracedeck

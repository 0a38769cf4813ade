#pragma once

#include "keystore.h"
#include "tokenbucket.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

namespace tracedeck {

struct LimitDecision {
    bool allowed = true;
    int retryAfterSeconds = 0; // whole seconds, at least 1 when refused
    std::string limit;         // requests_per_second, spans_per_second or spans_per_day
    std::string detail;
};

// The per-key limits of the listener: a requests/s and a spans/s token bucket (burst: one second's worth,
// at least 1) and a spans/day quota per UTC day. The quota's running count starts from what was persisted
// (the loader) and what is taken since is handed out by takeUnsaved() to be persisted. Listener thread only.
class KeyLimiter {
public:
    using UsageLoader = std::function<int64_t(int64_t keyId, int64_t day)>;
    struct Unsaved {
        int64_t keyId;
        int64_t day;
        int64_t spans;
    };

    explicit KeyLimiter(UsageLoader loader);

    static int64_t utcDay(int64_t utcMs);

    // One request of this key at steady time `now` (seconds).
    LimitDecision admitRequest(const ApiKeyInfo &key, double now);
    // A decoded body of `spans` spans: checked against the spans/s bucket and the day's quota, and taken
    // from both only when both allow it. *day is the UTC day it was counted on (for refund()).
    LimitDecision admitSpans(const ApiKeyInfo &key, int64_t spans, double now, int64_t utcMs, int64_t *day);
    // Gives back spans of an admitted body that was not stored after all.
    void refund(int64_t keyId, int64_t day, int64_t spans);

    std::vector<Unsaved> takeUnsaved();
    void restoreUnsaved(const std::vector<Unsaved> &unsaved); // after a failed save

private:
    struct State {
        TokenBucket requests;
        TokenBucket spans;
        std::optional<double> requestRate;
        std::optional<double> spanRate;
        int64_t day = -1;
        int64_t usedToday = 0;
    };
    State &state(const ApiKeyInfo &key, double now);

    UsageLoader m_loader;
    std::unordered_map<int64_t, State> m_states;
    std::map<std::pair<int64_t, int64_t>, int64_t> m_unsaved;
};

} // namespace tracedeck

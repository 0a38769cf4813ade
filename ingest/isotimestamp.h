#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tracedeck {

// ISO 8601 / RFC 3339 date-times as the seed APIs send them: "2024-05-01T12:00:00.123Z",
// "2024-05-01T14:00:00.123456+02:00", "2024-05-01 12:00:00". A time without an offset is taken as UTC
// (a server has no meaningful local zone for its clients). Fractions keep up to nanosecond precision.
class IsoTimestamp {
public:
    // Nanoseconds since the Unix epoch, or nullopt when text is not such a date-time.
    static std::optional<int64_t> toNanos(std::string_view text);
};

} // namespace tracedeck

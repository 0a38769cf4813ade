#include "isotimestamp.h"

#include <QDate>

#include <charconv>
#include <limits>

namespace tracedeck {

namespace {

constexpr int64_t kNanosPerSecond = 1'000'000'000;

// Reads exactly `digits` decimal digits at text[pos], advancing pos.
bool readDigits(std::string_view text, size_t &pos, size_t digits, int &out)
{
    if (pos + digits > text.size())
        return false;
    for (size_t i = pos; i < pos + digits; ++i)
        if (text[i] < '0' || text[i] > '9')
            return false;
    std::from_chars(text.data() + pos, text.data() + pos + digits, out);
    pos += digits;
    return true;
}

bool expect(std::string_view text, size_t &pos, char c)
{
    if (pos >= text.size() || text[pos] != c)
        return false;
    ++pos;
    return true;
}

} // namespace

std::optional<int64_t> IsoTimestamp::toNanos(std::string_view text)
{
    size_t pos = 0;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!readDigits(text, pos, 4, year) || !expect(text, pos, '-') || !readDigits(text, pos, 2, month) ||
        !expect(text, pos, '-') || !readDigits(text, pos, 2, day))
        return std::nullopt;
    if (pos >= text.size() || (text[pos] != 'T' && text[pos] != 't' && text[pos] != ' '))
        return std::nullopt;
    ++pos;
    if (!readDigits(text, pos, 2, hour) || !expect(text, pos, ':') || !readDigits(text, pos, 2, minute) ||
        !expect(text, pos, ':') || !readDigits(text, pos, 2, second))
        return std::nullopt;
    // A leap second (":60") has no Unix time of its own; it is refused rather than folded.
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    const QDate date(year, month, day);
    if (!date.isValid())
        return std::nullopt;

    int64_t fraction = 0;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        const size_t first = pos;
        int64_t scale = kNanosPerSecond;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
            if (scale > 1) {
                scale /= 10;
                fraction += (text[pos] - '0') * scale;
            }
            ++pos;
        }
        if (pos == first)
            return std::nullopt;
    }

    int offsetSeconds = 0;
    if (pos < text.size()) {
        const char sign = text[pos];
        if (sign == 'Z' || sign == 'z') {
            ++pos;
        } else if (sign == '+' || sign == '-') {
            ++pos;
            int offsetHours = 0, offsetMinutes = 0;
            if (!readDigits(text, pos, 2, offsetHours))
                return std::nullopt;
            if (pos < text.size() && text[pos] == ':')
                ++pos;
            if (!readDigits(text, pos, 2, offsetMinutes) || offsetHours > 23 || offsetMinutes > 59)
                return std::nullopt;
            offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60 * (sign == '-' ? -1 : 1);
        } else {
            return std::nullopt;
        }
    }
    if (pos != text.size())
        return std::nullopt;

    static const int64_t epochDay = QDate(1970, 1, 1).toJulianDay();
    const int64_t days = date.toJulianDay() - epochDay;
    const int64_t seconds = days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
    // int64 nanoseconds reach only about 292 years either side of 1970.
    constexpr int64_t kMaxSeconds = std::numeric_limits<int64_t>::max() / kNanosPerSecond - 1;
    if (seconds > kMaxSeconds || seconds < -kMaxSeconds)
        return std::nullopt;
    return seconds * kNanosPerSecond + fraction;
}

} // namespace tracedeck

#pragma once

#include <QString>

#include <cstdint>

namespace tracedeck {

// How durations, times, money and counts read everywhere in the app.
class DisplayFormat {
public:
    static QString duration(int64_t ns);  // 12 ns, 3.4 µs, 56.7 ms, 1.23 s, 2 min 5 s
    static QString timestamp(int64_t ns); // local time: 2026-11-25 14:03:12.345
    static QString cost(double usd);      // $0.0123, $1.23
    static QString count(int64_t n);      // 1,234,567
};

} // namespace tracedeck

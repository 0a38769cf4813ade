#pragma once

#include "span.h"

#include <string>

namespace tracedeck {

// One CSV row per span (RFC 4180: comma-separated, CRLF-terminated, fields with commas, quotes or line
// breaks quoted), the columns a spreadsheet user filters by, then attributes as JSON text. Text that a
// spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
class SpanCsvEncoder {
public:
    static std::string header();
    static std::string row(const Span &span);
    static std::string field(const std::string &text);
};

} // namespace tracedeck

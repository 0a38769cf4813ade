#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace tracedeck {

// Serializes JSON exactly as nlohmann's dump(-1, ' ', false, error_handler_t::replace) does, faster for
// what spans mostly hold: objects, arrays and plain ASCII strings are written here in one pass; numbers,
// booleans, null and every string holding a control character or a byte >= 0x80 (where UTF-8 is checked
// and invalid bytes replaced) are handed to nlohmann's serializer. nlohmann's string serializer decodes
// UTF-8 byte by byte and was the largest single cost of an import (EncodedSpan::encode).
class CompactJson {
public:
    static std::string dump(const nlohmann::json &value);
    static void append(const nlohmann::json &value, std::string &out);
};

} // namespace tracedeck

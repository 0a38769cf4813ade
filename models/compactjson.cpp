#include "compactjson.h"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace tracedeck {

namespace {

using json = nlohmann::json;

std::string nlohmannDump(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// True when one of the 8 bytes in word is below n (n <= 128, no byte of word >= 0x80).
constexpr bool hasByteBelow(uint64_t word, uint8_t n)
{
    return ((word - kOnes * n) & ~word & kHighs) != 0;
}
constexpr bool hasByte(uint64_t word, uint8_t byte)
{
    return hasByteBelow(word ^ (kOnes * byte), 1);
}

// Appends text as a JSON string when every byte is printable ASCII, the only escapes needed then being
// '"' and '\\'; false (out as it was) otherwise. Eight bytes at a time: most words need neither.
bool appendAsciiString(std::string_view text, std::string &out)
{
    const size_t before = out.size();
    out.reserve(before + text.size() + 2);
    out += '"';
    const char *data = text.data();
    const size_t n = text.size();
    size_t run = 0; // start of the bytes not yet copied
    size_t i = 0;
    const auto byteAt = [&](size_t at) {
        const auto byte = static_cast<unsigned char>(data[at]);
        if (byte < 0x20 || byte >= 0x80)
            return false;
        if (byte == '"' || byte == '\\') {
            out.append(data + run, at - run);
            out += '\\';
            run = at; // the escaped byte starts the next run
        }
        return true;
    };
    for (; i + 8 <= n; i += 8) {
        uint64_t word;
        std::memcpy(&word, data + i, 8);
        if ((word & kHighs) == 0 && !hasByteBelow(word, 0x20) && !hasByte(word, '"') && !hasByte(word, '\\'))
            continue;
        for (size_t j = i; j < i + 8; ++j) {
            if (!byteAt(j)) {
                out.resize(before);
                return false;
            }
        }
    }
    for (; i < n; ++i) {
        if (!byteAt(i)) {
            out.resize(before);
            return false;
        }
    }
    out.append(data + run, n - run);
    out += '"';
    return true;
}

void appendString(const std::string &text, std::string &out)
{
    if (!appendAsciiString(text, out))
        out += nlohmannDump(json(text));
}

} // namespace

std::string CompactJson::dump(const json &value)
{
    std::string out;
    append(value, out);
    return out;
}

void CompactJson::append(const json &value, std::string &out)
{
    switch (value.type()) {
    case json::value_t::object: {
        out += '{';
        bool first = true;
        for (const auto &[key, member] : value.get_ref<const json::object_t &>()) {
            if (!first)
                out += ',';
            first = false;
            appendString(key, out);
            out += ':';
            append(member, out);
        }
        out += '}';
        return;
    }
    case json::value_t::array: {
        out += '[';
        bool first = true;
        for (const json &element : value.get_ref<const json::array_t &>()) {
            if (!first)
                out += ',';
            first = false;
            append(element, out);
        }
        out += ']';
        return;
    }
    case json::value_t::string: {
        const auto &text = value.get_ref<const std::string &>();
        if (!appendAsciiString(text, out))
            out += nlohmannDump(value);
        return;
    }
    default:
        out += nlohmannDump(value);
        return;
    }
}

} // namespace tracedeck

#include "boundedjson.h"

namespace tracedeck {

namespace {

// Deepest nesting of objects/arrays in text, stopping early once past limit. Strings are skipped, so
// brackets inside them do not count. A linear byte scan: far cheaper than parsing twice.
int nestingDepth(std::string_view text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '{':
        case '[':
            if (++depth > deepest) {
                deepest = depth;
                if (deepest > limit)
                    return deepest;
            }
            break;
        case '}':
        case ']':
            --depth;
            break;
        default:
            break;
        }
    }
    return deepest;
}

} // namespace

nlohmann::json BoundedJson::parse(std::string_view text, std::string *error, int maxDepth)
{
    if (nestingDepth(text, maxDepth) > maxDepth) {
        *error = "JSON nested deeper than " + std::to_string(maxDepth) + " levels";
        return nlohmann::json(nlohmann::json::value_t::discarded);
    }
    try {
        return nlohmann::json::parse(text.begin(), text.end());
    } catch (const nlohmann::json::parse_error &e) {
        // e.what() reads "[json.exception.parse_error.101] parse error at line 1, column 7: …"
        std::string what = e.what();
        const auto pos = what.find("] ");
        *error = "malformed JSON: " + (pos == std::string::npos ? what : what.substr(pos + 2));
    }
    return nlohmann::json(nlohmann::json::value_t::discarded);
}

} // namespace tracedeck

#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <istream>
#include <string>

namespace tracedeck {

// Parses one JSON document with nlohmann's SAX interface and hands over the elements of its one big
// array one at a time, so memory holds one element, not the document: the root array's elements, or
// those of root[key] when the root is an object. Everything else is built as usual and returned (the
// streamed array left empty). Nesting deeper than maxDepth is refused, as BoundedJson does.
class JsonElementStream {
public:
    // Returns false to stop (cancel).
    using ElementFn = std::function<bool(nlohmann::json &&element, size_t index)>;
    struct Result {
        nlohmann::json document; // the document without the streamed elements
        bool ok = false;
        bool stopped = false; // the callback asked to stop
        size_t elements = 0;  // handed over
        std::string error;    // why parsing failed (ok false, stopped false)
    };

    // streamKey empty: stream the root array's elements (a root object is built whole).
    static Result parse(std::istream &in, const std::string &streamKey, const ElementFn &onElement,
                        int maxDepth = 64);
    static Result parse(std::string_view text, const std::string &streamKey, const ElementFn &onElement,
                        int maxDepth = 64);
};

} // namespace tracedeck

#pragma once

#include "span.h"

#include <QString>

namespace tracedeck {

// The messages of an LLM span (ExtractedFields::messages) as plain text for reading and diffing: one block
// per message, "role:" then its content, tool calls as "→ name(arguments)", tool results with their call id.
class MessageText {
public:
    static QString input(const Span &span);
    static QString output(const Span &span);
    // The text of the last output message that has any (empty when the span has none).
    static QString finalAnswer(const Span &span);
};

} // namespace tracedeck

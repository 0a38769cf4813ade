#pragma once

#include <QString>

#include <vector>

namespace tracedeck {

// A run of text that both sides share, or that only the left (removed) or right (added) side has.
struct DiffSegment {
    enum Op { Common, Removed, Added };
    Op op = Common;
    QString text;
    bool operator==(const DiffSegment &) const = default;
};

// Word-level diff of two texts by dtl's shortest edit script over tokens: words (letters, digits, '_'),
// runs of white space, and single punctuation marks. Neighbouring segments with the same op are merged, and
// the white space between two changed words joins the change, so "the red car" -> "the blue car" reads as one
// replaced word. Concatenating Common+Removed gives the left text back, Common+Added the right one.
class WordDiff {
public:
    static std::vector<DiffSegment> diff(const QString &left, const QString &right);
    static std::vector<QString> tokens(const QString &text);
};

} // namespace tracedeck

#include "decoderesult.h"

namespace tracedeck {

std::string DecodeResult::errorSummary() const
{
    std::string summary;
    for (const auto &e : errors) {
        if (!summary.empty())
            summary += "; ";
        summary += e;
    }
    if (rejectedSpans > static_cast<int64_t>(errors.size()))
        summary +=
            "; (" + std::to_string(rejectedSpans - static_cast<int64_t>(errors.size())) + " more rejected)";
    return summary;
}

} // namespace tracedeck

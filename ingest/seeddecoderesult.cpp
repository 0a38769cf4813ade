#include "seeddecoderesult.h"

#include <algorithm>
#include <string>

namespace tracedeck {

void SeedDecodeResult::reject(size_t index, std::string error, int64_t spans)
{
    ++rejectedRecords;
    if (decoded.errors.size() < DecodeResult::kMaxErrors)
        decoded.errors.push_back(error);
    decoded.rejectedSpans += std::max<int64_t>(spans, 1);
    if (rejections.size() < kMaxRejections)
        rejections.push_back({index, std::move(error)});
}

void SeedDecodeResult::addTraceId(const std::string &traceId)
{
    if (seenTraceIds.insert(traceId).second)
        traceIds.push_back(traceId);
}

std::string SeedDecodeResult::errorSummary() const
{
    std::string summary;
    for (const Rejection &r : rejections) {
        if (!summary.empty())
            summary += "; ";
        summary += r.error;
    }
    if (rejectedRecords > rejections.size())
        summary += "; (" + std::to_string(rejectedRecords - rejections.size()) + " more rejected)";
    return summary;
}

} // namespace tracedeck

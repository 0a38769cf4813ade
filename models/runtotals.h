#pragma once

#include "timelinedata.h"

#include <QStringList>

#include <cstdint>

namespace tracedeck {

// The figures of one whole run (trace), for compare and the N-way table.
struct RunTotals {
    int64_t durationNs = 0;
    int32_t spans = 0;
    int32_t errors = 0;
    int32_t llmCalls = 0;
    int64_t inputTokens = 0;
    int64_t outputTokens = 0;
    bool tokensKnown = false; // some span reported tokens
    double costUsd = 0;
    bool costKnown = false;
    QStringList models; // distinct, in tree order

    static RunTotals of(const TimelineData &data);
};

} // namespace tracedeck

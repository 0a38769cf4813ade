#include "runtotals.h"

namespace tracedeck {

RunTotals RunTotals::of(const TimelineData &data)
{
    RunTotals t;
    t.spans = data.count();
    if (data.isEmpty())
        return t;
    t.durationNs = data.traceEndNs() - data.traceStartNs();
    for (int32_t i = 0; i < data.count(); ++i) {
        if (data.isError(i))
            ++t.errors;
        const TimelineLlmInfo *llm = data.llmInfo(i);
        if (!llm)
            continue;
        ++t.llmCalls;
        if (llm->inputTokens >= 0) {
            t.inputTokens += llm->inputTokens;
            t.tokensKnown = true;
        }
        if (llm->outputTokens >= 0) {
            t.outputTokens += llm->outputTokens;
            t.tokensKnown = true;
        }
        if (llm->costUsd >= 0) {
            t.costUsd += llm->costUsd;
            t.costKnown = true;
        }
        const QString &model = data.modelName(llm->model);
        if (!model.isEmpty() && !t.models.contains(model))
            t.models.push_back(model);
    }
    return t;
}

} // namespace tracedeck

#include "sampletraces.h"

#include "normalizer.h"
#include "tracefilereader.h"

#include <QFile>

#include <algorithm>

// Q_INIT_RESOURCE declares a function in the current namespace, so it is called from outside ours.
static void initSampleResources()
{
    Q_INIT_RESOURCE(samples);
}

namespace tracedeck {

SpanBatch SampleTraces::load(int64_t nowNs, const Redactor::Rules &redaction)
{
    initSampleResources();
    const Normalizer normalizer;
    const Redactor redactor(redaction);
    SpanBatch all;
    const char *const names[] = {"rest-request", "agent-run", "streaming-call"};
    int64_t offsetMs = 60'000; // the three traces a minute apart, the last one ending now
    for (const char *name : names) {
        QFile file(QStringLiteral(":/tracedeck/samples/%1.otlp.json").arg(QLatin1String(name)));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        auto result = TraceFileReader::decode(file.readAll());
        SpanBatch &spans = result.decoded.spans;
        if (spans.empty())
            continue;
        const int64_t end = std::max_element(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
                                return a.endNs < b.endNs;
                            })->endNs;
        const int64_t shift = nowNs - offsetMs * 1'000'000 - end;
        offsetMs -= 30'000;
        for (Span &span : spans) {
            span.startNs += shift;
            span.endNs += shift;
            for (auto &event : span.events) {
                if (event.contains("timeNs") && event["timeNs"].is_number_integer())
                    event["timeNs"] = event["timeNs"].get<int64_t>() + shift;
            }
            span.source = "sample";
            normalizer.normalize(span);
            redactor.redact(span);
            all.push_back(std::move(span));
        }
    }
    return all;
}

} // namespace tracedeck

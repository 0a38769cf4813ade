// Spans per second of Redactor::redact() on normalized LLM-like spans with ~1 KB of prompt text, with and
// without personal data, to size its share of the ingest budget (~25k spans/s end to end).
// Run: build/tests/bench/bench_redactor [--spans N]
#include "normalizer.h"
#include "redactor.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace tracedeck;
using json = nlohmann::json;

namespace {

std::string prompt(int i, bool pii)
{
    std::string text = "You are a helpful assistant for order " + std::to_string(100000 + i) +
                       ". Summarize the ticket below in three bullet points and suggest a next step. ";
    if (pii)
        text += "Customer jane.doe" + std::to_string(i) + "@example.com, phone +1 415 555 0" +
                std::to_string(100 + i % 900) + ", card 4111 1111 1111 1111, key sk-proj-abcdefghijklmnop" +
                std::to_string(i) + ". ";
    while (text.size() < 1000)
        text +=
            "The printer in room 4 stopped working after the update on Monday; the user tried a restart. ";
    return text;
}

Span makeSpan(int i, bool pii, const Normalizer &normalizer)
{
    Span span;
    span.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    span.spanId = "00f067aa0ba902b7";
    span.name = "chat gpt-4o";
    span.service = "support-bot";
    json input =
        json::array({{{"role", "system"}, {"parts", {{{"type", "text"}, {"content", "Be brief."}}}}},
                     {{"role", "user"}, {"parts", {{{"type", "text"}, {"content", prompt(i, pii)}}}}}});
    json output = json::array(
        {{{"role", "assistant"},
          {"parts",
           {{{"type", "text"}, {"content", "- Printer offline\n- Restart tried\n- Escalate to IT"}}}},
          {"finish_reason", "stop"}}});
    span.attributes = {{"gen_ai.operation.name", "chat"},
                       {"gen_ai.provider.name", "openai"},
                       {"gen_ai.request.model", "gpt-4o"},
                       {"gen_ai.response.model", "gpt-4o-2024-08-06"},
                       {"gen_ai.request.max_tokens", 512},
                       {"gen_ai.request.temperature", 0.2},
                       {"gen_ai.usage.input_tokens", 312},
                       {"gen_ai.usage.output_tokens", 28},
                       {"gen_ai.response.finish_reasons", json::array({"stop"})},
                       {"gen_ai.conversation.id", "conv_" + std::to_string(i)},
                       {"user.id", "user_" + std::to_string(i % 97)},
                       {"server.address", "api.openai.com"},
                       {"gen_ai.input.messages", input.dump()},
                       {"gen_ai.output.messages", output.dump()}};
    span.resource = {{"service.name", "support-bot"}, {"telemetry.sdk.language", "python"}};
    normalizer.normalize(span);
    return span;
}

double threadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) + double(now.tv_nsec) / 1e9;
}

// Spans per second of CPU time of this thread: on a shared machine wall time also counts the time the
// thread waited for a core.
double spansPerSecond(const std::vector<Span> &source, const Redactor &redactor)
{
    std::vector<Span> spans = source; // redact() changes PII spans: time fresh copies
    const double start = threadCpuSeconds();
    for (Span &span : spans)
        redactor.redact(span);
    return double(spans.size()) / (threadCpuSeconds() - start);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int count = 20000;
    if (const qsizetype at = args.indexOf(QStringLiteral("--spans")); at >= 0 && at + 1 < args.size())
        count = args[at + 1].toInt();

    const Normalizer normalizer;
    const Redactor redactor;
    for (const bool pii : {false, true}) {
        std::vector<Span> spans;
        spans.reserve(size_t(count));
        for (int i = 0; i < count; ++i)
            spans.push_back(makeSpan(i, pii, normalizer));
        spansPerSecond(spans, redactor); // warm-up: regex JIT, allocator
        std::vector<double> runs;
        for (int run = 0; run < 3; ++run)
            runs.push_back(spansPerSecond(spans, redactor));
        std::sort(runs.begin(), runs.end());
        std::printf("redact() %-9s %d spans: median %.0f spans/s of CPU time (runs %.0f, %.0f, %.0f)\n",
                    pii ? "with PII" : "no PII", count, runs[1], runs[0], runs[1], runs[2]);
    }
    return 0;
}

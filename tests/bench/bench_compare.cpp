// Compare two runs: span alignment, the delta model and the side-by-side view's first paint, for pairs of
// synthetic agent traces of 1k, 10k and 100k spans (B: a step inserted every ~50, one removed every ~100 with
// its subtree, the tools service renamed on every 7th step, every 10th step twice as slow). Prints the median
// of 5 rounds in ms. Run: build/tests/bench/bench_compare [--rounds N]   (needs QT_QPA_PLATFORM=offscreen
// without a display)

#include "comparemodel.h"
#include "compareview.h"
#include "spanalignment.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "worddiff.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QPixmap>

#include <algorithm>
#include <cstdio>
#include <random>
#include <vector>

using namespace tracedeck;

namespace {

constexpr int64_t Us = 1000;

// An agent run: a root with steps; each step an LLM call or a tool with a few HTTP/DB calls under it, some
// with children of their own. `variant` 1 applies B's edits.
TimelineSpans agentRun(int spans, int variant)
{
    std::mt19937 rng(42); // same structure for A and B; edits come from a second generator
    std::mt19937 edits(7);
    TimelineSpans t;
    t.reserve(spans + spans / 20);
    auto add = [&t](std::string id, std::string parent, std::string name, std::string service, int64_t s,
                    int64_t e, bool llm) {
        TimelineSpan span;
        span.spanId = std::move(id);
        span.parentSpanId = std::move(parent);
        span.name = std::move(name);
        span.service = std::move(service);
        span.startNs = s;
        span.endNs = e;
        if (llm) {
            span.category = "llm";
            span.model = "gpt-4o";
            span.inputTokens = 500;
            span.outputTokens = 50;
            span.costUsd = 0.002;
        }
        t.push_back(std::move(span));
    };
    int64_t clock = 0;
    add("root", "", "agent run", "agent", 0, 0, false);
    int step = 0;
    while (static_cast<int>(t.size()) < spans) {
        const std::string id = "s" + std::to_string(step);
        const bool llm = rng() % 3 == 0;
        const int64_t start = clock;
        const bool slower = variant == 1 && step % 10 == 0;
        const bool removed = variant == 1 && edits() % 100 == 0;
        const bool inserted = variant == 1 && edits() % 50 == 0;
        const std::string service = variant == 1 && step % 7 == 0 ? "tools-v2" : "tools";
        if (llm) {
            const int64_t d = (200 + rng() % 800) * Us * (slower ? 2 : 1);
            if (!removed)
                add(id, "root", "chat gpt-4o", "agent", start, start + d, true);
            clock += d + 10 * Us;
        } else {
            const int calls = 2 + rng() % 6;
            int64_t c = start + 5 * Us;
            const std::size_t toolAt = t.size();
            const std::string tool = "execute_tool t" + std::to_string(rng() % 12);
            if (!removed)
                add(id, "root", tool, service, start, 0, false);
            for (int k = 0; k < calls; ++k) {
                const int64_t d = (20 + rng() % 200) * Us * (slower ? 2 : 1);
                const std::string cid = id + "." + std::to_string(k);
                const int kind = static_cast<int>(rng() % 4);
                if (!removed) {
                    add(cid, id, kind == 0 ? "SELECT orders" : "GET /api/" + std::to_string(kind), "api", c,
                        c + d, false);
                    if (kind == 1)
                        add(cid + "q", cid, "SELECT items", "pg", c + Us, c + d - Us, false);
                }
                c += d + 2 * Us;
            }
            if (!removed)
                t[toolAt].endNs = c;
            clock = c + 10 * Us;
        }
        if (inserted) {
            add(id + "+", "root", "execute_tool retry", "tools", clock, clock + 50 * Us, false);
            clock += 60 * Us;
        }
        ++step;
    }
    t[0].endNs = clock;
    return t;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int rounds = 5;
    for (int i = 1; i + 1 < argc; ++i) {
        if (QByteArray(argv[i]) == "--rounds")
            rounds = std::max(1, atoi(argv[i + 1]));
    }
    std::printf("bench_compare: median of %d rounds, ms (shared, noisy machine)\n", rounds);
    // Span ids are the same in A and B for the same step, so they tell right from wrong pairs here.
    std::printf("%9s %9s %9s %9s %9s %9s %9s %9s %9s %12s\n", "spans", "matched", "wrong", "added", "removed",
                "truth+/-", "align", "model", "view", "align+view");
    for (int n : {1000, 10000, 100000}) {
        const auto a = std::make_shared<const TimelineData>(TimelineData::build(agentRun(n, 0)));
        const auto b = std::make_shared<const TimelineData>(TimelineData::build(agentRun(n, 1)));
        std::vector<double> align, model, view, total;
        std::size_t matched = 0, added = 0, removed = 0;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer timer;
            timer.start();
            auto alignment = std::make_shared<const SpanAlignment>(SpanAlignment::align(*a, *b));
            const double alignMs = timer.nsecsElapsed() / 1e6;
            matched = alignment->pairs().size();
            added = alignment->added().size();
            removed = alignment->removed().size();
            timer.restart();
            {
                CompareModel m;
                m.setRuns(a, b, alignment);
            }
            model.push_back(timer.nsecsElapsed() / 1e6);
            // The side-by-side view: set up (delta model included) and painted once, offscreen.
            CompareView v;
            v.resize(1600, 1000);
            timer.restart();
            v.setRuns(QStringLiteral("a"), QStringLiteral("b"), a, b, alignment);
            const QPixmap shot = v.grab();
            const double viewMs = timer.nsecsElapsed() / 1e6;
            align.push_back(alignMs);
            view.push_back(viewMs);
            total.push_back(alignMs + viewMs);
        }
        const auto check = SpanAlignment::align(*a, *b);
        std::size_t wrong = 0;
        for (const SpanPair &p : check.pairs())
            wrong += a->spanId(p.left) != b->spanId(p.right);
        int onlyB = 0, onlyA = 0;
        for (int32_t i = 0; i < b->count(); ++i)
            onlyB += a->indexOf(b->spanId(i)) < 0;
        for (int32_t i = 0; i < a->count(); ++i)
            onlyA += b->indexOf(a->spanId(i)) < 0;
        std::printf("%9d %9zu %9zu %9zu %9zu %4d/%-4d %9.1f %9.1f %9.1f %12.1f\n", a->count(), matched, wrong,
                    added, removed, onlyB, onlyA, median(align), median(model), median(view), median(total));
        std::fflush(stdout);
    }
    // Word diff of two long prompts (~100 KB each, ~34k tokens a side): a few edited sentences, then every
    // 10th word changed.
    QString base;
    for (int i = 0; base.size() < 100'000; ++i)
        base += QStringLiteral("Step %1: the agent looked up order %2 and called the carrier API again. ")
                    .arg(i)
                    .arg(i * 7);
    for (int variant = 0; variant < 2; ++variant) {
        QStringList words = base.split(u' ');
        for (qsizetype w = 0; w < words.size(); w += variant == 0 ? 997 : 10)
            words[w] = QStringLiteral("changed");
        const QString other = words.join(u' ');
        std::vector<double> ms;
        std::size_t segments = 0;
        for (int r = 0; r < rounds; ++r) {
            QElapsedTimer timer;
            timer.start();
            segments = WordDiff::diff(base, other).size();
            ms.push_back(timer.nsecsElapsed() / 1e6);
        }
        std::printf("word diff, %lld chars a side, %s: %zu segments, %.1f ms\n", qlonglong(base.size()),
                    variant == 0 ? "1 word in 1000 changed" : "1 word in 10 changed", segments, median(ms));
    }
    return 0;
}

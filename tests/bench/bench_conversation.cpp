// Conversation replay on a long agent loop: Conversation::build (dedup, tool links) and the view's first
// layout, medians of a few runs. Prints figures; not a pass/fail test.
//   build/tests/bench/bench_conversation [--turns N]

#include "conversation.h"
#include "conversationmodel.h"
#include "conversationview.h"

#include <QApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace tracedeck;
using nlohmann::json;

namespace {

// An agent that calls a tool each turn and re-sends the whole history: turn k's prompt has 2 + 2k messages.
std::vector<Span> agentLoop(int turns)
{
    std::vector<Span> spans;
    json history = json::array({{{"role", "system"}, {"content", std::string(800, 's')}},
                                {{"role", "user"}, {"content", "Investigate the incident and report."}}});
    int64_t t = 0;
    for (int k = 0; k < turns; ++k) {
        const std::string id = "call_" + std::to_string(k);
        json call = {{"role", "assistant"},
                     {"content", ""},
                     {"tool_calls",
                      json::array({{{"id", id}, {"name", "search"}, {"arguments", R"({"q":"step"})"}}})}};
        Span llm;
        llm.traceId = "bench";
        llm.spanId = "llm" + std::to_string(k);
        llm.name = "chat";
        llm.startNs = t;
        llm.endNs = t + 900'000'000;
        llm.fields.category = "llm";
        llm.fields.model = "gpt-4o";
        llm.fields.inputTokens = 1000 + 300 * k;
        llm.fields.outputTokens = 40;
        llm.fields.messages = history;
        json out = call;
        out["output"] = true;
        llm.fields.messages.push_back(out);
        spans.push_back(std::move(llm));
        Span tool;
        tool.traceId = "bench";
        tool.spanId = "tool" + std::to_string(k);
        tool.name = "execute_tool search";
        tool.startNs = t + 950'000'000;
        tool.endNs = t + 1'200'000'000;
        tool.fields.category = "tool";
        tool.attributes["gen_ai.tool.call.id"] = id;
        tool.attributes["output.value"] = std::string(500, 'r');
        spans.push_back(std::move(tool));
        history.push_back(call);
        history.push_back({{"role", "tool"}, {"tool_call_id", id}, {"content", std::string(500, 'r')}});
        t += 1'300'000'000;
    }
    return spans;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int turns = 200;
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--turns") == 0)
            turns = std::atoi(argv[i + 1]);
    }
    const std::vector<Span> spans = agentLoop(turns);
    std::size_t messages = 0;
    for (const Span &s : spans)
        messages += s.fields.messages.size();

    std::vector<double> buildMs;
    std::shared_ptr<const Conversation> conversation;
    for (int run = 0; run < 5; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto c = std::make_shared<const Conversation>(Conversation::build(spans));
        buildMs.push_back(double(timer.nsecsElapsed()) / 1e6);
        conversation = c;
    }
    std::printf("%d turns, %zu messages in the prompts\n", turns, messages);
    std::printf("Conversation::build: median %.1f ms (5 runs)\n", median(buildMs));

    ConversationModel model;
    model.setConversation(conversation);
    std::vector<double> viewMs;
    for (int run = 0; run < 3; ++run) {
        ConversationView view;
        view.resize(900, 800);
        QElapsedTimer timer;
        timer.start();
        view.setModel(&model);
        view.show();
        QCoreApplication::processEvents();
        view.grab();
        viewMs.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("ConversationView set, layout and first paint: median %.1f ms (3 runs)\n", median(viewMs));
    return 0;
}

#include "jsonhighlighter.h"
#include "jsoninspector.h"
#include "jsontreemodel.h"
#include "span.h"
#include "spaninspector.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>

using namespace tracedeck;
using nlohmann::json;

namespace {

constexpr int64_t kStartNs = 1'732'540'000'123'000'000;

json messagesJson()
{
    return json::array({
        {{"role", "system"}, {"parts", {{{"type", "text"}, {"content", "You are a terse travel agent."}}}}},
        {{"role", "user"},
         {"parts", {{{"type", "text"}, {"content", "Find me a flight from Lisbon to Oslo next Friday."}}}}},
    });
}

json outputJson()
{
    return json::array({{{"role", "assistant"},
                         {"parts",
                          {{{"type", "tool_call"},
                            {"id", "call_7"},
                            {"name", "search_flights"},
                            {"arguments", {{"from", "LIS"}, {"to", "OSL"}, {"date", "2026-11-27"}}}}}},
                         {"finish_reason", "tool_call"}}});
}

// Nested objects and arrays, a string holding JSON, keys that need quoting in a path, every scalar type.
json nestedDocument()
{
    return {
        {"attributes",
         {{"gen_ai.input.messages", json::array({{{"role", "user"}, {"content", "hi"}}}).dump()},
          {"plain", "not json {"},
          {"we\"ird key", 1},
          {"temperature", 0.5},
          {"stream", true},
          {"nothing", nullptr}}},
        {"events", json::array({{{"name", "start"}, {"timeNs", 12}}, json::array({1, 2, json::object()})})},
        {"empty", json::object()},
    };
}

// ~5 MB: a few top-level keys, one holding thousands of nested objects.
json bigDocument()
{
    json items = json::array();
    const std::string filler(200, 'x');
    for (int i = 0; i < 20000; ++i) {
        items.push_back({{"id", i},
                         {"text", filler},
                         {"tags", json::array({"a", "b", "c"})},
                         {"meta", {{"depth", {{"more", i % 7}}}}}});
    }
    json doc = {{"model", "gpt-4o"}, {"items", std::move(items)}, {"usage", {{"input_tokens", 5}}}};
    doc["items"][19999]["meta"]["depth"]["needle"] = "the haystack ends here";
    return doc;
}

json deepDocument()
{
    json leaf = {{"secret", "needle in a deep branch"}};
    for (int level = 0; level < 8; ++level)
        leaf = json::array({json::object({{"level", level}}), leaf});
    return {{"top", "nothing here"}, {"deep", leaf}, {"other", {{"needle_key", 42}}}};
}

// The row under `parent` whose Key column reads `key`.
QModelIndex childByKey(const QAbstractItemModel &model, const QModelIndex &parent, const QString &key)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, JsonTreeModel::KeyColumn, parent);
        if (index.data().toString() == key)
            return index;
    }
    return {};
}

QModelIndex indexAt(const QAbstractItemModel &model, const QStringList &keys)
{
    QModelIndex index;
    for (const QString &key : keys) {
        index = childByKey(model, index, key);
        if (!index.isValid())
            return {};
    }
    return index;
}

int visitAll(const QAbstractItemModel &model, const QModelIndex &parent)
{
    int count = 0;
    for (int row = 0; row < model.rowCount(parent); ++row) {
        for (int column = 0; column < model.columnCount(parent); ++column) {
            const QModelIndex index = model.index(row, column, parent);
            for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(JsonTreeModel::FullTextRole)})
                index.data(role);
        }
        count += 1 + visitAll(model, model.index(row, 0, parent));
    }
    return count;
}

Span llmSpan()
{
    Span span;
    span.traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    span.spanId = "00f067aa0ba902b7";
    span.parentSpanId = "a3ce929d0e0e4736";
    span.name = "chat gpt-4o";
    span.kind = 3;
    span.service = "travel-agent";
    span.startNs = kStartNs;
    span.endNs = kStartNs + 2'345'600'000;
    span.status = SpanStatus::Error;
    span.statusMessage = "RateLimitError: retry budget exhausted after 3 attempts";
    span.attributes = {
        {"gen_ai.provider.name", "openai"},
        {"gen_ai.operation.name", "chat"},
        {"gen_ai.request.model", "gpt-4o"},
        {"gen_ai.response.model", "gpt-4o-2024-08-06"},
        {"gen_ai.request.temperature", 0.2},
        {"gen_ai.request.max_tokens", 1024},
        {"gen_ai.request.top_p", 0.9},
        {"gen_ai.usage.input_tokens", 1250},
        {"gen_ai.usage.output_tokens", 320},
        {"gen_ai.usage.cache_read.input_tokens", 1000},
        {"gen_ai.response.finish_reasons", json::array({"tool_call"})},
        {"gen_ai.input.messages", messagesJson().dump()},
        {"gen_ai.output.messages", outputJson().dump()},
        {"server.address", "api.openai.com"},
    };
    span.events = json::array({
        {{"name", "gen_ai.content.first_token"},
         {"timeNs", kStartNs + 412'000'000},
         {"attributes", json::object()}},
        {{"name", "exception"},
         {"timeNs", kStartNs + 2'300'000'000},
         {"attributes",
          {{"exception.type", "openai.RateLimitError"},
           {"exception.message", "Rate limit reached for gpt-4o in organization org-42 on tokens per min."},
           {"exception.stacktrace",
            "Traceback (most recent call last):\n"
            "  File \"/app/agent/llm.py\", line 88, in call_model\n"
            "    response = client.chat.completions.create(**params)\n"
            "  File \"/usr/lib/python3.12/site-packages/openai/_base_client.py\", line 1059, in request\n"
            "    raise self._make_status_error_from_response(err.response) from None\n"
            "openai.RateLimitError: Error code: 429"}}}},
    });
    span.resource = {{"service.name", "travel-agent"}, {"telemetry.sdk.language", "python"}};
    span.scope = {{"name", "opentelemetry.instrumentation.openai"}, {"version", "0.48.0"}};
    span.fields.provider = "openai";
    span.fields.model = "gpt-4o-2024-08-06";
    span.fields.inputTokens = 1250;
    span.fields.cachedInputTokens = 1000;
    span.fields.outputTokens = 320;
    span.fields.totalTokens = 1570;
    span.fields.costUsd = 0.005825;
    span.fields.costSource = CostSource::Computed;
    span.fields.finishReason = "tool_call";
    span.fields.ttftMs = 412.0;
    span.fields.category = "llm";
    return span;
}

Span httpSpan()
{
    Span span;
    span.traceId = "req_abc123";
    span.spanId = "hop-2";
    span.name = "GET /api/bookings/{id}";
    span.kind = 2;
    span.service = "bookings";
    span.startNs = kStartNs;
    span.endNs = kStartNs + 48'260'000;
    span.status = SpanStatus::Error;
    span.statusMessage = "HTTP 500";
    span.attributes = {{"http.request.method", "GET"},
                       {"url.full", "https://bookings.internal/api/bookings/981"},
                       {"http.response.status_code", 500}};
    span.events =
        json::array({{{"name", "exception"},
                      {"timeNs", kStartNs + 47'000'000},
                      {"attributes",
                       {{"exception.type", "java.lang.IllegalStateException"},
                        {"exception.message", "booking 981 has no passenger"},
                        {"exception.stacktrace",
                         "java.lang.IllegalStateException: booking 981 has no passenger\n"
                         "\tat com.example.bookings.BookingService.load(BookingService.java:142)\n"
                         "\tat com.example.bookings.BookingController.get(BookingController.java:57)"}}}}});
    span.fields.httpMethod = "GET";
    span.fields.statusCode = 500;
    span.fields.category = "http";
    return span;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name));
}

QPalette darkPalette()
{
    QPalette p;
    const QColor text(0xe6, 0xe6, 0xe6);
    p.setColor(QPalette::Window, QColor(0x24, 0x25, 0x28));
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, QColor(0x1b, 0x1c, 0x1f));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x27, 0x2b));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x30, 0x31, 0x35));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9c, 0xa2));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xc0));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

} // namespace

class TestInspector : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelPassesTesterOnNestedJson()
    {
        JsonTreeModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
        model.setJson(nestedDocument());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        // Every row of every level, including the parsed string, materialised under the tester.
        QCOMPARE(visitAll(model, QModelIndex()), 19);
        model.setJson(json::array({1, "two", json::array({3})}));
        QCOMPARE(visitAll(model, QModelIndex()), 4);
        model.setJson(json("a scalar document"));
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    void stringHoldingJsonIsAParsedSubtree()
    {
        JsonTreeModel model;
        model.setJson(nestedDocument());
        const QModelIndex messages =
            indexAt(model, {QStringLiteral("attributes"), QStringLiteral("gen_ai.input.messages")});
        QVERIFY(messages.isValid());
        QCOMPARE(messages.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(),
                 QStringLiteral("string (JSON)"));
        QVERIFY(messages.data(JsonTreeModel::IsEmbeddedJsonRole).toBool());
        QCOMPARE(model.rowCount(messages), 1);
        const QModelIndex content = childByKey(model, model.index(0, 0, messages), QStringLiteral("content"));
        QCOMPARE(content.siblingAtColumn(JsonTreeModel::ValueColumn).data().toString(), QStringLiteral("hi"));

        const QModelIndex plain = indexAt(model, {QStringLiteral("attributes"), QStringLiteral("plain")});
        QCOMPARE(plain.siblingAtColumn(JsonTreeModel::TypeColumn).data().toString(),
                 QStringLiteral("string"));
        QCOMPARE(model.rowCount(plain), 0);
    }

    void topLevelOfFiveMegabytesIsLazy()
    {
        const json doc = bigDocument();
        QVERIFY(doc.dump().size() > 5'000'000);
        JsonTreeModel model;
        model.setJson(doc);
        QCOMPARE(model.createdNodeCount(), 0);
        QCOMPARE(model.rowCount(), 3);
        for (int row = 0; row < model.rowCount(); ++row)
            model.index(row, JsonTreeModel::ValueColumn).data();
        QCOMPARE(model.createdNodeCount(), 3);
        const QModelIndex items = childByKey(model, QModelIndex(), QStringLiteral("items"));
        QCOMPARE(model.rowCount(items), 20000);
        QCOMPARE(model.createdNodeCount(), 3); // counting children does not create them
        model.index(0, 0, items);
        QCOMPARE(model.createdNodeCount(), 3 + 20000); // only the direct children of the opened row
    }

    void jsonPathQuotesOddKeysAndEntersJsonStrings()
    {
        JsonTreeModel model;
        model.setJson(nestedDocument());
        const QModelIndex messages =
            indexAt(model, {QStringLiteral("attributes"), QStringLiteral("gen_ai.input.messages")});
        const QModelIndex content = childByKey(model, model.index(0, 0, messages), QStringLiteral("content"));
        QCOMPARE(model.jsonPath(content),
                 QStringLiteral("$.attributes[\"gen_ai.input.messages\"][0].content"));
        QCOMPARE(
            model.jsonPath(indexAt(model, {QStringLiteral("attributes"), QStringLiteral("we\"ird key")})),
            QStringLiteral("$.attributes[\"we\\\"ird key\"]"));
        QCOMPARE(model.jsonPath(
                     indexAt(model, {QStringLiteral("events"), QStringLiteral("1"), QStringLiteral("2")})),
                 QStringLiteral("$.events[1][2]"));
        QCOMPARE(model.jsonPath(QModelIndex()), QStringLiteral("$"));
        QCOMPARE(content.data(JsonTreeModel::JsonPathRole).toString(), model.jsonPath(content));
    }

    void valueTextIsScalarTextOrCompactJson()
    {
        JsonTreeModel model;
        model.setJson(nestedDocument());
        const auto value = [&](const QStringList &keys) { return model.valueText(indexAt(model, keys)); };
        const QString attributes = QStringLiteral("attributes");
        QCOMPARE(value({attributes, QStringLiteral("plain")}), QStringLiteral("not json {"));
        QCOMPARE(value({attributes, QStringLiteral("temperature")}), QStringLiteral("0.5"));
        QCOMPARE(value({attributes, QStringLiteral("stream")}), QStringLiteral("true"));
        QCOMPARE(value({attributes, QStringLiteral("nothing")}), QStringLiteral("null"));
        QCOMPARE(value({QStringLiteral("events"), QStringLiteral("0")}),
                 QStringLiteral("{\"name\":\"start\",\"timeNs\":12}"));
        QCOMPARE(value({QStringLiteral("events"), QStringLiteral("1")}), QStringLiteral("[1,2,{}]"));
        // A string holding JSON copies as the string it is.
        QCOMPARE(value({attributes, QStringLiteral("gen_ai.input.messages")}),
                 QStringLiteral("[{\"content\":\"hi\",\"role\":\"user\"}]"));
    }

    void longStringsAreElidedForDisplayOnly()
    {
        JsonTreeModel model;
        const std::string longText = std::string(1000, 'a') + "\nsecond line";
        model.setJson(json{{"body", longText}});
        const QModelIndex value = model.index(0, JsonTreeModel::ValueColumn);
        const QString shown = value.data().toString();
        QCOMPARE(shown.size(), JsonTreeModel::kMaxDisplayChars + 1);
        QVERIFY(shown.endsWith(QChar(0x2026)));
        QCOMPARE(value.data(JsonTreeModel::FullTextRole).toString(), QString::fromStdString(longText));
        QCOMPARE(value.data(Qt::ToolTipRole).toString(), QString::fromStdString(longText));
    }

    void findReachesAnUnopenedDeepNodeAndWraps()
    {
        JsonTreeModel model;
        model.setJson(deepDocument());
        QCOMPARE(model.createdNodeCount(), 0);
        const QModelIndex first = model.find(QStringLiteral("NEEDLE"));
        QVERIFY(first.isValid());
        QCOMPARE(model.jsonPath(first), QStringLiteral("$.deep[1][1][1][1][1][1][1][1].secret"));
        const QModelIndex second = model.find(QStringLiteral("needle"), first);
        QCOMPARE(model.jsonPath(second), QStringLiteral("$.other.needle_key"));
        QCOMPARE(model.find(QStringLiteral("needle"), second), first);
        QVERIFY(!model.find(QStringLiteral("absent"), second).isValid());
        // Matches inside a string holding JSON are found in its parsed rows.
        model.setJson(nestedDocument());
        const QModelIndex hi = model.find(QStringLiteral("hi"));
        QCOMPARE(model.jsonPath(hi), QStringLiteral("$.attributes[\"gen_ai.input.messages\"][0].content"));
    }

    void findInBigDocumentFindsTheLastItem()
    {
        JsonTreeModel model;
        model.setJson(bigDocument());
        const QModelIndex hit = model.find(QStringLiteral("haystack ends"));
        QCOMPARE(model.jsonPath(hit), QStringLiteral("$.items[19999].meta.depth.needle"));
    }

    void inspectorFindBarSelectsMatchInTreeAndText()
    {
        JsonInspector inspector;
        inspector.resize(500, 400);
        inspector.setJson(deepDocument());
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));
        inspector.treeView()->setFocus();
        QVERIFY(!inspector.findEdit()->isVisible());
        QTest::keyClick(inspector.treeView(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(inspector.findEdit()->isVisible());
        QVERIFY(inspector.findEdit()->hasFocus());
        QTest::keyClicks(inspector.findEdit(), QStringLiteral("needle"));
        QTest::keyClick(inspector.findEdit(), Qt::Key_Return);
        const QModelIndex current = inspector.treeView()->currentIndex();
        QCOMPARE(inspector.model()->jsonPath(current),
                 QStringLiteral("$.deep[1][1][1][1][1][1][1][1].secret"));
        QVERIFY(inspector.treeView()->selectionModel()->isRowSelected(current.row(), current.parent()));
        QVERIFY(inspector.treeView()->isExpanded(current.parent()));
        QTest::keyClick(inspector.findEdit(), Qt::Key_Return);
        QCOMPARE(inspector.model()->jsonPath(inspector.treeView()->currentIndex()),
                 QStringLiteral("$.other.needle_key"));

        // The text view: pretty-printed, highlighted, and the same find bar selects the match.
        auto *textButton = inspector.findChild<QToolButton *>(QStringLiteral("textModeButton"));
        QTest::mouseClick(textButton, Qt::LeftButton);
        QVERIFY(inspector.isTextMode());
        QVERIFY(inspector.textView()->isVisible());
        QVERIFY(inspector.textView()->toPlainText().contains(QStringLiteral("\"top\": \"nothing here\"")));
        QTest::keyClick(inspector.textView(), Qt::Key_F, Qt::ControlModifier);
        QTest::keyClick(inspector.findEdit(), Qt::Key_Return);
        QCOMPARE(inspector.textView()->textCursor().selectedText().toLower(), QStringLiteral("needle"));
        QTest::keyClick(inspector.findEdit(), Qt::Key_Escape);
        QVERIFY(!inspector.findEdit()->isVisible());
    }

    void highlighterColoursKeysStringsNumbersAndLiterals()
    {
        JsonInspector inspector;
        inspector.setJson(json{{"k", "v"}, {"n", 12}, {"t", true}});
        inspector.setTextMode(true);
        auto *highlighter = inspector.findChild<JsonHighlighter *>();
        QVERIFY(highlighter);
        const auto colourAt = [&](const QString &token) {
            for (QTextBlock b = inspector.textView()->document()->firstBlock(); b.isValid(); b = b.next()) {
                const int at = int(b.text().indexOf(token));
                if (at < 0)
                    continue;
                for (const QTextLayout::FormatRange &r : b.layout()->formats()) {
                    if (r.start <= at && at < r.start + r.length)
                        return r.format.foreground().color();
                }
            }
            return QColor();
        };
        QCOMPARE(colourAt(QStringLiteral("\"k\"")), highlighter->keyFormat().foreground().color());
        QCOMPARE(colourAt(QStringLiteral("\"v\"")), highlighter->stringFormat().foreground().color());
        QCOMPARE(colourAt(QStringLiteral("12")), highlighter->numberFormat().foreground().color());
        QCOMPARE(colourAt(QStringLiteral("true")), highlighter->literalFormat().foreground().color());
        QVERIFY(highlighter->keyFormat().foreground().color() !=
                highlighter->stringFormat().foreground().color());

        QPalette dark = inspector.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        inspector.setPalette(dark);
        QVERIFY(highlighter->isDarkBackground());
    }

    void expandAllIsBoundedOnHugeDocuments()
    {
        JsonInspector inspector;
        inspector.setJson(bigDocument());
        QVERIFY(inspector.model()->createdNodeCount() < 100); // opening it stays lazy too
        const int expanded = inspector.expandAll();
        QCOMPARE(expanded, JsonInspector::kMaxExpandedNodes);
        QVERIFY(inspector.model()->createdNodeCount() < 40000);
        inspector.collapseAll();
        QVERIFY(!inspector.treeView()->isExpanded(inspector.model()->index(1, 0)));

        inspector.setJson(nestedDocument());
        QCOMPARE(inspector.expandAll(), 6); // attributes, messages (parsed), its element, events, two rows
    }

    void copyValueAndPathShortcutsFillTheClipboard()
    {
        JsonInspector inspector;
        inspector.setJson(nestedDocument());
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));
        const QModelIndex temperature =
            indexAt(*inspector.model(), {QStringLiteral("attributes"), QStringLiteral("temperature")});
        inspector.treeView()->setFocus();
        inspector.treeView()->setCurrentIndex(temperature);
        QTest::keyClick(inspector.treeView(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("0.5"));
        QTest::keyClick(inspector.treeView(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("$.attributes.temperature"));
    }

    void contextMenuCopiesPathAndOffersExpandCollapse()
    {
        JsonInspector inspector;
        inspector.resize(500, 400);
        inspector.setJson(nestedDocument());
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QTreeView *tree = inspector.treeView();
        const QModelIndex stream =
            indexAt(*inspector.model(), {QStringLiteral("attributes"), QStringLiteral("stream")});
        QStringList offered;
        // The menu runs its own event loop: read and use it from a queued call, then close it.
        QTimer::singleShot(0, this, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (!action->isSeparator())
                    offered << action->text();
            }
            inspector.copyPathAction()->trigger();
            menu->close();
        });
        // What the window system sends on a right click (QTest's mouse clicks do not synthesise it).
        const QPoint at = tree->visualRect(stream).center();
        QContextMenuEvent rightClick(QContextMenuEvent::Mouse, at, tree->viewport()->mapToGlobal(at));
        QApplication::sendEvent(tree->viewport(), &rightClick);
        QCOMPARE(offered,
                 QStringList({inspector.copyValueAction()->text(), inspector.copyPathAction()->text(),
                              inspector.expandAllAction()->text(), inspector.collapseAllAction()->text()}));
        QCOMPARE(tree->currentIndex().siblingAtColumn(0), stream);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("$.attributes.stream"));
    }

    void llmSpanShowsHeaderLlmBlockAndException()
    {
        SpanInspector inspector;
        inspector.resize(600, 1000);
        inspector.setSpan(llmSpan(), 1'900'000'000);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));

        const auto label = [&](const char *name) {
            auto *l = inspector.findChild<QLabel *>(QLatin1String(name));
            return l ? l->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
        };
        QCOMPARE(label("spanName"), QStringLiteral("chat gpt-4o"));
        QVERIFY(label("spanService").startsWith(QStringLiteral("travel-agent")));
        QVERIFY(label("spanService").contains(QStringLiteral("Client")));
        QCOMPARE(label("spanStatus"), QStringLiteral("ERROR"));
        QCOMPARE(label("spanDuration"), QStringLiteral("2.35 s"));
        QCOMPARE(label("spanSelfTime"), QStringLiteral("1.90 s  (81% of the span)"));
        QVERIFY(label("spanStart")
                    .endsWith(QDateTime::fromMSecsSinceEpoch(kStartNs / 1'000'000)
                                  .toString(QStringLiteral("HH:mm:ss.zzz"))));
        QCOMPARE(label("traceId"), QStringLiteral("4bf92f3577b34da6a3ce929d0e0e4736"));

        auto *llm = inspector.findChild<QWidget *>(QStringLiteral("llmBlock"));
        QVERIFY(llm->isVisible());
        QCOMPARE(label("llmProvider"), QStringLiteral("openai"));
        QCOMPARE(label("llmModel"), QStringLiteral("gpt-4o-2024-08-06"));
        QCOMPARE(label("llmTokens"),
                 QStringLiteral("%1 in (%2 cached)  ·  320 out  ·  %3 total")
                     .arg(QLocale().toString(1250), QLocale().toString(1000), QLocale().toString(1570)));
        QVERIFY(label("llmCost").contains(QStringLiteral("computed from the pricing table")));
        QVERIFY(label("llmParameters").contains(QStringLiteral("temperature = 0.2")));
        QVERIFY(label("llmParameters").contains(QStringLiteral("max_tokens = 1024")));
        QCOMPARE(label("llmFinishReason"), QStringLiteral("tool_call"));
        QCOMPARE(label("llmTtft"), QStringLiteral("412 ms"));

        QCOMPARE(label("exceptionType"), QStringLiteral("openai.RateLimitError"));
        auto *stack = inspector.findChild<QPlainTextEdit *>(QStringLiteral("stackTrace"));
        QVERIFY(stack && stack->isVisible());
        QVERIFY(stack->toPlainText().contains(QStringLiteral("line 88, in call_model")));
        QVERIFY(stack->height() >= 6 * stack->fontMetrics().lineSpacing());

        // Bodies (messages) open first; attributes, events, resource and scope have their tabs.
        auto *tabs = inspector.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        QCOMPARE(tabs->currentWidget(), inspector.bodiesInspector());
        QCOMPARE(inspector.bodiesInspector()->model()->rowCount(), 2);
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(inspector.linksInspector())));
        saveScreenshot(inspector, QStringLiteral("span-llm-600x1000.png"));
        inspector.resize(500, 900);
        saveScreenshot(inspector, QStringLiteral("span-llm-500x900.png"));
    }

    // An LLM span with only a model (no provider, parameters, finish reason, TTFT) hides those rows; Qt 6.4's
    // QFormLayout::setRowVisible corrupted the heap in heightForWidth when a wrapping row was hidden (found
    // under valgrind), so the rows' widgets are hidden instead. Sparse after full after sparse, narrow
    // widths.
    void sparseLlmSpanHidesEmptyRows()
    {
        SpanInspector inspector;
        inspector.resize(320, 700);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        Span sparse = llmSpan();
        sparse.attributes = json::object();
        sparse.events = json::array();
        sparse.fields = ExtractedFields{};
        sparse.fields.category = "llm";
        sparse.fields.model = "a-model-name-long-enough-to-wrap-in-a-narrow-inspector-pane";
        sparse.fields.inputTokens = 10;
        const auto label = [&](const char *name) {
            return inspector.findChild<QLabel *>(QLatin1String(name));
        };
        for (const Span &span : {sparse, llmSpan(), sparse}) {
            inspector.setSpan(span, 0);
            for (int width : {320, 240, 480})
                inspector.resize(width, 700);
            QCoreApplication::processEvents(); // the layout runs at each size
            QVERIFY(inspector.grab().width() > 0);
        }
        QVERIFY(label("llmModel")->isVisible());
        QVERIFY(!label("llmProvider")->isVisible());
        QVERIFY(!label("llmFinishReason")->isVisible());
        QVERIFY(!label("llmTtft")->isVisible());
        auto *form = inspector.findChild<QWidget *>(QStringLiteral("llmBlock"))->findChild<QFormLayout *>();
        QVERIFY(form);
        QVERIFY(!form->labelForField(label("llmProvider"))->isVisible());
        QVERIFY(form->labelForField(label("llmModel"))->isVisible());
    }

    void copyButtonsAndCopyJsonPathUseTheClipboard()
    {
        SpanInspector inspector;
        inspector.resize(600, 1000);
        inspector.setSpan(llmSpan(), 0);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));

        QSignalSpy copied(&inspector, &SpanInspector::idCopied);
        QTest::mouseClick(inspector.findChild<QToolButton *>(QStringLiteral("copySpanId")), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("00f067aa0ba902b7"));
        QCOMPARE(copied.count(), 1);

        // Click the messages row's first content in the Bodies tab, then Ctrl+Shift+C.
        JsonInspector *bodies = inspector.bodiesInspector();
        QTreeView *tree = bodies->treeView();
        const QModelIndex messages =
            childByKey(*bodies->model(), QModelIndex(), QStringLiteral("gen_ai.input.messages"));
        tree->expand(messages);
        const QModelIndex user = bodies->model()->index(1, 0, messages);
        tree->expand(user);
        const QModelIndex role = childByKey(*bodies->model(), user, QStringLiteral("role"));
        tree->scrollTo(role);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(role).center());
        QCOMPARE(tree->currentIndex().siblingAtColumn(0), role);
        QTest::keyClick(tree, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 QStringLiteral("$[\"gen_ai.input.messages\"][1].role"));
    }

    void ctrlFInAttributesSelectsTheMatch()
    {
        SpanInspector inspector;
        inspector.resize(600, 1000);
        inspector.setSpan(llmSpan(), 0);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowActive(&inspector));
        auto *tabs = inspector.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {},
                          tabs->tabBar()->tabRect(tabs->indexOf(inspector.attributesInspector())).center());
        QCOMPARE(tabs->currentWidget(), inspector.attributesInspector());
        QTreeView *tree = inspector.attributesInspector()->treeView();
        tree->setFocus();
        QTest::keyClick(tree, Qt::Key_F, Qt::ControlModifier);
        QLineEdit *find = inspector.attributesInspector()->findEdit();
        QVERIFY(find->hasFocus());
        QTest::keyClicks(find, QStringLiteral("top_p"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(tree->currentIndex().data().toString(), QStringLiteral("gen_ai.request.top_p"));
        QVERIFY(tree->selectionModel()->isRowSelected(tree->currentIndex().row(), QModelIndex()));
    }

    void parametersComeFromGenAiRequestAndInvocationParameters()
    {
        Span span;
        span.name = "ChatOpenAI";
        span.fields.category = "llm";
        span.fields.model = "gpt-4o-mini";
        span.attributes = {
            {"gen_ai.request.model", "gpt-4o-mini"},
            {"gen_ai.request.seed", 7},
            {"llm.invocation_parameters", json{{"model", "gpt-4o-mini"}, {"stop", {"END"}}}.dump()}};
        SpanInspector inspector;
        inspector.setSpan(span, -1);
        auto *parameters = inspector.findChild<QLabel *>(QStringLiteral("llmParameters"));
        QCOMPARE(parameters->text(), QStringLiteral("seed = 7  ·  stop = [\"END\"]"));
        QCOMPARE(inspector.findChild<QLabel *>(QStringLiteral("spanSelfTime"))->text(), QStringLiteral("—"));
        // Rows without data are hidden, not shown empty.
        auto *tokens = inspector.findChild<QLabel *>(QStringLiteral("llmTokens"));
        QVERIFY(!tokens->isVisibleTo(&inspector));
        QVERIFY(parameters->isVisibleTo(&inspector));
    }

    void bodiesTabCollectsRequestAndResponseBodies()
    {
        Span span = httpSpan();
        span.attributes["http.request.body"] = json{{"passenger", "Ada"}}.dump();
        span.attributes["http.response.body.size"] = 512;
        span.attributes["input.value"] = "plain prompt text";
        span.attributes["proxy.response_body"] = json{{"ok", false}};
        SpanInspector inspector;
        inspector.setSpan(span, 0);
        auto *tabs = inspector.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        QVERIFY(tabs->isTabVisible(tabs->indexOf(inspector.bodiesInspector())));
        QCOMPARE(tabs->currentWidget(), inspector.bodiesInspector());
        const JsonTreeModel *bodies = inspector.bodiesInspector()->model();
        QStringList keys;
        for (int row = 0; row < bodies->rowCount(); ++row)
            keys << bodies->index(row, 0).data().toString();
        QCOMPARE(keys, QStringList({QStringLiteral("http.request.body"), QStringLiteral("input.value"),
                                    QStringLiteral("proxy.response_body")}));
        QCOMPARE(tabs->tabText(tabs->indexOf(inspector.bodiesInspector())), QStringLiteral("Bodies (3)"));
    }

    void darkPaletteKeepsErrorsAndJsonReadable()
    {
        SpanInspector inspector;
        const QPalette light = inspector.palette();
        inspector.setPalette(darkPalette());
        inspector.resize(600, 1000);
        inspector.setSpan(llmSpan(), 1'900'000'000);
        inspector.bodiesInspector()->setTextMode(true);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        auto *type = inspector.findChild<QLabel *>(QStringLiteral("exceptionType"));
        auto *highlighter = inspector.bodiesInspector()->findChild<JsonHighlighter *>();
        QVERIFY(type->palette().color(QPalette::WindowText).lightness() > 150);
        QVERIFY(highlighter->isDarkBackground());
        QVERIFY(highlighter->keyFormat().foreground().color().lightness() > 150);
        saveScreenshot(inspector, QStringLiteral("span-llm-dark-600x1000.png"));

        inspector.setPalette(light);
        QVERIFY(type->palette().color(QPalette::WindowText).lightness() < 128);
        QVERIFY(!highlighter->isDarkBackground());
    }

    void longUnbreakableTextDoesNotWidenTheSummary()
    {
        Span span = httpSpan();
        span.name = std::string(300, 'n');
        span.traceId = std::string(200, 'f');
        span.statusMessage = "https://bookings.internal/" + std::string(300, 'p');
        SpanInspector inspector;
        inspector.resize(500, 900);
        inspector.setSpan(span, 0);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        auto *scroll = inspector.findChild<QScrollArea *>(QStringLiteral("summaryScroll"));
        QCOMPARE(scroll->widget()->width(), scroll->viewport()->width());
        QVERIFY(scroll->viewport()->width() <= 500);
    }

    void nonLlmSpanHidesLlmBlock()
    {
        SpanInspector inspector;
        inspector.resize(600, 1000);
        inspector.setSpan(llmSpan(), 0);
        inspector.setSpan(httpSpan(), 48'260'000);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QVERIFY(!inspector.findChild<QWidget *>(QStringLiteral("llmBlock"))->isVisible());
        QCOMPARE(inspector.findChild<QLabel *>(QStringLiteral("spanDuration"))->text(),
                 QStringLiteral("48.3 ms"));
        QCOMPARE(inspector.findChild<QLabel *>(QStringLiteral("exceptionType"))->text(),
                 QStringLiteral("java.lang.IllegalStateException"));
        QCOMPARE(inspector.findChildren<QPlainTextEdit *>(QStringLiteral("stackTrace")).size(), 1);
        // The summary pane ends where its last section does (8 px margin), sized for this span's events,
        // not for the previous span's larger ones.
        auto *events = inspector.findChild<QWidget *>(QStringLiteral("eventsBox"));
        QCOMPARE(inspector.findChild<QSplitter *>()->sizes().constFirst(),
                 events->geometry().bottom() + 1 + 8);
        auto *tabs = inspector.findChild<QTabWidget *>(QStringLiteral("inspectorTabs"));
        QVERIFY(!tabs->isTabVisible(tabs->indexOf(inspector.bodiesInspector())));
        QCOMPARE(tabs->currentWidget(), inspector.attributesInspector());
        saveScreenshot(inspector, QStringLiteral("span-http-600x1000.png"));

        inspector.clear();
        QVERIFY(!inspector.hasSpan());
        QVERIFY(!inspector.findChild<QWidget *>(QStringLiteral("llmBlock"))->isVisible());
    }
};

QTEST_MAIN(TestInspector)
#include "test_inspector.moc"

#include "graphlayout.h"
#include "pathgraphview.h"
#include "servicegraph.h"
#include "servicemap.h"
#include "storereader.h"
#include "storesupport.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "widgetexport.h"
#include "zipkindecoder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <map>

using namespace tracedeck;

namespace {

constexpr int64_t kMs = 1'000'000;

TimelineSpan span(const char *id, const char *parent, const char *service, int64_t startMs, int64_t endMs,
                  SpanStatus status = SpanStatus::Unset)
{
    TimelineSpan s;
    s.spanId = id;
    s.parentSpanId = parent;
    s.name = std::string("op ") + id;
    s.service = service;
    s.startNs = startMs * kMs;
    s.endNs = endMs * kMs;
    s.status = status;
    return s;
}

// gateway → orders (twice), orders → payments (fails once), orders → db, and an LLM call in orders.
TimelineSpans nestedTrace()
{
    TimelineSpans spans = {
        span("g", "", "gateway", 0, 100),
        span("o1", "g", "orders", 5, 60),
        span("o1-inner", "o1", "orders", 6, 20), // same service: no edge, no extra call
        span("p1", "o1", "payments", 20, 50, SpanStatus::Error),
        span("d1", "o1", "db", 50, 55),
        span("o2", "g", "orders", 60, 95),
        span("p2", "o2", "payments", 62, 70),
        span("llm", "o2", "orders", 70, 94),
    };
    TimelineSpan &llm = spans.back();
    llm.category = "llm";
    llm.model = "gpt-4o";
    llm.inputTokens = 1200;
    llm.outputTokens = 300;
    llm.costUsd = 0.006;
    return spans;
}

const ServiceNode &node(const ServiceGraph &graph, const char *name)
{
    static const ServiceNode none;
    const int i = graph.indexOf(QString::fromLatin1(name));
    return i < 0 ? none : graph.nodes()[size_t(i)];
}

const ServiceEdge *edge(const ServiceGraph &graph, const char *from, const char *to)
{
    for (const ServiceEdge &e : graph.edges())
        if (e.from == graph.indexOf(QString::fromLatin1(from)) &&
            e.to == graph.indexOf(QString::fromLatin1(to)))
            return &e;
    return nullptr;
}

TimelineSpans fromZipkinFixture(const char *file)
{
    QFile f(QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(file));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    TimelineSpans out;
    for (const Span &s :
         ZipkinDecoder::decode(std::string_view(bytes.constData(), size_t(bytes.size()))).spans) {
        TimelineSpan t;
        t.spanId = s.spanId;
        t.parentSpanId = s.parentSpanId;
        t.name = s.name;
        t.service = s.service;
        t.startNs = s.startNs;
        t.endNs = s.endNs;
        t.status = s.status;
        out.push_back(std::move(t));
    }
    return out;
}

// A stored span, as a client library would send it.
Span storedSpan(const char *trace, const char *id, const char *parent, const char *service, int kind,
                int64_t startMs, int64_t durationMs, nlohmann::json attributes = nlohmann::json::object())
{
    Span s;
    s.traceId = trace;
    s.spanId = id;
    if (*parent)
        s.parentSpanId = parent;
    s.name = std::string("op ") + id;
    s.service = service;
    s.kind = kind;
    s.startNs = (1'700'000'000'000 + startMs) * kMs;
    s.endNs = s.startNs + durationMs * kMs;
    s.status = SpanStatus::Ok;
    s.source = "test";
    s.attributes = std::move(attributes);
    return s;
}

constexpr int kServer = 2, kClient = 3, kInternal = 1;

// t-peer: orders calls Stripe (not instrumented, fails once of twice) and Postgres; t-inst: the same client
// span answered by payments' server span; t-llm: an LLM call to OpenAI with no provider span, and an SDK's
// LLM span over its own HTTP client span to Anthropic.
SpanBatch peerSpans()
{
    using nlohmann::json;
    const json stripe = {{"http.request.method", "POST"},
                         {"server.address", "api.stripe.com"},
                         {"server.port", 443},
                         {"url.full", "https://api.stripe.com/v1/charges"}};
    SpanBatch batch = {
        storedSpan("t-peer", "a", "", "gateway", kServer, 0, 100),
        storedSpan("t-peer", "b", "a", "orders", kServer, 5, 90),
        storedSpan("t-peer", "c", "b", "orders", kClient, 10, 30, stripe),
        storedSpan("t-peer", "c2", "b", "orders", kClient, 45, 10, stripe),
        storedSpan("t-peer", "d", "b", "orders", kClient, 60, 5,
                   json{{"db.system", "postgresql"}, {"db.name", "shop"}}),
        storedSpan("t-inst", "a", "", "orders", kServer, 1000, 100),
        storedSpan("t-inst", "c", "a", "orders", kClient, 1010, 30,
                   json{{"peer.service", "payments"}, {"server.address", "payments.internal"}}),
        storedSpan("t-inst", "s", "c", "payments", kServer, 1012, 25),
        storedSpan("t-llm", "a", "", "agent", kInternal, 2000, 900),
        storedSpan("t-llm", "l", "a", "agent", kClient, 2010, 400),
        storedSpan("t-llm", "l2", "a", "agent", kInternal, 2500, 300),
        storedSpan("t-llm", "h", "l2", "agent", kClient, 2505, 290,
                   json{{"server.address", "api.anthropic.com"}, {"server.port", 443}}),
    };
    batch[3].status = SpanStatus::Error;
    for (Span &s : batch) {
        if (s.spanId == "l" || s.spanId == "l2") {
            s.fields.category = "llm";
            s.fields.provider = s.spanId == "l" ? "openai" : "anthropic";
            s.fields.model = s.spanId == "l" ? "gpt-4o" : "claude-3-5-sonnet";
            s.fields.inputTokens = 1000;
            s.fields.outputTokens = 100;
            s.fields.costUsd = 0.01;
        }
    }
    return batch;
}

} // namespace

class TestPathGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void nestedTraceMakesServicesAndCalls()
    {
        const TimelineData trace = TimelineData::build(nestedTrace());
        const ServiceGraph graph = ServiceGraph::fromTrace(trace);
        QVERIFY(!graph.isFlatPath());
        QCOMPARE(graph.nodes().size(), size_t(4));
        QCOMPARE(graph.edges().size(), size_t(3));
        QCOMPARE(node(graph, "gateway").calls, int64_t(1)); // the root
        QCOMPARE(node(graph, "orders").spans, int64_t(4));
        QCOMPARE(node(graph, "orders").calls, int64_t(2)); // o1-inner and llm stay inside orders
        QCOMPARE(node(graph, "payments").errors, int64_t(1));
        const ServiceEdge *toOrders = edge(graph, "gateway", "orders");
        QVERIFY(toOrders);
        QCOMPARE(toOrders->calls, 2);
        QCOMPARE(toOrders->errors, 0);
        const ServiceEdge *toPayments = edge(graph, "orders", "payments");
        QVERIFY(toPayments);
        QCOMPARE(toPayments->calls, 2);
        QCOMPARE(toPayments->errors, 1);
        QVERIFY(edge(graph, "orders", "db"));
        QVERIFY(!edge(graph, "orders", "orders"));
        // Latency of the calls into orders: 55 ms and 35 ms.
        QCOMPARE(node(graph, "orders").p50Ns, 55 * kMs);
        QCOMPARE(node(graph, "orders").p95Ns, 55 * kMs);
        QCOMPARE(node(graph, "payments").p50Ns, 30 * kMs);
        QVERIFY(node(graph, "orders").llm);
        QCOMPARE(node(graph, "orders").inputTokens, 1200);
        QCOMPARE(node(graph, "orders").outputTokens, 300);
        QVERIFY(node(graph, "orders").costKnown);
        QCOMPARE(node(graph, "orders").costUsd, 0.006);
        QVERIFY(!node(graph, "gateway").llm);
    }

    // REST hops of one request id have no parents: the path is their time order.
    void flatRecordsFormAPathInTimeOrder()
    {
        TimelineSpans hops = {span("h3", "", "billing", 30, 40), span("h1", "", "web", 0, 10),
                              span("h2", "", "auth", 10, 20), span("h4", "", "web", 45, 50)};
        const ServiceGraph graph = ServiceGraph::fromTrace(TimelineData::build(hops));
        QVERIFY(graph.isFlatPath());
        QCOMPARE(graph.nodes().size(), size_t(3));
        QVERIFY(edge(graph, "web", "auth"));
        QVERIFY(edge(graph, "auth", "billing"));
        QVERIFY(edge(graph, "billing", "web"));
        QVERIFY(!edge(graph, "web", "billing"));
        QCOMPARE(node(graph, "web").calls, int64_t(2));
    }

    void singleSpanHasOneNodeAndNoEdges()
    {
        const ServiceGraph graph =
            ServiceGraph::fromTrace(TimelineData::build({span("a", "", "solo", 0, 5)}));
        QCOMPARE(graph.nodes().size(), size_t(1));
        QVERIFY(graph.edges().empty());
        QVERIFY(!graph.isFlatPath());
        const GraphLayout layout = GraphLayout::layout(graph);
        QCOMPARE(layout.nodes().size(), size_t(1));
    }

    // Graphviz lays the request out left to right; boxes do not overlap; arrows go from caller to callee.
    void layoutReadsLeftToRight()
    {
        const ServiceGraph graph = ServiceGraph::fromTrace(TimelineData::build(nestedTrace()));
        const GraphLayout layout = GraphLayout::layout(graph);
        QVERIFY2(layout.error().isEmpty(), qPrintable(layout.error()));
        QCOMPARE(layout.nodes().size(), graph.nodes().size());
        QCOMPARE(layout.edges().size(), graph.edges().size());
        const auto rect = [&](const char *name) {
            return layout.nodes()[size_t(graph.indexOf(QLatin1String(name)))];
        };
        QVERIFY(rect("gateway").right() < rect("orders").left());
        QVERIFY(rect("orders").right() < rect("payments").left());
        QVERIFY(rect("orders").right() < rect("db").left());
        for (size_t i = 0; i < layout.nodes().size(); ++i) {
            QVERIFY(layout.bounds().contains(layout.nodes()[i]));
            QCOMPARE(layout.nodes()[i].width(), GraphLayout::kNodeWidth);
            for (size_t j = i + 1; j < layout.nodes().size(); ++j)
                QVERIFY(!layout.nodes()[i].intersects(layout.nodes()[j]));
        }
        for (size_t i = 0; i < graph.edges().size(); ++i) {
            const auto &geometry = layout.edges()[i];
            QVERIFY(geometry.bezier.size() >= 4);
            const QRectF from = layout.nodes()[size_t(graph.edges()[i].from)];
            const QRectF to = layout.nodes()[size_t(graph.edges()[i].to)];
            QVERIFY(from.adjusted(-2, -2, 2, 2).contains(geometry.bezier.front()));
            QVERIFY(to.adjusted(-2, -2, 2, 2).contains(geometry.arrowTip));
        }
    }

    // A real production trace (Zipkin test data, 10 services) through the whole path, shown and exported.
    void viewShowsARealTraceAndExports()
    {
        const TimelineSpans spans = fromZipkinFixture("zipkin/yelp.json");
        QCOMPARE(spans.size(), size_t(16));
        auto graph =
            std::make_shared<const ServiceGraph>(ServiceGraph::fromTrace(TimelineData::build(spans)));
        // Services that sent spans; remote peers without spans of their own (mysql, memcache) are not nodes.
        QCOMPARE(graph->nodes().size(), size_t(6));
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        PathGraphView view;
        view.resize(1200, 700);
        view.setGraph(graph, layout);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.scale() > 0.1 && view.scale() <= 1.0);

        // Click a service: the view asks to filter by it.
        QSignalSpy activated(&view, &PathGraphView::serviceActivated);
        const int target = 3;
        const QPoint centre = view.nodeCentre(target).toPoint();
        QCOMPARE(view.nodeAt(centre), target);
        QTest::mouseClick(&view, Qt::LeftButton, {}, centre);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toString(), graph->nodes()[target].name);

        // Wheel zooms around the cursor: the service under it stays under it.
        const double before = view.scale();
        QWheelEvent wheel(QPointF(centre), view.mapToGlobal(QPointF(centre)), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(&view, &wheel);
        QVERIFY(view.scale() > before);
        QCOMPARE(view.nodeAt(centre), target);
        // Dragging pans: the service moves with the mouse, and a drag is not a click.
        const QPointF movedFrom = view.nodeCentre(target);
        QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(20, 20));
        QMouseEvent move(QEvent::MouseMove, QPointF(80, 60), view.mapToGlobal(QPointF(80, 60)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&view, &move);
        QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(80, 60));
        QCOMPARE(view.nodeCentre(target), movedFrom + QPointF(60, 40));
        QCOMPARE(activated.count(), 1);
        QTest::mouseDClick(&view, Qt::LeftButton, {}, QPoint(5, 5));
        QCOMPARE(view.scale(), before);

        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("graph.png"));
        const QString svg = dir.filePath(QStringLiteral("graph.svg"));
        QVERIFY(view.savePng(png));
        QVERIFY(view.saveSvg(svg));
        QImage image(png);
        QCOMPARE(image.size(), (layout->bounds().adjusted(-24, -24, 24, 24).size() * 2).toSize());
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        const QByteArray svgText = svgFile.readAll();
        QVERIFY(svgText.startsWith("<?xml"));
        QVERIFY2(svgText.contains(graph->nodes()[0].name.toUtf8()), "service names are text in the SVG");
        QDir().mkpath(QStringLiteral(TRACEDECK_SCREENSHOT_OUT));
        view.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/pathgraph-yelp.png"));

        // An empty trace says so instead of drawing nothing.
        view.setGraph(std::make_shared<const ServiceGraph>(), std::make_shared<const GraphLayout>());
        QVERIFY(!view.savePng(png));
    }

    // The timeline (any view) saved as it is shown: a PNG at twice the pixels, an SVG whose labels are text.
    void timelineExportsAsPngAndSvg()
    {
        TimelineView view;
        view.resize(900, 300);
        view.setData(std::make_shared<const TimelineData>(TimelineData::build(nestedTrace())));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("timeline.png"));
        const QString svg = dir.filePath(QStringLiteral("timeline.svg"));
        QVERIFY(WidgetExport::save(view, png, QStringLiteral("timeline")));
        QVERIFY(WidgetExport::save(view, svg, QStringLiteral("timeline")));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1800, 600));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 6)
            for (int x = 0; x < image.width(); x += 6)
                colours.insert(image.pixel(x, y));
        QVERIFY(colours.size() > 10); // bars in service colours, not a blank page
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("<svg"));
        QVERIFY(text.contains("payments")); // the legend and labels stay text
    }

    void nestedTraceScreenshot()
    {
        auto graph =
            std::make_shared<const ServiceGraph>(ServiceGraph::fromTrace(TimelineData::build(nestedTrace())));
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        PathGraphView view;
        view.resize(1000, 420);
        view.setGraph(graph, layout);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/pathgraph-nested.png"));
    }

    // The service map of a time range from a real store: calls into a service are its roots and the spans
    // whose parent is in another service; same-service children are no edge; a trace outside the range and
    // another workspace's spans do not count; a caller that started before the range is still a node.
    void uninstrumentedPeersAreNodes()
    {
        QTemporaryDir dir;
        std::string error;
        auto writer = SpanWriter::open(dir.filePath(QStringLiteral("peers.db")).toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(tracedeck::testing::writeAndWait(*writer, peerSpans()).ok);
        auto reader = StoreReader::open(writer->path(), &error);
        QVERIFY2(reader, error.c_str());
        const auto graphOf = [&](const char *trace) {
            return ServiceGraph::fromTrace(TimelineData::build(reader->timeline("local", trace, &error)));
        };

        // The HTTP client spans to Stripe: one peer node, named by server.address:port, with both calls.
        const ServiceGraph peer = graphOf("t-peer");
        QVERIFY2(error.empty(), error.c_str());
        const ServiceNode &stripe = node(peer, "api.stripe.com:443");
        QVERIFY(stripe.external);
        QCOMPARE(stripe.calls, int64_t(2));
        QCOMPARE(stripe.errors, int64_t(1));
        QCOMPARE(stripe.p95Ns, 30 * kMs);
        const ServiceEdge *toStripe = edge(peer, "orders", "api.stripe.com:443");
        QVERIFY(toStripe);
        QCOMPARE(toStripe->calls, int64_t(2));
        QCOMPARE(toStripe->errors, int64_t(1));
        // A database client: db.system/db.name. The instrumented services stay what they were.
        QVERIFY(node(peer, "postgresql/shop").external);
        QCOMPARE(node(peer, "postgresql/shop").calls, int64_t(1));
        QVERIFY(!node(peer, "orders").external);
        QCOMPARE(node(peer, "orders").calls, int64_t(1));
        QCOMPARE(peer.externalCount(), 2);
        QCOMPARE(int(peer.nodes().size()), 4);

        // The callee is instrumented: its server span answers the call, no peer node.
        const ServiceGraph instrumented = graphOf("t-inst");
        QCOMPARE(instrumented.externalCount(), 0);
        QCOMPARE(int(instrumented.nodes().size()), 2);
        QVERIFY(edge(instrumented, "orders", "payments"));
        QVERIFY(instrumented.indexOf(QStringLiteral("payments.internal")) < 0);

        // An LLM call with no provider span: the provider is a node, with the call's tokens and cost. The
        // SDK's LLM span over its own HTTP client span: the deeper call names the peer, once.
        const ServiceGraph llm = graphOf("t-llm");
        const ServiceNode &openai = node(llm, "openai");
        QVERIFY(openai.external);
        QVERIFY(openai.llm);
        QCOMPARE(openai.calls, int64_t(1));
        QCOMPARE(openai.inputTokens, int64_t(1000));
        QVERIFY(openai.costKnown);
        QVERIFY(edge(llm, "agent", "openai"));
        QVERIFY(node(llm, "api.anthropic.com:443").external);
        QVERIFY(llm.indexOf(QStringLiteral("anthropic")) < 0);
        QCOMPARE(llm.externalCount(), 2);

        // Drawn dashed, and explained as external.
        auto graph = std::make_shared<const ServiceGraph>(peer);
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        PathGraphView view;
        view.resize(900, 420);
        view.setGraph(graph, layout);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy activated(&view, &PathGraphView::serviceActivated);
        const int stripeIndex = graph->indexOf(QStringLiteral("api.stripe.com:443"));
        QCOMPARE(view.nodeAt(view.nodeCentre(stripeIndex)), stripeIndex);
        QTest::mouseClick(&view, Qt::LeftButton, {}, view.nodeCentre(stripeIndex).toPoint());
        QVERIFY(activated.isEmpty()); // no spans of its own to filter the list to
        QTest::mouseClick(&view, Qt::LeftButton, {},
                          view.nodeCentre(graph->indexOf(QStringLiteral("orders"))).toPoint());
        QCOMPARE(activated.size(), 1);
        QDir().mkpath(QStringLiteral(TRACEDECK_SCREENSHOT_OUT));
        QVERIFY(view.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/pathgraph-peers.png")));
    }

    void serviceMapShowsPeers()
    {
        QTemporaryDir dir;
        std::string error;
        auto writer = SpanWriter::open(dir.filePath(QStringLiteral("peers.db")).toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(tracedeck::testing::writeAndWait(*writer, peerSpans()).ok);
        auto reader = StoreReader::open(writer->path(), &error);
        QVERIFY2(reader, error.c_str());
        bool capped = false;
        const ServiceGraph map =
            ServiceMap::load(*reader, "local", std::nullopt, std::nullopt, &capped, &error);
        QVERIFY2(error.empty(), error.c_str());
        const ServiceNode &stripe = node(map, "api.stripe.com:443");
        QVERIFY(stripe.external);
        QCOMPARE(stripe.calls, int64_t(2));
        QCOMPARE(stripe.errors, int64_t(1));
        QCOMPARE(edge(map, "orders", "api.stripe.com:443")->calls, int64_t(2));
        QVERIFY(node(map, "postgresql/shop").external);
        QVERIFY(node(map, "openai").external);
        QCOMPARE(node(map, "openai").outputTokens, int64_t(100));
        QVERIFY(edge(map, "agent", "openai"));
        QVERIFY(node(map, "api.anthropic.com:443").external);
        QVERIFY(map.indexOf(QStringLiteral("anthropic")) < 0);
        QVERIFY(map.indexOf(QStringLiteral("payments.internal")) < 0);
        QVERIFY(!node(map, "payments").external);
        QCOMPARE(map.externalCount(), 4);
        QCOMPARE(int(map.nodes().size()), 4 + 4); // gateway, orders, payments, agent + the peers

        // A range holding only the instrumented call: no peers.
        const ServiceGraph range = ServiceMap::load(*reader, "local", (1'700'000'000'000 + 1000) * kMs,
                                                    (1'700'000'000'000 + 1500) * kMs, &capped, &error);
        QCOMPARE(range.externalCount(), 0);
        QVERIFY(range.indexOf(QStringLiteral("payments")) >= 0);
    }

    void serviceMapOfATimeRange()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("map.db")).toStdString();
        std::string error;
        auto writer = SpanWriter::open(path, &error);
        QVERIFY2(writer, error.c_str());
        constexpr int64_t ms = 1'000'000;
        const auto span = [](const char *trace, const char *id, const char *parent, const char *service,
                             int64_t start, int64_t duration, bool error = false,
                             const char *workspace = "local") {
            Span s;
            s.workspace = workspace;
            s.traceId = trace;
            s.spanId = id;
            if (*parent)
                s.parentSpanId = parent;
            s.name = std::string("op ") + id;
            s.service = service;
            s.startNs = start;
            s.endNs = start + duration;
            s.status = error ? SpanStatus::Error : SpanStatus::Ok;
            s.source = "test";
            return s;
        };
        const int64_t t0 = 1'700'000'000'000 * ms;
        SpanBatch batch = {
            span("t1", "a", "", "gateway", t0, 100 * ms),
            span("t1", "b", "a", "orders", t0 + 5 * ms, 60 * ms),
            span("t1", "c", "b", "orders", t0 + 10 * ms, 20 * ms), // same service: no call
            span("t1", "d", "c", "postgres", t0 + 12 * ms, 8 * ms, true),
            span("t2", "a", "", "gateway", t0 + 1000 * ms, 50 * ms),
            span("t2", "b", "a", "orders", t0 + 1005 * ms, 40 * ms),
            // The caller starts before the range, the callee inside it.
            span("t3", "a", "", "scheduler", t0 - 500 * ms, 2000 * ms),
            span("t3", "b", "a", "orders", t0 + 1200 * ms, 30 * ms),
            span("t4", "a", "", "gateway", t0 + 60'000 * ms, 10 * ms), // after the range
            span("t1", "a", "", "elsewhere", t0, 10 * ms, false, "other-team"),
        };
        QVERIFY(tracedeck::testing::writeAndWait(*writer, std::move(batch)).ok);
        auto reader = StoreReader::open(path, &error);
        QVERIFY2(reader, error.c_str());
        bool capped = false;
        const ServiceGraph map = ServiceMap::load(*reader, "local", t0, t0 + 10'000 * ms, &capped, &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(!capped);
        QCOMPARE(int(map.nodes().size()), 4);
        const auto node = [&](const char *name) {
            return map.nodes()[size_t(map.indexOf(QString::fromLatin1(name)))];
        };
        QVERIFY(map.indexOf(QStringLiteral("elsewhere")) < 0);
        QCOMPARE(node("gateway").calls, int64_t(2));
        QCOMPARE(node("gateway").spans, int64_t(2));
        QCOMPARE(node("orders").calls, int64_t(3));
        QCOMPARE(node("orders").spans, int64_t(4));
        QCOMPARE(node("postgres").errors, int64_t(1));
        QCOMPARE(node("scheduler").spans, int64_t(0)); // outside the range, known only as a caller
        QCOMPARE(node("gateway").p50Ns, 100 * ms);
        std::map<std::pair<QString, QString>, ServiceEdge> edges;
        for (const ServiceEdge &e : map.edges())
            edges[{map.nodes()[size_t(e.from)].name, map.nodes()[size_t(e.to)].name}] = e;
        QCOMPARE(int(edges.size()), 3);
        const auto edge = [&](const char *from, const char *to) {
            return edges[{QString::fromLatin1(from), QString::fromLatin1(to)}];
        };
        QCOMPARE(edge("gateway", "orders").calls, int64_t(2));
        QCOMPARE(edge("orders", "postgres").calls, int64_t(1));
        QCOMPARE(edge("orders", "postgres").errors, int64_t(1));
        QCOMPARE(edge("scheduler", "orders").calls, int64_t(1));
        QVERIFY(!edges.count(std::pair(QStringLiteral("orders"), QStringLiteral("orders"))));
        // The same names get the same colours as in a trace's timeline.
        QCOMPARE(
            node("gateway").colourIndex,
            int(TimelineData::colourSlots({QStringLiteral("gateway"), QStringLiteral("orders"),
                                           QStringLiteral("postgres"), QStringLiteral("scheduler")})[0]));
        // No range: every trace of the workspace.
        const ServiceGraph all =
            ServiceMap::load(*reader, "local", std::nullopt, std::nullopt, &capped, &error);
        QCOMPARE(all.nodes()[size_t(all.indexOf(QStringLiteral("gateway")))].calls, int64_t(3));
    }
};

QTEST_MAIN(TestPathGraph)
#include "test_pathgraph.moc"

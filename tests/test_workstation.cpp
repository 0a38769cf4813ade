#include "costdashboard.h"
#include "emptystate.h"
#include "engine.h"
#include "filterbar.h"
#include "httpclient.h"
#include "ingeststatus.h"
#include "jsoninspector.h"
#include "jsontreemodel.h"
#include "mainwindow.h"
#include "pathgraphview.h"
#include "servicegraph.h"
#include "spaninspector.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracefilereader.h"
#include "tracelistmodel.h"
#include "tracelistview.h"
#include "workstation.h"

#include <QChartView>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QToolButton>
#include <QtTest>

#include <set>

using namespace tracedeck;

namespace {

QByteArray otlpJsonTrace(const QByteArray &traceId, const QByteArray &service)
{
    const auto span = [&](const char *id, const char *parent, const char *name, int startMs,
                          int endMs) -> QByteArray {
        QByteArray json =
            "{\"traceId\":\"" + traceId + "\",\"spanId\":\"" + id + "\",\"name\":\"" + name +
            "\",\"kind\":2,\"startTimeUnixNano\":\"" + QByteArray::number(1'700'000'000'000LL + startMs) +
            "000000\",\"endTimeUnixNano\":\"" + QByteArray::number(1'700'000'000'000LL + endMs) + "000000\"";
        if (parent[0])
            json += ",\"parentSpanId\":\"" + QByteArray(parent) + "\"";
        return json + "}";
    };
    return "{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\"value\":"
           "{\"stringValue\":\"" +
           service + "\"}}]},\"scopeSpans\":[{\"spans\":[" +
           span("00000000000000a1", "", "GET /live", 0, 90) + "," +
           span("00000000000000a2", "00000000000000a1", "db query", 10, 40) + "]}]}]}";
}

QString screenshotDir()
{
    const QString dir = qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR")
                            ? qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR")
                            : QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

void saveShot(QWidget *widget, const QString &name)
{
    QVERIFY(widget->grab().save(screenshotDir() + u'/' + name + QStringLiteral(".png")));
}

QPushButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>()) {
        if (button->text() == text)
            return button;
    }
    return nullptr;
}

int rowOfRoot(const TraceListModel &model, const QString &rootPrefix)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, int(TraceColumn::Root)).data().toString().startsWith(rootPrefix))
            return row;
    }
    return -1;
}

} // namespace

class TestWorkstation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_workstation"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("workstation.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(m_engine.start(options, &error), qPrintable(error));
        m_workstation = std::make_unique<Workstation>(m_engine);
        m_workstation->window().resize(1600, 1000);
        m_workstation->window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_workstation->window()));
    }

    void firstStartShowsWhereToSendTraces()
    {
        MainWindow &window = m_workstation->window();
        QVERIFY(window.isEmptyStateVisible());
        const quint16 port = m_engine.listener()->address().port;
        QVERIFY(window.ingestStatus()->text().contains(QStringLiteral("127.0.0.1:%1").arg(port)));
        QCOMPARE(window.ingestStatus()->endpointLine(),
                 QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:%1").arg(port));
        auto *listener = window.ingestStatus()->findChild<QToolButton *>();
        QVERIFY(listener);
        QTest::mouseClick(listener, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), window.ingestStatus()->endpointLine());
        saveShot(&window, QStringLiteral("empty-state"));
    }

    void samplesButtonFillsEveryView()
    {
        MainWindow &window = m_workstation->window();
        QPushButton *samples = buttonWithText(window.emptyState(), QStringLiteral("Load sample traces"));
        QVERIFY(samples);
        QSignalSpy imported(m_workstation.get(), &Workstation::importFinished);
        QTest::mouseClick(samples, Qt::LeftButton);
        QVERIFY(imported.wait(10000));
        QCOMPARE(imported.first().first().toLongLong(), 25);
        TraceListModel &traces = m_workstation->traces();
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 3, 10000);
        QTRY_VERIFY(!window.isEmptyStateVisible());
        QTRY_VERIFY(window.ingestStatus()->text().contains(QStringLiteral("3 traces, 25 spans")));
    }

    void clickingATraceShowsItsTimelineAndRootSpan()
    {
        MainWindow &window = m_workstation->window();
        TraceListView *list = window.traceList();
        const int row = rowOfRoot(m_workstation->traces(), QStringLiteral("support-agent"));
        QVERIFY(row >= 0);
        QSignalSpy shown(m_workstation.get(), &Workstation::traceShown);
        QSignalSpy spanShown(m_workstation.get(), &Workstation::spanShown);
        const QRect cell = list->visualRect(m_workstation->traces().index(row, 1));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, cell.center());
        QVERIFY(shown.wait(10000));
        const auto data = m_workstation->timeline().data();
        QVERIFY(data);
        QCOMPARE(data->count(), 8);
        QVERIFY(spanShown.wait(10000));
        QCOMPARE(m_workstation->inspector().findChildren<QLabel *>().isEmpty(), false);
        bool nameShown = false;
        for (QLabel *label : m_workstation->inspector().findChildren<QLabel *>())
            nameShown |= label->text().contains(QStringLiteral("agent run: support ticket"));
        QVERIFY(nameShown);
        saveShot(&window, QStringLiteral("main-agent-trace"));
    }

    // The path graph tab shows the shown trace's services; clicking one filters the list to it.
    void pathGraphShowsTheTraceAndFiltersByService()
    {
        MainWindow &window = m_workstation->window();
        PathGraphView &graph = m_workstation->pathGraph();
        QVERIFY(graph.graph());
        // Every service of the trace, and the peers it called without spans of their own (the LLM provider).
        QCOMPARE(int(graph.graph()->nodes().size()) - graph.graph()->externalCount(),
                 m_workstation->timeline().data()->serviceCount());
        QVERIFY(graph.graph()->nodes().size() >= 2);
        window.traceTabs()->setCurrentWidget(&graph);
        QTRY_VERIFY(graph.isVisible());
        saveShot(&window, QStringLiteral("main-path-graph"));
        TraceListModel &traces = m_workstation->traces();
        int target = int(graph.graph()->nodes().size()) - 1;
        while (target > 0 && graph.graph()->nodes()[size_t(target)].external)
            --target; // an external peer filters nothing
        const QString service = graph.graph()->nodes()[size_t(target)].name;
        QTest::mouseClick(&graph, Qt::LeftButton, {}, graph.nodeCentre(target).toPoint());
        QTRY_COMPARE(window.filterBar()->queryEdit()->text(), QStringLiteral("service:") + service);
        QTRY_VERIFY_WITH_TIMEOUT(traces.rowCount() >= 1, 10000);
        window.filterBar()->queryEdit()->clear();
        QTest::keyClick(window.filterBar()->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 3, 10000);
        window.traceTabs()->setCurrentIndex(0);
    }

    // The Service map tab: every span of the workspace (all time here), loaded when the tab is shown.
    void serviceMapTabShowsEveryTracesServices()
    {
        MainWindow &window = m_workstation->window();
        PathGraphView &map = m_workstation->serviceMap();
        QSignalSpy shown(m_workstation.get(), &Workstation::serviceMapShown);
        window.traceTabs()->setCurrentWidget(&map);
        QVERIFY(shown.wait(10000));
        QVERIFY(map.graph());
        // The three sample traces together touch more services than the agent trace alone.
        const ServiceGraph &graph = *map.graph();
        QCOMPARE(shown.first()[0].toInt(), int(graph.nodes().size()));
        QVERIFY(graph.nodes().size() > m_workstation->pathGraph().graph()->nodes().size());
        for (const ServiceNode &node : m_workstation->pathGraph().graph()->nodes())
            QVERIFY2(graph.indexOf(node.name) >= 0, qPrintable(node.name));
        QVERIFY(!graph.edges().empty());
        QTRY_VERIFY(map.isVisible());
        saveShot(&window, QStringLiteral("main-service-map"));
        window.traceTabs()->setCurrentIndex(0);
    }

    // File ▸ Export Traces…: the two selected rows to OTLP JSON Lines (read back: the same traces and
    // spans), every listed trace to CSV, and a clear error for a file that cannot be written.
    void exportTracesFromTheWindow()
    {
        MainWindow &window = m_workstation->window();
        TraceListModel &traces = m_workstation->traces();
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 3, 10000);
        QItemSelection two;
        two.select(traces.index(0, 0), traces.index(0, traces.columnCount() - 1));
        two.select(traces.index(2, 0), traces.index(2, traces.columnCount() - 1));
        window.traceList()->selectionModel()->select(two, QItemSelectionModel::ClearAndSelect);
        const std::set<std::string> chosen = {traces.trace(0)->traceId, traces.trace(2)->traceId};
        const int64_t chosenSpans = traces.trace(0)->spanCount + traces.trace(2)->spanCount;

        ExportDialog *dialog = m_workstation->openExportDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QRadioButton *selectedOnly = nullptr;
        for (QRadioButton *radio : dialog->findChildren<QRadioButton *>())
            if (radio->text().startsWith(QStringLiteral("Selected traces")))
                selectedOnly = radio;
        QVERIFY(selectedOnly);
        QVERIFY(selectedOnly->isChecked()); // a selection is what gets exported by default
        QCOMPARE(selectedOnly->text(), QStringLiteral("Selected traces (2)"));
        const QString jsonl = m_dir.filePath(QStringLiteral("two.jsonl"));
        dialog->setPath(jsonl);
        saveShot(dialog, QStringLiteral("export-dialog"));
        QSignalSpy finished(m_workstation.get(), &Workstation::exportFinished);
        QTest::mouseClick(dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first()[2].toString(), QString());
        QCOMPARE(finished.first()[0].toLongLong(), 2);
        QCOMPARE(finished.first()[1].toLongLong(), chosenSpans);
        const TraceFileReader::Result read = TraceFileReader::readFile(jsonl);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(int64_t(read.decoded.spans.size()), chosenSpans);
        std::set<std::string> readTraces;
        for (const Span &span : read.decoded.spans)
            readTraces.insert(span.traceId);
        QCOMPARE(readTraces, chosen);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Exported 2 trace")),
                 qPrintable(window.statusBar()->currentMessage()));

        // Every trace the (empty) filter matches, as CSV: a header and one row per span.
        ExportDialog::Choice all;
        all.format = ExportDialog::Format::Csv;
        all.path = m_dir.filePath(QStringLiteral("all.csv"));
        finished.clear();
        QVERIFY(m_workstation->exportTraces(all));
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first()[0].toLongLong(), 3);
        QCOMPARE(finished.first()[1].toLongLong(), 25);
        QFile csv(all.path);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readLine().startsWith("trace_id,"));

        ExportDialog::Choice unwritable = all;
        unwritable.path = m_dir.filePath(QStringLiteral("no-such-dir/x.csv"));
        finished.clear();
        QVERIFY(m_workstation->exportTraces(unwritable));
        QVERIFY(finished.wait(10000));
        QVERIFY2(finished.first()[2].toString().contains(QStringLiteral("cannot write")),
                 qPrintable(finished.first()[2].toString()));
        QTRY_VERIFY(window.statusBar()->currentMessage().startsWith(QStringLiteral("Export failed")));
        for (QMessageBox *box : window.findChildren<QMessageBox *>())
            box->close();
        window.traceList()->selectionModel()->clearSelection();
        window.activateWindow(); // the later tests type shortcuts into the main window
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

    // File ▸ Save Timeline/Path Graph as Image…: PNG and SVG of the shown trace.
    void saveTimelineAndPathGraphAsImages()
    {
        QVERIFY(!m_workstation->shownTraceId().isEmpty());
        for (const QString &name : {QStringLiteral("timeline"), QStringLiteral("graph")}) {
            const QString png = m_dir.filePath(name + QStringLiteral(".png"));
            const QString svg = m_dir.filePath(name + QStringLiteral(".svg"));
            const bool timeline = name == u"timeline";
            QVERIFY(timeline ? m_workstation->saveTimelineImage(png)
                             : m_workstation->savePathGraphImage(png));
            QVERIFY(timeline ? m_workstation->saveTimelineImage(svg)
                             : m_workstation->savePathGraphImage(svg));
            const QImage image(png);
            QVERIFY(!image.isNull());
            QVERIFY(image.width() > 200 && image.height() > 100);
            QFile drawing(svg);
            QVERIFY(drawing.open(QIODevice::ReadOnly));
            QVERIFY(drawing.readAll().contains("<svg"));
        }
    }

    void clickingASpanInTheTimelineInspectsIt()
    {
        TimelineView &timeline = m_workstation->timeline();
        const auto data = timeline.data();
        int errorSpan = -1;
        for (int i = 0; i < data->count(); ++i) {
            if (data->name(i) == QStringLiteral("execute_tool track_shipment"))
                errorSpan = i;
        }
        QVERIFY(errorSpan >= 0);
        QSignalSpy spanShown(m_workstation.get(), &Workstation::spanShown);
        QTest::mouseClick(timeline.viewport(), Qt::LeftButton, {}, timeline.spanRect(errorSpan).center());
        QVERIFY(spanShown.wait(10000));
        QCOMPARE(spanShown.last().first().toString(), data->spanIdString(errorSpan));
        bool stackShown = false;
        for (QWidget *w : m_workstation->inspector().findChildren<QWidget *>()) {
            if (auto *label = qobject_cast<QLabel *>(w))
                stackShown |= label->text().contains(QStringLiteral("tools.py"));
            else if (auto *text = qobject_cast<QPlainTextEdit *>(w))
                stackShown |= text->toPlainText().contains(QStringLiteral("tools.py"));
            else if (auto *rich = qobject_cast<QTextEdit *>(w))
                stackShown |= rich->toPlainText().contains(QStringLiteral("tools.py"));
        }
        QVERIFY(stackShown);
        // Its attributes are in the JSON tree.
        const JsonTreeModel *attributes = m_workstation->inspector().attributesInspector()->model();
        const QModelIndex toolName = attributes->find(QStringLiteral("gen_ai.tool.name"));
        QVERIFY(toolName.isValid());
        QCOMPARE(attributes->index(toolName.row(), JsonTreeModel::ValueColumn, toolName.parent())
                     .data()
                     .toString(),
                 QStringLiteral("track_shipment"));
        QCoreApplication::processEvents(); // let deferred layout run before the picture
        saveShot(&m_workstation->window(), QStringLiteral("main-error-span"));
    }

    void zoomShortcutsAndCtrlWheelChangeTheVisibleRange()
    {
        TimelineView &timeline = m_workstation->timeline();
        timeline.zoomToFit();
        const double fullWidth = timeline.visibleEnd() - timeline.visibleStart();
        QTest::keySequence(&m_workstation->window(), QKeySequence::ZoomIn);
        QVERIFY(timeline.visibleEnd() - timeline.visibleStart() < fullWidth);
        timeline.zoomToFit();
        const QPoint at = timeline.viewport()->rect().center();
        QWheelEvent wheel(at, timeline.viewport()->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                          Qt::ControlModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(timeline.viewport(), &wheel);
        QVERIFY(timeline.visibleEnd() - timeline.visibleStart() < fullWidth);
        QTest::keySequence(&m_workstation->window(), QKeySequence(Qt::CTRL | Qt::Key_0));
        QCOMPARE(timeline.visibleEnd() - timeline.visibleStart(), fullWidth);
        QVERIFY(!timeline.criticalPathVisible());
        QTest::keySequence(&m_workstation->window(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QVERIFY(timeline.criticalPathVisible());
        saveShot(&m_workstation->window(), QStringLiteral("main-critical-path"));
        QTest::keySequence(&m_workstation->window(), QKeySequence(Qt::CTRL | Qt::Key_K));
        QVERIFY(!timeline.criticalPathVisible());
    }

    void filterBarQueryFiltersTheList()
    {
        MainWindow &window = m_workstation->window();
        TraceListModel &traces = m_workstation->traces();
        QSignalSpy loaded(&traces, &TraceListModel::loaded);
        QTest::keySequence(&window, QKeySequence::Find);
        QTRY_VERIFY(window.filterBar()->queryEdit()->hasFocus());
        // The Field menu starts the field; the user types its value.
        auto *fieldButton = window.filterBar()->findChild<QToolButton *>();
        QVERIFY(fieldButton && fieldButton->menu());
        const auto fieldActions = fieldButton->menu()->actions();
        const auto model = std::find_if(fieldActions.begin(), fieldActions.end(),
                                        [](QAction *a) { return a->text() == QStringLiteral("Model"); });
        QVERIFY(model != fieldActions.end());
        (*model)->trigger();
        QCOMPARE(window.filterBar()->queryEdit()->text(), QStringLiteral("model:"));
        QTest::keyClicks(window.filterBar()->queryEdit(), QStringLiteral("gpt-4o*"));
        QTest::keyClick(window.filterBar()->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 1, 10000);
        QVERIFY(traces.index(0, int(TraceColumn::Root))
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("support-agent")));
        QVERIFY(!window.isEmptyStateVisible());
        saveShot(&window, QStringLiteral("filtered-list"));
        window.filterBar()->queryEdit()->clear();
        QTest::keyClick(window.filterBar()->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 3, 10000);
    }

    void backAndForwardWalkThroughSelectedTraces()
    {
        TraceListModel &traces = m_workstation->traces();
        const QString first = m_workstation->shownTraceId();
        const int other = rowOfRoot(traces, QStringLiteral("web-frontend"));
        QVERIFY(other >= 0);
        const QString second = traces.index(other, 0).data(TraceListModel::TraceIdRole).toString();
        QSignalSpy shown(m_workstation.get(), &Workstation::traceShown);
        m_workstation->window().traceList()->selectTrace(second);
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_workstation->shownTraceId(), second);
        QTest::keySequence(&m_workstation->window(), QKeySequence::Back);
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_workstation->shownTraceId(), first);
        QCOMPARE(m_workstation->window().traceList()->currentTraceId(), first);
        QTest::keySequence(&m_workstation->window(), QKeySequence::Forward);
        QVERIFY(shown.wait(10000));
        QCOMPARE(m_workstation->shownTraceId(), second);
        saveShot(&m_workstation->window(), QStringLiteral("main-rest-trace"));
    }

    void liveIngestAddsTracesWithoutLosingTheSelection()
    {
        TraceListModel &traces = m_workstation->traces();
        TraceListView *list = m_workstation->window().traceList();
        const QString selected = list->currentTraceId();
        HttpClient client(m_engine.listener()->address().port);
        for (int i = 0; i < 3; ++i) {
            const QByteArray id = QByteArray("7e57000000000000000000000000000") + QByteArray::number(i);
            const HttpResponse reply = client.post(QStringLiteral("/v1/traces"),
                                                   otlpJsonTrace(id, "live-service"), "application/json");
            QCOMPARE(reply.status, 200);
            QCOMPARE(reply.body, QByteArray("{}"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(traces.rowCount(), 6, 10000);
        QCOMPARE(list->currentTraceId(), selected);
        QTRY_VERIFY(
            m_workstation->window().ingestStatus()->text().contains(QStringLiteral("6 traces, 31 spans")));
    }

    // View ▸ Dashboard shows the store's LLM calls (the samples' three), new calls arrive while it is open,
    // and double-clicking the costliest trace opens it in the timeline.
    void dashboardFollowsIngestAndOpensATrace()
    {
        MainWindow &window = m_workstation->window();
        QDockWidget *dock = window.dashboardDock();
        QVERIFY(dock);
        QVERIFY(!dock->isVisible());
        CostDashboard &dashboard = m_workstation->dashboard();
        QSignalSpy shown(m_workstation.get(), &Workstation::dashboardShown);
        dock->toggleViewAction()->trigger();
        QVERIFY(dock->isVisible());
        QVERIFY(shown.wait(10000));
        QTRY_VERIFY(dashboard.data().totalLlmCalls >= 3);
        const int64_t calls = dashboard.data().totalLlmCalls;
        QVERIFY(!dashboard.isShowingEmptyState());
        window.resizeDocks({dock}, {900}, Qt::Horizontal);
        QTRY_VERIFY(dashboard.costChart()->chart()->plotArea().left() > 30); // axes laid out
        saveShot(&window, QStringLiteral("workstation-dashboard"));

        const QByteArray llm =
            R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"agent"}}]},
            "scopeSpans":[{"spans":[{"traceId":"d0d0000000000000000000000000000d","spanId":"00000000000000c1",
            "name":"chat gpt-4o","kind":3,"startTimeUnixNano":"1700000000100000000",
            "endTimeUnixNano":"1700000001100000000","attributes":[
            {"key":"gen_ai.request.model","value":{"stringValue":"gpt-4o"}},
            {"key":"gen_ai.usage.input_tokens","value":{"intValue":"200000"}},
            {"key":"gen_ai.usage.output_tokens","value":{"intValue":"50000"}}]}]}]}]})";
        HttpClient client(m_engine.listener()->address().port);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), llm, "application/json").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(dashboard.data().totalLlmCalls, calls + 1, 10000);
        // $1.00 of gpt-4o: the costliest trace of the store.
        QTRY_COMPARE(dashboard.topTraces()->rowCount() > 0, true);
        QCOMPARE(dashboard.data().topTraces.front().id, std::string("d0d0000000000000000000000000000d"));
        QSignalSpy traceShown(m_workstation.get(), &Workstation::traceShown);
        QTableWidget *top = dashboard.topTraces();
        const QPoint cell = top->visualItemRect(top->item(0, 0)).center();
        QTest::mouseClick(top->viewport(), Qt::LeftButton, {}, cell);
        QTest::mouseDClick(top->viewport(), Qt::LeftButton, {}, cell);
        QVERIFY(traceShown.wait(10000));
        QCOMPARE(traceShown.last().first().toString(), QStringLiteral("d0d0000000000000000000000000000d"));
        dock->hide();
    }

    // The dashboard's range and the filter bar's move together, each once (no echo back), presets and custom.
    void rangeIsSharedWithTheTraceList()
    {
        FilterBar *bar = m_workstation->window().filterBar();
        CostDashboard &dashboard = m_workstation->dashboard();
        QSignalSpy barRanged(bar, &FilterBar::rangeChanged);
        QSignalSpy dashRanged(&dashboard, &CostDashboard::rangeChanged);
        dashboard.setRange(CostDashboard::Range::Last7Days);
        QCOMPARE(bar->range(), FilterBar::Range::Last7Days);
        QVERIFY(bar->filter().fromNs);
        QCOMPARE(barRanged.size(), 1);
        QCOMPARE(dashRanged.size(), 1);

        bar->setRange(FilterBar::Range::Last30Days);
        QCOMPARE(dashboard.range(), CostDashboard::Range::Last30Days);
        QCOMPARE(barRanged.size(), 2);
        QCOMPARE(dashRanged.size(), 2);

        constexpr int64_t kFrom = 1'700'000'000'000'000'000, kTo = kFrom + 3'600'000'000'000;
        dashboard.setCustomRange(kFrom, kTo);
        QCOMPARE(bar->range(), FilterBar::Range::Custom);
        QCOMPARE(*bar->filter().fromNs, kFrom);
        QCOMPARE(*bar->filter().toNs, kTo);

        bar->setRange(FilterBar::Range::Last15Minutes);
        QCOMPARE(dashboard.range(), CostDashboard::Range::Custom);
        const DashboardQuery q = dashboard.query(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
        QCOMPARE(*q.toNs - *q.fromNs, 15 * 60'000'000'000LL);
        // The custom range came from the filter bar and did not bounce back to it.
        QCOMPARE(bar->range(), FilterBar::Range::Last15Minutes);

        bar->setRange(FilterBar::Range::All);
        QCOMPARE(dashboard.range(), CostDashboard::Range::All);
    }

    void layoutIsRemembered()
    {
        MainWindow &window = m_workstation->window();
        auto *vertical = window.findChild<QSplitter *>(QStringLiteral("verticalSplitter"));
        QVERIFY(vertical);
        vertical->setSizes({300, 700});
        const QList<int> sizes = vertical->sizes();
        window.close();
        MainWindow another;
        another.setDetailWidgets(new QWidget, new QWidget);
        another.restoreLayout();
        another.show();
        QVERIFY(QTest::qWaitForWindowExposed(&another));
        QCOMPARE(another.findChild<QSplitter *>(QStringLiteral("verticalSplitter"))->sizes(), sizes);
    }

    void cleanupTestCase()
    {
        m_workstation.reset();
        m_engine.stop();
    }

private:
    QTemporaryDir m_dir;
    Engine m_engine;
    std::unique_ptr<Workstation> m_workstation;
};

QTEST_MAIN(TestWorkstation)
#include "test_workstation.moc"

#include "workstation.h"

#include "backgroundreader.h"
#include "backgroundtaskindicator.h"
#include "budgetcontroller.h"
#include "compareview.h"
#include "conversation.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "costdashboard.h"
#include "dashboarddata.h"
#include "emptystate.h"
#include "engine.h"
#include "exportrunner.h"
#include "fileimport.h"
#include "filterbar.h"
#include "graphlayout.h"
#include "importprogressdialog.h"
#include "ingeststatus.h"
#include "keyadminmodel.h"
#include "listenaddress.h"
#include "mainwindow.h"
#include "messagetext.h"
#include "multirunmodel.h"
#include "multirunview.h"
#include "pathgraphview.h"
#include "preferencesbridge.h"
#include "preferencesdialog.h"
#include "pricingcontroller.h"
#include "pricingtable.h"
#include "sampletraces.h"
#include "servicegraph.h"
#include "servicemap.h"
#include "sessionconversation.h"
#include "sessiontimeline.h"
#include "spanalignment.h"
#include "spaninspector.h"
#include "spanwriter.h"
#include "storepaths.h"
#include "thememanager.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracelistmodel.h"
#include "tracelistview.h"
#include "widgetexport.h"
#include "worddiff.h"
#include "workspacesdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QProgressDialog>
#include <QScopedValueRollback>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>
#include <utility>

namespace tracedeck {

namespace {

qint64 databaseBytes(const QString &path)
{
    return QFileInfo(path).size() + QFileInfo(path + QStringLiteral("-wal")).size();
}

} // namespace

Workstation::Workstation(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_window(std::make_unique<MainWindow>())
    , m_traces(new TraceListModel(QString::fromStdString(engine.writer()->path()), this))
    , m_keyAdmin(new KeyAdminModel(this))
    , m_timeline(new TimelineView)
    , m_inspector(new SpanInspector)
    , m_conversationModel(new ConversationModel(this))
    , m_conversation(new ConversationView)
    , m_pathGraph(new PathGraphView)
    , m_serviceMap(new PathGraphView)
    , m_detailReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_compareReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_mapReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_dashboard(new CostDashboard)
    , m_dashboardReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_import(std::make_unique<FileImport>(*engine.writer()))
{
    MainWindow &w = *m_window;
    ThemeManager::apply(PreferencesBridge::load().theme);
    m_import->setRedaction(engine.redaction());
    w.setDetailWidgets(m_timeline, m_inspector);
    m_conversation->setModel(m_conversationModel);
    w.addTraceTab(m_conversation, tr("Conversation"));
    w.addTraceTab(m_pathGraph, tr("Path graph"));
    w.addTraceTab(m_serviceMap, tr("Service map"));
    for (PathGraphView *graph : {m_pathGraph, m_serviceMap})
        connect(graph, &PathGraphView::serviceActivated, this, [this](const QString &service) {
            const QString value = service.contains(u' ') ? u'"' + service + u'"' : service;
            m_window->filterBar()->setQuery(QStringLiteral("service:") + value);
        });
    // The service map follows the list's workspace and time range and new data, while it is in view.
    connect(w.traceTabs(), &QTabWidget::currentChanged, this, [this] {
        if (m_window->traceTabs()->currentWidget() == m_serviceMap && m_serviceMapStale)
            loadServiceMap();
    });
    w.traceList()->setModel(m_traces);
    setUpDashboard();
    m_budgets = new BudgetController(engine, w, *m_dashboard, {}, this);
    w.restoreLayout();

    const QString address = engine.listener() ? engine.listener()->address().toString() : QString();
    w.ingestStatus()->setListener(address, engine.listener() != nullptr);
    w.emptyState()->setListenAddress(address);

    connect(w.filterBar(), &FilterBar::filterChanged, m_traces, &TraceListModel::setFilter);
    connect(w.filterBar(), &FilterBar::filterChanged, this, [this](const TraceFilter &filter) {
        if (filter.workspace != m_serviceMapFilter.workspace || filter.fromNs != m_serviceMapFilter.fromNs ||
            filter.toNs != m_serviceMapFilter.toNs)
            serviceMapChanged();
    });
    connect(w.traceList(), &TraceListView::traceSelected, this, &Workstation::showTrace);
    connect(m_traces, &TraceListModel::queryFailed, this,
            [this](const QString &message) { m_window->statusBar()->showMessage(message, 10000); });
    connect(m_traces, &TraceListModel::loaded, this, &Workstation::updateEmptyState);
    connect(m_timeline, &TimelineView::spanSelected, this, &Workstation::showSpan);
    connect(m_timeline, &TimelineView::spanSelected, this, [this](int index) {
        if (m_timelineData && index >= 0 && index < m_timelineData->count())
            m_conversation->setCurrentSpan(m_timelineData->spanIdString(index));
    });
    connect(m_conversation, &ConversationView::spanActivated, this, &Workstation::selectSpanById);
    connect(m_conversation, &ConversationView::traceSpanActivated, this, &Workstation::openTraceAtSpan);
    m_conversation->setScope(QSettings().value(QStringLiteral("conversation/scope")).toString() ==
                                     QLatin1String("session")
                                 ? ConversationView::Scope::Session
                                 : ConversationView::Scope::Trace);
    connect(m_conversation, &ConversationView::scopeChanged, this, [this](ConversationView::Scope scope) {
        QSettings().setValue(QStringLiteral("conversation/scope"), scope == ConversationView::Scope::Session
                                                                       ? QStringLiteral("session")
                                                                       : QStringLiteral("trace"));
        if (!m_shownTrace.isEmpty())
            loadConversation();
    });

    connect(&w, &MainWindow::zoomInRequested, m_timeline, &TimelineView::zoomIn);
    connect(&w, &MainWindow::zoomOutRequested, m_timeline, &TimelineView::zoomOut);
    connect(&w, &MainWindow::zoomFitRequested, m_timeline, &TimelineView::zoomToFit);
    connect(&w, &MainWindow::criticalPathToggled, m_timeline, &TimelineView::setCriticalPathVisible);
    m_timeline->setCriticalPathVisible(w.criticalPathAction()->isChecked()); // on demand: off at start
    connect(&w, &MainWindow::compareRequested, this,
            [this] { compareTraces(m_window->traceList()->selectedTraceIds()); });
    connect(w.traceList(), &TraceListView::compareRequested, this, &Workstation::compareTraces);
    connect(&w, &MainWindow::compareSessionsRequested, this,
            [this] { compareSessions(m_window->traceList()->selectedTraceIds()); });
    connect(w.traceList(), &TraceListView::comparePickChanged, this, [this](const QString &traceId) {
        if (traceId.isEmpty())
            m_window->statusBar()->clearMessage();
        else
            m_window->statusBar()->showMessage(
                tr("Compare %1 with…: click the other trace (Esc cancels)").arg(traceId.left(16)));
    });
    connect(&w, &MainWindow::backRequested, this, &Workstation::goBack);
    connect(&w, &MainWindow::forwardRequested, this, &Workstation::goForward);
    connect(&w, &MainWindow::openFilesRequested, this, &Workstation::importFiles);
    connect(&w, &MainWindow::loadSamplesRequested, this, &Workstation::loadSamples);
    m_exporter = new ExportRunner(QString::fromStdString(engine.writer()->path()), this);
    connect(m_exporter, &ExportRunner::finished, this, &Workstation::exportDone);
    connect(&w, &MainWindow::exportTracesRequested, this, &Workstation::openExportDialog);
    connect(&w, &MainWindow::saveTimelineImageRequested, this, [this] {
        const QString path = chooseImagePath(tr("Save Timeline as Image"), QStringLiteral("timeline"));
        if (!path.isEmpty())
            saveTimelineImage(path);
    });
    connect(&w, &MainWindow::savePathGraphImageRequested, this, [this] {
        const QString path = chooseImagePath(tr("Save Path Graph as Image"), QStringLiteral("path-graph"));
        if (!path.isEmpty())
            savePathGraphImage(path);
    });
    QString keysError;
    if (!m_keyAdmin->open(QString::fromStdString(engine.writer()->path()), &keysError))
        m_window->statusBar()->showMessage(tr("Cannot read workspaces: %1").arg(keysError), 10000);
    w.filterBar()->setWorkspaces(m_keyAdmin->workspaceNames());
    connect(m_keyAdmin, &KeyAdminModel::workspacesChanged, this,
            [this] { m_window->filterBar()->setWorkspaces(m_keyAdmin->workspaceNames()); });
    connect(&w, &MainWindow::preferencesRequested, this, &Workstation::openPreferences);
    connect(&w, &MainWindow::workspacesRequested, this, &Workstation::openWorkspaces);

    m_progressDialog = new ImportProgressDialog(m_window.get());
    m_progressDelay.setSingleShot(true);
    m_progressDelay.setInterval(kProgressDelayMs);
    connect(&m_progressDelay, &QTimer::timeout, this, [this] {
        if (!m_import->isRunning())
            return;
        importProgressed(m_lastProgress);
        m_progressDialog->show();
    });
    connect(m_progressDialog, &ImportProgressDialog::cancelRequested, m_import.get(), &FileImport::cancel);
    connect(m_import.get(), &FileImport::progress, this, &Workstation::importProgressed);
    connect(m_import.get(), &FileImport::fileDone, this, &Workstation::importFileDone);
    connect(m_import.get(), &FileImport::finished, this, &Workstation::importDone);
    connect(m_import.get(), &FileImport::finished, this, &Workstation::importFinished);
    connect(m_import.get(), &FileImport::finished, m_traces, &TraceListModel::refresh);

    // New data reaches the list a few times a second however fast spans arrive.
    m_refreshThrottle.setSingleShot(true);
    m_refreshThrottle.setInterval(300);
    connect(&engine, &Engine::storeChanged, this, [this] {
        if (!m_refreshThrottle.isActive())
            m_refreshThrottle.start();
    });
    connect(&m_refreshThrottle, &QTimer::timeout, m_traces, &TraceListModel::refresh);
    connect(&m_refreshThrottle, &QTimer::timeout, this, &Workstation::updateEmptyState);
    connect(&m_refreshThrottle, &QTimer::timeout, this, [this] { loadConversation(true); });
    m_serviceMapThrottle.setSingleShot(true);
    m_serviceMapThrottle.setInterval(5000); // a scan of up to 200k spans: at most every 5 s under live ingest
    connect(&m_serviceMapThrottle, &QTimer::timeout, this, &Workstation::serviceMapChanged);
    connect(&m_refreshThrottle, &QTimer::timeout, this, [this] {
        if (!m_serviceMapThrottle.isActive())
            m_serviceMapThrottle.start();
    });

    auto *taskIndicator = new BackgroundTaskIndicator;
    m_window->statusBar()->addWidget(taskIndicator);
    m_pricing = new PricingController(*engine.writer(), *taskIndicator, StorePaths::pricingPath(), this);
    connect(m_pricing, &PricingController::recomputeFinished, this,
            [this](qint64 spans, const QString &error) {
                if (!error.isEmpty())
                    m_window->statusBar()->showMessage(tr("Recomputing costs failed: %1").arg(error), 10000);
                else
                    m_window->statusBar()->showMessage(
                        tr("Costs recomputed: %1 of the stored spans got a new cost.").arg(spans), 5000);
            });

    m_lastStoredSpans = engine.writer()->storedSpans();
    m_statusTimer.setInterval(1000);
    connect(&m_statusTimer, &QTimer::timeout, this, &Workstation::updateStatus);
    m_statusTimer.start();
    updateStatus();
    updateEmptyState();
}

Workstation::~Workstation()
{
    m_import.reset();       // stops between batches; what was acknowledged is committed
    delete m_exporter;      // cancels a running export (its file is left as it was) and waits for it
    m_detailReader.reset(); // waits for a running trace load
    m_compareReader.reset();
    m_mapReader.reset();
    m_dashboardReader.reset();
}

// The dashboard dock: recomputed on the reader thread when shown, when its query changes, and at most once a
// second while spans are committed (only while it is visible). Its time range and the trace list's move
// together; it follows the filter bar's workspace.
void Workstation::setUpDashboard()
{
    QDockWidget *dock = m_window->addDashboard(m_dashboard);
    m_dashboardThrottle.setSingleShot(true);
    m_dashboardThrottle.setInterval(1000);
    connect(&m_dashboardThrottle, &QTimer::timeout, this, &Workstation::refreshDashboard);
    connect(&m_engine, &Engine::storeChanged, this, [this] {
        if (m_dashboard->isVisible() && !m_dashboardThrottle.isActive())
            m_dashboardThrottle.start();
    });
    connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            refreshDashboard();
    });
    connect(m_dashboard, &CostDashboard::queryChanged, this, &Workstation::refreshDashboard);
    // The time range is shared with the trace list's filter bar, both ways; m_syncingRange stops the echo.
    connect(m_dashboard, &CostDashboard::rangeChanged, this, [this](CostDashboard::Range range) {
        if (m_syncingRange)
            return;
        const QScopedValueRollback guard(m_syncingRange, true);
        FilterBar *bar = m_window->filterBar();
        switch (range) {
        case CostDashboard::Range::LastHour:
            bar->setRange(FilterBar::Range::LastHour);
            break;
        case CostDashboard::Range::Last24Hours:
            bar->setRange(FilterBar::Range::Last24Hours);
            break;
        case CostDashboard::Range::Last7Days:
            bar->setRange(FilterBar::Range::Last7Days);
            break;
        case CostDashboard::Range::Last30Days:
            bar->setRange(FilterBar::Range::Last30Days);
            break;
        case CostDashboard::Range::All:
            bar->setRange(FilterBar::Range::All);
            break;
        case CostDashboard::Range::Custom: {
            const DashboardQuery q = m_dashboard->query(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
            bar->setCustomRange(q.fromNs.value_or(0), q.toNs.value_or(0));
            break;
        }
        }
    });
    connect(m_window->filterBar(), &FilterBar::rangeChanged, this, [this](FilterBar::Range range) {
        if (m_syncingRange)
            return;
        const QScopedValueRollback guard(m_syncingRange, true);
        switch (range) {
        case FilterBar::Range::Last15Minutes: { // no such preset in the dashboard: the same minutes as custom
            const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
            m_dashboard->setCustomRange(now - 15 * 60'000'000'000LL, now);
            break;
        }
        case FilterBar::Range::LastHour:
            m_dashboard->setRange(CostDashboard::Range::LastHour);
            break;
        case FilterBar::Range::Last24Hours:
            m_dashboard->setRange(CostDashboard::Range::Last24Hours);
            break;
        case FilterBar::Range::Last7Days:
            m_dashboard->setRange(CostDashboard::Range::Last7Days);
            break;
        case FilterBar::Range::Last30Days:
            m_dashboard->setRange(CostDashboard::Range::Last30Days);
            break;
        case FilterBar::Range::All:
            m_dashboard->setRange(CostDashboard::Range::All);
            break;
        case FilterBar::Range::Custom: {
            const auto [from, to] = m_window->filterBar()->customRange();
            m_dashboard->setCustomRange(from, to);
            break;
        }
        }
    });
    m_dashboard->setWorkspace(m_window->filterBar()->filter().workspace);
    connect(m_window->filterBar(), &FilterBar::filterChanged, this,
            [this](const TraceFilter &filter) { m_dashboard->setWorkspace(filter.workspace); });
    connect(m_dashboard, &CostDashboard::traceActivated, this,
            [this](const QString &traceId, const QString &workspace) {
                QComboBox *workspaces = m_window->filterBar()->workspaceBox();
                if (!workspace.isEmpty() && workspaces->currentText() != workspace)
                    workspaces->setCurrentText(workspace);
                showTrace(traceId);
            });
}

void Workstation::refreshDashboard()
{
    if (!m_dashboard->isVisible())
        return;
    if (m_dashboardRunning) {
        m_dashboardPending = true; // one more run when this one answers, with the newest query
        return;
    }
    m_dashboardRunning = true;
    const quint64 generation = ++m_dashboardGeneration;
    DashboardQuery query = m_dashboard->query(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
    // The savings estimate prices repeated prompts with the table the normaliser computes costs from.
    query.inputPrice = [table =
                            PricingTable::current()](const std::string &model) -> std::optional<InputPrice> {
        const ModelPrice *price = table->find(model);
        if (!price)
            return std::nullopt;
        return InputPrice{price->inputPerMillion, price->cachedInputPerMillion};
    };
    m_dashboardReader->post([this, generation, query](StoreReader *reader, const std::string &openError) {
        std::string error = openError;
        auto data = std::make_shared<DashboardData>();
        if (reader)
            *data = DashboardData::compute(*reader, query, &error);
        QMetaObject::invokeMethod(
            this,
            [this, generation, data, error] {
                m_dashboardRunning = false;
                if (generation == m_dashboardGeneration) {
                    if (error.empty())
                        m_dashboard->setData(*data);
                    else
                        m_dashboard->setError(QString::fromStdString(error));
                    Q_EMIT dashboardShown();
                }
                if (std::exchange(m_dashboardPending, false))
                    refreshDashboard();
            },
            Qt::QueuedConnection);
    });
}

ExportDialog *Workstation::openExportDialog()
{
    if (!m_exportDialog) {
        const TraceFilter &filter = m_traces->filter();
        m_exportDialog = new ExportDialog(m_window->traceList()->selectedTraceIds(), filter.toQuery(),
                                          m_traces->rowCount(), m_window.get());
        m_exportDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_exportDialog, &QDialog::accepted, this, [this] {
            if (m_exportDialog)
                exportTraces(m_exportDialog->choice());
        });
    }
    m_exportDialog->show();
    m_exportDialog->raise();
    return m_exportDialog;
}

bool Workstation::exportTraces(const ExportDialog::Choice &choice)
{
    TraceExporter::Request request;
    switch (choice.format) {
    case ExportDialog::Format::OtlpJson:
        request.format = TraceExporter::Format::OtlpJson;
        break;
    case ExportDialog::Format::Jaeger:
        request.format = TraceExporter::Format::Jaeger;
        break;
    case ExportDialog::Format::Csv:
        request.format = TraceExporter::Format::Csv;
        break;
    }
    request.filter = m_traces->filter(); // its workspace applies to chosen ids too
    for (const QString &id : choice.traceIds)
        request.traceIds.push_back(id.toStdString());
    if (!m_exporter->start(request, choice.path)) {
        m_window->statusBar()->showMessage(tr("An export is already running"), 5000);
        return false;
    }
    m_exportPath = choice.path;
    if (!m_exportProgress) {
        m_exportProgress = new QProgressDialog(m_window.get());
        m_exportProgress->setWindowTitle(tr("Export Traces"));
        m_exportProgress->setMinimumDuration(kProgressDelayMs);
        m_exportProgress->setAutoReset(false);
        m_exportProgress->setAutoClose(false);
        connect(m_exportProgress, &QProgressDialog::canceled, m_exporter, &ExportRunner::cancel);
        connect(m_exporter, &ExportRunner::progress, this, [this](qint64 traces, qint64 spans) {
            if (m_exportProgress->maximum() > 0)
                m_exportProgress->setValue(int(std::min<qint64>(traces, m_exportProgress->maximum())));
            m_exportProgress->setLabelText(
                tr("Writing %1…\n%n trace(s)", nullptr, int(traces)).arg(QFileInfo(m_exportPath).fileName()) +
                tr(", %n span(s)", nullptr, int(spans)));
        });
    }
    // A known number of traces gets a bar; a filter's matches are counted as they are written.
    m_exportProgress->setRange(0, int(choice.traceIds.size()));
    m_exportProgress->setLabelText(tr("Writing %1…").arg(QFileInfo(choice.path).fileName()));
    m_exportProgress->setValue(0);
    return true;
}

void Workstation::exportDone(qint64 traces, qint64 spans, const QString &error, const QStringList &missing)
{
    if (m_exportProgress) {
        m_exportProgress->reset();
        m_exportProgress->hide();
    }
    QString message;
    if (error == u"cancelled")
        message = tr("Export cancelled; %1 was left as it was").arg(m_exportPath);
    else if (!error.isEmpty())
        message = tr("Export failed: %1").arg(error);
    else
        message = tr("Exported %n trace(s)", nullptr, int(traces)) +
                  tr(" (%n span(s)) to %1", nullptr, int(spans)).arg(m_exportPath);
    if (error.isEmpty() && !missing.isEmpty())
        message += tr("; not in the store: %1").arg(missing.join(QStringLiteral(", ")));
    m_window->statusBar()->showMessage(message, 15000);
    if (!error.isEmpty() && error != u"cancelled") {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export Traces"), message, QMessageBox::Ok,
                                    m_window.get());
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT exportFinished(traces, spans, error);
}

QString Workstation::chooseImagePath(const QString &title, const QString &name)
{
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested =
        QDir(pictures.isEmpty() ? QDir::homePath() : pictures)
            .filePath(name + u'-' +
                      (m_shownTrace.isEmpty() ? QStringLiteral("trace") : m_shownTrace.left(16)) +
                      QStringLiteral(".png"));
    return QFileDialog::getSaveFileName(m_window.get(), title, suggested,
                                        tr("PNG image (*.png);;SVG drawing (*.svg)"));
}

bool Workstation::saveTimelineImage(const QString &path)
{
    if (!m_timelineData) {
        m_window->statusBar()->showMessage(tr("Select a trace first: the timeline is empty"), 5000);
        return false;
    }
    const bool saved = WidgetExport::save(*m_timeline, path, tr("Timeline of trace %1").arg(m_shownTrace));
    m_window->statusBar()->showMessage(
        saved ? tr("Saved the timeline to %1").arg(path) : tr("Cannot write %1").arg(path), 10000);
    return saved;
}

bool Workstation::savePathGraphImage(const QString &path)
{
    if (!m_pathGraph->graph()) {
        m_window->statusBar()->showMessage(tr("Select a trace first: the path graph is empty"), 5000);
        return false;
    }
    const bool saved = path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)
                           ? m_pathGraph->saveSvg(path)
                           : m_pathGraph->savePng(path);
    m_window->statusBar()->showMessage(
        saved ? tr("Saved the path graph to %1").arg(path) : tr("Cannot write %1").arg(path), 10000);
    return saved;
}

void Workstation::serviceMapChanged()
{
    m_serviceMapStale = true;
    if (m_window->traceTabs()->currentWidget() == m_serviceMap)
        loadServiceMap();
}

void Workstation::loadServiceMap()
{
    m_serviceMapStale = false;
    m_serviceMapFilter = m_traces->filter();
    const quint64 generation = ++m_serviceMapGeneration;
    m_mapReader->post([this, generation, filter = m_serviceMapFilter](StoreReader *reader,
                                                                      const std::string &openError) {
        std::string error = openError;
        bool capped = false;
        auto graph = std::make_shared<const ServiceGraph>(
            reader ? ServiceMap::load(*reader, filter.workspace, filter.fromNs, filter.toNs, &capped, &error)
                   : ServiceGraph());
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        QMetaObject::invokeMethod(
            this,
            [this, generation, graph, layout, error, capped] {
                if (generation != m_serviceMapGeneration)
                    return;
                m_serviceMap->setToolTip(
                    capped ? tr("The latest %L1 spans of the trace list's time range: pick a shorter range "
                                "to map all of it")
                                 .arg(ServiceMap::kMaxSpans)
                           : tr("Every span of the workspace in the trace list's time range, and the calls "
                                "between services"));
                if (!error.empty()) {
                    m_serviceMap->clear(
                        tr("Cannot read the service map: %1").arg(QString::fromStdString(error)));
                    return;
                }
                if (graph->isEmpty())
                    m_serviceMap->clear(tr("No spans in this workspace and time range"));
                else
                    m_serviceMap->setGraph(graph, layout);
                Q_EMIT serviceMapShown(int(graph->nodes().size()), int(graph->edges().size()));
            },
            Qt::QueuedConnection);
    });
}

void Workstation::compareTraces(const QStringList &traceIds)
{
    QStringList ids;
    for (const QString &id : traceIds) {
        if (!id.isEmpty() && !ids.contains(id))
            ids.push_back(id);
    }
    if (ids.size() < 2) {
        m_window->statusBar()->showMessage(
            tr("Select two or more traces to compare (Ctrl+click), or right-click "
               "a trace and choose Compare with…"),
            10000);
        return;
    }
    constexpr int MaxRuns = 12; // columns that still read side by side
    if (ids.size() > MaxRuns) {
        m_window->statusBar()->showMessage(
            tr("Select at most %1 traces to compare (%2 are selected)").arg(MaxRuns).arg(ids.size()), 10000);
        return;
    }
    // The earlier run is the baseline (A).
    auto startOf = [this](const QString &id) {
        const TraceSummary *t = m_traces->trace(m_traces->rowOfTrace(id));
        return t ? t->startNs : 0;
    };
    std::stable_sort(ids.begin(), ids.end(),
                     [&](const QString &a, const QString &b) { return startOf(a) < startOf(b); });
    m_window->statusBar()->showMessage(tr("Loading %n trace(s) to compare…", nullptr, int(ids.size())));
    if (ids.size() == 2)
        loadComparison(ids[0], ids[1]);
    else
        loadRuns(ids);
}

void Workstation::compareSessions(const QStringList &traceIds)
{
    QStringList sessions;
    std::vector<int64_t> starts;
    for (const QString &id : traceIds) {
        const TraceSummary *t = m_traces->trace(m_traces->rowOfTrace(id));
        const QString session = t ? QString::fromStdString(t->sessionId) : QString();
        if (!session.isEmpty() && !sessions.contains(session)) {
            sessions << session;
            starts.push_back(t->startNs);
        }
    }
    if (sessions.size() != 2) {
        m_window->statusBar()->showMessage(
            tr("Select traces of exactly two sessions to compare them (%n session(s) selected)", nullptr,
               int(sessions.size())),
            10000);
        return;
    }
    if (starts[1] < starts[0])
        sessions.swapItemsAt(0, 1); // the earlier session is the baseline (A)
    m_window->statusBar()->showMessage(tr("Loading two sessions to compare…"));
    loadComparison(sessions[0], sessions[1], true);
}

void Workstation::loadComparison(const QString &left, const QString &right, bool sessions)
{
    const std::string workspace = m_traces->filter().workspace;
    m_compareReader->post([this, workspace, left, right, sessions](StoreReader *reader,
                                                                   const std::string &openError) {
        std::string error = openError;
        bool truncated = false;
        const auto load = [&](const QString &id) {
            return TimelineData::build(
                sessions ? SessionTimeline::load(*reader, workspace, id.toStdString(), &truncated, &error)
                         : reader->timeline(workspace, id.toStdString(), &error));
        };
        std::shared_ptr<const TimelineData> a, b;
        std::shared_ptr<const SpanAlignment> alignment;
        if (reader) {
            a = std::make_shared<const TimelineData>(load(left));
            if (error.empty())
                b = std::make_shared<const TimelineData>(load(right));
            if (error.empty())
                alignment = std::make_shared<const SpanAlignment>(SpanAlignment::align(*a, *b));
        }
        QMetaObject::invokeMethod(
            this,
            [this, left, right, sessions, truncated, a, b, alignment, error] {
                if (!error.empty() || !alignment) {
                    m_window->statusBar()->showMessage(
                        tr("Cannot compare: %1").arg(QString::fromStdString(error)), 10000);
                    return;
                }
                if (a->isEmpty() || b->isEmpty()) {
                    const QString empty = a->isEmpty() ? left : right;
                    m_window->statusBar()->showMessage(
                        sessions ? tr("Cannot compare: session %1 has no spans").arg(empty)
                                 : tr("Cannot compare: trace %1 has no spans").arg(empty),
                        10000);
                    return;
                }
                auto *view = new CompareView;
                const QString nameA = sessions ? tr("session %1").arg(left) : left;
                const QString nameB = sessions ? tr("session %1").arg(right) : right;
                view->setRuns(nameA, nameB, a, b, alignment);
                connect(view, &CompareView::llmPairSelected, this,
                        [this, view](int l, int r) { loadCompareMessages(view, l, r); });
                m_window->addDetailTab(view,
                                       sessions ? tr("Sessions %1 ⇄ %2").arg(left.left(12), right.left(12))
                                                : tr("%1 ⇄ %2").arg(left.left(8), right.left(8)),
                                       tr("A: %1\nB: %2").arg(nameA, nameB));
                if (truncated) {
                    m_window->statusBar()->showMessage(
                        tr("Compared the first %1 traces of each session").arg(SessionTimeline::kMaxTraces),
                        8000);
                    Q_EMIT comparisonShown(view);
                    return;
                }
                m_window->statusBar()->showMessage(
                    tr("Compared %1 with %2: %n span(s) matched", nullptr, int(alignment->pairs().size()))
                        .arg(left.left(16), right.left(16)),
                    8000);
                Q_EMIT comparisonShown(view);
            },
            Qt::QueuedConnection);
    });
}

void Workstation::loadCompareMessages(CompareView *view, int left, int right)
{
    const auto &a = view->model()->left();
    const auto &b = view->model()->right();
    if (!a || !b || left < 0 || right < 0 || left >= a->count() || right >= b->count())
        return;
    QPointer<CompareView> target(view);
    m_compareReader->post([this, target, left, right, workspace = m_traces->filter().workspace,
                           traceA = view->leftTraceId().toStdString(),
                           traceB = view->rightTraceId().toStdString(), spanA = std::string(a->spanId(left)),
                           spanB = std::string(b->spanId(right))](StoreReader *reader,
                                                                  const std::string &openError) {
        std::string error = openError;
        std::optional<Span> sa, sb;
        if (reader) {
            // In a session comparison a span id also names its trace (SessionTimeline::spanKey).
            std::string trace, span;
            sa = SessionTimeline::splitKey(spanA, &trace, &span)
                     ? reader->span(workspace, trace, span, &error)
                     : reader->span(workspace, traceA, spanA, &error);
            if (error.empty())
                sb = SessionTimeline::splitKey(spanB, &trace, &span)
                         ? reader->span(workspace, trace, span, &error)
                         : reader->span(workspace, traceB, spanB, &error);
        }
        // Diffed here, on the reader thread: prompts of 10-100 KB take a while.
        std::vector<DiffSegment> input, output;
        if (sa && sb) {
            input = WordDiff::diff(MessageText::input(*sa), MessageText::input(*sb));
            output = WordDiff::diff(MessageText::output(*sa), MessageText::output(*sb));
        } else if (error.empty()) {
            error = "the span is no longer in the store";
        }
        QMetaObject::invokeMethod(
            this,
            [this, target, left, right, error, input = std::move(input), output = std::move(output)] {
                if (!target)
                    return;
                if (!error.empty()) {
                    target->setMessagesError(
                        left, right, tr("Cannot read the messages: %1").arg(QString::fromStdString(error)));
                    return;
                }
                target->setMessageDiffs(left, right, input, output);
                Q_EMIT compareMessagesShown(left, right);
            },
            Qt::QueuedConnection);
    });
}

void Workstation::loadRuns(const QStringList &traceIds)
{
    const std::string workspace = m_traces->filter().workspace;
    m_compareReader->post([this, workspace, traceIds](StoreReader *reader, const std::string &openError) {
        std::string error = openError;
        std::vector<RunSummary> runs;
        for (const QString &id : traceIds) {
            if (!reader || !error.empty())
                break;
            const TimelineData data =
                TimelineData::build(reader->timeline(workspace, id.toStdString(), &error));
            RunSummary run;
            run.traceId = id;
            run.totals = RunTotals::of(data);
            if (!data.isEmpty())
                run.rootName = data.name(0);
            // The final answer: the output of the LLM call that ended last (a few tried, for calls
            // without text).
            std::vector<int32_t> llm;
            for (int32_t i = 0; i < data.count(); ++i) {
                if (data.isLlm(i))
                    llm.push_back(i);
            }
            std::stable_sort(llm.begin(), llm.end(),
                             [&](int32_t x, int32_t y) { return data.endNs(x) > data.endNs(y); });
            for (std::size_t k = 0; k < llm.size() && k < 5 && run.finalAnswer.isEmpty() && error.empty();
                 ++k) {
                if (const auto span =
                        reader->span(workspace, id.toStdString(), std::string(data.spanId(llm[k])), &error))
                    run.finalAnswer = MessageText::finalAnswer(*span);
            }
            runs.push_back(std::move(run));
        }
        QMetaObject::invokeMethod(
            this,
            [this, runs = std::move(runs), error]() mutable {
                if (!error.empty()) {
                    m_window->statusBar()->showMessage(
                        tr("Cannot compare: %1").arg(QString::fromStdString(error)), 10000);
                    return;
                }
                const int n = static_cast<int>(runs.size());
                QStringList ids;
                for (const RunSummary &r : runs)
                    ids.push_back(r.traceId);
                auto *view = new MultiRunView;
                view->setRuns(std::move(runs));
                m_window->addDetailTab(view, tr("%n runs", nullptr, n), ids.join(u'\n'));
                m_window->statusBar()->clearMessage();
                Q_EMIT runsShown(view);
            },
            Qt::QueuedConnection);
    });
}

WorkspacesDialog *Workstation::openWorkspaces()
{
    if (!m_workspacesDialog) {
        m_workspacesDialog = new WorkspacesDialog(m_keyAdmin, m_window.get());
        m_workspacesDialog->selectWorkspace(QString::fromStdString(m_traces->filter().workspace));
    }
    m_workspacesDialog->show();
    m_workspacesDialog->raise();
    return m_workspacesDialog;
}

PreferencesDialog *Workstation::openPreferences()
{
    if (!m_preferencesDialog) {
        m_preferencesDialog = new PreferencesDialog(m_window.get());
        m_preferencesDialog->setDefaultDatabasePath(StorePaths::defaultDatabasePath());
        m_preferencesDialog->setAddressValidator([](const QString &text) {
            QString error;
            return ListenAddress::parse(text, &error) ? QString() : error;
        });
        connect(m_preferencesDialog, &PreferencesDialog::applied, this, [this] {
            const Preferences before = PreferencesBridge::load();
            const Preferences after = m_preferencesDialog->preferences();
            QSettings settings;
            after.save(settings);
            settings.sync();
            QStringList problems;
            if (settings.status() != QSettings::NoError)
                problems << tr("cannot write %1").arg(settings.fileName());
            if (const QString pricingProblem = m_pricing->apply(); !pricingProblem.isEmpty())
                problems << pricingProblem;
            const QString local = QStringLiteral("local");
            if (const auto days = m_preferencesDialog->retentionDays()) {
                const auto info = m_keyAdmin->workspaceInfo(local);
                QString error;
                if ((!info || info->retentionDays != *days) &&
                    !m_keyAdmin->setWorkspaceSettings(local, *days, info ? info->redaction : true, &error))
                    problems << error;
            }
            ThemeManager::apply(after.theme);
            Preferences restartOnly = after;
            restartOnly.theme = before.theme;
            if (!problems.isEmpty())
                m_window->statusBar()->showMessage(
                    tr("Preferences not saved: %1").arg(problems.join(QStringLiteral("; "))), 10000);
            else if (!(restartOnly == before))
                m_window->statusBar()->showMessage(tr("Preferences saved; the changes apply when Tracedeck "
                                                      "restarts (the theme at once)."),
                                                   10000);
            else
                m_window->statusBar()->showMessage(tr("Preferences saved."), 5000);
            Q_EMIT preferencesApplied();
        });
        m_pricing->addPageTo(*m_preferencesDialog);
        Q_EMIT preferencesDialogCreated(m_preferencesDialog);
    }
    if (!m_preferencesDialog->isVisible()) {
        m_preferencesDialog->setPreferences(PreferencesBridge::load());
        m_pricing->reload();
        const auto info = m_keyAdmin->workspaceInfo(QStringLiteral("local"));
        // A store without a local row keeps 30 days (KeyStore's default).
        m_preferencesDialog->setRetentionDays(info ? info->retentionDays : WorkspaceInfo().retentionDays);
    }
    m_preferencesDialog->show();
    m_preferencesDialog->raise();
    return m_preferencesDialog;
}

void Workstation::showTrace(const QString &traceId)
{
    if (traceId.isEmpty() || traceId == m_shownTrace)
        return;
    m_history.visit(traceId);
    updateHistoryActions();
    loadTrace(traceId);
}

void Workstation::loadTrace(const QString &traceId)
{
    m_shownTrace = traceId;
    m_window->traceList()->selectTrace(traceId);
    const quint64 generation = ++m_traceGeneration;
    const std::string workspace = m_traces->filter().workspace;
    m_detailReader->post([this, generation, workspace,
                          id = traceId.toStdString()](StoreReader *reader, const std::string &openError) {
        std::string error = openError;
        std::shared_ptr<const TimelineData> data;
        if (reader) {
            const TimelineSpans spans = reader->timeline(workspace, id, &error);
            data = std::make_shared<const TimelineData>(TimelineData::build(spans));
        }
        auto graph =
            std::make_shared<const ServiceGraph>(data ? ServiceGraph::fromTrace(*data) : ServiceGraph());
        auto layout = std::make_shared<const GraphLayout>(GraphLayout::layout(*graph));
        QMetaObject::invokeMethod(
            this,
            [this, generation, data, error, graph, layout] {
                if (generation != m_traceGeneration)
                    return; // the user has moved on to another trace
                if (!error.empty())
                    m_window->statusBar()->showMessage(QString::fromStdString(error), 10000);
                m_timelineData = data;
                m_timeline->setData(data);
                m_pathGraph->setGraph(graph, layout);
                m_inspector->clear();
                m_conversation->setShownTrace(m_shownTrace);
                Q_EMIT traceShown(m_shownTrace);
                if (data && !data->isEmpty()) {
                    // A message of this trace was clicked in a session's conversation: its span, else the
                    // root.
                    int32_t index = 0;
                    if (m_pendingTrace == m_shownTrace && !m_pendingSpan.isEmpty())
                        index = std::max(0, data->indexOf(m_pendingSpan.toStdString()));
                    m_timeline->selectSpan(index);
                }
                m_pendingTrace.clear();
                m_pendingSpan.clear();
            },
            Qt::QueuedConnection);
    });
    // The conversation second (the reader runs jobs in order), so the timeline is not kept waiting for the
    // messages' JSON.
    loadConversation();
}

void Workstation::loadConversation(bool refresh)
{
    if (refresh &&
        (m_conversationSession.isEmpty() || m_conversation->scope() != ConversationView::Scope::Session))
        return;
    // A refresh must not void a load the user asked for that is still on its way: it takes that load's
    // generation instead of a new one (the reader runs jobs in order, so it answers after it).
    const quint64 generation = refresh ? m_conversationGeneration : ++m_conversationGeneration;
    const bool wantSession = m_conversation->scope() == ConversationView::Scope::Session;
    m_detailReader->post([this, generation, wantSession, refresh, workspace = m_traces->filter().workspace,
                          id = m_shownTrace.toStdString(),
                          loadedSession = m_conversationSession.toStdString(),
                          loadedStamp = m_conversationStamp](StoreReader *reader,
                                                             const std::string &openError) {
        std::string error = openError;
        std::string session;
        std::string stamp;
        std::shared_ptr<const Conversation> conversation; // null: the session's conversation is shown already
        if (reader)
            session = SessionConversation::sessionOf(*reader, workspace, id, &error);
        const bool sessionScope = wantSession && !session.empty();
        // Session ids are per workspace: the same id elsewhere is another conversation.
        const std::string sessionKey = sessionScope ? workspace + '\x1f' + session : std::string();
        if (reader && error.empty() && sessionScope) {
            stamp = SessionConversation::stamp(*reader, workspace, session, &error);
            if (error.empty() && (sessionKey != loadedSession || stamp != loadedStamp))
                conversation = std::make_shared<const Conversation>(
                    SessionConversation::load(*reader, workspace, session, &error));
        } else if (refresh) {
            return; // the trace shown has no session any more: the next selection decides
        } else {
            auto trace = std::make_shared<Conversation>();
            if (reader && error.empty() && SessionConversation::hasLlmCalls(*reader, workspace, id, &error))
                *trace = Conversation::build(reader->spans(workspace, id, &error));
            conversation = std::move(trace);
        }
        if (!error.empty())
            conversation = std::make_shared<const Conversation>();
        QMetaObject::invokeMethod(
            this,
            [this, generation, refresh, conversation, error, stamp, session = QString::fromStdString(session),
             sessionKey = QString::fromStdString(sessionKey)] {
                if (generation != m_conversationGeneration || (refresh && !conversation && error.empty()))
                    return; // a refresh that found nothing new leaves the view (and its replay) alone
                if (!error.empty())
                    m_window->statusBar()->showMessage(QString::fromStdString(error), 10000);
                m_conversation->setSessionAvailable(!session.isEmpty());
                m_conversation->setShownTrace(m_shownTrace);
                if (conversation) {
                    m_conversationModel->setConversation(conversation);
                    m_conversationSession = error.empty() ? sessionKey : QString();
                    m_conversationStamp = error.empty() ? stamp : std::string();
                }
                if (const int index = m_timeline->selectedSpan(); m_timelineData && index >= 0)
                    m_conversation->setCurrentSpan(m_timelineData->spanIdString(index));
                Q_EMIT conversationShown(m_shownTrace);
            },
            Qt::QueuedConnection);
    });
}

void Workstation::openTraceAtSpan(const QString &traceId, const QString &spanId)
{
    m_pendingTrace = traceId;
    m_pendingSpan = spanId;
    showTrace(traceId);
}

void Workstation::showSpan(int index)
{
    if (!m_timelineData || index < 0 || index >= m_timelineData->count()) {
        m_inspector->clear();
        return;
    }
    const int64_t selfTime = m_timelineData->selfTimeNs(index);
    const quint64 generation = ++m_spanGeneration;
    m_detailReader->post([this, generation, selfTime, workspace = m_traces->filter().workspace,
                          traceId = m_shownTrace.toStdString(),
                          spanId = std::string(m_timelineData->spanId(index))](StoreReader *reader,
                                                                               const std::string &openError) {
        std::string error = openError;
        std::optional<Span> span;
        if (reader)
            span = reader->span(workspace, traceId, spanId, &error);
        QMetaObject::invokeMethod(
            this,
            [this, generation, selfTime, span = std::move(span), error] {
                if (generation != m_spanGeneration)
                    return;
                if (!span) {
                    m_inspector->clear();
                    if (!error.empty())
                        m_window->statusBar()->showMessage(QString::fromStdString(error), 10000);
                    return;
                }
                m_inspector->setSpan(*span, selfTime);
                Q_EMIT spanShown(QString::fromStdString(span->spanId));
            },
            Qt::QueuedConnection);
    });
}

void Workstation::selectSpanById(const QString &spanId)
{
    if (!m_timelineData)
        return;
    const int index = m_timelineData->indexOf(spanId.toStdString());
    if (index >= 0 && index != m_timeline->selectedSpan())
        m_timeline->selectSpan(index);
}

void Workstation::goBack()
{
    const QString traceId = m_history.back();
    updateHistoryActions();
    if (!traceId.isEmpty())
        loadTrace(traceId);
}

void Workstation::goForward()
{
    const QString traceId = m_history.forward();
    updateHistoryActions();
    if (!traceId.isEmpty())
        loadTrace(traceId);
}

void Workstation::updateHistoryActions()
{
    m_window->setHistoryAvailable(m_history.canGoBack(), m_history.canGoForward());
}

void Workstation::importFiles(const QStringList &paths)
{
    m_window->statusBar()->showMessage(tr("Importing %n file(s)…", nullptr, int(paths.size())));
    m_reportFiles.clear();
    m_lastProgress = FileImport::Progress();
    m_import->start(paths);
    m_progressDelay.start();
}

void Workstation::importProgressed(const FileImport::Progress &progress)
{
    m_lastProgress = progress;
    m_progressDialog->setProgress(progress.path, progress.file, progress.files, progress.bytesRead,
                                  progress.fileSize, progress.spans, progress.spansPerSecond);
}

void Workstation::importFileDone(const FileImport::FileReport &report)
{
    const QString name = QFileInfo(report.path).fileName();
    QString message = tr("%1: %n span(s) imported", nullptr, int(report.spans)).arg(name);
    if (report.rejected > 0)
        message += tr(", %n skipped", nullptr, int(report.rejected));
    if (!report.error.isEmpty())
        message += QStringLiteral(" — ") + report.error;
    m_window->statusBar()->showMessage(message, 15000);
    m_reportFiles.append({report.path, report.format, report.traces, report.spans, report.rejected,
                          report.error, report.failed, report.cancelled, report.problems});
}

void Workstation::importDone()
{
    m_progressDelay.stop();
    m_progressDialog->hide();
    m_progressDialog->reset();
    const bool worthAReport = std::any_of(m_reportFiles.cbegin(), m_reportFiles.cend(), [](const auto &f) {
        return f.failed || f.cancelled || f.rejected > 0 || !f.problems.isEmpty();
    });
    if (worthAReport) {
        if (m_reportDialog)
            m_reportDialog->deleteLater();
        m_reportDialog = new ImportReportDialog(m_reportFiles, m_window.get());
        m_reportDialog->setAttribute(Qt::WA_DeleteOnClose);
        m_reportDialog->show();
    }
}

void Workstation::loadSamples()
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    SpanBatch spans = SampleTraces::load(now);
    const auto count = qint64(spans.size());
    QPointer<Workstation> self(this);
    const auto submitted =
        m_engine.writer()->submit(std::move(spans), [self, count](const CommitResult &result) {
            QMetaObject::invokeMethod(
                qApp,
                [self, count, result] {
                    if (!self)
                        return;
                    self->m_window->statusBar()->showMessage(
                        result.ok
                            ? tr("Loaded %n sample span(s)", nullptr, int(count))
                            : tr("Loading the samples failed: %1").arg(QString::fromStdString(result.error)),
                        8000);
                    self->m_traces->refresh();
                    Q_EMIT self->importFinished(result.ok ? count : 0, result.ok ? 0 : 1);
                },
                Qt::QueuedConnection);
        });
    if (submitted != SpanWriter::Submit::Accepted)
        m_window->statusBar()->showMessage(tr("The store is busy; try again in a moment."), 8000);
}

void Workstation::updateEmptyState()
{
    const bool storeEmpty = m_engine.writer()->storedSpans() == 0 && m_traces->rowCount() == 0;
    m_window->setEmptyStateVisible(storeEmpty && m_window->filterBar()->isEmpty());
}

void Workstation::updateStatus()
{
    SpanWriter &writer = *m_engine.writer();
    const qint64 stored = writer.storedSpans();
    IngestStatus &status = *m_window->ingestStatus();
    status.setRate(double(std::max<qint64>(0, stored - m_lastStoredSpans)) * 1000.0 /
                   m_statusTimer.interval());
    m_lastStoredSpans = stored;
    status.setCounts(writer.storedTraces(), stored);
    status.setDatabaseSize(databaseBytes(QString::fromStdString(writer.path())));
}

} // namespace tracedeck

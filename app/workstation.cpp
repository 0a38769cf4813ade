#include "workstation.h"

#include "backgroundreader.h"
#include "compareview.h"
#include "conversation.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "costdashboard.h"
#include "dashboarddata.h"
#include "emptystate.h"
#include "engine.h"
#include "fileimport.h"
#include "filterbar.h"
#include "graphlayout.h"
#include "importprogressdialog.h"
#include "ingeststatus.h"
#include "keyadminmodel.h"
#include "mainwindow.h"
#include "messagetext.h"
#include "multirunmodel.h"
#include "multirunview.h"
#include "pathgraphview.h"
#include "sampletraces.h"
#include "servicegraph.h"
#include "spanalignment.h"
#include "spaninspector.h"
#include "spanwriter.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracelistmodel.h"
#include "tracelistview.h"
#include "worddiff.h"
#include "workspacesdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>
#include <utility>

#include <algorithm>

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
    , m_detailReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_compareReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_dashboard(new CostDashboard)
    , m_dashboardReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_import(std::make_unique<FileImport>(*engine.writer()))
{
    MainWindow &w = *m_window;
    w.setDetailWidgets(m_timeline, m_inspector);
    m_conversation->setModel(m_conversationModel);
    w.addTraceTab(m_conversation, tr("Conversation"));
    w.addTraceTab(m_pathGraph, tr("Path graph"));
    connect(m_pathGraph, &PathGraphView::serviceActivated, this, [this](const QString &service) {
        const QString value = service.contains(u' ') ? u'"' + service + u'"' : service;
        m_window->filterBar()->setQuery(QStringLiteral("service:") + value);
    });
    w.traceList()->setModel(m_traces);
    setUpDashboard();
    w.restoreLayout();

    const QString address = engine.listener() ? engine.listener()->address().toString() : QString();
    w.ingestStatus()->setListener(address, engine.listener() != nullptr);
    w.emptyState()->setListenAddress(address);

    connect(w.filterBar(), &FilterBar::filterChanged, m_traces, &TraceListModel::setFilter);
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

    connect(&w, &MainWindow::zoomInRequested, m_timeline, &TimelineView::zoomIn);
    connect(&w, &MainWindow::zoomOutRequested, m_timeline, &TimelineView::zoomOut);
    connect(&w, &MainWindow::zoomFitRequested, m_timeline, &TimelineView::zoomToFit);
    connect(&w, &MainWindow::criticalPathToggled, m_timeline, &TimelineView::setCriticalPathVisible);
    m_timeline->setCriticalPathVisible(w.criticalPathAction()->isChecked()); // on demand: off at start
    connect(&w, &MainWindow::compareRequested, this,
            [this] { compareTraces(m_window->traceList()->selectedTraceIds()); });
    connect(w.traceList(), &TraceListView::compareRequested, this, &Workstation::compareTraces);
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
    QString keysError;
    if (!m_keyAdmin->open(QString::fromStdString(engine.writer()->path()), &keysError))
        m_window->statusBar()->showMessage(tr("Cannot read workspaces: %1").arg(keysError), 10000);
    w.filterBar()->setWorkspaces(m_keyAdmin->workspaceNames());
    connect(m_keyAdmin, &KeyAdminModel::workspacesChanged, this,
            [this] { m_window->filterBar()->setWorkspaces(m_keyAdmin->workspaceNames()); });
    // Listener address, database and body limit are command-line options; what is set here is per workspace.
    connect(&w, &MainWindow::preferencesRequested, this, &Workstation::openWorkspaces);
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
    m_detailReader.reset(); // waits for a running trace load
    m_compareReader.reset();
    m_dashboardReader.reset();
}

// The dashboard dock: recomputed on the reader thread when shown, when its query changes, and at most once a
// second while spans are committed (only while it is visible). Its range moves the trace list's range
// where the filter bar has the same preset; it follows the filter bar's workspace.
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
    connect(m_dashboard, &CostDashboard::rangeChanged, this, [this](CostDashboard::Range range) {
        switch (range) {
        case CostDashboard::Range::LastHour:
            m_window->filterBar()->setRange(FilterBar::Range::LastHour);
            break;
        case CostDashboard::Range::Last24Hours:
            m_window->filterBar()->setRange(FilterBar::Range::Last24Hours);
            break;
        case CostDashboard::Range::Last7Days:
            m_window->filterBar()->setRange(FilterBar::Range::Last7Days);
            break;
        case CostDashboard::Range::All:
            m_window->filterBar()->setRange(FilterBar::Range::All);
            break;
        case CostDashboard::Range::Last30Days:
        case CostDashboard::Range::Custom:
            break; // no such preset in the filter bar
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
    const DashboardQuery query = m_dashboard->query(QDateTime::currentMSecsSinceEpoch() * 1'000'000);
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

void Workstation::loadComparison(const QString &left, const QString &right)
{
    const std::string workspace = m_traces->filter().workspace;
    m_compareReader->post([this, workspace, left, right](StoreReader *reader, const std::string &openError) {
        std::string error = openError;
        std::shared_ptr<const TimelineData> a, b;
        std::shared_ptr<const SpanAlignment> alignment;
        if (reader) {
            a = std::make_shared<const TimelineData>(
                TimelineData::build(reader->timeline(workspace, left.toStdString(), &error)));
            if (error.empty())
                b = std::make_shared<const TimelineData>(
                    TimelineData::build(reader->timeline(workspace, right.toStdString(), &error)));
            if (error.empty())
                alignment = std::make_shared<const SpanAlignment>(SpanAlignment::align(*a, *b));
        }
        QMetaObject::invokeMethod(
            this,
            [this, left, right, a, b, alignment, error] {
                if (!error.empty() || !alignment) {
                    m_window->statusBar()->showMessage(
                        tr("Cannot compare: %1").arg(QString::fromStdString(error)), 10000);
                    return;
                }
                if (a->isEmpty() || b->isEmpty()) {
                    m_window->statusBar()->showMessage(
                        tr("Cannot compare: trace %1 has no spans").arg(a->isEmpty() ? left : right), 10000);
                    return;
                }
                auto *view = new CompareView;
                view->setRuns(left, right, a, b, alignment);
                connect(view, &CompareView::llmPairSelected, this,
                        [this, view](int l, int r) { loadCompareMessages(view, l, r); });
                m_window->addDetailTab(view, tr("%1 ⇄ %2").arg(left.left(8), right.left(8)),
                                       tr("A: %1\nB: %2").arg(left, right));
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
            sa = reader->span(workspace, traceA, spanA, &error);
            if (error.empty())
                sb = reader->span(workspace, traceB, spanB, &error);
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
            // The final answer: the output of the LLM call that ended last (a few tried, for calls without
            // text).
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
        bool hasLlm = false;
        for (int32_t i = 0; data && i < data->count() && !hasLlm; ++i)
            hasLlm = data->isLlm(i);
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
                Q_EMIT traceShown(m_shownTrace);
                if (data && !data->isEmpty())
                    m_timeline->selectSpan(0);
            },
            Qt::QueuedConnection);

        // The conversation second, so the timeline is not kept waiting for the messages' JSON.
        auto conversation = std::make_shared<Conversation>();
        std::string conversationError;
        if (reader && hasLlm)
            *conversation = Conversation::build(reader->spans(workspace, id, &conversationError));
        QMetaObject::invokeMethod(
            this,
            [this, generation, conversation = std::shared_ptr<const Conversation>(std::move(conversation)),
             conversationError] {
                if (generation != m_traceGeneration)
                    return;
                if (!conversationError.empty())
                    m_window->statusBar()->showMessage(QString::fromStdString(conversationError), 10000);
                m_conversationModel->setConversation(conversation);
                if (const int index = m_timeline->selectedSpan(); m_timelineData && index >= 0)
                    m_conversation->setCurrentSpan(m_timelineData->spanIdString(index));
                Q_EMIT conversationShown(m_shownTrace);
            },
            Qt::QueuedConnection);
    });
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

#include "workstation.h"

#include "backgroundreader.h"
#include "conversation.h"
#include "conversationmodel.h"
#include "conversationview.h"
#include "emptystate.h"
#include "engine.h"
#include "fileimport.h"
#include "filterbar.h"
#include "ingeststatus.h"
#include "mainwindow.h"
#include "sampletraces.h"
#include "spaninspector.h"
#include "spanwriter.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracelistmodel.h"
#include "tracelistview.h"

#include <QApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QMessageBox>
#include <QPointer>
#include <QStatusBar>

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
    , m_timeline(new TimelineView)
    , m_inspector(new SpanInspector)
    , m_conversationModel(new ConversationModel(this))
    , m_conversation(new ConversationView)
    , m_detailReader(std::make_unique<BackgroundReader>(QString::fromStdString(engine.writer()->path())))
    , m_import(std::make_unique<FileImport>(*engine.writer()))
{
    MainWindow &w = *m_window;
    w.setDetailWidgets(m_timeline, m_inspector);
    m_conversation->setModel(m_conversationModel);
    w.addDetailTab(m_conversation, tr("Conversation"));
    w.traceList()->setModel(m_traces);
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
    connect(&w, &MainWindow::backRequested, this, &Workstation::goBack);
    connect(&w, &MainWindow::forwardRequested, this, &Workstation::goForward);
    connect(&w, &MainWindow::openFilesRequested, this, &Workstation::importFiles);
    connect(&w, &MainWindow::loadSamplesRequested, this, &Workstation::loadSamples);
    connect(&w, &MainWindow::preferencesRequested, this, [this] {
        QMessageBox::information(m_window.get(), tr("Preferences"),
                                 tr("Listener address, database and body limit are set on the command line "
                                    "for now (tracedeck --help)."));
    });

    connect(m_import.get(), &FileImport::fileDone, this, [this](const FileImport::FileReport &report) {
        const QString name = QFileInfo(report.path).fileName();
        QString message = tr("%1: %n span(s) imported", nullptr, int(report.spans)).arg(name);
        if (report.rejected > 0)
            message += tr(", %n skipped", nullptr, int(report.rejected));
        if (!report.error.isEmpty())
            message += QStringLiteral(" — ") + report.error;
        m_window->statusBar()->showMessage(message, 15000);
        if (report.spans == 0 && !report.error.isEmpty())
            QMessageBox::warning(m_window.get(), tr("Cannot import %1").arg(name), report.error);
    });
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
        QMetaObject::invokeMethod(
            this,
            [this, generation, data, error] {
                if (generation != m_traceGeneration)
                    return; // the user has moved on to another trace
                if (!error.empty())
                    m_window->statusBar()->showMessage(QString::fromStdString(error), 10000);
                m_timelineData = data;
                m_timeline->setData(data);
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
    m_import->start(paths);
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

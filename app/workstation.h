#pragma once

#include "selectionhistory.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tracedeck {

class BackgroundReader;
class Conversation;
class ConversationModel;
class ConversationView;
class Engine;
class FileImport;
class MainWindow;
class SpanInspector;
class TimelineData;
class TimelineView;
class TraceListModel;

// Wires the workstation: the trace list model to the store and the live ingest, the selected trace to the
// timeline and its LLM calls to the conversation view (loaded, laid out and built on a reader thread), the
// selected span to the inspector, files and samples
// to the writer, and the status bar to the engine.
class Workstation : public QObject {
    Q_OBJECT
public:
    explicit Workstation(Engine &engine, QObject *parent = nullptr);
    ~Workstation() override;

    MainWindow &window() const { return *m_window; }
    TraceListModel &traces() const { return *m_traces; }
    TimelineView &timeline() const { return *m_timeline; }
    SpanInspector &inspector() const { return *m_inspector; }
    ConversationView &conversation() const { return *m_conversation; }
    ConversationModel &conversationModel() const { return *m_conversationModel; }
    QString shownTraceId() const { return m_shownTrace; }

    void importFiles(const QStringList &paths);
    void loadSamples();
    void showTrace(const QString &traceId);

Q_SIGNALS:
    // The timeline shows this trace (its spans are loaded and laid out).
    void traceShown(const QString &traceId);
    // The inspector shows this span.
    void spanShown(const QString &spanId);
    // The conversation view shows the LLM calls of this trace (none when it has no LLM span).
    void conversationShown(const QString &traceId);
    void importFinished(qint64 spans, int failedFiles);

private:
    void loadTrace(const QString &traceId);
    void showSpan(int index);
    void selectSpanById(const QString &spanId);
    void goBack();
    void goForward();
    void updateHistoryActions();
    void updateEmptyState();
    void updateStatus();

    Engine &m_engine;
    std::unique_ptr<MainWindow> m_window;
    TraceListModel *m_traces;
    TimelineView *m_timeline;
    SpanInspector *m_inspector;
    ConversationModel *m_conversationModel;
    ConversationView *m_conversation;
    std::unique_ptr<BackgroundReader> m_detailReader;
    std::unique_ptr<FileImport> m_import;
    std::shared_ptr<const TimelineData> m_timelineData;
    SelectionHistory m_history;
    QString m_shownTrace;
    quint64 m_traceGeneration = 0;
    quint64 m_spanGeneration = 0;
    QTimer m_refreshThrottle;
    QTimer m_statusTimer;
    qint64 m_lastStoredSpans = 0;
};

} // namespace tracedeck

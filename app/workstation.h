#pragma once

#include "exportdialog.h"
#include "fileimport.h"
#include "importreportdialog.h"
#include "selectionhistory.h"
#include "tracefilter.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

class QProgressDialog;

namespace tracedeck {

class BackgroundReader;
class BudgetController;
class ExportRunner;
class CompareView;
class CostDashboard;
class Conversation;
class ConversationModel;
class ConversationView;
class PathGraphView;
class PreferencesDialog;
class PricingController;
class Engine;
class FileImport;
class KeyAdminModel;
class WorkspacesDialog;
class ImportProgressDialog;
class MainWindow;
class MultiRunView;
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
    PathGraphView &pathGraph() const { return *m_pathGraph; }
    // The trace tab "Service map": the path graph of every span in the list's workspace and time range.
    PathGraphView &serviceMap() const { return *m_serviceMap; }
    CostDashboard &dashboard() const { return *m_dashboard; }
    // Budgets: their editor, the Alerts dock and the dashboard's spend against budget.
    BudgetController &budgets() const { return *m_budgets; }
    ConversationModel &conversationModel() const { return *m_conversationModel; }
    QString shownTraceId() const { return m_shownTrace; }
    // Shown for imports that take longer than kProgressDelayMs; the report after an import with problems.
    ImportProgressDialog *importProgress() const { return m_progressDialog; }
    ImportReportDialog *importReport() const { return m_reportDialog; }
    static constexpr int kProgressDelayMs = 500;

    void importFiles(const QStringList &paths);
    void loadSamples();
    void showTrace(const QString &traceId);
    // Settings ▸ Workspaces & API keys (non-modal; one instance).
    WorkspacesDialog *openWorkspaces();
    KeyAdminModel &keyAdmin() const { return *m_keyAdmin; }
    PricingController &pricing() const { return *m_pricing; }
    // Edit ▸ Preferences (non-modal; one instance): filled from QSettings and the local workspace's
    // retention; applying stores them and switches the theme.
    PreferencesDialog *openPreferences();
    // Two traces: side by side in a compare tab (the earlier one is A); more: a table of totals. Loaded on a
    // reader thread.
    void compareTraces(const QStringList &traceIds);
    // The sessions of the given traces (exactly two distinct session ids) side by side: every trace of each
    // session under one root, aligned trace by trace (SessionTimeline).
    void compareSessions(const QStringList &traceIds);
    // File ▸ Export Traces…: the dialog (non-modal, one at a time) and the export it starts on a thread of
    // its own. exportTraces() returns false when an export is already running.
    ExportDialog *openExportDialog();
    bool exportTraces(const ExportDialog::Choice &choice);
    // The timeline as shown, and the whole path graph, as PNG or SVG (by the extension).
    bool saveTimelineImage(const QString &path);
    bool savePathGraphImage(const QString &path);

Q_SIGNALS:
    // A Preferences dialog was made: the place to add pages of other parts (addPage).
    void preferencesDialogCreated(PreferencesDialog *dialog);
    // Preferences were applied and stored.
    void preferencesApplied();
    // The timeline shows this trace (its spans are loaded and laid out).
    void traceShown(const QString &traceId);
    // The inspector shows this span.
    void spanShown(const QString &spanId);
    // The conversation view shows the LLM calls of this trace (none when it has no LLM span).
    void conversationShown(const QString &traceId);
    void importFinished(qint64 spans, int failedFiles);
    // A compare tab opened with its runs loaded and aligned.
    void comparisonShown(CompareView *view);
    void runsShown(MultiRunView *view);
    // The compare view shows the word diff of this pair of LLM calls.
    void compareMessagesShown(int left, int right);
    // The service map was (re)loaded.
    void serviceMapShown(int services, int edges);
    // An export ended; error is empty on success ("cancelled" when cancelled).
    void exportFinished(qint64 traces, qint64 spans, const QString &error);
    // The dashboard shows figures computed for its current query.
    void dashboardShown();

private:
    void loadTrace(const QString &traceId);
    // The conversation of the shown trace, or of its whole session (kept when the session is already shown).
    // refresh: only to follow new traces of the session shown (nothing happens when it has none).
    void loadConversation(bool refresh = false);
    void openTraceAtSpan(const QString &traceId, const QString &spanId);
    void showSpan(int index);
    void selectSpanById(const QString &spanId);
    void goBack();
    void goForward();
    void updateHistoryActions();
    void updateEmptyState();
    void updateStatus();
    void importProgressed(const FileImport::Progress &progress);
    void importFileDone(const FileImport::FileReport &report);
    void importDone();
    void loadComparison(const QString &left, const QString &right, bool sessions = false);
    void loadRuns(const QStringList &traceIds);
    void loadCompareMessages(CompareView *view, int left, int right);
    void serviceMapChanged();
    void loadServiceMap();
    void exportDone(qint64 traces, qint64 spans, const QString &error, const QStringList &missing);
    QString chooseImagePath(const QString &title, const QString &name);
    void setUpDashboard();
    void refreshDashboard();

    Engine &m_engine;
    std::unique_ptr<MainWindow> m_window;
    TraceListModel *m_traces;
    KeyAdminModel *m_keyAdmin;
    WorkspacesDialog *m_workspacesDialog = nullptr;
    PreferencesDialog *m_preferencesDialog = nullptr;
    PricingController *m_pricing;
    TimelineView *m_timeline;
    SpanInspector *m_inspector;
    ConversationModel *m_conversationModel;
    ConversationView *m_conversation;
    PathGraphView *m_pathGraph;
    PathGraphView *m_serviceMap;
    std::unique_ptr<BackgroundReader> m_detailReader;
    std::unique_ptr<BackgroundReader> m_compareReader; // compare loads do not queue behind the detail view
    std::unique_ptr<BackgroundReader> m_mapReader;     // nor behind a whole-range service map scan
    TraceFilter m_serviceMapFilter;
    QTimer m_serviceMapThrottle;
    quint64 m_serviceMapGeneration = 0;
    bool m_serviceMapStale = true;
    CostDashboard *m_dashboard;
    bool m_syncingRange = false;                         // while one range selector sets the other
    std::unique_ptr<BackgroundReader> m_dashboardReader; // its reads do not queue behind trace loads
    QTimer m_dashboardThrottle;
    quint64 m_dashboardGeneration = 0;
    bool m_dashboardRunning = false;
    bool m_dashboardPending = false;
    BudgetController *m_budgets = nullptr;
    std::unique_ptr<FileImport> m_import;
    std::shared_ptr<const TimelineData> m_timelineData;
    SelectionHistory m_history;
    QString m_shownTrace;
    quint64 m_traceGeneration = 0;
    quint64 m_conversationGeneration = 0;
    QString m_conversationSession;   // workspace + US + session shown as one chat; empty in trace scope
    std::string m_conversationStamp; // SessionConversation::stamp of the session shown
    QString m_pendingTrace; // a message of this trace was clicked: select m_pendingSpan once it shows
    QString m_pendingSpan;
    quint64 m_spanGeneration = 0;
    QTimer m_refreshThrottle;
    QTimer m_statusTimer;
    qint64 m_lastStoredSpans = 0;
    ImportProgressDialog *m_progressDialog;
    QPointer<ImportReportDialog> m_reportDialog;
    QTimer m_progressDelay;
    FileImport::Progress m_lastProgress;
    QList<ImportReportDialog::File> m_reportFiles;
    ExportRunner *m_exporter;
    QPointer<ExportDialog> m_exportDialog;
    QProgressDialog *m_exportProgress = nullptr;
    QString m_exportPath;
};

} // namespace tracedeck

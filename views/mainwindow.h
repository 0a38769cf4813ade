#pragma once

#include <QMainWindow>

class QDockWidget;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;

namespace tracedeck {

class AlertBadge;
class EmptyState;
class FilterBar;
class IngestStatus;
class TraceListView;

// The workstation's frame: the filtered trace list on top, the selected trace below (timeline beside the
// span inspector), menus and toolbar, and the ingest status. Its layout is remembered (QSettings). It only
// shows; app/ wires its requests to the models.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    FilterBar *filterBar() const { return m_filterBar; }
    TraceListView *traceList() const { return m_traceList; }
    EmptyState *emptyState() const { return m_emptyState; }
    IngestStatus *ingestStatus() const { return m_ingestStatus; }
    // The status bar's count of unread budget alerts (hidden at none).
    AlertBadge *alertBadge() const { return m_alertBadge; }
    QAction *criticalPathAction() const { return m_criticalPath; }
    QAction *compareAction() const { return m_compare; }
    QAction *compareSessionsAction() const { return m_compareSessions; }
    // The detail area: tab 0 is the selected trace, compare tabs follow (closable).
    QTabWidget *detailTabs() const { return m_detailTabs; }
    // Adds a tab beside the trace detail and shows it; the tabs own their widgets.
    int addDetailTab(QWidget *widget, const QString &title, const QString &toolTip);

    void setDetailWidgets(QWidget *timeline, QWidget *inspector);
    // A view of the selected trace in a tab beside the timeline, so the inspector stays in view (the timeline
    // becomes the first tab): conversation, path graph.
    void addTraceTab(QWidget *widget, const QString &title);
    QTabWidget *traceTabs() const { return m_traceTabs; }
    // The cost dashboard as a dock (hidden until View ▸ Dashboard, Ctrl+Shift+B, shows it).
    QDockWidget *addDashboard(QWidget *dashboard);
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    // The budget alerts as a dock (hidden until View ▸ Alerts shows it), and View ▸ Budgets… after it.
    QDockWidget *addAlerts(QWidget *alerts);
    QDockWidget *alertsDock() const { return m_alertsDock; }
    QAction *budgetsAction() const { return m_budgets; }
    void setEmptyStateVisible(bool visible);
    bool isEmptyStateVisible() const;
    void setHistoryAvailable(bool back, bool forward);
    void restoreLayout();

Q_SIGNALS:
    void openFilesRequested(const QStringList &paths);
    void loadSamplesRequested();
    void backRequested();
    void forwardRequested();
    void zoomInRequested();
    void zoomOutRequested();
    void zoomFitRequested();
    void criticalPathToggled(bool on);
    // Compare the traces selected in the list (Ctrl+D).
    void compareRequested();
    // Compare the sessions of the traces selected in the list (Ctrl+Shift+D).
    void compareSessionsRequested();
    // File ▸ Export Traces… (the selected rows or the filtered list) and the two image exports.
    void exportTracesRequested();
    void saveTimelineImageRequested();
    void savePathGraphImageRequested();
    void preferencesRequested();
    void workspacesRequested();
    void budgetsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void chooseFiles();
    void saveLayout() const;

    FilterBar *m_filterBar;
    TraceListView *m_traceList;
    EmptyState *m_emptyState;
    IngestStatus *m_ingestStatus;
    AlertBadge *m_alertBadge;
    QStackedWidget *m_listStack;
    QSplitter *m_vertical;
    QSplitter *m_detail;
    QTabWidget *m_detailTabs;
    QWidget *m_timeline = nullptr;
    QTabWidget *m_traceTabs = nullptr;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_criticalPath = nullptr;
    QAction *m_compare = nullptr;
    QAction *m_compareSessions = nullptr;
    QMenu *m_viewMenu = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    QDockWidget *m_alertsDock = nullptr;
    QAction *m_budgets = nullptr;
};

} // namespace tracedeck

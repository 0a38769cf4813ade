#include "mainwindow.h"

#include "aboutdialog.h"
#include "alertbadge.h"
#include "emptystate.h"
#include "filterbar.h"
#include "ingeststatus.h"
#include "tracelistview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMimeData>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace tracedeck {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_filterBar(new FilterBar)
    , m_traceList(new TraceListView)
    , m_emptyState(new EmptyState)
    , m_ingestStatus(new IngestStatus)
    , m_alertBadge(new AlertBadge)
    , m_listStack(new QStackedWidget)
    , m_vertical(new QSplitter(Qt::Vertical))
    , m_detail(new QSplitter(Qt::Horizontal))
    , m_detailTabs(new QTabWidget)
{
    setWindowTitle(tr("Tracedeck"));
    setAcceptDrops(true);

    m_listStack->addWidget(m_traceList);
    // Scrolled, so its text never forces the list pane taller than the user's split.
    auto *emptyScroll = new QScrollArea;
    emptyScroll->setWidget(m_emptyState);
    emptyScroll->setWidgetResizable(true);
    emptyScroll->setFrameShape(QFrame::NoFrame);
    m_listStack->addWidget(emptyScroll);
    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(0);
    listLayout->addWidget(m_filterBar);
    listLayout->addWidget(m_listStack, 1);

    m_vertical->setObjectName(QStringLiteral("verticalSplitter"));
    m_detail->setObjectName(QStringLiteral("detailSplitter"));
    m_vertical->addWidget(listPane);
    m_detailTabs->setObjectName(QStringLiteral("detailTabs"));
    m_detailTabs->setDocumentMode(true);
    m_detailTabs->setTabsClosable(true);
    m_detailTabs->addTab(m_detail, tr("Trace"));
    m_detailTabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_detailTabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    // One tab only: no tab bar until a comparison opens.
    m_detailTabs->tabBar()->setVisible(false);
    connect(m_detailTabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (index <= 0)
            return;
        QWidget *w = m_detailTabs->widget(index);
        m_detailTabs->removeTab(index);
        w->deleteLater();
        m_detailTabs->tabBar()->setVisible(m_detailTabs->count() > 1);
    });
    m_vertical->addWidget(m_detailTabs);
    m_vertical->setStretchFactor(0, 2);
    m_vertical->setStretchFactor(1, 3);
    m_vertical->setChildrenCollapsible(false);
    setCentralWidget(m_vertical);

    statusBar()->addPermanentWidget(m_alertBadge);
    statusBar()->addPermanentWidget(m_ingestStatus);
    connect(m_ingestStatus, &IngestStatus::endpointCopied, this,
            [this](const QString &line) { statusBar()->showMessage(tr("Copied: %1").arg(line), 4000); });
    connect(m_emptyState, &EmptyState::loadSamplesRequested, this, &MainWindow::loadSamplesRequested);
    connect(m_emptyState, &EmptyState::openFilesRequested, this, &MainWindow::chooseFiles);
    createActions();
}

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    QStyle *s = style();

    QAction *open = file->addAction(s->standardIcon(QStyle::SP_DialogOpenButton), tr("&Open…"), this,
                                    &MainWindow::chooseFiles);
    open->setShortcut(QKeySequence::Open);
    QAction *samples = file->addAction(tr("Load &Sample Traces"), this, &MainWindow::loadSamplesRequested);
    file->addSeparator();
    QAction *exportTraces = file->addAction(s->standardIcon(QStyle::SP_DialogSaveButton),
                                            tr("&Export Traces…"), this, &MainWindow::exportTracesRequested);
    exportTraces->setShortcut(Qt::CTRL | Qt::Key_E);
    file->addAction(tr("Save &Timeline as Image…"), this, &MainWindow::saveTimelineImageRequested);
    file->addAction(tr("Save Path &Graph as Image…"), this, &MainWindow::savePathGraphImageRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QAction *find = edit->addAction(tr("&Find…"), m_filterBar, &FilterBar::focusQuery);
    find->setShortcut(QKeySequence::Find);
    edit->addSeparator();
    edit->addAction(tr("&Workspaces && API Keys…"), this, &MainWindow::workspacesRequested);
    QAction *preferences = edit->addAction(tr("&Preferences…"), this, &MainWindow::preferencesRequested);
    preferences->setShortcut(QKeySequence::Preferences);
    if (preferences->shortcut().isEmpty())
        preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);

    QAction *zoomIn = view->addAction(tr("Zoom &In"), this, &MainWindow::zoomInRequested);
    zoomIn->setShortcuts({QKeySequence::ZoomIn, QKeySequence(Qt::CTRL | Qt::Key_Equal)});
    QAction *zoomOut = view->addAction(tr("Zoom &Out"), this, &MainWindow::zoomOutRequested);
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *fit = view->addAction(tr("Zoom to &Fit"), this, &MainWindow::zoomFitRequested);
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addSeparator();
    m_criticalPath = view->addAction(tr("&Critical Path"));
    m_criticalPath->setCheckable(true);
    m_criticalPath->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_criticalPath->setToolTip(tr("Highlight the spans that determine the trace's duration"));
    connect(m_criticalPath, &QAction::toggled, this, &MainWindow::criticalPathToggled);

    view->addSeparator();
    m_compare = view->addAction(tr("Co&mpare Selected Traces"), this, &MainWindow::compareRequested);
    m_compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_compare->setToolTip(
        tr("Compare the traces selected in the list: two side by side, or more in a table of "
           "totals (Ctrl+click to select several)"));
    m_compare->setIconText(tr("Compare"));
    m_compareSessions = view->addAction(tr("Compare &Sessions of Selected Traces"), this,
                                        &MainWindow::compareSessionsRequested);
    m_compareSessions->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    m_compareSessions->setToolTip(
        tr("Select a trace of each of two sessions: their traces are aligned in order, "
           "turn by turn, and then span by span"));

    m_back =
        go->addAction(s->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this, &MainWindow::backRequested);
    m_back->setShortcut(QKeySequence::Back);
    m_forward = go->addAction(s->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this,
                              &MainWindow::forwardRequested);
    m_forward->setShortcut(QKeySequence::Forward);
    setHistoryAvailable(false, false);

    help->addAction(tr("&About Tracedeck"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });

    toolbar->addAction(open);
    toolbar->addAction(samples);
    toolbar->addSeparator();
    toolbar->addAction(m_back);
    toolbar->addAction(m_forward);
    toolbar->addSeparator();
    toolbar->addAction(zoomIn);
    toolbar->addAction(zoomOut);
    toolbar->addAction(fit);
    toolbar->addAction(m_criticalPath);
    toolbar->addSeparator();
    toolbar->addAction(m_compare);
}

QDockWidget *MainWindow::addDashboard(QWidget *dashboard)
{
    m_dashboardDock = new QDockWidget(tr("Dashboard"), this);
    m_dashboardDock->setObjectName(QStringLiteral("dashboardDock"));
    m_dashboardDock->setWidget(dashboard);
    addDockWidget(Qt::RightDockWidgetArea, m_dashboardDock);
    m_dashboardDock->hide();
    QAction *toggle = m_dashboardDock->toggleViewAction();
    toggle->setText(tr("&Dashboard"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    toggle->setToolTip(
        tr("Cost, tokens, calls and latency over time; the costliest traces, users and sessions"));
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(toggle);
    return m_dashboardDock;
}

QDockWidget *MainWindow::addAlerts(QWidget *alerts)
{
    m_alertsDock = new QDockWidget(tr("Alerts"), this);
    m_alertsDock->setObjectName(QStringLiteral("alertsDock"));
    m_alertsDock->setWidget(alerts);
    addDockWidget(Qt::BottomDockWidgetArea, m_alertsDock);
    m_alertsDock->hide();
    QAction *toggle = m_alertsDock->toggleViewAction();
    toggle->setText(tr("&Alerts"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    toggle->setToolTip(tr("Budgets that reached their daily or monthly limit"));
    m_viewMenu->addAction(toggle);
    m_budgets = m_viewMenu->addAction(tr("B&udgets…"), this, &MainWindow::budgetsRequested);
    m_budgets->setToolTip(tr("Daily and monthly spending limits per workspace, user and model"));
    return m_alertsDock;
}

int MainWindow::addDetailTab(QWidget *widget, const QString &title, const QString &toolTip)
{
    const int index = m_detailTabs->addTab(widget, title);
    m_detailTabs->setTabToolTip(index, toolTip);
    m_detailTabs->tabBar()->setVisible(true);
    m_detailTabs->setCurrentIndex(index);
    return index;
}

void MainWindow::setDetailWidgets(QWidget *timeline, QWidget *inspector)
{
    m_detail->addWidget(timeline);
    m_detail->addWidget(inspector);
    m_timeline = timeline;
    m_detail->setStretchFactor(0, 3);
    m_detail->setStretchFactor(1, 2);
    m_detail->setChildrenCollapsible(false);
}

void MainWindow::addTraceTab(QWidget *widget, const QString &title)
{
    if (!m_traceTabs) {
        m_traceTabs = new QTabWidget;
        m_traceTabs->setObjectName(QStringLiteral("traceTabs"));
        m_traceTabs->setDocumentMode(true);
        const int at = m_timeline ? m_detail->indexOf(m_timeline) : -1;
        if (at >= 0) {
            m_detail->replaceWidget(at, m_traceTabs);
            m_traceTabs->addTab(m_timeline, tr("Timeline"));
        } else {
            m_detail->insertWidget(0, m_traceTabs);
        }
    }
    m_traceTabs->addTab(widget, title);
}

void MainWindow::setEmptyStateVisible(bool visible)
{
    m_listStack->setCurrentIndex(visible ? 1 : 0);
}

bool MainWindow::isEmptyStateVisible() const
{
    return m_listStack->currentIndex() == 1;
}

void MainWindow::setHistoryAvailable(bool back, bool forward)
{
    m_back->setEnabled(back);
    m_forward->setEnabled(forward);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1600, 1000);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!m_vertical->restoreState(settings.value(QStringLiteral("window/vertical")).toByteArray()))
        m_vertical->setSizes({height() * 3 / 10, height() * 7 / 10});
    if (!m_detail->restoreState(settings.value(QStringLiteral("window/detail")).toByteArray()))
        m_detail->setSizes({width() * 3 / 5, width() * 2 / 5});
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/vertical"), m_vertical->saveState());
    settings.setValue(QStringLiteral("window/detail"), m_detail->saveState());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveLayout();
    event->accept();
}

void MainWindow::chooseFiles()
{
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Open Trace Files"), QString(),
        tr("Trace files (*.json *.jsonl *.pb *.bin *.gz *.otlp);;All files (*)"));
    if (!paths.isEmpty())
        Q_EMIT openFilesRequested(paths);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    QStringList paths;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile())
            paths << url.toLocalFile();
    }
    if (!paths.isEmpty()) {
        event->acceptProposedAction();
        Q_EMIT openFilesRequested(paths);
    }
}

} // namespace tracedeck

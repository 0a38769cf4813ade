#include "timelineview.h"

#include "displayformat.h"
#include "servicepalette.h"

#include <QApplication>
#include <QFontMetrics>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tracedeck {

namespace {

constexpr int OverviewHeight = 44;
constexpr int AxisHeight = 24;
constexpr int LegendHeight = 26;
constexpr int RowHeight = 22;
constexpr int Indent = 14;
constexpr double MinBarWidth = 3.0;
constexpr double MinWindowNs = 10.0;
// Collapsed subtrees larger than this get a TimelineRunIndex instead of a scan per frame.
constexpr int32_t LargeSubtree = 4096;

QColor paletteColour(int i)
{
    return ServicePalette::colour(i);
}

QColor textOn(const QColor &background)
{
    return ServicePalette::textOn(background);
}

const QColor ErrorColour = ServicePalette::error();
const QColor AddedColour(0x2e, 0xa0, 0x43);
const QColor RemovedColour(0xcf, 0x22, 0x2e);

QString formatDuration(double ns)
{
    return DisplayFormat::duration(qRound64(ns));
}

// A tick label in the unit the step calls for, with just the decimals the step needs.
QString formatTick(double t, double step)
{
    double unit = 1;
    QString suffix = QStringLiteral(" ns");
    if (step >= 1e9) {
        unit = 1e9;
        suffix = QStringLiteral(" s");
    } else if (step >= 1e6) {
        unit = 1e6;
        suffix = QStringLiteral(" ms");
    } else if (step >= 1e3) {
        unit = 1e3;
        suffix = QStringLiteral(" \u00b5s");
    }
    const int decimals = std::max(0, static_cast<int>(std::ceil(-std::log10(step / unit) - 1e-9)));
    return QString::number(t / unit, 'f', decimals) + suffix;
}

double niceStep(double raw)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw)
            return m * magnitude;
    }
    return 10 * magnitude;
}

QString formatTokens(int64_t tokens)
{
    return tokens >= 10000 ? QLocale().toString(tokens / 1000.0, 'f', 1) + QStringLiteral("k")
                           : QLocale().toString(static_cast<qlonglong>(tokens));
}

void drawDiamond(QPainter &p, QPointF centre, double r, const QColor &colour)
{
    QPainterPath path;
    path.moveTo(centre.x(), centre.y() - r);
    path.lineTo(centre.x() + r, centre.y());
    path.lineTo(centre.x(), centre.y() + r);
    path.lineTo(centre.x() - r, centre.y());
    path.closeSubpath();
    p.fillPath(path, colour);
}

} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
    viewport()->setMouseTracking(true);
    viewport()->setAttribute(Qt::WA_AcceptTouchEvents, false);
    verticalScrollBar()->setSingleStep(1);
}

TimelineView::~TimelineView() = default;

QSize TimelineView::sizeHint() const
{
    return {1200, 600};
}

void TimelineView::setData(std::shared_ptr<const TimelineData> data)
{
    m_data = std::move(data);
    m_rows.setData(m_data);
    m_selected = -1;
    m_hovered = -1;
    m_criticalSections.clear();
    m_runIndexes.clear();
    m_geometryKey = {};
    m_overviewData = nullptr;
    m_marks.clear();
    verticalScrollBar()->setValue(0);
    updateScrollBars();
    zoomToFit();
}

// --- geometry -------------------------------------------------------------------------------------------

int TimelineView::labelWidth() const
{
    return std::clamp(viewport()->width() / 5, 160, 300);
}

QRect TimelineView::overviewRect() const
{
    return {labelWidth(), 0, viewport()->width() - labelWidth(), OverviewHeight};
}

QRect TimelineView::axisRect() const
{
    return {labelWidth(), OverviewHeight, viewport()->width() - labelWidth(), AxisHeight};
}

QRect TimelineView::rowsRect() const
{
    const int top = OverviewHeight + AxisHeight;
    return {0, top, viewport()->width(), std::max(0, viewport()->height() - top - LegendHeight)};
}

QRect TimelineView::plotRect() const
{
    QRect r = rowsRect();
    r.setLeft(labelWidth());
    return r;
}

QRect TimelineView::legendRect() const
{
    return {0, viewport()->height() - LegendHeight, viewport()->width(), LegendHeight};
}

int TimelineView::rowsPerPage() const
{
    return std::max(1, rowsRect().height() / RowHeight);
}

int TimelineView::firstVisibleRow() const
{
    return verticalScrollBar()->value();
}

double TimelineView::totalNs() const
{
    if (!m_data || m_data->isEmpty())
        return std::max(1000.0, m_timeExtent);
    return std::max(
        {1000.0, m_timeExtent, static_cast<double>(m_data->traceEndNs() - m_data->traceStartNs())});
}

void TimelineView::setTimeExtent(double ns)
{
    m_timeExtent = std::max(0.0, ns);
    m_overviewData = nullptr;
    clampWindow();
    viewport()->update();
}

void TimelineView::setSpanMarks(std::vector<uint8_t> marks)
{
    m_marks = std::move(marks);
    if (m_data && !m_marks.empty())
        m_marks.resize(m_data->count(), NoMark);
    viewport()->update();
}

TimelineView::SpanMark TimelineView::spanMark(int index) const
{
    return index >= 0 && index < static_cast<int>(m_marks.size()) ? static_cast<SpanMark>(m_marks[index])
                                                                  : NoMark;
}

double TimelineView::nsPerPixel() const
{
    return (m_t1 - m_t0) / std::max(1, plotRect().width());
}

double TimelineView::xForTime(double t) const
{
    return plotRect().left() + (t - m_t0) / nsPerPixel();
}

double TimelineView::timeForX(double x) const
{
    return m_t0 + (x - plotRect().left()) * nsPerPixel();
}

int TimelineView::rowAtY(int y) const
{
    const QRect rows = rowsRect();
    if (y < rows.top() || y >= rows.bottom())
        return -1;
    const int row = firstVisibleRow() + (y - rows.top()) / RowHeight;
    return row < m_rows.rowCount() ? row : -1;
}

bool TimelineView::isCollapsed(int index) const
{
    return m_data && index >= 0 && index < m_data->count() && m_rows.isCollapsed(index);
}

void TimelineView::setCollapsed(int index, bool collapsed)
{
    if (!m_data || index < 0 || index >= m_data->count() || !m_data->hasChildren(index))
        return;
    m_rows.setCollapsed(index, collapsed);
    if (!collapsed)
        m_runIndexes.erase(index);
    if (m_selected >= 0 && m_rows.rowOf(m_selected) < 0)
        setSelected(index, true);
    updateScrollBars();
    viewport()->update();
}

QRect TimelineView::spanRect(int index) const
{
    ensureGeometry();
    for (const Bar &bar : m_bars) {
        if (bar.index == index && !bar.summary)
            return bar.rect.toAlignedRect();
    }
    return {};
}

QRect TimelineView::handleRect(int index) const
{
    if (!m_data || index < 0 || index >= m_data->count() || !m_data->hasChildren(index))
        return {};
    const int row = m_rows.rowOf(index);
    const int first = firstVisibleRow();
    if (row < first || row >= first + rowsPerPage())
        return {};
    const int y = rowsRect().top() + (row - first) * RowHeight;
    return {indentOf(index), y + (RowHeight - 12) / 2, 12, 12};
}

void TimelineView::updateScrollBars()
{
    QScrollBar *bar = verticalScrollBar();
    bar->setPageStep(rowsPerPage());
    bar->setRange(0, std::max(0, m_rows.rowCount() - rowsPerPage()));
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollBars();
}

void TimelineView::scrollContentsBy(int, int)
{
    viewport()->update();
}

std::size_t TimelineView::memoryBytes() const
{
    std::size_t bytes = sizeof(*this) + m_rows.memoryBytes() + m_bars.capacity() * sizeof(Bar) +
                        static_cast<std::size_t>(m_overview.sizeInBytes());
    for (const auto &entry : m_runIndexes)
        bytes += entry.second.memoryBytes();
    for (const auto &entry : m_criticalSections)
        bytes += entry.second.capacity() * sizeof(TimelineCriticalSection);
    return bytes;
}

// --- zoom and pan --------------------------------------------------------------------------------------

void TimelineView::setVisibleRange(double start, double end)
{
    m_t0 = start;
    m_t1 = end;
    clampWindow();
    viewport()->update();
}

void TimelineView::clampWindow()
{
    const double total = totalNs();
    double width = std::clamp(m_t1 - m_t0, MinWindowNs, total);
    if (!(width > 0))
        width = total;
    m_t0 = std::clamp(m_t0, 0.0, total - width);
    m_t1 = m_t0 + width;
    notifyRange();
}

void TimelineView::notifyRange()
{
    if (m_t0 == m_notifiedT0 && m_t1 == m_notifiedT1)
        return;
    m_notifiedT0 = m_t0;
    m_notifiedT1 = m_t1;
    Q_EMIT visibleRangeChanged(m_t0, m_t1);
}

int TimelineView::indentOf(int index) const
{
    // Deep trees stop indenting at half the label column so names stay readable.
    return 4 + std::min(m_data->depth(index) * Indent, labelWidth() / 2);
}

void TimelineView::zoomAround(double x, double factor)
{
    if (factor <= 0)
        return;
    const double anchor = timeForX(x);
    const double width = m_t1 - m_t0;
    const double newWidth = std::clamp(width / factor, MinWindowNs, totalNs());
    m_t0 = anchor - (anchor - m_t0) * (newWidth / width);
    m_t1 = m_t0 + newWidth;
    clampWindow();
    viewport()->update();
}

void TimelineView::panBy(double dxPixels)
{
    const double shift = dxPixels * nsPerPixel();
    m_t0 += shift;
    m_t1 += shift;
    clampWindow();
    viewport()->update();
}

double TimelineView::cursorXOrCentre() const
{
    if (plotRect().contains(m_lastMousePos))
        return m_lastMousePos.x();
    return plotRect().center().x();
}

void TimelineView::zoomIn()
{
    zoomAround(cursorXOrCentre(), 1.5);
}

void TimelineView::zoomOut()
{
    zoomAround(cursorXOrCentre(), 1 / 1.5);
}

void TimelineView::zoomToFit()
{
    m_t0 = 0;
    m_t1 = totalNs();
    notifyRange();
    viewport()->update();
}

void TimelineView::zoomToSpan(int index)
{
    if (!m_data || index < 0 || index >= m_data->count())
        return;
    const double start = static_cast<double>(m_data->startNs(index) - m_data->traceStartNs());
    const double duration = std::max(static_cast<double>(m_data->durationNs(index)), 100.0);
    m_t0 = start - duration * 0.05;
    m_t1 = start + duration * 1.05;
    clampWindow();
    revealSpan(index);
    viewport()->update();
}

void TimelineView::setCriticalPathVisible(bool visible)
{
    m_showCritical = visible;
    viewport()->update();
}

// --- selection and rows --------------------------------------------------------------------------------

void TimelineView::revealSpan(int index)
{
    for (int32_t p = m_data->parent(index); p != -1; p = m_data->parent(p)) {
        if (m_rows.isCollapsed(p)) {
            m_rows.setCollapsed(p, false);
            m_runIndexes.erase(p);
        }
    }
    updateScrollBars();
    ensureRowVisible(m_rows.rowOf(index));
}

void TimelineView::ensureRowVisible(int row)
{
    if (row < 0)
        return;
    const int first = firstVisibleRow();
    if (row < first)
        verticalScrollBar()->setValue(row);
    else if (row >= first + rowsPerPage())
        verticalScrollBar()->setValue(row - rowsPerPage() + 1);
}

void TimelineView::setSelected(int index, bool notify)
{
    if (index == m_selected)
        return;
    m_selected = index;
    if (index >= 0)
        revealSpan(index);
    viewport()->update();
    if (notify)
        Q_EMIT spanSelected(index);
}

void TimelineView::selectSpan(int index)
{
    if (!m_data || index < -1 || index >= m_data->count())
        return;
    setSelected(index, true);
}

void TimelineView::toggleCollapsed(int index)
{
    setCollapsed(index, !m_rows.isCollapsed(index));
}

// --- events --------------------------------------------------------------------------------------------

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_data) {
        QAbstractScrollArea::mousePressEvent(event);
        return;
    }
    const QPoint pos = event->position().toPoint();
    m_pressPos = pos;
    m_pressT0 = m_t0;
    m_pressFirstRow = firstVisibleRow();
    m_pressed = true;
    m_dragging = false;
    m_overviewDrag = overviewRect().contains(pos);
    if (m_overviewDrag) {
        mouseMoveEvent(event);
        return;
    }
    const int row = rowAtY(pos.y());
    if (row >= 0 && pos.x() < labelWidth()) {
        const int32_t index = m_rows.indexAt(row);
        if (handleRect(index).adjusted(-3, -4, 3, 4).contains(pos))
            toggleCollapsed(index);
        else
            setSelected(index, true);
        m_pressed = false;
    }
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    m_lastMousePos = pos;
    if (m_pressed && m_overviewDrag) {
        const QRect ov = overviewRect();
        const double centre = (pos.x() - ov.left()) / double(std::max(1, ov.width())) * totalNs();
        const double width = m_t1 - m_t0;
        m_t0 = centre - width / 2;
        m_t1 = centre + width / 2;
        clampWindow();
        if (m_data && m_data->count() > 0) {
            const double fraction = std::clamp((pos.y() - ov.top()) / double(ov.height()), 0.0, 1.0);
            const auto index = static_cast<int32_t>(fraction * (m_data->count() - 1));
            const int row = m_rows.rowOf(m_rows.shownAncestor(index));
            verticalScrollBar()->setValue(row - rowsPerPage() / 2);
        }
        viewport()->update();
        return;
    }
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (pos - m_pressPos).manhattanLength() >= QApplication::startDragDistance())
            m_dragging = true;
        if (m_dragging) {
            viewport()->setCursor(Qt::ClosedHandCursor);
            const double width = m_t1 - m_t0;
            m_t0 = m_pressT0 - (pos.x() - m_pressPos.x()) * nsPerPixel();
            m_t1 = m_t0 + width;
            clampWindow();
            verticalScrollBar()->setValue(m_pressFirstRow - (pos.y() - m_pressPos.y()) / RowHeight);
            viewport()->update();
        }
        return;
    }
    const Bar *bar = plotRect().contains(pos) ? barAt(pos) : nullptr;
    const int hovered = bar && !bar->summary ? bar->index : -1;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        viewport()->update();
    }
    QAbstractScrollArea::mouseMoveEvent(event);
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton) {
        QAbstractScrollArea::mouseReleaseEvent(event);
        return;
    }
    event->accept();
    if (!m_pressed)
        return;
    const bool wasClick = !m_dragging && !m_overviewDrag;
    m_pressed = m_dragging = m_overviewDrag = false;
    viewport()->unsetCursor();
    if (!wasClick)
        return;
    const QPoint pos = event->position().toPoint();
    if (!plotRect().contains(pos))
        return;
    const int row = rowAtY(pos.y());
    setSelected(row >= 0 ? m_rows.indexAt(row) : -1, true);
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int row = rowAtY(pos.y());
    if (event->button() != Qt::LeftButton || row < 0 || !plotRect().contains(pos))
        return;
    const int32_t index = m_rows.indexAt(row);
    setSelected(index, true);
    zoomToSpan(index);
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    const double x = event->position().x();
    if (event->modifiers() & Qt::ControlModifier) {
        zoomAround(plotRect().contains(event->position().toPoint()) ? x : plotRect().center().x(),
                   std::pow(1.0015, angle.y()));
        event->accept();
        return;
    }
    if ((event->modifiers() & Qt::ShiftModifier) || std::abs(angle.x()) > std::abs(angle.y())) {
        const int delta = angle.x() != 0 ? angle.x() : angle.y();
        panBy(-delta / 120.0 * plotRect().width() / 10.0);
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    if (!m_data || m_data->isEmpty()) {
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    const int row = m_selected >= 0 ? m_rows.rowOf(m_selected) : -1;
    switch (event->key()) {
    case Qt::Key_Down:
        setSelected(m_rows.indexAt(std::min(row + 1, m_rows.rowCount() - 1)), true);
        break;
    case Qt::Key_Up:
        setSelected(m_rows.indexAt(std::max(row - 1, 0)), true);
        break;
    case Qt::Key_Left:
        if (m_selected < 0)
            break;
        if (m_data->hasChildren(m_selected) && !m_rows.isCollapsed(m_selected))
            setCollapsed(m_selected, true);
        else if (m_data->parent(m_selected) != -1)
            setSelected(m_data->parent(m_selected), true);
        break;
    case Qt::Key_Right:
        if (m_selected < 0)
            break;
        if (m_rows.isCollapsed(m_selected))
            setCollapsed(m_selected, false);
        else if (m_data->hasChildren(m_selected))
            setSelected(m_selected + 1, true);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
        zoomToFit();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        zoomToSpan(m_selected);
        break;
    default:
        QAbstractScrollArea::keyPressEvent(event);
        return;
    }
    event->accept();
}

void TimelineView::leaveEvent(QEvent *event)
{
    m_lastMousePos = {-1, -1};
    if (m_hovered != -1) {
        m_hovered = -1;
        viewport()->update();
    }
    QAbstractScrollArea::leaveEvent(event);
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    if (event->type() == QEvent::NativeGesture) {
        auto *gesture = static_cast<QNativeGestureEvent *>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomAround(gesture->position().x(), 1.0 + gesture->value());
            return true;
        }
    }
    return QAbstractScrollArea::viewportEvent(event);
}

QString TimelineView::toolTipAt(const QPoint &pos) const
{
    if (!m_data)
        return {};
    if (!rowsRect().contains(pos))
        return overviewRect().contains(pos) ? tr("Whole trace; drag to move the window") : QString();
    const Bar *bar = barAt(pos);
    if (!bar) {
        const int row = rowAtY(pos.y());
        if (row < 0 || pos.x() >= labelWidth())
            return tr("Ctrl+wheel or pinch: zoom \u00b7 wheel: rows \u00b7 Shift+wheel or drag: pan \u00b7 "
                      "+/\u2212/0: zoom, fit \u00b7 arrows: move, collapse, expand");
        const int32_t index = m_rows.indexAt(row);
        return QStringLiteral("<b>%1</b>").arg(m_data->name(index).toHtmlEscaped()) + QStringLiteral("<br>") +
               m_data->service(index).toHtmlEscaped();
    }
    if (bar->summary) {
        const QString parentName = m_data->name(bar->index).toHtmlEscaped();
        return bar->count == 1 ? tr("1 span inside collapsed \u201c%1\u201d").arg(parentName)
                               : tr("%1 spans inside collapsed \u201c%2\u201d")
                                     .arg(QLocale().toString(bar->count), parentName);
    }
    const int32_t i = bar->index;
    QString text = QStringLiteral("<b>%1</b>").arg(m_data->name(i).toHtmlEscaped());
    auto line = [&text](const QString &label, const QString &value) {
        text += QStringLiteral("<br>") + label + QStringLiteral(": ") + value;
    };
    line(tr("Service"), m_data->service(i).toHtmlEscaped());
    line(tr("Duration"), formatDuration(static_cast<double>(m_data->durationNs(i))));
    line(tr("Self time"), formatDuration(static_cast<double>(m_data->selfTimeNs(i))));
    line(tr("Start"), QStringLiteral("+") +
                          formatDuration(static_cast<double>(m_data->startNs(i) - m_data->traceStartNs())));
    line(tr("Status"), m_data->isError(i)
                           ? QStringLiteral("<span style='color:#d62728'><b>%1</b></span>").arg(tr("error"))
                           : tr("ok"));
    if (const TimelineLlmInfo *llm = m_data->llmInfo(i)) {
        if (!m_data->modelName(llm->model).isEmpty())
            line(tr("Model"), m_data->modelName(llm->model).toHtmlEscaped());
        if (llm->inputTokens >= 0 || llm->outputTokens >= 0) {
            line(tr("Tokens"),
                 tr("%1 in, %2 out")
                     .arg(llm->inputTokens >= 0 ? QLocale().toString(qlonglong(llm->inputTokens))
                                                : QStringLiteral("?"),
                          llm->outputTokens >= 0 ? QLocale().toString(qlonglong(llm->outputTokens))
                                                 : QStringLiteral("?")));
        }
        if (llm->costUsd >= 0)
            line(tr("Cost"), QStringLiteral("$") + QString::number(llm->costUsd, 'f', 4));
    }
    if (m_data->isOnCriticalPath(i))
        text += QStringLiteral("<br><i>") + tr("On the critical path") + QStringLiteral("</i>");
    if (spanMark(i) == AddedMark)
        text += QStringLiteral("<br><i>") + tr("Not in the other run (added)") + QStringLiteral("</i>");
    else if (spanMark(i) == RemovedMark)
        text += QStringLiteral("<br><i>") + tr("Not in the other run (removed)") + QStringLiteral("</i>");
    return text;
}

// --- painting ------------------------------------------------------------------------------------------

void TimelineView::ensureGeometry() const
{
    const QRect plot = plotRect();
    const int first = firstVisibleRow();
    const GeometryKey key{m_data.get(), m_rows.generation(), m_t0,         m_t1,
                          first,        rowsPerPage(),       plot.width(), plot.top()};
    if (key == m_geometryKey)
        return;
    m_geometryKey = key;
    m_bars.clear();
    if (!m_data || plot.width() <= 0)
        return;
    const double nsPx = nsPerPixel();
    const int64_t base = m_data->traceStartNs();
    const int last = std::min(m_rows.rowCount(), first + rowsPerPage() + 1);
    const auto t0 = static_cast<int64_t>(std::floor(m_t0 - MinBarWidth * nsPx)) + base;
    const auto t1 = static_cast<int64_t>(std::ceil(m_t1 + MinBarWidth * nsPx)) + base;
    for (int32_t i : m_rows.spansInWindow(t0, t1, first, last)) {
        const int row = m_rows.rowOf(i);
        const double y = plot.top() + (row - first) * RowHeight + 3;
        double x0 = xForTime(static_cast<double>(m_data->startNs(i) - base));
        double x1 = xForTime(static_cast<double>(m_data->endNs(i) - base));
        if (x1 - x0 < MinBarWidth) {
            const double mid = (x0 + x1) / 2;
            x0 = mid - MinBarWidth / 2;
            x1 = mid + MinBarWidth / 2;
        }
        x0 = std::max(x0, plot.left() - 2.0);
        x1 = std::min(x1, plot.right() + 2.0);
        const bool collapsed = m_rows.isCollapsed(i);
        const double height = collapsed ? RowHeight - 13 : RowHeight - 6;
        m_bars.push_back({QRectF(x0, y, x1 - x0, height), i, 1, row, false});
        if (collapsed) {
            const double windowStart = m_t0 + static_cast<double>(base);
            std::vector<TimelineRun> runs;
            if (m_data->subtreeEnd(i) - i > LargeSubtree) {
                auto it = m_runIndexes.find(i);
                if (it == m_runIndexes.end())
                    it = m_runIndexes.emplace(i, TimelineRunIndex(*m_data, i)).first;
                runs = it->second.runs(windowStart, nsPx, plot.width());
            } else {
                runs = m_data->subtreeRuns(i, windowStart, nsPx, plot.width());
            }
            for (const TimelineRun &run : runs) {
                m_bars.push_back({QRectF(plot.left() + run.x0, y + height + 1, run.x1 - run.x0, 5), i,
                                  run.count, row, true});
            }
        }
    }
}

const TimelineView::Bar *TimelineView::barAt(const QPoint &pos) const
{
    ensureGeometry();
    const Bar *best = nullptr;
    for (const Bar &bar : m_bars) {
        if (bar.rect.adjusted(-1, -1, 1, 1).contains(pos))
            best = &bar; // summaries follow their row's bar, so the most specific wins
    }
    return best;
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(viewport());
    const QPalette &pal = palette();
    p.fillRect(viewport()->rect(), pal.color(QPalette::Base));
    if (!m_data || m_data->isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(viewport()->rect(), Qt::AlignCenter, tr("No trace loaded"));
        return;
    }
    ensureGeometry();
    const int first = firstVisibleRow();
    const int last = std::min(m_rows.rowCount(), first + rowsPerPage() + 1);
    const QRect rows = rowsRect();

    p.save();
    p.setClipRect(rows);
    QColor stripe = pal.color(QPalette::Text);
    stripe.setAlpha(10);
    for (int row = first; row < last; ++row) {
        const QRect r(0, rows.top() + (row - first) * RowHeight, rows.width(), RowHeight);
        const int32_t index = m_rows.indexAt(row);
        if (index == m_selected) {
            QColor h = pal.color(QPalette::Highlight);
            h.setAlpha(60);
            p.fillRect(r, h);
        } else if (row % 2) {
            p.fillRect(r, stripe);
        }
        if (const SpanMark mark = spanMark(index); mark != NoMark) {
            QColor c = mark == AddedMark ? AddedColour : RemovedColour;
            c.setAlpha(index == m_selected ? 70 : 38);
            p.fillRect(r, c);
            c.setAlpha(255);
            p.fillRect(QRect(r.left(), r.top() + 1, 4, r.height() - 2), c);
        }
    }
    paintAxis(p); // grid lines under the bars
    p.setClipRect(QRect(rows.left(), rows.top(), labelWidth() - 1, rows.height()));
    paintLabels(p, first, last);
    p.setClipRect(plotRect());
    paintBars(p);
    if (m_showCritical)
        paintCriticalPath(p, first, last);
    p.restore();

    QColor rule = pal.color(QPalette::Text);
    rule.setAlpha(60);
    p.setPen(rule);
    p.drawLine(labelWidth() - 1, 0, labelWidth() - 1, legendRect().top());
    paintOverview(p);
    paintHeader(p);
    paintLegend(p);
}

void TimelineView::paintLabels(QPainter &p, int first, int last) const
{
    const QPalette &pal = palette();
    const QRect rows = rowsRect();
    const QFontMetrics fm(font());
    for (int row = first; row < last; ++row) {
        const int32_t i = m_rows.indexAt(row);
        const int y = rows.top() + (row - first) * RowHeight;
        int x = indentOf(i);
        if (m_data->hasChildren(i)) {
            const QRectF h(x, y + (RowHeight - 12) / 2.0, 12, 12);
            QPainterPath tri;
            if (m_rows.isCollapsed(i)) {
                tri.moveTo(h.left() + 3, h.top() + 2);
                tri.lineTo(h.right() - 2, h.center().y());
                tri.lineTo(h.left() + 3, h.bottom() - 2);
            } else {
                tri.moveTo(h.left() + 2, h.top() + 3);
                tri.lineTo(h.right() - 2, h.top() + 3);
                tri.lineTo(h.center().x(), h.bottom() - 2);
            }
            tri.closeSubpath();
            QColor c = pal.color(QPalette::Text);
            c.setAlpha(170);
            p.fillPath(tri, c);
        }
        x += 14;
        const QColor service = paletteColour(m_data->colourIndex(m_data->serviceIndex(i)));
        p.fillRect(QRect(x, y + (RowHeight - 10) / 2, 4, 10), service);
        x += 8;
        int right = labelWidth() - 6;
        if (m_data->isError(i)) {
            p.setPen(Qt::NoPen);
            p.setBrush(ErrorColour);
            p.drawEllipse(QPointF(right - 4, y + RowHeight / 2.0), 4, 4);
            right -= 12;
        }
        if (m_data->isLlm(i)) {
            drawDiamond(p, QPointF(right - 4, y + RowHeight / 2.0), 4.5, pal.color(QPalette::Text));
            right -= 12;
        }
        QString text = m_data->name(i);
        if (m_rows.isCollapsed(i))
            text += QStringLiteral("  (") + QLocale().toString(m_data->subtreeEnd(i) - i - 1) +
                    QStringLiteral(")");
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(x, y, std::max(0, right - x), RowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   fm.elidedText(text, Qt::ElideRight, std::max(0, right - x)));
    }
}

void TimelineView::paintBars(QPainter &p) const
{
    const QPalette &pal = palette();
    const QFontMetrics fm(font());
    const QRect plot = plotRect();
    for (const Bar &bar : m_bars) {
        const int32_t i = bar.index;
        const QColor service = paletteColour(m_data->colourIndex(m_data->serviceIndex(i)));
        if (bar.summary) {
            QColor c = service.darker(130);
            p.fillRect(bar.rect, c);
            continue;
        }
        p.fillRect(bar.rect, service);
        if (m_data->isError(i)) {
            p.setPen(QPen(ErrorColour, 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.rect.adjusted(1, 1, -1, -1));
            p.fillRect(
                QRectF(bar.rect.left(), bar.rect.top(), std::min(4.0, bar.rect.width()), bar.rect.height()),
                ErrorColour);
        }
        if (i == m_selected) {
            p.setPen(QPen(pal.color(QPalette::Text), 2));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.rect.adjusted(-1, -1, 1, 1));
        } else if (i == m_hovered) {
            QColor hover = pal.color(QPalette::Text);
            hover.setAlpha(120);
            p.setPen(QPen(hover, 1));
            p.setBrush(Qt::NoBrush);
            p.drawRect(bar.rect.adjusted(-0.5, -0.5, 0.5, 0.5));
        }
        const bool llm = m_data->isLlm(i);
        QString text = m_data->name(i);
        if (const TimelineLlmInfo *info = llm ? m_data->llmInfo(i) : nullptr) {
            const QString &model = m_data->modelName(info->model);
            if (!model.isEmpty() && !text.contains(model)) // "chat gpt-4o" already names it
                text += QStringLiteral(" \u00b7 ") + model;
            const int64_t tokens =
                std::max<int64_t>(0, info->inputTokens) + std::max<int64_t>(0, info->outputTokens);
            if (info->inputTokens >= 0 || info->outputTokens >= 0)
                text += QStringLiteral(" \u00b7 ") + tr("%1 tok").arg(formatTokens(tokens));
        }
        text += QStringLiteral("  ") + formatDuration(static_cast<double>(m_data->durationNs(i)));
        const int glyph = llm ? 14 : 0;
        const double visibleLeft = std::max(bar.rect.left(), double(plot.left()));
        const double inside = bar.rect.right() - visibleLeft - 8 - glyph - (m_data->isError(i) ? 4 : 0);
        const int textWidth = fm.horizontalAdvance(text);
        const double outsideWidth = glyph + textWidth + 6;
        QColor outsideColour = pal.color(QPalette::Text);
        outsideColour.setAlpha(190);
        auto drawOutside = [&](double x) {
            if (llm) {
                drawDiamond(p, QPointF(x + 5, bar.rect.center().y()), 4.5, pal.color(QPalette::Text));
                x += glyph;
            }
            p.setPen(outsideColour);
            p.drawText(QRectF(x, bar.rect.top() - 2, textWidth + 2, bar.rect.height() + 4),
                       Qt::AlignVCenter | Qt::AlignLeft, text);
        };
        // Inside when it fits, else beside the bar where there is room, else elided inside.
        if (inside >= textWidth || (inside >= 50 && bar.rect.right() + outsideWidth >= plot.right() &&
                                    bar.rect.left() - outsideWidth <= plot.left())) {
            double x = visibleLeft + 4 + (m_data->isError(i) ? 4 : 0);
            if (llm) {
                drawDiamond(p, QPointF(x + 5, bar.rect.center().y()), 4.5, textOn(service));
                x += glyph;
            }
            p.setPen(textOn(service));
            p.drawText(QRectF(x, bar.rect.top(), inside, bar.rect.height()), Qt::AlignVCenter | Qt::AlignLeft,
                       fm.elidedText(text, Qt::ElideRight, static_cast<int>(inside)));
        } else if (bar.rect.right() + outsideWidth < plot.right()) {
            drawOutside(bar.rect.right() + 5);
        } else if (bar.rect.left() - outsideWidth > plot.left()) {
            drawOutside(bar.rect.left() - outsideWidth);
        }
    }
}

void TimelineView::paintCriticalPath(QPainter &p, int first, int last) const
{
    const QRect plot = plotRect();
    const int64_t base = m_data->traceStartNs();
    QColor colour = palette().color(QPalette::Text);
    for (int row = first; row < last; ++row) {
        const int32_t i = m_rows.indexAt(row);
        if (!m_data->isOnCriticalPath(i))
            continue;
        auto it = m_criticalSections.find(i);
        if (it == m_criticalSections.end()) {
            if (m_criticalSections.size() > 4096)
                m_criticalSections.clear();
            it = m_criticalSections.emplace(i, m_data->criticalSections(i)).first;
        }
        const double y = plot.top() + (row - first) * RowHeight + RowHeight - 4;
        for (const TimelineCriticalSection &section : it->second) {
            const double x0 =
                std::max(plot.left() - 2.0, xForTime(static_cast<double>(section.fromNs - base)));
            const double x1 = std::min(plot.right() + 2.0,
                                       std::max(x0 + 2, xForTime(static_cast<double>(section.toNs - base))));
            if (x1 > x0)
                p.fillRect(QRectF(x0, y, x1 - x0, 3), colour);
        }
    }
}

void TimelineView::paintAxis(QPainter &p) const
{
    const QPalette &pal = palette();
    const QRect axis = axisRect();
    const QRect plot = plotRect();
    const double nsPx = nsPerPixel();
    const double step = niceStep(std::max(1.0, 100 * nsPx));
    QColor grid = pal.color(QPalette::Text);
    grid.setAlpha(28);
    QColor text = pal.color(QPalette::Text);
    text.setAlpha(200);
    p.save();
    p.setClipping(false);
    p.fillRect(QRect(0, axis.top(), viewport()->width(), axis.height()), pal.color(QPalette::Window));
    for (double t = std::ceil(m_t0 / step) * step; t <= m_t1; t += step) {
        const double x = xForTime(t);
        p.setPen(grid);
        p.drawLine(QLineF(x, plot.top(), x, plot.bottom()));
        p.setPen(text);
        p.drawLine(QLineF(x, axis.bottom() - 5, x, axis.bottom()));
        const QString label = formatTick(t, step);
        if (x + 3 + p.fontMetrics().horizontalAdvance(label) < axis.right())
            p.drawText(QRectF(x + 3, axis.top(), 120, axis.height() - 2), Qt::AlignVCenter | Qt::AlignLeft,
                       label);
    }
    p.setPen(grid);
    p.drawLine(0, axis.bottom(), viewport()->width(), axis.bottom());
    p.setPen(text);
    p.drawText(QRect(8, axis.top(), labelWidth() - 16, axis.height()), Qt::AlignVCenter | Qt::AlignLeft,
               tr("Span"));
    p.drawText(QRect(8, axis.top(), labelWidth() - 16, axis.height()), Qt::AlignVCenter | Qt::AlignRight,
               tr("window %1").arg(formatDuration(m_t1 - m_t0)));
    p.restore();
}

void TimelineView::ensureOverview() const
{
    const QRect ov = overviewRect().adjusted(0, 4, 0, -4);
    if (m_overviewData == m_data.get() && m_overview.size() == ov.size())
        return;
    m_overviewData = m_data.get();
    m_overview =
        QImage(std::max(1, ov.width()), std::max(1, ov.height()), QImage::Format_ARGB32_Premultiplied);
    m_overview.fill(Qt::transparent);
    const int cols = m_overview.width();
    const int lines = m_overview.height();
    const int32_t n = m_data->count();
    const double total = totalNs();
    const int64_t base = m_data->traceStartNs();
    // Per line: coverage deltas, and the colour of the latest span starting in each column (the whole trace
    // once per size; zoom and pan only move the window drawn over it).
    std::vector<int32_t> delta(static_cast<std::size_t>(lines) * (cols + 1), 0);
    std::vector<int16_t> colour(static_cast<std::size_t>(lines) * (cols + 1), -1);
    for (int32_t i = 0; i < n; ++i) {
        const int line0 = static_cast<int>(static_cast<int64_t>(i) * lines / n);
        const int line1 = std::max(line0 + 1, static_cast<int>(static_cast<int64_t>(i + 1) * lines / n));
        const int c0 = std::clamp(static_cast<int>((m_data->startNs(i) - base) / total * cols), 0, cols - 1);
        const int c1 =
            std::clamp(static_cast<int>(std::ceil((m_data->endNs(i) - base) / total * cols)), c0 + 1, cols);
        const auto c = static_cast<int16_t>(
            m_data->isError(i) ? TimelineData::PaletteSize : m_data->colourIndex(m_data->serviceIndex(i)));
        for (int line = line0; line < line1; ++line) {
            const std::size_t row = static_cast<std::size_t>(line) * (cols + 1);
            ++delta[row + c0];
            --delta[row + c1];
            colour[row + c0] = c;
        }
    }
    const int perLine = std::max(1, n / lines);
    for (int line = 0; line < lines; ++line) {
        auto *pixels = reinterpret_cast<QRgb *>(m_overview.scanLine(line));
        const std::size_t row = static_cast<std::size_t>(line) * (cols + 1);
        int32_t coverage = 0;
        int current = 0;
        for (int x = 0; x < cols; ++x) {
            coverage += delta[row + x];
            if (colour[row + x] >= 0)
                current = colour[row + x];
            if (coverage <= 0)
                continue;
            QColor c = current == TimelineData::PaletteSize ? ErrorColour : paletteColour(current);
            c.setAlphaF(std::clamp(0.45 + 0.55 * std::log1p(coverage) / std::log1p(perLine), 0.45, 1.0));
            pixels[x] = qPremultiply(c.rgba());
        }
    }
}

void TimelineView::paintOverview(QPainter &p) const
{
    const QPalette &pal = palette();
    const QRect ov = overviewRect();
    p.fillRect(ov, pal.color(QPalette::AlternateBase));
    ensureOverview();
    p.drawImage(ov.topLeft() + QPoint(0, 4), m_overview);
    const double total = totalNs();
    const double x0 = ov.left() + m_t0 / total * ov.width();
    const double x1 = ov.left() + m_t1 / total * ov.width();
    QColor shade = pal.color(QPalette::Base);
    shade.setAlpha(150);
    p.fillRect(QRectF(ov.left(), ov.top(), x0 - ov.left(), ov.height()), shade);
    p.fillRect(QRectF(x1, ov.top(), ov.right() + 1 - x1, ov.height()), shade);
    // The rows on screen, as a fraction of the whole tree.
    const int first = firstVisibleRow();
    const int last = std::min(m_rows.rowCount(), first + rowsPerPage()) - 1;
    const int32_t n = std::max(1, m_data->count());
    const double y0 = ov.top() + 4 + double(m_rows.indexAt(first)) / n * (ov.height() - 8);
    const int32_t lastIndex = last >= 0 ? m_data->subtreeEnd(m_rows.indexAt(last)) : n;
    const double y1 = std::max(y0 + 3, ov.top() + 4 + double(lastIndex) / n * (ov.height() - 8));
    QColor frame = pal.color(QPalette::Highlight);
    p.setPen(QPen(frame, 1.5));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(x0, ov.top() + 1, std::max(2.0, x1 - x0), ov.height() - 2));
    frame.setAlpha(40);
    if (first > 0 || last < m_rows.rowCount() - 1)
        p.fillRect(QRectF(x0, y0, std::max(2.0, x1 - x0), y1 - y0), frame);
}

void TimelineView::paintHeader(QPainter &p) const
{
    const QPalette &pal = palette();
    const QRect r(0, 0, labelWidth() - 1, OverviewHeight);
    p.fillRect(r, pal.color(QPalette::AlternateBase));
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(pal.color(QPalette::Text));
    p.drawText(r.adjusted(8, 4, -8, -r.height() / 2), Qt::AlignVCenter | Qt::AlignLeft,
               formatDuration(static_cast<double>(m_data->traceEndNs() - m_data->traceStartNs())));
    p.setFont(font());
    QColor muted = pal.color(QPalette::Text);
    muted.setAlpha(170);
    p.setPen(muted);
    p.drawText(r.adjusted(8, r.height() / 2 - 2, -8, -2), Qt::AlignVCenter | Qt::AlignLeft,
               tr("%1 spans \u00b7 %2 services \u00b7 depth %3")
                   .arg(QLocale().toString(m_data->count()))
                   .arg(m_data->serviceCount())
                   .arg(m_data->maxDepth() + 1));
}

void TimelineView::paintLegend(QPainter &p) const
{
    const QPalette &pal = palette();
    const QRect r = legendRect();
    p.fillRect(r, pal.color(QPalette::Window));
    QColor rule = pal.color(QPalette::Text);
    rule.setAlpha(40);
    p.setPen(rule);
    p.drawLine(r.topLeft(), r.topRight());
    const QFontMetrics fm(font());
    const int cy = r.center().y();
    int x = 8;
    const int count = std::min(m_data->serviceCount(), 16);
    for (int s = 0; s < count; ++s) {
        p.fillRect(QRect(x, cy - 5, 10, 10), paletteColour(m_data->colourIndex(s)));
        x += 14;
        p.setPen(pal.color(QPalette::Text));
        const QString name = fm.elidedText(m_data->serviceName(s), Qt::ElideRight, 140);
        p.drawText(QRect(x, r.top(), fm.horizontalAdvance(name) + 2, r.height()), Qt::AlignVCenter, name);
        x += fm.horizontalAdvance(name) + 14;
    }
    if (m_data->serviceCount() > count) {
        const QString more = tr("+%1 more").arg(m_data->serviceCount() - count);
        p.drawText(QRect(x, r.top(), fm.horizontalAdvance(more) + 2, r.height()), Qt::AlignVCenter, more);
        x += fm.horizontalAdvance(more) + 14;
    }
    x += 10;
    p.setPen(pal.color(QPalette::Text));
    auto label = [&](const QString &text) {
        p.drawText(QRect(x, r.top(), fm.horizontalAdvance(text) + 2, r.height()), Qt::AlignVCenter, text);
        x += fm.horizontalAdvance(text) + 16;
    };
    p.setPen(QPen(ErrorColour, 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRect(x, cy - 5, 16, 10));
    x += 22;
    p.setPen(pal.color(QPalette::Text));
    label(tr("error"));
    drawDiamond(p, QPointF(x + 5, cy), 4.5, pal.color(QPalette::Text));
    x += 14;
    label(tr("LLM call"));
    if (m_showCritical) {
        p.fillRect(QRect(x, cy - 1, 18, 3), pal.color(QPalette::Text));
        x += 24;
        label(tr("critical path"));
    }
    if (!m_marks.empty()) {
        const bool added = std::find(m_marks.begin(), m_marks.end(), AddedMark) != m_marks.end();
        const bool removed = std::find(m_marks.begin(), m_marks.end(), RemovedMark) != m_marks.end();
        if (added) {
            p.fillRect(QRect(x, cy - 5, 4, 10), AddedColour);
            x += 9;
            label(tr("added"));
        }
        if (removed) {
            p.fillRect(QRect(x, cy - 5, 4, 10), RemovedColour);
            x += 9;
            label(tr("removed"));
        }
    }
    QColor muted = pal.color(QPalette::Text);
    muted.setAlpha(150);
    p.setPen(muted);
    const QString hint = tr("Ctrl+wheel: zoom \u00b7 drag: pan \u00b7 double-click: zoom to span");
    if (x + fm.horizontalAdvance(hint) + 16 < r.right())
        p.drawText(r.adjusted(0, 0, -10, 0), Qt::AlignVCenter | Qt::AlignRight, hint);
}

} // namespace tracedeck

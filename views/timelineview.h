#pragma once

#include "timelinedata.h"
#include "timelinerows.h"
#include "timelinerunindex.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QPointer>

#include <memory>
#include <unordered_map>
#include <vector>

namespace tracedeck {

// The Gantt of one trace: a row per span in tree order, bars coloured by service, an overview strip of the
// whole trace on top, a time axis, and a legend. Paints only the rows on screen; geometry is cached until the
// time window, the rows or the size change. Ctrl+wheel or pinch zooms around the cursor, the wheel scrolls
// rows, Shift+wheel and drag pan.
class TimelineView : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setData(std::shared_ptr<const TimelineData> data);
    const std::shared_ptr<const TimelineData> &data() const { return m_data; }

    // The time window shown, in ns from the trace start.
    double visibleStart() const { return m_t0; }
    double visibleEnd() const { return m_t1; }
    void setVisibleRange(double start, double end);
    // The axis spans at least this many ns from the trace start (0: the trace's own duration), so two views
    // of traces of different lengths can share one axis.
    void setTimeExtent(double ns);
    double timeExtent() const { return m_timeExtent; }

    // Marks on span rows (compare: added, removed); empty clears. One entry per span index.
    enum SpanMark : uint8_t { NoMark = 0, AddedMark = 1, RemovedMark = 2 };
    void setSpanMarks(std::vector<uint8_t> marks);
    SpanMark spanMark(int index) const;

    int selectedSpan() const { return m_selected; }
    bool criticalPathVisible() const { return m_showCritical; }
    int rowCount() const { return m_rows.rowCount(); }
    int firstVisibleRow() const;
    bool isCollapsed(int index) const;
    void setCollapsed(int index, bool collapsed);

    // Viewport geometry of a span's bar and of its collapse handle; empty when not on screen.
    QRect spanRect(int index) const;
    QRect handleRect(int index) const;
    QString toolTipAt(const QPoint &viewportPos) const;
    // What the view holds beyond the shared TimelineData: rows, caches, the overview image.
    std::size_t memoryBytes() const;

    QSize sizeHint() const override;

public Q_SLOTS:
    void zoomIn();
    void zoomOut();
    void zoomToFit();
    void zoomToSpan(int index);
    void setCriticalPathVisible(bool visible);
    void selectSpan(int index);

Q_SIGNALS:
    void spanSelected(int index);
    // The time window changed (zoom, pan, fit, setVisibleRange), in ns from the trace start.
    void visibleRangeChanged(double start, double end);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Bar {
        QRectF rect;
        int32_t index = -1;
        int32_t count = 1; // > 1 or summary: a merged run of spans hidden under a collapsed row
        int row = 0;
        bool summary = false;
    };

    QRect overviewRect() const;
    QRect axisRect() const;
    QRect rowsRect() const;
    QRect legendRect() const;
    QRect plotRect() const; // rows area right of the labels
    int labelWidth() const;
    int indentOf(int index) const;
    int rowsPerPage() const;
    double totalNs() const;
    double nsPerPixel() const;
    double xForTime(double t) const;
    double timeForX(double x) const;
    int rowAtY(int y) const;

    void updateScrollBars();
    void clampWindow();
    void notifyRange();
    void zoomAround(double x, double factor);
    void panBy(double dxPixels);
    void ensureRowVisible(int row);
    void revealSpan(int index);
    void setSelected(int index, bool notify);
    void toggleCollapsed(int index);
    double cursorXOrCentre() const;

    void ensureGeometry() const;
    void ensureOverview() const;
    const Bar *barAt(const QPoint &pos) const;

    void paintLabels(QPainter &p, int first, int last) const;
    void paintBars(QPainter &p) const;
    void paintCriticalPath(QPainter &p, int first, int last) const;
    void paintAxis(QPainter &p) const;
    void paintOverview(QPainter &p) const;
    void paintLegend(QPainter &p) const;
    void paintHeader(QPainter &p) const;

    std::shared_ptr<const TimelineData> m_data;
    TimelineRows m_rows;
    double m_t0 = 0;
    double m_t1 = 1;
    int m_selected = -1;
    int m_hovered = -1;
    bool m_showCritical = true;
    double m_timeExtent = 0;
    double m_notifiedT0 = -1;
    double m_notifiedT1 = -1;
    std::vector<uint8_t> m_marks;

    QPoint m_pressPos;
    QPoint m_lastMousePos{-1, -1};
    double m_pressT0 = 0;
    int m_pressFirstRow = 0;
    bool m_pressed = false;
    bool m_dragging = false;
    bool m_overviewDrag = false;

    struct GeometryKey {
        const TimelineData *data = nullptr;
        uint64_t generation = 0;
        double t0 = 0, t1 = 0;
        int first = -1, rows = 0, width = 0, top = 0;
        bool operator==(const GeometryKey &) const = default;
    };
    mutable GeometryKey m_geometryKey;
    mutable std::vector<Bar> m_bars;
    mutable std::unordered_map<int32_t, TimelineRunIndex> m_runIndexes; // collapsed large subtrees
    mutable std::unordered_map<int32_t, std::vector<TimelineCriticalSection>> m_criticalSections;
    mutable QImage m_overview;
    mutable const TimelineData *m_overviewData = nullptr;
};

} // namespace tracedeck

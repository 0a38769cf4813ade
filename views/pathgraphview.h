#pragma once

#include "graphlayout.h"
#include "servicegraph.h"

#include <QWidget>

#include <memory>

namespace tracedeck {

// The path graph of a trace: services as boxes (calls, errors, p50/p95 latency, tokens, cost), calls as
// arrows with their counts, laid out left to right by Graphviz. Wheel zooms around the cursor, drag pans,
// double-click (or Ctrl+0) fits; hovering a service explains it, clicking it asks to filter by it. External
// peers (uninstrumented services, hosts, databases, LLM providers) are dashed boxes and filter nothing.
class PathGraphView : public QWidget {
    Q_OBJECT
public:
    explicit PathGraphView(QWidget *parent = nullptr);

    void setGraph(std::shared_ptr<const ServiceGraph> graph, std::shared_ptr<const GraphLayout> layout);
    void clear(const QString &message = {});
    const ServiceGraph *graph() const { return m_graph.get(); }
    double scale() const { return m_scale; }
    void fit();
    void zoomBy(double factor, QPointF anchor);

    // The whole graph, at its natural size, as a picture and as a vector drawing.
    QImage renderImage(double scale = 2.0) const;
    bool savePng(const QString &path) const;
    bool saveSvg(const QString &path) const;

    // The node (service index) drawn at a point of the widget, or -1.
    int nodeAt(QPointF widgetPos) const;
    QPointF nodeCentre(int node) const; // in widget coordinates

Q_SIGNALS:
    void serviceActivated(const QString &service);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    void paintGraph(QPainter &painter) const;
    QString tooltip(int node) const;
    QTransform transform() const;

    std::shared_ptr<const ServiceGraph> m_graph;
    std::shared_ptr<const GraphLayout> m_layout;
    QString m_message;
    double m_scale = 1.0;
    QPointF m_offset; // widget position of the layout's origin
    bool m_fitted = true;
    int m_hover = -1;
    QPoint m_pressPos;
    QPointF m_pressOffset;
    bool m_dragging = false;
};

} // namespace tracedeck

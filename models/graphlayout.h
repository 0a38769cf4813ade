#pragma once

#include <QPointF>
#include <QRectF>

#include <vector>

namespace tracedeck {

class ServiceGraph;

// Where Graphviz's `dot` puts a service graph's nodes and edges, left to right, in pixels with y down.
// Graphviz keeps global state, so layouts are serialized; call from any thread.
class GraphLayout {
public:
    struct EdgePath {
        std::vector<QPointF> bezier; // p0, c1, c2, p1, c1, c2, p2, … (cubic pieces)
        QPointF arrowTip;            // where the arrowhead points (the head node's border)
        QPointF labelPos;            // the middle of the path, for the call count
    };

    static constexpr double kNodeWidth = 196;
    static constexpr double kNodeHeight = 72;

    static GraphLayout layout(const ServiceGraph &graph);

    const std::vector<QRectF> &nodes() const { return m_nodes; }
    const std::vector<EdgePath> &edges() const { return m_edges; }
    QRectF bounds() const { return m_bounds; }
    bool isEmpty() const { return m_nodes.empty(); }
    const QString &error() const { return m_error; }

private:
    std::vector<QRectF> m_nodes;   // by node index of the graph
    std::vector<EdgePath> m_edges; // by edge index of the graph
    QRectF m_bounds;
    QString m_error;
};

} // namespace tracedeck

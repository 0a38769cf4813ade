#include "graphlayout.h"

#include "servicegraph.h"

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include <mutex>
#include <string>

namespace tracedeck {

namespace {

constexpr double kPointsPerInch = 72.0;
constexpr size_t kCurvedEdgeLimit = 150;

std::mutex &graphvizMutex()
{
    static std::mutex mutex;
    return mutex;
}

GVC_t *context()
{
    static GVC_t *gvc = gvContext(); // lives for the process: Graphviz frees plugins only at exit
    return gvc;
}

void set(void *object, const char *name, const std::string &value)
{
    agsafeset(object, const_cast<char *>(name), const_cast<char *>(value.c_str()), const_cast<char *>(""));
}

} // namespace

GraphLayout GraphLayout::layout(const ServiceGraph &graph)
{
    GraphLayout out;
    if (graph.isEmpty())
        return out;
    std::lock_guard lock(graphvizMutex());
    Agraph_t *g = agopen(const_cast<char *>("services"), Agdirected, nullptr);
    set(g, "rankdir", "LR");
    set(g, "nodesep", "0.45");
    set(g, "ranksep", "1.6"); // room for the call labels between ranks
    // Curved routing and dot's iteration limits cost seconds on big maps (1,000 edges: ~5 s of CPU with the
    // defaults, ~0.3 s with straight edges and short network-simplex and crossing-minimization passes,
    // measured with `dot -Tplain`). Small graphs, the usual trace, keep curves and full quality.
    if (graph.edges().size() > kCurvedEdgeLimit) {
        set(g, "splines", "line");
        set(g, "nslimit", "0.2");
        set(g, "nslimit1", "0.2");
        set(g, "mclimit", "0.1");
    } else {
        set(g, "splines", "spline");
    }
    const std::string width = std::to_string(kNodeWidth / kPointsPerInch);
    const std::string height = std::to_string(kNodeHeight / kPointsPerInch);
    std::vector<Agnode_t *> nodes;
    nodes.reserve(graph.nodes().size());
    for (size_t i = 0; i < graph.nodes().size(); ++i) {
        Agnode_t *n = agnode(g, const_cast<char *>(("n" + std::to_string(i)).c_str()), 1);
        set(n, "shape", "box");
        set(n, "fixedsize", "true");
        set(n, "width", width);
        set(n, "height", height);
        set(n, "label", "");
        nodes.push_back(n);
    }
    std::vector<Agedge_t *> edges;
    edges.reserve(graph.edges().size());
    for (size_t i = 0; i < graph.edges().size(); ++i) {
        const ServiceEdge &e = graph.edges()[i];
        Agedge_t *edge = agedge(g, nodes[size_t(e.from)], nodes[size_t(e.to)],
                                const_cast<char *>(("e" + std::to_string(i)).c_str()), 1);
        // Busier calls pull their services closer to a straight line.
        set(edge, "weight", std::to_string(1 + std::min<int64_t>(e.calls, 20)));
        edges.push_back(edge);
    }
    if (gvLayout(context(), g, "dot") != 0) {
        out.m_error = QStringLiteral("Graphviz could not lay out the graph");
        agclose(g);
        return out;
    }
    const boxf bb = GD_bb(g);
    const double top = bb.UR.y;
    const auto toView = [top](pointf p) { return QPointF(p.x, top - p.y); };
    out.m_bounds = QRectF(0, 0, bb.UR.x - bb.LL.x, bb.UR.y - bb.LL.y);
    for (Agnode_t *n : nodes) {
        const QPointF centre = toView(ND_coord(n));
        const double w = ND_width(n) * kPointsPerInch;
        const double h = ND_height(n) * kPointsPerInch;
        out.m_nodes.emplace_back(centre.x() - w / 2, centre.y() - h / 2, w, h);
    }
    for (Agedge_t *edge : edges) {
        EdgePath path;
        const splines *spl = ED_spl(edge);
        if (spl && spl->size > 0) {
            const bezier &b = spl->list[0];
            for (int i = 0; i < b.size; ++i)
                path.bezier.push_back(toView(b.list[i]));
            path.arrowTip = b.eflag ? toView(b.ep) : path.bezier.empty() ? QPointF() : path.bezier.back();
        }
        if (!path.bezier.empty())
            path.labelPos = path.bezier[path.bezier.size() / 2];
        out.m_edges.push_back(std::move(path));
    }
    gvFreeLayout(context(), g);
    agclose(g);
    return out;
}

} // namespace tracedeck

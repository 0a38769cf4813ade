#include "pathgraphview.h"

#include "displayformat.h"
#include "servicepalette.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tracedeck {

namespace {

constexpr double kMargin = 24;
constexpr double kMinScale = 0.02;
// Below this scale text is too small to read: labels are left out (and the paint stays fast on big maps).
constexpr double kTextScale = 0.3;
constexpr double kMaxScale = 4.0;

QString cost(const ServiceNode &node)
{
    return node.costKnown ? QStringLiteral("$%1").arg(QLocale::c().toString(node.costUsd, 'f', 4))
                          : QString();
}

QPainterPath edgePath(const GraphLayout::EdgePath &edge)
{
    QPainterPath path;
    if (edge.bezier.empty())
        return path;
    path.moveTo(edge.bezier[0]);
    for (size_t i = 1; i + 2 < edge.bezier.size(); i += 3)
        path.cubicTo(edge.bezier[i], edge.bezier[i + 1], edge.bezier[i + 2]);
    path.lineTo(edge.arrowTip);
    return path;
}

void drawArrowHead(QPainter &painter, QPointF from, QPointF tip, const QColor &colour)
{
    const QPointF d = tip - from;
    const double length = std::hypot(d.x(), d.y());
    if (length < 1e-6)
        return;
    const QPointF u = d / length;
    const QPointF n(-u.y(), u.x());
    const QPointF base = tip - u * 10.0;
    const QPolygonF head({tip, base + n * 5.0, base - n * 5.0});
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPolygon(head);
}

} // namespace

PathGraphView::PathGraphView(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(200, 150);
    setAttribute(Qt::WA_OpaquePaintEvent);
    m_message = tr("Select a trace to see the services it went through.");
}

void PathGraphView::setGraph(std::shared_ptr<const ServiceGraph> graph,
                             std::shared_ptr<const GraphLayout> layout)
{
    m_graph = std::move(graph);
    m_layout = std::move(layout);
    m_hover = -1;
    m_message.clear();
    if (!m_graph || m_graph->isEmpty())
        m_message = tr("This trace has no spans.");
    else if (!m_layout || m_layout->isEmpty())
        m_message = m_layout ? m_layout->error() : tr("No layout.");
    fit();
}

void PathGraphView::clear(const QString &message)
{
    m_graph.reset();
    m_layout.reset();
    m_hover = -1;
    m_message = message.isEmpty() ? tr("Select a trace to see the services it went through.") : message;
    update();
}

void PathGraphView::fit()
{
    m_fitted = true;
    if (!m_layout || m_layout->isEmpty()) {
        update();
        return;
    }
    const QRectF bounds = m_layout->bounds();
    const double sx = (width() - 2 * kMargin) / std::max(1.0, bounds.width());
    const double sy = (height() - 2 * kMargin) / std::max(1.0, bounds.height());
    m_scale = std::clamp(std::min(sx, sy), kMinScale, 1.0);
    m_offset = QPointF((width() - bounds.width() * m_scale) / 2, (height() - bounds.height() * m_scale) / 2);
    update();
}

void PathGraphView::zoomBy(double factor, QPointF anchor)
{
    const double scale = std::clamp(m_scale * factor, kMinScale, kMaxScale);
    const QPointF inGraph = (anchor - m_offset) / m_scale;
    m_scale = scale;
    m_offset = anchor - inGraph * m_scale;
    m_fitted = false;
    update();
}

QTransform PathGraphView::transform() const
{
    return QTransform::fromTranslate(m_offset.x(), m_offset.y()).scale(m_scale, m_scale);
}

int PathGraphView::nodeAt(QPointF widgetPos) const
{
    if (!m_layout)
        return -1;
    const QPointF p = (widgetPos - m_offset) / m_scale;
    const auto &nodes = m_layout->nodes();
    for (size_t i = 0; i < nodes.size(); ++i)
        if (nodes[i].contains(p))
            return int(i);
    return -1;
}

QPointF PathGraphView::nodeCentre(int node) const
{
    if (!m_layout || node < 0 || size_t(node) >= m_layout->nodes().size())
        return {};
    return transform().map(m_layout->nodes()[size_t(node)].center());
}

void PathGraphView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (!m_layout || m_layout->isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(16, 16, -16, -16), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setTransform(transform());
    paintGraph(painter);
    painter.resetTransform();
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QString hint = m_graph->isFlatPath() ? tr("Hops of one request, in time order") : QString();
    if (!hint.isEmpty())
        painter.drawText(QRectF(8, 4, width() - 16, 20), Qt::AlignLeft | Qt::AlignVCenter, hint);
}

void PathGraphView::paintGraph(QPainter &painter) const
{
    const QPalette pal = palette();
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = pal.color(QPalette::PlaceholderText);
    const QColor edgeColour = muted;
    const auto &nodes = m_graph->nodes();
    const auto &edges = m_graph->edges();
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.9);

    for (size_t i = 0; i < edges.size() && i < m_layout->edges().size(); ++i) {
        const ServiceEdge &edge = edges[i];
        const GraphLayout::EdgePath &geometry = m_layout->edges()[i];
        if (geometry.bezier.empty())
            continue;
        const bool highlighted = m_hover >= 0 && (edge.from == m_hover || edge.to == m_hover);
        const QColor colour = edge.errors > 0 ? ServicePalette::error() : highlighted ? text : edgeColour;
        const double width = 1.2 + std::min(4.0, std::log2(double(edge.calls)));
        painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(edgePath(geometry));
        const QPointF from = geometry.bezier.size() >= 2 ? geometry.bezier.back() : geometry.bezier.front();
        drawArrowHead(painter,
                      from == geometry.arrowTip && geometry.bezier.size() >= 2
                          ? geometry.bezier[geometry.bezier.size() - 2]
                          : from,
                      geometry.arrowTip, colour);
        if (painter.worldTransform().m11() < kTextScale)
            continue;
        painter.setFont(small);
        const auto drawLabel = [&](const QString &label, const QColor &colour, bool below) {
            const QRectF box = painter.fontMetrics().boundingRect(label).adjusted(-4, -1, 4, 1);
            const QPointF corner =
                geometry.labelPos - QPointF(box.width() / 2, below ? -3 : box.height() + 3);
            const QRectF labelRect(corner, box.size());
            painter.setPen(Qt::NoPen);
            painter.setBrush(pal.color(QPalette::Base));
            painter.drawRoundedRect(labelRect, 3, 3);
            painter.setPen(colour);
            painter.drawText(labelRect, Qt::AlignCenter, label);
        };
        drawLabel(QStringLiteral("×%1 · %2").arg(edge.calls).arg(DisplayFormat::duration(edge.p50Ns)), muted,
                  false);
        if (edge.errors > 0)
            drawLabel(tr("%1 failed").arg(edge.errors), ServicePalette::error(), true);
    }

    for (size_t i = 0; i < nodes.size() && i < m_layout->nodes().size(); ++i) {
        const ServiceNode &node = nodes[i];
        const QRectF r = m_layout->nodes()[i];
        // A peer without spans of its own: dashed, on the plain background, with no service colour.
        const QColor colour = node.external ? muted : ServicePalette::colour(node.colourIndex);
        const bool hovered = int(i) == m_hover;
        painter.setPen(QPen(node.errors > 0 ? ServicePalette::error()
                            : hovered       ? text
                                            : pal.color(QPalette::Mid),
                            node.errors > 0 || hovered || node.external ? 1.6 : 1.0,
                            node.external ? Qt::DashLine : Qt::SolidLine));
        painter.setBrush(pal.color(node.external ? QPalette::Base : QPalette::AlternateBase));
        painter.drawRoundedRect(r, 6, 6);
        if (!node.external) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            QPainterPath strip;
            strip.addRoundedRect(QRectF(r.left(), r.top(), 8, r.height()), 4, 4);
            painter.drawPath(strip);
        }

        if (painter.worldTransform().m11() < kTextScale)
            continue;
        const QRectF inner = r.adjusted(16, 6, -8, -6);
        QFont bold = font();
        bold.setBold(true);
        painter.setFont(bold);
        painter.setPen(text);
        const double line = painter.fontMetrics().height();
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), line),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         painter.fontMetrics().elidedText(node.name, Qt::ElideMiddle, int(inner.width())));
        painter.setFont(small);
        const double smallLine = painter.fontMetrics().height();
        double y = inner.top() + line + 1;
        const auto row = [&](const QString &textLine, const QColor &c) {
            painter.setPen(c);
            painter.drawText(QRectF(inner.left(), y, inner.width(), smallLine),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             painter.fontMetrics().elidedText(textLine, Qt::ElideRight, int(inner.width())));
            y += smallLine;
        };
        QString calls = node.calls == 1 ? tr("1 call") : tr("%1 calls").arg(node.calls);
        if (node.external)
            calls = tr("external · %1").arg(calls);
        if (node.errors > 0)
            calls +=
                QStringLiteral(" · ") + (node.errors == 1 ? tr("1 error") : tr("%1 errors").arg(node.errors));
        row(calls, node.errors > 0 ? ServicePalette::error() : muted);
        row(tr("p50 %1 · p95 %2")
                .arg(DisplayFormat::duration(node.p50Ns), DisplayFormat::duration(node.p95Ns)),
            muted);
        if (node.llm)
            row(tr("%1 → %2 tokens")
                        .arg(QLocale().toString(node.inputTokens), QLocale().toString(node.outputTokens)) +
                    (node.costKnown ? QStringLiteral(" · ") + cost(node) : QString()),
                muted);
    }
}

QString PathGraphView::tooltip(int i) const
{
    const ServiceNode &node = m_graph->nodes()[size_t(i)];
    QString text = QStringLiteral("<b>%1</b><br>").arg(node.name.toHtmlEscaped());
    if (node.external)
        text +=
            tr("<i>External</i>: not instrumented (no spans of its own), known from the client calls to it") +
            QStringLiteral("<br>") + tr("called %1 times, %2 errors").arg(node.calls).arg(node.errors);
    else
        text += tr("%1 spans, entered %2 times, %3 errors").arg(node.spans).arg(node.calls).arg(node.errors);
    text += QStringLiteral("<br>") +
            tr("latency of calls: p50 %1, p95 %2")
                .arg(DisplayFormat::duration(node.p50Ns), DisplayFormat::duration(node.p95Ns));
    if (node.llm) {
        text += QStringLiteral("<br>") +
                tr("LLM tokens: %1 in, %2 out").arg(node.inputTokens).arg(node.outputTokens);
        text +=
            QStringLiteral("<br>") + (node.costKnown ? tr("cost %1").arg(cost(node)) : tr("cost unknown"));
    }
    if (!node.external)
        text += QStringLiteral("<br><i>") + tr("Click to filter the trace list to this service") +
                QStringLiteral("</i>");
    return text;
}

void PathGraphView::resizeEvent(QResizeEvent *)
{
    if (m_fitted)
        fit();
}

void PathGraphView::wheelEvent(QWheelEvent *event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    zoomBy(std::pow(1.2, steps), event->position());
    event->accept();
}

void PathGraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->pos();
    m_pressOffset = m_offset;
    m_dragging = false;
}

void PathGraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton) {
        if (!m_dragging && (event->pos() - m_pressPos).manhattanLength() > 4)
            m_dragging = true;
        if (m_dragging) {
            m_offset = m_pressOffset + (event->pos() - m_pressPos);
            m_fitted = false;
            setCursor(Qt::ClosedHandCursor);
            update();
        }
        return;
    }
    const int hover = nodeAt(event->position());
    if (hover != m_hover) {
        m_hover = hover;
        setCursor(hover >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        update();
    }
}

void PathGraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (m_dragging) {
        m_dragging = false;
        unsetCursor();
        return;
    }
    const int node = nodeAt(event->position());
    // An external peer has no spans of its own to filter to.
    if (node >= 0 && !m_graph->nodes()[size_t(node)].external)
        Q_EMIT serviceActivated(m_graph->nodes()[size_t(node)].name);
}

void PathGraphView::mouseDoubleClickEvent(QMouseEvent *)
{
    fit();
}

void PathGraphView::keyPressEvent(QKeyEvent *event)
{
    const QPointF centre(width() / 2.0, height() / 2.0);
    if (event->matches(QKeySequence::ZoomIn) || event->key() == Qt::Key_Plus)
        zoomBy(1.25, centre);
    else if (event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus)
        zoomBy(0.8, centre);
    else if (event->key() == Qt::Key_0 && (event->modifiers() & Qt::ControlModifier))
        fit();
    else
        QWidget::keyPressEvent(event);
}

bool PathGraphView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int node = nodeAt(help->pos());
        if (node >= 0)
            QToolTip::showText(help->globalPos(), tooltip(node), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

QImage PathGraphView::renderImage(double scale) const
{
    if (!m_layout || m_layout->isEmpty())
        return {};
    const QRectF bounds = m_layout->bounds().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QImage image((bounds.size() * scale).toSize(), QImage::Format_ARGB32_Premultiplied);
    image.fill(palette().color(QPalette::Base));
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(scale, scale);
    painter.translate(-bounds.topLeft());
    paintGraph(painter);
    return image;
}

bool PathGraphView::savePng(const QString &path) const
{
    const QImage image = renderImage();
    return !image.isNull() && image.save(path, "PNG");
}

bool PathGraphView::saveSvg(const QString &path) const
{
    if (!m_layout || m_layout->isEmpty())
        return false;
    const QRectF bounds = m_layout->bounds().adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(bounds.size().toSize());
    svg.setViewBox(QRectF(QPointF(0, 0), bounds.size()));
    svg.setTitle(tr("Tracedeck path graph"));
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(QPointF(0, 0), bounds.size()), palette().color(QPalette::Base));
    painter.translate(-bounds.topLeft());
    paintGraph(painter);
    return painter.end();
}

} // namespace tracedeck

#include "widgetexport.h"

#include <QImage>
#include <QPainter>
#include <QSvgGenerator>
#include <QWidget>

namespace tracedeck {

bool WidgetExport::savePng(QWidget &widget, const QString &path, double scale)
{
    QImage image(widget.size() * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(widget.palette().color(QPalette::Window));
    widget.render(&image);
    return image.save(path, "PNG");
}

bool WidgetExport::saveSvg(QWidget &widget, const QString &path, const QString &title)
{
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(widget.size());
    svg.setViewBox(QRect(QPoint(0, 0), widget.size()));
    svg.setTitle(title);
    QPainter painter;
    if (!painter.begin(&svg))
        return false;
    widget.render(&painter);
    return painter.end();
}

bool WidgetExport::save(QWidget &widget, const QString &path, const QString &title)
{
    return path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive) ? saveSvg(widget, path, title)
                                                                     : savePng(widget, path);
}

} // namespace tracedeck

#pragma once

#include <QString>

class QWidget;

namespace tracedeck {

// Saves what a view shows — the timeline, the path graph, a chart — as a PNG (at the screen's pixel ratio
// or a given scale) or as an SVG drawing whose text stays text.
class WidgetExport {
public:
    static bool savePng(QWidget &widget, const QString &path, double scale = 2.0);
    static bool saveSvg(QWidget &widget, const QString &path, const QString &title);
    // Chooses by the file name's extension (.svg, else PNG).
    static bool save(QWidget &widget, const QString &path, const QString &title);
};

} // namespace tracedeck

#pragma once

#include <QColor>

namespace tracedeck {

// The colours services are drawn in (timeline bars, path graph nodes): mid-luminance, readable on light and
// dark backgrounds; red is kept for errors.
class ServicePalette {
public:
    static QColor colour(int index);
    static QColor textOn(const QColor &background);
    static QColor error() { return QColor(0xd6, 0x27, 0x28); }
};

} // namespace tracedeck

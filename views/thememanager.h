#pragma once

#include "preferences.h"

#include <QColor>
#include <QPalette>

namespace tracedeck {

// Follow the system, light or dark for the whole application, applied live: light and dark use the Fusion
// style with its own palette, System puts back the style and palette the application started with. Views
// paint with palette roles, and with the few colours of their own chosen through isDark()/mix().
class ThemeManager {
public:
    static void apply(Preferences::Theme theme);
    static Preferences::Theme current();

    static QPalette lightPalette();
    static QPalette darkPalette();
    // A palette is dark when its window colour is.
    static bool isDark(const QPalette &palette);
    // Text colours for worse/error and better/ok figures that keep a contrast above 4.5 on the palette's
    // base.
    static QColor negative(const QPalette &palette);
    static QColor positive(const QPalette &palette);
    // a blended towards b by t (0…1): tints that keep their contrast on either background.
    static QColor mix(const QColor &a, const QColor &b, qreal t);
};

} // namespace tracedeck

#include "servicepalette.h"

#include "timelinedata.h"

namespace tracedeck {

QColor ServicePalette::colour(int i)
{
    static const QRgb colours[TimelineData::PaletteSize] = {0x4e79a7, 0xf28e2b, 0x59a14f, 0xb07aa1,
                                                            0x76b7b2, 0xedc948, 0x9c755f, 0xff9da7,
                                                            0xbcbd22, 0x8e6bc8, 0xe377c2, 0x8c8c8c};
    return QColor(
        colours[((i % TimelineData::PaletteSize) + TimelineData::PaletteSize) % TimelineData::PaletteSize]);
}

QColor ServicePalette::textOn(const QColor &background)
{
    const double luminance =
        0.299 * background.redF() + 0.587 * background.greenF() + 0.114 * background.blueF();
    return luminance > 0.55 ? QColor(0x1b, 0x1b, 0x1b) : QColor(Qt::white);
}

} // namespace tracedeck

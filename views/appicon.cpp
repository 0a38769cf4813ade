#include "appicon.h"

// Q_INIT_RESOURCE declares a function in the current namespace, so it is called from outside ours. A
// static library's resources are registered only when something calls it.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace tracedeck {

QIcon AppIcon::icon()
{
    static const bool registered = (initIconResources(), true);
    Q_UNUSED(registered);
    return QIcon(QStringLiteral(":/icons/tracedeck.svg"));
}

} // namespace tracedeck

#pragma once

#include <QIcon>

namespace tracedeck {

// The application icon (resources/icons/tracedeck.svg), compiled into the views library.
class AppIcon {
public:
    static QIcon icon();
};

} // namespace tracedeck

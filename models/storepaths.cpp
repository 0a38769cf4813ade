#include "storepaths.h"

#include <QDir>
#include <QStandardPaths>

namespace tracedeck {

QString StorePaths::defaultDatabasePath()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tracedeck");
    QDir().mkpath(dir);
    return dir + QStringLiteral("/tracedeck.db");
}

} // namespace tracedeck

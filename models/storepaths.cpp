#include "storepaths.h"

#include <QDir>
#include <QStandardPaths>

namespace tracedeck {

namespace {
QString dataDirectory()
{
    const QString dir =
        QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + QStringLiteral("/tracedeck");
    QDir().mkpath(dir);
    return dir;
}
} // namespace

QString StorePaths::defaultDatabasePath()
{
    return dataDirectory() + QStringLiteral("/tracedeck.db");
}

QString StorePaths::pricingPath()
{
    return dataDirectory() + QStringLiteral("/pricing.json");
}

} // namespace tracedeck

#include "displayformat.h"

#include <QDateTime>
#include <QLocale>

#include <cmath>

namespace tracedeck {

QString DisplayFormat::duration(int64_t ns)
{
    // Three significant digits in the largest unit that keeps the number at or above 1.
    const auto three = [](double v) {
        const double a = std::fabs(v);
        return QString::number(v, 'f', a >= 100 ? 0 : a >= 10 ? 1 : 2);
    };
    const double abs = std::fabs(double(ns));
    if (abs < 1e3)
        return QStringLiteral("%1 ns").arg(ns);
    if (abs < 1e6)
        return three(double(ns) / 1e3) + QStringLiteral(" µs");
    if (abs < 1e9)
        return three(double(ns) / 1e6) + QStringLiteral(" ms");
    if (abs < 60e9)
        return three(double(ns) / 1e9) + QStringLiteral(" s");
    const int64_t seconds = ns / 1'000'000'000;
    if (seconds < 3600)
        return QStringLiteral("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    return QStringLiteral("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString DisplayFormat::timestamp(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1000000).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QString DisplayFormat::cost(double usd)
{
    if (usd == 0)
        return QStringLiteral("$0");
    if (std::fabs(usd) < 0.01)
        return QStringLiteral("$%1").arg(usd, 0, 'f', 5);
    return QStringLiteral("$%1").arg(usd, 0, 'f', usd < 100 ? 4 : 2);
}

QString DisplayFormat::count(int64_t n)
{
    return QLocale(QLocale::English).toString(qlonglong(n));
}

} // namespace tracedeck

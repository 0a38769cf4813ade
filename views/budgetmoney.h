#pragma once

#include <QLocale>
#include <QString>

#include <cstdint>

namespace tracedeck {

// Budget amounts: cents ($0.60, $1,204.00), four places below a cent ($0.0042).
inline QString budgetMoney(int64_t picoUsd)
{
    const double usd = double(picoUsd) / 1e12;
    if (usd != 0 && usd < 0.01)
        return QStringLiteral("$%1").arg(usd, 0, 'f', 4);
    return u'$' + QLocale(QLocale::English).toString(usd, 'f', 2);
}

} // namespace tracedeck

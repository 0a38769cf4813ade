#include "alertbadge.h"

#include "thememanager.h"

#include <QStyle>

namespace tracedeck {

AlertBadge::AlertBadge(QWidget *parent)
    : QToolButton(parent)
{
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    setToolTip(tr("Budgets reached their limits: show View ▸ Alerts"));
    setVisible(false);
}

void AlertBadge::setCount(int unread)
{
    m_count = unread;
    setText(tr("%n budget alert(s)", "", unread));
    setStyleSheet(QStringLiteral("QToolButton { color: %1; font-weight: bold; }")
                      .arg(ThemeManager::negative(palette()).name()));
    setVisible(unread > 0);
}

} // namespace tracedeck

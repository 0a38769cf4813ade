#pragma once

#include <QToolButton>

namespace tracedeck {

// The status bar's count of unread budget alerts; hidden when there are none. Clicking it asks for the
// Alerts panel.
class AlertBadge : public QToolButton {
    Q_OBJECT
public:
    explicit AlertBadge(QWidget *parent = nullptr);
    void setCount(int unread);
    int count() const { return m_count; }

private:
    int m_count = 0;
};

} // namespace tracedeck

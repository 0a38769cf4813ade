#pragma once

#include <QString>
#include <QStringList>

namespace tracedeck {

// Back/Forward through the traces the user selected, like a browser: selecting a new trace after going
// back drops the forward entries.
class SelectionHistory {
public:
    static constexpr int kMaxEntries = 200;

    void visit(const QString &traceId)
    {
        if (m_current >= 0 && m_entries.at(m_current) == traceId)
            return;
        m_entries.erase(m_entries.begin() + (m_current + 1), m_entries.end());
        m_entries << traceId;
        if (m_entries.size() > kMaxEntries)
            m_entries.removeFirst();
        m_current = int(m_entries.size()) - 1;
    }
    bool canGoBack() const { return m_current > 0; }
    bool canGoForward() const { return m_current >= 0 && m_current < int(m_entries.size()) - 1; }
    QString back() { return canGoBack() ? m_entries.at(--m_current) : QString(); }
    QString forward() { return canGoForward() ? m_entries.at(++m_current) : QString(); }
    QString current() const { return m_current >= 0 ? m_entries.at(m_current) : QString(); }

private:
    QStringList m_entries;
    int m_current = -1;
};

} // namespace tracedeck

#pragma once

#include "dashboarddata.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace tracedeck {

// The cost dashboard's "Savings" section: the repeated prompts in plain words (how many identical prompts
// to which model, what they cost, what caching would save), the share of cost by model as bars with their
// cached-input ratio, and the overall cached-token ratio. Double-clicking a hint asks for its first trace.
class SavingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SavingsPanel(QWidget *parent = nullptr);

    void setData(const DashboardData &data);
    QTableWidget *hints() const { return m_hints; }
    QTableWidget *models() const { return m_models; }
    QLabel *summary() const { return m_summary; }
    // The sentence a hint row shows ("3 identical prompts to gpt-4o cost $0.01; caching would save ≈ $0.00").
    static QString hintText(const PromptRepeat &repeat);

Q_SIGNALS:
    void traceActivated(const QString &traceId, const QString &workspace);

private:
    QLabel *m_summary;
    QTableWidget *m_hints;
    QTableWidget *m_models;
    std::vector<PromptRepeat> m_repeats;
};

} // namespace tracedeck

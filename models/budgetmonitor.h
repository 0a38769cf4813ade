#pragma once

#include "budget.h"

#include <QObject>
#include <QThread>
#include <QTimer>

#include <functional>
#include <memory>

namespace tracedeck {

class BudgetEvaluator;
class BudgetStore;

// Runs BudgetEvaluator on a thread of its own with a read-write connection (it records alerts), never on
// the GUI thread: once at start(), then after new data at most once per interval (throttled: commits
// arriving within it are folded into one check), and at once on checkNow() (a budget was edited). Results
// come back on the owner's thread as signals.
class BudgetMonitor : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMs = 3000;
    // clock: ns since the epoch; empty: the system clock. Tests inject one to step into the next day.
    explicit BudgetMonitor(const QString &databasePath, std::function<int64_t()> clock = {},
                           QObject *parent = nullptr);
    ~BudgetMonitor() override; // waits for a running check

    void setInterval(int ms) { m_throttle.setInterval(ms); }
    void start();
    // New spans were committed: a check within the interval.
    void dataChanged();
    // A check now (or right after the running one).
    void checkNow();
    const BudgetReport &lastReport() const { return m_report; }
    int checks() const { return m_checks; }

Q_SIGNALS:
    void evaluated(const tracedeck::BudgetReport &report);
    // One per crossing, ever (the crossing is recorded in the store before this is emitted).
    void alertRaised(const tracedeck::BudgetAlert &alert);
    void failed(const QString &message);

private:
    void run();

    std::string m_path;
    std::function<int64_t()> m_clock;
    QThread m_thread;
    QObject *m_worker;                            // lives on m_thread
    std::unique_ptr<BudgetStore> m_store;         // opened and used on m_thread
    std::unique_ptr<BudgetEvaluator> m_evaluator; // likewise
    QTimer m_throttle;
    bool m_running = false;
    bool m_pending = false;
    int m_checks = 0;
    BudgetReport m_report;
};

} // namespace tracedeck

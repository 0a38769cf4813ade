#include "budgetmonitor.h"

#include "budgetevaluator.h"
#include "budgetstore.h"

#include <QDateTime>

namespace tracedeck {

BudgetMonitor::BudgetMonitor(const QString &databasePath, std::function<int64_t()> clock, QObject *parent)
    : QObject(parent)
    , m_path(databasePath.toStdString())
    , m_clock(std::move(clock))
    , m_worker(new QObject)
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch() * 1'000'000; };
    m_thread.setObjectName(QStringLiteral("tracedeck-budgets"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kDefaultIntervalMs);
    connect(&m_throttle, &QTimer::timeout, this, &BudgetMonitor::checkNow);
}

BudgetMonitor::~BudgetMonitor()
{
    m_thread.quit();
    m_thread.wait();
    // Opened on m_thread; closed here, after that thread has stopped using them.
    m_evaluator.reset();
    m_store.reset();
}

void BudgetMonitor::start()
{
    checkNow();
}

void BudgetMonitor::dataChanged()
{
    if (!m_throttle.isActive())
        m_throttle.start();
}

void BudgetMonitor::checkNow()
{
    m_throttle.stop();
    if (m_running) {
        m_pending = true;
        return;
    }
    m_running = true;
    run();
}

void BudgetMonitor::run()
{
    const int64_t now = m_clock();
    QMetaObject::invokeMethod(
        m_worker,
        [this, now] {
            std::string error;
            if (!m_store) {
                m_store = BudgetStore::open(m_path, &error);
                if (m_store)
                    m_evaluator = std::make_unique<BudgetEvaluator>(*m_store);
            }
            std::optional<BudgetReport> report;
            if (m_evaluator)
                report = m_evaluator->evaluate(now, &error);
            auto result = std::make_shared<std::optional<BudgetReport>>(std::move(report));
            QMetaObject::invokeMethod(
                this,
                [this, result, error] {
                    m_running = false;
                    ++m_checks;
                    if (*result) {
                        m_report = **result;
                        Q_EMIT evaluated(m_report);
                        for (const BudgetAlert &alert : m_report.newAlerts)
                            Q_EMIT alertRaised(alert);
                    } else {
                        Q_EMIT failed(QString::fromStdString(error.empty() ? "cannot check budgets" : error));
                    }
                    if (std::exchange(m_pending, false))
                        checkNow();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

} // namespace tracedeck

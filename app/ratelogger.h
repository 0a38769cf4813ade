#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace tracedeck {

class Engine;

// Headless mode's heartbeat: one line per interval on stderr with the ingest rate and store size.
class RateLogger : public QObject {
    Q_OBJECT
public:
    RateLogger(const Engine &engine, int intervalSeconds, QObject *parent = nullptr);

private:
    void logLine();

    const Engine &m_engine;
    QTimer m_timer;
    QElapsedTimer m_clock;
    int64_t m_lastAccepted = 0;
    int64_t m_lastRejected = 0;
};

} // namespace tracedeck

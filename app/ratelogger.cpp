#include "ratelogger.h"

#include "engine.h"

#include <cstdio>

namespace tracedeck {

RateLogger::RateLogger(const Engine &engine, int intervalSeconds, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    m_timer.setInterval(intervalSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, &RateLogger::logLine);
    m_timer.start();
    m_clock.start();
}

void RateLogger::logLine()
{
    const IngestCounters &counters = m_engine.listener()->counters();
    const int64_t accepted = counters.acceptedSpans.load();
    const int64_t rejected = counters.rejectedSpans.load();
    const double seconds = std::max<double>(m_clock.restart() / 1000.0, 0.001);
    std::fprintf(stderr,
                 "tracedeck: ingest %.0f spans/s over the last %.0f s (%lld accepted, %lld rejected); "
                 "stored %lld spans in %lld traces\n",
                 double(accepted - m_lastAccepted) / seconds, seconds,
                 static_cast<long long>(accepted - m_lastAccepted),
                 static_cast<long long>(rejected - m_lastRejected),
                 static_cast<long long>(m_engine.writer()->storedSpans()),
                 static_cast<long long>(m_engine.writer()->storedTraces()));
    std::fflush(stderr);
    m_lastAccepted = accepted;
    m_lastRejected = rejected;
}

} // namespace tracedeck

#include "engine.h"

namespace tracedeck {

Engine::Engine(QObject *parent)
    : QObject(parent)
{}

Engine::~Engine()
{
    stop();
}

bool Engine::start(const Options &options, QString *error)
{
    m_redaction = options.ingest.redaction;
    std::string writerError;
    SpanWriter::Options writerOptions;
    writerOptions.retentionCheckInterval = SpanWriter::kRetentionCheckInterval;
    m_writer = SpanWriter::open(options.databasePath.toStdString(), writerOptions, &writerError);
    if (!m_writer) {
        *error = QString::fromStdString(writerError);
        return false;
    }
    connect(
        m_writer.get(), &SpanWriter::committed, this,
        [this](qint64, qint64 spans, qint64 traces) { Q_EMIT storeChanged(spans, traces); },
        Qt::QueuedConnection);
    // Retention purges remove traces: views refresh the same way and drop them.
    connect(
        m_writer.get(), &SpanWriter::purged, this,
        [this](qint64, qint64, qint64 spans, qint64 traces) { Q_EMIT storeChanged(spans, traces); },
        Qt::QueuedConnection);
    // Recomputed costs change the list's and the dashboard's numbers: the same refresh.
    const auto costsChanged = [this] {
        Q_EMIT storeChanged(m_writer->storedSpans(), m_writer->storedTraces());
    };
    connect(m_writer.get(), &SpanWriter::costRecomputeProgress, this, costsChanged, Qt::QueuedConnection);
    connect(m_writer.get(), &SpanWriter::costsRecomputed, this, costsChanged, Qt::QueuedConnection);
    m_listener = std::make_unique<IngestListener>(*m_writer, options.ingest);
    if (!m_listener->start(error)) {
        m_listener.reset();
        m_writer.reset();
        return false;
    }
    return true;
}

int64_t Engine::stop()
{
    if (m_listener)
        m_listener->stopAccepting();
    if (m_writer)
        m_writer->stop();
    m_listener.reset(); // shutdown(): sends the answers the writer queued while stopping
    const int64_t stored = m_writer ? m_writer->storedSpans() : 0;
    m_writer.reset();
    return stored;
}

} // namespace tracedeck

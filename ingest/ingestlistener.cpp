#include "ingestlistener.h"

namespace tracedeck {

IngestListener::IngestListener(SpanWriter &writer, const IngestOptions &options)
    : m_server(new IngestServer(writer, options, m_counters))
    , m_address(options.address)
{
    m_thread.setObjectName(QStringLiteral("tracedeck-listener"));
    m_server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_server, &QObject::deleteLater);
}

IngestListener::~IngestListener()
{
    shutdown();
}

bool IngestListener::start(QString *error)
{
    m_thread.start();
    bool listening = false;
    QMetaObject::invokeMethod(
        m_server, [&] { listening = m_server->listen(error); }, Qt::BlockingQueuedConnection);
    if (!listening) {
        shutdown();
        return false;
    }
    QMetaObject::invokeMethod(
        m_server, [this] { m_address = m_server->boundAddress(); }, Qt::BlockingQueuedConnection);
    return true;
}

void IngestListener::stopAccepting()
{
    if (m_thread.isRunning())
        QMetaObject::invokeMethod(m_server, &IngestServer::stopListening, Qt::BlockingQueuedConnection);
}

void IngestListener::shutdown()
{
    if (!m_server)
        return;
    if (!m_thread.isRunning()) { // never started, or start() failed before the thread ran anything
        delete m_server;
        m_server = nullptr;
        return;
    }
    // Queued behind the writer's last "committed" callbacks, so those answers go out first.
    QMetaObject::invokeMethod(m_server, [this] { m_thread.quit(); });
    m_thread.wait();
    m_server = nullptr; // deleted on the thread by the finished() connection
}

} // namespace tracedeck

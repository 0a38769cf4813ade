#pragma once

#include "ingestoptions.h"
#include "ingestserver.h"

#include <QString>
#include <QThread>

#include <memory>

namespace tracedeck {

class SpanWriter;

// The embedded listener: an IngestServer on a thread of its own, never the GUI thread.
class IngestListener {
public:
    IngestListener(SpanWriter &writer, const IngestOptions &options);
    ~IngestListener();
    IngestListener(const IngestListener &) = delete;
    IngestListener &operator=(const IngestListener &) = delete;

    // Starts the thread and binds; false with a message naming the address when it cannot
    // (port taken, address not local, …).
    bool start(QString *error);
    // Closes the port; requests already waiting on the writer are still answered until shutdown().
    void stopAccepting();
    // Answers what the writer has committed and ends the thread. Call after the writer has stopped,
    // so that every acknowledged request has had its answer queued.
    void shutdown();

    ListenAddress address() const { return m_address; }
    const IngestCounters &counters() const { return m_counters; }

private:
    IngestCounters m_counters;
    QThread m_thread;
    IngestServer *m_server; // lives on m_thread, deleted there
    ListenAddress m_address;
};

} // namespace tracedeck

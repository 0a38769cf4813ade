#pragma once

#include "ingestlistener.h"
#include "options.h"
#include "spanwriter.h"

#include <QObject>

#include <memory>

namespace tracedeck {

// The running core, the same for window and headless: the store's writer thread and the listener
// thread, started and stopped in the order that keeps every acknowledged span.
class Engine : public QObject {
    Q_OBJECT
public:
    explicit Engine(QObject *parent = nullptr);
    ~Engine() override;

    bool start(const Options &options, QString *error);
    // Stops accepting, commits what is queued, answers what was committed, closes the database.
    // Returns how many spans the database holds at close.
    int64_t stop();

    SpanWriter *writer() const { return m_writer.get(); }
    IngestListener *listener() const { return m_listener.get(); }
    // The redaction the listener applies (from the options), for imports through the window to match.
    const Redactor::Rules &redaction() const { return m_redaction; }

Q_SIGNALS:
    // On the thread that owns the Engine, after each commit that stored something.
    void storeChanged(qint64 storedSpans, qint64 storedTraces);

private:
    std::unique_ptr<SpanWriter> m_writer;
    std::unique_ptr<IngestListener> m_listener;
    Redactor::Rules m_redaction;
};

} // namespace tracedeck

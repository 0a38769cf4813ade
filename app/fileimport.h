#pragma once

#include "redactor.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace tracedeck {

class SpanWriter;

// Imports trace files on a thread of its own: read, decode, normalize, hand to the writer in batches
// (waiting when its queue is full), and report per file what was stored and what was skipped.
class FileImport : public QObject {
    Q_OBJECT
public:
    struct FileReport {
        QString path;
        qint64 spans = 0;    // acknowledged by the writer (committed)
        qint64 rejected = 0; // spans the decoder refused
        QString error;       // why the file (or part of it) could not be read
    };

    explicit FileImport(SpanWriter &writer, QObject *parent = nullptr);
    ~FileImport() override;

    // Imports `paths` one after another; a previous import still running is waited for first.
    void start(const QStringList &paths);
    bool isRunning() const;
    // Applies to imports started afterwards.
    void setRedaction(const Redactor::Rules &rules) { m_redaction = rules; }

Q_SIGNALS:
    void fileDone(const tracedeck::FileImport::FileReport &report);
    void finished(qint64 spans, int failedFiles);

private:
    SpanWriter &m_writer;
    Redactor::Rules m_redaction;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stopping{false};
};

} // namespace tracedeck

#pragma once

#include "redactor.h"

#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace tracedeck {

class SpanWriter;

// Imports trace files on a thread of its own: read (streamed, see TraceFileReader), decode, normalize,
// hand to the writer in batches of kBatchSpans as they fill (waiting when its queue is full), report
// progress a few times a second, and per file what was stored and what was skipped. cancel() stops after
// the batch being committed: the store holds whole batches, never part of one.
class FileImport : public QObject {
    Q_OBJECT
public:
    static constexpr size_t kBatchSpans = 5000;

    struct FileReport {
        QString path;
        QString format;
        qint64 traces = 0;    // distinct trace ids among the stored spans
        qint64 spans = 0;     // acknowledged by the writer (committed)
        qint64 rejected = 0;  // spans the decoder refused
        QStringList problems; // each with its place: "line 3: spanId: …"
        QString error;        // why the file (or part of it) could not be read, or its first problem
        bool failed = false;  // cut short, unreadable or unstorable, or nothing in it could be imported
        bool cancelled = false;
    };
    struct Progress {
        QString path;
        int file = 0; // 0-based index into the started paths
        int files = 0;
        qint64 bytesRead = 0; // of this file, as stored
        qint64 fileSize = 0;
        qint64 spans = 0; // committed so far, all files
        double spansPerSecond = 0;
        double seconds = 0;
    };

    explicit FileImport(SpanWriter &writer, QObject *parent = nullptr);
    ~FileImport() override;

    // Imports `paths` one after another; a previous import still running is waited for first.
    void start(const QStringList &paths);
    bool isRunning() const;
    // Stops the running import after its current batch; the files not reached are reported cancelled.
    void cancel() { m_cancel = true; }
    // Applies to imports started afterwards.
    void setRedaction(const Redactor::Rules &rules) { m_redaction = rules; }
    // Milliseconds between progress signals (default 200).
    void setProgressInterval(int ms) { m_progressIntervalMs = ms; }
    // Smaller batches (tests).
    void setBatchSpans(size_t spans) { m_batchSpans = spans; }

Q_SIGNALS:
    void progress(const tracedeck::FileImport::Progress &progress);
    void fileDone(const tracedeck::FileImport::FileReport &report);
    void finished(qint64 spans, int failedFiles);

private:
    void run(const QStringList &paths, const Redactor::Rules &redaction);

    SpanWriter &m_writer;
    Redactor::Rules m_redaction;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stopping{false};
    std::atomic<bool> m_cancel{false};
    int m_progressIntervalMs = 200;
    size_t m_batchSpans = kBatchSpans;
};

} // namespace tracedeck

Q_DECLARE_METATYPE(tracedeck::FileImport::FileReport)
Q_DECLARE_METATYPE(tracedeck::FileImport::Progress)

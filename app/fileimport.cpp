#include "fileimport.h"

#include "encodedspan.h"
#include "normalizer.h"
#include "spanwriter.h"
#include "tracefilereader.h"

#include <QFileInfo>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <unordered_set>

namespace tracedeck {

namespace {

using Clock = std::chrono::steady_clock;

// Batches handed to the writer whose commit is not confirmed yet. A few stay in flight so the writer's
// queue never runs dry while the next batch is decoded (an idle queue hands the writer to the full-text
// indexer between every two batches); each batch is still committed whole or not at all.
class InFlight {
public:
    static constexpr size_t kMaxInFlight = 3;

    InFlight(SpanWriter &writer, const std::atomic<bool> &stopping)
        : m_writer(writer)
        , m_stopping(stopping)
    {}

    // Queues the batch (waiting while the queue is full), then waits for the oldest batches until fewer
    // than kMaxInFlight are pending. False on a failed commit or a closing store (see error()).
    bool submit(SpanBatch &&spans, std::vector<std::string> &&traceIds)
    {
        Pending pending;
        pending.spans = qint64(spans.size());
        pending.traceIds = std::move(traceIds);
        EncodedBatch batch = encodeBatch(std::move(spans));
        while (true) {
            if (m_stopping) {
                m_error = QObject::tr("import cancelled");
                return false;
            }
            auto done = std::make_shared<std::promise<CommitResult>>();
            pending.result = done->get_future();
            const auto submitted = m_writer.submit(
                std::move(batch), [done](const CommitResult &result) { done->set_value(result); });
            if (submitted == SpanWriter::Submit::Accepted)
                break;
            if (submitted == SpanWriter::Submit::Stopped) {
                m_error = QObject::tr("the store is closing");
                return false;
            }
            // Back-pressure: submit() left the refused batch untouched, so offer it again shortly.
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        m_pending.push_back(std::move(pending));
        while (m_pending.size() >= kMaxInFlight)
            if (!waitOldest())
                return false;
        return true;
    }

    // Waits for every batch in flight.
    bool drain()
    {
        while (!m_pending.empty())
            if (!waitOldest())
                return false;
        return true;
    }

    qint64 committedSpans() const { return m_committed; }
    size_t traces() const { return m_traces.size(); }
    const QString &error() const { return m_error; }

private:
    struct Pending {
        qint64 spans = 0;
        std::vector<std::string> traceIds;
        std::future<CommitResult> result;
    };

    bool waitOldest()
    {
        Pending pending = std::move(m_pending.front());
        m_pending.pop_front();
        const CommitResult result = pending.result.get();
        if (!result.ok) {
            m_error = QString::fromStdString(result.error);
            while (!m_pending.empty()) { // the others commit (or not) on their own; wait for them
                m_pending.front().result.wait();
                m_pending.pop_front();
            }
            return false;
        }
        m_committed += pending.spans; // read by the reading thread for progress
        for (std::string &id : pending.traceIds)
            m_traces.insert(std::move(id));
        return true;
    }

    SpanWriter &m_writer;
    const std::atomic<bool> &m_stopping;
    std::deque<Pending> m_pending;
    std::atomic<qint64> m_committed{0};
    std::unordered_set<std::string> m_traces;
    QString m_error;
};

// The second stage of an import, on a thread of its own: normalizes, redacts, encodes and submits the
// batches the reading thread decoded, in order. Reading and decoding (nlohmann parsing) and this stage
// cost about the same, so on two cores the two overlap instead of adding up; the writer has time to
// spare for both. A batch handed over is submitted whole; at most kMaxQueued wait, which bounds memory.
class Preparer {
public:
    static constexpr size_t kMaxQueued = 2;

    Preparer(const Normalizer &normalizer, const Redactor &redactor, InFlight &writes)
        : m_normalizer(normalizer)
        , m_redactor(redactor)
        , m_writes(writes)
        , m_thread([this] { run(); })
    {}
    ~Preparer() { finish(); }

    // Queues a batch, waiting while kMaxQueued wait. False once a submit has failed (see InFlight::error()).
    bool push(SpanBatch &&batch)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_queue.size() < kMaxQueued || m_failed; });
        if (m_failed)
            return false;
        m_queue.push_back(std::move(batch));
        m_ready.notify_one();
        return true;
    }
    // Submits what is queued, then stops the thread. False when a submit failed.
    bool finish()
    {
        {
            std::lock_guard lock(m_mutex);
            m_done = true;
        }
        m_ready.notify_one();
        if (m_thread.joinable())
            m_thread.join();
        return !m_failed;
    }

private:
    void run()
    {
        for (;;) {
            SpanBatch batch;
            {
                std::unique_lock lock(m_mutex);
                m_ready.wait(lock, [this] { return !m_queue.empty() || m_done; });
                if (m_queue.empty())
                    return;
                batch = std::move(m_queue.front());
                m_queue.pop_front();
                if (m_failed)
                    continue;
            }
            m_space.notify_one();
            // A batch holds a few spans of each trace, mostly next to each other: one id per run.
            std::vector<std::string> ids;
            for (Span &span : batch) {
                m_normalizer.normalize(span);
                m_redactor.redact(span);
                span.source = "file";
                if (ids.empty() || ids.back() != span.traceId)
                    ids.push_back(span.traceId);
            }
            if (!m_writes.submit(std::move(batch), std::move(ids))) {
                std::lock_guard lock(m_mutex);
                m_failed = true;
                m_queue.clear();
                m_space.notify_all();
            }
        }
    }

    const Normalizer &m_normalizer;
    const Redactor &m_redactor;
    InFlight &m_writes;
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<SpanBatch> m_queue;
    bool m_done = false;
    std::atomic<bool> m_failed{false};
    std::thread m_thread; // last: started once the members above exist
};

} // namespace

FileImport::FileImport(SpanWriter &writer, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
{
    qRegisterMetaType<FileReport>();
    qRegisterMetaType<Progress>();
}

FileImport::~FileImport()
{
    m_stopping = true;
    m_cancel = true;
    if (m_thread)
        m_thread->wait();
}

bool FileImport::isRunning() const
{
    return m_thread && m_thread->isRunning();
}

void FileImport::start(const QStringList &paths)
{
    if (m_thread)
        m_thread->wait();
    m_cancel = false;
    m_thread.reset(QThread::create([this, paths, redaction = m_redaction] { run(paths, redaction); }));
    m_thread->setObjectName(QStringLiteral("tracedeck-import"));
    m_thread->start();
}

void FileImport::run(const QStringList &paths, const Redactor::Rules &redaction)
{
    const Normalizer normalizer;
    const Redactor redactor(redaction);
    const auto started = Clock::now();
    auto lastProgress = started - std::chrono::hours(1);
    qint64 total = 0;
    int failed = 0;
    const auto cancelled = [this] { return m_cancel.load() || m_stopping.load(); };

    for (int fileIndex = 0; fileIndex < paths.size(); ++fileIndex) {
        const QString &path = paths[fileIndex];
        FileReport report;
        report.path = path;
        if (cancelled()) {
            report.cancelled = true;
            report.error = tr("import cancelled before this file");
            Q_EMIT fileDone(report);
            continue;
        }
        Progress progress;
        progress.path = path;
        progress.file = fileIndex;
        progress.files = int(paths.size());
        progress.fileSize = QFileInfo(path).size();
        const auto emitProgress = [&](bool force) {
            const auto now = Clock::now();
            if (!force && now - lastProgress < std::chrono::milliseconds(m_progressIntervalMs))
                return;
            lastProgress = now;
            progress.spans = total + report.spans;
            progress.seconds = std::chrono::duration<double>(now - started).count();
            progress.spansPerSecond = progress.seconds > 0 ? double(progress.spans) / progress.seconds : 0;
            Q_EMIT this->progress(progress);
        };
        emitProgress(true);

        InFlight writes(m_writer, m_stopping);
        Preparer preparer(normalizer, redactor, writes);
        SpanBatch pending;
        bool handedOver = true;
        const auto flush = [&] {
            if (pending.empty())
                return true;
            handedOver = preparer.push(std::move(pending));
            pending = SpanBatch();
            return handedOver;
        };
        const auto summary =
            TraceFileReader::read(path, [&](SpanBatch &&spans, const TraceFileReader::Progress &read) {
                for (Span &span : spans) {
                    pending.push_back(std::move(span));
                    // Cancel between batches: the batch being filled is dropped, handed over ones are stored.
                    if (pending.size() >= m_batchSpans && (cancelled() || !flush()))
                        return false;
                }
                progress.bytesRead = read.fileBytesRead;
                report.spans = writes.committedSpans();
                emitProgress(false);
                return !cancelled();
            });
        if (!summary.cancelled && handedOver)
            flush();
        QString writeError;
        if (!preparer.finish() || !writes.drain())
            writeError = writes.error();
        report.spans = writes.committedSpans();
        report.cancelled = summary.cancelled && writeError.isEmpty();
        report.format = TraceFileReader::formatName(summary.format);
        report.rejected = summary.rejectedSpans;
        report.traces = qint64(writes.traces());
        for (const std::string &problem : summary.errors)
            report.problems << QString::fromStdString(problem);
        report.error =
            !writeError.isEmpty() ? tr("%1: cannot store: %2").arg(path, writeError) : summary.error;
        const bool fatal = !report.error.isEmpty();
        if (report.cancelled && report.error.isEmpty())
            report.error = tr("import cancelled");
        if (report.error.isEmpty() && !summary.errors.empty())
            report.error = tr("%1: %n problem(s), the first: %2", nullptr, int(summary.errors.size()))
                               .arg(path, report.problems.constFirst());
        progress.bytesRead = progress.fileSize;
        emitProgress(true);
        total += report.spans;
        // Failed: cut short, unreadable or unstorable, or nothing in it could be imported.
        report.failed = !report.cancelled && (fatal || (report.spans == 0 && !report.error.isEmpty()));
        failed += report.failed;
        Q_EMIT fileDone(report);
    }
    Q_EMIT finished(total, failed);
}

} // namespace tracedeck

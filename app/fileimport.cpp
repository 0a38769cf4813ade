#include "fileimport.h"

#include "encodedspan.h"
#include "normalizer.h"
#include "spanwriter.h"
#include "tracefilereader.h"

#include <QFileInfo>

#include <chrono>
#include <future>
#include <unordered_set>

namespace tracedeck {

namespace {

using Clock = std::chrono::steady_clock;

// Submits and waits for the commit; a full queue is back-pressure, so wait a little and try again.
// submit() leaves a refused batch untouched, so the same encoded batch is offered again.
bool submitAndWait(SpanWriter &writer, SpanBatch &&spans, const std::atomic<bool> &stopping, QString *error)
{
    EncodedBatch batch = encodeBatch(std::move(spans));
    while (!stopping) {
        auto done = std::make_shared<std::promise<CommitResult>>();
        auto future = done->get_future();
        const auto submitted =
            writer.submit(std::move(batch), [done](const CommitResult &result) { done->set_value(result); });
        if (submitted == SpanWriter::Submit::QueueFull) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        if (submitted == SpanWriter::Submit::Stopped) {
            *error = QObject::tr("the store is closing");
            return false;
        }
        const CommitResult result = future.get();
        if (!result.ok)
            *error = QString::fromStdString(result.error);
        return result.ok;
    }
    *error = QObject::tr("import cancelled");
    return false;
}

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

        std::unordered_set<std::string> traces;
        SpanBatch pending;
        QString writeError;
        const auto flush = [&] {
            if (pending.empty())
                return true;
            const qint64 count = qint64(pending.size());
            std::vector<std::string> ids;
            ids.reserve(pending.size());
            for (const Span &span : pending)
                ids.push_back(span.traceId);
            if (!submitAndWait(m_writer, std::move(pending), m_stopping, &writeError))
                return false;
            pending = SpanBatch();
            report.spans += count;
            for (std::string &id : ids)
                traces.insert(std::move(id));
            return true;
        };
        const auto summary =
            TraceFileReader::read(path, [&](SpanBatch &&spans, const TraceFileReader::Progress &read) {
                for (Span &span : spans) {
                    normalizer.normalize(span);
                    redactor.redact(span);
                    span.source = "file";
                    pending.push_back(std::move(span));
                    // Cancel between batches: the batch being filled is dropped, committed ones stay.
                    if (pending.size() >= m_batchSpans && (cancelled() || !flush()))
                        return false;
                }
                progress.bytesRead = read.fileBytesRead;
                emitProgress(false);
                return !cancelled();
            });
        if (!summary.cancelled && writeError.isEmpty())
            flush();
        report.cancelled = summary.cancelled && writeError.isEmpty();
        report.format = TraceFileReader::formatName(summary.format);
        report.rejected = summary.rejectedSpans;
        report.traces = qint64(traces.size());
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

#include "fileimport.h"

#include "encodedspan.h"
#include "normalizer.h"
#include "spanwriter.h"
#include "tracefilereader.h"

#include <chrono>
#include <future>

namespace tracedeck {

namespace {

constexpr size_t kBatchSpans = 5000;

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
}

FileImport::~FileImport()
{
    m_stopping = true;
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
    m_thread.reset(QThread::create([this, paths, redaction = m_redaction] {
        const Normalizer normalizer;
        const Redactor redactor(redaction);
        qint64 total = 0;
        int failed = 0;
        for (const QString &path : paths) {
            FileReport report;
            report.path = path;
            auto read = TraceFileReader::readFile(path);
            report.rejected = read.decoded.rejectedSpans;
            report.error = read.error;
            if (report.error.isEmpty() && !read.decoded.errors.empty())
                report.error = QString::fromStdString(read.decoded.errorSummary());
            SpanBatch &spans = read.decoded.spans;
            for (size_t i = 0; i < spans.size() && !m_stopping; i += kBatchSpans) {
                SpanBatch batch;
                for (size_t j = i; j < std::min(spans.size(), i + kBatchSpans); ++j) {
                    normalizer.normalize(spans[j]);
                    redactor.redact(spans[j]);
                    spans[j].source = "file";
                    batch.push_back(std::move(spans[j]));
                }
                const qint64 count = qint64(batch.size());
                QString error;
                if (!submitAndWait(m_writer, std::move(batch), m_stopping, &error)) {
                    report.error = error;
                    break;
                }
                report.spans += count;
            }
            total += report.spans;
            failed += report.spans == 0 && !report.error.isEmpty();
            Q_EMIT fileDone(report);
        }
        Q_EMIT finished(total, failed);
    }));
    m_thread->setObjectName(QStringLiteral("tracedeck-import"));
    m_thread->start();
}

} // namespace tracedeck

#include "exportrunner.h"

#include "backgroundreader.h"

#include <QElapsedTimer>
#include <QMetaObject>

namespace tracedeck {

ExportRunner::ExportRunner(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath)
{}

ExportRunner::~ExportRunner()
{
    cancel();
    m_reader.reset(); // waits for the running job, which sees the cancel after its current trace
}

bool ExportRunner::start(const TraceExporter::Request &request, const QString &path)
{
    if (m_running)
        return false;
    if (!m_reader)
        m_reader = std::make_unique<BackgroundReader>(m_path);
    m_running = true;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_reader->post(
        [this, request, path, cancelled = m_cancel](StoreReader *reader, const std::string &openError) {
            TraceExporter::Result result;
            if (!reader) {
                result.error = tr("cannot open the store: %1").arg(QString::fromStdString(openError));
            } else {
                QElapsedTimer sinceReport;
                sinceReport.start();
                result = TraceExporter::writeFile(*reader, request, path, [&](int64_t traces, int64_t spans) {
                    if (sinceReport.elapsed() >= 200) {
                        sinceReport.restart();
                        QMetaObject::invokeMethod(this,
                                                  [this, traces, spans] { Q_EMIT progress(traces, spans); });
                    }
                    return !cancelled->load();
                });
            }
            QStringList missing;
            for (const std::string &id : result.missing)
                missing << QString::fromStdString(id);
            QMetaObject::invokeMethod(this, [this, result, missing] {
                m_running = false;
                Q_EMIT finished(result.traces, result.spans, result.error, missing);
            });
        });
    return true;
}

void ExportRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace tracedeck

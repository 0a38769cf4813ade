#pragma once

#include "traceexporter.h"

#include <QObject>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>

namespace tracedeck {

class BackgroundReader;

// Runs one TraceExporter::writeFile at a time on a reader thread of its own, so a long export neither
// blocks the window nor waits behind the views' trace loads. Progress is reported a few times a second;
// cancel() stops between traces and leaves the file as it was.
class ExportRunner : public QObject {
    Q_OBJECT
public:
    explicit ExportRunner(const QString &databasePath, QObject *parent = nullptr);
    ~ExportRunner() override; // cancels a running export and waits for it

    bool isRunning() const { return m_running; }
    // False (and nothing started) while another export runs.
    bool start(const TraceExporter::Request &request, const QString &path);
    void cancel();

Q_SIGNALS:
    void progress(qint64 traces, qint64 spans);
    // error is empty on success; missing lists asked-for trace ids the store does not hold.
    void finished(qint64 traces, qint64 spans, const QString &error, const QStringList &missing);

private:
    QString m_path;
    std::unique_ptr<BackgroundReader> m_reader;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    bool m_running = false;
};

} // namespace tracedeck

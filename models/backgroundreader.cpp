#include "backgroundreader.h"

namespace tracedeck {

BackgroundReader::BackgroundReader(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_path(databasePath.toStdString())
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("tracedeck-reader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

BackgroundReader::~BackgroundReader()
{
    m_thread.quit();
    m_thread.wait();
    // The reader was opened on m_thread; it is closed here, after that thread has stopped using it.
    m_reader.reset();
}

void BackgroundReader::post(Job job)
{
    QMetaObject::invokeMethod(
        m_worker,
        [this, job = std::move(job)] {
            if (!m_reader && m_openError.empty()) {
                std::string error;
                m_reader = StoreReader::open(m_path, &error);
                if (!m_reader)
                    m_openError = error.empty() ? std::string("cannot open the store") : error;
            }
            job(m_reader.get(), m_openError);
        },
        Qt::QueuedConnection);
}

} // namespace tracedeck

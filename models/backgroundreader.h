#pragma once

#include "storereader.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>

namespace tracedeck {

// A thread of its own with a read connection to the store: jobs posted here run one after another off
// the GUI thread. A job hands its result back with QMetaObject::invokeMethod on its receiver; the receiver
// owns the BackgroundReader, whose destructor waits for the running job, so no result outlives it.
class BackgroundReader : public QObject {
    Q_OBJECT
public:
    // reader is null when the store cannot be opened; error then says why.
    using Job = std::function<void(StoreReader *reader, const std::string &error)>;

    explicit BackgroundReader(const QString &databasePath, QObject *parent = nullptr);
    ~BackgroundReader() override;

    void post(Job job);

private:
    std::string m_path;
    QThread m_thread;
    QObject *m_worker; // lives on m_thread
    std::unique_ptr<StoreReader> m_reader;
    std::string m_openError;
};

} // namespace tracedeck

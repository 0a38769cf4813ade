#pragma once

#include <QObject>

class QSocketNotifier;

namespace tracedeck {

// Turns SIGINT and SIGTERM into a Qt signal on the main thread (self-pipe), so shutdown runs as
// ordinary code: flush the writer, close the database.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject *parent = nullptr);
    ~SignalWatcher() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    static int s_fds[2];
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace tracedeck

#pragma once

#include <QTcpServer>

namespace tracedeck {

// The TCP side of the listener: every connection it accepts gets a RequestSizeGuard, so no request can
// grow past maxRequestBytes in memory.
class LimitedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    LimitedTcpServer(qsizetype maxRequestBytes, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qsizetype m_maxRequestBytes;
};

} // namespace tracedeck

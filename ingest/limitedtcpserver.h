#pragma once

#include <QTcpServer>

namespace tracedeck {

// The TCP side of the listener. Qt HttpServer 6.4 buffers a whole request before any handler sees it and
// has no size limit, so this server watches each connection's unread bytes (the request being received,
// chunked or not) and answers 413 and closes once they pass maxRequestBytes — memory stays bounded.
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

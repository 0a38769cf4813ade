#pragma once

#include <QObject>

class QTcpSocket;

namespace tracedeck {

// Caps how many bytes one HTTP request may send on a connection, chunked or not. Qt HttpServer 6.4 buffers a
// whole request before any handler sees it and has no limit of its own, so the guard counts the bytes that
// arrive for the current request and, past the limit, answers 413 and closes the connection itself — before
// the body is all in memory. It sees the socket just before the HTTP server reads it and just after.
class RequestSizeGuard : public QObject {
    Q_OBJECT
public:
    // Call before the HTTP server connects to the socket, so that beforeServerRead runs first.
    static void attach(QTcpSocket *socket, qsizetype maxRequestBytes);

    // The connection whose bytes the HTTP server is reading on this thread right now. Route handlers run
    // inside that read, so a handler can learn its own connection — QHttpServerRequest 6.4 does not say,
    // and a handler that answers later must know whether the client is still there.
    static QTcpSocket *socketBeingRead();

private:
    RequestSizeGuard(QTcpSocket *socket, qsizetype maxRequestBytes);
    void beforeServerRead();
    void afterServerRead();
    void responseSent();
    void reject();

    QTcpSocket *m_socket;
    qsizetype m_limit;
    qsizetype m_received = 0; // bytes of the current request seen so far
    qsizetype m_unread = 0;   // bytes the HTTP server left in the socket on its last read
    bool m_rejected = false;
};

} // namespace tracedeck

#include "requestsizeguard.h"

#include <QTcpSocket>
#include <QTimer>

namespace tracedeck {

namespace {
thread_local QTcpSocket *t_socketBeingRead = nullptr;
constexpr int kLingerMs = 5000;
} // namespace

QTcpSocket *RequestSizeGuard::socketBeingRead()
{
    return t_socketBeingRead;
}

void RequestSizeGuard::attach(QTcpSocket *socket, qsizetype maxRequestBytes)
{
    new RequestSizeGuard(socket, maxRequestBytes);
}

RequestSizeGuard::RequestSizeGuard(QTcpSocket *socket, qsizetype maxRequestBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_limit(maxRequestBytes)
{
    connect(socket, &QTcpSocket::readyRead, this, &RequestSizeGuard::beforeServerRead);
    connect(socket, &QTcpSocket::bytesWritten, this, &RequestSizeGuard::responseSent);
    // Queued: by the time this runs the HTTP server has connected its own readyRead handler, so this one
    // comes after it and sees what the server left unread.
    QMetaObject::invokeMethod(
        this, [this] { connect(m_socket, &QTcpSocket::readyRead, this, &RequestSizeGuard::afterServerRead); },
        Qt::QueuedConnection);
}

void RequestSizeGuard::beforeServerRead()
{
    t_socketBeingRead = m_socket;
    if (m_rejected) {
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    const qsizetype available = m_socket->bytesAvailable();
    m_received += std::max<qsizetype>(0, available - m_unread);
    m_unread = available;
    if (m_received > m_limit)
        reject();
}

void RequestSizeGuard::afterServerRead()
{
    t_socketBeingRead = nullptr;
    m_unread = m_socket->bytesAvailable();
}

void RequestSizeGuard::responseSent()
{
    // What is still unread already belongs to the next request on this connection.
    m_received = m_unread;
}

void RequestSizeGuard::reject()
{
    m_rejected = true;
    m_socket->skip(m_socket->bytesAvailable());
    m_unread = 0;
    const QByteArray detail = "request exceeds the limit of " + QByteArray::number(m_limit) + " bytes";
    const QByteArray body = "{\"error\":\"payload_too_large\",\"detail\":\"" + detail +
                            "\",\"code\":3,\"message\":\"" + detail + "\"}";
    m_socket->write(
        "HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
        "Content-Length: " +
        QByteArray::number(body.size()) + "\r\n\r\n" + body);
    // Closing while the client is still sending makes the kernel reset the connection, and a reset can
    // destroy the 413 before the client reads it. So drain what keeps coming for a while (a "lingering
    // close"), and close when the client does or the grace period ends.
    QTimer::singleShot(kLingerMs, m_socket, [socket = m_socket] { socket->disconnectFromHost(); });
}

} // namespace tracedeck

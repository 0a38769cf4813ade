#include "limitedtcpserver.h"

#include <QTcpSocket>

namespace tracedeck {

LimitedTcpServer::LimitedTcpServer(qsizetype maxRequestBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxRequestBytes(maxRequestBytes)
{
}

void LimitedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    // Connected before the HTTP server's own handler, so this runs first on every readyRead. The HTTP
    // server reads requests in a QIODevice transaction and rolls back while a request is incomplete, so
    // bytesAvailable() is the whole request received so far.
    connect(socket, &QTcpSocket::readyRead, socket, [socket, limit = m_maxRequestBytes] {
        if (socket->property("tracedeck_rejected").toBool()) {
            socket->readAll();
            return;
        }
        if (socket->bytesAvailable() <= limit)
            return;
        socket->setProperty("tracedeck_rejected", true);
        socket->readAll();
        const QByteArray body = QByteArrayLiteral("{\"error\":\"payload_too_large\",\"code\":8,") +
                                "\"detail\":\"request body exceeds the limit of " + QByteArray::number(limit) +
                                " bytes\",\"message\":\"request body exceeds the limit of " +
                                QByteArray::number(limit) + " bytes\"}";
        socket->write("HTTP/1.1 413 Payload Too Large\r\nContent-Type: application/json\r\nConnection: close\r\n"
                      "Content-Length: " +
                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket->disconnectFromHost();
    });
    addPendingConnection(socket);
}

} // namespace tracedeck

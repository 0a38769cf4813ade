#include "limitedtcpserver.h"

#include "requestsizeguard.h"

#include <QTcpSocket>

namespace tracedeck {

LimitedTcpServer::LimitedTcpServer(qsizetype maxRequestBytes, QObject *parent)
    : QTcpServer(parent)
    , m_maxRequestBytes(maxRequestBytes)
{}

void LimitedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    auto *socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    RequestSizeGuard::attach(socket, m_maxRequestBytes);
    addPendingConnection(socket);
}

} // namespace tracedeck

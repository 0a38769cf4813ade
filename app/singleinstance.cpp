#include "singleinstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

#include <unistd.h>

namespace tracedeck {

namespace {

constexpr qint64 kMaxRequestBytes = 1 << 20;

} // namespace

SingleInstance::SingleInstance(const QString &databasePath, QObject *parent)
    : QObject(parent)
    , m_name(serverNameFor(databasePath))
{}

SingleInstance::~SingleInstance() = default;

QString SingleInstance::serverNameFor(const QString &databasePath)
{
    const QByteArray path = QFileInfo(databasePath).absoluteFilePath().toUtf8();
    const QByteArray digest = QCryptographicHash::hash(path, QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("tracedeck-%1-%2").arg(uint(getuid())).arg(QString::fromLatin1(digest));
}

bool SingleInstance::handOver(const QStringList &files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray paths;
    for (const QString &file : files)
        paths.append(QFileInfo(file).absoluteFilePath());
    socket.write(QJsonDocument(QJsonObject{{QStringLiteral("open"), paths}}).toJson(QJsonDocument::Compact) +
                 '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine())
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    const QJsonObject reply = QJsonDocument::fromJson(socket.readLine()).object();
    return reply.value(QStringLiteral("ok")).toBool();
}

bool SingleInstance::listen(QString *error)
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file with no server behind it (handOver could not connect): left by a crash.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name)) {
            *error =
                QStringLiteral("cannot listen on local socket %1: %2").arg(m_name, m_server->errorString());
            return false;
        }
    }
    connect(m_server, &QLocalServer::newConnection, this, &SingleInstance::acceptConnections);
    return true;
}

void SingleInstance::acceptConnections()
{
    while (QLocalSocket *socket = m_server->nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
            if (socket->bytesAvailable() > kMaxRequestBytes && !socket->canReadLine()) {
                socket->abort();
                return;
            }
            if (!socket->canReadLine())
                return;
            const QJsonDocument request = QJsonDocument::fromJson(socket->readLine());
            const QJsonValue open = request.object().value(QStringLiteral("open"));
            if (!open.isArray()) {
                socket->write("{\"ok\":false,\"error\":\"expected {\\\"open\\\": [paths]}\"}\n");
                socket->disconnectFromServer();
                return;
            }
            QStringList files;
            for (const QJsonValue &path : open.toArray())
                if (path.isString())
                    files.append(path.toString());
            socket->write("{\"ok\":true}\n");
            socket->flush();
            socket->disconnectFromServer();
            Q_EMIT openRequested(files);
        });
    }
}

} // namespace tracedeck

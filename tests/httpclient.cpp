#include "httpclient.h"

#include <QDeadlineTimer>
#include <QTcpSocket>

namespace {

// Parses one response out of buffer; returns false while it is incomplete.
bool parseResponse(const QByteArray &buffer, bool atEof, HttpResponse *response)
{
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response->status = statusLine.value(1).toInt();
    response->headers.clear();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response->headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
    }
    const QByteArray lengthHeader = response->header("Content-Length");
    const QByteArray rest = buffer.mid(headerEnd + 4);
    if (!lengthHeader.isEmpty()) {
        const qsizetype length = lengthHeader.toLongLong();
        if (rest.size() < length)
            return false;
        response->body = rest.left(length);
        return true;
    }
    if (!atEof)
        return false;
    response->body = rest;
    return true;
}

QByteArray requestHead(const QByteArray &method, const QString &path, quint16 port)
{
    return method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
}

} // namespace

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

HttpResponse HttpClient::raw(const QByteArray &request, int timeoutMs) const
{
    HttpResponse response;
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
    if (!socket.waitForConnected(timeoutMs))
        return response;
    QDeadlineTimer deadline(timeoutMs);
    // Write in pieces and read as we go: the server may answer (413) and close before the body is all sent.
    QByteArray buffer;
    qsizetype sent = 0;
    constexpr qsizetype kPiece = 256 * 1024;
    while (!deadline.hasExpired()) {
        if (sent < request.size() && socket.state() == QAbstractSocket::ConnectedState) {
            sent += socket.write(request.constData() + sent, std::min(kPiece, request.size() - sent));
            socket.waitForBytesWritten(int(std::max<qint64>(1, deadline.remainingTime())));
        }
        if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(sent < request.size() ? 1 : 1000))
            buffer += socket.readAll();
        const bool eof = socket.state() != QAbstractSocket::ConnectedState;
        if (parseResponse(buffer, eof, &response)) {
            response.closedByServer = eof;
            return response;
        }
        if (eof) {
            response.closedByServer = true;
            return response;
        }
    }
    response.status = 0;
    return response;
}

HttpResponse HttpClient::post(const QString &path, const QByteArray &body, const QByteArray &contentType,
                              const QList<QPair<QByteArray, QByteArray>> &extraHeaders) const
{
    QByteArray request = requestHead("POST", path, m_port);
    if (!contentType.isEmpty())
        request += "Content-Type: " + contentType + "\r\n";
    for (const auto &[key, value] : extraHeaders)
        request += key + ": " + value + "\r\n";
    request += "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    return raw(request);
}

HttpResponse HttpClient::get(const QString &path,
                             const QList<QPair<QByteArray, QByteArray>> &extraHeaders) const
{
    QByteArray request = requestHead("GET", path, m_port);
    for (const auto &[key, value] : extraHeaders)
        request += key + ": " + value + "\r\n";
    return raw(request + "\r\n");
}

HttpResponse HttpClient::postChunked(const QString &path, const QByteArray &body,
                                     const QByteArray &contentType, qsizetype chunkSize) const
{
    QByteArray request = requestHead("POST", path, m_port) + "Content-Type: " + contentType +
                         "\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype offset = 0; offset < body.size(); offset += chunkSize) {
        const QByteArray chunk = body.mid(offset, chunkSize);
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    request += "0\r\n\r\n";
    return raw(request);
}

#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// A blocking HTTP/1.1 client for tests, over a plain QTcpSocket so a test controls every byte on the wire
// (chunked bodies, missing Content-Length, dropped connections). Waits on socket signals, never sleeps.
struct HttpResponse {
    int status = 0; // 0: no response (connection closed or timed out)
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closedByServer = false;

    QByteArray header(const QByteArray &name) const;
};

class HttpClient {
public:
    explicit HttpClient(quint16 port)
        : m_port(port)
    {}

    HttpResponse post(const QString &path, const QByteArray &body, const QByteArray &contentType,
                      const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}) const;
    HttpResponse get(const QString &path,
                     const QList<QPair<QByteArray, QByteArray>> &extraHeaders = {}) const;
    // Sends the body with Transfer-Encoding: chunked and no Content-Length, in pieces of chunkSize.
    HttpResponse postChunked(const QString &path, const QByteArray &body, const QByteArray &contentType,
                             qsizetype chunkSize = 64 * 1024) const;
    // Sends raw bytes and reads one response.
    HttpResponse raw(const QByteArray &request, int timeoutMs = 30000) const;

private:
    quint16 m_port;
};

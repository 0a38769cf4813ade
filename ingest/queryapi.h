#pragma once

#include "httpreply.h"

#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <functional>
#include <memory>
#include <unordered_map>

class QHttpServer;
class QHttpServerRequest;

namespace tracedeck {

class Authenticator;
class BackgroundReader;
class StoreReader;

// The read side of the HTTP API, on the listener's server: GET /api/v1/traces (filters, keyset cursor),
// /api/v1/traces/{id}, /api/v1/paths/{request_id}, /api/v1/metrics/summary. Queries run on a reader thread
// of their own, so a slow aggregate never holds up ingest; answers go back through the listener thread.
class QueryApi : public QObject {
    Q_OBJECT
public:
    // Every route asks the authenticator first and reads only the request's workspace.
    QueryApi(const std::string &databasePath, Authenticator &auth, QObject *parent = nullptr);
    ~QueryApi() override;

    void addRoutes(QHttpServer &http);

private:
    using Query = std::function<HttpReply(StoreReader &reader)>;
    struct Pending {
        QHttpServerResponder responder;
        QPointer<QTcpSocket> connection;
    };

    void run(QHttpServerResponder &&responder, Query query);
    void complete(quint64 id, const HttpReply &reply);
    void listTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void getTrace(const QString &traceId, const QHttpServerRequest &request,
                  QHttpServerResponder &&responder);
    void getPath(const QString &requestId, const QHttpServerRequest &request,
                 QHttpServerResponder &&responder);
    void metricsSummary(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    Authenticator &m_auth;
    std::unique_ptr<BackgroundReader> m_reader;
    std::unordered_map<quint64, Pending> m_pending;
    quint64 m_nextId = 1;
};

} // namespace tracedeck

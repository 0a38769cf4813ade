#pragma once

#include "authenticator.h"
#include "decoderesult.h"
#include "httpreply.h"
#include "ingestoptions.h"
#include "normalizer.h"
#include "redactor.h"
#include "seeddecoderesult.h"
#include "seedtracedecoder.h"
#include "trackerdecoder.h"

#include <QHttpServerResponder>
#include <QObject>
#include <QPointer>
#include <QTcpSocket>

#include <atomic>
#include <functional>
#include <unordered_map>

class QHttpServer;
class QHttpServerRequest;

namespace tracedeck {

class LimitedTcpServer;
class QueryApi;
class SpanWriter;
struct CommitResult;

// Counters of what the listener saw, read from any thread.
struct IngestCounters {
    std::atomic<int64_t> requests{0};
    std::atomic<int64_t> acceptedSpans{0}; // acknowledged: committed
    std::atomic<int64_t> rejectedSpans{0}; // invalid spans, and spans of refused bodies
    std::atomic<int64_t> throttled{0};     // requests answered 429 because the writer's queue was full
};

// The HTTP routes (OTLP/HTTP, Zipkin v2, the seed APIs, health) on the listener thread. Decodes and
// normalizes on this thread, hands spans to the writer, and answers each request only when its spans are
// committed: the responder waits in m_pending until the writer's callback comes back to this thread.
class IngestServer : public QObject {
    Q_OBJECT
public:
    IngestServer(SpanWriter &writer, const IngestOptions &options, IngestCounters &counters);
    ~IngestServer() override;

    bool listen(QString *error);
    void stopListening();
    quint16 port() const;
    ListenAddress boundAddress() const; // the address with the port actually bound (for --listen H:0)

private:
    using ReplyForCommit = std::function<HttpReply(const CommitResult &)>;
    struct Body {
        QByteArray data;
        WireFormat format = WireFormat::Json;
    };

    // Counts the request; answers 405 unless it is a POST, 401/429 unless its key admits it.
    std::optional<RequestIdentity> admitPost(const QHttpServerRequest &request,
                                             QHttpServerResponder &responder,
                                             WireFormat format = WireFormat::Json);
    void handleOtlpTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleZipkinSpans(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleTracker(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                       TrackerDecoder::Kind kind);
    void handleSeedTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                          SeedTraceDecoder::Shape shape);
    void handleHealth(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    void handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder);

    // Content type and encoding checks, gzip inflation with the size cap. Sends the error and returns
    // false when the body cannot be read.
    bool readBody(const QHttpServerRequest &request, bool acceptProtobuf, QHttpServerResponder &responder,
                  Body *body);
    // The seed APIs' answer: 201 (all stored) or 200 (some records rejected) naming the stored trace ids,
    // after commit; 400 naming every bad field when no record is valid.
    void storeSeed(SeedDecodeResult &&result, RequestIdentity &&identity, QHttpServerResponder &&responder);
    // Normalizes and submits decoded spans; answers now (nothing to store, queue full) or after commit.
    void store(DecodeResult &&decoded, RequestIdentity &&identity, WireFormat format,
               QHttpServerResponder &&responder, ReplyForCommit reply);
    void complete(quint64 id, const CommitResult &result);

    SpanWriter &m_writer;
    IngestOptions m_options;
    IngestCounters &m_counters;
    Redactor m_redactor;
    Authenticator *m_auth;
    QHttpServer *m_http;
    LimitedTcpServer *m_tcp;
    QueryApi *m_queryApi;
    quint64 m_nextRequestId = 1;
    struct Pending {
        QHttpServerResponder responder;
        QPointer<QTcpSocket> connection; // gone when the client hung up while its spans were committing
        ReplyForCommit reply;
        WireFormat format;
        int64_t spans;
        RequestIdentity identity;
    };
    std::unordered_map<quint64, Pending> m_pending;
};

} // namespace tracedeck

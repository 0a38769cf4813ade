#include "ingestserver.h"

#include "bodyinflater.h"
#include "limitedtcpserver.h"
#include "otlpjsondecoder.h"
#include "otlpprotodecoder.h"
#include "queryapi.h"
#include "requestsizeguard.h"
#include "spanwriter.h"
#include "zipkindecoder.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QPointer>

#include <nlohmann/json.hpp>

namespace tracedeck {

namespace {

// Room for the request line and headers on top of the body limit.
constexpr qsizetype kHeaderAllowance = 64 * 1024;

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    return {};
}

// "application/json; charset=utf-8" → "application/json"
QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

} // namespace

IngestServer::IngestServer(SpanWriter &writer, const IngestOptions &options, IngestCounters &counters)
    : m_writer(writer)
    , m_options(options)
    , m_counters(counters)
    , m_redactor(options.redaction)
    , m_auth(new Authenticator(writer.path(), options.keysRequired(), options.utcClock, this))
    , m_http(new QHttpServer(this))
    , m_tcp(new LimitedTcpServer(options.maxBodyBytes + kHeaderAllowance, this))
    , m_queryApi(new QueryApi(writer.path(), *m_auth, this))
{
    // GET routes first: the POST-only routes on the same paths answer 405 to every other method.
    m_queryApi->addRoutes(*m_http);
    m_http->route(QStringLiteral("/v1/traces"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleOtlpTraces(request, std::move(responder));
                  });
    m_http->route(QStringLiteral("/api/v2/spans"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleZipkinSpans(request, std::move(responder));
                  });
    m_http->route(QStringLiteral("/api/v1/tracker/rest"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleTracker(request, std::move(responder), TrackerDecoder::Kind::Rest);
                  });
    m_http->route(QStringLiteral("/api/v1/tracker/llm"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleTracker(request, std::move(responder), TrackerDecoder::Kind::Llm);
                  });
    m_http->route(QStringLiteral("/api/v1/traces"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleSeedTraces(request, std::move(responder), SeedTraceDecoder::Shape::Single);
                  });
    m_http->route(QStringLiteral("/api/v1/traces/batch"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleSeedTraces(request, std::move(responder), SeedTraceDecoder::Shape::Batch);
                  });
    m_http->route(QStringLiteral("/health"),
                  [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                      handleHealth(request, std::move(responder));
                  });
    m_http->setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        handleMissing(request, std::move(responder));
    });
}

IngestServer::~IngestServer() = default;

bool IngestServer::listen(QString *error)
{
    std::string keysError;
    if (!m_auth->open(&keysError)) {
        *error = QStringLiteral("cannot read the API keys: %1").arg(QString::fromStdString(keysError));
        return false;
    }
    if (m_auth->requireKeys() && m_auth->activeKeys() == 0) {
        *error =
            QStringLiteral("refusing to listen on %1: a listener on a non-loopback address requires API "
                           "keys and none exists; create one first: tracedeck keys create --workspace NAME")
                .arg(m_options.address.toString());
        return false;
    }
    if (!m_tcp->listen(m_options.address.host, m_options.address.port)) {
        *error =
            QStringLiteral("cannot listen on %1: %2").arg(m_options.address.toString(), m_tcp->errorString());
        return false;
    }
    m_http->bind(m_tcp);
    return true;
}

void IngestServer::stopListening()
{
    m_tcp->close();
}

quint16 IngestServer::port() const
{
    return m_tcp->serverPort();
}

ListenAddress IngestServer::boundAddress() const
{
    ListenAddress address = m_options.address;
    address.port = port();
    return address;
}

bool IngestServer::readBody(const QHttpServerRequest &request, bool acceptProtobuf,
                            QHttpServerResponder &responder, Body *body)
{
    const QByteArray type = mediaType(header(request, "Content-Type"));
    if (type == "application/json")
        body->format = WireFormat::Json;
    else if (acceptProtobuf && type == "application/x-protobuf")
        body->format = WireFormat::Protobuf;
    else {
        const QString accepted = acceptProtobuf ? QStringLiteral("application/json or application/x-protobuf")
                                                : QStringLiteral("application/json");
        HttpReply::error(
            415, "unsupported_media_type",
            QStringLiteral("Content-Type \"%1\" is not supported; send %2")
                .arg(QString::fromLatin1(type.isEmpty() ? QByteArray("(none)") : type), accepted))
            .send(responder);
        return false;
    }
    const QByteArray encoding = header(request, "Content-Encoding").toLower();
    const QByteArray raw = request.body();
    if (raw.size() > m_options.maxBodyBytes) {
        HttpReply::error(413, "payload_too_large",
                         QStringLiteral("request body of %1 bytes exceeds the limit of %2 bytes")
                             .arg(raw.size())
                             .arg(m_options.maxBodyBytes),
                         body->format)
            .send(responder);
        return false;
    }
    if (encoding.isEmpty() || encoding == "identity") {
        body->data = raw;
        return true;
    }
    if (encoding != "gzip") {
        HttpReply::error(415, "unsupported_media_type",
                         QStringLiteral("Content-Encoding \"%1\" is not supported; send gzip or no encoding")
                             .arg(QString::fromLatin1(encoding)),
                         body->format)
            .send(responder);
        return false;
    }
    BodyInflater::Result inflated = BodyInflater::gunzip(raw, m_options.maxBodyBytes);
    if (inflated.status != BodyInflater::Status::Ok) {
        const bool tooLarge = inflated.status == BodyInflater::Status::TooLarge;
        HttpReply::error(tooLarge ? 413 : 400, tooLarge ? "payload_too_large" : "bad_request", inflated.error,
                         body->format)
            .send(responder);
        return false;
    }
    body->data = std::move(inflated.data);
    return true;
}

std::optional<RequestIdentity> IngestServer::admitPost(const QHttpServerRequest &request,
                                                       QHttpServerResponder &responder, WireFormat format)
{
    ++m_counters.requests;
    auto identity = m_auth->admit(request, responder, format);
    if (!identity)
        return std::nullopt;
    if (request.method() == QHttpServerRequest::Method::Post)
        return identity;
    HttpReply::error(405, "method_not_allowed",
                     QStringLiteral("%1 accepts POST only").arg(request.url().path()))
        .send(responder);
    return std::nullopt;
}

void IngestServer::handleOtlpTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    // Refusals before the body is read still answer in the request's encoding (google.rpc.Status).
    const WireFormat requestFormat = mediaType(header(request, "Content-Type")) == "application/x-protobuf"
                                         ? WireFormat::Protobuf
                                         : WireFormat::Json;
    auto identity = admitPost(request, responder, requestFormat);
    if (!identity)
        return;
    Body body;
    if (!readBody(request, true, responder, &body))
        return;
    const std::string_view bytes(body.data.constData(), size_t(body.data.size()));
    DecodeResult decoded = body.format == WireFormat::Protobuf ? OtlpProtoDecoder::decode(bytes)
                                                               : OtlpJsonDecoder::decode(bytes);
    const WireFormat format = body.format;
    const int64_t rejected = decoded.rejectedSpans;
    const std::string summary = decoded.errorSummary();
    store(std::move(decoded), std::move(*identity), format, std::move(responder),
          [format, rejected, summary](const CommitResult &) {
              return HttpReply::otlpSuccess(format, rejected, summary);
          });
}

void IngestServer::handleZipkinSpans(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    auto identity = admitPost(request, responder);
    if (!identity)
        return;
    Body body;
    if (!readBody(request, false, responder, &body))
        return;
    DecodeResult decoded =
        ZipkinDecoder::decode(std::string_view(body.data.constData(), size_t(body.data.size())));
    const int64_t rejected = decoded.rejectedSpans;
    const std::string summary = decoded.errorSummary();
    // Zipkin's API answers 202 with no body; the partial-rejection report rides along as JSON for people.
    store(std::move(decoded), std::move(*identity), WireFormat::Json, std::move(responder),
          [rejected, summary](const CommitResult &) {
              HttpReply reply;
              reply.status = 202;
              if (rejected > 0 || !summary.empty())
                  reply.body = QByteArray::fromStdString(
                      nlohmann::json{{"rejectedSpans", rejected}, {"errorMessage", summary}}.dump(
                          -1, ' ', false, nlohmann::json::error_handler_t::replace));
              return reply;
          });
}

void IngestServer::handleTracker(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                                 TrackerDecoder::Kind kind)
{
    auto identity = admitPost(request, responder);
    if (!identity)
        return;
    Body body;
    if (!readBody(request, false, responder, &body))
        return;
    storeSeed(TrackerDecoder::decode(std::string_view(body.data.constData(), size_t(body.data.size())), kind),
              std::move(*identity), std::move(responder));
}

void IngestServer::handleSeedTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder,
                                    SeedTraceDecoder::Shape shape)
{
    auto identity = admitPost(request, responder);
    if (!identity)
        return;
    Body body;
    if (!readBody(request, false, responder, &body))
        return;
    const int64_t nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    storeSeed(SeedTraceDecoder::decode(std::string_view(body.data.constData(), size_t(body.data.size())),
                                       shape, nowNs),
              std::move(*identity), std::move(responder));
}

void IngestServer::storeSeed(SeedDecodeResult &&result, RequestIdentity &&identity,
                             QHttpServerResponder &&responder)
{
    nlohmann::json rejections = nlohmann::json::array();
    for (const auto &r : result.rejections)
        rejections.push_back({{"index", r.index}, {"error", r.error}});
    if (result.decoded.ok() && result.decoded.spans.empty() && result.rejectedRecords > 0) {
        m_counters.rejectedSpans += result.decoded.rejectedSpans;
        const std::string detail = result.errorSummary();
        const nlohmann::json body = {{"error", "bad_request"}, {"detail", detail}, {"rejected", rejections}};
        HttpReply::json(400, QByteArray::fromStdString(
                                 body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)))
            .send(responder);
        return;
    }
    nlohmann::json answer = {{"accepted", result.acceptedRecords},
                             {"rejected", result.rejectedRecords},
                             {"spans", result.decoded.spans.size()},
                             {"trace_ids", result.traceIds}};
    if (result.traceIds.size() == 1)
        answer["trace_id"] = result.traceIds.front();
    if (result.rejectedRecords > 0)
        answer["errors"] = std::move(rejections);
    const int status = result.rejectedRecords > 0 ? 200 : 201;
    store(std::move(result.decoded), std::move(identity), WireFormat::Json, std::move(responder),
          [status, answer = std::move(answer)](const CommitResult &) {
              return HttpReply::json(status, QByteArray::fromStdString(answer.dump(
                                                 -1, ' ', false, nlohmann::json::error_handler_t::replace)));
          });
}

void IngestServer::store(DecodeResult &&decoded, RequestIdentity &&identity, WireFormat format,
                         QHttpServerResponder &&responder, ReplyForCommit reply)
{
    if (!decoded.ok()) {
        HttpReply::error(400, "bad_request", QString::fromStdString(decoded.fatalError), format)
            .send(responder);
        return;
    }
    m_counters.rejectedSpans += decoded.rejectedSpans;
    if (decoded.spans.empty()) {
        if (decoded.rejectedSpans > 0) // nothing valid at all: the request as a whole is bad
            HttpReply::error(400, "bad_request",
                             QStringLiteral("all %1 spans rejected: %2")
                                 .arg(decoded.rejectedSpans)
                                 .arg(QString::fromStdString(decoded.errorSummary())),
                             format)
                .send(responder);
        else
            reply(CommitResult{true, {}, {}}).send(responder);
        return;
    }
    const int64_t spanCount = int64_t(decoded.spans.size());
    // Counted after decoding; a body larger than what the key has left is refused whole.
    if (auto refusal = m_auth->admitSpans(identity, spanCount, format)) {
        m_counters.rejectedSpans += spanCount;
        refusal->send(responder);
        return;
    }
    const Normalizer normalizer; // the prices current now: Preferences may change them while we run
    for (Span &span : decoded.spans) {
        span.workspace = identity.workspace;
        normalizer.normalize(span);
        if (identity.redaction)
            m_redactor.redact(span); // after normalize: fields.messages are copies of attributes
    }
    const quint64 id = m_nextRequestId++;
    QPointer<IngestServer> self(this);
    const auto submitted = m_writer.submit(std::move(decoded.spans), [self, id](const CommitResult &result) {
        // On the writer thread: hand the outcome back to the listener thread, which owns the responder.
        QMetaObject::invokeMethod(self.data(), [self, id, result] {
            if (self)
                self->complete(id, result);
        });
    });
    if (submitted == SpanWriter::Submit::Accepted) {
        m_pending.emplace(id, Pending{std::move(responder), RequestSizeGuard::socketBeingRead(),
                                      std::move(reply), format, spanCount, identity});
        return;
    }
    m_auth->refund(identity, spanCount);
    m_counters.rejectedSpans += spanCount;
    if (submitted == SpanWriter::Submit::QueueFull) {
        ++m_counters.throttled;
        HttpReply::error(429, "too_many_requests",
                         QStringLiteral("the store's write queue is full; retry after %1 s")
                             .arg(m_options.retryAfterSeconds),
                         format, m_options.retryAfterSeconds)
            .send(responder);
    } else {
        HttpReply::error(503, "unavailable", QStringLiteral("Tracedeck is shutting down"), format,
                         m_options.retryAfterSeconds)
            .send(responder);
    }
}

void IngestServer::complete(quint64 id, const CommitResult &result)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    if (result.ok) {
        m_counters.acceptedSpans += pending.spans;
    } else {
        m_counters.rejectedSpans += pending.spans;
        m_auth->refund(pending.identity, pending.spans);
    }
    // The responder writes to its socket without checking it still exists.
    if (!pending.connection || pending.connection->state() != QAbstractSocket::ConnectedState)
        return;
    if (result.ok) {
        pending.reply(result).send(pending.responder);
    } else {
        // Retryable: nothing of the request was stored.
        HttpReply::error(503, "unavailable", QString::fromStdString(result.error), pending.format,
                         m_options.retryAfterSeconds)
            .send(pending.responder);
    }
}

void IngestServer::handleHealth(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const auto identity = m_auth->admit(request, responder, WireFormat::Json);
    if (!identity)
        return;
    nlohmann::json health = {
        {"status", "ok"},
        {"version", TRACEDECK_VERSION},
        {"listen", boundAddress().toString().toStdString()},
        {"workspace", identity->workspace},
    };
    // The file and its counts cover every workspace: only for the local user, not through a workspace's key.
    if (identity->keyId == 0) {
        health["database"] = m_writer.path();
        health["storedSpans"] = m_writer.storedSpans();
        health["storedTraces"] = m_writer.storedTraces();
        health["queuedSpans"] = m_writer.queuedSpans();
    }
    HttpReply::json(200, QByteArray::fromStdString(health.dump())).send(responder);
}

void IngestServer::handleMissing(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (!m_auth->admit(request, responder, WireFormat::Json))
        return;
    HttpReply::error(
        404, "not_found",
        QStringLiteral("no endpoint at %1; Tracedeck accepts POST /v1/traces (OTLP/HTTP), "
                       "POST /api/v2/spans (Zipkin v2), POST /api/v1/tracker/rest, "
                       "POST /api/v1/tracker/llm, POST /api/v1/traces, POST /api/v1/traces/batch, "
                       "GET /api/v1/traces, /api/v1/traces/{id}, /api/v1/paths/{request_id}, "
                       "/api/v1/metrics/summary and GET /health")
            .arg(request.url().path()))
        .send(responder);
}

} // namespace tracedeck

#include "httpreply.h"

#include "google/rpc/status.pb.h"
#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <QHttpServerResponder>

#include <nlohmann/json.hpp>

namespace tracedeck {

namespace {

// google.rpc.Code for an HTTP status, as the OTLP/HTTP spec pairs them.
int rpcCode(int httpStatus)
{
    switch (httpStatus) {
    case 400:
    case 413:
    case 415:
        return 3; // INVALID_ARGUMENT
    case 401:
        return 16; // UNAUTHENTICATED
    case 404:
        return 5; // NOT_FOUND
    case 405:
        return 12; // UNIMPLEMENTED
    case 429:
        return 8; // RESOURCE_EXHAUSTED
    case 503:
        return 14; // UNAVAILABLE
    default:
        return 13; // INTERNAL
    }
}

QByteArray toJson(const nlohmann::json &value)
{
    return QByteArray::fromStdString(value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace

HttpReply HttpReply::json(int status, const QByteArray &body)
{
    HttpReply reply;
    reply.status = status;
    reply.body = body;
    return reply;
}

HttpReply HttpReply::error(int status, const QByteArray &errorCode, const QString &detail, WireFormat format,
                           int retryAfterSeconds)
{
    HttpReply reply;
    reply.status = status;
    reply.retryAfterSeconds = retryAfterSeconds;
    const std::string message = detail.toStdString();
    if (format == WireFormat::Protobuf) {
        google::rpc::Status rpcStatus;
        rpcStatus.set_code(rpcCode(status));
        rpcStatus.set_message(message);
        reply.contentType = "application/x-protobuf";
        reply.body = QByteArray::fromStdString(rpcStatus.SerializeAsString());
    } else {
        reply.body = toJson({{"error", errorCode.toStdString()},
                             {"detail", message},
                             {"code", rpcCode(status)},
                             {"message", message}});
    }
    return reply;
}

HttpReply HttpReply::otlpSuccess(WireFormat format, int64_t rejectedSpans, const std::string &errorMessage)
{
    HttpReply reply;
    if (format == WireFormat::Protobuf) {
        opentelemetry::proto::collector::trace::v1::ExportTraceServiceResponse response;
        if (rejectedSpans > 0 || !errorMessage.empty()) {
            response.mutable_partial_success()->set_rejected_spans(rejectedSpans);
            response.mutable_partial_success()->set_error_message(errorMessage);
        }
        reply.contentType = "application/x-protobuf";
        reply.body = QByteArray::fromStdString(response.SerializeAsString());
    } else {
        nlohmann::json response = nlohmann::json::object();
        if (rejectedSpans > 0 || !errorMessage.empty())
            response["partialSuccess"] = {{"rejectedSpans", rejectedSpans}, {"errorMessage", errorMessage}};
        reply.body = toJson(response);
    }
    return reply;
}

void HttpReply::send(QHttpServerResponder &responder) const
{
    responder.writeStatusLine(QHttpServerResponder::StatusCode(status));
    responder.writeHeader("Content-Type", contentType);
    responder.writeHeader("Content-Length", QByteArray::number(body.size()));
    if (retryAfterSeconds > 0)
        responder.writeHeader("Retry-After", QByteArray::number(retryAfterSeconds));
    responder.writeBody(body);
}

} // namespace tracedeck

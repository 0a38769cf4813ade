#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <string>

class QHttpServerResponder;

namespace tracedeck {

// The body encoding of an OTLP request; OTLP/HTTP answers in the request's own encoding.
enum class WireFormat { Json, Protobuf };

// One HTTP answer, built off the wire and sent by send(). Error bodies are JSON
// {error, detail, code, message} (code/message make it a google.rpc.Status too) or, for protobuf
// requests, a protobuf google.rpc.Status, as the OTLP/HTTP spec asks.
struct HttpReply {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    int retryAfterSeconds = 0; // sent as Retry-After when > 0

    static HttpReply json(int status, const QByteArray &body);
    static HttpReply error(int status, const QByteArray &errorCode, const QString &detail,
                           WireFormat format = WireFormat::Json, int retryAfterSeconds = 0);
    // OTLP ExportTraceServiceResponse, with partialSuccess when spans were rejected.
    static HttpReply otlpSuccess(WireFormat format, int64_t rejectedSpans, const std::string &errorMessage);

    void send(QHttpServerResponder &responder) const;
};

} // namespace tracedeck

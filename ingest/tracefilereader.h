#pragma once

#include "decoderesult.h"

#include <QByteArray>
#include <QString>

namespace tracedeck {

// Reads a trace file whole and decodes it, the format found from its content (not its name): OTLP JSON
// (one request, or JSON Lines of them as the Collector's file exporter writes), OTLP protobuf, Zipkin v2
// JSON; gzip-compressed or not. Spans come back decoded, not yet normalized.
class TraceFileReader {
public:
    enum class Format { Unknown, OtlpJson, OtlpJsonLines, OtlpProtobuf, ZipkinJson };
    struct Result {
        DecodeResult decoded;
        Format format = Format::Unknown;
        QString error; // why nothing could be read (the file, its size, its format); empty when read
    };

    static constexpr qint64 kMaxBytes = 512ll << 20;

    static Result readFile(const QString &path, qint64 maxBytes = kMaxBytes);
    static Result decode(const QByteArray &bytes, qint64 maxBytes = kMaxBytes);
    static QString formatName(Format format);
};

} // namespace tracedeck

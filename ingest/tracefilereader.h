#pragma once

#include "decoderesult.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace tracedeck {

// Reads a trace file and decodes it, the format found from its content (not its name), gzip-compressed
// or not: OTLP JSON (one request, or JSON Lines of them as the Collector's file exporter writes), OTLP
// protobuf (one message, or the Collector's length-prefixed sequence), Zipkin v2 JSON, Jaeger UI JSON,
// Chrome Trace Event JSON, speedscope profiles, Langfuse trace exports and the seed formats (arrays of
// tracker rest/llm records, /api/v1/traces bodies). Spans come back decoded, not yet normalized.
//
// Big files stream with bounded memory: the file is read in chunks and inflated as it goes, and the
// formats whose bulk is one array (OTLP JSON resourceSpans, JSON Lines, length-prefixed protobuf, Zipkin,
// Jaeger {data}/arrays of traces, seed arrays) are decoded one element (or line, or message) at a time and
// handed to the sink as they are decoded. Formats that must be seen whole to be decoded (one protobuf
// message, a bare Jaeger trace, Chrome trace events, speedscope profiles, Langfuse exports, a single seed
// record) are read whole, up to maxWholeBytes.
class TraceFileReader {
public:
    enum class Format {
        Unknown,
        OtlpJson,
        OtlpJsonLines,
        OtlpProtobuf,
        OtlpProtobufDelimited,
        ZipkinJson,
        JaegerJson,
        ChromeTrace,
        Speedscope,
        Langfuse,
        TrackerRecords,
        SeedTraces,
    };
    struct Progress {
        qint64 fileBytesRead = 0; // of the file as stored (compressed if gzipped)
        qint64 fileSize = 0;
    };
    // Receives decoded spans as they come; returns false to stop reading (cancel).
    using SpanSink = std::function<bool(SpanBatch &&spans, const Progress &progress)>;

    struct Summary {
        Format format = Format::Unknown;
        QString error; // why the file (or its rest) could not be read; empty when read to the end
        int64_t decodedSpans = 0;
        int64_t rejectedSpans = 0;
        std::vector<std::string> errors; // first DecodeResult::kMaxErrors problems, each with its place
        bool cancelled = false;
    };
    // Everything at once (small files, tests).
    struct Result {
        DecodeResult decoded;
        Format format = Format::Unknown;
        QString error;
    };

    static constexpr qint64 kMaxWholeBytes = 512ll << 20;

    static Summary read(const QString &path, const SpanSink &sink, qint64 maxWholeBytes = kMaxWholeBytes);
    static Summary readBytes(const QByteArray &bytes, const SpanSink &sink,
                             qint64 maxWholeBytes = kMaxWholeBytes);
    static Result readFile(const QString &path, qint64 maxWholeBytes = kMaxWholeBytes);
    static Result decode(const QByteArray &bytes, qint64 maxWholeBytes = kMaxWholeBytes);
    static QString formatName(Format format);
    static bool isStreamed(Format format);
};

} // namespace tracedeck

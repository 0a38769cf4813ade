#include "tracefilereader.h"

#include "bodyinflater.h"
#include "otlpjsondecoder.h"
#include "otlpprotodecoder.h"
#include "zipkindecoder.h"

#include <QCoreApplication>
#include <QFile>

namespace tracedeck {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceFileReader", text);
}

char firstNonSpace(const QByteArray &bytes)
{
    for (const char c : bytes) {
        if (!QChar::isSpace(uchar(c)))
            return c;
    }
    return 0;
}

void append(DecodeResult &into, DecodeResult &&part, qsizetype line)
{
    for (Span &span : part.spans)
        into.spans.push_back(std::move(span));
    into.rejectedSpans += part.rejectedSpans;
    for (std::string &error : part.errors) {
        if (into.errors.size() < DecodeResult::kMaxErrors)
            into.errors.push_back("line " + std::to_string(line) + ": " + error);
    }
    if (!part.ok() && into.errors.size() < DecodeResult::kMaxErrors)
        into.errors.push_back("line " + std::to_string(line) + ": " + part.fatalError);
}

// The Collector's file exporter: one ExportTraceServiceRequest per line. A bad line is reported with its
// number and the other lines are kept.
DecodeResult decodeJsonLines(const QByteArray &bytes)
{
    DecodeResult all;
    qsizetype line = 0;
    qsizetype badLines = 0;
    for (const QByteArray &text : bytes.split('\n')) {
        ++line;
        if (text.trimmed().isEmpty())
            continue;
        DecodeResult part = OtlpJsonDecoder::decode(std::string_view(text.constData(), size_t(text.size())));
        badLines += !part.ok();
        append(all, std::move(part), line);
    }
    if (all.spans.empty() && badLines > 0)
        all.fatalError = all.errors.empty() ? "no line could be read" : all.errors.front();
    return all;
}

} // namespace

TraceFileReader::Result TraceFileReader::readFile(const QString &path, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Result result;
        result.error = tr("cannot open %1: %2").arg(path, file.errorString());
        return result;
    }
    if (file.size() > maxBytes) {
        Result result;
        result.error = tr("%1 is %2 MB; files up to %3 MB can be opened")
                           .arg(path)
                           .arg(file.size() >> 20)
                           .arg(maxBytes >> 20);
        return result;
    }
    Result result = decode(file.readAll(), maxBytes);
    if (!result.error.isEmpty())
        result.error = path + QStringLiteral(": ") + result.error;
    return result;
}

TraceFileReader::Result TraceFileReader::decode(const QByteArray &raw, qint64 maxBytes)
{
    Result result;
    QByteArray bytes = raw;
    if (bytes.startsWith("\x1f\x8b")) {
        auto inflated = BodyInflater::gunzip(bytes, maxBytes);
        if (inflated.status != BodyInflater::Status::Ok) {
            result.error = inflated.error;
            return result;
        }
        bytes = std::move(inflated.data);
    }
    if (bytes.trimmed().isEmpty()) {
        result.error = tr("the file is empty");
        return result;
    }
    const std::string_view view(bytes.constData(), size_t(bytes.size()));
    switch (firstNonSpace(bytes)) {
    case '[':
        result.format = Format::ZipkinJson;
        result.decoded = ZipkinDecoder::decode(view);
        break;
    case '{': {
        // One JSON document, or several on their own lines.
        const qsizetype firstLineEnd = bytes.trimmed().indexOf('\n');
        const bool severalDocuments = firstLineEnd > 0 &&
                                      firstNonSpace(bytes.trimmed().mid(firstLineEnd)) == '{' &&
                                      bytes.trimmed().at(firstLineEnd - 1) == '}';
        if (severalDocuments) {
            result.format = Format::OtlpJsonLines;
            result.decoded = decodeJsonLines(bytes);
        } else {
            result.format = Format::OtlpJson;
            result.decoded = OtlpJsonDecoder::decode(view);
        }
        break;
    }
    default:
        result.format = Format::OtlpProtobuf;
        result.decoded = OtlpProtoDecoder::decode(view);
        break;
    }
    if (!result.decoded.ok())
        result.error = tr("not a trace file Tracedeck can read as %1: %2")
                           .arg(formatName(result.format), QString::fromStdString(result.decoded.fatalError));
    return result;
}

QString TraceFileReader::formatName(Format format)
{
    switch (format) {
    case Format::OtlpJson:
        return QStringLiteral("OTLP JSON");
    case Format::OtlpJsonLines:
        return QStringLiteral("OTLP JSON Lines");
    case Format::OtlpProtobuf:
        return QStringLiteral("OTLP protobuf");
    case Format::ZipkinJson:
        return QStringLiteral("Zipkin v2 JSON");
    case Format::Unknown:
        break;
    }
    return tr("unknown format");
}

} // namespace tracedeck

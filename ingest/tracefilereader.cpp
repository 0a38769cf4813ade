#include "tracefilereader.h"

#include "chrometracedecoder.h"
#include "jaegerdecoder.h"
#include "jsonelementstream.h"
#include "langfusedecoder.h"
#include "otlpjsondecoder.h"
#include "otlpprotodecoder.h"
#include "seedtracedecoder.h"
#include "speedscopedecoder.h"
#include "tracefilesource.h"
#include "trackerdecoder.h"
#include "zipkindecoder.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>
#include <istream>
#include <set>

namespace tracedeck {

using nlohmann::json;

namespace {

constexpr size_t kHeadBytes = 1 << 20;
constexpr size_t kZipkinChunk = 5000;
constexpr size_t kZipkinMaxChunk = 100000;

QString tr(const char *text)
{
    return QCoreApplication::translate("TraceFileReader", text);
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

char firstNonSpace(std::string_view bytes)
{
    for (const char c : bytes)
        if (!isSpace(c))
            return c;
    return 0;
}

// The keys that tell formats apart: the root object's, or the first element's of a root array. Read from
// the start of the file with SAX, stopping after the first element; a document cut off by the end of the
// head is fine.
class KeyCollector {
public:
    std::set<std::string> keys;
    bool rootArray = false;

    bool null() { return true; }
    bool boolean(bool) { return true; }
    bool number_integer(json::number_integer_t) { return leaf(); }
    bool number_unsigned(json::number_unsigned_t) { return leaf(); }
    bool number_float(json::number_float_t, const std::string &) { return leaf(); }
    bool string(std::string &) { return leaf(); }
    bool binary(json::binary_t &) { return leaf(); }
    bool start_object(std::size_t) { return push(); }
    bool start_array(std::size_t)
    {
        if (m_depth == 0)
            rootArray = true;
        return push();
    }
    bool end_object() { return pop(); }
    bool end_array() { return pop(); }
    bool key(std::string &k)
    {
        if ((!rootArray && m_depth == 1) || (rootArray && m_depth == 2))
            keys.insert(k);
        return true;
    }
    bool parse_error(std::size_t, const std::string &, const nlohmann::detail::exception &) { return false; }

private:
    bool leaf() { return !(rootArray && m_depth == 1); } // a root array of scalars: nothing more to learn
    bool push()
    {
        ++m_depth;
        return true;
    }
    bool pop()
    {
        --m_depth;
        return !(rootArray && m_depth == 1); // the first element is done
    }
    int m_depth = 0;
};

bool has(const std::set<std::string> &keys, const char *key)
{
    return keys.count(key) > 0;
}

bool looksLikeJsonLines(std::string_view head)
{
    // One JSON document per line: the first line closes its object and another object follows.
    size_t begin = 0;
    while (begin < head.size() && isSpace(head[begin]))
        ++begin;
    const size_t end = head.find('\n', begin);
    if (end == std::string_view::npos)
        return false;
    size_t last = end;
    while (last > begin && isSpace(head[last - 1]))
        --last;
    if (last == begin || head[last - 1] != '}')
        return false;
    return firstNonSpace(head.substr(end)) == '{';
}

TraceFileReader::Format detect(std::string_view head)
{
    using Format = TraceFileReader::Format;
    const char first = firstNonSpace(head);
    if (first != '{' && first != '[') {
        // The length-prefixed form starts with a 4-byte big-endian length: a message under 16 MB starts
        // with a zero byte, which no ExportTraceServiceRequest does (field 1 is tagged 0x0a).
        return !head.empty() && head[0] == '\0' ? Format::OtlpProtobufDelimited : Format::OtlpProtobuf;
    }
    KeyCollector collector;
    json::sax_parse(head.begin(), head.end(), &collector, json::input_format_t::json, false);
    const auto &k = collector.keys;
    if (first == '[') {
        if (has(k, "ph"))
            return Format::ChromeTrace;
        if (has(k, "traceID") || has(k, "processes"))
            return Format::JaegerJson;
        if (has(k, "request_id") && has(k, "request_timestamp"))
            return Format::TrackerRecords;
        if (has(k, "spans") && (has(k, "trace_id") || has(k, "trace_type") || has(k, "id")))
            return Format::SeedTraces;
        return Format::ZipkinJson;
    }
    if (has(k, "resourceSpans") || has(k, "resource_spans"))
        return looksLikeJsonLines(head) ? Format::OtlpJsonLines : Format::OtlpJson;
    if (has(k, "traceEvents"))
        return Format::ChromeTrace;
    if (has(k, "profiles") && (has(k, "shared") || has(k, "$schema")))
        return Format::Speedscope;
    if (has(k, "observations") || has(k, "trace"))
        return Format::Langfuse;
    if (has(k, "data") || has(k, "traceID") || has(k, "processes"))
        return Format::JaegerJson;
    if (has(k, "traces") || (has(k, "spans") && (has(k, "trace_id") || has(k, "trace_type"))))
        return Format::SeedTraces;
    if (has(k, "request_id") && has(k, "request_timestamp"))
        return Format::TrackerRecords;
    return looksLikeJsonLines(head) ? Format::OtlpJsonLines : Format::OtlpJson;
}

class Reading {
public:
    Reading(TraceFileSource &source, const TraceFileReader::SpanSink &sink, qint64 maxWholeBytes)
        : m_source(source)
        , m_sink(sink)
        , m_maxWhole(maxWholeBytes)
        , m_in(&source)
    {}

    TraceFileReader::Summary run();

private:
    using Format = TraceFileReader::Format;

    std::string here() const
    {
        return "line " + std::to_string(m_source.line()) + ", byte " + std::to_string(m_source.offset());
    }
    void note(const std::string &message)
    {
        if (m_summary.errors.size() < DecodeResult::kMaxErrors)
            m_summary.errors.push_back(message);
    }
    // Takes what a decoder made of one piece; false when the sink asked to stop.
    bool deliver(DecodeResult &&part, const std::string &where)
    {
        const std::string prefix = where.empty() ? std::string() : where + ": ";
        m_summary.rejectedSpans += part.rejectedSpans;
        for (std::string &error : part.errors)
            note(prefix + error);
        if (!part.ok())
            note(prefix + part.fatalError);
        if (!part.ok() && m_firstFatal.empty())
            m_firstFatal = prefix + part.fatalError;
        if (part.spans.empty())
            return true;
        m_summary.decodedSpans += int64_t(part.spans.size());
        TraceFileReader::Progress progress{m_source.fileBytesRead(), m_source.fileSize()};
        if (!m_sink(std::move(part.spans), progress)) {
            m_summary.cancelled = true;
            return false;
        }
        return true;
    }
    bool deliverSeed(SeedDecodeResult &&seed, const std::string &where)
    {
        // The seed decoders name records, not spans: their rejections carry the messages.
        for (auto &rejection : seed.rejections)
            seed.decoded.errors.push_back(std::move(rejection.error));
        return deliver(std::move(seed.decoded), where);
    }
    // Reads the rest whole (formats that cannot be decoded piece by piece), up to the cap.
    bool readWhole(std::string &out)
    {
        m_source.limit(m_maxWhole, tr("the file holds more than %1 MB of %2, which is read whole: too large")
                                       .arg(m_maxWhole >> 20)
                                       .arg(TraceFileReader::formatName(m_summary.format)));
        return m_source.readRest(out);
    }
    void skipSpace()
    {
        while (true) {
            const auto c = m_in.rdbuf()->sgetc();
            if (c == std::char_traits<char>::eof() || !isSpace(char(c)))
                return;
            m_in.rdbuf()->sbumpc();
        }
    }
    // One JSON document from the stream, elements of `key` (or of the root array when key is empty)
    // handed to onElement. Fails on anything but white space after the document.
    bool streamDocument(const std::string &key, const JsonElementStream::ElementFn &onElement, json &document)
    {
        auto parsed = JsonElementStream::parse(m_in, key, onElement);
        if (parsed.stopped)
            return false;
        if (!parsed.ok) {
            m_stopReason = here() + ": " + parsed.error;
            return false;
        }
        skipSpace();
        if (m_in.rdbuf()->sgetc() != std::char_traits<char>::eof()) {
            m_stopReason = here() + ": more data after the end of the JSON document";
            return false;
        }
        document = std::move(parsed.document);
        return true;
    }

    void otlpJson();
    void otlpJsonLines();
    void protobuf();
    void protobufDelimited();
    void zipkin();
    void jaeger();
    void seedTraces();
    void tracker();
    template <typename Decode> void whole(Decode decode);

    TraceFileSource &m_source;
    const TraceFileReader::SpanSink &m_sink;
    qint64 m_maxWhole;
    std::istream m_in;
    TraceFileReader::Summary m_summary;
    std::string m_stopReason; // why reading stopped before the end
    std::string m_firstFatal; // the first piece that could not be decoded at all
};

void Reading::otlpJson()
{
    json document;
    streamDocument(
        "resourceSpans",
        [this](json &&element, size_t) {
            json request = {{"resourceSpans", json::array({std::move(element)})}};
            return deliver(OtlpJsonDecoder::decodeDocument(request),
                           "line " + std::to_string(m_source.line()));
        },
        document);
    if (!document.is_null() && !m_summary.cancelled)
        deliver(OtlpJsonDecoder::decodeDocument(document), {});
}

void Reading::otlpJsonLines()
{
    std::string text;
    int64_t lineNumber = 0;
    while (!m_summary.cancelled && std::getline(m_in, text)) {
        ++lineNumber;
        if (firstNonSpace(text) == 0)
            continue;
        const std::string where = "line " + std::to_string(lineNumber);
        auto parsed = JsonElementStream::parse(text, "resourceSpans", [&](json &&element, size_t) {
            json request = {{"resourceSpans", json::array({std::move(element)})}};
            return deliver(OtlpJsonDecoder::decodeDocument(request), where);
        });
        if (parsed.stopped)
            break;
        if (!parsed.ok) {
            DecodeResult bad;
            bad.fatalError = parsed.error;
            deliver(std::move(bad), where);
            continue;
        }
        deliver(OtlpJsonDecoder::decodeDocument(parsed.document), where);
    }
}

void Reading::protobuf()
{
    std::string bytes;
    if (!readWhole(bytes))
        return;
    deliver(OtlpProtoDecoder::decode(bytes), {});
}

void Reading::protobufDelimited()
{
    std::string message;
    for (int64_t index = 0; !m_summary.cancelled && !m_source.atEnd(); ++index) {
        const std::string where =
            "message " + std::to_string(index + 1) + " at byte " + std::to_string(m_source.offset());
        unsigned char prefix[4];
        if (!m_source.readExactly(reinterpret_cast<char *>(prefix), 4)) {
            m_stopReason = where + ": the 4-byte length prefix is cut short";
            return;
        }
        const uint64_t length = (uint64_t(prefix[0]) << 24) | (uint64_t(prefix[1]) << 16) |
                                (uint64_t(prefix[2]) << 8) | uint64_t(prefix[3]);
        if (qint64(length) > m_maxWhole) {
            m_stopReason = where + ": a length of " + std::to_string(length) + " bytes is more than the " +
                           std::to_string(m_maxWhole >> 20) + " MB a message may have";
            return;
        }
        message.resize(length);
        if (!m_source.readExactly(message.data(), length)) {
            m_stopReason =
                where + ": the message is cut short (" + std::to_string(length) + " bytes announced)";
            return;
        }
        if (!deliver(OtlpProtoDecoder::decode(message), where))
            return;
    }
}

void Reading::zipkin()
{
    json chunk = json::array();
    size_t firstIndex = 0;
    const auto flush = [&] {
        if (chunk.empty())
            return true;
        const bool more = deliver(ZipkinDecoder::decodeDocument(chunk, firstIndex), {});
        firstIndex += chunk.size();
        chunk = json::array();
        return more;
    };
    // Parts of one span (fragments, shared halves) are matched within a chunk, so a chunk ends where a
    // trace does once it is big, and at kZipkinMaxChunk spans at the latest.
    json document;
    std::string lastTrace;
    const bool read = streamDocument(
        {},
        [&](json &&element, size_t) {
            std::string trace = element.is_object() ? element.value("traceId", std::string()) : std::string();
            if ((chunk.size() >= kZipkinChunk && trace != lastTrace) || chunk.size() >= kZipkinMaxChunk) {
                if (!flush())
                    return false;
            }
            lastTrace = std::move(trace);
            chunk.push_back(std::move(element));
            return true;
        },
        document);
    if (!m_summary.cancelled)
        flush();
    if (read && !document.is_array())
        m_stopReason = "expected a JSON array of Zipkin v2 spans";
}

void Reading::jaeger()
{
    json document;
    const char first = firstNonSpace(m_source.peek(kHeadBytes));
    KeyCollector collector;
    const std::string_view head = m_source.peek(kHeadBytes);
    json::sax_parse(head.begin(), head.end(), &collector, json::input_format_t::json, false);
    if (first == '[' || has(collector.keys, "data")) {
        const std::string prefix = first == '[' ? "" : "data";
        streamDocument(
            first == '[' ? std::string() : std::string("data"),
            [&](json &&trace, size_t index) {
                DecodeResult part;
                JaegerDecoder::decodeTrace(trace, prefix + "[" + std::to_string(index) + "]", part);
                return deliver(std::move(part), {});
            },
            document);
        if (document.is_object() && !document["data"].is_array())
            m_stopReason = "data: expected an array of traces";
        return;
    }
    // A bare trace: its processes may come after its spans, so it is read whole.
    std::string bytes;
    if (readWhole(bytes))
        deliver(JaegerDecoder::decode(bytes), {});
}

void Reading::seedTraces()
{
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1000000;
    const char first = firstNonSpace(m_source.peek(kHeadBytes));
    KeyCollector collector;
    const std::string_view head = m_source.peek(kHeadBytes);
    json::sax_parse(head.begin(), head.end(), &collector, json::input_format_t::json, false);
    if (first == '[' || has(collector.keys, "traces")) {
        const std::string prefix = first == '[' ? "" : "traces";
        json document;
        streamDocument(
            first == '[' ? std::string() : std::string("traces"),
            [&](json &&trace, size_t index) {
                return deliverSeed(
                    SeedTraceDecoder::decode(trace.dump(), SeedTraceDecoder::Shape::Single, now),
                    prefix + "[" + std::to_string(index) + "]");
            },
            document);
        return;
    }
    std::string bytes;
    if (readWhole(bytes))
        deliverSeed(SeedTraceDecoder::decode(bytes, SeedTraceDecoder::Shape::Single, now), {});
}

void Reading::tracker()
{
    const auto kindOf = [](const json &record) {
        return record.is_object() && !record.contains("model") && !record.contains("provider")
                   ? TrackerDecoder::Kind::Rest
                   : TrackerDecoder::Kind::Llm;
    };
    json document;
    const bool read = streamDocument(
        {},
        [&](json &&record, size_t index) {
            return deliverSeed(TrackerDecoder::decode(record.dump(), kindOf(record)),
                               "[" + std::to_string(index) + "]");
        },
        document);
    if (read && document.is_object())
        deliverSeed(TrackerDecoder::decode(document.dump(), kindOf(document)), {});
}

template <typename Decode> void Reading::whole(Decode decode)
{
    std::string bytes;
    if (readWhole(bytes))
        deliver(decode(bytes), {});
}

TraceFileReader::Summary Reading::run()
{
    const std::string_view head = m_source.peek(kHeadBytes);
    if (std::all_of(head.begin(), head.end(), isSpace)) {
        m_summary.error = m_source.error().isEmpty() ? tr("the file is empty") : m_source.error();
        return m_summary;
    }
    m_summary.format = detect(head);
    switch (m_summary.format) {
    case Format::OtlpJson:
        otlpJson();
        break;
    case Format::OtlpJsonLines:
        otlpJsonLines();
        break;
    case Format::OtlpProtobuf:
        protobuf();
        break;
    case Format::OtlpProtobufDelimited:
        protobufDelimited();
        break;
    case Format::ZipkinJson:
        zipkin();
        break;
    case Format::JaegerJson:
        jaeger();
        break;
    case Format::ChromeTrace:
        whole([](const std::string &bytes) { return ChromeTraceDecoder::decode(bytes); });
        break;
    case Format::Speedscope:
        whole([](const std::string &bytes) { return SpeedscopeDecoder::decode(bytes); });
        break;
    case Format::Langfuse:
        whole([](const std::string &bytes) { return LangfuseDecoder::decode(bytes); });
        break;
    case Format::TrackerRecords:
        tracker();
        break;
    case Format::SeedTraces:
        seedTraces();
        break;
    case Format::Unknown:
        break;
    }
    if (m_summary.cancelled)
        return m_summary;
    // A broken gzip stream or a cap explains a parse error it caused.
    QString reason = !m_source.error().isEmpty() ? m_source.error() : QString::fromStdString(m_stopReason);
    if (reason.isEmpty() && m_summary.decodedSpans == 0 && !m_firstFatal.empty())
        reason = QString::fromStdString(m_firstFatal);
    if (reason.isEmpty())
        return m_summary;
    const QString format = TraceFileReader::formatName(m_summary.format);
    if (m_summary.decodedSpans == 0)
        m_summary.error = tr("not a trace file Tracedeck can read as %1: %2").arg(format, reason);
    else
        m_summary.error = tr("%1 cut short: %2; the %3 span(s) before it were kept")
                              .arg(format, reason)
                              .arg(m_summary.decodedSpans);
    return m_summary;
}

TraceFileReader::Result
collect(const std::function<TraceFileReader::Summary(const TraceFileReader::SpanSink &)> &read)
{
    TraceFileReader::Result result;
    const auto summary = read([&](SpanBatch &&spans, const TraceFileReader::Progress &) {
        for (Span &span : spans)
            result.decoded.spans.push_back(std::move(span));
        return true;
    });
    result.format = summary.format;
    result.error = summary.error;
    result.decoded.rejectedSpans = summary.rejectedSpans;
    result.decoded.errors = summary.errors;
    if (!summary.error.isEmpty())
        result.decoded.fatalError = summary.error.toStdString();
    return result;
}

} // namespace

TraceFileReader::Summary TraceFileReader::read(const QString &path, const SpanSink &sink,
                                               qint64 maxWholeBytes)
{
    TraceFileSource source;
    Summary summary;
    if (!source.openFile(path, &summary.error))
        return summary;
    summary = Reading(source, sink, maxWholeBytes).run();
    if (!summary.error.isEmpty())
        summary.error = path + QStringLiteral(": ") + summary.error;
    return summary;
}

TraceFileReader::Summary TraceFileReader::readBytes(const QByteArray &bytes, const SpanSink &sink,
                                                    qint64 maxWholeBytes)
{
    TraceFileSource source;
    source.openBytes(bytes);
    return Reading(source, sink, maxWholeBytes).run();
}

TraceFileReader::Result TraceFileReader::readFile(const QString &path, qint64 maxWholeBytes)
{
    return collect([&](const SpanSink &sink) { return read(path, sink, maxWholeBytes); });
}

TraceFileReader::Result TraceFileReader::decode(const QByteArray &bytes, qint64 maxWholeBytes)
{
    return collect([&](const SpanSink &sink) { return readBytes(bytes, sink, maxWholeBytes); });
}

bool TraceFileReader::isStreamed(Format format)
{
    switch (format) {
    case Format::OtlpJson:
    case Format::OtlpJsonLines:
    case Format::OtlpProtobufDelimited:
    case Format::ZipkinJson:
    case Format::JaegerJson: // {data: […]} and arrays of traces; a bare trace is read whole
    case Format::TrackerRecords:
    case Format::SeedTraces:
        return true;
    default:
        return false;
    }
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
    case Format::OtlpProtobufDelimited:
        return QStringLiteral("OTLP protobuf (length-prefixed)");
    case Format::ZipkinJson:
        return QStringLiteral("Zipkin v2 JSON");
    case Format::JaegerJson:
        return QStringLiteral("Jaeger JSON");
    case Format::ChromeTrace:
        return QStringLiteral("Chrome trace events");
    case Format::Speedscope:
        return QStringLiteral("speedscope profile");
    case Format::Langfuse:
        return QStringLiteral("Langfuse export");
    case Format::TrackerRecords:
        return QStringLiteral("tracker records");
    case Format::SeedTraces:
        return QStringLiteral("seed traces");
    case Format::Unknown:
        break;
    }
    return tr("unknown format");
}

} // namespace tracedeck

#include "traceexporter.h"

#include "jaegerjsonencoder.h"
#include "otlpjsonencoder.h"
#include "spancsvencoder.h"
#include "storereader.h"

#include <QIODevice>
#include <QSaveFile>

namespace tracedeck {

namespace {

constexpr int kPageSize = 500;

bool put(QIODevice &out, const std::string &text)
{
    return out.write(text.data(), qint64(text.size())) == qint64(text.size());
}

} // namespace

std::optional<TraceExporter::Format> TraceExporter::parseFormat(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("otlp") || n == QLatin1String("otlp-json") || n == QLatin1String("jsonl"))
        return Format::OtlpJson;
    if (n == QLatin1String("jaeger"))
        return Format::Jaeger;
    if (n == QLatin1String("csv"))
        return Format::Csv;
    return std::nullopt;
}

TraceExporter::Result TraceExporter::write(StoreReader &reader, const Request &request, QIODevice &out,
                                           const Progress &progress)
{
    Result result;
    const std::string &workspace = request.filter.workspace;
    bool firstTrace = true;
    const auto writeTrace = [&](const std::string &traceId) -> bool {
        std::string error;
        const std::vector<Span> spans = reader.spans(workspace, traceId, &error);
        if (!error.empty()) {
            result.error = QStringLiteral("reading trace %1: %2")
                               .arg(QString::fromStdString(traceId), QString::fromStdString(error));
            return false;
        }
        if (spans.empty()) {
            result.missing.push_back(traceId);
            return true;
        }
        std::string text;
        switch (request.format) {
        case Format::OtlpJson:
            text = OtlpJsonEncoder::encode(spans).dump() + '\n';
            break;
        case Format::Jaeger:
            text = (firstTrace ? "" : ",\n") + JaegerJsonEncoder::encodeTrace(spans).dump();
            break;
        case Format::Csv:
            for (const Span &span : spans)
                text += SpanCsvEncoder::row(span);
            break;
        }
        if (!put(out, text)) {
            result.error = QStringLiteral("writing: %1").arg(out.errorString());
            return false;
        }
        firstTrace = false;
        ++result.traces;
        result.spans += int64_t(spans.size());
        if (progress && !progress(result.traces, result.spans)) {
            result.error = QStringLiteral("cancelled");
            return false;
        }
        return true;
    };

    const std::string opening = request.format == Format::Jaeger ? std::string("{\"data\":[\n")
                                : request.format == Format::Csv  ? SpanCsvEncoder::header()
                                                                 : std::string();
    if (!put(out, opening)) {
        result.error = QStringLiteral("writing: %1").arg(out.errorString());
        return result;
    }
    if (!request.traceIds.empty()) {
        for (const std::string &id : request.traceIds)
            if (!writeTrace(id))
                return result;
    } else {
        const TraceSort oldestFirst{TraceColumn::Start, false};
        std::optional<TraceCursor> cursor;
        for (;;) {
            std::string error;
            const std::vector<TraceSummary> page =
                reader.traces(request.filter, oldestFirst, cursor, kPageSize, &error);
            if (!error.empty()) {
                result.error = QStringLiteral("listing traces: %1").arg(QString::fromStdString(error));
                return result;
            }
            for (const TraceSummary &trace : page)
                if (!writeTrace(trace.traceId))
                    return result;
            if (int(page.size()) < kPageSize)
                break;
            cursor = TraceCursor{page.back().sortKey, page.back().traceId, false};
        }
    }
    if (request.format == Format::Jaeger && !put(out, "\n],\"total\":" + std::to_string(result.traces) +
                                                          ",\"limit\":0,\"offset\":0,\"errors\":null}\n"))
        result.error = QStringLiteral("writing: %1").arg(out.errorString());
    return result;
}

TraceExporter::Result TraceExporter::writeFile(StoreReader &reader, const Request &request,
                                               const QString &path, const Progress &progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        Result result;
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return result;
    }
    Result result = write(reader, request, file, progress);
    if (!result.ok())
        file.cancelWriting();
    else if (!file.commit())
        result.error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return result;
}

} // namespace tracedeck

// bench_import: imports a generated OTLP JSON Lines file (LLM spans of ~1 KB, 10 per line/trace, as the
// Collector's file exporter writes) and prints, in one run:
//   - the raw parse rate of the same file with nlohmann/json alone (DOM parse per line, no store),
//   - the reader alone (TraceFileReader streaming + decoding, spans discarded),
//   - the real `tracedeck import --db` child process: MB/s, spans/s and its peak RSS (ru_maxrss),
// and the ratio of the import rate to the raw parse rate. Prints figures; asserts nothing.
//
//   bench_import [--mb N (default 1024)] [--dir DIR] [--gzip] [--keep]

#include "tracefilereader.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>
#include <zlib.h>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace tracedeck;
using nlohmann::json;

namespace {

long selfPeakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

std::string hex(uint64_t value, int width)
{
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%0*llx", width, static_cast<unsigned long long>(value));
    return buffer;
}

// One line: one ExportTraceServiceRequest with one trace of 10 LLM spans (~1 KB each).
std::string line(uint64_t trace)
{
    static const std::string prompt =
        "Summarize the following support ticket and suggest the next action for the agent. The customer "
        "reports that exports time out after 30 seconds when the trace holds more than ten thousand spans "
        "and asks whether streaming import is available in the desktop build.";
    json spans = json::array();
    const uint64_t base = 1700000000000000000ull + trace * 1000000000ull;
    for (int i = 0; i < 10; ++i) {
        json attributes = json::array({
            {{"key", "gen_ai.provider.name"}, {"value", {{"stringValue", "openai"}}}},
            {{"key", "gen_ai.request.model"}, {"value", {{"stringValue", "gpt-4o-mini"}}}},
            {{"key", "gen_ai.usage.input_tokens"}, {"value", {{"intValue", std::to_string(100 + i)}}}},
            {{"key", "gen_ai.usage.output_tokens"}, {"value", {{"intValue", "42"}}}},
            {{"key", "gen_ai.input.messages"},
             {"value",
              {{"stringValue",
                json::array(
                    {{{"role", "user"}, {"parts", json::array({{{"type", "text"}, {"content", prompt}}})}}})
                    .dump()}}}},
            {{"key", "gen_ai.output.messages"},
             {"value",
              {{"stringValue",
                "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Escalate "
                "to the import team.\"}],\"finish_reason\":\"stop\"}]"}}}},
        });
        json span = {{"traceId", hex(trace + 1, 32)},
                     {"spanId", hex(trace * 16 + uint64_t(i) + 1, 16)},
                     {"name", i == 0 ? "agent run" : "chat gpt-4o-mini"},
                     {"kind", i == 0 ? 1 : 3},
                     {"startTimeUnixNano", std::to_string(base + uint64_t(i) * 1000000)},
                     {"endTimeUnixNano", std::to_string(base + uint64_t(i) * 1000000 + 800000)},
                     {"attributes", attributes}};
        if (i > 0)
            span["parentSpanId"] = hex(trace * 16 + 1, 16);
        spans.push_back(std::move(span));
    }
    json request = {
        {"resourceSpans",
         json::array({{{"resource",
                        {{"attributes", json::array({{{"key", "service.name"},
                                                      {"value", {{"stringValue", "bench-agent"}}}}})}}},
                       {"scopeSpans", json::array({{{"scope", {{"name", "bench"}}}, {"spans", spans}}})}}})}};
    return request.dump() + '\n';
}

double seconds(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e9;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 megabytes = 1024;
    QString dirPath;
    bool zipped = false, keep = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QStringLiteral("--mb") && i + 1 < args.size())
            megabytes = args[++i].toLongLong();
        else if (args[i] == QStringLiteral("--dir") && i + 1 < args.size())
            dirPath = args[++i];
        else if (args[i] == QStringLiteral("--gzip"))
            zipped = true;
        else if (args[i] == QStringLiteral("--keep"))
            keep = true;
    }
    QTemporaryDir temp(dirPath.isEmpty() ? QDir::tempPath() + QStringLiteral("/bench_import-XXXXXX")
                                         : dirPath + QStringLiteral("/bench_import-XXXXXX"));
    temp.setAutoRemove(!keep);
    const QString path =
        temp.filePath(zipped ? QStringLiteral("spans.jsonl.gz") : QStringLiteral("spans.jsonl"));
    const QString db = temp.filePath(QStringLiteral("bench.db"));

    // Generate.
    QElapsedTimer timer;
    timer.start();
    qint64 plainBytes = 0, spans = 0;
    {
        std::ofstream plain;
        gzFile gz = nullptr;
        if (zipped)
            gz = gzopen(path.toLocal8Bit().constData(), "wb1");
        else
            plain.open(path.toStdString(), std::ios::binary);
        for (uint64_t trace = 0; plainBytes < megabytes << 20; ++trace) {
            const std::string text = line(trace);
            if (gz)
                gzwrite(gz, text.data(), unsigned(text.size()));
            else
                plain.write(text.data(), std::streamsize(text.size()));
            plainBytes += qint64(text.size());
            spans += 10;
        }
        if (gz)
            gzclose(gz);
    }
    const qint64 fileBytes = QFileInfo(path).size();
    const double mb = double(plainBytes) / (1 << 20);
    std::printf("bench_import: %s, %.0f MB of OTLP JSON Lines (%.0f MB on disk), %lld spans of ~%lld bytes, "
                "generated in %.1f s\n",
                qPrintable(path), mb, double(fileBytes) / (1 << 20), static_cast<long long>(spans),
                static_cast<long long>(plainBytes / spans), seconds(timer));
    std::fflush(stdout);

    // 1. nlohmann/json alone: DOM parse per line.
    double rawMbps = 0;
    if (!zipped) {
        timer.restart();
        std::ifstream in(path.toStdString(), std::ios::binary);
        std::string text;
        size_t parsed = 0;
        while (std::getline(in, text))
            parsed += json::parse(text).size();
        const double s = seconds(timer);
        rawMbps = mb / s;
        std::printf("  nlohmann/json alone (DOM per line): %.1f s, %.1f MB/s (%zu documents)\n", s, rawMbps,
                    parsed);
        std::fflush(stdout);
    }

    // 2. The reader alone: streamed, decoded, spans dropped.
    timer.restart();
    int64_t decoded = 0;
    const auto summary =
        TraceFileReader::read(path, [&](SpanBatch &&batch, const TraceFileReader::Progress &) {
            decoded += int64_t(batch.size());
            return true;
        });
    double s = seconds(timer);
    std::printf("  TraceFileReader (stream + decode, no store): %.1f s, %.1f MB/s, %.0f spans/s, %lld spans, "
                "peak RSS of this process so far %.0f MB%s\n",
                s, mb / s, double(decoded) / s, static_cast<long long>(decoded),
                double(selfPeakRssKb()) / 1024,
                summary.error.isEmpty() ? "" : qPrintable(QStringLiteral(" ERROR ") + summary.error));
    std::fflush(stdout);

    // 3. The real command: tracedeck import --db.
    timer.restart();
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QStringLiteral(TRACEDECK_BINARY),
                {QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("--db"), db, path});
    child.waitForFinished(-1);
    s = seconds(timer);
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    const QString out = QString::fromUtf8(child.readAllStandardOutput()).trimmed();
    const double importMbps = mb / s;
    const double cpu = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                       double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    std::printf(
        "  tracedeck import (normalize, redact, store): %.1f s, %.1f MB/s, %.0f spans/s, peak RSS %.0f MB, "
        "exit %d, db %.0f MB\n    %s\n",
        s, importMbps, double(spans) / s, double(usage.ru_maxrss) / 1024, child.exitCode(),
        double(QFileInfo(db).size()) / (1 << 20), qPrintable(out.split(QLatin1Char('\n')).last()));
    std::printf("    child CPU time %.1f s (user+sys): %.0f spans per CPU-second\n", cpu,
                double(spans) / cpu);
    if (rawMbps > 0)
        std::printf("  import / raw parse: %.2f\n", importMbps / rawMbps);
    // Other work on the machine inflates every figure: say how loaded it was.
    double load[3] = {0, 0, 0};
    if (getloadavg(load, 3) == 3)
        std::printf("  load average during the run: %.2f (1 min), %.2f (5 min)\n", load[0], load[1]);
    return 0;
}

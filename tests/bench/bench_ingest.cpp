// bench_ingest: end-to-end ingest over loopback into a fresh database, against the real `tracedeck
// --headless` child process, next to the raw SQLite ceiling measured in the same run. Prints figures; asserts
// nothing.
//
//   bench_ingest [--spans N] [--rss-spans N] [--skip-rss] [--ceiling-only]

#include "database.h"
#include "encodedspan.h"
#include "loadclient.h"
#include "normalizer.h"
#include "otlpprotodecoder.h"
#include "schema.h"
#include "spanids.h"
#include "spaninserter.h"
#include "walcheckpointer.h"

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

using namespace tracedeck;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kSpansPerBatch = 512;
constexpr int kConnections = 2;
const std::string kTraceMarkerBytes = "\xab\xcd\xef\x01\x23\x45\x67\x89\x9a\xbc\xde\xf0\x13\x57\x9b\xdf";
const std::string kTraceMarkerHex = "abcdef0123456789 9abcdef013579bdf";

std::string markerHex()
{
    std::string hex = kTraceMarkerHex;
    hex.erase(std::remove(hex.begin(), hex.end(), ' '), hex.end());
    return hex;
}

// Deterministic filler text of about `bytes` characters, different for every seed.
std::string prose(uint32_t seed, size_t bytes)
{
    static const char *words[] = {"the",     "agent",  "calls",  "a",       "tool",    "to",      "find",
                                  "weather", "in",     "Paris",  "returns", "sunny",   "summary", "of",
                                  "results", "budget", "tokens", "latency", "request", "answer"};
    std::string text;
    uint32_t x = seed * 2654435761u + 1;
    while (text.size() < bytes) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        text += words[x % (sizeof words / sizeof *words)];
        text += ' ';
    }
    text.resize(bytes);
    return text;
}

struct SpanShape {
    std::string spanId; // raw 8 bytes
    std::string parent; // raw 8 bytes or empty
    std::string name;
    int64_t start;
    int64_t end;
    std::string inputMessages;
    std::string outputMessages;
};

std::vector<SpanShape> batchShape()
{
    std::vector<SpanShape> spans;
    for (int i = 0; i < kSpansPerBatch; ++i) {
        SpanShape s;
        s.spanId = std::string(6, '\0') + char((i + 1) >> 8) + char((i + 1) & 0xff);
        if (i > 0)
            s.parent = std::string(7, '\0') + char(1);
        s.name = i == 0 ? "invoke_agent planner" : "chat gpt-4o";
        s.start = 1'700'000'000'000'000'000 + int64_t(i) * 1'000'000;
        s.end = s.start + 800'000;
        s.inputMessages =
            nlohmann::json::array(
                {{{"role", "system"}, {"parts", {{{"type", "text"}, {"content", prose(i, 120)}}}}},
                 {{"role", "user"}, {"parts", {{{"type", "text"}, {"content", prose(i + 7, 480)}}}}}})
                .dump();
        s.outputMessages =
            nlohmann::json::array({{{"role", "assistant"},
                                    {"parts", {{{"type", "text"}, {"content", prose(i + 13, 300)}}}},
                                    {"finish_reason", "stop"}}})
                .dump();
        spans.push_back(std::move(s));
    }
    return spans;
}

std::string protobufTemplate(const std::vector<SpanShape> &shape)
{
    opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest request;
    auto *resourceSpans = request.add_resource_spans();
    auto *service = resourceSpans->mutable_resource()->add_attributes();
    service->set_key("service.name");
    service->mutable_value()->set_string_value("bench-agent");
    auto *scope = resourceSpans->add_scope_spans();
    scope->mutable_scope()->set_name("bench");
    for (const SpanShape &s : shape) {
        auto *span = scope->add_spans();
        span->set_trace_id(kTraceMarkerBytes);
        span->set_span_id(s.spanId);
        span->set_parent_span_id(s.parent);
        span->set_name(s.name);
        span->set_kind(opentelemetry::proto::trace::v1::Span::SPAN_KIND_CLIENT);
        span->set_start_time_unix_nano(uint64_t(s.start));
        span->set_end_time_unix_nano(uint64_t(s.end));
        auto add = [span](const char *key) {
            auto *kv = span->add_attributes();
            kv->set_key(key);
            return kv->mutable_value();
        };
        add("gen_ai.operation.name")->set_string_value("chat");
        add("gen_ai.provider.name")->set_string_value("openai");
        add("gen_ai.request.model")->set_string_value("gpt-4o");
        add("gen_ai.response.model")->set_string_value("gpt-4o-2024-08-06");
        add("gen_ai.usage.input_tokens")->set_int_value(1200);
        add("gen_ai.usage.output_tokens")->set_int_value(300);
        add("gen_ai.request.temperature")->set_double_value(0.2);
        add("gen_ai.input.messages")->set_string_value(s.inputMessages);
        add("gen_ai.output.messages")->set_string_value(s.outputMessages);
        add("session.id")->set_string_value("session-42");
    }
    return request.SerializeAsString();
}

std::string jsonTemplate(const std::vector<SpanShape> &shape)
{
    const std::string trace = markerHex();
    nlohmann::json spans = nlohmann::json::array();
    const auto hex = [](const std::string &raw) { return spanids::toHex(raw); };
    for (const SpanShape &s : shape) {
        auto str = [](const char *key, const std::string &value) {
            return nlohmann::json{{"key", key}, {"value", {{"stringValue", value}}}};
        };
        auto num = [](const char *key, int64_t value) {
            return nlohmann::json{{"key", key}, {"value", {{"intValue", std::to_string(value)}}}};
        };
        nlohmann::json span = {
            {"traceId", trace},
            {"spanId", hex(s.spanId)},
            {"name", s.name},
            {"kind", 3},
            {"startTimeUnixNano", std::to_string(s.start)},
            {"endTimeUnixNano", std::to_string(s.end)},
            {"attributes",
             {str("gen_ai.operation.name", "chat"), str("gen_ai.provider.name", "openai"),
              str("gen_ai.request.model", "gpt-4o"), str("gen_ai.response.model", "gpt-4o-2024-08-06"),
              num("gen_ai.usage.input_tokens", 1200), num("gen_ai.usage.output_tokens", 300),
              nlohmann::json{{"key", "gen_ai.request.temperature"}, {"value", {{"doubleValue", 0.2}}}},
              str("gen_ai.input.messages", s.inputMessages), str("gen_ai.output.messages", s.outputMessages),
              str("session.id", "session-42")}}};
        if (!s.parent.empty())
            span["parentSpanId"] = hex(s.parent);
        spans.push_back(std::move(span));
    }
    const nlohmann::json request = {
        {"resourceSpans",
         {{{"resource",
            {{"attributes", {{{"key", "service.name"}, {"value", {{"stringValue", "bench-agent"}}}}}}}},
           {"scopeSpans", {{{"scope", {{"name", "bench"}}}, {"spans", spans}}}}}}}};
    return request.dump();
}

// A request body for batch number `batch`: the template with its trace id replaced and its timestamps moved
// batch seconds later, so every batch is a new trace of new spans that happened after the last one, as from a
// live service (no upsert short-cuts, indexes by time filled in time order).
class BodyFactory {
public:
    BodyFactory(std::string templ, const std::string &traceMarker, bool text,
                const std::vector<int64_t> &timestamps)
        : m_template(std::move(templ))
        , m_text(text)
    {
        for (size_t at = m_template.find(traceMarker); at != std::string::npos;
             at = m_template.find(traceMarker, at + 1))
            m_traceOffsets.push_back(at);
        for (int64_t value : timestamps) {
            const std::string encoded = encode(value);
            for (size_t at = m_template.find(encoded); at != std::string::npos;
                 at = m_template.find(encoded, at + 1))
                m_times.push_back({at, value});
        }
    }
    size_t traceMarkers() const { return m_traceOffsets.size(); }
    size_t timestamps() const { return m_times.size(); }
    size_t size() const { return m_template.size(); }
    std::string make(uint32_t run, uint64_t batch) const
    {
        std::string id(16, '\0');
        for (int i = 0; i < 4; ++i)
            id[size_t(i)] = char(run >> (24 - 8 * i));
        for (int i = 0; i < 8; ++i)
            id[size_t(8 + i)] = char(batch >> (56 - 8 * i));
        id[4] = 1; // never all zero
        if (m_text)
            id = spanids::toHex(id);
        std::string body = m_template;
        for (size_t at : m_traceOffsets)
            body.replace(at, id.size(), id);
        for (const auto &[at, value] : m_times) {
            const std::string moved = encode(value + int64_t(batch) * 1'000'000'000);
            body.replace(at, moved.size(), moved);
        }
        return body;
    }

private:
    // Decimal in OTLP JSON; little-endian fixed64 in protobuf. Same length before and after the move.
    std::string encode(int64_t value) const
    {
        if (m_text)
            return std::to_string(value);
        std::string bytes(8, '\0');
        for (int i = 0; i < 8; ++i)
            bytes[size_t(i)] = char(uint64_t(value) >> (8 * i));
        return bytes;
    }

    std::string m_template;
    bool m_text;
    std::vector<size_t> m_traceOffsets;
    std::vector<std::pair<size_t, int64_t>> m_times;
};

class Server {
public:
    explicit Server(const QString &dbPath)
    {
        m_process.setProgram(QStringLiteral(TRACEDECK_BINARY));
        m_process.setArguments({QStringLiteral("--headless"), QStringLiteral("--listen"),
                                QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), dbPath});
        m_process.start();
        static const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QString err;
        while (m_process.waitForReadyRead(30000) || m_process.state() == QProcess::Running) {
            err += QString::fromUtf8(m_process.readAllStandardError());
            const auto match = listening.match(err);
            if (match.hasMatch()) {
                m_port = uint16_t(match.captured(1).toUInt());
                return;
            }
        }
        std::fprintf(stderr, "bench: tracedeck did not start: %s\n", qPrintable(err));
    }
    ~Server() { stop(); }
    uint16_t port() const { return m_port; }
    // Peak resident set of the server so far (VmHWM), in MiB.
    double peakRssMiB() const
    {
        QFile status(QStringLiteral("/proc/%1/status").arg(m_process.processId()));
        if (!status.open(QIODevice::ReadOnly))
            return -1;
        for (const QByteArray &line : status.readAll().split('\n'))
            if (line.startsWith("VmHWM:"))
                return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
        return -1;
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        ::kill(pid_t(m_process.processId()), SIGTERM);
        m_process.waitForFinished(120000);
    }

private:
    QProcess m_process;
    uint16_t m_port = 0;
};

struct RunResult {
    double spansPerSecond = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    int failures = 0;
    double peakRssMiB = 0;
};

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

// Sends `batches` requests over kConnections connections. targetSpansPerSecond > 0 paces the clients;
// 0 sends as fast as the server answers.
RunResult runLoad(const QString &dbPath, const BodyFactory &bodies, const std::string &contentType,
                  uint32_t run, int batches, double targetSpansPerSecond)
{
    Server server(dbPath);
    RunResult result;
    if (!server.port())
        return result;
    std::atomic<int> next{0};
    std::mutex latencyMutex;
    std::vector<double> latencies;
    std::atomic<int> failures{0};
    const auto start = Clock::now();
    const auto interval = targetSpansPerSecond > 0
                              ? std::chrono::duration<double>(kSpansPerBatch / targetSpansPerSecond)
                              : std::chrono::duration<double>(0);
    std::vector<std::thread> clients;
    for (int c = 0; c < kConnections; ++c) {
        clients.emplace_back([&] {
            LoadClient client(server.port());
            std::vector<double> mine;
            for (int batch = next++; batch < batches; batch = next++) {
                const std::string body = bodies.make(run, uint64_t(batch));
                if (interval.count() > 0)
                    std::this_thread::sleep_until(
                        start + std::chrono::duration_cast<Clock::duration>(interval * batch));
                const auto sent = Clock::now();
                const int status = client.post("/v1/traces", contentType, body);
                mine.push_back(std::chrono::duration<double, std::milli>(Clock::now() - sent).count());
                if (status != 200)
                    ++failures;
            }
            std::lock_guard lock(latencyMutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
        });
    }
    for (auto &t : clients)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    result.spansPerSecond = double(batches) * kSpansPerBatch / seconds;
    result.p50Ms = percentile(latencies, 0.50);
    result.p99Ms = percentile(latencies, 0.99);
    result.failures = failures;
    result.peakRssMiB = server.peakRssMiB();
    return result;
}

// The same rows straight into SQLite: prepared upserts, 512 per transaction, same schema, indexes and
// per-trace summaries and WAL checkpointing, JSON columns already serialized — only the database work is
// timed.
double sqliteCeiling(const QString &dbPath, const std::string &protobufTemplateBytes, int batches)
{
    DecodeResult decoded = OtlpProtoDecoder::decode(protobufTemplateBytes);
    Normalizer normalizer;
    for (Span &span : decoded.spans)
        normalizer.normalize(span);
    const EncodedBatch templ = encodeBatch(std::move(decoded.spans));
    std::vector<EncodedBatch> rows(size_t(batches), templ);
    for (int b = 0; b < batches; ++b) {
        char trace[33];
        std::snprintf(trace, sizeof trace, "%032x", 0x5000000 + b); // same id length as the ingest runs
        for (EncodedSpan &row : rows[size_t(b)]) {
            row.span.traceId = trace;
            row.span.startNs += int64_t(b) * 1'000'000'000; // batches follow each other in time, as ingested
            row.span.endNs += int64_t(b) * 1'000'000'000;
        }
    }
    std::string error;
    auto db = Database::open(dbPath.toStdString(), Database::Mode::ReadWrite, &error);
    if (!db || !Schema::migrate(*db, &error)) {
        std::fprintf(stderr, "bench: %s\n", error.c_str());
        return 0;
    }
    SpanInserter inserter(*db);
    const auto checkpointer = WalCheckpointer::start(dbPath.toStdString(), *db, &error); // as the store does
    if (!inserter.prepare(&error) || !checkpointer)
        return 0;
    int64_t seq = 0;
    WriteStats stats;
    const auto start = Clock::now();
    for (const EncodedBatch &batch : rows) {
        db->exec("BEGIN");
        if (!inserter.write(batch, 0, seq, &stats, &error))
            std::fprintf(stderr, "bench: %s\n", error.c_str());
        db->exec("COMMIT");
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return double(stats.inserted) / seconds;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int spans = 204800;
    int rssSpans = 1024 * 1024;
    bool skipRss = false;
    bool ceilingOnly = false;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--spans") && i + 1 < args.size())
            spans = args[++i].toInt();
        else if (args[i] == QLatin1String("--rss-spans") && i + 1 < args.size())
            rssSpans = args[++i].toInt();
        else if (args[i] == QLatin1String("--skip-rss"))
            skipRss = true;
        else if (args[i] == QLatin1String("--ceiling-only"))
            ceilingOnly = true;
    }
    const int batches = std::max(1, spans / kSpansPerBatch);
    QTemporaryDir dir;
    if (qEnvironmentVariableIsSet("BENCH_KEEP_FILES"))
        dir.setAutoRemove(false); // leave the databases for inspection; the path is printed
    const auto shape = batchShape();
    std::vector<int64_t> times;
    for (const SpanShape &span : shape) {
        times.push_back(span.start);
        times.push_back(span.end);
    }
    const BodyFactory protobuf(protobufTemplate(shape), kTraceMarkerBytes, false, times);
    const BodyFactory json(jsonTemplate(shape), markerHex(), true, times);
    std::printf("bench_ingest: %d batches x %d spans, %d connections, %u cores, files in %s\n", batches,
                kSpansPerBatch, kConnections, std::thread::hardware_concurrency(), qPrintable(dir.path()));
    std::printf("  request body: protobuf %.0f KiB, JSON %.0f KiB (%.0f / %.0f bytes per span)\n",
                double(protobuf.size()) / 1024, double(json.size()) / 1024,
                double(protobuf.size()) / kSpansPerBatch, double(json.size()) / kSpansPerBatch);
    if (protobuf.traceMarkers() != kSpansPerBatch || json.traceMarkers() != kSpansPerBatch ||
        protobuf.timestamps() != 2 * kSpansPerBatch || json.timestamps() != 2 * kSpansPerBatch) {
        std::fprintf(stderr, "bench: template markers not found exactly once each\n");
        return 1;
    }

    const double ceiling =
        sqliteCeiling(dir.filePath(QStringLiteral("ceiling.db")), protobufTemplate(shape), batches);
    std::printf("  raw SQLite ceiling (prepared upserts, 512/txn, same schema): %9.0f spans/s\n", ceiling);
    if (ceilingOnly)
        return 0;

    const RunResult proto =
        runLoad(dir.filePath(QStringLiteral("proto.db")), protobuf, "application/x-protobuf", 1, batches, 0);
    std::printf("  OTLP protobuf, peak:  %9.0f spans/s  ratio to ceiling %.2f  ack p50 %.1f ms p99 %.1f ms  "
                "failures %d  server peak RSS %.0f MiB\n",
                proto.spansPerSecond, ceiling > 0 ? proto.spansPerSecond / ceiling : 0.0, proto.p50Ms,
                proto.p99Ms, proto.failures, proto.peakRssMiB);
    const RunResult js =
        runLoad(dir.filePath(QStringLiteral("json.db")), json, "application/json", 2, batches, 0);
    std::printf("  OTLP JSON, peak:      %9.0f spans/s  ratio to ceiling %.2f  ack p50 %.1f ms p99 %.1f ms  "
                "failures %d  server peak RSS %.0f MiB\n",
                js.spansPerSecond, ceiling > 0 ? js.spansPerSecond / ceiling : 0.0, js.p50Ms, js.p99Ms,
                js.failures, js.peakRssMiB);
    const double halfRate = proto.spansPerSecond / 2;
    const RunResult paced = runLoad(dir.filePath(QStringLiteral("paced.db")), protobuf,
                                    "application/x-protobuf", 3, batches, halfRate);
    std::printf(
        "  OTLP protobuf at half peak (%.0f spans/s offered): %9.0f spans/s  ack p50 %.1f ms p99 %.1f ms  "
        "failures %d\n",
        halfRate, paced.spansPerSecond, paced.p50Ms, paced.p99Ms, paced.failures);
    if (!skipRss) {
        const int rssBatches = std::max(1, rssSpans / kSpansPerBatch);
        const RunResult big = runLoad(dir.filePath(QStringLiteral("rss.db")), protobuf,
                                      "application/x-protobuf", 4, rssBatches, 0);
        std::printf("  OTLP protobuf, %d spans: %9.0f spans/s  failures %d  server peak RSS %.0f MiB\n",
                    rssBatches * kSpansPerBatch, big.spansPerSecond, big.failures, big.peakRssMiB);
    }
    return 0;
}

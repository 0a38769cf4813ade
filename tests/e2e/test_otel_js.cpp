// End-to-end: the real OpenTelemetry JS exporters (otel-client.mjs, versions pinned in package.json) send one
// agent trace each to a running `tracedeck --headless`; the test then reads the SQLite store through the
// models library and checks that every span arrived exactly once and as the exporter sent it.
//
// What is asserted per wire format:
// - OTLP/HTTP JSON and protobuf: ids, parent ids, names, kinds (OTLP numbers 1..5), nanosecond times, status
//   and message, attributes with their JSON types (int -> integer, double -> real, bool -> true/false,
//   string[] -> array), events with their attributes, resource and scope.
// - Zipkin v2 JSON: the same ids (Zipkin hex, lowercase, zero-padded to 32/16 digits), names and service.
//   Kinds: SERVER -> 2, CLIENT -> 3, PRODUCER -> 4, CONSUMER -> 5, and INTERNAL -> 0 (unspecified), because
//   Zipkin has no internal kind: the exporter leaves `kind` out, and the OpenTelemetry Collector's Zipkin
//   receiver reads that back as unspecified too. Every tag is a string, as the exporter wrote it with
//   JavaScript's String() (arrays as "a,b"); the resource attributes arrive as tags too, and an error status
//   as the tags otel.status_code=ERROR and error=<message>, which Tracedeck turns into status 2 with that
//   message. Zipkin carries microseconds: start and event times must be within 1 us of the nanoseconds sent,
//   end times within 2 us; annotations keep only the event name.
// - All: the extracted columns of the LLM call (provider, response model, tokens, computed cost) and of the
//   HTTP server root, and the per-trace summary row.

#include "../httpclient.h"
#include "database.h"

#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <sqlite3.h>

#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

using namespace tracedeck;

namespace {

constexpr int kStartTimeoutMs = 30'000;
constexpr int kClientTimeoutMs = 120'000;
constexpr int kNpmTimeoutMs = 300'000;
constexpr int kStopTimeoutMs = 30'000;
constexpr qint64 kSpansPerTrace = 4;
constexpr qint64 kZipkinStartToleranceNs = 1'000;
constexpr qint64 kZipkinEndToleranceNs = 2'000;

const QString kE2eDir = QStringLiteral(TRACEDECK_E2E_DIR);

enum class Wire { OtlpJson, OtlpProto, Zipkin };

// How one exporter's requests look on the wire and how Tracedeck labels what it stored from them.
struct WireExpectation {
    Wire wire = Wire::OtlpJson;
    QString path;
    QString contentType;
    QString contentEncoding;
    int httpStatus = 0;
    QString source;
};

WireExpectation expectationFor(const QString &exporter)
{
    const QString traces = QStringLiteral("/v1/traces");
    const QString json = QStringLiteral("application/json");
    const QString protobuf = QStringLiteral("application/x-protobuf");
    if (exporter == QLatin1String("otlp-http"))
        return {Wire::OtlpJson, traces, json, {}, 200, QStringLiteral("otlp-json")};
    if (exporter == QLatin1String("otlp-http-gzip"))
        return {Wire::OtlpJson, traces, json, QStringLiteral("gzip"), 200, QStringLiteral("otlp-json")};
    if (exporter == QLatin1String("otlp-proto"))
        return {Wire::OtlpProto, traces, protobuf, {}, 200, QStringLiteral("otlp-proto")};
    return {Wire::Zipkin, QStringLiteral("/api/v2/spans"), json, {}, 202, QStringLiteral("zipkin")};
}

// "application/json; charset=utf-8" → "application/json"
QString mediaType(const QString &contentType)
{
    return contentType.section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

// Zipkin ids are 1-32 (trace) or 1-16 (span) hex digits; Tracedeck stores them lowercase, zero-padded.
QString zipkinId(const QString &hex, int width)
{
    return hex.toLower().rightJustified(width, QLatin1Char('0'));
}

// JavaScript's Math.round for the non-negative values used here (halves go up).
qint64 jsRound(double value)
{
    return qint64(std::floor(value + 0.5));
}

// JavaScript's String(number) for the finite values the client sends (no exponent forms).
QString jsNumberString(double value)
{
    if (value == std::trunc(value) && std::fabs(value) < 9.0e15)
        return QString::number(qint64(value));
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// JavaScript's String(value) for an attribute value: what the Zipkin exporter writes as a tag.
QString jsString(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return jsNumberString(value.toDouble());
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue &item : value.toArray())
            parts << (item.isNull() ? QString() : jsString(item));
        return parts.join(QLatin1Char(','));
    }
    default:
        return {};
    }
}

QString compactJson(const QJsonValue &value)
{
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return value.toString();
}

// An attribute as "<SQLite JSON type>:<value>", comparable between what was sent and what is stored.
QString typedValue(const QString &type, const QString &value)
{
    return type + QLatin1Char(':') + value;
}

// What an OTLP exporter makes of a JavaScript attribute value, in SQLite JSON terms: integral numbers become
// intValue (stored as a JSON integer), others doubleValue (real).
QString expectedOtlpValue(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return typedValue(value.toBool() ? QStringLiteral("true") : QStringLiteral("false"), {});
    case QJsonValue::Double: {
        const double d = value.toDouble();
        if (d == std::trunc(d) && std::fabs(d) < 9.0e15)
            return typedValue(QStringLiteral("integer"), QString::number(qint64(d)));
        return typedValue(QStringLiteral("real"), QString::number(d, 'g', 17));
    }
    case QJsonValue::String:
        return typedValue(QStringLiteral("text"), value.toString());
    case QJsonValue::Array:
        return typedValue(QStringLiteral("array"), compactJson(value));
    default:
        return typedValue(QStringLiteral("unexpected"), compactJson(value));
    }
}

QString expectedZipkinValue(const QJsonValue &value)
{
    return typedValue(QStringLiteral("text"), jsString(value));
}

// One statement over the read-only store, stepped row by row.
class Query {
public:
    Query(Database &db, const char *sql)
        : m_stmt(db.prepare(sql, &m_error))
    {}

    bool prepared() const { return bool(m_stmt); }
    QString error() const { return QString::fromStdString(m_error); }

    Query &bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt.get(), index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }

    // True while there is a row; afterwards failed() tells an error from the end of the rows.
    bool next()
    {
        m_rc = sqlite3_step(m_stmt.get());
        return m_rc == SQLITE_ROW;
    }
    bool failed() const { return m_rc != SQLITE_ROW && m_rc != SQLITE_DONE; }
    QString stepError() const { return QString::fromUtf8(sqlite3_errstr(m_rc)); }

    bool isNull(int column) const { return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL; }
    qint64 integer(int column) const { return sqlite3_column_int64(m_stmt.get(), column); }
    double real(int column) const { return sqlite3_column_double(m_stmt.get(), column); }
    QString text(int column) const
    {
        const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt.get(), column));
        return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt.get(), column));
    }
    // A nullable text column as "(null)" or the text, for comparisons that must tell the two apart.
    QString nullableText(int column) const
    {
        return isNull(column) ? QStringLiteral("(null)") : text(column);
    }

private:
    std::string m_error;
    Statement m_stmt;
    int m_rc = SQLITE_OK;
};

// Rows of json_each over a JSON object column, as key → typedValue().
QHash<QString, QString> storedObject(Database &db, const char *sql, const QString &traceId,
                                     const QString &spanId, QString *error)
{
    QHash<QString, QString> values;
    Query query(db, sql);
    if (!query.prepared()) {
        *error = query.error();
        return values;
    }
    query.bind(1, traceId).bind(2, spanId);
    while (query.next()) {
        const QString type = query.text(1);
        QString value;
        if (type == QLatin1String("integer"))
            value = QString::number(query.integer(2));
        else if (type == QLatin1String("real"))
            value = QString::number(query.real(2), 'g', 17);
        else if (type == QLatin1String("text"))
            value = query.text(2);
        else if (type == QLatin1String("array") || type == QLatin1String("object")) {
            const QJsonDocument document = QJsonDocument::fromJson(query.text(2).toUtf8());
            value = document.isArray() ? compactJson(document.array()) : compactJson(document.object());
        }
        values.insert(query.text(0), typedValue(type, value));
    }
    if (query.failed())
        *error = query.stepError();
    return values;
}

QJsonObject parseObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).object();
}

} // namespace

class TestOtelJs : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void allExportersSend();
    void storedExactly_data();
    void storedExactly();
    void gzipCompressedOtlpJsonArrivesIntact();
    void stopsCleanlyOnSigterm();

private:
    void ensureNodeModules();
    void startTracedeck();
    // Runs otel-client.mjs for the given exporters (all three when empty) and keeps its reports; returns the
    // client's exit code, or -1 when it did not finish.
    int runClient(const QStringList &exporters, QString *clientStderr);
    void verifyStored(const QJsonObject &report);
    void verifyRequests(const QJsonObject &report, const WireExpectation &expect);
    void verifySpan(Database &db, const QJsonObject &report, const QJsonObject &sent,
                    const WireExpectation &expect);
    void verifyAttributes(Database &db, const QJsonObject &report, const QJsonObject &sent,
                          const QString &traceId, const QString &spanId, const WireExpectation &expect);
    void verifyEvents(Database &db, const QJsonObject &sent, const QString &traceId, const QString &spanId,
                      const WireExpectation &expect);
    void verifyExtracted(Database &db, const QJsonObject &report, const QString &traceId,
                         const QHash<QString, QString> &spanIdByName);
    std::unique_ptr<Database> openStore();

    QTemporaryDir m_dir;
    QString m_node;
    QString m_databasePath;
    QString m_runId;
    QProcess m_tracedeck;
    QByteArray m_tracedeckStderr;
    quint16 m_port = 0;
    QHash<QString, QJsonObject> m_reports; // by exporter name
};

void TestOtelJs::initTestCase()
{
    m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
    if (m_node.isEmpty())
        QSKIP("node is not on PATH: the OpenTelemetry JS end-to-end test needs Node.js 20 or later");
    QVERIFY2(m_dir.isValid(), qPrintable(m_dir.errorString()));
    m_databasePath = m_dir.filePath(QStringLiteral("e2e.db"));
    m_runId = QUuid::createUuid().toString(QUuid::Id128).left(12);

    ensureNodeModules();
    if (QTest::currentTestFailed())
        return;
    startTracedeck();
}

void TestOtelJs::cleanupTestCase()
{
    if (m_tracedeck.state() != QProcess::NotRunning) {
        m_tracedeck.kill();
        m_tracedeck.waitForFinished(kStopTimeoutMs);
    }
}

// The test command runs `npm ci` first; this covers running the test binary on its own.
void TestOtelJs::ensureNodeModules()
{
    if (QFileInfo(kE2eDir + QStringLiteral("/node_modules/@opentelemetry")).isDir())
        return;
    const QString npm = QStandardPaths::findExecutable(QStringLiteral("npm"));
    QVERIFY2(!npm.isEmpty(), "node_modules is missing in tests/e2e and npm is not on PATH to install it");
    QProcess install;
    install.setWorkingDirectory(kE2eDir);
    install.start(npm, {QStringLiteral("ci"), QStringLiteral("--no-audit"), QStringLiteral("--no-fund")});
    QVERIFY2(install.waitForStarted(), qPrintable(install.errorString()));
    if (!install.waitForFinished(kNpmTimeoutMs)) {
        install.kill();
        install.waitForFinished();
        QFAIL(qPrintable(QStringLiteral("npm ci in %1 did not finish within %2 s:\n%3")
                             .arg(kE2eDir)
                             .arg(kNpmTimeoutMs / 1000)
                             .arg(QString::fromLocal8Bit(install.readAllStandardError()))));
    }
    QVERIFY2(install.exitStatus() == QProcess::NormalExit && install.exitCode() == 0,
             qPrintable(QStringLiteral("npm ci in %1 failed (exit %2):\n%3")
                            .arg(kE2eDir)
                            .arg(install.exitCode())
                            .arg(QString::fromLocal8Bit(install.readAllStandardError()))));
}

void TestOtelJs::startTracedeck()
{
    connect(&m_tracedeck, &QProcess::readyReadStandardError, this,
            [this] { m_tracedeckStderr += m_tracedeck.readAllStandardError(); });
    QSignalSpy stderrSpy(&m_tracedeck, &QProcess::readyReadStandardError);
    m_tracedeck.setProcessChannelMode(QProcess::SeparateChannels);
    m_tracedeck.start(QStringLiteral(TRACEDECK_BINARY),
                      {QStringLiteral("--headless"), QStringLiteral("--listen"),
                       QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), m_databasePath});
    QVERIFY2(m_tracedeck.waitForStarted(kStartTimeoutMs), qPrintable(m_tracedeck.errorString()));

    static const QRegularExpression listening(
        QStringLiteral(R"(tracedeck: listening on http://127\.0\.0\.1:(\d+) )"));
    QTRY_VERIFY2_WITH_TIMEOUT(listening.match(QString::fromUtf8(m_tracedeckStderr)).hasMatch() ||
                                  m_tracedeck.state() == QProcess::NotRunning,
                              "tracedeck printed nothing on stderr", kStartTimeoutMs);
    QVERIFY(stderrSpy.count() > 0);
    const QRegularExpressionMatch match = listening.match(QString::fromUtf8(m_tracedeckStderr));
    QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("tracedeck did not start listening:\n") +
                                          QString::fromUtf8(m_tracedeckStderr)));
    m_port = quint16(match.captured(1).toUInt());
    QVERIFY(m_port != 0);

    const HttpResponse health = HttpClient(m_port).get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    const QJsonObject status = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(status.value(QLatin1String("listen")).toString(), QStringLiteral("127.0.0.1:%1").arg(m_port));
    QCOMPARE(status.value(QLatin1String("storedSpans")).toInteger(-1), 0);
}

std::unique_ptr<Database> TestOtelJs::openStore()
{
    std::string error;
    auto db = Database::open(m_databasePath.toStdString(), Database::Mode::ReadOnly, &error);
    if (!db)
        qWarning("cannot open %s read-only: %s", qPrintable(m_databasePath), error.c_str());
    return db;
}

int TestOtelJs::runClient(const QStringList &exporters, QString *clientStderr)
{
    QProcess client;
    client.setWorkingDirectory(kE2eDir);
    client.start(m_node, QStringList{kE2eDir + QStringLiteral("/otel-client.mjs"),
                                     QStringLiteral("http://127.0.0.1:%1").arg(m_port), m_runId} +
                             exporters);
    if (!client.waitForStarted(kStartTimeoutMs)) {
        *clientStderr = client.errorString();
        return -1;
    }
    if (!client.waitForFinished(kClientTimeoutMs)) {
        client.kill();
        client.waitForFinished();
        *clientStderr = QStringLiteral("timed out after %1 s\n").arg(kClientTimeoutMs / 1000) +
                        QString::fromUtf8(client.readAllStandardError());
        return -1;
    }
    *clientStderr = QString::fromUtf8(client.readAllStandardError());
    const QList<QByteArray> lines = client.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument report = QJsonDocument::fromJson(line, &parseError);
        if (!report.isObject()) {
            *clientStderr += QStringLiteral("\nunreadable report line (%1): %2")
                                 .arg(parseError.errorString(), QString::fromUtf8(line.left(200)));
            continue;
        }
        m_reports.insert(report.object().value(QLatin1String("exporter")).toString(), report.object());
    }
    return client.exitStatus() == QProcess::NormalExit ? client.exitCode() : -1;
}

void TestOtelJs::allExportersSend()
{
    QString clientStderr;
    const int exitCode = runClient({}, &clientStderr);
    for (const char *exporter : {"otlp-http", "otlp-proto", "zipkin"})
        QVERIFY2(m_reports.contains(QLatin1String(exporter)),
                 qPrintable(QStringLiteral("no report from the %1 exporter; client stderr:\n%2")
                                .arg(QLatin1String(exporter), clientStderr)));
    QVERIFY2(
        exitCode == 0,
        qPrintable(QStringLiteral("otel-client.mjs exited with %1:\n%2").arg(exitCode).arg(clientStderr)));
}

void TestOtelJs::storedExactly_data()
{
    QTest::addColumn<QString>("exporter");
    QTest::newRow("otlp-http (JSON)") << QStringLiteral("otlp-http");
    QTest::newRow("otlp-proto") << QStringLiteral("otlp-proto");
    QTest::newRow("zipkin") << QStringLiteral("zipkin");
}

void TestOtelJs::storedExactly()
{
    QFETCH(QString, exporter);
    QVERIFY2(m_reports.contains(exporter),
             "the client sent no report for this exporter (see allExportersSend)");
    verifyStored(m_reports.value(exporter));
}

void TestOtelJs::gzipCompressedOtlpJsonArrivesIntact()
{
    QString clientStderr;
    const int exitCode = runClient({QStringLiteral("otlp-http-gzip")}, &clientStderr);
    QVERIFY2(m_reports.contains(QStringLiteral("otlp-http-gzip")), qPrintable(clientStderr));
    QVERIFY2(
        exitCode == 0,
        qPrintable(QStringLiteral("otel-client.mjs exited with %1:\n%2").arg(exitCode).arg(clientStderr)));
    verifyStored(m_reports.value(QStringLiteral("otlp-http-gzip")));
}

void TestOtelJs::stopsCleanlyOnSigterm()
{
    QVERIFY(m_tracedeck.state() == QProcess::Running);
    qint64 storedSpans = -1;
    {
        auto db = openStore();
        QVERIFY(db);
        std::string error;
        storedSpans = db->queryInt("SELECT count(*) FROM spans", &error);
        QVERIFY2(error.empty(), error.c_str());
    }
    const HttpResponse health = HttpClient(m_port).get(QStringLiteral("/health"));
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(QLatin1String("storedSpans")).toInteger(-1),
             storedSpans);

    QSignalSpy finished(&m_tracedeck, &QProcess::finished);
    m_tracedeck.terminate();
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kStopTimeoutMs);
    m_tracedeckStderr += m_tracedeck.readAllStandardError();
    const QString log = QString::fromUtf8(m_tracedeckStderr);
    QCOMPARE(m_tracedeck.exitStatus(), QProcess::NormalExit);
    QVERIFY2(m_tracedeck.exitCode() == 0, qPrintable(log));
    static const QRegularExpression stopped(QStringLiteral(R"(tracedeck: stopped; (\d+) spans stored)"));
    const QRegularExpressionMatch match = stopped.match(log);
    QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("no \"stopped\" line on stderr:\n") + log));
    QCOMPARE(match.captured(1).toLongLong(), storedSpans);
}

void TestOtelJs::verifyStored(const QJsonObject &report)
{
    const QString exporter = report.value(QLatin1String("exporter")).toString();
    const WireExpectation expect = expectationFor(exporter);
    QStringList errors;
    for (const QJsonValue &error : report.value(QLatin1String("errors")).toArray())
        errors << error.toString();
    QVERIFY2(errors.isEmpty(), qPrintable(QStringLiteral("the %1 export failed:\n").arg(exporter) +
                                          errors.join(QLatin1Char('\n'))));

    verifyRequests(report, expect);
    if (QTest::currentTestFailed())
        return;

    const QString service = report.value(QLatin1String("service")).toString();
    QCOMPARE(service, QStringLiteral("e2e-%1-%2").arg(exporter, m_runId));
    const QString sentTraceId = report.value(QLatin1String("traceId")).toString();
    QCOMPARE(sentTraceId.size(), 32);
    const QString traceId = expect.wire == Wire::Zipkin ? zipkinId(sentTraceId, 32) : sentTraceId;
    const QJsonArray spans = report.value(QLatin1String("spans")).toArray();
    QCOMPARE(spans.size(), qsizetype(kSpansPerTrace));

    auto db = openStore();
    QVERIFY(db);
    {
        // Every span once: no loss, no duplicate, nothing stored under another trace for this service.
        Query count(
            *db,
            "SELECT count(*), count(DISTINCT span_id), sum(service = ?2) FROM spans WHERE trace_id = ?1");
        QVERIFY2(count.prepared(), qPrintable(count.error()));
        count.bind(1, traceId).bind(2, service);
        QVERIFY(count.next());
        QCOMPARE(count.integer(0), kSpansPerTrace);
        QCOMPARE(count.integer(1), kSpansPerTrace);
        QCOMPARE(count.integer(2), kSpansPerTrace);
        Query byService(*db, "SELECT count(*) FROM spans WHERE service = ?1");
        byService.bind(1, service);
        QVERIFY(byService.next());
        QCOMPARE(byService.integer(0), kSpansPerTrace);
    }

    QHash<QString, QString> spanIdByName;
    for (const QJsonValue &span : spans) {
        const QJsonObject sent = span.toObject();
        spanIdByName.insert(sent.value(QLatin1String("name")).toString(),
                            sent.value(QLatin1String("spanId")).toString());
        verifySpan(*db, report, sent, expect);
        if (QTest::currentTestFailed())
            return;
    }
    verifyExtracted(*db, report, traceId, spanIdByName);
}

void TestOtelJs::verifyRequests(const QJsonObject &report, const WireExpectation &expect)
{
    const QJsonArray requests = report.value(QLatin1String("requests")).toArray();
    QVERIFY2(!requests.isEmpty(), "the exporter made no HTTP request");
    for (const QJsonValue &value : requests) {
        const QJsonObject request = value.toObject();
        QCOMPARE(request.value(QLatin1String("method")).toString(), QStringLiteral("POST"));
        QCOMPARE(request.value(QLatin1String("path")).toString(), expect.path);
        QCOMPARE(mediaType(request.value(QLatin1String("contentType")).toString()), expect.contentType);
        QCOMPARE(request.value(QLatin1String("contentEncoding")).toString(), expect.contentEncoding);
        QCOMPARE(request.value(QLatin1String("status")).toInt(), expect.httpStatus);
        if (expect.wire == Wire::OtlpProto)
            continue; // a binary ExportTraceServiceResponse; the span counts below tell a partial rejection
        // A 2xx can still report rejected spans: OTLP in partialSuccess, Tracedeck's Zipkin route at the top.
        const QString answer = request.value(QLatin1String("answer")).toString();
        const QJsonObject body = QJsonDocument::fromJson(answer.toUtf8()).object();
        const QJsonObject rejection = body.contains(QLatin1String("partialSuccess"))
                                          ? body.value(QLatin1String("partialSuccess")).toObject()
                                          : body;
        QVERIFY2(rejection.value(QLatin1String("rejectedSpans")).toVariant().toLongLong() == 0,
                 qPrintable(QStringLiteral("Tracedeck rejected spans from the %1 exporter: %2")
                                .arg(report.value(QLatin1String("exporter")).toString(), answer)));
    }
}

void TestOtelJs::verifySpan(Database &db, const QJsonObject &report, const QJsonObject &sent,
                            const WireExpectation &expect)
{
    const bool zipkin = expect.wire == Wire::Zipkin;
    const QString name = sent.value(QLatin1String("name")).toString();
    const QString sentSpanId = sent.value(QLatin1String("spanId")).toString();
    const QString sentParentId = sent.value(QLatin1String("parentSpanId")).toString();
    const QString traceId = zipkin ? zipkinId(report.value(QLatin1String("traceId")).toString(), 32)
                                   : report.value(QLatin1String("traceId")).toString();
    const QString spanId = zipkin ? zipkinId(sentSpanId, 16) : sentSpanId;
    const QString parentId = sentParentId.isEmpty() ? QStringLiteral("(null)")
                                                    : (zipkin ? zipkinId(sentParentId, 16) : sentParentId);
    const QString service = report.value(QLatin1String("service")).toString();
    const int sentKind = sent.value(QLatin1String("kind")).toInt();
    // Zipkin has no INTERNAL kind: the exporter omits it and the span is read back as unspecified (0).
    const int kind = zipkin && sentKind == 1 ? 0 : sentKind;
    const int sentStatus = sent.value(QLatin1String("status")).toInt();
    const QString sentMessage = sent.value(QLatin1String("statusMessage")).toString();
    // Over Zipkin only an error status (the "error" tag) comes back; ours sends no OK status.
    const int status = zipkin && sentStatus != 2 ? 0 : sentStatus;
    const QString statusMessage =
        status == 2 && !sentMessage.isEmpty() ? sentMessage : QStringLiteral("(null)");
    const qint64 sentStart = sent.value(QLatin1String("startNs")).toString().toLongLong();
    const qint64 sentEnd = sent.value(QLatin1String("endNs")).toString().toLongLong();
    QVERIFY(sentStart > 0 && sentEnd >= sentStart);
    const QString where = QStringLiteral("%1 span \"%2\" (%3)").arg(expect.source, name, spanId);

    Query row(db,
              "SELECT parent_span_id, name, kind, service, start_ns, end_ns, status, status_message, source, "
              "resource, scope FROM spans WHERE trace_id = ?1 AND span_id = ?2");
    QVERIFY2(row.prepared(), qPrintable(row.error()));
    row.bind(1, traceId).bind(2, spanId);
    QVERIFY2(row.next(), qPrintable(QStringLiteral("not stored: ") + where));
    QCOMPARE(row.nullableText(0), parentId);
    QCOMPARE(row.text(1), name);
    QVERIFY2(row.integer(2) == kind,
             qPrintable(QStringLiteral("%1: kind %2, expected %3").arg(where).arg(row.integer(2)).arg(kind)));
    QCOMPARE(row.text(3), service);
    if (zipkin) {
        // Zipkin carries microseconds: the start goes as fractional µs, the duration rounded to whole µs.
        const qint64 expectedEnd = sentStart + jsRound(double(sentEnd - sentStart) / 1000.0) * 1000;
        QVERIFY2(
            std::llabs(row.integer(4) - sentStart) <= kZipkinStartToleranceNs,
            qPrintable(
                QStringLiteral("%1: start_ns %2, sent %3").arg(where).arg(row.integer(4)).arg(sentStart)));
        QVERIFY2(
            std::llabs(row.integer(5) - expectedEnd) <= kZipkinEndToleranceNs,
            qPrintable(QStringLiteral("%1: end_ns %2, sent %3").arg(where).arg(row.integer(5)).arg(sentEnd)));
    } else {
        QCOMPARE(row.integer(4), sentStart);
        QCOMPARE(row.integer(5), sentEnd);
    }
    QVERIFY2(
        row.integer(6) == status,
        qPrintable(QStringLiteral("%1: status %2, expected %3").arg(where).arg(row.integer(6)).arg(status)));
    QCOMPARE(row.nullableText(7), statusMessage);
    QCOMPARE(row.text(8), expect.source);

    const QJsonObject resource = parseObject(row.text(9));
    if (zipkin) {
        // Zipkin's localEndpoint carries only the service name; the other resource attributes come as tags.
        const QJsonObject onlyService{{QStringLiteral("service.name"), service}};
        QCOMPARE(resource, onlyService);
    } else {
        QCOMPARE(resource, report.value(QLatin1String("resource")).toObject());
        const QJsonObject scope = parseObject(row.text(10));
        QCOMPARE(scope.value(QLatin1String("name")).toString(), QStringLiteral("tracedeck-e2e"));
        QCOMPARE(scope.value(QLatin1String("version")).toString(), QStringLiteral("0.1.0"));
    }
    QVERIFY(!row.next());

    verifyAttributes(db, report, sent, traceId, spanId, expect);
    if (QTest::currentTestFailed())
        return;
    verifyEvents(db, sent, traceId, spanId, expect);
}

void TestOtelJs::verifyAttributes(Database &db, const QJsonObject &report, const QJsonObject &sent,
                                  const QString &traceId, const QString &spanId,
                                  const WireExpectation &expect)
{
    const bool zipkin = expect.wire == Wire::Zipkin;
    QHash<QString, QString> expected;
    const QJsonObject attributes = sent.value(QLatin1String("attributes")).toObject();
    for (auto it = attributes.begin(); it != attributes.end(); ++it)
        expected.insert(it.key(), zipkin ? expectedZipkinValue(it.value()) : expectedOtlpValue(it.value()));
    if (zipkin) {
        // The Zipkin exporter adds the resource attributes and the status as tags.
        const QJsonObject resource = report.value(QLatin1String("resource")).toObject();
        for (auto it = resource.begin(); it != resource.end(); ++it)
            expected.insert(it.key(), expectedZipkinValue(it.value()));
        const int status = sent.value(QLatin1String("status")).toInt();
        const QString message = sent.value(QLatin1String("statusMessage")).toString();
        if (status != 0)
            expected.insert(QStringLiteral("otel.status_code"),
                            typedValue(QStringLiteral("text"),
                                       status == 2 ? QStringLiteral("ERROR") : QStringLiteral("OK")));
        if (status == 2 && !message.isEmpty())
            expected.insert(QStringLiteral("error"), typedValue(QStringLiteral("text"), message));
    }

    QString error;
    const QHash<QString, QString> stored =
        storedObject(db,
                     "SELECT a.key, a.type, a.value FROM spans s, json_each(s.attributes) a "
                     "WHERE s.trace_id = ?1 AND s.span_id = ?2",
                     traceId, spanId, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const QString where =
        QStringLiteral("%1 span \"%2\"").arg(expect.source, sent.value(QLatin1String("name")).toString());
    QSet<QString> keys(expected.keyBegin(), expected.keyEnd());
    keys.unite(QSet<QString>(stored.keyBegin(), stored.keyEnd()));
    for (const QString &key : std::as_const(keys)) {
        const QString got = stored.value(key, QStringLiteral("(missing)"));
        const QString want = expected.value(key, QStringLiteral("(not sent)"));
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1 attribute %2: stored %3, expected %4")
                                             .arg(where, key, got.left(300), want.left(300))));
    }
}

void TestOtelJs::verifyEvents(Database &db, const QJsonObject &sent, const QString &traceId,
                              const QString &spanId, const WireExpectation &expect)
{
    const bool zipkin = expect.wire == Wire::Zipkin;
    const QJsonArray events = sent.value(QLatin1String("events")).toArray();
    const QString where =
        QStringLiteral("%1 span \"%2\"").arg(expect.source, sent.value(QLatin1String("name")).toString());
    Query rows(db, "SELECT json_extract(e.value, '$.name'), json_extract(e.value, '$.timeNs'), "
                   "json_extract(e.value, '$.attributes') FROM spans s, json_each(s.events) e "
                   "WHERE s.trace_id = ?1 AND s.span_id = ?2 ORDER BY e.key");
    QVERIFY2(rows.prepared(), qPrintable(rows.error()));
    rows.bind(1, traceId).bind(2, spanId);
    qsizetype index = 0;
    for (; rows.next(); ++index) {
        QVERIFY2(index < events.size(), qPrintable(where + QStringLiteral(": more events stored than sent")));
        const QJsonObject event = events.at(index).toObject();
        QCOMPARE(rows.text(0), event.value(QLatin1String("name")).toString());
        const qint64 sentTime = event.value(QLatin1String("timeNs")).toString().toLongLong();
        const QJsonObject storedAttributes = parseObject(rows.text(2));
        if (zipkin) {
            // An annotation is a rounded microsecond timestamp and the event name; its attributes are lost.
            QVERIFY2(std::llabs(rows.integer(1) - sentTime) <= kZipkinStartToleranceNs,
                     qPrintable(QStringLiteral("%1 event %2: timeNs %3, sent %4")
                                    .arg(where)
                                    .arg(index)
                                    .arg(rows.integer(1))
                                    .arg(sentTime)));
            QCOMPARE(storedAttributes, QJsonObject());
        } else {
            QCOMPARE(rows.integer(1), sentTime);
            QCOMPARE(storedAttributes, event.value(QLatin1String("attributes")).toObject());
        }
    }
    QVERIFY2(!rows.failed(), qPrintable(rows.stepError()));
    QVERIFY2(
        index == events.size(),
        qPrintable(QStringLiteral("%1: %2 events stored, %3 sent").arg(where).arg(index).arg(events.size())));
}

void TestOtelJs::verifyExtracted(Database &db, const QJsonObject &report, const QString &traceId,
                                 const QHash<QString, QString> &spanIdByName)
{
    const bool zipkin = report.value(QLatin1String("exporter")).toString() == QLatin1String("zipkin");
    const auto storedId = [&](const char *name) {
        const QString id = spanIdByName.value(QLatin1String(name));
        return zipkin ? zipkinId(id, 16) : id;
    };
    {
        // The LLM call: GenAI attributes → provider, response model, tokens; cost from the pricing table.
        Query llm(db, "SELECT provider, model, input_tokens, output_tokens, cost_usd, cost_source FROM spans "
                      "WHERE trace_id = ?1 AND span_id = ?2");
        QVERIFY2(llm.prepared(), qPrintable(llm.error()));
        llm.bind(1, traceId).bind(2, storedId("chat gpt-4o"));
        QVERIFY(llm.next());
        QCOMPARE(llm.nullableText(0), QStringLiteral("openai"));
        QCOMPARE(llm.nullableText(1), QStringLiteral("gpt-4o-2024-08-06"));
        QVERIFY2(!llm.isNull(2) && llm.integer(2) == 1200,
                 qPrintable(QStringLiteral("input_tokens %1, expected 1200").arg(llm.nullableText(2))));
        QVERIFY2(!llm.isNull(3) && llm.integer(3) == 300,
                 qPrintable(QStringLiteral("output_tokens %1, expected 300").arg(llm.nullableText(3))));
        QVERIFY2(!llm.isNull(4) && llm.real(4) > 0,
                 "cost_usd should be computed from resources/pricing.json");
        QCOMPARE(llm.integer(5), qint64(2)); // CostSource::Computed
    }
    {
        // The HTTP server root.
        Query root(db, "SELECT http_method, status_code FROM spans WHERE trace_id = ?1 AND span_id = ?2");
        QVERIFY2(root.prepared(), qPrintable(root.error()));
        root.bind(1, traceId).bind(2, storedId("POST /chat"));
        QVERIFY(root.next());
        QCOMPARE(root.nullableText(0), QStringLiteral("POST"));
        QVERIFY2(!root.isNull(1) && root.integer(1) == 200,
                 qPrintable(QStringLiteral("status_code %1, expected 200").arg(root.nullableText(1))));
    }
    {
        // The per-trace summary the trace list reads.
        Query summary(db,
                      "SELECT span_count, error_count, root_name, root_service, input_tokens, output_tokens, "
                      "cost_usd FROM traces WHERE trace_id = ?1");
        QVERIFY2(summary.prepared(), qPrintable(summary.error()));
        summary.bind(1, traceId);
        QVERIFY2(summary.next(), "no row in traces for this trace");
        QCOMPARE(summary.integer(0), kSpansPerTrace);
        QCOMPARE(summary.integer(1), qint64(1));
        QCOMPARE(summary.nullableText(2), QStringLiteral("POST /chat"));
        QCOMPARE(summary.nullableText(3), report.value(QLatin1String("service")).toString());
        QCOMPARE(summary.integer(4), qint64(1200));
        QCOMPARE(summary.integer(5), qint64(300));
        QVERIFY(!summary.isNull(6) && summary.real(6) > 0);
    }
}

QTEST_GUILESS_MAIN(TestOtelJs)

#include "test_otel_js.moc"

// Workspaces and API keys over real HTTP on loopback: binding of requests to workspaces, 401s on every route,
// revocation from another connection, required keys, isolation of every GET endpoint, redaction per
// workspace.
#include "database.h"
#include "httpclient.h"
#include "ingestlistener.h"
#include "keystore.h"
#include "spanwriter.h"

#include "google/rpc/status.pb.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <set>

using namespace tracedeck;
using json = nlohmann::json;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

const QByteArray kSharedTrace = "0af7651916cd43dd8448eb211c80319c";
const QByteArray kSharedSpan = "b7ad6b7169203331";

QByteArray otlpBody(const std::string &w)
{
    const std::string messages =
        json::array({{{"role", "user"},
                      {"parts", {{{"type", "text"}, {"content", "secretword" + w + " shared words"}}}}}})
            .dump();
    const auto attr = [](const std::string &key, const json &value) {
        return json{{"key", key}, {"value", value}};
    };
    const json span = {
        {"traceId", kSharedTrace.toStdString()},
        {"spanId", kSharedSpan.toStdString()},
        {"name", "op-" + w},
        {"startTimeUnixNano", "1700000000000000000"},
        {"endTimeUnixNano", "1700000000500000000"},
        {"status", {{"code", 2}}},
        {"attributes",
         {attr("user.id", {{"stringValue", "user-" + w}}), attr("session.id", {{"stringValue", "sess-" + w}}),
          attr("gen_ai.request.model", {{"stringValue", "model-" + w}}),
          attr("http.response.status_code", {{"intValue", "503"}}),
          attr("gen_ai.input.messages", {{"stringValue", messages}}),
          attr("contact", {{"stringValue", "write to jane.doe@example.com"}})}}};
    const json request = {
        {"resourceSpans",
         {{{"resource", {{"attributes", {attr("service.name", {{"stringValue", "svc-" + w}})}}}},
           {"scopeSpans", {{{"spans", {span}}}}}}}}};
    return QByteArray::fromStdString(request.dump());
}

QByteArray trackerBody(const std::string &w, const std::string &requestId = "req-shared")
{
    return QByteArray::fromStdString(json{
        {"request_id", requestId},
        {"user_id", "tracker-" + w},
        {"request_timestamp", "2024-05-01T12:00:00.000Z"},
        {"response_timestamp", "2024-05-01T12:00:00.250Z"},
        {"service", "gw-" + w},
        {"method", "GET"},
        {"url", "https://example.com/" + w},
        {"status_code", 200}}.dump());
}

json parse(const HttpResponse &response)
{
    return json::parse(response.body.toStdString(), nullptr, false);
}

Headers bearer(const std::string &key)
{
    return {{"Authorization", "Bearer " + QByteArray::fromStdString(key)}};
}

} // namespace

class TestTenancy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_dbPath = m_dir.filePath(QStringLiteral("tenancy.db")).toStdString();
        std::string error;
        m_writer = SpanWriter::open(m_dbPath, &error);
        QVERIFY2(m_writer, error.c_str());
        m_keys = KeyStore::open(m_dbPath, &error);
        QVERIFY2(m_keys, error.c_str());
        m_keyA = createKey("team-a");
        m_keyB = createKey("team-b");
        const std::string revoked = createKey("team-a");
        m_revokedKey = revoked;
        QVERIFY(m_keys->revoke(revoked.substr(0, size_t(KeyStore::kPrefixLength)), &error));
        QVERIFY(m_keys->setWorkspace("team-b", std::nullopt, false, &error)); // team-b: no redaction

        IngestOptions options;
        options.address.port = 0;
        m_listener = std::make_unique<IngestListener>(*m_writer, options);
        QString listenError;
        QVERIFY2(m_listener->start(&listenError), qPrintable(listenError));
        m_client = std::make_unique<HttpClient>(m_listener->address().port);

        // The same trace id and span id, and the same request id, in three workspaces.
        for (const auto &[suffix, headers] : std::vector<std::pair<std::string, Headers>>{
                 {"local", {}}, {"a", bearer(m_keyA)}, {"b", bearer(m_keyB)}}) {
            QCOMPARE(
                m_client->post(QStringLiteral("/v1/traces"), otlpBody(suffix), "application/json", headers)
                    .status,
                200);
            QCOMPARE(m_client
                         ->post(QStringLiteral("/api/v1/tracker/rest"), trackerBody(suffix),
                                "application/json", headers)
                         .status,
                     201);
        }
    }

    void cleanupTestCase()
    {
        m_listener->stopAccepting();
        m_writer->stop();
        m_listener.reset();
        m_writer.reset();
    }

    void requestsAreBoundToTheirKeysWorkspace()
    {
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'local' AND service = 'svc-local'"), 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-a' AND service = 'svc-a'"), 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-b' AND service = 'svc-b'"), 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE trace_id = '" + kSharedTrace.toStdString() + "'"),
                 3);
        QCOMPARE(count("SELECT count(*) FROM traces WHERE trace_id = 'req-shared'"), 3);
        const auto health = m_client->get(QStringLiteral("/health"), bearer(m_keyB));
        QCOMPARE(health.status, 200);
        QCOMPARE(parse(health)["workspace"], "team-b");
        QVERIFY(!parse(health).contains("storedSpans")); // store-wide counts are not a workspace's to see
        QVERIFY(!parse(health).contains("database"));
        QCOMPARE(parse(m_client->get(QStringLiteral("/health")))["workspace"], "local");
    }

    void unknownAndRevokedKeysGet401OnEveryRoute()
    {
        struct Route {
            QByteArray method;
            QString path;
            QByteArray body;
            QByteArray contentType;
        };
        const std::vector<Route> routes = {
            {"POST", QStringLiteral("/v1/traces"), otlpBody("z"), "application/json"},
            {"POST", QStringLiteral("/api/v2/spans"), "[]", "application/json"},
            {"POST", QStringLiteral("/api/v1/tracker/rest"), trackerBody("z"), "application/json"},
            {"POST", QStringLiteral("/api/v1/tracker/llm"), trackerBody("z"), "application/json"},
            {"POST", QStringLiteral("/api/v1/traces"), R"({"spans":[{"name":"x"}]})", "application/json"},
            {"POST", QStringLiteral("/api/v1/traces/batch"), R"({"traces":[]})", "application/json"},
            {"GET", QStringLiteral("/health"), {}, {}},
            {"GET", QStringLiteral("/api/v1/traces"), {}, {}},
            {"GET", QStringLiteral("/api/v1/traces/") + QString::fromLatin1(kSharedTrace), {}, {}},
            {"GET", QStringLiteral("/api/v1/paths/req-shared"), {}, {}},
            {"GET", QStringLiteral("/api/v1/metrics/summary"), {}, {}},
            {"GET", QStringLiteral("/nowhere"), {}, {}},
        };
        const int64_t before = count("SELECT count(*) FROM spans");
        const std::string unknown = KeyStore::generateKey().toStdString();
        for (const std::string &key : {unknown, m_revokedKey}) {
            for (const Route &route : routes) {
                const HttpResponse response =
                    route.method == "GET"
                        ? m_client->get(route.path, bearer(key))
                        : m_client->post(route.path, route.body, route.contentType, bearer(key));
                QVERIFY2(response.status == 401,
                         qPrintable(route.path + QStringLiteral(" answered %1").arg(response.status)));
                const json body = parse(response);
                QCOMPARE(body["error"], "unauthorized");
                const std::string detail = body["detail"];
                QVERIFY2(detail.find(key == unknown ? "is not known" : "was revoked") != std::string::npos,
                         detail.c_str());
                QVERIFY(detail.find(key) == std::string::npos); // never echoes the whole key
            }
        }
        // A malformed Authorization header is refused, not read as "no key".
        QCOMPARE(m_client->get(QStringLiteral("/health"), {{"Authorization", "Basic dXNlcjpwYXNz"}}).status,
                 401);
        // A protobuf OTLP request gets its 401 as a google.rpc.Status.
        const auto proto = m_client->post(QStringLiteral("/v1/traces"), QByteArray(),
                                          "application/x-protobuf", bearer(unknown));
        QCOMPARE(proto.status, 401);
        QCOMPARE(proto.header("Content-Type"), QByteArray("application/x-protobuf"));
        google::rpc::Status status;
        QVERIFY(status.ParseFromArray(proto.body.constData(), int(proto.body.size())));
        QCOMPARE(status.code(), 16); // UNAUTHENTICATED
        QCOMPARE(count("SELECT count(*) FROM spans"), before);
    }

    void revocationFromAnotherConnectionTakesEffect()
    {
        std::string error;
        auto other = KeyStore::open(m_dbPath, &error); // as `tracedeck keys` in another process would
        QVERIFY2(other, error.c_str());
        const auto created = other->create("team-c", "late", {}, &error);
        QVERIFY2(created, error.c_str());
        // A key created after the listener started works within about a second…
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/health"), bearer(created->key)).status, 200,
                                  3000);
        QCOMPARE(parse(m_client->get(QStringLiteral("/health"), bearer(created->key)))["workspace"],
                 "team-c");
        // …and is refused within about a second of its revocation.
        QVERIFY(other->revoke(std::to_string(created->info.id), &error));
        QElapsedTimer timer;
        timer.start();
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(QStringLiteral("/health"), bearer(created->key)).status, 401,
                                  3000);
        qInfo("revocation took effect after %lld ms", static_cast<long long>(timer.elapsed()));
    }

    void requiredKeysOnLoopback()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("required.db")).toStdString();
        std::string error;
        auto writer = SpanWriter::open(path, &error);
        QVERIFY2(writer, error.c_str());
        IngestOptions options;
        options.address.port = 0;
        options.requireKeys = true;
        {
            IngestListener listener(*writer, options);
            QString listenError;
            QVERIFY(!listener.start(&listenError));
            QVERIFY2(listenError.contains(QStringLiteral("requires API keys and none exists")),
                     qPrintable(listenError));
        }
        auto keys = KeyStore::open(path, &error);
        const auto created = keys->create("ci", {}, {}, &error);
        QVERIFY2(created, error.c_str());
        IngestListener listener(*writer, options);
        QString listenError;
        QVERIFY2(listener.start(&listenError), qPrintable(listenError));
        HttpClient client(listener.address().port);
        const auto anonymous =
            client.post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("n"), "application/json");
        QCOMPARE(anonymous.status, 401);
        QVERIFY(parse(anonymous)["detail"].get<std::string>().find("requires an API key") !=
                std::string::npos);
        QCOMPARE(client.get(QStringLiteral("/api/v1/traces")).status, 401);
        QCOMPARE(client.get(QStringLiteral("/health")).status, 401);
        QCOMPARE(client
                     .post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("n"), "application/json",
                           bearer(created->key))
                     .status,
                 201);
        listener.stopAccepting();
        writer->stop();
    }

    void everyGetEndpointIsIsolated_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("local (no key)") << QStringLiteral("local");
        QTest::newRow("team-a") << QStringLiteral("a");
        QTest::newRow("team-b") << QStringLiteral("b");
    }

    void everyGetEndpointIsIsolated()
    {
        QFETCH(QString, suffix);
        const std::string w = suffix.toStdString();
        const Headers headers = w == "a" ? bearer(m_keyA) : w == "b" ? bearer(m_keyB) : Headers{};
        const std::string other = w == "a" ? "b" : "a";
        const auto get = [&](const QString &path) { return m_client->get(path, headers); };
        // Every trace of every list answer belongs to this workspace: its services all end in "-<w>".
        const auto traces = [&](const QString &query) -> std::vector<json> {
            const auto response = get(QStringLiteral("/api/v1/traces?") + query);
            if (response.status != 200) {
                qWarning("%s: %d %s", qPrintable(query), response.status, response.body.constData());
                return {};
            }
            const json body = parse(response);
            std::vector<json> list;
            for (const json &trace : body["traces"]) {
                for (const json &service : trace["services"]) {
                    const std::string name = service;
                    if (name.size() < w.size() || name.compare(name.size() - w.size(), w.size(), w) != 0)
                        qWarning("%s: service %s of another workspace", qPrintable(query), name.c_str());
                    else
                        list.push_back(trace);
                }
            }
            // A trace of another workspace makes the count wrong whatever was expected.
            return list.size() == body["traces"].size() ? list : std::vector<json>(100);
        };
        const QString s = suffix, o = QString::fromStdString(other);
        const std::vector<std::pair<QString, size_t>> expectations = {
            {QString(), 2},
            {QStringLiteral("request_id=req-shared"), 1},
            {QStringLiteral("trace_id=") + QString::fromLatin1(kSharedTrace), 1},
            {QStringLiteral("user_id=user-") + s, 1},
            {QStringLiteral("user_id=user-") + o, 0},
            {QStringLiteral("session_id=sess-") + s, 1},
            {QStringLiteral("session_id=sess-") + o, 0},
            {QStringLiteral("service=svc-") + s, 1},
            {QStringLiteral("service=svc-") + o, 0},
            {QStringLiteral("service=svc-*"), 1},
            {QStringLiteral("model=model-") + s, 1},
            {QStringLiteral("model=model-") + o, 0},
            {QStringLiteral("model=model-*"), 1},
            {QStringLiteral("status_code=503"), 1},
            {QStringLiteral("status=error"), 1},
            {QStringLiteral("status=ok"), 1},
            {QStringLiteral("start_time=1699999999000000000&end_time=1700000001000000000"), 1},
            {QStringLiteral("limit=1"), 1},
        };
        for (const auto &[query, expected] : expectations)
            QVERIFY2(traces(query).size() == expected,
                     qPrintable(query + QStringLiteral(" -> %1").arg(traces(query).size())));
        // Full text: the index fills in the background; this workspace's word only, never the others'.
        QTRY_COMPARE_WITH_TIMEOUT(traces(QStringLiteral("q=secretword") + s).size(), size_t(1), 10000);
        QCOMPARE(traces(QStringLiteral("q=secretword") + o).size(), size_t(0));
        QCOMPARE(traces(QStringLiteral("q=shared")).size(), size_t(1));
        // Keyset pages stay in the workspace.
        const json firstPage = parse(get(QStringLiteral("/api/v1/traces?limit=1")));
        QVERIFY(firstPage["next_cursor"].is_string());
        QCOMPARE(traces(QStringLiteral("limit=1&cursor=") +
                        QString::fromStdString(firstPage["next_cursor"].get<std::string>()))
                     .size(),
                 size_t(1));

        // The shared trace id: this workspace's span only.
        const auto trace = get(QStringLiteral("/api/v1/traces/") + QString::fromLatin1(kSharedTrace));
        QCOMPARE(trace.status, 200);
        const json spans = parse(trace)["spans"];
        QCOMPARE(spans.size(), size_t(1));
        QCOMPARE(spans[0]["service"], "svc-" + w);
        QCOMPARE(spans[0]["name"], "op-" + w);
        QCOMPARE(get(QStringLiteral("/api/v1/traces/no-such-trace")).status, 404);

        // The shared request id: this workspace's hop only.
        const json path = parse(get(QStringLiteral("/api/v1/paths/req-shared")));
        QCOMPARE(path["hops"].size(), size_t(1));
        QCOMPARE(path["hops"][0]["service"], "gw-" + w);

        // Metrics: only this workspace's services.
        for (const QString &group :
             {QStringLiteral("service"), QStringLiteral("model"), QStringLiteral("user")}) {
            const json summary = parse(get(QStringLiteral("/api/v1/metrics/summary?group_by=") + group));
            std::set<std::string> keys;
            for (const json &g : summary["groups"])
                keys.insert(g["key"].get<std::string>());
            if (group == u"service")
                QCOMPARE(keys, (std::set<std::string>{"gw-" + w, "svc-" + w}));
            else if (group == u"model")
                QVERIFY(keys.count("model-" + w) == 1 && keys.count("model-" + other) == 0);
            else
                QVERIFY(keys.count("user-" + w) == 1 && keys.count("user-" + other) == 0);
            QCOMPARE(summary["spans"].get<int>(), group == u"model" ? 1 : 2);
        }
    }

    void redactionFollowsTheWorkspace()
    {
        // team-b has redaction off; local and team-a keep the default (on).
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-b' AND attributes LIKE "
                       "'%jane.doe@example.com%'"),
                 1);
        QCOMPARE(
            count("SELECT count(*) FROM spans WHERE workspace IN ('local', 'team-a') AND attributes LIKE "
                  "'%jane.doe@example.com%'"),
            0);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-a' AND attributes LIKE "
                       "'%[REDACTED:email]%'"),
                 1);
    }

    // Last: adds traces the isolation test does not expect.
    void otherHeaderFormsSelectTheWorkspace()
    {
        // x-api-key and the OTLP header form (Bearer%20 left encoded) select the workspace too.
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("x", "req-x"),
                            "application/json", {{"x-api-key", QByteArray::fromStdString(m_keyA)}})
                     .status,
                 201);
        QCOMPARE(m_client
                     ->post(QStringLiteral("/api/v1/tracker/rest"), trackerBody("y", "req-y"),
                            "application/json",
                            {{"Authorization", "Bearer%20" + QByteArray::fromStdString(m_keyB)}})
                     .status,
                 201);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-a' AND service = 'gw-x'"), 1);
        QCOMPARE(count("SELECT count(*) FROM spans WHERE workspace = 'team-b' AND service = 'gw-y'"), 1);
    }

private:
    std::string createKey(const std::string &workspace)
    {
        std::string error;
        const auto created = m_keys->create(workspace, "test", {}, &error);
        if (!created)
            qFatal("create key: %s", error.c_str());
        return created->key;
    }

    int64_t count(const std::string &sql) const
    {
        std::string error;
        auto db = Database::open(m_dbPath, Database::Mode::ReadOnly, &error);
        if (!db)
            return -1;
        const int64_t value = db->queryInt(sql, &error);
        if (!error.empty())
            qWarning("%s: %s", sql.c_str(), error.c_str());
        return value;
    }

    QTemporaryDir m_dir;
    std::string m_dbPath;
    std::unique_ptr<SpanWriter> m_writer;
    std::unique_ptr<KeyStore> m_keys;
    std::unique_ptr<IngestListener> m_listener;
    std::unique_ptr<HttpClient> m_client;
    std::string m_keyA, m_keyB, m_revokedKey;
};

QTEST_GUILESS_MAIN(TestTenancy)
#include "test_tenancy.moc"

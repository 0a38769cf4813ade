// Per-key rate limits and the spans/day quota over real HTTP: 429 with Retry-After naming the limit,
// accepted again once the bucket refills (real time), stored spans exactly those of the 2xx answers, and a
// quota that lasts until the UTC day changes (injected clock) and survives a restart.
#include "database.h"
#include "httpclient.h"
#include "ingestlistener.h"
#include "keystore.h"
#include "spanwriter.h"

#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <atomic>

using namespace tracedeck;
using json = nlohmann::json;
using Headers = QList<QPair<QByteArray, QByteArray>>;

namespace {

constexpr int64_t kDayMs = 86'400'000;

// An OTLP JSON body of `spans` spans of a trace of their own.
QByteArray body(int batch, int spans)
{
    json list = json::array();
    for (int i = 0; i < spans; ++i)
        list.push_back({{"traceId", QByteArray::number(batch + 1, 16).rightJustified(32, '0').toStdString()},
                        {"spanId", QByteArray::number(i + 1, 16).rightJustified(16, '0').toStdString()},
                        {"name", "op"},
                        {"startTimeUnixNano", "1000"},
                        {"endTimeUnixNano", "2000"}});
    return QByteArray::fromStdString(json{{"resourceSpans", {{{"scopeSpans", {{{"spans", list}}}}}}}}.dump());
}

json parse(const HttpResponse &response)
{
    return json::parse(response.body.toStdString(), nullptr, false);
}

} // namespace

class TestRateLimit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void requestRateLimit()
    {
        Store store = open(QStringLiteral("requests.db"));
        KeyLimits limits;
        limits.requestsPerSecond = 2;
        const Headers key = createKey(*store.keys, "rps", limits);
        listen(store);
        HttpClient client(store.listener->address().port);
        int ok = 0, refused = 0;
        for (int i = 0; i < 8; ++i) {
            const auto response = client.get(QStringLiteral("/health"), key);
            if (response.status == 200) {
                ++ok;
            } else {
                QCOMPARE(response.status, 429);
                ++refused;
                QVERIFY(response.header("Retry-After").toInt() >= 1);
                const std::string detail = parse(response)["detail"];
                QVERIFY2(detail.find("requests_per_second") != std::string::npos, detail.c_str());
            }
        }
        QVERIFY(ok >= 2);
        QVERIFY(refused >= 1);
        // The bucket refills in real time.
        // (QTRY evaluates its condition once more after success: `accepted ||` keeps that from sending
        // again.)
        bool accepted = false;
        QTRY_VERIFY_WITH_TIMEOUT(
            accepted || (accepted = client.get(QStringLiteral("/health"), key).status == 200), 5000);
        // Requests without a key (loopback, workspace local) are not limited.
        for (int i = 0; i < 8; ++i)
            QCOMPARE(client.get(QStringLiteral("/health")).status, 200);
        store.close();
    }

    void spanRateLimitStoresExactlyTheAcceptedSpans()
    {
        Store store = open(QStringLiteral("spans.db"));
        KeyLimits limits;
        limits.spansPerSecond = 20; // burst 20
        const Headers key = createKey(*store.keys, "sps", limits);
        listen(store);
        HttpClient client(store.listener->address().port);
        int acceptedSpans = 0, refused = 0, batch = 0;
        for (; batch < 12; ++batch) {
            const auto response =
                client.post(QStringLiteral("/v1/traces"), body(batch, 6), "application/json", key);
            if (response.status == 200) {
                acceptedSpans += 6;
            } else {
                QCOMPARE(response.status, 429);
                QVERIFY(response.header("Retry-After").toInt() >= 1);
                QVERIFY(parse(response)["detail"].get<std::string>().find("spans_per_second") !=
                        std::string::npos);
                ++refused;
            }
        }
        QVERIFY(acceptedSpans >= 18);
        QVERIFY(refused >= 1);
        QCOMPARE(count(store, "SELECT count(*) FROM spans WHERE workspace = 'sps'"), acceptedSpans);
        // Accepted again once refilled; still exactly what was answered 2xx.
        bool accepted = false;
        const auto send = [&] {
            return client.post(QStringLiteral("/v1/traces"), body(batch++, 6), "application/json", key)
                .status;
        };
        QTRY_VERIFY_WITH_TIMEOUT(accepted || (accepted = send() == 200), 5000);
        acceptedSpans += 6;
        QCOMPARE(count(store, "SELECT count(*) FROM spans WHERE workspace = 'sps'"), acceptedSpans);
        store.close();
    }

    void dailyQuotaUntilTheDayChangesAndAcrossRestarts()
    {
        std::atomic<int64_t> nowMs{20000 * kDayMs + kDayMs - 90'000}; // 23:58:30 UTC
        Store store = open(QStringLiteral("quota.db"), [&nowMs] { return nowMs.load(); });
        KeyLimits limits;
        limits.spansPerDay = 10;
        const Headers key = createKey(*store.keys, "quota", limits);
        listen(store);
        HttpClient client(store.listener->address().port);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), body(1, 6), "application/json", key).status, 200);
        const auto over = client.post(QStringLiteral("/v1/traces"), body(2, 6), "application/json", key);
        QCOMPARE(over.status, 429); // 6 + 6 > 10: refused whole
        QCOMPARE(over.header("Retry-After"), QByteArray("90"));
        QVERIFY(parse(over)["detail"].get<std::string>().find("spans_per_day") != std::string::npos);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), body(3, 4), "application/json", key).status, 200);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), body(4, 1), "application/json", key).status, 429);
        QCOMPARE(count(store, "SELECT count(*) FROM spans WHERE workspace = 'quota'"), 10);

        // The next UTC day has its own quota.
        nowMs += 90'000;
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), body(5, 7), "application/json", key).status, 200);
        // Persisted about once a second…
        std::string error;
        const auto keyId = store.keys->keys("quota", &error).front().id;
        QTRY_COMPARE_WITH_TIMEOUT(store.keys->usage(keyId, 20001, &error), 7, 5000);
        store.close();

        // …so a restart on the same day does not reset it.
        Store again = open(QStringLiteral("quota.db"), [&nowMs] { return nowMs.load(); });
        listen(again);
        HttpClient second(again.listener->address().port);
        const auto afterRestart =
            second.post(QStringLiteral("/v1/traces"), body(6, 4), "application/json", key);
        QCOMPARE(afterRestart.status, 429);
        QCOMPARE(second.post(QStringLiteral("/v1/traces"), body(7, 3), "application/json", key).status, 200);
        QCOMPARE(count(again, "SELECT count(*) FROM spans WHERE workspace = 'quota'"), 20);
        again.close();
    }

private:
    struct Store {
        std::string path;
        std::unique_ptr<SpanWriter> writer;
        std::unique_ptr<KeyStore> keys;
        std::unique_ptr<IngestListener> listener;
        void close()
        {
            listener->stopAccepting();
            writer->stop();
            listener.reset();
            writer.reset();
        }
    };

    Store open(const QString &name, std::function<int64_t()> clock = {})
    {
        Store store;
        store.path = m_dir.filePath(name).toStdString();
        std::string error;
        store.writer = SpanWriter::open(store.path, &error);
        store.keys = KeyStore::open(store.path, &error);
        if (!store.writer || !store.keys)
            qFatal("open %s: %s", store.path.c_str(), error.c_str());
        m_clock = std::move(clock);
        return store;
    }

    // After the keys exist, so the first request already finds them.
    void listen(Store &store)
    {
        IngestOptions options;
        options.address.port = 0;
        options.utcClock = m_clock;
        store.listener = std::make_unique<IngestListener>(*store.writer, options);
        QString listenError;
        if (!store.listener->start(&listenError))
            qFatal("listen: %s", qPrintable(listenError));
    }

    Headers createKey(KeyStore &keys, const std::string &workspace, const KeyLimits &limits)
    {
        std::string error;
        const auto created = keys.create(workspace, {}, limits, &error);
        if (!created)
            qFatal("create key: %s", error.c_str());
        return {{"Authorization", "Bearer " + QByteArray::fromStdString(created->key)}};
    }

    int count(const Store &store, const std::string &sql) const
    {
        std::string error;
        auto db = Database::open(store.path, Database::Mode::ReadOnly, &error);
        return db ? int(db->queryInt(sql, &error)) : -1;
    }

    QTemporaryDir m_dir;
    std::function<int64_t()> m_clock;
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "test_ratelimit.moc"

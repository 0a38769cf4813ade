// The key store on a real SQLite file, the token bucket and the per-key limiter with chosen clocks.
#include "database.h"
#include "keylimiter.h"
#include "keystore.h"
#include "spanwriter.h"
#include "tokenbucket.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

class TestKeyStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("keys-%1.db").arg(++m_counter)).toStdString();
    }

    void createListRevoke()
    {
        std::string error;
        auto store = KeyStore::open(m_path, &error);
        QVERIFY2(store, error.c_str());
        KeyLimits limits;
        limits.requestsPerSecond = 5;
        limits.spansPerDay = 1000;
        const auto a = store->create("team-a", "ci", limits, &error);
        QVERIFY2(a, error.c_str());
        const auto b = store->create("team-b", {}, {}, &error);
        QVERIFY2(b, error.c_str());
        QVERIFY(QByteArray::fromStdString(a->key).startsWith("td_"));
        QCOMPARE(a->key.size(), size_t(3 + 43)); // 32 bytes, base64url without padding
        QVERIFY(a->key != b->key);
        QCOMPARE(a->info.prefix, a->key.substr(0, size_t(KeyStore::kPrefixLength)));

        auto all = store->keys({}, &error);
        QCOMPARE(all.size(), size_t(2));
        QCOMPARE(all[0].id, b->info.id); // newest first
        QCOMPARE(all[1].workspace, "team-a");
        QCOMPARE(all[1].label, "ci");
        QCOMPARE(all[1].limits, limits);
        QCOMPARE(all[1].hash, KeyStore::hashKey(QByteArray::fromStdString(a->key)));
        QCOMPARE(store->keys("team-b", &error).size(), size_t(1));
        QCOMPARE(store->activeKeyCount(&error), 2);
        // The workspace rows were created with the keys.
        const auto workspaces = store->workspaces(&error);
        QCOMPARE(workspaces.size(), size_t(3));
        QCOMPARE(workspaces[0].name, "local");
        QCOMPARE(workspaces[1].name, "team-a");

        // Revoke by prefix, by id, by the whole key; each once.
        QVERIFY(store->revoke(a->info.prefix, &error));
        QVERIFY(store->keys("team-a", &error).front().revoked());
        error.clear();
        QVERIFY(!store->revoke(a->info.prefix, &error));
        QVERIFY2(error.find("already revoked") != std::string::npos, error.c_str());
        error.clear();
        QVERIFY(!store->revoke("td_nothing", &error));
        QVERIFY2(error.find("no API key") != std::string::npos, error.c_str());
        error.clear();
        QVERIFY(store->revoke(b->key, &error));
        QCOMPARE(store->activeKeyCount(&error), 0);
        error.clear();
        QVERIFY(!store->revoke("999", &error));

        KeyLimits changed;
        changed.spansPerSecond = 50;
        QVERIFY(store->setLimits(a->info.id, changed, &error));
        QCOMPARE(store->keys("team-a", &error).front().limits, changed);
    }

    void badInputIsRefused()
    {
        std::string error;
        auto store = KeyStore::open(m_path, &error);
        QVERIFY(!store->create("", {}, {}, &error));
        QVERIFY(!store->create("has space", {}, {}, &error));
        QVERIFY2(error.find("expected 1 to 64") != std::string::npos, error.c_str());
        QVERIFY(!store->create(std::string(65, 'a'), {}, {}, &error));
        QVERIFY(store->create(std::string(64, 'a'), {}, {}, &error));
        KeyLimits negative;
        negative.spansPerSecond = -1;
        QVERIFY(!store->create("ok", {}, negative, &error));
        QVERIFY(!store->setWorkspace("ok", 0, std::nullopt, &error));
        QVERIFY(!store->setWorkspace("bad/name", 3, std::nullopt, &error));
        QVERIFY(store->keys({}, &error).size() == 1);
    }

    void workspaceSettings()
    {
        std::string error;
        auto store = KeyStore::open(m_path, &error);
        QVERIFY(store->setWorkspace("local", 7, std::nullopt, &error));
        QVERIFY(store->setWorkspace("new-one", std::nullopt, false, &error));
        const auto list = store->workspaces(&error);
        QCOMPARE(list.size(), size_t(2));
        QCOMPARE(list[0].retentionDays, 7);
        QCOMPARE(list[0].redaction, true);
        QCOMPARE(list[1].name, "new-one");
        QCOMPARE(list[1].retentionDays, 30);
        QCOMPARE(list[1].redaction, false);
    }

    // Only the SHA-256 is stored: the plaintext appears nowhere in the file or its WAL.
    void onlyTheHashIsStored()
    {
        std::string error;
        std::vector<std::string> keys;
        {
            auto writer = SpanWriter::open(m_path, &error); // the WAL stays as a running app leaves it
            QVERIFY2(writer, error.c_str());
            auto store = KeyStore::open(m_path, &error);
            for (int i = 0; i < 5; ++i)
                keys.push_back(store->create("team-" + std::to_string(i), "k", {}, &error)->key);
            QVERIFY(store->revoke(keys[0], &error));
            QByteArray bytes;
            for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
                QFile file(QString::fromStdString(m_path) + suffix);
                if (file.open(QIODevice::ReadOnly))
                    bytes += file.readAll();
            }
            QVERIFY(bytes.size() > 0);
            for (const std::string &key : keys) {
                QVERIFY(!bytes.contains(QByteArray::fromStdString(key)));
                QVERIFY(!bytes.contains(QByteArray::fromStdString(key.substr(KeyStore::kPrefixLength))));
                QVERIFY(bytes.contains(KeyStore::hashKey(QByteArray::fromStdString(key))));
            }
        }
    }

    void usageIsPersistedPerDay()
    {
        std::string error;
        {
            auto store = KeyStore::open(m_path, &error);
            QVERIFY(store->addUsage(1, 20000, 40, &error));
            QVERIFY(store->addUsage(1, 20000, 2, &error));
            QVERIFY(store->addUsage(1, 20001, 5, &error));
        }
        auto store = KeyStore::open(m_path, &error);
        QCOMPARE(store->usage(1, 20000, &error), 42);
        QCOMPARE(store->usage(1, 20001, &error), 5);
        QCOMPARE(store->usage(2, 20000, &error), 0);
    }

    void tokenBucket()
    {
        TokenBucket bucket(10, 10, 0.0); // 10/s, burst 10, starts full
        QCOMPARE(bucket.waitFor(10, 0), 0.0);
        bucket.take(10, 0);
        QVERIFY(bucket.waitFor(1, 0) > 0);
        QCOMPARE(bucket.waitFor(5, 0.0), 0.5);
        QCOMPARE(bucket.waitFor(5, 0.5), 0.0);
        QCOMPARE(bucket.tokens(100), 10.0); // never more than the burst
        // A take larger than the burst passes only on a full bucket and leaves it in debt.
        QCOMPARE(bucket.waitFor(25, 100), 0.0);
        bucket.take(25, 100);
        QCOMPARE(bucket.waitFor(25, 100), 2.5);  // back to full after 2.5 s
        QCOMPARE(bucket.waitFor(1, 101.5), 0.1); // 0 tokens after 1.5 s of the 15 owed
        QCOMPARE(bucket.waitFor(1, 101.6), 0.0);
    }

    void limiterRefusesOverRateAndQuota()
    {
        int64_t persisted = 3;
        KeyLimiter limiter([&](int64_t, int64_t) { return persisted; });
        ApiKeyInfo key;
        key.id = 7;
        key.prefix = "td_abcdefg";
        key.limits.requestsPerSecond = 2;
        key.limits.spansPerDay = 10;
        QVERIFY(limiter.admitRequest(key, 0).allowed);
        QVERIFY(limiter.admitRequest(key, 0).allowed);
        const LimitDecision third = limiter.admitRequest(key, 0);
        QVERIFY(!third.allowed);
        QCOMPARE(third.limit, "requests_per_second");
        QCOMPARE(third.retryAfterSeconds, 1);
        QVERIFY(limiter.admitRequest(key, 0.5).allowed);

        // 23:59:30 UTC: the quota (3 used before the restart) has 7 left today.
        const int64_t day = 20000;
        const int64_t lateMs = (day + 1) * 86'400'000 - 30'000;
        int64_t counted = 0;
        QVERIFY(limiter.admitSpans(key, 7, 1, lateMs, &counted).allowed);
        QCOMPARE(counted, day);
        const LimitDecision over = limiter.admitSpans(key, 1, 1, lateMs, &counted);
        QVERIFY(!over.allowed);
        QCOMPARE(over.limit, "spans_per_day");
        QCOMPARE(over.retryAfterSeconds, 30); // to midnight
        limiter.refund(7, day, 2);
        QVERIFY(limiter.admitSpans(key, 2, 1, lateMs, &counted).allowed);
        // The next UTC day starts from what was persisted for it.
        persisted = 0;
        QVERIFY(limiter.admitSpans(key, 10, 1, lateMs + 60'000, &counted).allowed);
        QCOMPARE(counted, day + 1);
        const auto unsaved = limiter.takeUnsaved();
        QCOMPARE(unsaved.size(), size_t(2));
        QCOMPARE(unsaved[0].spans, 7); // 7 - 2 + 2
        QCOMPARE(unsaved[1].spans, 10);
        QVERIFY(limiter.takeUnsaved().empty());

        ApiKeyInfo spanLimited;
        spanLimited.id = 8;
        spanLimited.limits.spansPerSecond = 100;
        QVERIFY(limiter.admitSpans(spanLimited, 60, 0, 0, &counted).allowed);
        const LimitDecision refused =
            limiter.admitSpans(spanLimited, 60, 0, 0, &counted); // 40 left: whole body
        QVERIFY(!refused.allowed);
        QCOMPARE(refused.limit, "spans_per_second");
        QVERIFY(limiter.admitSpans(spanLimited, 40, 0, 0, &counted).allowed);
    }

private:
    QTemporaryDir m_dir;
    std::string m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestKeyStore)
#include "test_keystore.moc"

#include "database.h"
#include "httpclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include <csignal>
#include <set>

using namespace tracedeck;

namespace {

// The real binary, started as a child process, as a user or CI would.
class Child {
public:
    explicit Child(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(TRACEDECK_BINARY));
        m_process.setArguments(arguments);
        m_process.start();
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    QProcess &process() { return m_process; }
    QString stderrText()
    {
        m_stderr += QString::fromUtf8(m_process.readAllStandardError());
        return m_stderr;
    }
    // The port from "tracedeck: listening on http://127.0.0.1:PORT", or 0 when it never says so.
    quint16 waitForPort()
    {
        static const QRegularExpression listening(
            QStringLiteral("listening on http://127\\.0\\.0\\.1:(\\d+)"));
        QDeadlineTimer deadline(30000);
        while (!deadline.hasExpired() && m_process.state() != QProcess::NotRunning) {
            const auto match = listening.match(stderrText());
            if (match.hasMatch())
                return quint16(match.captured(1).toUInt());
            m_process.waitForReadyRead(200);
        }
        return 0;
    }

private:
    QProcess m_process;
    QString m_stderr;
};

QByteArray traceIdFor(int batch)
{
    return QByteArray::number(0x10000000 + batch, 16).rightJustified(32, '0');
}

QByteArray batchBody(int batch, int spans)
{
    const std::string messages =
        nlohmann::json::array(
            {{{"role", "user"}, {"parts", {{{"type", "text"}, {"content", std::string(600, 'p')}}}}}})
            .dump();
    nlohmann::json spanList = nlohmann::json::array();
    for (int i = 0; i < spans; ++i)
        spanList.push_back(
            {{"traceId", traceIdFor(batch).toStdString()},
             {"spanId", QByteArray::number(i + 1, 16).rightJustified(16, '0').toStdString()},
             {"name", "step"},
             {"startTimeUnixNano", "1000"},
             {"endTimeUnixNano", "2000"},
             {"attributes", {{{"key", "gen_ai.input.messages"}, {"value", {{"stringValue", messages}}}}}}});
    const nlohmann::json request = {
        {"resourceSpans",
         {{{"resource", {{"attributes", {{{"key", "service.name"}, {"value", {{"stringValue", "load"}}}}}}}},
           {"scopeSpans", {{{"spans", spanList}}}}}}}};
    return QByteArray::fromStdString(request.dump());
}

struct Finished {
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs the binary to its end (the admin subcommands).
Finished runToEnd(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(TRACEDECK_BINARY), arguments);
    Finished result;
    if (!process.waitForFinished(30000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

class TestProcess : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void versionAndHelp()
    {
        Child version({QStringLiteral("--version")});
        QVERIFY(version.process().waitForFinished());
        QCOMPARE(version.process().exitCode(), 0);
        QCOMPARE(QString::fromUtf8(version.process().readAllStandardOutput()).trimmed(),
                 QStringLiteral("tracedeck " TRACEDECK_VERSION));
        Child help({QStringLiteral("--help")});
        QVERIFY(help.process().waitForFinished());
        const QString text = QString::fromUtf8(help.process().readAllStandardOutput());
        QVERIFY(text.contains(QStringLiteral("--headless")));
        QVERIFY(text.contains(QStringLiteral("--listen")));
        QVERIFY(text.contains(QStringLiteral("--db")));
        Child bad({QStringLiteral("--headless"), QStringLiteral("--listen"), QStringLiteral("nonsense")});
        QVERIFY(bad.process().waitForFinished());
        QCOMPARE(bad.process().exitCode(), 2);
        QVERIFY(bad.stderrText().contains(QStringLiteral("expected HOST:PORT")));
    }

    void takenPortIsAClearError()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
        Child child({QStringLiteral("--headless"), QStringLiteral("--db"),
                     m_dir.filePath(QStringLiteral("taken.db")), QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())});
        QVERIFY(child.process().waitForFinished(30000));
        QCOMPARE(child.process().exitCode(), 1);
        QVERIFY2(child.stderrText().contains(
                     QStringLiteral("cannot listen on 127.0.0.1:%1").arg(squatter.serverPort())),
                 qPrintable(child.stderrText()));
    }

    void headlessLogsRateAndStopsCleanlyOnSigterm()
    {
        const QString db = m_dir.filePath(QStringLiteral("clean.db"));
        Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"), QStringLiteral("--log-interval"), QStringLiteral("1")});
        const quint16 port = child.waitForPort();
        QVERIFY2(port != 0, qPrintable(child.stderrText()));
        HttpClient client(port);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), batchBody(1, 50), "application/json").status, 200);
        QTRY_VERIFY_WITH_TIMEOUT(child.stderrText().contains(QStringLiteral("spans/s over the last")), 15000);
        QVERIFY(child.stderrText().contains(QStringLiteral("stored 50 spans in 1 traces")));

        ::kill(pid_t(child.process().processId()), SIGTERM);
        QVERIFY(child.process().waitForFinished(30000));
        QCOMPARE(child.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.process().exitCode(), 0);
        QVERIFY2(child.stderrText().contains(QStringLiteral("stopped; 50 spans stored")),
                 qPrintable(child.stderrText()));
        // A clean close checkpoints and removes the write-ahead log.
        QVERIFY(!QFile::exists(db + QStringLiteral("-wal")));
        std::string error;
        auto store = Database::open(db.toStdString(), Database::Mode::ReadOnly, &error);
        QVERIFY2(store, error.c_str());
        QCOMPARE(store->queryInt("SELECT count(*) FROM spans"), 50);
    }

    // Retention is on in the app: a trace the store wrote longer ago than its workspace keeps is purged by
    // the check at start-up; the fresh one stays.
    void headlessPurgesTracesPastTheirRetention()
    {
        const QString db = m_dir.filePath(QStringLiteral("retention.db"));
        {
            Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                         QStringLiteral("127.0.0.1:0")});
            const quint16 port = child.waitForPort();
            QVERIFY2(port != 0, qPrintable(child.stderrText()));
            HttpClient client(port);
            for (int batch : {1, 2})
                QCOMPARE(
                    client.post(QStringLiteral("/v1/traces"), batchBody(batch, 5), "application/json").status,
                    200);
            ::kill(pid_t(child.process().processId()), SIGTERM);
            QVERIFY(child.process().waitForFinished(30000));
        }
        std::string error;
        {
            // As if the first trace had been stored 31 days ago.
            auto store = Database::open(db.toStdString(), Database::Mode::ReadWrite, &error);
            QVERIFY2(store, error.c_str());
            QVERIFY(store->exec(
                "UPDATE traces SET stored_ns = stored_ns - 31 * 86400000000000 WHERE trace_id = '" +
                    traceIdFor(1).toStdString() + "'",
                &error));
        }
        const auto count = [&db](const std::string &sql) {
            std::string e;
            auto store = Database::open(db.toStdString(), Database::Mode::ReadOnly, &e);
            return store ? store->queryInt(sql, &e) : -1;
        };
        QCOMPARE(count("SELECT count(*) FROM traces"), int64_t(2));
        Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")});
        QVERIFY2(child.waitForPort() != 0, qPrintable(child.stderrText()));
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM traces"), int64_t(1), 15000);
        QCOMPARE(count("SELECT count(*) FROM traces WHERE trace_id = '" + traceIdFor(2).toStdString() + "'"),
                 int64_t(1));
        QCOMPARE(count("SELECT count(*) FROM spans"), int64_t(5));
    }

    // The durability promise: after kill -9 in the middle of sustained ingest from two connections, every
    // span that was answered 200 is in the database, and the database opens without error.
    void everyAcknowledgedSpanSurvivesKill9()
    {
        const QString db = m_dir.filePath(QStringLiteral("killed.db"));
        Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")});
        const quint16 port = child.waitForPort();
        QVERIFY2(port != 0, qPrintable(child.stderrText()));

        constexpr int kSpansPerBatch = 200;
        QNetworkAccessManager network;
        std::set<int> acknowledged;
        int nextBatch = 0;
        int inFlight = 0;
        bool killed = false;
        std::function<void()> send = [&] {
            const int batch = nextBatch++;
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/v1/traces").arg(port)));
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            QNetworkReply *reply = network.post(request, batchBody(batch, kSpansPerBatch));
            ++inFlight;
            QObject::connect(reply, &QNetworkReply::finished, reply, [&, reply, batch] {
                --inFlight;
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 &&
                    reply->error() == QNetworkReply::NoError)
                    acknowledged.insert(batch);
                reply->deleteLater();
                if (!killed)
                    send();
            });
        };
        send(); // two client connections, each sending the next batch as soon as one is answered
        send();
        QTRY_VERIFY_WITH_TIMEOUT(acknowledged.size() >= 40, 60000);
        QCOMPARE(inFlight, 2); // requests are on the wire when the process dies
        killed = true;
        ::kill(pid_t(child.process().processId()), SIGKILL);
        QVERIFY(child.process().waitForFinished(30000));
        QCOMPARE(child.process().exitStatus(), QProcess::CrashExit);
        QTRY_COMPARE_WITH_TIMEOUT(inFlight, 0, 30000);
        const std::set<int> acked = acknowledged;

        std::string error;
        auto store = Database::open(db.toStdString(), Database::Mode::ReadWrite, &error);
        QVERIFY2(store, error.c_str());
        auto check = store->prepare("PRAGMA integrity_check");
        QVERIFY(check);
        QCOMPARE(sqlite3_step(check.get()), SQLITE_ROW);
        QCOMPARE(QByteArray(reinterpret_cast<const char *>(sqlite3_column_text(check.get(), 0))),
                 QByteArray("ok"));
        auto spansOf = store->prepare("SELECT count(*) FROM spans WHERE trace_id = ?1");
        for (int batch : acked) {
            const QByteArray trace = traceIdFor(batch);
            sqlite3_reset(spansOf.get());
            sqlite3_bind_text(spansOf.get(), 1, trace.constData(), int(trace.size()), SQLITE_TRANSIENT);
            QCOMPARE(sqlite3_step(spansOf.get()), SQLITE_ROW);
            QCOMPARE(sqlite3_column_int(spansOf.get(), 0), kSpansPerBatch);
        }
        const int64_t stored = store->queryInt("SELECT count(*) FROM spans");
        QVERIFY(stored >= int64_t(acked.size()) * kSpansPerBatch);
        store.reset();

        // And Tracedeck itself starts again on that file and counts what it holds.
        Child again({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")});
        const quint16 againPort = again.waitForPort();
        QVERIFY2(againPort != 0, qPrintable(again.stderrText()));
        const HttpResponse health = HttpClient(againPort).get(QStringLiteral("/health"));
        QCOMPARE(health.status, 200);
        QCOMPARE(nlohmann::json::parse(health.body.toStdString())["storedSpans"].get<int64_t>(), stored);
        qInfo("acknowledged %zu batches (%zu spans) before kill -9; %lld spans on disk", acked.size(),
              acked.size() * size_t(kSpansPerBatch), static_cast<long long>(stored));
    }

    // tracedeck keys / workspaces through the real binary, and the key working against a running listener.
    void keysCommandLine()
    {
        const QString db = m_dir.filePath(QStringLiteral("keys.db"));
        const auto created =
            runToEnd({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--workspace"),
                      QStringLiteral("cli-team"), QStringLiteral("--label"), QStringLiteral("laptop"),
                      QStringLiteral("--spans-per-day"), QStringLiteral("1000"), QStringLiteral("--db"), db});
        QCOMPARE(created.exitCode, 0);
        static const QRegularExpression keyPattern(QStringLiteral("td_[A-Za-z0-9_-]{43}"));
        const QString key = keyPattern.match(created.out).captured(0);
        QVERIFY2(!key.isEmpty(), qPrintable(created.out));
        QVERIFY(
            created.out.contains(QStringLiteral("OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20") + key));
        QVERIFY(created.out.contains(QStringLiteral("not shown again")));

        Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0")});
        const quint16 port = child.waitForPort();
        QVERIFY2(port != 0, qPrintable(child.stderrText()));
        HttpClient client(port);
        const QList<QPair<QByteArray, QByteArray>> auth = {{"Authorization", "Bearer " + key.toLatin1()}};
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), batchBody(7, 3), "application/json", auth).status,
                 200);
        {
            std::string error;
            auto store = Database::open(db.toStdString(), Database::Mode::ReadOnly, &error);
            QVERIFY2(store, error.c_str());
            QCOMPARE(store->queryInt("SELECT count(*) FROM spans WHERE workspace = 'cli-team'"), 3);
        }

        const auto list =
            runToEnd({QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains(QStringLiteral("cli-team")) &&
                     list.out.contains(QStringLiteral("laptop")) && list.out.contains(key.left(10)) &&
                     list.out.contains(QStringLiteral("1000")),
                 qPrintable(list.out));
        QVERIFY(!list.out.contains(key)); // never the key itself
        QVERIFY(!list.out.contains(key.mid(10)));

        // Limits change on an existing key; the running listener follows.
        const auto limit =
            runToEnd({QStringLiteral("keys"), QStringLiteral("limit"), key.left(10),
                      QStringLiteral("--spans-per-second"), QStringLiteral("2"),
                      QStringLiteral("--spans-per-day"), QStringLiteral("none"), QStringLiteral("--db"), db});
        QCOMPARE(limit.exitCode, 0);
        QVERIFY2(limit.out.contains(QStringLiteral("- requests/s, 2 spans/s, - spans/day")),
                 qPrintable(limit.out));
        QTRY_COMPARE_WITH_TIMEOUT(
            client.post(QStringLiteral("/v1/traces"), batchBody(8, 5), "application/json", auth).status, 429,
            5000);

        const auto revoke = runToEnd(
            {QStringLiteral("keys"), QStringLiteral("revoke"), key.left(10), QStringLiteral("--db"), db});
        QCOMPARE(revoke.exitCode, 0);
        QVERIFY(revoke.out.contains(QStringLiteral("Revoked")));
        // The running listener sees the revocation within about a second.
        QTRY_COMPARE_WITH_TIMEOUT(client.get(QStringLiteral("/api/v1/traces"), auth).status, 401, 5000);
        const auto again = runToEnd(
            {QStringLiteral("keys"), QStringLiteral("revoke"), key.left(10), QStringLiteral("--db"), db});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.contains(QStringLiteral("already revoked")), qPrintable(again.err));

        const auto set =
            runToEnd({QStringLiteral("workspaces"), QStringLiteral("set"), QStringLiteral("cli-team"),
                      QStringLiteral("--retention-days"), QStringLiteral("7"), QStringLiteral("--redaction"),
                      QStringLiteral("off"), QStringLiteral("--db"), db});
        QCOMPARE(set.exitCode, 0);
        const auto workspaces =
            runToEnd({QStringLiteral("workspaces"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(workspaces.exitCode, 0);
        static const QRegularExpression row(QStringLiteral("cli-team\\s+7 d\\s+off"));
        QVERIFY2(row.match(workspaces.out).hasMatch(), qPrintable(workspaces.out));
    }

    void keysCommandLineBadUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString db = QStringLiteral("--db=") + m_dir.filePath(QStringLiteral("usage.db"));
        QTest::newRow("no action") << QStringList{QStringLiteral("keys"), db} << 2
                                   << QStringLiteral("expected create");
        QTest::newRow("unknown action") << QStringList{QStringLiteral("keys"), QStringLiteral("frob"), db}
                                        << 2 << QStringLiteral("unknown action \"frob\"");
        QTest::newRow("create without workspace")
            << QStringList{QStringLiteral("keys"), QStringLiteral("create"), db} << 2
            << QStringLiteral("--workspace NAME is required");
        QTest::newRow("bad workspace name") << QStringList{QStringLiteral("keys"), QStringLiteral("create"),
                                                           QStringLiteral("--workspace=a b"), db}
                                            << 2 << QStringLiteral("expected 1 to 64");
        QTest::newRow("bad limit") << QStringList{QStringLiteral("keys"), QStringLiteral("create"),
                                                  QStringLiteral("--workspace=w"),
                                                  QStringLiteral("--spans-per-second=-3"), db}
                                   << 2 << QStringLiteral("--spans-per-second must be a positive number");
        QTest::newRow("unknown option")
            << QStringList{QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--frob"), db} << 2
            << QStringLiteral("Unknown option");
        QTest::newRow("revoke without id")
            << QStringList{QStringLiteral("keys"), QStringLiteral("revoke"), db} << 2
            << QStringLiteral("give one key id");
        QTest::newRow("revoke unknown id")
            << QStringList{QStringLiteral("keys"), QStringLiteral("revoke"), QStringLiteral("999"), db} << 1
            << QStringLiteral("no API key 999");
        QTest::newRow("limit with nothing to change")
            << QStringList{QStringLiteral("keys"), QStringLiteral("limit"), QStringLiteral("1"), db} << 2
            << QStringLiteral("nothing to change");
        QTest::newRow("limit unknown key")
            << QStringList{QStringLiteral("keys"), QStringLiteral("limit"), QStringLiteral("999"),
                           QStringLiteral("--spans-per-day=5"), db}
            << 1 << QStringLiteral("no API key 999");
        QTest::newRow("limit bad value")
            << QStringList{QStringLiteral("keys"), QStringLiteral("limit"), QStringLiteral("1"),
                           QStringLiteral("--spans-per-day=lots"), db}
            << 2 << QStringLiteral("--spans-per-day must be a positive number");
        QTest::newRow("bad retention")
            << QStringList{QStringLiteral("workspaces"), QStringLiteral("set"), QStringLiteral("local"),
                           QStringLiteral("--retention-days=x"), db}
            << 2 << QStringLiteral("--retention-days must be");
        QTest::newRow("bad redaction")
            << QStringList{QStringLiteral("workspaces"), QStringLiteral("set"), QStringLiteral("local"),
                           QStringLiteral("--redaction=maybe"), db}
            << 2 << QStringLiteral("--redaction must be on or off");
        QTest::newRow("nothing to set")
            << QStringList{QStringLiteral("workspaces"), QStringLiteral("set"), QStringLiteral("local"), db}
            << 2 << QStringLiteral("nothing to set");
        QTest::newRow("unreadable store") << QStringList{QStringLiteral("keys"), QStringLiteral("list"),
                                                         QStringLiteral("--db=/proc/nope/x.db")}
                                          << 1 << QStringLiteral("cannot open database");
    }

    void keysCommandLineBadUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        const auto result = runToEnd(arguments);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    // A non-loopback listener needs keys: it refuses to start without one, and then refuses requests
    // without a key, even those that come in over loopback.
    void nonLoopbackListenerRequiresKeys()
    {
        const QString db = m_dir.filePath(QStringLiteral("public.db"));
        Child refused({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                       QStringLiteral("0.0.0.0:0")});
        QVERIFY(refused.process().waitForFinished(30000));
        QCOMPARE(refused.process().exitCode(), 1);
        QVERIFY2(refused.stderrText().contains(QStringLiteral("refusing to listen on 0.0.0.0:0")) &&
                     refused.stderrText().contains(QStringLiteral("tracedeck keys create")),
                 qPrintable(refused.stderrText()));

        const auto created =
            runToEnd({QStringLiteral("keys"), QStringLiteral("create"), QStringLiteral("--workspace"),
                      QStringLiteral("public"), QStringLiteral("--db"), db});
        QCOMPARE(created.exitCode, 0);
        static const QRegularExpression keyPattern(QStringLiteral("td_[A-Za-z0-9_-]{43}"));
        const QByteArray key = keyPattern.match(created.out).captured(0).toLatin1();
        QVERIFY(!key.isEmpty());

        Child child({QStringLiteral("--headless"), QStringLiteral("--db"), db, QStringLiteral("--listen"),
                     QStringLiteral("0.0.0.0:0")});
        static const QRegularExpression listening(QStringLiteral("listening on http://0\\.0\\.0\\.0:(\\d+)"));
        QTRY_VERIFY_WITH_TIMEOUT(listening.match(child.stderrText()).hasMatch() ||
                                     child.process().state() == QProcess::NotRunning,
                                 30000);
        const quint16 port = quint16(listening.match(child.stderrText()).captured(1).toUInt());
        QVERIFY2(port != 0, qPrintable(child.stderrText()));
        HttpClient client(port);
        const auto anonymous = client.post(QStringLiteral("/v1/traces"), batchBody(9, 2), "application/json");
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(client.get(QStringLiteral("/health")).status, 401);
        QCOMPARE(client
                     .post(QStringLiteral("/v1/traces"), batchBody(9, 2), "application/json",
                           {{"Authorization", "Bearer " + key}})
                     .status,
                 200);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestProcess)
#include "test_process.moc"

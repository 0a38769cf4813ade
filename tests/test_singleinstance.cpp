#include "httpclient.h"
#include "singleinstance.h"

#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using namespace tracedeck;

class TestSingleInstance : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesDependOnTheDatabase()
    {
        QCOMPARE(SingleInstance::serverNameFor(QStringLiteral("/tmp/a.db")),
                 SingleInstance::serverNameFor(QStringLiteral("/tmp/../tmp/a.db")));
        QVERIFY(SingleInstance::serverNameFor(QStringLiteral("/tmp/a.db")) !=
                SingleInstance::serverNameFor(QStringLiteral("/tmp/b.db")));
    }

    void noneRunningMeansNoHandOver()
    {
        SingleInstance second(m_dir.filePath(QStringLiteral("none.db")));
        QVERIFY(!second.handOver({QStringLiteral("trace.json")}, 500));
    }

    // The second start hands its files (made absolute) to the first, which is told on its own thread.
    void filesReachTheRunningInstance()
    {
        const QString db = m_dir.filePath(QStringLiteral("store.db"));
        SingleInstance first(db);
        QString error;
        QVERIFY2(first.listen(&error), qPrintable(error));
        QSignalSpy opened(&first, &SingleInstance::openRequested);
        bool handed = false;
        std::thread client([&] {
            SingleInstance second(db);
            handed = second.handOver({QStringLiteral("relative/run.jsonl"), QStringLiteral("/abs/x.json")});
        });
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        client.join();
        QVERIFY(handed);
        const QStringList files = opened.at(0).at(0).toStringList();
        QCOMPARE(files.size(), 2);
        QCOMPARE(files.at(0), QDir::current().absoluteFilePath(QStringLiteral("relative/run.jsonl")));
        QCOMPARE(files.at(1), QStringLiteral("/abs/x.json"));

        // Another database is another instance.
        SingleInstance other(m_dir.filePath(QStringLiteral("other.db")));
        QVERIFY(!other.handOver({}, 300));
    }

    void garbageIsRefusedAndTheServerKeepsServing()
    {
        const QString db = m_dir.filePath(QStringLiteral("garbage.db"));
        SingleInstance first(db);
        QString error;
        QVERIFY(first.listen(&error));
        QSignalSpy opened(&first, &SingleInstance::openRequested);
        QByteArray reply;
        std::atomic<bool> answered{false};
        std::thread client([&] {
            QLocalSocket socket;
            socket.connectToServer(first.serverName());
            if (!socket.waitForConnected(3000)) {
                answered = true;
                return;
            }
            socket.write("not json\n");
            socket.waitForBytesWritten(3000);
            while (!socket.canReadLine() && socket.waitForReadyRead(3000)) {
            }
            reply = socket.readLine();
            answered = true;
        });
        // The server answers on this thread's event loop.
        QTRY_VERIFY_WITH_TIMEOUT(answered.load(), 10000);
        client.join();
        QVERIFY2(reply.contains("\"ok\":false"), reply.constData());
        QCOMPARE(opened.count(), 0);
        bool handed = false;
        std::thread again([&] { handed = SingleInstance(db).handOver({}); });
        QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 10000);
        again.join();
        QVERIFY(handed);
    }

    // A crashed instance leaves its socket file behind; the next start takes the name over.
    void staleSocketIsReplaced()
    {
        const QString db = m_dir.filePath(QStringLiteral("stale.db"));
        const QString name = SingleInstance::serverNameFor(db);
        const QString socketPath = QDir::temp().filePath(name);
        QFile stale(socketPath);
        QVERIFY(stale.open(QIODevice::WriteOnly)); // a plain file where the socket would be
        stale.close();
        SingleInstance next(db);
        QVERIFY(!next.handOver({}, 300));
        QString error;
        QVERIFY2(next.listen(&error), qPrintable(error));
    }

    // The real binary, twice on one store: the second start hands its file to the first window and exits; the
    // first imports it.
    void secondStartHandsFilesToTheRunningWindow()
    {
        const QString db = m_dir.filePath(QStringLiteral("binary.db"));
        QProcess first;
        QByteArray firstErr;
        connect(&first, &QProcess::readyReadStandardError, this,
                [&] { firstErr += first.readAllStandardError(); });
        first.start(QStringLiteral(TRACEDECK_BINARY),
                    {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db});
        QVERIFY(first.waitForStarted());
        static const QRegularExpression listening(
            QStringLiteral(R"(listening on http://127\.0\.0\.1:(\d+) )"));
        QTRY_VERIFY_WITH_TIMEOUT(listening.match(QString::fromUtf8(firstErr)).hasMatch(), 30000);
        const quint16 port = quint16(listening.match(QString::fromUtf8(firstErr)).captured(1).toUInt());
        // The window listens for other starts once it is up; a start before that would open a second window.
        SingleInstance probe(db);
        QTRY_VERIFY_WITH_TIMEOUT(probe.handOver({}, 200), 30000);

        QProcess second;
        second.start(QStringLiteral(TRACEDECK_BINARY),
                     {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db,
                      QStringLiteral(TRACEDECK_TEST_DATA "/zipkin/yelp.json")});
        QVERIFY(second.waitForFinished(30000));
        QCOMPARE(second.exitCode(), 0);
        QVERIFY(second.readAllStandardError().contains("handed 1 file(s)"));

        HttpClient client(port);
        QTRY_VERIFY_WITH_TIMEOUT(client.get(QStringLiteral("/health")).body.contains("\"storedSpans\":16"),
                                 30000);
        first.terminate();
        QVERIFY(first.waitForFinished(30000));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "test_singleinstance.moc"

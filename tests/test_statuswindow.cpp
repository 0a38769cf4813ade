#include "engine.h"
#include "httpclient.h"
#include "statusbinding.h"
#include "statuswindow.h"

#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

namespace {

QByteArray otlpJsonTrace(const QByteArray &traceId, int spans)
{
    QByteArray body =
        R"({"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},"scopeSpans":[{"spans":[)";
    for (int i = 0; i < spans; ++i) {
        if (i)
            body += ',';
        body += R"({"traceId":")" + traceId + R"(","spanId":"00000000000000)" + QByteArray::number(10 + i) +
                R"(","name":"step","kind":1,"startTimeUnixNano":"1000","endTimeUnixNano":"2000"})";
    }
    return body + "]}]}]}";
}

} // namespace

class TestStatusWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsWhereToSendTraces()
    {
        StatusWindow window;
        window.setListenAddress(QStringLiteral("127.0.0.1:4318"));
        window.setDatabasePath(QStringLiteral("/tmp/x.db"));
        window.setCounts(1234, 56789);
        QCOMPARE(window.endpointText(), QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318"));
        QCOMPARE(window.countsText(),
                 QLocale().toString(1234) + QLatin1Char('/') + QLocale().toString(56789));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage shot = window.grab().toImage();
        QVERIFY(!shot.isNull());
        QVERIFY(shot.width() >= 400);
        if (qEnvironmentVariableIsSet("TRACEDECK_SCREENSHOT_DIR"))
            shot.save(qEnvironmentVariable("TRACEDECK_SCREENSHOT_DIR") + QStringLiteral("/statuswindow.png"));
    }

    // The window follows the store by signals while the listener and writer run on their own threads.
    void countsFollowIngestLive()
    {
        QTemporaryDir dir;
        Options options;
        options.databasePath = dir.filePath(QStringLiteral("t.db"));
        options.ingest.address.port = 0;
        Engine engine;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        StatusWindow window;
        bindStatusWindow(engine, window);
        QCOMPARE(window.countsText(), QStringLiteral("0/0"));
        QVERIFY(window.endpointText().endsWith(QString::number(engine.listener()->address().port)));

        HttpClient client(engine.listener()->address().port);
        QCOMPARE(client
                     .post(QStringLiteral("/v1/traces"), otlpJsonTrace("0af7651916cd43dd8448eb211c80319c", 3),
                           "application/json")
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.countsText(), QStringLiteral("1/3"), 30000);
        QCOMPARE(client
                     .post(QStringLiteral("/v1/traces"), otlpJsonTrace("1af7651916cd43dd8448eb211c80319c", 2),
                           "application/json")
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(window.countsText(), QStringLiteral("2/5"), 30000);
    }
};

QTEST_MAIN(TestStatusWindow)
#include "test_statuswindow.moc"

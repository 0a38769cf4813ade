#include "fileimport.h"
#include "gzipsupport.h"
#include "otlpjsondecoder.h"
#include "otlpprotodecoder.h"
#include "spanwriter.h"
#include "tracefilereader.h"
#include "zipkindecoder.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;
using tracedeck::testing::gzip;

namespace {

QString dataPath(const char *relative)
{
    return QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(relative);
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString writeFile(const QTemporaryDir &dir, const char *name, const QByteArray &bytes)
{
    const QString path = dir.filePath(QLatin1String(name));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

size_t directDecodeCount(TraceFileReader::Format format, const QByteArray &bytes)
{
    const std::string_view view(bytes.constData(), size_t(bytes.size()));
    switch (format) {
    case TraceFileReader::Format::OtlpJson:
        return OtlpJsonDecoder::decode(view).spans.size();
    case TraceFileReader::Format::OtlpProtobuf:
        return OtlpProtoDecoder::decode(view).spans.size();
    case TraceFileReader::Format::ZipkinJson:
        return ZipkinDecoder::decode(view).spans.size();
    default:
        return 0;
    }
}

} // namespace

Q_DECLARE_METATYPE(TraceFileReader::Format)

class TestFileImport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void detectsTheFormatFromContent_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<TraceFileReader::Format>("format");
        QTest::newRow("otlp json") << dataPath("otlp/otel-proto-example-trace.json")
                                   << TraceFileReader::Format::OtlpJson;
        QTest::newRow("otlp genai") << dataPath("otlp/genai-interlingua-openinference.json")
                                    << TraceFileReader::Format::OtlpJson;
        QTest::newRow("otlp protobuf")
            << dataPath("otlp-proto/otel-proto-example-trace.binpb") << TraceFileReader::Format::OtlpProtobuf;
        QTest::newRow("zipkin") << dataPath("zipkin/yelp.json") << TraceFileReader::Format::ZipkinJson;
        QTest::newRow("zipkin kafka")
            << dataPath("zipkin/messaging-kafka.json") << TraceFileReader::Format::ZipkinJson;
    }

    void detectsTheFormatFromContent()
    {
        QFETCH(QString, path);
        QFETCH(TraceFileReader::Format, format);
        const QByteArray bytes = readAll(path);
        QVERIFY(!bytes.isEmpty());
        const auto result = TraceFileReader::readFile(path);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.format, format);
        const size_t expected = directDecodeCount(format, bytes);
        QVERIFY(expected > 0);
        QCOMPARE(result.decoded.spans.size(), expected);
        // The same file gzip-compressed reads the same.
        const auto zipped = TraceFileReader::decode(gzip(bytes));
        QCOMPARE(zipped.format, format);
        QCOMPARE(zipped.decoded.spans.size(), expected);
    }

    void readsJsonLinesLineByLine()
    {
        const QString path = dataPath("otlp/jaeger-ui-otlp2jaeger-multi-in.jsonl");
        const auto result = TraceFileReader::readFile(path);
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.format, TraceFileReader::Format::OtlpJsonLines);
        size_t expected = 0;
        for (const QByteArray &line : readAll(path).split('\n')) {
            if (!line.trimmed().isEmpty())
                expected += OtlpJsonDecoder::decode(std::string_view(line.constData(), size_t(line.size())))
                                .spans.size();
        }
        QCOMPARE(result.decoded.spans.size(), expected);
    }

    void aBadLineIsNamedAndTheOthersKept()
    {
        QByteArray lines = readAll(dataPath("otlp/jaeger-ui-otlp2jaeger-multi-in.jsonl")).trimmed();
        const qsizetype firstEnd = lines.indexOf('\n');
        lines.insert(firstEnd + 1, QByteArray("{\"resourceSpans\": [oops\n"));
        const auto result = TraceFileReader::decode(lines);
        QVERIFY(result.error.isEmpty());
        QVERIFY(!result.decoded.spans.empty());
        QVERIFY(!result.decoded.errors.empty());
        QVERIFY2(QString::fromStdString(result.decoded.errors.front()).startsWith(QStringLiteral("line 2: ")),
                 result.decoded.errors.front().c_str());
    }

    void badFilesSayWhy_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("the file is empty");
        QTest::newRow("truncated json")
            << QByteArray("{\"resourceSpans\": [{\"scopeSpans\": [") << QStringLiteral("as OTLP JSON");
        QTest::newRow("not a trace") << QByteArray("hello, world") << QStringLiteral("as OTLP protobuf");
        QTest::newRow("corrupt gzip") << QByteArray("\x1f\x8b\x08\x00garbage", 12) << QStringLiteral("gzip");
    }

    void badFilesSayWhy()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        const auto result = TraceFileReader::decode(bytes);
        QVERIFY2(result.error.contains(expected), qPrintable(result.error));
        QVERIFY(result.decoded.spans.empty());
    }

    void gzipBombIsRefused()
    {
        const QByteArray bomb = gzip(QByteArray(64 << 20, '{'));
        QVERIFY(bomb.size() < 1 << 20);
        const auto result = TraceFileReader::decode(bomb, 8 << 20);
        QVERIFY2(!result.error.isEmpty(), "a 64 MB inflation passed an 8 MB cap");
        QVERIFY(result.decoded.spans.empty());
    }

    void importStoresEveryGoodFileOnceAndReportsTheBadOne()
    {
        QTemporaryDir dir;
        std::string error;
        auto writer = SpanWriter::open(dir.filePath(QStringLiteral("import.db")).toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        const QString bad = writeFile(dir, "bad.json", "{\"resourceSpans\": [");
        const QStringList files{dataPath("otlp/otel-proto-example-trace.json"), dataPath("zipkin/yelp.json"),
                                bad};
        const size_t expected = TraceFileReader::readFile(files[0]).decoded.spans.size() +
                                TraceFileReader::readFile(files[1]).decoded.spans.size();

        FileImport import(*writer);
        QSignalSpy done(&import, &FileImport::fileDone);
        QSignalSpy finished(&import, &FileImport::finished);
        import.start(files);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toLongLong(), qint64(expected));
        QCOMPARE(finished.first().at(1).toInt(), 1);
        QCOMPARE(done.size(), 3);
        const auto badReport = done.at(2).first().value<FileImport::FileReport>();
        QCOMPARE(badReport.spans, 0);
        QVERIFY2(badReport.error.contains(QStringLiteral("bad.json")), qPrintable(badReport.error));
        QCOMPARE(writer->storedSpans(), int64_t(expected));

        import.start(files); // again: acknowledged, stored once
        QVERIFY(finished.wait(30000));
        QCOMPARE(writer->storedSpans(), int64_t(expected));
    }
};

QTEST_GUILESS_MAIN(TestFileImport)
#include "test_fileimport.moc"

#include "gzipsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

namespace {

QString dataPath(const char *relative)
{
    return QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(relative);
}

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runTracedeck(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(TRACEDECK_BINARY), arguments);
    Run run;
    if (!process.waitForFinished(60000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

qint64 rows(const QString &dbPath, const char *sql)
{
    sqlite3 *db = nullptr;
    qint64 value = -1;
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW)
            value = sqlite3_column_int64(stmt, 0);
        sqlite3_finalize(stmt);
    }
    sqlite3_close(db);
    return value;
}

} // namespace

class TestImportCommand : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void importsFilesAndSummarizes()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.db"));
        const QString zipped = dir.filePath(QStringLiteral("yelp.gz"));
        QFile in(dataPath("zipkin/yelp.json")), out(zipped);
        QVERIFY(in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly));
        out.write(tracedeck::testing::gzip(in.readAll()));
        out.close();
        const Run run = runTracedeck({QStringLiteral("import"), QStringLiteral("--db"), db,
                                      dataPath("jaeger/jaeger-ui-genai-trace.json"),
                                      dataPath("langfuse/openai-agents-2025-09-30.json"), zipped});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral(
                     "jaeger-ui-genai-trace.json: 1 trace(s), 57 span(s), 0 rejected [Jaeger JSON]")),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral(
                     "openai-agents-2025-09-30.json: 1 trace(s), 6 span(s), 0 rejected [Langfuse export]")),
                 qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QStringLiteral("yelp.gz: 1 trace(s), 16 span(s), 0 rejected [Zipkin v2 JSON]")),
            qPrintable(run.out));
        QVERIFY2(run.out.contains(
                     QStringLiteral("total: 3 file(s), 3 trace(s), 79 span(s), 0 rejected, 0 failed")),
                 qPrintable(run.out));
        QVERIFY2(run.err.contains(QStringLiteral("importing ")), qPrintable(run.err)); // progress on stderr
        QCOMPARE(rows(db, "SELECT count(*) FROM spans"), 79);
        QCOMPARE(rows(db, "SELECT count(*) FROM spans WHERE model LIKE 'gpt-4.1%'"), 2);

        // Again: stored once.
        const Run again =
            runTracedeck({QStringLiteral("import"), QStringLiteral("-q"), QStringLiteral("--db"), db,
                          dataPath("jaeger/jaeger-ui-genai-trace.json")});
        QCOMPARE(again.exitCode, 0);
        QVERIFY(!again.err.contains(QStringLiteral("importing ")));
        QCOMPARE(rows(db, "SELECT count(*) FROM spans"), 79);
    }

    void aFailedFileIsNamedAndExitsOne()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("cli.db"));
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"data\": [{\"traceID\": \"ab\", \"spans\": [");
        file.close();
        const Run run =
            runTracedeck({QStringLiteral("import"), QStringLiteral("--db"), db, dataPath("zipkin/skew.json"),
                          bad, dir.filePath(QStringLiteral("missing.json"))});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(
            run.err.contains(bad + QStringLiteral(": not a trace file Tracedeck can read as Jaeger JSON")),
            qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("cannot open ")), qPrintable(run.err));
        QVERIFY2(
            run.out.contains(QStringLiteral("total: 3 file(s), 1 trace(s), 4 span(s), 0 rejected, 2 failed")),
            qPrintable(run.out));
        QCOMPARE(rows(db, "SELECT count(*) FROM spans"), 4);
    }

    void badCommandLines()
    {
        QCOMPARE(runTracedeck({QStringLiteral("import")}).exitCode, 2);
        QCOMPARE(
            runTracedeck({QStringLiteral("import"), QStringLiteral("--bogus"), QStringLiteral("x")}).exitCode,
            2);
        const Run help = runTracedeck({QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QStringLiteral("Exit codes")));
        QTemporaryDir dir;
        const Run noStore = runTracedeck(
            {QStringLiteral("import"), QStringLiteral("--db"), dir.path(), dataPath("zipkin/skew.json")});
        QCOMPARE(noStore.exitCode, 3);
        QVERIFY2(noStore.err.contains(QStringLiteral("cannot open the store")), qPrintable(noStore.err));
        // Files and --headless do not go together: the files are for the window.
        QCOMPARE(runTracedeck({QStringLiteral("--headless"), dataPath("zipkin/skew.json")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestImportCommand)
#include "test_importcommand.moc"

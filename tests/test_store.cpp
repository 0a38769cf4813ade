#include "database.h"
#include "schema.h"
#include "spanwriter.h"
#include "storesupport.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <future>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

Span makeSpan(const std::string &trace, const std::string &id, int64_t start, int64_t end)
{
    Span span;
    span.traceId = trace;
    span.spanId = id;
    span.name = "op-" + id;
    span.service = "svc";
    span.startNs = start;
    span.endNs = end;
    span.source = "test";
    span.attributes = {{"k", id}};
    return span;
}

int64_t queryInt(const QString &path, const std::string &sql)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    if (!db)
        return -1;
    return db->queryInt(sql, &error);
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("store-%1.db").arg(++m_counter));
    }

    void createsSchemaAndReopens()
    {
        std::string error;
        {
            auto writer = SpanWriter::open(m_path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
        }
        QCOMPARE(queryInt(m_path, "PRAGMA user_version"), int64_t(Schema::currentVersion()));
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM sqlite_master WHERE name = 'spans_by_request'"), 1);
        QCOMPARE(
            queryInt(m_path, "SELECT count(*) FROM workspaces WHERE name = 'local' AND retention_days = 30"),
            1);
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM api_keys"), 0);
        QCOMPARE(queryInt(m_path, "PRAGMA auto_vacuum"), 2); // incremental, for retention purges
        auto again = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY2(again, error.c_str());
        QCOMPARE(again->storedSpans(), 0);
    }

    void migratesVersion2StoreToWorkspaces()
    {
        std::string error;
        {
            auto writer = SpanWriter::open(m_path.toStdString(), &error);
            QVERIFY2(writer, error.c_str());
            Span span = makeSpan("t1", "s1", 100, 200);
            span.workspace = "team-a";
            QVERIFY(writeAndWait(*writer, {span}).ok);
        }
        {
            // Back to what a version 2 file held: no workspace or key tables.
            auto db = Database::open(m_path.toStdString(), Database::Mode::ReadWrite, &error);
            QVERIFY(db);
            QVERIFY(db->exec("DROP INDEX spans_by_prompt; ALTER TABLE spans DROP COLUMN prompt_hash; "
                             "ALTER TABLE metric_rollups_hourly DROP COLUMN cached_input_tokens; "
                             "DROP TABLE key_usage; DROP TABLE api_keys; DROP TABLE workspaces; DROP TABLE "
                             "metric_rollups; DROP INDEX traces_by_stored; ALTER TABLE traces DROP COLUMN "
                             "stored_ns; PRAGMA user_version = 2",
                             &error));
        }
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        QCOMPARE(queryInt(m_path, "PRAGMA user_version"), int64_t(Schema::currentVersion()));
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM workspaces WHERE name IN ('local', 'team-a')"), 2);
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM spans"), 1);
        // Traces stored before version 6 count their retention from the upgrade, not from the epoch.
        const int64_t upgradeSeconds = QDateTime::currentSecsSinceEpoch();
        const int64_t storedSeconds = queryInt(m_path, "SELECT stored_ns / 1000000000 FROM traces");
        QVERIFY2(std::abs(storedSeconds - upgradeSeconds) < 60, std::to_string(storedSeconds).c_str());
        // The rollups are backfilled from the stored span.
        QCOMPARE(
            queryInt(m_path, "SELECT spans FROM metric_rollups WHERE workspace = 'team-a' AND grouping = 0"),
            1);
        QCOMPARE(
            queryInt(m_path, "SELECT traces FROM metric_rollups WHERE workspace = 'team-a' AND grouping = 0"),
            1);
    }

    // Opening a connection read-write (the listener's key store, the CLI) must not need the write lock:
    // with the writer in the middle of a long commit it opens at once instead of waiting out the busy
    // timeout and failing with "database is locked".
    void openingReadWriteDoesNotWaitForTheWriter()
    {
        std::string error;
        auto writer = Database::open(m_path.toStdString(), Database::Mode::ReadWrite, &error);
        QVERIFY2(writer && Schema::migrate(*writer, &error), error.c_str());
        QCOMPARE(writer->queryInt("PRAGMA auto_vacuum"), int64_t(2)); // a new file gets incremental vacuum
        QVERIFY(
            writer->exec("BEGIN IMMEDIATE; INSERT INTO store_meta (key, value) VALUES ('held', 1)", &error));
        QElapsedTimer timer;
        timer.start();
        auto other = Database::open(m_path.toStdString(), Database::Mode::ReadWrite, &error);
        QVERIFY2(other, error.c_str());
        QVERIFY2(Schema::migrate(*other, &error), error.c_str());
        QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed()))); // busy timeout is 5 s
        QCOMPARE(other->queryInt("SELECT count(*) FROM store_meta WHERE key = 'held'"), int64_t(0));
        QVERIFY(writer->exec("COMMIT", &error));
    }

    void refusesNewerSchema()
    {
        std::string error;
        {
            auto db = Database::open(m_path.toStdString(), Database::Mode::ReadWrite, &error);
            QVERIFY(db);
            QVERIFY(db->exec("PRAGMA user_version = 99"));
        }
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(!writer);
        QVERIFY2(error.find("newer than this Tracedeck") != std::string::npos, error.c_str());
    }

    void refusesFileThatIsNotADatabase()
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(!writer);
        QVERIFY2(error.find("not a database") != std::string::npos, error.c_str());
    }

    void upsertStoresEachSpanOnceAndUpdatesChangedOnes()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        SpanBatch batch{makeSpan("t1", "a", 100, 200), makeSpan("t1", "b", 150, 180),
                        makeSpan("t2", "c", 50, 60)};
        CommitResult first = writeAndWait(*writer, batch);
        QVERIFY(first.ok);
        QCOMPARE(first.stats.inserted, 3);
        QCOMPARE(first.stats.newTraces, 2);
        QCOMPARE(writer->storedSpans(), 3);
        QCOMPARE(writer->storedTraces(), 2);

        CommitResult resent = writeAndWait(*writer, batch);
        QVERIFY(resent.ok);
        QCOMPARE(resent.stats.unchanged, 3);
        QCOMPARE(resent.stats.inserted, 0);
        QCOMPARE(writer->storedSpans(), 3);

        // Later data for the same span (an end time that moved) updates it and its trace summary.
        Span later = makeSpan("t1", "a", 100, 900);
        later.status = SpanStatus::Error;
        CommitResult update = writeAndWait(*writer, SpanBatch{later});
        QCOMPARE(update.stats.updated, 1);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM spans"), 3);
        QCOMPARE(queryInt(m_path, "SELECT end_ns FROM spans WHERE span_id = 'a'"), 900);
        QCOMPARE(queryInt(m_path, "SELECT end_ns FROM traces WHERE trace_id = 't1'"), 900);
        QCOMPARE(queryInt(m_path, "SELECT span_count FROM traces WHERE trace_id = 't1'"), 2);
        QCOMPARE(queryInt(m_path, "SELECT error_count FROM traces WHERE trace_id = 't1'"), 1);
    }

    void sameSpanTwiceInOneBatchIsOneRow()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        CommitResult result = writeAndWait(*writer, {makeSpan("t", "a", 1, 2), makeSpan("t", "a", 1, 5)});
        QVERIFY(result.ok);
        QCOMPARE(result.stats.inserted, 1);
        QCOMPARE(result.stats.updated, 1);
        QCOMPARE(result.stats.newTraces, 1);
        QCOMPARE(writer->storedTraces(), 1);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT end_ns FROM traces WHERE trace_id = 't'"), 5);
        QCOMPARE(queryInt(m_path, "SELECT span_count FROM traces"), 1);
    }

    void traceSummaryCountsRootTokensAndCost()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        Span root = makeSpan("t", "root", 0, 1000);
        root.name = "agent run";
        Span llm = makeSpan("t", "llm", 10, 900);
        llm.parentSpanId = "root";
        llm.fields.inputTokens = 100;
        llm.fields.outputTokens = 20;
        llm.fields.costUsd = 0.25;
        Span unknownCost = makeSpan("t", "llm2", 20, 800);
        unknownCost.parentSpanId = "root";
        unknownCost.fields.inputTokens = 5;
        QVERIFY(writeAndWait(*writer, {llm, unknownCost}).ok);
        QVERIFY(writeAndWait(*writer, {root}).ok);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT span_count FROM traces"), 3);
        QCOMPARE(queryInt(m_path, "SELECT root_name = 'agent run' FROM traces"), 1);
        QCOMPARE(queryInt(m_path, "SELECT input_tokens FROM traces"), 105);
        QCOMPARE(queryInt(m_path, "SELECT output_tokens FROM traces"), 20);
        QCOMPARE(queryInt(m_path, "SELECT cost_usd * 100 FROM traces"), 25);
        QCOMPARE(queryInt(m_path, "SELECT parent_span_id IS NULL FROM spans WHERE span_id = 'root'"), 1);
    }

    void unknownCostStaysNullNotZero()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        Span span = makeSpan("t", "a", 0, 1);
        span.fields.model = "some-unpriced-model";
        span.fields.inputTokens = 10;
        QVERIFY(writeAndWait(*writer, {span}).ok);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT cost_usd IS NULL FROM spans"), 1);
        QCOMPARE(queryInt(m_path, "SELECT cost_usd IS NULL FROM traces"), 1);
        QCOMPARE(queryInt(m_path, "SELECT cost_source FROM spans"), 0);
    }

    void messagesBecomeSearchableBehindTheCommits()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        QSignalSpy caughtUp(writer.get(), &SpanWriter::ftsCaughtUp);
        Span span = makeSpan("t", "a", 0, 1);
        span.fields.messages = nlohmann::json::array(
            {{{"role", "user"}, {"content", "what is the capital of Burkina Faso"}},
             {{"role", "assistant"},
              {"content", ""},
              {"tool_calls",
               {{{"id", "c1"}, {"name", "lookup_capital"}, {"arguments", "{\"country\":\"BF\"}"}}}}}});
        QVERIFY(writeAndWait(*writer, {span, makeSpan("t", "b", 0, 1)}).ok);
        QTRY_VERIFY_WITH_TIMEOUT(writer->ftsIndexedSeq() == writer->changeSeq(), 10000);
        // Emitted on the writer thread just after the counter moves: wait for it, do not expect it already.
        QTRY_VERIFY_WITH_TIMEOUT(caughtUp.count() >= 1, 10000);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'burkina'"), 1);
        QCOMPARE(
            queryInt(m_path, "SELECT count(*) FROM message_fts WHERE message_fts MATCH 'lookup_capital'"), 1);
        QCOMPARE(queryInt(m_path, "SELECT rowid FROM message_fts WHERE message_fts MATCH 'burkina'"),
                 queryInt(m_path, "SELECT id FROM spans WHERE span_id = 'a'"));
        QCOMPARE(queryInt(m_path, "SELECT value FROM store_meta WHERE key = 'fts_indexed_seq'"), 2);
    }

    void fullQueueRefusesAtOnceAndNothingAcceptedIsLost()
    {
        std::string error;
        SpanWriter::Options options;
        options.maxQueuedSpans = 2;
        auto writer = SpanWriter::open(m_path.toStdString(), options, &error);
        QVERIFY(writer);
        // Another connection holds the write lock, so the writer blocks in its first commit.
        auto blocker = Database::open(m_path.toStdString(), Database::Mode::ReadWrite, &error);
        QVERIFY(blocker);
        QVERIFY(blocker->exec("BEGIN IMMEDIATE"));
        std::atomic<int> committed{0};
        auto count = [&](const CommitResult &r) { committed += r.ok ? 1 : 0; };
        QCOMPARE(writer->submit({makeSpan("t", "1", 0, 1)}, count), SpanWriter::Submit::Accepted);
        QTRY_COMPARE_WITH_TIMEOUT(writer->queuedSpans(), size_t(0), 30000); // taken by the blocked writer
        QCOMPARE(writer->submit({makeSpan("t", "2", 0, 1), makeSpan("t", "3", 0, 1)}, count),
                 SpanWriter::Submit::Accepted);
        QCOMPARE(writer->submit({makeSpan("t", "4", 0, 1)}, count), SpanWriter::Submit::QueueFull);
        QVERIFY(blocker->exec("COMMIT"));
        QTRY_COMPARE_WITH_TIMEOUT(committed.load(), 2, 10000);
        writer->stop();
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM spans"), 3);
    }

    // The writer only appends to the write-ahead log; a checkpointer thread copies it into the database file.
    void logIsCheckpointedIntoTheDatabaseFile()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        const qint64 emptySize = QFileInfo(m_path).size();
        SpanBatch batch;
        for (int i = 0; i < 1500; ++i) {
            Span span = makeSpan("t", std::to_string(i), i, i + 1);
            span.attributes["text"] = std::string(3000, char('a' + i % 26));
            batch.push_back(std::move(span));
        }
        QVERIFY(writeAndWait(*writer, std::move(batch)).ok);
        // 1500 rows of 3 KB: well past the 1000 frames that wake the checkpointer, with the writer now idle.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_path).size() > emptySize + 4'000'000, 30000);
        writer.reset();
        QVERIFY(!QFile::exists(m_path + QStringLiteral("-wal")));
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM spans"), 1500);
    }

    void stopCommitsWhatIsQueued()
    {
        std::string error;
        auto writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY(writer);
        std::atomic<int> committed{0};
        for (int i = 0; i < 50; ++i)
            QCOMPARE(writer->submit({makeSpan("t", std::to_string(i), i, i + 1)},
                                    [&](const CommitResult &r) { committed += r.ok; }),
                     SpanWriter::Submit::Accepted);
        writer->stop();
        QCOMPARE(committed.load(), 50);
        QCOMPARE(writer->submit({makeSpan("t", "late", 0, 1)}, {}), SpanWriter::Submit::Stopped);
        QCOMPARE(queryInt(m_path, "SELECT count(*) FROM spans"), 50);
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_counter = 0;
};

QTEST_GUILESS_MAIN(TestStore)
#include "test_store.moc"

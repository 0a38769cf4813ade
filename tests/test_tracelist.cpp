#include "displayformat.h"
#include "storereader.h"
#include "storesupport.h"
#include "tracefilter.h"
#include "tracelistmodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace tracedeck;
using tracedeck::testing::writeAndWait;

namespace {

constexpr int64_t kBaseNs = 1'700'000'000'000'000'000;
const char *const kServices[] = {"gateway", "ml-service", "billing", "search"};
const char *const kModels[] = {"gpt-4o", "gpt-4o-mini", "claude-3-5-sonnet"};

// Trace i: a root on a rotating service and an LLM child; every 7th trace has an error, every 5th a user.
SpanBatch makeTrace(int i, int64_t startNs)
{
    const std::string traceId = QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0')).toStdString();
    Span root;
    root.traceId = traceId;
    root.spanId = "r" + std::to_string(i);
    root.name = "handle-" + std::to_string(i % 3);
    root.service = kServices[i % 4];
    root.startNs = startNs;
    root.endNs = startNs + 1'000'000 * (1 + (i * 37) % 500);
    root.source = "test";
    if (i % 5 == 0)
        root.fields.userId = "user-" + std::to_string(i % 3);
    Span llm = root;
    llm.spanId = "l" + std::to_string(i);
    llm.parentSpanId = root.spanId;
    llm.name = "chat";
    llm.service = "llm-proxy";
    llm.startNs = startNs + 1000;
    llm.endNs = root.endNs - 1000;
    llm.fields.userId.clear();
    llm.fields.category = "llm";
    llm.fields.model = kModels[i % 3];
    llm.fields.inputTokens = 10 * i;
    llm.fields.outputTokens = 3 * i;
    llm.fields.costUsd = 0.001 * (i % 11);
    llm.fields.statusCode = i % 2 ? 200 : 500;
    llm.fields.messages = {{{"role", "user"}, {"content", i == 42 ? "please find the zebracorn" : "hello"}}};
    if (i % 7 == 0)
        llm.status = SpanStatus::Error;
    return {root, llm};
}

QStringList traceIds(const TraceListModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(TraceListModel::TraceIdRole).toString();
    return ids;
}

QString idOf(int i)
{
    return QStringLiteral("%1").arg(i, 32, 16, QLatin1Char('0'));
}

// Loads every page: fetchMore until the store has no more.
bool loadAll(TraceListModel &model)
{
    QSignalSpy loaded(&model, &TraceListModel::loaded);
    QSignalSpy failed(&model, &TraceListModel::queryFailed);
    while (failed.isEmpty()) {
        if (model.isLoading() && !loaded.wait(10000))
            return false;
        if (model.isLoading())
            continue;
        if (!model.canFetchMore({}))
            return true;
        model.fetchMore({});
    }
    qWarning() << "query failed:" << failed.first().first().toString();
    return false;
}

} // namespace

class TestTraceList : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("traces.db"));
        std::string error;
        m_writer = SpanWriter::open(m_path.toStdString(), &error);
        QVERIFY2(m_writer, error.c_str());
        SpanBatch batch;
        for (int i = 0; i < kTraces; ++i) {
            SpanBatch trace = makeTrace(i, kBaseNs + int64_t(i) * 1'000'000'000);
            std::move(trace.begin(), trace.end(), std::back_inserter(batch));
        }
        QCOMPARE(writeAndWait(*m_writer, std::move(batch)).ok, true);
        QSignalSpy fts(m_writer.get(), &SpanWriter::ftsCaughtUp);
        QVERIFY(fts.wait(10000));
    }

    void parsesQueryString_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("roundTrip");
        QTest::addColumn<bool>("valid");
        QTest::newRow("fields") << QStringLiteral("service:ml-service status:error model:gpt-4*")
                                << QStringLiteral("service:ml-service model:gpt-4* status:error") << true;
        QTest::newRow("free text stays")
            << QStringLiteral("refund https://x.io/a:b") << QStringLiteral("refund https://x.io/a:b") << true;
        QTest::newRow("quoted value") << QStringLiteral("user:\"ann lee\" code:503")
                                      << QStringLiteral("user:\"ann lee\" code:503") << true;
        QTest::newRow("trace id lowercased")
            << QStringLiteral("trace:ABCD") << QStringLiteral("trace:abcd") << true;
        QTest::newRow("bad status") << QStringLiteral("status:maybe") << QString() << false;
    }

    void parsesQueryString()
    {
        QFETCH(QString, query);
        QFETCH(QString, roundTrip);
        QFETCH(bool, valid);
        QString error;
        const TraceFilter filter = TraceFilter::parse(query, &error);
        QCOMPARE(error.isEmpty(), valid);
        if (valid)
            QCOMPARE(filter.toQuery(), roundTrip);
        else
            QVERIFY(error.contains(QStringLiteral("status:maybe")));
    }

    void formatsDurationsInHumanUnits()
    {
        QCOMPARE(DisplayFormat::duration(850), QStringLiteral("850 ns"));
        QCOMPARE(DisplayFormat::duration(12'400), QStringLiteral("12.4 µs"));
        QCOMPARE(DisplayFormat::duration(4'560'000), QStringLiteral("4.56 ms"));
        QCOMPARE(DisplayFormat::duration(312'500'000), QStringLiteral("313 ms"));
        QCOMPARE(DisplayFormat::duration(2'345'600'000), QStringLiteral("2.35 s"));
        QCOMPARE(DisplayFormat::duration(125'000'000'000), QStringLiteral("2 min 5 s"));
        QCOMPARE(DisplayFormat::duration(3'780'000'000'000), QStringLiteral("1 h 3 min"));
    }

    void pagesNewestFirstAndPassesModelTester()
    {
        TraceListModel model(m_path);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&model, &TraceListModel::loaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), TraceListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kTraces);
        const QStringList ids = traceIds(model);
        QCOMPARE(ids.first(), idOf(kTraces - 1));
        QCOMPARE(ids.last(), idOf(0));
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), kTraces);
        const TraceSummary *first = model.trace(0);
        QCOMPARE(first->spanCount, 2);
        QCOMPARE(QString::fromStdString(first->services),
                 QStringLiteral("llm-proxy,") + QLatin1String(kServices[(kTraces - 1) % 4]));
        QCOMPARE(model.index(0, int(TraceColumn::Root)).data().toString(),
                 QLatin1String(kServices[(kTraces - 1) % 4]) + QStringLiteral(": handle-") +
                     QString::number((kTraces - 1) % 3));
    }

    void sortsEveryColumnInTheStore_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::newRow("duration asc") << int(TraceColumn::Duration) << false;
        QTest::newRow("duration desc") << int(TraceColumn::Duration) << true;
        QTest::newRow("cost desc") << int(TraceColumn::Cost) << true;
        QTest::newRow("input tokens asc") << int(TraceColumn::InputTokens) << false;
        QTest::newRow("errors desc") << int(TraceColumn::Errors) << true;
        QTest::newRow("models asc") << int(TraceColumn::Models) << false;
        QTest::newRow("user desc") << int(TraceColumn::User) << true;
        QTest::newRow("root asc") << int(TraceColumn::Root) << false;
    }

    void sortsEveryColumnInTheStore()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        TraceListModel model(m_path);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), kTraces);
        // The order the pages came in must equal sorting everything at once by (key, trace id).
        std::vector<const TraceSummary *> rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows.push_back(model.trace(row));
        std::vector<const TraceSummary *> sorted = rows;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [descending](const TraceSummary *a, const TraceSummary *b) {
                             const auto ka = std::tie(a->sortKey, a->traceId);
                             const auto kb = std::tie(b->sortKey, b->traceId);
                             return descending ? kb < ka : ka < kb;
                         });
        QVERIFY(rows == sorted);
        // And the keys are the column's values, not a constant.
        QVERIFY(rows.front()->sortKey != rows.back()->sortKey);
    }

    void filtersInTheStore_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("expected");
        int errors = 0, users = 0, ml = 0, mini = 0, failed500 = 0;
        for (int i = 0; i < kTraces; ++i) {
            errors += i % 7 == 0;
            users += i % 5 == 0 && i % 3 == 1;
            ml += i % 4 == 1;
            mini += i % 3 == 1;
            failed500 += i % 2 == 0;
        }
        QTest::newRow("errors") << QStringLiteral("status:error") << errors;
        QTest::newRow("ok") << QStringLiteral("status:ok") << kTraces - errors;
        QTest::newRow("user") << QStringLiteral("user:user-1") << users;
        QTest::newRow("service") << QStringLiteral("service:ml-service") << ml;
        QTest::newRow("model glob") << QStringLiteral("model:gpt-4o-*") << mini;
        QTest::newRow("model glob all gpt") << QStringLiteral("model:gpt*") << kTraces - kTraces / 3;
        QTest::newRow("http code") << QStringLiteral("code:500") << failed500;
        QTest::newRow("two fields") << QStringLiteral("service:ml-service status:error") << [] {
            int n = 0;
            for (int i = 0; i < kTraces; ++i)
                n += i % 4 == 1 && i % 7 == 0;
            return n;
        }();
        QTest::newRow("message text") << QStringLiteral("zebracorn") << 1;
        QTest::newRow("span name") << QStringLiteral("handle-2") << kTraces / 3;
        QTest::newRow("prefix and punctuation") << QStringLiteral("zebra* \"find,") << 1;
        QTest::newRow("trace id") << QStringLiteral("trace:") + idOf(7) << 1;
        QTest::newRow("nothing") << QStringLiteral("service:nope") << 0;
    }

    void filtersInTheStore()
    {
        QFETCH(QString, query);
        QFETCH(int, expected);
        TraceListModel model(m_path);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(TraceFilter::parse(query));
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), expected);
        if (query == QStringLiteral("zebracorn"))
            QCOMPARE(model.index(0, 0).data(TraceListModel::TraceIdRole).toString(), idOf(42));
    }

    void filtersByTimeRange()
    {
        TraceListModel model(m_path);
        TraceFilter filter;
        filter.fromNs = kBaseNs + 100 * 1'000'000'000LL;
        filter.toNs = kBaseNs + 110 * 1'000'000'000LL;
        model.setFilter(filter);
        QVERIFY(loadAll(model));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.index(0, 0).data(TraceListModel::TraceIdRole).toString(), idOf(109));
    }

    void liveRefreshKeepsSelectionOnItsTrace()
    {
        TraceListModel model(m_path);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QItemSelectionModel selection(&model);
        QSignalSpy loaded(&model, &TraceListModel::loaded);
        QVERIFY(loaded.wait(10000));
        const QString selected = model.index(5, 0).data(TraceListModel::TraceIdRole).toString();
        selection.setCurrentIndex(model.index(5, 0),
                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

        // Three newer traces arrive, and a span joins a trace already listed.
        SpanBatch batch;
        for (int i = kTraces; i < kTraces + 3; ++i) {
            SpanBatch trace = makeTrace(i, kBaseNs + int64_t(i) * 1'000'000'000);
            std::move(trace.begin(), trace.end(), std::back_inserter(batch));
        }
        SpanBatch grown = makeTrace(kTraces - 2, kBaseNs + int64_t(kTraces - 2) * 1'000'000'000);
        grown[1].spanId = "extra";
        batch.push_back(grown[1]);
        QVERIFY(writeAndWait(*m_writer, std::move(batch)).ok);

        model.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), TraceListModel::kPageSize + 3);
        QCOMPARE(model.index(0, 0).data(TraceListModel::TraceIdRole).toString(), idOf(kTraces + 2));
        QCOMPARE(selection.currentIndex().row(), 8);
        QCOMPARE(selection.currentIndex().data(TraceListModel::TraceIdRole).toString(), selected);
        QCOMPARE(selection.selectedRows().size(), 1);
        QCOMPARE(model.trace(model.rowOfTrace(idOf(kTraces - 2)))->spanCount, 3);
    }

    void refreshOfAFullyLoadedListBringsOlderTraces()
    {
        TraceListModel model(m_path);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setFilter(TraceFilter::parse(QStringLiteral("user:user-1")));
        QVERIFY(loadAll(model));
        const int before = model.rowCount();
        QVERIFY(before > 0);
        QVERIFY(!model.canFetchMore({}));
        // Older than everything listed: it sorts below the last row.
        QVERIFY(writeAndWait(*m_writer, makeTrace(1000, kBaseNs - 1'000'000'000)).ok);
        QSignalSpy loaded(&model, &TraceListModel::loaded);
        model.refresh();
        QVERIFY(loaded.wait(10000));
        QCOMPARE(model.rowCount(), before + 1);
        QCOMPARE(model.index(before, 0).data(TraceListModel::TraceIdRole).toString(), idOf(1000));
    }

    void reportsAStoreThatCannotOpen()
    {
        TraceListModel model(m_dir.filePath(QStringLiteral("missing/dir/none.db")));
        QSignalSpy failed(&model, &TraceListModel::queryFailed);
        QVERIFY(failed.wait(10000));
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("none.db")));
        QCOMPARE(model.rowCount(), 0);
    }

    void readsOneSpanWhole()
    {
        std::string error;
        auto reader = StoreReader::open(m_path.toStdString(), &error);
        QVERIFY2(reader, error.c_str());
        const auto span = reader->span("local", idOf(42).toStdString(), "l42", &error);
        QVERIFY2(span, error.c_str());
        QCOMPARE(span->parentSpanId, std::string("r42"));
        QCOMPARE(span->fields.model, std::string(kModels[0]));
        QCOMPARE(span->fields.inputTokens.value_or(0), int64_t(420));
        QCOMPARE(span->fields.messages[0]["content"].get<std::string>(),
                 std::string("please find the zebracorn"));
        const TimelineSpans spans = reader->timeline("local", idOf(42).toStdString(), &error);
        QCOMPARE(spans.size(), size_t(2));
        QVERIFY(!reader->span("local", idOf(42).toStdString(), "nope", &error));
        QVERIFY(error.empty());
    }

    void cleanupTestCase() { m_writer.reset(); }

private:
    static constexpr int kTraces = 450;
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SpanWriter> m_writer;
};

QTEST_GUILESS_MAIN(TestTraceList)
#include "test_tracelist.moc"

// The price table: checking rows, the user's changes kept as overrides of the built-in table, the
// Preferences editor's model, and recomputing stored costs (spans, traces, minute and hourly rollups)
// after the prices change — through the writer and from the Preferences page of a running window.
#include "backgroundtaskindicator.h"
#include "database.h"
#include "engine.h"
#include "mainwindow.h"
#include "metricsrollup.h"
#include "normalizer.h"
#include "options.h"
#include "preferencesdialog.h"
#include "pricelistmodel.h"
#include "pricingcontroller.h"
#include "pricingeditor.h"
#include "promptrollupcheck.h"
#include "spanwriter.h"
#include "storepaths.h"
#include "storesupport.h"
#include "userpricing.h"
#include "workstation.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMainWindow>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <cmath>
#include <map>
#include <optional>

using namespace tracedeck;
using namespace tracedeck::testing;

namespace {

constexpr int64_t kBase = 1'790'000'000'000'000'000; // 2026-09-22, ns

PricingTable tableOf(const char *json)
{
    std::string error;
    PricingTable table = PricingTable::fromJson(json, &error);
    if (!error.empty())
        qFatal("%s", error.c_str());
    return table;
}

const char *kOldPrices = R"({"date": "2026-01-01", "models": [
    {"model": "m-one", "provider": "p", "input": 2, "output": 8, "cached_input": 0.5, "patterns": ["m-one-20*"]},
    {"model": "m-two", "provider": "q", "input": 1, "output": 1}]})";
const char *kNewPrices = R"({"date": "2026-01-01", "models": [
    {"model": "m-one", "provider": "p", "input": 4, "output": 16, "cached_input": 1, "patterns": ["m-one-20*"]},
    {"model": "m-new", "provider": "r", "input": 3, "output": 6}]})";

Span llm(const std::string &workspace, const std::string &trace, const std::string &id, int64_t start,
         const std::string &model, const std::string &category, int64_t input, int64_t cached, int64_t output)
{
    Span s;
    s.workspace = workspace;
    s.traceId = trace;
    s.spanId = id;
    s.name = "chat " + model;
    s.service = "agent";
    s.startNs = start;
    s.endNs = start + 250'000'000;
    s.source = "test";
    s.fields.category = category;
    s.fields.model = model;
    s.fields.userId = "ann";
    s.fields.inputTokens = input;
    s.fields.cachedInputTokens = cached;
    s.fields.outputTokens = output;
    return s;
}

// Priced as the normalizer prices it with the table.
void price(Span &s, const PricingTable &table)
{
    s.fields.costUsd =
        PricingTable::computedCost(table.find(s.fields.model), s.fields.category, s.fields.inputTokens,
                                   s.fields.cachedInputTokens, s.fields.outputTokens);
    s.fields.costSource = s.fields.costUsd ? CostSource::Computed : CostSource::Unknown;
}

struct StoredCost {
    std::optional<double> cost;
    int source = -1;
};

std::map<std::string, StoredCost> spanCosts(const QString &path)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    std::map<std::string, StoredCost> costs;
    Statement s = db->prepare("SELECT workspace || '/' || span_id, cost_usd, cost_source FROM spans", &error);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        StoredCost c;
        if (sqlite3_column_type(s.get(), 1) != SQLITE_NULL)
            c.cost = sqlite3_column_double(s.get(), 1);
        c.source = sqlite3_column_int(s.get(), 2);
        costs[reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0))] = c;
    }
    return costs;
}

std::optional<double> traceCost(const QString &path, const std::string &workspace, const std::string &trace)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    Statement s = db->prepare("SELECT cost_usd FROM traces WHERE workspace = ?1 AND trace_id = ?2", &error);
    sqlite3_bind_text(s.get(), 1, workspace.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s.get(), 2, trace.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s.get()) != SQLITE_ROW || sqlite3_column_type(s.get(), 0) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(s.get(), 0);
}

// workspace|grouping|key → (cost in picodollars, spans with a cost) read from one of the rollup tables, and
// the same computed from the spans themselves.
using CostTotals = std::map<std::string, std::pair<int64_t, int64_t>>;

CostTotals rollupCosts(const QString &path, const char *table)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    CostTotals totals;
    Statement s = db->prepare(std::string("SELECT workspace || '|' || grouping || '|' || group_key, "
                                          "sum(cost_pusd), sum(cost_spans) FROM ") +
                                  table + " GROUP BY 1",
                              &error);
    while (sqlite3_step(s.get()) == SQLITE_ROW)
        totals[reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0))] = {
            sqlite3_column_int64(s.get(), 1), sqlite3_column_int64(s.get(), 2)};
    return totals;
}

CostTotals costsFromSpans(const QString &path)
{
    std::string error;
    auto db = Database::open(path.toStdString(), Database::Mode::ReadOnly, &error);
    CostTotals totals;
    Statement s =
        db->prepare("SELECT workspace, service, model, provider, user_id, cost_usd FROM spans", &error);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
        const std::string workspace = reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 0));
        const bool hasCost = sqlite3_column_type(s.get(), 5) != SQLITE_NULL;
        const int64_t pico = hasCost ? MetricsRollup::toPicoUsd(sqlite3_column_double(s.get(), 5)) : 0;
        for (int g = 0; g < kMetricsGroupings; ++g) {
            const auto *key = reinterpret_cast<const char *>(sqlite3_column_text(s.get(), 1 + g));
            if (g > 0 && (!key || !*key))
                continue;
            auto &t = totals[workspace + "|" + std::to_string(g) + "|" + (key ? key : "")];
            t.first += pico;
            t.second += hasCost;
        }
    }
    return totals;
}

double expectedCost(double inPrice, double outPrice, double cachedPrice, int64_t in, int64_t cached,
                    int64_t out)
{
    return (double(in - cached) * inPrice + double(cached) * cachedPrice + double(out) * outPrice) / 1e6;
}

} // namespace

class TestPricing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }
    void init() { QFile::remove(StorePaths::pricingPath()); }
    void cleanup()
    {
        QFile::remove(StorePaths::pricingPath());
        PricingTable::setCurrent(nullptr);
    }

    void rowsAreChecked()
    {
        std::string error;
        const auto row = [](std::string model, double in, double out, double cached,
                            std::vector<std::string> patterns = {}) {
            return ModelPrice{std::move(model), "p", in, out, cached, std::move(patterns)};
        };
        QVERIFY(PricingTable::fromPrices("d", {row("A", 1, 2, 0.5), row(" a ", 1, 1, 1)}, &error).size() ==
                0);
        QCOMPARE(QString::fromStdString(error), QStringLiteral("\"a\": the model is listed twice"));
        PricingTable::fromPrices("d", {row("a", -1, 2, 0.5)}, &error);
        QCOMPARE(QString::fromStdString(error),
                 QStringLiteral("\"a\": the input price must be a non-negative number"));
        PricingTable::fromPrices("d", {row("a", 1, std::nan(""), 0.5)}, &error);
        QCOMPARE(QString::fromStdString(error),
                 QStringLiteral("\"a\": the output price must be a non-negative number"));
        PricingTable::fromPrices("d", {row("a", 1, 1, 1, {"a-*", " "})}, &error);
        QCOMPARE(QString::fromStdString(error), QStringLiteral("\"a\": a pattern is empty"));
        PricingTable::fromPrices("d", {row("  ", 1, 1, 1)}, &error);
        QCOMPARE(QString::fromStdString(error), QStringLiteral("a model has no name"));

        const PricingTable table =
            PricingTable::fromPrices("d", {row("My-Model", 1, 2, 0.5, {"MINE-*"})}, &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(table.find("mine-v7"));
        QCOMPARE(QString::fromStdString(table.find("my-model-2025-01-01")->model),
                 QStringLiteral("my-model"));
        // Only model calls with tokens are priced; cached input is a part of input, priced once.
        const ModelPrice *p = table.find("my-model");
        QCOMPARE(*PricingTable::computedCost(p, "llm", 1000, 400, 100),
                 (600 * 1 + 400 * 0.5 + 100 * 2) / 1e6);
        QVERIFY(!PricingTable::computedCost(p, "agent", 1000, 0, 100));
        QVERIFY(!PricingTable::computedCost(p, "llm", std::nullopt, std::nullopt, std::nullopt));
        QVERIFY(!PricingTable::computedCost(nullptr, "llm", 1000, 0, 100));
    }

    // Only what differs from the built-in table is kept, and it reads back to the same table.
    void overridesRoundTrip()
    {
        const PricingTable base = tableOf(kOldPrices);
        std::vector<ModelPrice> edited = base.prices();
        edited[0].inputPerMillion = 3;    // m-one changed
        edited.erase(edited.begin() + 1); // m-two removed
        edited.push_back(ModelPrice{"My-Local", "ollama", 0, 0, 0, {"my-local:*"}});
        const PricingOverrides overrides = UserPricing::difference(base, edited);
        QCOMPARE(overrides.models.size(), size_t(2));
        QCOMPARE(QString::fromStdString(overrides.models[0].model), QStringLiteral("m-one"));
        QCOMPARE(QString::fromStdString(overrides.models[1].model), QStringLiteral("my-local"));
        QCOMPARE(overrides.removed, std::vector<std::string>{"m-two"});
        QVERIFY(UserPricing::difference(base, base.prices()).empty());

        const QString path = m_dir.filePath(QStringLiteral("pricing.json"));
        std::string error;
        QVERIFY2(UserPricing::write(path, overrides, &error), error.c_str());
        const auto read = UserPricing::read(path, &error);
        QVERIFY2(read, error.c_str());
        QCOMPARE(*read, overrides);
        const std::vector<ModelPrice> applied = UserPricing::apply(base, *read);
        QCOMPARE(applied.size(), size_t(2));
        QCOMPARE(applied[0].inputPerMillion, 3.0);
        QCOMPARE(QString::fromStdString(applied[1].model), QStringLiteral("my-local"));

        const auto loaded = UserPricing::load(path, base, &error);
        QVERIFY2(error.empty(), error.c_str());
        QVERIFY(loaded.get() != &base);
        QVERIFY(!loaded->find("m-two"));
        QCOMPARE(loaded->find("my-local:7b")->provider, std::string("ollama"));

        // No changes: no file.
        QVERIFY(UserPricing::write(path, PricingOverrides{}, &error));
        QVERIFY(!QFile::exists(path));
        QVERIFY(UserPricing::read(path, &error)->empty());
        QCOMPARE(UserPricing::load(path, base, &error).get(), &base);
    }

    void badOverridesFileIsNamedAndTheBuiltInTableKept()
    {
        const QString path = m_dir.filePath(QStringLiteral("bad-pricing.json"));
        const PricingTable base = tableOf(kOldPrices);
        const auto writeFile = [&](const QByteArray &bytes) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
        };
        std::string error;
        writeFile("{not json");
        QVERIFY(!UserPricing::read(path, &error));
        QCOMPARE(QString::fromStdString(error), path + QStringLiteral(": not a JSON object"));
        writeFile(R"({"format": "something-else"})");
        QVERIFY(!UserPricing::read(path, &error));
        QVERIFY(QString::fromStdString(error).contains(QStringLiteral("\"format\" must be")));
        writeFile(
            R"({"format": "tracedeck-pricing-overrides", "models": [{"model": "x", "input": "cheap", "output": 1}]})");
        QCOMPARE(UserPricing::load(path, base, &error).get(), &base);
        QVERIFY2(
            QString::fromStdString(error).contains(QStringLiteral("\"input\" must be a non-negative number")),
            error.c_str());
        writeFile(R"({"format": "tracedeck-pricing-overrides", "models": [], "removed": [7]})");
        QVERIFY(!UserPricing::read(path, &error));
        QVERIFY(QString::fromStdString(error).contains(QStringLiteral("\"removed\" must be an array")));
    }

    // New spans are priced with the current table, which the application replaces.
    void normalizerPricesWithTheCurrentTable()
    {
        const auto table = std::make_shared<const PricingTable>(tableOf(kNewPrices));
        Span span;
        span.attributes = {{"gen_ai.operation.name", "chat"},
                           {"gen_ai.request.model", "m-new"},
                           {"gen_ai.usage.input_tokens", 1000},
                           {"gen_ai.usage.output_tokens", 100}};
        Normalizer().normalize(span);
        QVERIFY(!span.fields.costUsd); // the built-in table does not know m-new
        PricingTable::setCurrent(table);
        Normalizer().normalize(span);
        QCOMPARE(span.fields.category, std::string("llm"));
        QVERIFY(span.fields.costUsd);
        QCOMPARE(*span.fields.costUsd, expectedCost(3, 6, 3, 1000, 0, 100));
        QCOMPARE(span.fields.costSource, CostSource::Computed);
        QCOMPARE(span.fields.provider, std::string("r"));
        PricingTable::setCurrent(nullptr);
        QCOMPARE(PricingTable::current().get(), &PricingTable::builtIn());
    }

    void priceListModelEdits()
    {
        PriceListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const PricingTable base = tableOf(kOldPrices);
        model.setRows(base.prices(), base.prices());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, PriceListModel::Input).data().toString(), QStringLiteral("$2.00"));
        QCOMPARE(model.index(0, PriceListModel::CachedInput).data().toString(), QStringLiteral("$0.50"));
        QCOMPARE(model.index(0, PriceListModel::Patterns).data().toString(), QStringLiteral("m-one-20*"));
        QCOMPARE(model.index(0, PriceListModel::Origin).data().toString(), QStringLiteral("built-in"));
        QVERIFY(!model.modified());

        QVERIFY(model.setData(model.index(0, PriceListModel::Input), QStringLiteral("$0.075")));
        QCOMPARE(model.rows()[0].inputPerMillion, 0.075);
        QCOMPARE(model.index(0, PriceListModel::Input).data().toString(), QStringLiteral("$0.075"));
        QCOMPARE(model.origin(0), PriceListModel::RowOrigin::Changed);
        QVERIFY(model.index(0, PriceListModel::Origin)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("$2.00")));
        QVERIFY(model.modified());
        QVERIFY(!model.setData(model.index(0, PriceListModel::Output), -1.0));
        QVERIFY(!model.setData(model.index(0, PriceListModel::Output), QStringLiteral("a lot")));
        QCOMPARE(model.rows()[0].outputPerMillion, 8.0);
        QVERIFY(!(model.flags(model.index(0, PriceListModel::Origin)) & Qt::ItemIsEditable));

        const int added = model.addRow();
        QCOMPARE(added, 2);
        QCOMPARE(model.problem(), QStringLiteral("row 3 has no model name"));
        QVERIFY(model.setData(model.index(added, PriceListModel::Model), QStringLiteral("M-TWO")));
        QCOMPARE(model.problem(), QStringLiteral("the model m-two is listed twice"));
        QVERIFY(model.setData(model.index(added, PriceListModel::Model), QStringLiteral("mine")));
        QVERIFY(
            model.setData(model.index(added, PriceListModel::Patterns), QStringLiteral("mine-*, , mine:*")));
        QCOMPARE(model.rows()[2].patterns, (std::vector<std::string>{"mine-*", "mine:*"}));
        QVERIFY(model.problem().isEmpty());
        QCOMPARE(model.origin(added), PriceListModel::RowOrigin::Added);

        model.revertRow(0);
        QCOMPARE(model.origin(0), PriceListModel::RowOrigin::BuiltIn);
        model.removeModelRow(1);
        QCOMPARE(model.removedModels(), QStringList{QStringLiteral("m-two")});
        model.revertAll();
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.removedModels().isEmpty());
    }

    // Computed and unknown costs take the new prices; costs sent by clients stay; traces and both rollup
    // tables follow, in steps of two spans.
    void recomputeUpdatesSpansTracesAndRollups()
    {
        const QString path = m_dir.filePath(QStringLiteral("recompute.db"));
        const PricingTable oldPrices = tableOf(kOldPrices);
        const PricingTable newPrices = tableOf(kNewPrices);
        SpanBatch batch;
        batch.push_back(llm("local", "t1", "a", kBase, "m-one", "llm", 1000, 400, 500));
        batch.push_back(llm("local", "t1", "b", kBase + 1'000'000'000, "m-one", "llm", 2000, 0, 100));
        batch.push_back(llm("local", "t1", "c", kBase + 2'000'000'000, "m-new", "llm", 1000, 0, 1000));
        batch.push_back(llm("local", "t1", "d", kBase + 3'000'000'000, "m-one", "agent", 3000, 0, 600));
        batch.push_back(llm("local", "t1", "e", kBase + 4'000'000'000, "m-two", "llm", 1000, 0, 1000));
        batch.push_back(
            llm("team", "t2", "f", kBase + 3'700'000'000'000, "m-one-2026-01-01", "embedding", 5000, 0, 0));
        for (Span &s : batch)
            price(s, oldPrices);
        batch[1].fields.costUsd = 0.5; // sent by the client
        batch[1].fields.costSource = CostSource::Given;
        for (size_t i = 0; i < batch.size(); ++i)
            batch[i].fields.promptHash = int64_t(i % 2); // the repeated prompts' rollups follow the costs
        QVERIFY(!batch[2].fields.costUsd && !batch[3].fields.costUsd);

        SpanWriter::Options options;
        options.recomputeSpansPerStep = 2;
        std::string error;
        auto writer = SpanWriter::open(path.toStdString(), options, &error);
        QVERIFY2(writer, error.c_str());
        QVERIFY(writeAndWait(*writer, batch).ok);
        QCOMPARE(rollupCosts(path, "metric_rollups"), costsFromSpans(path));

        QSignalSpy progress(writer.get(), &SpanWriter::costRecomputeProgress);
        QSignalSpy done(writer.get(), &SpanWriter::costsRecomputed);
        writer->recomputeCosts([&newPrices](const std::string &model, const std::string &category,
                                            std::optional<int64_t> in, std::optional<int64_t> cached,
                                            std::optional<int64_t> out) {
            return PricingTable::computedCost(newPrices.find(model), category, in, cached, out);
        });
        // Emitted on the writer thread, maybe before a wait() could start: count instead.
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QCOMPARE(done.first().at(0).toLongLong(), 4); // a, c, e (m-two is gone: unknown), f
        QCOMPARE(done.first().at(2).toString(), QString());
        QVERIFY(progress.count() >= 2); // several steps
        QCOMPARE(progress.last().at(0).toDouble(), 1.0);

        const auto costs = spanCosts(path);
        QCOMPARE(*costs.at("local/a").cost, expectedCost(4, 16, 1, 1000, 400, 500));
        QCOMPARE(costs.at("local/a").source, int(CostSource::Computed));
        QCOMPARE(*costs.at("local/b").cost, 0.5);
        QCOMPARE(costs.at("local/b").source, int(CostSource::Given));
        QCOMPARE(*costs.at("local/c").cost, expectedCost(3, 6, 3, 1000, 0, 1000));
        QCOMPARE(costs.at("local/c").source, int(CostSource::Computed));
        QVERIFY(!costs.at("local/d").cost); // an agent span repeats its children's usage: never priced
        QVERIFY(!costs.at("local/e").cost);
        QCOMPARE(costs.at("local/e").source, int(CostSource::Unknown));
        QCOMPARE(*costs.at("team/f").cost, expectedCost(4, 16, 1, 5000, 0, 0));

        const double t1 = *costs.at("local/a").cost + 0.5 + *costs.at("local/c").cost;
        QVERIFY(std::abs(*traceCost(path, "local", "t1") - t1) < 1e-12);
        QCOMPARE(*traceCost(path, "team", "t2"), *costs.at("team/f").cost);
        const CostTotals fromSpans = costsFromSpans(path);
        QCOMPARE(rollupCosts(path, "metric_rollups"), fromSpans);
        QCOMPARE(rollupCosts(path, "metric_rollups_hourly"), fromSpans);
        QCOMPARE(tracedeck::testing::promptRollupMismatch(path.toStdString()), std::string());

        // The same prices again change nothing.
        done.clear();
        writer->recomputeCosts([&newPrices](const std::string &model, const std::string &category,
                                            std::optional<int64_t> in, std::optional<int64_t> cached,
                                            std::optional<int64_t> out) {
            return PricingTable::computedCost(newPrices.find(model), category, in, cached, out);
        });
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 10000);
        QCOMPARE(done.first().at(0).toLongLong(), 0);
        QCOMPARE(rollupCosts(path, "metric_rollups"), fromSpans);

        // A stored span updated after a recompute: only its own old values leave the rollups (the
        // recompute's updates fired the same capture of old rows).
        Span later = batch[4];
        later.endNs += 1'000'000'000;
        QVERIFY(writeAndWait(*writer, {later}).ok);
        writer->stop();
        QCOMPARE(rollupCosts(path, "metric_rollups"), costsFromSpans(path));
        QCOMPARE(tracedeck::testing::promptRollupMismatch(path.toStdString()), std::string());
    }

    // Preferences ▸ Pricing in a running window: a changed price is saved as an override, prices new spans
    // and the stored ones (the status bar says when it is done); a row without a name keeps the dialog open.
    void pricingPageSavesAndRecomputes()
    {
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("window.db"));
        options.ingest.address.port = 0;
        Engine engine;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        const PricingTable &builtIn = PricingTable::builtIn();
        {
            Span span = llm("local", "w1", "s1", kBase, "gpt-4o", "llm", 10'000, 2'000, 1'000);
            price(span, builtIn);
            QVERIFY(span.fields.costUsd);
            QVERIFY(writeAndWait(*engine.writer(), {span}).ok);

            Workstation station(engine);
            station.window().resize(1280, 800);
            station.window().show();
            QVERIFY(QTest::qWaitForWindowExposed(&station.window()));
            PreferencesDialog *dialog = station.openPreferences();
            auto *editor = dialog->findChild<PricingEditor *>();
            QVERIFY(editor);
            int pricingPage = -1;
            for (int i = 0; i < dialog->pageCount(); ++i) {
                if (dialog->pageTitle(i) == QStringLiteral("Pricing"))
                    pricingPage = i;
            }
            QVERIFY(pricingPage >= 0);
            dialog->showPage(pricingPage);
            dialog->resize(900, 600);
            PriceListModel *model = editor->model();
            QCOMPARE(model->rowCount(), int(builtIn.size()));

            int gpt4o = -1;
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->rows()[size_t(row)].model == "gpt-4o")
                    gpt4o = row;
            }
            QVERIFY(gpt4o >= 0);
            editor->filter()->setText(QStringLiteral("gpt-4o"));
            QVERIFY(editor->table()->model()->rowCount() < model->rowCount());
            QVERIFY(model->setData(model->index(gpt4o, PriceListModel::Input), 5.0));
            QVERIFY(editor->summaryText().contains(QStringLiteral("changed: 1, added: 0")));

            // A nameless row: not saved, the page says why.
            const int added = model->addRow();
            QVERIFY(!dialog->apply());
            QVERIFY2(dialog->errorText().contains(
                         QStringLiteral("Pricing: row %1 has no model name").arg(added + 1)),
                     qPrintable(dialog->errorText()));
            QCOMPARE(dialog->currentPage(), pricingPage);
            QVERIFY(!QFile::exists(StorePaths::pricingPath()));
            model->removeModelRow(added);

            const QString shots = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
            QDir().mkpath(shots);
            QVERIFY(dialog->grab().save(shots + QStringLiteral("/preferences-pricing.png")));

            QSignalSpy finished(&station.pricing(), &PricingController::recomputeFinished);
            dialog->accept();
            QVERIFY(!dialog->isVisible());
            QVERIFY(QFile::exists(StorePaths::pricingPath()));
            std::string readError;
            const auto overrides = UserPricing::read(StorePaths::pricingPath(), &readError);
            QVERIFY2(overrides, readError.c_str());
            QCOMPARE(overrides->models.size(), size_t(1));
            QCOMPARE(overrides->models[0].inputPerMillion, 5.0);
            QCOMPARE(PricingTable::current()->find("gpt-4o")->inputPerMillion, 5.0);

            QVERIFY(finished.wait(10000));
            QCOMPARE(finished.first().at(0).toLongLong(), 1);
            const ModelPrice *now = PricingTable::current()->find("gpt-4o");
            const double expected =
                expectedCost(5.0, now->outputPerMillion, now->cachedInputPerMillion, 10'000, 2'000, 1'000);
            QCOMPARE(*spanCosts(options.databasePath).at("local/s1").cost, expected);
            QCOMPARE(*traceCost(options.databasePath, "local", "w1"), expected);
            QTRY_VERIFY(station.window().statusBar()->currentMessage().contains(
                QStringLiteral("Costs recomputed: 1 of the stored spans")));
            auto *indicator = station.window().findChild<BackgroundTaskIndicator *>();
            QVERIFY(indicator);
            QVERIFY(!indicator->isVisible());

            // Opening again shows the saved table; nothing changed means nothing is written or recomputed.
            dialog = station.openPreferences();
            QCOMPARE(editor->model()->origin(gpt4o), PriceListModel::RowOrigin::Changed);
            QVERIFY(!editor->model()->modified());
            QFile saved(StorePaths::pricingPath());
            QVERIFY(saved.open(QIODevice::ReadOnly));
            const QByteArray before = saved.readAll();
            saved.close();
            dialog->accept();
            QVERIFY(!indicator->isVisible()); // no recompute started
            QVERIFY(saved.open(QIODevice::ReadOnly));
            QCOMPARE(saved.readAll(), before); // not written again (its "saved" time would change)
        }
        engine.stop();
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPricing)
#include "test_pricing.moc"

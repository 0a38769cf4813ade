// bench_tracelist: the trace list over a big store. Builds (or reuses) a database of N spans in traces of
// 20 spans, then measures the model as the window uses it: time to the first page, to page through to the
// end (fetchMore as a scrolling view calls it), and the first page under other sorts and filters.
// Prints figures; asserts nothing.
//
//   bench_tracelist [--spans N] [--db FILE]   (a given FILE is reused when it exists)

#include "syntheticstore.h"
#include "tracelistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace tracedeck;

namespace {

// Milliseconds until the model has answered once (its first page).
double firstPageMs(const QString &path, int column, Qt::SortOrder order, const QString &query)
{
    QElapsedTimer timer;
    timer.start();
    TraceListModel model(path);
    QSignalSpy loaded(&model, &TraceListModel::loaded);
    if (column != 0 || order != Qt::DescendingOrder) {
        loaded.wait(60000); // the default query starts in the constructor; measure the requested one after it
        timer.restart();
        model.sort(column, order);
    }
    if (!query.isEmpty()) {
        if (loaded.isEmpty())
            loaded.wait(60000);
        timer.restart();
        model.setFilter(TraceFilter::parse(query));
    }
    const qsizetype before = loaded.size();
    while (loaded.size() == before)
        loaded.wait(60000);
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int64_t spans = 2'000'000;
    QString path;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == QStringLiteral("--spans"))
            spans = args[i + 1].toLongLong();
        else if (args[i] == QStringLiteral("--db"))
            path = args[i + 1];
    }
    QTemporaryDir dir;
    if (path.isEmpty())
        path = dir.filePath(QStringLiteral("bench.db"));
    if (!QFileInfo::exists(path) && !SyntheticStore::fill(path, spans, SyntheticStore::Shape{}))
        return 1;
    std::printf("database %s: %.0f MB\n", qPrintable(path), double(QFileInfo(path).size()) / 1e6);

    std::vector<double> first;
    for (int run = 0; run < 5; ++run)
        first.push_back(firstPageMs(path, 0, Qt::DescendingOrder, QString()));
    std::sort(first.begin(), first.end());
    std::printf("first page (newest first, %d rows): median %.1f ms, max %.1f ms over 5 opens\n",
                TraceListModel::kPageSize, first[2], first[4]);

    {
        QElapsedTimer timer;
        timer.start();
        TraceListModel model(path);
        QSignalSpy loaded(&model, &TraceListModel::loaded);
        int pages = 0;
        double slowestPageMs = 0;
        QElapsedTimer page;
        page.start();
        while (true) {
            while (model.isLoading())
                loaded.wait(60000);
            slowestPageMs = std::max(slowestPageMs, double(page.nsecsElapsed()) / 1e6);
            ++pages;
            if (!model.canFetchMore({}))
                break;
            page.restart();
            model.fetchMore({});
        }
        std::printf("scroll to the end: %d rows in %d pages, %.2f s (slowest page %.1f ms)\n",
                    model.rowCount(), pages, double(timer.elapsed()) / 1000.0, slowestPageMs);
    }

    struct Case {
        const char *label;
        int column;
        Qt::SortOrder order;
        const char *query;
    };
    const Case cases[] = {
        {"sorted by duration", int(TraceColumn::Duration), Qt::DescendingOrder, ""},
        {"sorted by cost", int(TraceColumn::Cost), Qt::DescendingOrder, ""},
        {"filter service:service-3", 0, Qt::DescendingOrder, "service:service-3"},
        {"filter status:error model:model-1*", 0, Qt::DescendingOrder, "status:error model:model-1*"},
        {"filter user:user-42", 0, Qt::DescendingOrder, "user:user-42"},
        {"free text operation-3", 0, Qt::DescendingOrder, "operation-3"},
    };
    for (const Case &c : cases) {
        std::vector<double> times;
        for (int run = 0; run < 3; ++run)
            times.push_back(firstPageMs(path, c.column, c.order, QString::fromLatin1(c.query)));
        std::sort(times.begin(), times.end());
        std::printf("first page, %s: median %.1f ms\n", c.label, times[1]);
    }
    return 0;
}

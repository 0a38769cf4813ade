#include "costdashboard.h"

#include "budgetspendview.h"
#include "displayformat.h"
#include "savingspanel.h"
#include "servicepalette.h"
#include "widgetexport.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDateTimeEdit>
#include <QFile>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace tracedeck {

namespace {

constexpr int64_t kMinuteNs = 60'000'000'000;
constexpr int kLatencyKeys = 8;

QString keyLabel(const std::string &key)
{
    return key.empty() ? QStringLiteral("(empty)") : QString::fromStdString(key);
}

qreal msOf(int64_t ns)
{
    return qreal(ns) / 1e6;
}

QChart *newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setTheme(QChart::ChartThemeLight);
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->setAnimationOptions(QChart::NoAnimation);
    return chart;
}

// A refresh builds a new chart rather than swapping the series and axes of the shown one.
QChart *replaceChart(QChartView *view)
{
    QChart *old = view->chart();
    QChart *chart = newChart(old->title());
    view->setChart(chart);
    delete old;
    return chart;
}

// Labels that fit: clock times within two days, days within a year, months beyond; about one label per
// 110 px.
QDateTimeAxis *timeAxis(const DashboardData &data, int width)
{
    auto *axis = new QDateTimeAxis;
    const int64_t range = data.toNs() - data.fromNs;
    constexpr int64_t kDay = 24 * 60 * kMinuteNs;
    axis->setFormat(range <= 2 * kDay     ? QStringLiteral("HH:mm")
                    : range <= 300 * kDay ? QStringLiteral("MMM d")
                                          : QStringLiteral("MMM yyyy"));
    axis->setTickCount(std::clamp(width / 110, 3, 7));
    axis->setRange(QDateTime::fromMSecsSinceEpoch(data.fromNs / 1'000'000),
                   QDateTime::fromMSecsSinceEpoch(data.toNs() / 1'000'000));
    return axis;
}

// A value axis from 0 with round ticks and short labels.
QValueAxis *valueAxis(double max, const QString &format)
{
    auto *axis = new QValueAxis;
    axis->setRange(0, max > 0 ? max * 1.05 : 1);
    axis->setLabelFormat(format);
    axis->applyNiceNumbers();
    axis->setMin(0);
    return axis;
}

QString csvCell(const QString &text)
{
    if (text.contains(u',') || text.contains(u'"') || text.contains(u'\n'))
        return u'"' + QString(text).replace(u'"', QStringLiteral("\"\"")) + u'"';
    return text;
}

QString isoTime(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

CostDashboard::CostDashboard(QWidget *parent)
    : QWidget(parent)
    , m_stackBy(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_from(new QDateTimeEdit(this))
    , m_to(new QDateTimeEdit(this))
    , m_summary(new QLabel(this))
    , m_pages(new QStackedWidget(this))
    , m_empty(new QLabel(this))
{
    m_stackBy->addItem(tr("Model"), int(DashboardStack::Model));
    m_stackBy->addItem(tr("Provider"), int(DashboardStack::Provider));
    m_stackBy->addItem(tr("Service"), int(DashboardStack::Service));
    m_stackBy->addItem(tr("User"), int(DashboardStack::User));
    m_stackBy->addItem(tr("Workspace"), int(DashboardStack::Workspace));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("All time"), int(Range::All));
    m_range->addItem(tr("Custom…"), int(Range::Custom));
    m_range->setCurrentIndex(m_range->findData(int(Range::All)));
    const QDateTime now = QDateTime::currentDateTime();
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        edit->setCalendarPopup(true);
        edit->setVisible(false);
    }
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Stack by"), this));
    controls->addWidget(m_stackBy);
    controls->addSpacing(12);
    controls->addWidget(new QLabel(tr("Range"), this));
    controls->addWidget(m_range);
    controls->addWidget(m_from);
    controls->addWidget(m_to);
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);

    auto *charts = new QWidget;
    m_grid = new QGridLayout(charts);
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_cost = addChart(tr("Cost (USD)"));
    m_tokens = addChart(tr("Tokens (input + output)"));
    m_calls = addChart(tr("LLM calls and error rate"));
    m_modelLatency = addChart(tr("Latency per model (ms)"));
    m_serviceLatency = addChart(tr("Latency per service (ms)"));
    const auto table = [this](const QStringList &headers) {
        auto *t = new QTableWidget(0, int(headers.size()), this);
        t->setHorizontalHeaderLabels(headers);
        t->verticalHeader()->setVisible(false);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::SingleSelection);
        t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
        t->setMinimumHeight(200);
        return t;
    };
    m_topTraces = table({tr("Costliest traces"), tr("Cost"), tr("Tokens"), tr("Spans")});
    m_topUsers = table({tr("Costliest users"), tr("Cost"), tr("Tokens"), tr("Spans")});
    m_topSessions = table({tr("Costliest sessions"), tr("Cost"), tr("Tokens"), tr("Traces")});
    m_topTraces->setToolTip(tr("Double-click a trace to open it in the timeline"));
    for (QTableWidget *t : {m_topTraces, m_topUsers, m_topSessions}) {
        t->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(t, &QWidget::customContextMenuRequested, this,
                [this, t](const QPoint &pos) { showTableMenu(t, pos); });
    }
    m_savings = new SavingsPanel(this);
    connect(m_savings, &SavingsPanel::traceActivated, this, &CostDashboard::traceActivated);
    arrange(2);
    auto *scroll = new QScrollArea;
    scroll->setWidget(charts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("<h3>No LLM calls in this range</h3><p>Cost, tokens and latency appear here once spans "
           "with a model are stored (OpenTelemetry GenAI, OpenInference or OpenLLMetry "
           "attributes).<br>Try a longer range, or File ▸ Load Sample Traces.</p>"));
    m_pages->addWidget(m_empty);
    m_pages->addWidget(scroll);

    m_budgetSpend = new BudgetSpendView(this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addWidget(m_budgetSpend);
    layout->addWidget(m_pages, 1);

    connect(m_stackBy, &QComboBox::currentIndexChanged, this, &CostDashboard::queryChanged);
    connect(m_range, &QComboBox::currentIndexChanged, this, &CostDashboard::rangeSelected);
    for (QDateTimeEdit *edit : {m_from, m_to}) {
        connect(edit, &QDateTimeEdit::dateTimeChanged, this, [this] {
            Q_EMIT rangeChanged(Range::Custom);
            Q_EMIT queryChanged();
        });
    }
    connect(m_topTraces, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && size_t(row) < m_data.topTraces.size())
            Q_EMIT traceActivated(QString::fromStdString(m_data.topTraces[size_t(row)].id),
                                  QString::fromStdString(m_data.topTraces[size_t(row)].workspace));
    });
    setData(DashboardData{});
}

void CostDashboard::arrange(int columns)
{
    if (columns == m_columns)
        return;
    m_columns = columns;
    const QList<QWidget *> cells{m_cost,           m_tokens,    m_calls,    m_modelLatency,
                                 m_serviceLatency, m_topTraces, m_topUsers, m_topSessions};
    for (QWidget *cell : cells)
        m_grid->removeWidget(cell);
    for (int i = 0; i < int(cells.size()); ++i)
        m_grid->addWidget(cells[i], i / columns, i % columns);
    // The savings section: a full row under the charts and tables.
    m_grid->removeWidget(m_savings);
    m_grid->addWidget(m_savings, (int(cells.size()) + columns - 1) / columns, 0, 1, columns);
}

void CostDashboard::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Two columns where two charts fit side by side, else one under the other (a narrow dock).
    arrange(width() >= 2 * kMinChartWidth + 40 ? 2 : 1);
}

QChartView *CostDashboard::addChart(const QString &title)
{
    auto *view = new QChartView(newChart(title), this);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(kMinChartWidth, 260);
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this,
            [this, view](const QPoint &pos) { showChartMenu(view, pos); });
    return view;
}

DashboardQuery CostDashboard::query(int64_t nowNs) const
{
    DashboardQuery q;
    q.workspace = m_workspace;
    q.stackBy = DashboardStack(m_stackBy->currentData().toInt());
    constexpr int64_t kHour = 60 * kMinuteNs;
    // A relative range ends at the end of the current minute so the latest calls are in.
    const int64_t end = (nowNs / kMinuteNs + 1) * kMinuteNs;
    switch (range()) {
    case Range::LastHour:
        q.fromNs = end - kHour;
        break;
    case Range::Last24Hours:
        q.fromNs = end - 24 * kHour;
        break;
    case Range::Last7Days:
        q.fromNs = end - 7 * 24 * kHour;
        break;
    case Range::Last30Days:
        q.fromNs = end - 30 * 24 * kHour;
        break;
    case Range::All:
        return q;
    case Range::Custom:
        q.fromNs = m_from->dateTime().toMSecsSinceEpoch() * 1'000'000;
        q.toNs = std::max<int64_t>(*q.fromNs + kMinuteNs, m_to->dateTime().toMSecsSinceEpoch() * 1'000'000);
        return q;
    }
    q.toNs = end;
    return q;
}

CostDashboard::Range CostDashboard::range() const
{
    return Range(m_range->currentData().toInt());
}

void CostDashboard::setRange(Range range)
{
    m_range->setCurrentIndex(m_range->findData(int(range)));
}

void CostDashboard::setCustomRange(int64_t fromNs, int64_t toNs)
{
    const QSignalBlocker a(m_from), b(m_to);
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(fromNs / 1'000'000));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(toNs / 1'000'000));
    if (range() == Range::Custom) {
        Q_EMIT rangeChanged(Range::Custom);
        Q_EMIT queryChanged();
    } else
        setRange(Range::Custom);
}

void CostDashboard::setStackBy(DashboardStack stack)
{
    m_stackBy->setCurrentIndex(m_stackBy->findData(int(stack)));
}

void CostDashboard::setWorkspace(const std::string &workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    Q_EMIT queryChanged();
}

void CostDashboard::rangeSelected()
{
    const bool custom = range() == Range::Custom;
    m_from->setVisible(custom);
    m_to->setVisible(custom);
    Q_EMIT rangeChanged(range());
    Q_EMIT queryChanged();
}

bool CostDashboard::isShowingEmptyState() const
{
    return m_pages->currentWidget() == m_empty;
}

void CostDashboard::setError(const QString &message)
{
    m_summary->setText(tr("Cannot read the dashboard: %1").arg(message));
}

void CostDashboard::setData(const DashboardData &data)
{
    m_data = data;
    const double errorRate =
        data.totalLlmCalls ? 100.0 * double(data.totalLlmErrors) / double(data.totalLlmCalls) : 0.0;
    m_summary->setText(tr("<b>%1</b> · %2 tokens · %3 LLM calls · %4% errors")
                           .arg(DisplayFormat::cost(data.totalCostUsd),
                                DisplayFormat::count(data.inputTokens + data.outputTokens),
                                DisplayFormat::count(data.totalLlmCalls),
                                QString::number(errorRate, 'f', 1)));
    m_pages->setCurrentIndex(data.hasLlmData() ? 1 : 0);
    if (!data.hasLlmData())
        return;
    fillStacked(m_cost, true);
    fillStacked(m_tokens, false);
    fillCalls();
    fillLatency(m_modelLatency, data.modelLatency);
    fillLatency(m_serviceLatency, data.serviceLatency);
    fillTables();
}

void CostDashboard::fillStacked(QChartView *view, bool cost)
{
    QChart *chart = replaceChart(view);
    const DashboardData &d = m_data;
    std::vector<double> base(size_t(d.buckets), 0.0);
    double max = 0;
    // A narrow chart keeps its width for the plot: the legend goes below.
    const bool legendRight = view->width() >= 560;
    chart->legend()->setAlignment(legendRight ? Qt::AlignRight : Qt::AlignBottom);
    QDateTimeAxis *x = timeAxis(d, view->width() - (legendRight ? 260 : 90));
    chart->addAxis(x, Qt::AlignBottom);
    std::vector<QAreaSeries *> areas;
    for (size_t i = 0; i < d.series.size(); ++i) {
        const DashboardSeries &s = d.series[i];
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        // Steps: each bucket is flat over its width, so a stacked area reads as bars that touch.
        for (int b = 0; b < d.buckets; ++b) {
            const double value = cost ? s.costUsd[size_t(b)] : double(s.tokens[size_t(b)]);
            const qreal x0 = qreal(d.bucketStart(b) / 1'000'000),
                        x1 = qreal(d.bucketStart(b + 1) / 1'000'000);
            lower->append(x0, base[size_t(b)]);
            lower->append(x1, base[size_t(b)]);
            base[size_t(b)] += value;
            upper->append(x0, base[size_t(b)]);
            upper->append(x1, base[size_t(b)]);
            max = std::max(max, base[size_t(b)]);
        }
        auto *area = new QAreaSeries(upper, lower);
        area->setName(keyLabel(s.key));
        QColor color = s.key == DashboardData::kOther  ? QColor(0xb0, 0xb0, 0xb0)
                       : s.key == DashboardData::kNone ? QColor(0xd8, 0xd8, 0xd8)
                                                       : ServicePalette::colour(int(i));
        area->setColor(color);
        area->setBorderColor(color.darker(115));
        upper->setParent(area);
        lower->setParent(area);
        areas.push_back(area);
    }
    // Added top of the stack first, so the legend lists the series in the order they are stacked.
    for (auto it = areas.rbegin(); it != areas.rend(); ++it) {
        chart->addSeries(*it);
        (*it)->attachAxis(x);
    }
    QValueAxis *y = valueAxis(max, cost ? QStringLiteral("$%.2f") : QStringLiteral("%.0f"));
    if (cost && max < 0.1)
        y->setLabelFormat(QStringLiteral("$%.4f"));
    if (!cost && max >= 1e6) {
        y->setLabelFormat(QStringLiteral("%.1fM"));
        y->setRange(0, max / 1e6 * 1.05);
        y->applyNiceNumbers();
        // Values stay in tokens; only the labels read in millions.
        for (QAreaSeries *area : areas) {
            for (QLineSeries *line : {area->upperSeries(), area->lowerSeries()}) {
                QList<QPointF> points = line->points();
                for (QPointF &p : points)
                    p.setY(p.y() / 1e6);
                line->replace(points);
            }
        }
    }
    chart->addAxis(y, Qt::AlignLeft);
    for (QAreaSeries *area : areas)
        area->attachAxis(y);
}

void CostDashboard::fillCalls()
{
    QChart *chart = replaceChart(m_calls);
    const DashboardData &d = m_data;
    auto *calls = new QLineSeries;
    calls->setName(tr("calls"));
    auto *errors = new QLineSeries;
    errors->setName(tr("error rate %"));
    int64_t maxCalls = 0;
    double maxRate = 0;
    for (int b = 0; b < d.buckets; ++b) {
        const qreal t = qreal((d.bucketStart(b) + d.bucketNs / 2) / 1'000'000);
        const int64_t n = d.llmCalls[size_t(b)];
        const double rate = n ? 100.0 * double(d.llmErrors[size_t(b)]) / double(n) : 0.0;
        calls->append(t, qreal(n));
        errors->append(t, rate);
        maxCalls = std::max(maxCalls, n);
        maxRate = std::max(maxRate, rate);
    }
    chart->addSeries(calls);
    chart->addSeries(errors);
    errors->setColor(QColor(0xd0, 0x30, 0x30));
    QDateTimeAxis *x = timeAxis(d, m_calls->width() - 120);
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *left = valueAxis(double(maxCalls), QStringLiteral("%.0f"));
    QValueAxis *right =
        valueAxis(std::max(1.0, maxRate), maxRate < 5 ? QStringLiteral("%.1f%%") : QStringLiteral("%.0f%%"));
    chart->addAxis(left, Qt::AlignLeft);
    chart->addAxis(right, Qt::AlignRight);
    calls->attachAxis(x);
    calls->attachAxis(left);
    errors->attachAxis(x);
    errors->attachAxis(right);
    chart->legend()->setAlignment(Qt::AlignTop);
}

void CostDashboard::fillLatency(QChartView *view, const std::vector<DashboardLatency> &latency)
{
    QChart *chart = replaceChart(view);
    auto *series = new QHorizontalBarSeries;
    auto *p50 = new QBarSet(QStringLiteral("p50"));
    auto *p95 = new QBarSet(QStringLiteral("p95"));
    auto *p99 = new QBarSet(QStringLiteral("p99"));
    QStringList keys;
    double max = 0;
    // The busiest keys, listed top-down.
    const size_t n = std::min(latency.size(), size_t(kLatencyKeys));
    for (size_t i = n; i-- > 0;) {
        const DashboardLatency &l = latency[i];
        QString key = keyLabel(l.key);
        if (key.size() > 28)
            key = key.left(27) + u'…';
        keys << key;
        *p50 << msOf(l.p50Ns);
        *p95 << msOf(l.p95Ns);
        *p99 << msOf(l.p99Ns);
        max = std::max(max, msOf(l.p99Ns));
    }
    p50->setColor(QColor(0x4e, 0x9a, 0x06));
    p95->setColor(QColor(0xed, 0xa0, 0x2c));
    p99->setColor(QColor(0xcc, 0x33, 0x33));
    series->append({p50, p95, p99});
    chart->addSeries(series);
    auto *y = new QBarCategoryAxis;
    y->append(keys);
    auto *x = valueAxis(max, QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    chart->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    chart->legend()->setAlignment(Qt::AlignTop);
}

void CostDashboard::fillTables()
{
    const auto fill = [](QTableWidget *table, const std::vector<CostlyItem> &items, bool trace) {
        table->setRowCount(int(items.size()));
        for (int r = 0; r < int(items.size()); ++r) {
            const CostlyItem &item = items[size_t(r)];
            QString name = QString::fromStdString(
                trace && !item.label.empty() && item.label != " " ? item.label : item.id);
            auto *first = new QTableWidgetItem(name);
            first->setToolTip(trace ? QStringLiteral("%1\n%2").arg(QString::fromStdString(item.id),
                                                                   DisplayFormat::timestamp(item.startNs))
                                    : QString::fromStdString(item.id));
            table->setItem(r, 0, first);
            const auto number = [](const QString &text) {
                auto *cell = new QTableWidgetItem(text);
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                return cell;
            };
            table->setItem(r, 1, number(DisplayFormat::cost(item.costUsd)));
            table->setItem(r, 2, number(DisplayFormat::count(item.tokens)));
            table->setItem(r, 3, number(DisplayFormat::count(item.count)));
        }
        table->resizeColumnsToContents();
        table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    };
    fill(m_topTraces, m_data.topTraces, true);
    fill(m_topUsers, m_data.topUsers, false);
    fill(m_topSessions, m_data.topSessions, false);
    m_savings->setData(m_data);
}

QString CostDashboard::csvOf(QTableWidget *table) const
{
    const std::vector<CostlyItem> *items = table == m_topTraces     ? &m_data.topTraces
                                           : table == m_topUsers    ? &m_data.topUsers
                                           : table == m_topSessions ? &m_data.topSessions
                                                                    : nullptr;
    if (!items)
        return {};
    QStringList lines;
    if (table == m_topTraces)
        lines << QStringLiteral("trace_id,root,workspace,start,cost_usd,tokens,spans");
    else if (table == m_topUsers)
        lines << QStringLiteral("user_id,workspace,cost_usd,tokens,llm_calls");
    else
        lines << QStringLiteral("session_id,workspace,first_trace_start,cost_usd,tokens,traces");
    for (const CostlyItem &item : *items) {
        QStringList row{csvCell(QString::fromStdString(item.id))};
        if (table == m_topTraces)
            row << csvCell(QString::fromStdString(item.label).trimmed());
        row << csvCell(QString::fromStdString(item.workspace));
        if (table != m_topUsers)
            row << isoTime(item.startNs);
        row << QString::number(item.costUsd, 'g', 12) << QString::number(item.tokens)
            << QString::number(item.count);
        lines << row.join(u',');
    }
    return lines.join(u'\n') + u'\n';
}

bool CostDashboard::saveCsv(const QString &csv, const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(csv.toUtf8()) < 0) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void CostDashboard::askAndSaveCsv(const QString &title, const QString &csv)
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Data"), title + QStringLiteral(".csv"),
                                                      tr("CSV (*.csv)"));
    QString error;
    if (!path.isEmpty() && !saveCsv(csv, path, &error))
        QMessageBox::warning(this, tr("Save Data"), error);
}

void CostDashboard::showTableMenu(QTableWidget *table, const QPoint &pos)
{
    QMenu menu(this);
    const QString title = table->horizontalHeaderItem(0)->text();
    menu.addAction(tr("Save as CSV…"), this, [this, table, title] { askAndSaveCsv(title, csvOf(table)); });
    menu.exec(table->viewport()->mapToGlobal(pos));
}

QString CostDashboard::csvOf(QChartView *view) const
{
    const DashboardData &d = m_data;
    QStringList lines;
    if (view == m_cost || view == m_tokens) {
        QStringList header{QStringLiteral("bucket_start")};
        for (const DashboardSeries &s : d.series)
            header << csvCell(keyLabel(s.key));
        lines << header.join(u',');
        for (int b = 0; b < d.buckets; ++b) {
            QStringList row{isoTime(d.bucketStart(b))};
            for (const DashboardSeries &s : d.series)
                row << (view == m_cost ? QString::number(s.costUsd[size_t(b)], 'g', 12)
                                       : QString::number(s.tokens[size_t(b)]));
            lines << row.join(u',');
        }
    } else if (view == m_calls) {
        lines << QStringLiteral("bucket_start,llm_calls,errors");
        for (int b = 0; b < d.buckets; ++b)
            lines << QStringLiteral("%1,%2,%3")
                         .arg(isoTime(d.bucketStart(b)))
                         .arg(d.llmCalls[size_t(b)])
                         .arg(d.llmErrors[size_t(b)]);
    } else if (view == m_modelLatency || view == m_serviceLatency) {
        lines << QStringLiteral("%1,spans,p50_ms,p95_ms,p99_ms")
                     .arg(view == m_modelLatency ? QStringLiteral("model") : QStringLiteral("service"));
        for (const DashboardLatency &l : view == m_modelLatency ? d.modelLatency : d.serviceLatency)
            lines << QStringLiteral("%1,%2,%3,%4,%5")
                         .arg(csvCell(keyLabel(l.key)))
                         .arg(l.spans)
                         .arg(msOf(l.p50Ns))
                         .arg(msOf(l.p95Ns))
                         .arg(msOf(l.p99Ns));
    }
    return lines.join(u'\n') + u'\n';
}

void CostDashboard::showChartMenu(QChartView *view, const QPoint &pos)
{
    QMenu menu(this);
    const QString title = view->chart()->title();
    menu.addAction(tr("Save Chart as PNG…"), this, [this, view, title] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save Chart"), title + QStringLiteral(".png"), tr("PNG image (*.png)"));
        if (!path.isEmpty() && !WidgetExport::savePng(*view, path))
            QMessageBox::warning(this, tr("Save Chart"), tr("Cannot write %1").arg(path));
    });
    menu.addAction(tr("Save Data as CSV…"), this, [this, view, title] { askAndSaveCsv(title, csvOf(view)); });
    menu.exec(view->mapToGlobal(pos));
}

} // namespace tracedeck

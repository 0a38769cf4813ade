#include "savingspanel.h"

#include "displayformat.h"

#include <cmath>

#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

constexpr int kSampleChars = 80;

QString elided(const std::string &text)
{
    QString s = QString::fromStdString(text).simplified();
    return s.size() > kSampleChars ? s.left(kSampleChars - 1) + QChar(0x2026) : s;
}

QString percent(double ratio)
{
    return QStringLiteral("%1 %").arg(QString::number(100.0 * ratio, 'f', ratio < 0.1 ? 1 : 0));
}

QTableWidget *newTable(const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->setVisible(false);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    return t;
}

QTableWidgetItem *numberCell(const QString &text)
{
    auto *cell = new QTableWidgetItem(text);
    cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

} // namespace

SavingsPanel::SavingsPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_hints(newTable({tr("Identical prompts sent again"), tr("Saving")}, this))
    , m_models(newTable({tr("Model"), tr("Share of cost"), tr("Cost"), tr("Cached input")}, this))
{
    auto *title = new QLabel(tr("<b>Savings</b>"), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_hints->setToolTip(tr("Double-click a hint to open the first trace that sent the prompt"));
    m_hints->setMinimumHeight(140);
    m_models->setMinimumHeight(160);
    m_models->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_models->setToolTip(tr("Cached input: the part of the input tokens the provider read from its prompt "
                            "cache (cached tokens are a part of input tokens)"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_hints, 1);
    layout->addWidget(m_models, 1);

    connect(m_hints, &QTableWidget::cellDoubleClicked, this, [this](int row) {
        if (row >= 0 && size_t(row) < m_repeats.size())
            Q_EMIT traceActivated(QString::fromStdString(m_repeats[size_t(row)].traceId),
                                  QString::fromStdString(m_repeats[size_t(row)].workspace));
    });
}

QString SavingsPanel::hintText(const PromptRepeat &r)
{
    // A repeat is at least two calls: always the plural.
    return tr("%1 identical prompts to %2 cost %3; caching would save ≈ %4")
        .arg(DisplayFormat::count(r.calls),
             QString::fromStdString(r.model.empty() ? std::string("(no model)") : r.model),
             DisplayFormat::cost(r.costUsd), DisplayFormat::cost(r.savingUsd));
}

void SavingsPanel::setData(const DashboardData &data)
{
    m_repeats = data.repeatedPrompts;
    QString summary = tr("Cached input tokens: %1 of %2 input tokens (%3).")
                          .arg(DisplayFormat::count(data.cachedInputTokens),
                               DisplayFormat::count(data.inputTokens), percent(data.cachedRatio()));
    if (m_repeats.empty())
        summary += u' ' + tr("No prompt was sent twice in this range.");
    else
        summary += u' ' + tr("Caching the repeated prompts below would save ≈ %1.")
                              .arg(DisplayFormat::cost(data.savingUsd()));
    if (data.promptHashesFromNs > 0 && data.fromNs < data.promptHashesFromNs)
        summary += u' ' + tr("Identical prompts are found among the calls stored from %1.")
                              .arg(DisplayFormat::timestamp(data.promptHashesFromNs));
    m_summary->setText(summary);

    m_hints->setRowCount(int(m_repeats.size()));
    for (int row = 0; row < int(m_repeats.size()); ++row) {
        const PromptRepeat &r = m_repeats[size_t(row)];
        auto *hint = new QTableWidgetItem(hintText(r));
        const QString how =
            r.promptCache
                ? tr("Estimate: the input tokens of every call but the first at the model's cached-input "
                     "price instead of its input price.")
                : tr("Estimate: the whole cost of every call but the first (the model has no "
                     "cached-input price, so as if a response cache answered them).");
        hint->setToolTip(
            tr("“%1”\n%2\nFirst trace: %3").arg(elided(r.sample), how, QString::fromStdString(r.traceId)));
        m_hints->setItem(row, 0, hint);
        m_hints->setItem(row, 1, numberCell(DisplayFormat::cost(r.savingUsd)));
    }
    m_hints->resizeColumnToContents(1);

    m_models->setRowCount(int(data.modelShares.size()));
    for (int row = 0; row < int(data.modelShares.size()); ++row) {
        const ModelShare &share = data.modelShares[size_t(row)];
        m_models->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(share.model)));
        auto *bar = new QProgressBar;
        bar->setRange(0, 1000);
        bar->setValue(int(std::lround(share.share * 1000)));
        bar->setFormat(percent(share.share));
        bar->setTextVisible(true);
        m_models->setCellWidget(row, 1, bar);
        // The cell's text too, for CSV and accessibility.
        m_models->setItem(row, 1, numberCell(percent(share.share)));
        m_models->setItem(row, 2, numberCell(DisplayFormat::cost(share.costUsd)));
        m_models->setItem(row, 3, numberCell(percent(share.cachedRatio())));
    }
    m_models->resizeColumnToContents(0);
    m_models->resizeColumnToContents(2);
    m_models->resizeColumnToContents(3);
}

} // namespace tracedeck

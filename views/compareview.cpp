#include "compareview.h"
#include "thememanager.h"

#include "displayformat.h"
#include "textdiffview.h"
#include "timelineview.h"

#include <QEvent>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace tracedeck {

namespace {

// Colours delta cells by CompareModel::DeltaSignRole: red where B is worse, green where it is better.
class DeltaDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int sign = index.data(CompareModel::DeltaSignRole).toInt();
        if (sign != 0 && !(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, sign > 0 ? ThemeManager::negative(option->palette)
                                                              : ThemeManager::positive(option->palette));
    }
};

QString signedDuration(int64_t ns)
{
    return (ns > 0   ? QStringLiteral("+")
            : ns < 0 ? QStringLiteral("\u2212")
                     : QString()) +
           DisplayFormat::duration(std::llabs(ns));
}

QString totalsLine(const RunTotals &t)
{
    QString line = DisplayFormat::duration(t.durationNs) + QStringLiteral(" \u00b7 ") +
                   CompareView::tr("%n span(s)", nullptr, t.spans);
    if (t.tokensKnown)
        line += QStringLiteral(" \u00b7 ") +
                CompareView::tr("%1 tokens").arg(DisplayFormat::count(t.inputTokens + t.outputTokens));
    if (t.costKnown)
        line += QStringLiteral(" \u00b7 ") + DisplayFormat::cost(t.costUsd);
    if (t.errors > 0)
        line += QStringLiteral(" \u00b7 ") + CompareView::tr("%n error(s)", nullptr, t.errors);
    return line;
}

QString coloured(const QString &text, double sign)
{
    if (sign == 0)
        return text;
    return QStringLiteral("<span style=\"color:%1\">%2</span>")
        .arg((sign > 0 ? ThemeManager::negative(QGuiApplication::palette())
                       : ThemeManager::positive(QGuiApplication::palette()))
                 .name(),
             text);
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_model(new CompareModel(this))
    , m_summary(new QLabel)
    , m_leftTitle(new QLabel)
    , m_rightTitle(new QLabel)
    , m_leftView(new TimelineView)
    , m_rightView(new TimelineView)
    , m_table(new QTableView)
    , m_diff(new TextDiffView)
    , m_vertical(new QSplitter(Qt::Vertical))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 0);
    layout->setSpacing(4);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);

    auto column = [](QLabel *title, TimelineView *view) {
        auto *w = new QWidget;
        auto *l = new QVBoxLayout(w);
        l->setContentsMargins(0, 0, 0, 0);
        l->setSpacing(2);
        title->setTextFormat(Qt::RichText);
        title->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->addWidget(title);
        l->addWidget(view, 1);
        return w;
    };
    auto *timelines = new QSplitter(Qt::Horizontal);
    timelines->addWidget(column(m_leftTitle, m_leftView));
    timelines->addWidget(column(m_rightTitle, m_rightView));
    timelines->setChildrenCollapsible(false);
    m_leftView->setCriticalPathVisible(false);
    m_rightView->setCriticalPathVisible(false);
    m_leftView->setMinimumSize(320, 220);
    m_rightView->setMinimumSize(320, 220);

    m_table->setModel(m_model);
    m_table->setItemDelegate(new DeltaDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(CompareModel::DurationDeltaColumn, Qt::DescendingOrder);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    static const int widths[CompareModel::ColumnCount] = {90, 200, 85, 60, 70,  70, 75,
                                                          80, 95,  70, 75, 130, 120};
    for (int c = 0; c < CompareModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);

    auto *bottom = new QSplitter(Qt::Horizontal);
    bottom->addWidget(m_table);
    bottom->addWidget(m_diff);
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setSizes({600, 400});
    bottom->setChildrenCollapsible(false);

    m_vertical->addWidget(timelines);
    m_vertical->addWidget(bottom);
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);
    m_vertical->setChildrenCollapsible(false);
    layout->addWidget(m_vertical, 1);

    // One axis: whichever side zooms or pans, the other follows.
    connect(m_leftView, &TimelineView::visibleRangeChanged, this, [this](double t0, double t1) {
        if (!m_syncing)
            m_rightView->setVisibleRange(t0, t1);
    });
    connect(m_rightView, &TimelineView::visibleRangeChanged, this, [this](double t0, double t1) {
        if (!m_syncing)
            m_leftView->setVisibleRange(t0, t1);
    });
    connect(m_leftView, &TimelineView::spanSelected, this, &CompareView::selectFromLeft);
    connect(m_rightView, &TimelineView::spanSelected, this, &CompareView::selectFromRight);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    selectFromTable(current.row());
            });
}

void CompareView::setRuns(const QString &leftTraceId, const QString &rightTraceId,
                          std::shared_ptr<const TimelineData> left, std::shared_ptr<const TimelineData> right,
                          std::shared_ptr<const SpanAlignment> alignment)
{
    m_leftTrace = leftTraceId;
    m_rightTrace = rightTraceId;
    m_pairLeft = m_pairRight = -1;
    m_syncing = true;
    m_model->setRuns(left, right, alignment);
    m_table->horizontalHeader()->setSortIndicator(CompareModel::DurationDeltaColumn, Qt::DescendingOrder);
    const double extent =
        std::max(left && !left->isEmpty() ? double(left->traceEndNs() - left->traceStartNs()) : 0.0,
                 right && !right->isEmpty() ? double(right->traceEndNs() - right->traceStartNs()) : 0.0);
    m_leftView->setData(left);
    m_rightView->setData(right);
    m_leftView->setTimeExtent(extent);
    m_rightView->setTimeExtent(extent);
    m_leftView->zoomToFit();
    m_rightView->zoomToFit();
    if (alignment && left && right) {
        std::vector<uint8_t> removed(left->count(), TimelineView::NoMark);
        for (int32_t i : alignment->removed())
            removed[i] = TimelineView::RemovedMark;
        std::vector<uint8_t> added(right->count(), TimelineView::NoMark);
        for (int32_t i : alignment->added())
            added[i] = TimelineView::AddedMark;
        m_leftView->setSpanMarks(std::move(removed));
        m_rightView->setSpanMarks(std::move(added));
    }
    m_syncing = false;
    m_diff->showMessage(tr("Select a matched LLM call to compare its messages word by word."));
    updateSummary();
}

void CompareView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_model->left())
        updateSummary(); // its colours follow the theme
}

void CompareView::updateSummary()
{
    const RunTotals &a = m_model->totalsA();
    const RunTotals &b = m_model->totalsB();
    const SpanAlignment *al = m_model->alignment().get();
    m_leftTitle->setText(QStringLiteral("<b>A</b> ") + m_leftTrace.toHtmlEscaped() +
                         QStringLiteral(" \u00b7 ") + totalsLine(a).toHtmlEscaped());
    m_rightTitle->setText(QStringLiteral("<b>B</b> ") + m_rightTrace.toHtmlEscaped() +
                          QStringLiteral(" \u00b7 ") + totalsLine(b).toHtmlEscaped());
    const int64_t dDuration = b.durationNs - a.durationNs;
    QString text = QStringLiteral("<b>") + tr("B vs A") + QStringLiteral(":</b> ");
    QString pct;
    if (a.durationNs > 0)
        pct = QStringLiteral(" (%1%2%)")
                  .arg(dDuration > 0 ? QStringLiteral("+") : QString())
                  .arg(100.0 * double(dDuration) / double(a.durationNs), 0, 'f', 1);
    text += coloured(tr("duration %1").arg(signedDuration(dDuration) + pct), double(dDuration));
    const int64_t dTokens = (b.inputTokens + b.outputTokens) - (a.inputTokens + a.outputTokens);
    if (a.tokensKnown || b.tokensKnown)
        text += QStringLiteral(" \u00b7 ") + coloured(tr("tokens %1%2")
                                                          .arg(dTokens > 0 ? QStringLiteral("+") : QString())
                                                          .arg(DisplayFormat::count(dTokens)),
                                                      double(dTokens));
    if (a.costKnown || b.costKnown) {
        const double dCost = b.costUsd - a.costUsd;
        text += QStringLiteral(" \u00b7 ") + coloured(tr("cost %1%2")
                                                          .arg(dCost > 0   ? QStringLiteral("+")
                                                               : dCost < 0 ? QStringLiteral("\u2212")
                                                                           : QString(),
                                                               DisplayFormat::cost(std::fabs(dCost))),
                                                      dCost);
    }
    text += QStringLiteral(" \u00b7 ") +
            coloured(tr("errors %1 \u2192 %2").arg(a.errors).arg(b.errors), double(b.errors - a.errors));
    if (al) {
        text += QStringLiteral(" \u00b7 ") + tr("%n span(s) matched", nullptr, int(al->pairs().size())) +
                QStringLiteral(", ") +
                coloured(tr("%n added", nullptr, int(al->added().size())), al->added().empty() ? 0 : -1) +
                QStringLiteral(", ") +
                coloured(tr("%n removed", nullptr, int(al->removed().size())), al->removed().empty() ? 0 : 1);
    }
    const QString modelsA = a.models.join(QStringLiteral(", "));
    const QString modelsB = b.models.join(QStringLiteral(", "));
    if (modelsA != modelsB)
        text += QStringLiteral(" \u00b7 ") +
                tr("models %1 \u2192 %2").arg(modelsA.toHtmlEscaped(), modelsB.toHtmlEscaped());
    m_summary->setText(text);
}

QString CompareView::summaryText() const
{
    return m_summary->text();
}

void CompareView::selectFromLeft(int index)
{
    if (m_syncing)
        return;
    const SpanAlignment *al = m_model->alignment().get();
    const int right = al ? al->rightOf(index) : -1;
    m_syncing = true;
    m_rightView->selectSpan(right);
    const int row = m_model->rowOfLeft(index);
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    }
    m_syncing = false;
    showPair(index, right);
}

void CompareView::selectFromRight(int index)
{
    if (m_syncing)
        return;
    const SpanAlignment *al = m_model->alignment().get();
    const int left = al ? al->leftOf(index) : -1;
    m_syncing = true;
    m_leftView->selectSpan(left);
    const int row = m_model->rowOfRight(index);
    if (row >= 0) {
        m_table->selectionModel()->setCurrentIndex(
            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_table->scrollTo(m_model->index(row, 0));
    }
    m_syncing = false;
    showPair(left, index);
}

void CompareView::selectFromTable(int row)
{
    if (m_syncing || row < 0 || row >= m_model->rowCount())
        return;
    const CompareModel::Row &r = m_model->row(row);
    m_syncing = true;
    m_leftView->selectSpan(r.left);
    m_rightView->selectSpan(r.right);
    m_syncing = false;
    showPair(r.left, r.right);
}

void CompareView::showPair(int left, int right)
{
    if (left == m_pairLeft && right == m_pairRight)
        return;
    m_pairLeft = left;
    m_pairRight = right;
    const auto &a = m_model->left();
    const auto &b = m_model->right();
    if (left >= 0 && right >= 0 && a && b && a->isLlm(left) && b->isLlm(right)) {
        m_diff->showMessage(tr("Loading the messages of \u201c%1\u201d\u2026").arg(a->name(left)));
        Q_EMIT llmPairSelected(left, right);
    } else if (left >= 0 && right >= 0) {
        m_diff->showMessage(
            tr("\u201c%1\u201d is not an LLM call: no messages to compare.").arg(a->name(left)));
    } else {
        m_diff->showMessage(left >= 0 ? tr("\u201c%1\u201d is only in A (removed in B).").arg(a->name(left))
                            : right >= 0
                                ? tr("\u201c%1\u201d is only in B (added).").arg(b->name(right))
                                : tr("Select a matched LLM call to compare its messages word by word."));
    }
}

void CompareView::setMessages(int left, int right, const QString &leftInput, const QString &leftOutput,
                              const QString &rightInput, const QString &rightOutput)
{
    if (left != m_pairLeft || right != m_pairRight)
        return;
    m_diff->setTexts(leftInput, leftOutput, rightInput, rightOutput);
}

void CompareView::setMessageDiffs(int left, int right, const std::vector<DiffSegment> &input,
                                  const std::vector<DiffSegment> &output)
{
    if (left != m_pairLeft || right != m_pairRight)
        return;
    m_diff->setDiffs(input, output);
}

void CompareView::setMessagesError(int left, int right, const QString &error)
{
    if (left != m_pairLeft || right != m_pairRight)
        return;
    m_diff->showMessage(error);
}

} // namespace tracedeck

#include "comparemodel.h"

#include "displayformat.h"

#include <QLocale>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tracedeck {

namespace {

QString signedDuration(int64_t ns)
{
    if (ns == 0)
        return QStringLiteral("0");
    return (ns > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) +
           DisplayFormat::duration(std::llabs(ns));
}

QString signedCount(int64_t n)
{
    if (n == 0)
        return QStringLiteral("0");
    return (n > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + DisplayFormat::count(std::llabs(n));
}

QString signedCost(double usd)
{
    if (usd == 0)
        return QStringLiteral("0");
    return (usd > 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + DisplayFormat::cost(std::fabs(usd));
}

QString either(const QString &a, const QString &b)
{
    if (a == b || b.isEmpty())
        return a;
    if (a.isEmpty())
        return b;
    return a + QStringLiteral(" \u2192 ") + b;
}

bool isTextColumn(int column)
{
    return column == CompareModel::ChangeColumn || column == CompareModel::SpanColumn ||
           column == CompareModel::ServiceColumn || column == CompareModel::StatusColumn ||
           column == CompareModel::ModelColumn || column == CompareModel::TokensColumn;
}

} // namespace

CompareModel::CompareModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

int64_t CompareModel::tokensOf(const TimelineData &d, int32_t i) const
{
    const TimelineLlmInfo *llm = d.llmInfo(i);
    if (!llm || (llm->inputTokens < 0 && llm->outputTokens < 0))
        return -1;
    return std::max<int64_t>(0, llm->inputTokens) + std::max<int64_t>(0, llm->outputTokens);
}

double CompareModel::costOf(const TimelineData &d, int32_t i) const
{
    const TimelineLlmInfo *llm = d.llmInfo(i);
    return llm ? llm->costUsd : -1.0;
}

QString CompareModel::modelOf(const TimelineData &d, int32_t i) const
{
    const TimelineLlmInfo *llm = d.llmInfo(i);
    return llm ? d.modelName(llm->model) : QString();
}

void CompareModel::setRuns(std::shared_ptr<const TimelineData> left,
                           std::shared_ptr<const TimelineData> right,
                           std::shared_ptr<const SpanAlignment> alignment)
{
    beginResetModel();
    m_left = std::move(left);
    m_right = std::move(right);
    m_alignment = std::move(alignment);
    m_rows.clear();
    m_totalsA = m_left ? RunTotals::of(*m_left) : RunTotals();
    m_totalsB = m_right ? RunTotals::of(*m_right) : RunTotals();
    if (m_left && m_right && m_alignment) {
        const TimelineData &a = *m_left;
        const TimelineData &b = *m_right;
        auto known = [](int64_t v) { return std::max<int64_t>(0, v); };
        auto knownCost = [](double v) { return std::max(0.0, v); };
        m_rows.reserve(m_alignment->pairs().size() + m_alignment->added().size() +
                       m_alignment->removed().size());
        for (const SpanPair &p : m_alignment->pairs()) {
            Row r;
            r.match = p.match;
            r.left = p.left;
            r.right = p.right;
            r.durationDelta = b.durationNs(p.right) - a.durationNs(p.left);
            r.selfDelta = b.selfTimeNs(p.right) - a.selfTimeNs(p.left);
            r.tokensDelta = known(tokensOf(b, p.right)) - known(tokensOf(a, p.left));
            r.costDelta = knownCost(costOf(b, p.right)) - knownCost(costOf(a, p.left));
            m_rows.push_back(r);
        }
        for (int32_t i : m_alignment->added()) {
            Row r;
            r.change = Change::Added;
            r.right = i;
            r.durationDelta = b.durationNs(i);
            r.selfDelta = b.selfTimeNs(i);
            r.tokensDelta = known(tokensOf(b, i));
            r.costDelta = knownCost(costOf(b, i));
            m_rows.push_back(r);
        }
        for (int32_t i : m_alignment->removed()) {
            Row r;
            r.change = Change::Removed;
            r.left = i;
            r.durationDelta = -a.durationNs(i);
            r.selfDelta = -a.selfTimeNs(i);
            r.tokensDelta = -known(tokensOf(a, i));
            r.costDelta = -knownCost(costOf(a, i));
            m_rows.push_back(r);
        }
        // Biggest regression first; ties in tree order of A, then B.
        std::stable_sort(m_rows.begin(), m_rows.end(),
                         [](const Row &x, const Row &y) { return x.durationDelta > y.durationDelta; });
    }
    reindex();
    endResetModel();
}

void CompareModel::reindex()
{
    m_rowOfLeft.assign(m_left ? m_left->count() : 0, -1);
    m_rowOfRight.assign(m_right ? m_right->count() : 0, -1);
    for (int i = 0; i < static_cast<int>(m_rows.size()); ++i) {
        if (m_rows[i].left >= 0)
            m_rowOfLeft[m_rows[i].left] = i;
        if (m_rows[i].right >= 0)
            m_rowOfRight[m_rows[i].right] = i;
    }
}

int CompareModel::rowOfLeft(int32_t left) const
{
    return left >= 0 && left < static_cast<int32_t>(m_rowOfLeft.size()) ? m_rowOfLeft[left] : -1;
}

int CompareModel::rowOfRight(int32_t right) const
{
    return right >= 0 && right < static_cast<int32_t>(m_rowOfRight.size()) ? m_rowOfRight[right] : -1;
}

int CompareModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CompareModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::DisplayRole) {
        static const char *const names[ColumnCount] = {
            QT_TR_NOOP("Change"),        QT_TR_NOOP("Span"),        QT_TR_NOOP("\u0394 duration"),
            QT_TR_NOOP("\u0394 %"),      QT_TR_NOOP("A"),           QT_TR_NOOP("B"),
            QT_TR_NOOP("\u0394 self"),   QT_TR_NOOP("Status"),      QT_TR_NOOP("Tokens"),
            QT_TR_NOOP("\u0394 tokens"), QT_TR_NOOP("\u0394 cost"), QT_TR_NOOP("Model"),
            QT_TR_NOOP("Service")};
        return tr(names[section]);
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DurationAColumn:
            return tr("Duration in run A (left)");
        case DurationBColumn:
            return tr("Duration in run B (right)");
        case SelfDeltaColumn:
            return tr("Change in self time: duration minus the time covered by children");
        default:
            return {};
        }
    }
    return {};
}

QVariant CompareModel::display(const Row &r, int column) const
{
    const TimelineData &a = *m_left;
    const TimelineData &b = *m_right;
    const bool hasA = r.left >= 0;
    const bool hasB = r.right >= 0;
    auto nameA = [&] { return hasA ? a.name(r.left) : QString(); };
    auto nameB = [&] { return hasB ? b.name(r.right) : QString(); };
    switch (column) {
    case ChangeColumn:
        if (r.change == Change::Added)
            return tr("added");
        if (r.change == Change::Removed)
            return tr("removed");
        switch (r.match) {
        case SpanMatch::Same:
            return tr("matched");
        case SpanMatch::Renamed:
            return tr("service renamed");
        case SpanMatch::Category:
            return tr("other call");
        case SpanMatch::Moved:
            return tr("moved");
        }
        return {};
    case SpanColumn:
        return either(nameA(), nameB());
    case ServiceColumn:
        return either(hasA ? a.service(r.left) : QString(), hasB ? b.service(r.right) : QString());
    case DurationAColumn:
        return hasA ? DisplayFormat::duration(a.durationNs(r.left)) : QStringLiteral("\u2014");
    case DurationBColumn:
        return hasB ? DisplayFormat::duration(b.durationNs(r.right)) : QStringLiteral("\u2014");
    case DurationDeltaColumn:
        return signedDuration(r.durationDelta);
    case DurationPercentColumn: {
        if (r.change != Change::Matched || a.durationNs(r.left) == 0)
            return QStringLiteral("\u2014");
        const double pct = 100.0 * double(r.durationDelta) / double(a.durationNs(r.left));
        return QString((pct > 0 ? QStringLiteral("+") : QString()) +
                       QString::number(pct, 'f', std::fabs(pct) < 10 ? 1 : 0) + QStringLiteral("%"));
    }
    case SelfDeltaColumn:
        return signedDuration(r.selfDelta);
    case StatusColumn: {
        const QString sa = hasA ? (a.isError(r.left) ? tr("error") : tr("ok")) : QString();
        const QString sb = hasB ? (b.isError(r.right) ? tr("error") : tr("ok")) : QString();
        return either(sa, sb);
    }
    case TokensColumn: {
        const int64_t ta = hasA ? tokensOf(a, r.left) : -1;
        const int64_t tb = hasB ? tokensOf(b, r.right) : -1;
        if (ta < 0 && tb < 0)
            return QString();
        return either(ta >= 0 ? DisplayFormat::count(ta) : QStringLiteral("\u2014"),
                      tb >= 0 ? DisplayFormat::count(tb) : QStringLiteral("\u2014"));
    }
    case TokensDeltaColumn:
        return r.tokensDelta == 0 ? QString() : signedCount(r.tokensDelta);
    case CostDeltaColumn:
        return r.costDelta == 0 ? QString() : signedCost(r.costDelta);
    case ModelColumn:
        return either(hasA ? modelOf(a, r.left) : QString(), hasB ? modelOf(b, r.right) : QString());
    default:
        return {};
    }
}

QVariant CompareModel::sortValue(const Row &r, int column) const
{
    switch (column) {
    case ChangeColumn:
        return static_cast<int>(r.change) * 10 + static_cast<int>(r.match);
    case DurationAColumn:
        return r.left >= 0 ? double(m_left->durationNs(r.left)) : -1.0;
    case DurationBColumn:
        return r.right >= 0 ? double(m_right->durationNs(r.right)) : -1.0;
    case DurationDeltaColumn:
        return double(r.durationDelta);
    case DurationPercentColumn:
        if (r.change != Change::Matched || m_left->durationNs(r.left) == 0)
            return r.change == Change::Added ? 1e18 : r.change == Change::Removed ? -1e18 : 0.0;
        return double(r.durationDelta) / double(m_left->durationNs(r.left));
    case SelfDeltaColumn:
        return double(r.selfDelta);
    case TokensDeltaColumn:
        return double(r.tokensDelta);
    case CostDeltaColumn:
        return r.costDelta;
    case StatusColumn: {
        // Newly failing first when sorted descending.
        const int ea = r.left >= 0 && m_left->isError(r.left) ? 1 : 0;
        const int eb = r.right >= 0 && m_right->isError(r.right) ? 1 : 0;
        return eb - ea;
    }
    default:
        return display(r, column);
    }
}

QVariant CompareModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[index.row()];
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(r, column);
    case Qt::ToolTipRole:
        if (column == SpanColumn || column == ServiceColumn || column == ModelColumn)
            return display(r, column);
        return {};
    case Qt::TextAlignmentRole:
        if (column >= DurationDeltaColumn && column <= SelfDeltaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (column == TokensDeltaColumn || column == CostDeltaColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DeltaSignRole: {
        double delta = 0;
        if (column == ChangeColumn)
            delta = r.change == Change::Added ? -1 : r.change == Change::Removed ? 1 : 0; // added: green
        else if (column == DurationDeltaColumn || column == DurationPercentColumn)
            delta = double(r.durationDelta);
        else if (column == SelfDeltaColumn)
            delta = double(r.selfDelta);
        else if (column == TokensDeltaColumn)
            delta = double(r.tokensDelta);
        else if (column == CostDeltaColumn)
            delta = r.costDelta;
        else if (column == StatusColumn)
            delta = sortValue(r, column).toInt();
        else
            return {};
        return delta > 0 ? 1 : delta < 0 ? -1 : 0;
    }
    case SortRole:
        return sortValue(r, column);
    case LeftIndexRole:
        return r.left;
    case RightIndexRole:
        return r.right;
    case ChangeRole:
        return static_cast<int>(r.change);
    default:
        return {};
    }
}

void CompareModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= ColumnCount || m_rows.empty())
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const int n = static_cast<int>(m_rows.size());
    std::vector<int> perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    if (isTextColumn(column)) {
        std::vector<QString> keys(n);
        for (int i = 0; i < n; ++i)
            keys[i] = display(m_rows[i], column).toString();
        std::stable_sort(perm.begin(), perm.end(), [&](int x, int y) {
            const int c = QString::localeAwareCompare(keys[x], keys[y]);
            return order == Qt::AscendingOrder ? c < 0 : c > 0;
        });
    } else {
        std::vector<double> keys(n);
        for (int i = 0; i < n; ++i)
            keys[i] = sortValue(m_rows[i], column).toDouble();
        std::stable_sort(perm.begin(), perm.end(), [&](int x, int y) {
            return order == Qt::AscendingOrder ? keys[x] < keys[y] : keys[x] > keys[y];
        });
    }
    std::vector<Row> sorted(n);
    std::vector<int> newRowOf(n);
    for (int i = 0; i < n; ++i) {
        sorted[i] = m_rows[perm[i]];
        newRowOf[perm[i]] = i;
    }
    m_rows = std::move(sorted);
    const QModelIndexList from = persistentIndexList();
    QModelIndexList to;
    to.reserve(from.size());
    for (const QModelIndex &index : from)
        to.push_back(this->index(newRowOf[index.row()], index.column()));
    changePersistentIndexList(from, to);
    reindex();
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

} // namespace tracedeck

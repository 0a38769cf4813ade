#include "tracelistmodel.h"

#include "backgroundreader.h"
#include "displayformat.h"

#include <QCoreApplication>
#include <QSet>

namespace tracedeck {

namespace {

QString joined(const std::string &commaSeparated)
{
    return QString::fromStdString(commaSeparated).replace(u',', QStringLiteral(", "));
}

bool isNumeric(TraceColumn column)
{
    switch (column) {
    case TraceColumn::Duration:
    case TraceColumn::Spans:
    case TraceColumn::Errors:
    case TraceColumn::InputTokens:
    case TraceColumn::OutputTokens:
    case TraceColumn::Cost:
        return true;
    default:
        return false;
    }
}

QString displayText(const TraceSummary &t, TraceColumn column)
{
    switch (column) {
    case TraceColumn::Start:
        return DisplayFormat::timestamp(t.startNs);
    case TraceColumn::Root:
        if (t.rootName.empty() && t.rootService.empty())
            return QCoreApplication::translate("TraceListModel", "(no root span)");
        return QString::fromStdString(t.rootService) + QStringLiteral(": ") +
               QString::fromStdString(t.rootName);
    case TraceColumn::Services:
        return joined(t.services);
    case TraceColumn::Duration:
        return DisplayFormat::duration(t.endNs - t.startNs);
    case TraceColumn::Spans:
        return DisplayFormat::count(t.spanCount);
    case TraceColumn::Errors:
        return t.errorCount ? DisplayFormat::count(t.errorCount) : QString();
    case TraceColumn::InputTokens:
        return t.inputTokens ? DisplayFormat::count(t.inputTokens) : QString();
    case TraceColumn::OutputTokens:
        return t.outputTokens ? DisplayFormat::count(t.outputTokens) : QString();
    case TraceColumn::Cost:
        return t.costUsd ? DisplayFormat::cost(*t.costUsd) : QString();
    case TraceColumn::User:
        return QString::fromStdString(t.userId);
    case TraceColumn::Session:
        return QString::fromStdString(t.sessionId);
    case TraceColumn::Models:
        return joined(t.models);
    case TraceColumn::Count:
        break;
    }
    return {};
}

} // namespace

TraceListModel::TraceListModel(const QString &databasePath, QObject *parent)
    : QAbstractTableModel(parent)
    , m_reader(std::make_unique<BackgroundReader>(databasePath))
{
    startQuery(Pending::Reset);
}

TraceListModel::~TraceListModel()
{
    m_reader.reset(); // waits for a running query before the rows it would hand back go away
}

int TraceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TraceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(TraceColumn::Count);
}

QVariant TraceListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceSummary &t = m_rows[size_t(index.row())];
    const auto column = TraceColumn(index.column());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(t, column);
    case Qt::ToolTipRole:
        if (column == TraceColumn::Services || column == TraceColumn::Models || column == TraceColumn::Root)
            return displayText(t, column);
        if (column == TraceColumn::Cost && t.costUsd)
            return QStringLiteral("$%1").arg(*t.costUsd, 0, 'f', 6);
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(column) ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case TraceIdRole:
        return QString::fromStdString(t.traceId);
    case ErrorCountRole:
        return qlonglong(t.errorCount);
    case StartNsRole:
        return qlonglong(t.startNs);
    default:
        return {};
    }
}

QVariant TraceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= int(TraceColumn::Count))
        return {};
    switch (TraceColumn(section)) {
    case TraceColumn::Start:
        return tr("Start");
    case TraceColumn::Root:
        return tr("Root");
    case TraceColumn::Services:
        return tr("Services");
    case TraceColumn::Duration:
        return tr("Duration");
    case TraceColumn::Spans:
        return tr("Spans");
    case TraceColumn::Errors:
        return tr("Errors");
    case TraceColumn::InputTokens:
        return tr("In tokens");
    case TraceColumn::OutputTokens:
        return tr("Out tokens");
    case TraceColumn::Cost:
        return tr("Cost");
    case TraceColumn::User:
        return tr("User");
    case TraceColumn::Session:
        return tr("Session");
    case TraceColumn::Models:
        return tr("Models");
    case TraceColumn::Count:
        break;
    }
    return {};
}

bool TraceListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !m_atEnd && m_pending == Pending::None;
}

void TraceListModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        startQuery(m_rows.empty() ? Pending::Reset : Pending::Page);
}

void TraceListModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= int(TraceColumn::Count))
        return;
    const TraceSort sort{TraceColumn(column), order == Qt::DescendingOrder};
    if (sort == m_sort)
        return;
    m_sort = sort;
    startQuery(Pending::Reset);
}

void TraceListModel::setFilter(const TraceFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    startQuery(Pending::Reset);
}

const TraceSummary *TraceListModel::trace(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
}

int TraceListModel::rowOfTrace(const QString &traceId) const
{
    return m_rowOfTrace.value(traceId, -1);
}

void TraceListModel::refresh()
{
    if (m_pending != Pending::None) {
        m_refreshWanted = m_pending != Pending::Reset;
        return;
    }
    startQuery(m_rows.empty() ? Pending::Reset : Pending::Refresh);
}

void TraceListModel::startQuery(Pending kind)
{
    if (kind == Pending::Reset) {
        ++m_generation;
        m_refreshWanted = false;
    }
    const bool wasLoading = isLoading();
    m_pending = kind;
    std::optional<TraceCursor> cursor;
    int limit = kPageSize;
    if (kind == Pending::Page && !m_rows.empty()) {
        cursor = TraceCursor{m_rows.back().sortKey, m_rows.back().traceId, false};
    } else if (kind == Pending::Refresh) {
        // Everything loaded: a refresh may also bring traces that sort below the last row.
        if (!m_atEnd)
            cursor = TraceCursor{m_rows.back().sortKey, m_rows.back().traceId, true};
        limit = int(m_rows.size()) + kPageSize;
    }
    const quint64 generation = m_generation;
    m_requestedLimit = limit;
    m_reader->post([this, generation, kind, filter = m_filter, sort = m_sort, cursor,
                    limit](StoreReader *reader, const std::string &openError) {
        std::string error = openError;
        std::vector<TraceSummary> rows;
        if (reader)
            rows = reader->traces(filter, sort, cursor, limit, &error);
        QMetaObject::invokeMethod(
            this,
            [this, generation, kind, rows = std::move(rows), error]() mutable {
                if (generation != m_generation)
                    return; // a newer filter or sort replaced this query
                if (!error.empty()) {
                    finishQuery();
                    Q_EMIT queryFailed(QString::fromStdString(error));
                    return;
                }
                if (kind == Pending::Reset)
                    applyReset(std::move(rows));
                else if (kind == Pending::Page)
                    applyPage(std::move(rows));
                else
                    applyRefresh(std::move(rows));
                finishQuery();
                Q_EMIT loaded();
            },
            Qt::QueuedConnection);
    });
    if (!wasLoading)
        Q_EMIT loadingChanged(true);
}

void TraceListModel::finishQuery()
{
    m_pending = Pending::None;
    Q_EMIT loadingChanged(false);
    if (m_refreshWanted) {
        m_refreshWanted = false;
        refresh();
    }
}

void TraceListModel::applyReset(std::vector<TraceSummary> rows)
{
    beginResetModel();
    m_atEnd = int(rows.size()) < kPageSize;
    m_rows = std::move(rows);
    reindex();
    endResetModel();
}

void TraceListModel::applyPage(std::vector<TraceSummary> rows)
{
    m_atEnd = int(rows.size()) < kPageSize;
    // A trace that moved in sort order while paging (it grew) may come again: keep the loaded one.
    std::erase_if(rows, [this](const TraceSummary &t) {
        return m_rowOfTrace.contains(QString::fromStdString(t.traceId));
    });
    if (rows.empty())
        return;
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    for (TraceSummary &row : rows) {
        m_rowOfTrace.insert(QString::fromStdString(row.traceId), int(m_rows.size()));
        m_rows.push_back(std::move(row));
    }
    endInsertRows();
}

void TraceListModel::applyRefresh(std::vector<TraceSummary> fresh)
{
    if (m_atEnd)
        m_atEnd = int(fresh.size()) < m_requestedLimit;
    QSet<QString> freshIds;
    for (const TraceSummary &t : fresh)
        freshIds.insert(QString::fromStdString(t.traceId));

    // 1. Rows gone from the store (or moved past the loaded window) leave.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (freshIds.contains(QString::fromStdString(m_rows[size_t(row)].traceId)))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.erase(m_rows.begin() + row);
        endRemoveRows();
    }
    reindex();

    // 2. New traces are appended, then 3. everything is put in the store's order in one layout change, so
    // selections and the current index follow their traces.
    std::vector<TraceSummary> added;
    for (const TraceSummary &t : fresh) {
        if (!m_rowOfTrace.contains(QString::fromStdString(t.traceId)))
            added.push_back(t);
    }
    if (!added.empty()) {
        const int first = int(m_rows.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (TraceSummary &t : added)
            m_rows.push_back(std::move(t));
        reindex();
        endInsertRows();
    }

    bool orderChanged = false;
    for (size_t i = 0; i < fresh.size() && !orderChanged; ++i)
        orderChanged = fresh[i].traceId != m_rows[i].traceId;
    if (orderChanged) {
        Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QList<QPair<QString, int>> anchors;
        for (const QModelIndex &index : before)
            anchors.append({QString::fromStdString(m_rows[size_t(index.row())].traceId), index.column()});
        m_rows = fresh;
        reindex();
        QModelIndexList after;
        for (const auto &[traceId, column] : anchors)
            after.append(index(m_rowOfTrace.value(traceId), column));
        changePersistentIndexList(before, after);
        Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    } else {
        m_rows = std::move(fresh);
        reindex();
    }
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, int(TraceColumn::Count) - 1));
}

void TraceListModel::reindex()
{
    m_rowOfTrace.clear();
    m_rowOfTrace.reserve(qsizetype(m_rows.size()));
    for (size_t i = 0; i < m_rows.size(); ++i)
        m_rowOfTrace.insert(QString::fromStdString(m_rows[i].traceId), int(i));
}

} // namespace tracedeck

#pragma once

#include "tracefilter.h"
#include "tracesummary.h"

#include <QAbstractTableModel>
#include <QHash>

#include <memory>
#include <vector>

namespace tracedeck {

class BackgroundReader;

// The trace list: one row per trace, filtered and sorted in SQL and paged in on demand (fetchMore), every
// query on a reader thread. refresh() brings in what ingest added — new traces and changed counts — while
// persistent indexes (selection, current row) stay on their traces.
class TraceListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role {
        TraceIdRole = Qt::UserRole + 1,
        ErrorCountRole,
        StartNsRole,
    };
    static constexpr int kPageSize = 200;

    explicit TraceListModel(const QString &databasePath, QObject *parent = nullptr);
    ~TraceListModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const TraceFilter &filter);
    const TraceFilter &filter() const { return m_filter; }
    TraceSort sortOrder() const { return m_sort; }
    const TraceSummary *trace(int row) const;
    int rowOfTrace(const QString &traceId) const;
    bool isLoading() const { return m_pending != Pending::None; }
    bool reachedEnd() const { return m_atEnd; }

public Q_SLOTS:
    // Re-reads what is loaded (and anything new above it); cheap to call a few times a second.
    void refresh();

Q_SIGNALS:
    void loadingChanged(bool loading);
    // Emitted after each answer from the store (first page, next page, refresh).
    void loaded();
    void queryFailed(const QString &message);

private:
    enum class Pending { None, Reset, Page, Refresh };

    void startQuery(Pending kind);
    void applyReset(std::vector<TraceSummary> rows);
    void applyPage(std::vector<TraceSummary> rows);
    void applyRefresh(std::vector<TraceSummary> rows);
    void reindex();
    void finishQuery();

    std::unique_ptr<BackgroundReader> m_reader;
    TraceFilter m_filter;
    TraceSort m_sort;
    std::vector<TraceSummary> m_rows;
    QHash<QString, int> m_rowOfTrace;
    Pending m_pending = Pending::None;
    bool m_atEnd = false;
    bool m_refreshWanted = false;
    int m_requestedLimit = 0;
    quint64 m_generation = 0; // bumped by reset; answers to older queries are dropped
};

} // namespace tracedeck

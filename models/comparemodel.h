#pragma once

#include "runtotals.h"
#include "spanalignment.h"
#include "timelinedata.h"

#include <QAbstractTableModel>

#include <memory>
#include <vector>

namespace tracedeck {

// The deltas between two runs: a row per matched span pair and per added or removed span, with duration,
// self time, status, tokens, cost and model of each side. Sorted in memory (the rows are the spans of two
// traces); at first by the change in duration, biggest regression first. The whole run's deltas are
// totals(). A is the left (baseline) run, B the right one.
class CompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        ChangeColumn,
        SpanColumn,
        DurationDeltaColumn,
        DurationPercentColumn,
        DurationAColumn,
        DurationBColumn,
        SelfDeltaColumn,
        StatusColumn,
        TokensColumn,
        TokensDeltaColumn,
        CostDeltaColumn,
        ModelColumn,
        ServiceColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // the number a column sorts by
        LeftIndexRole,               // span index in A, -1 for an added span
        RightIndexRole,              // span index in B, -1 for a removed span
        ChangeRole,                  // Change
        DeltaSignRole,               // 1: worse in B (slower, failing, removed), -1: better (added), 0
    };
    enum class Change { Matched, Added, Removed };

    struct Row {
        Change change = Change::Matched;
        SpanMatch match = SpanMatch::Same;
        int32_t left = -1;
        int32_t right = -1;
        int64_t durationDelta = 0;
        int64_t selfDelta = 0;
        int64_t tokensDelta = 0;
        double costDelta = 0;
    };

    explicit CompareModel(QObject *parent = nullptr);

    void setRuns(std::shared_ptr<const TimelineData> left, std::shared_ptr<const TimelineData> right,
                 std::shared_ptr<const SpanAlignment> alignment);
    const std::shared_ptr<const TimelineData> &left() const { return m_left; }
    const std::shared_ptr<const TimelineData> &right() const { return m_right; }
    const std::shared_ptr<const SpanAlignment> &alignment() const { return m_alignment; }
    const RunTotals &totalsA() const { return m_totalsA; }
    const RunTotals &totalsB() const { return m_totalsB; }

    const Row &row(int row) const { return m_rows[row]; }
    int rowOfLeft(int32_t left) const;
    int rowOfRight(int32_t right) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

private:
    QVariant display(const Row &r, int column) const;
    QVariant sortValue(const Row &r, int column) const;
    int64_t tokensOf(const TimelineData &d, int32_t i) const;
    double costOf(const TimelineData &d, int32_t i) const;
    QString modelOf(const TimelineData &d, int32_t i) const;
    void reindex();

    std::shared_ptr<const TimelineData> m_left;
    std::shared_ptr<const TimelineData> m_right;
    std::shared_ptr<const SpanAlignment> m_alignment;
    RunTotals m_totalsA;
    RunTotals m_totalsB;
    std::vector<Row> m_rows;
    std::vector<int> m_rowOfLeft;
    std::vector<int> m_rowOfRight;
};

} // namespace tracedeck

#pragma once

#include "runtotals.h"

#include <QAbstractTableModel>

#include <vector>

namespace tracedeck {

// One run of the N-way comparison: a trace's totals and its final answer (last LLM output text).
struct RunSummary {
    QString traceId;
    QString rootName;
    RunTotals totals;
    QString finalAnswer;
};

// N runs side by side: a column per run, a row per figure (duration, spans, tokens in/out, cost, errors,
// models, final answer). The final answer is elided in the cell and whole in the tooltip.
class MultiRunModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Figure {
        RootFigure,
        DurationFigure,
        SpansFigure,
        LlmCallsFigure,
        InputTokensFigure,
        OutputTokensFigure,
        CostFigure,
        ErrorsFigure,
        ModelsFigure,
        AnswerFigure,
        FigureCount
    };
    enum Role {
        BestRole = Qt::UserRole + 1, // a run with the lowest duration, tokens, cost or errors of its row
        ErrorRole,                   // an errors cell above zero
    };
    static constexpr int AnswerDisplayChars = 160;

    explicit MultiRunModel(QObject *parent = nullptr);

    void setRuns(std::vector<RunSummary> runs);
    const std::vector<RunSummary> &runs() const { return m_runs; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString display(const RunSummary &run, int figure) const;
    // Whether a run has the lowest value of a figure where lower is better (duration, tokens, cost, errors);
    // ties are all best, and nobody is when all are equal.
    bool isBest(int run, int figure) const;
    double value(const RunSummary &run, int figure) const;

    std::vector<RunSummary> m_runs;
};

} // namespace tracedeck

#include "multirunmodel.h"

#include "displayformat.h"

namespace tracedeck {

MultiRunModel::MultiRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void MultiRunModel::setRuns(std::vector<RunSummary> runs)
{
    beginResetModel();
    m_runs = std::move(runs);
    endResetModel();
}

int MultiRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_runs.empty() ? 0 : FigureCount;
}

int MultiRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_runs.size());
}

QVariant MultiRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role != Qt::DisplayRole || section < 0 || section >= FigureCount)
            return {};
        static const char *const names[FigureCount] = {
            QT_TR_NOOP("Root span"), QT_TR_NOOP("Duration"),    QT_TR_NOOP("Spans"), QT_TR_NOOP("LLM calls"),
            QT_TR_NOOP("Tokens in"), QT_TR_NOOP("Tokens out"),  QT_TR_NOOP("Cost"),  QT_TR_NOOP("Errors"),
            QT_TR_NOOP("Models"),    QT_TR_NOOP("Final answer")};
        return tr(names[section]);
    }
    if (section < 0 || section >= static_cast<int>(m_runs.size()))
        return {};
    if (role == Qt::DisplayRole)
        return tr("Run %1 \u00b7 %2").arg(section + 1).arg(m_runs[section].traceId.left(12));
    if (role == Qt::ToolTipRole)
        return m_runs[section].traceId;
    return {};
}

double MultiRunModel::value(const RunSummary &run, int figure) const
{
    const RunTotals &t = run.totals;
    switch (figure) {
    case DurationFigure:
        return double(t.durationNs);
    case InputTokensFigure:
        return t.tokensKnown ? double(t.inputTokens) : -1;
    case OutputTokensFigure:
        return t.tokensKnown ? double(t.outputTokens) : -1;
    case CostFigure:
        return t.costKnown ? t.costUsd : -1;
    case ErrorsFigure:
        return t.errors;
    default:
        return -1;
    }
}

bool MultiRunModel::isBest(int run, int figure) const
{
    if (m_runs.size() < 2)
        return false;
    double lowest = 0;
    bool allEqual = true;
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const double v = value(m_runs[i], figure);
        if (v < 0)
            return false; // not known for every run, or no better for this figure
        if (i == 0 || v < lowest)
            lowest = v;
        allEqual = allEqual && v == value(m_runs[0], figure);
    }
    return !allEqual && value(m_runs[run], figure) == lowest;
}

QString MultiRunModel::display(const RunSummary &run, int figure) const
{
    const RunTotals &t = run.totals;
    const QString unknown = QStringLiteral("\u2014");
    switch (figure) {
    case RootFigure:
        return run.rootName;
    case DurationFigure:
        return DisplayFormat::duration(t.durationNs);
    case SpansFigure:
        return DisplayFormat::count(t.spans);
    case LlmCallsFigure:
        return DisplayFormat::count(t.llmCalls);
    case InputTokensFigure:
        return t.tokensKnown ? DisplayFormat::count(t.inputTokens) : unknown;
    case OutputTokensFigure:
        return t.tokensKnown ? DisplayFormat::count(t.outputTokens) : unknown;
    case CostFigure:
        return t.costKnown ? DisplayFormat::cost(t.costUsd) : unknown;
    case ErrorsFigure:
        return DisplayFormat::count(t.errors);
    case ModelsFigure:
        return t.models.isEmpty() ? unknown : t.models.join(QStringLiteral(", "));
    case AnswerFigure: {
        QString answer = run.finalAnswer.simplified();
        if (answer.size() > AnswerDisplayChars)
            answer = answer.left(AnswerDisplayChars - 1) + QStringLiteral("\u2026");
        return answer.isEmpty() ? unknown : answer;
    }
    default:
        return {};
    }
}

QVariant MultiRunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunSummary &run = m_runs[index.column()];
    const int figure = index.row();
    switch (role) {
    case Qt::DisplayRole:
        return display(run, figure);
    case Qt::ToolTipRole:
        if (figure == AnswerFigure)
            return run.finalAnswer.isEmpty() ? QVariant() : QVariant(run.finalAnswer);
        if (figure == ModelsFigure || figure == RootFigure)
            return display(run, figure);
        return {};
    case BestRole:
        return isBest(index.column(), figure);
    case ErrorRole:
        return figure == ErrorsFigure && run.totals.errors > 0;
    case Qt::TextAlignmentRole:
        if (figure == AnswerFigure)
            return QVariant::fromValue(Qt::AlignLeft | Qt::AlignTop);
        return {};
    default:
        return {};
    }
}

} // namespace tracedeck

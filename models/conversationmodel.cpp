#include "conversationmodel.h"

#include "displayformat.h"

namespace tracedeck {

namespace {

template <typename T> QVariant optionalVariant(const std::optional<T> &value)
{
    return value ? QVariant::fromValue(*value) : QVariant();
}

int toolCallCount(const ConversationTurn &turn)
{
    int n = 0;
    for (const ConversationMessage &message : turn.output)
        n += int(message.toolCalls.size());
    return n;
}

} // namespace

ConversationModel::ConversationModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void ConversationModel::setConversation(std::shared_ptr<const Conversation> conversation)
{
    beginResetModel();
    m_conversation = std::move(conversation);
    endResetModel();
}

QString ConversationModel::header(const ConversationTurn &turn)
{
    QStringList parts;
    parts << (turn.model.isEmpty() ? turn.spanName : turn.model);
    if (turn.inputTokens || turn.outputTokens) {
        QString tokens =
            turn.inputTokens ? tr("%1 in").arg(DisplayFormat::count(*turn.inputTokens)) : tr("? in");
        if (turn.cachedInputTokens && *turn.cachedInputTokens > 0)
            tokens += tr(" (%1 cached)").arg(DisplayFormat::count(*turn.cachedInputTokens));
        tokens +=
            QStringLiteral(" / ") +
            (turn.outputTokens ? tr("%1 out").arg(DisplayFormat::count(*turn.outputTokens)) : tr("? out"));
        parts << tokens;
    }
    if (turn.costUsd)
        parts << DisplayFormat::cost(*turn.costUsd);
    parts << DisplayFormat::duration(turn.latencyNs());
    if (turn.ttftMs)
        parts << tr("TTFT %1").arg(DisplayFormat::duration(int64_t(*turn.ttftMs * 1e6)));
    return parts.join(QStringLiteral(" · "));
}

int ConversationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_conversation ? 0 : m_conversation->count();
}

QVariant ConversationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ConversationTurn &t = turn(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return header(t);
    case Qt::ToolTipRole:
        return t.error ? tr("%1 — failed: %2").arg(t.spanName, t.errorMessage) : t.spanName;
    case SpanIdRole:
        return t.spanId;
    case ModelRole:
        return t.model;
    case InputTokensRole:
        return optionalVariant(t.inputTokens);
    case OutputTokensRole:
        return optionalVariant(t.outputTokens);
    case CachedInputTokensRole:
        return optionalVariant(t.cachedInputTokens);
    case CostRole:
        return optionalVariant(t.costUsd);
    case LatencyNsRole:
        return qint64(t.latencyNs());
    case TtftMsRole:
        return optionalVariant(t.ttftMs);
    case FinishReasonRole:
        return t.finishReason;
    case ErrorRole:
        return t.error;
    case ErrorMessageRole:
        return t.errorMessage;
    case StartNsRole:
        return qint64(t.startNs);
    case NewMessageCountRole:
        return int(t.input.size()) - t.newFrom;
    case InputMessageCountRole:
        return int(t.input.size());
    case ToolCallCountRole:
        return toolCallCount(t);
    case RetryCountRole:
        return int(t.retries.size());
    default:
        return {};
    }
}

QHash<int, QByteArray> ConversationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{SpanIdRole, "spanId"},
                  {ModelRole, "model"},
                  {InputTokensRole, "inputTokens"},
                  {OutputTokensRole, "outputTokens"},
                  {CachedInputTokensRole, "cachedInputTokens"},
                  {CostRole, "cost"},
                  {LatencyNsRole, "latencyNs"},
                  {TtftMsRole, "ttftMs"},
                  {FinishReasonRole, "finishReason"},
                  {ErrorRole, "error"},
                  {ErrorMessageRole, "errorMessage"},
                  {StartNsRole, "startNs"},
                  {NewMessageCountRole, "newMessageCount"},
                  {InputMessageCountRole, "inputMessageCount"},
                  {ToolCallCountRole, "toolCallCount"},
                  {RetryCountRole, "retryCount"}});
    return names;
}

} // namespace tracedeck

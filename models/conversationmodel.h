#pragma once

#include "conversation.h"

#include <QAbstractListModel>

#include <memory>

namespace tracedeck {

// The turns of a conversation, one row per LLM call; the view reads each row's messages through turn().
class ConversationModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        SpanIdRole = Qt::UserRole + 1,
        ModelRole,
        InputTokensRole,  // qint64, or invalid when not known; includes the cached ones
        OutputTokensRole, // qint64 or invalid
        CachedInputTokensRole,
        CostRole, // double (USD) or invalid
        LatencyNsRole,
        TtftMsRole, // double or invalid
        FinishReasonRole,
        ErrorRole, // bool
        ErrorMessageRole,
        StartNsRole,
        NewMessageCountRole, // messages of the prompt that are new since the previous call
        InputMessageCountRole,
        ToolCallCountRole,
        RetryCountRole,
    };

    explicit ConversationModel(QObject *parent = nullptr);

    void setConversation(std::shared_ptr<const Conversation> conversation);
    const Conversation *conversation() const { return m_conversation.get(); }
    const ConversationTurn &turn(int row) const { return m_conversation->turns()[row]; }
    // "gpt-4o · 531 in (384 cached) / 41 out · $0.0012 · 1.35 s · TTFT 412 ms"
    static QString header(const ConversationTurn &turn);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

private:
    std::shared_ptr<const Conversation> m_conversation;
};

} // namespace tracedeck

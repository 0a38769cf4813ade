#pragma once

#include <QTimer>
#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QScrollArea;
class QToolButton;
class QVBoxLayout;

namespace tracedeck {

class ConversationModel;
struct ConversationMessage;
struct ConversationTurn;

// The LLM calls of a trace as a chat: per turn a header (model · tokens · cost · latency · TTFT), the
// prompt's new messages (or the whole prompt), the reply with its tool calls and what the tool spans
// returned. Replay controls step through the turns or play them at real or accelerated speed. Stepping and
// clicking a message ask for its span (spanActivated); setCurrentSpan follows a selection made elsewhere.
class ConversationView : public QWidget {
    Q_OBJECT
public:
    // A message longer than this (characters or lines) is folded behind "Show more".
    static constexpr int kFoldChars = 1200;
    static constexpr int kFoldLines = 18;
    // Turns laid out with all their messages up front; the later ones are built when stepped to or clicked.
    static constexpr std::size_t kEagerTurns = 6;

    explicit ConversationView(QWidget *parent = nullptr);

    void setModel(ConversationModel *model);
    ConversationModel *model() const { return m_model; }

    int currentTurn() const { return m_current; }
    bool isPlaying() const { return m_playTimer.isActive(); }
    bool showsFullPrompt() const;
    void setShowFullPrompt(bool on);
    // Speeds: 1, 4, 16 (× real time between the calls' starts) or a step every N seconds (negative N).
    void setSpeed(double speed);
    double speed() const;
    // The frame of a turn (header and messages, once built); null when out of range.
    QFrame *turnWidget(int turn) const;
    // The message bubbles shown for a turn (prompt, reply, tool results), in order.
    QList<QFrame *> messageWidgets(int turn) const;

public Q_SLOTS:
    void setCurrentTurn(int turn); // asks for the turn's span
    void stepForward();
    void stepBack();
    void play();
    void pause();
    // Follows a selection made elsewhere: marks the turn holding the span, without asking for it again.
    void setCurrentSpan(const QString &spanId);

Q_SIGNALS:
    void spanActivated(const QString &spanId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QFrame *buildTurn(int index, const ConversationTurn &turn, bool expanded);
    void expandAround(int turn);
    QFrame *bubble(const QString &role, const QString &title, const QString &markdown, const QString &spanId,
                   bool error = false);
    QString messageMarkdown(const ConversationMessage &message) const;
    void markCurrent(int turn);
    void updateControls();
    void scheduleNextStep();
    void clickable(QWidget *widget, const QString &spanId);

    ConversationModel *m_model = nullptr;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QComboBox *m_speed;
    QCheckBox *m_fullPrompt;
    QLabel *m_position;
    QLabel *m_summary;
    QScrollArea *m_scroll;
    QWidget *m_content;
    QVBoxLayout *m_turnsLayout;
    QLabel *m_empty;
    std::vector<QFrame *> m_turnFrames;
    std::vector<bool> m_expanded;
    int m_current = -1;
    QTimer m_playTimer;
};

} // namespace tracedeck

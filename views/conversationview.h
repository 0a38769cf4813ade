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
struct ConversationTrace;
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

    // What the view shows: the selected trace's LLM calls, or those of every trace of its session.
    enum class Scope { Trace, Session };

    explicit ConversationView(QWidget *parent = nullptr);

    Scope scope() const;
    void setScope(Scope scope); // emits scopeChanged when it changes
    // The shown trace has a session id: the scope switch is enabled (and Session honoured).
    void setSessionAvailable(bool available);
    bool isSessionAvailable() const { return m_sessionAvailable; }
    // The trace the timeline shows: a message of another trace of the session asks for that trace.
    void setShownTrace(const QString &traceId);
    QString shownTrace() const { return m_shownTrace; }
    // The separator before each trace of a session's conversation, and the note when the session was cut.
    QList<QLabel *> traceSeparators() const;
    QLabel *capNote() const { return m_capNote; }

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
    // A message, turn or step of another trace than the shown one (session scope).
    void traceSpanActivated(const QString &traceId, const QString &spanId);
    void scopeChanged(tracedeck::ConversationView::Scope scope);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();
    QFrame *buildTurn(int index, const ConversationTurn &turn, bool expanded);
    void expandAround(int turn);
    QFrame *bubble(const QString &role, const QString &title, const QString &markdown, const QString &spanId,
                   const QString &traceId, bool error = false);
    QString messageMarkdown(const ConversationMessage &message) const;
    void markCurrent(int turn);
    void updateControls();
    void scheduleNextStep();
    void clickable(QWidget *widget, const QString &spanId, const QString &traceId);
    void activate(const QString &traceId, const QString &spanId);
    QLabel *separator(const ConversationTrace &trace);

    ConversationModel *m_model = nullptr;
    QToolButton *m_back;
    QToolButton *m_play;
    QToolButton *m_forward;
    QComboBox *m_speed;
    QComboBox *m_scope;
    QLabel *m_capNote;
    std::vector<QLabel *> m_separators;
    QString m_shownTrace;
    bool m_sessionAvailable = false;
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

#include "conversationview.h"

#include "conversationmodel.h"
#include "displayformat.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tracedeck {

namespace {

const char *const kSpanIdProperty = "conversationSpanId";
const char *const kTraceIdProperty = "conversationTraceId";

QString roleTitle(const QString &role)
{
    if (role == QLatin1String("system"))
        return ConversationView::tr("System");
    if (role == QLatin1String("user"))
        return ConversationView::tr("User");
    if (role == QLatin1String("assistant"))
        return ConversationView::tr("Assistant");
    if (role == QLatin1String("tool"))
        return ConversationView::tr("Tool result");
    return role.isEmpty() ? ConversationView::tr("Message") : role;
}

QColor roleColour(const QString &role, bool error)
{
    if (error)
        return QColor(0xe5, 0x39, 0x35);
    if (role == QLatin1String("user"))
        return QColor(0x1e, 0x88, 0xe5);
    if (role == QLatin1String("assistant"))
        return QColor(0x43, 0xa0, 0x47);
    if (role == QLatin1String("tool"))
        return QColor(0xfb, 0x8c, 0x00);
    return QColor(0x78, 0x90, 0x9c); // system and anything else
}

QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
                            float(a.greenF() * (1 - t) + b.greenF() * t),
                            float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString toneOf(const QString &role)
{
    if (role == QLatin1String("user") || role == QLatin1String("assistant") || role == QLatin1String("tool"))
        return role;
    return QStringLiteral("system");
}

// One sheet for every bubble and turn, set once on the content: per-widget sheets cost a restyle each.
QString bubbleStyleSheet(const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    QString sheet = QStringLiteral("QFrame#turn { border: 2px solid transparent; border-radius: 10px; }\n"
                                   "QFrame#turn[current=\"true\"] { border: 2px solid %1; }\n")
                        .arg(palette.color(QPalette::Highlight).name());
    const std::pair<const char *, QColor> tones[] = {
        {"system", roleColour(QStringLiteral("system"), false)},
        {"user", roleColour(QStringLiteral("user"), false)},
        {"assistant", roleColour(QStringLiteral("assistant"), false)},
        {"tool", roleColour(QStringLiteral("tool"), false)},
        {"error", roleColour(QString(), true)},
    };
    for (const auto &[tone, accent] : tones) {
        sheet += QStringLiteral("QFrame#message[tone=\"%1\"] { background: %2; border: 1px solid %3; "
                                "border-left: 4px solid %4; border-radius: 6px; }\n")
                     .arg(QLatin1String(tone), mix(base, accent, 0.10).name(), mix(base, accent, 0.35).name(),
                          accent.name());
    }
    return sheet;
}

// Text that is JSON reads best indented in a monospaced block; anything else is the model's markdown.
QString jsonBlockOr(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (!(trimmed.startsWith(u'{') || trimmed.startsWith(u'[')))
        return text;
    const nlohmann::json parsed = nlohmann::json::parse(trimmed.toStdString(), nullptr, false);
    if (parsed.is_discarded())
        return text;
    return QStringLiteral("~~~json\n%1\n~~~")
        .arg(QString::fromStdString(parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)));
}

QString codeBlock(const QString &text)
{
    return QStringLiteral("~~~json\n%1\n~~~").arg(text);
}

// The first kFoldChars characters / kFoldLines lines, cut at a line end; empty when nothing needs folding.
QString folded(const QString &markdown)
{
    if (markdown.size() <= ConversationView::kFoldChars &&
        markdown.count(u'\n') < ConversationView::kFoldLines)
        return {};
    qsizetype cut = 0;
    int lines = 0;
    while (cut < markdown.size() && cut < ConversationView::kFoldChars &&
           lines < ConversationView::kFoldLines) {
        const qsizetype next = markdown.indexOf(u'\n', cut);
        if (next < 0 || next > ConversationView::kFoldChars) {
            if (cut == 0)
                cut = ConversationView::kFoldChars; // one very long line
            break;
        }
        cut = next + 1;
        ++lines;
    }
    QString head = markdown.left(cut);
    if (head.count(QStringLiteral("~~~")) % 2 == 1 || head.count(QStringLiteral("```")) % 2 == 1)
        head += QStringLiteral("\n~~~\n"); // close a code block the cut left open
    return head + QStringLiteral("\n\n…");
}

QLabel *markdownLabel(const QString &markdown)
{
    auto *label = new QLabel;
    label->setTextFormat(Qt::MarkdownText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse);
    label->setOpenExternalLinks(false);
    label->setText(markdown);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    return label;
}

} // namespace

ConversationView::ConversationView(QWidget *parent)
    : QWidget(parent)
    , m_back(new QToolButton)
    , m_play(new QToolButton)
    , m_forward(new QToolButton)
    , m_speed(new QComboBox)
    , m_scope(new QComboBox)
    , m_capNote(new QLabel)
    , m_fullPrompt(new QCheckBox(tr("Show full prompt")))
    , m_position(new QLabel)
    , m_summary(new QLabel)
    , m_scroll(new QScrollArea)
    , m_content(new QWidget)
    , m_turnsLayout(new QVBoxLayout)
    , m_empty(new QLabel)
{
    QStyle *s = style();
    m_back->setIcon(s->standardIcon(QStyle::SP_MediaSkipBackward));
    m_back->setToolTip(tr("Previous turn"));
    m_play->setToolTip(tr("Play the conversation"));
    m_forward->setIcon(s->standardIcon(QStyle::SP_MediaSkipForward));
    m_forward->setToolTip(tr("Next turn"));
    m_speed->addItem(tr("1× (real time)"), 1.0);
    m_speed->addItem(tr("4×"), 4.0);
    m_speed->addItem(tr("16×"), 16.0);
    m_speed->addItem(tr("Every 1 s"), -1.0);
    m_speed->addItem(tr("Every 3 s"), -3.0);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("Replay speed"));
    m_fullPrompt->setToolTip(tr("Show every message each call was sent, not only what is new since the "
                                "previous call"));
    m_scope->addItem(tr("This trace"), int(Scope::Trace));
    m_scope->addItem(tr("Whole session"), int(Scope::Session));
    m_scope->setObjectName(QStringLiteral("conversationScope"));
    m_capNote->setObjectName(QStringLiteral("capNote"));
    m_capNote->setWordWrap(true);
    m_capNote->setEnabled(false);
    m_capNote->hide();
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(6, 4, 6, 4);
    controls->addWidget(m_scope);
    controls->addSpacing(12);
    controls->addWidget(m_back);
    controls->addWidget(m_play);
    controls->addWidget(m_forward);
    controls->addWidget(m_speed);
    controls->addWidget(m_position);
    controls->addSpacing(12);
    controls->addWidget(m_fullPrompt);
    controls->addSpacing(12);
    controls->addWidget(m_summary, 1);

    m_turnsLayout->setContentsMargins(8, 8, 8, 8);
    m_turnsLayout->setSpacing(10);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setEnabled(false);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_empty);
    contentLayout->addWidget(m_capNote);
    contentLayout->addLayout(m_turnsLayout);
    contentLayout->addStretch(1);
    m_content->setStyleSheet(bubbleStyleSheet(palette()));
    m_scroll->setWidget(m_content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_scroll, 1);

    connect(m_back, &QToolButton::clicked, this, &ConversationView::stepBack);
    connect(m_forward, &QToolButton::clicked, this, &ConversationView::stepForward);
    connect(m_play, &QToolButton::clicked, this, [this] { isPlaying() ? pause() : play(); });
    connect(m_fullPrompt, &QCheckBox::toggled, this, &ConversationView::rebuild);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT scopeChanged(scope()); });
    setSessionAvailable(false);
    m_playTimer.setSingleShot(true);
    connect(&m_playTimer, &QTimer::timeout, this, [this] {
        stepForward();
        scheduleNextStep();
    });
    rebuild();
}

void ConversationView::setModel(ConversationModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_expanded.assign(std::size_t(m_model ? m_model->rowCount() : 0), false);
    std::fill_n(m_expanded.begin(), std::min<std::size_t>(m_expanded.size(), kEagerTurns), true);
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
            pause();
            m_current = -1;
            m_expanded.assign(std::size_t(m_model->rowCount()), false);
            std::fill_n(m_expanded.begin(), std::min<std::size_t>(m_expanded.size(), kEagerTurns), true);
            rebuild();
            m_scroll->verticalScrollBar()->setValue(0); // a new conversation starts at its top
        });
    }
    m_current = -1;
    rebuild();
}

ConversationView::Scope ConversationView::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

void ConversationView::setScope(Scope scope)
{
    m_scope->setCurrentIndex(m_scope->findData(int(scope)));
}

void ConversationView::setSessionAvailable(bool available)
{
    m_sessionAvailable = available;
    m_scope->setEnabled(available);
    m_scope->setToolTip(available ? tr("Show the LLM calls of this trace only, or of every trace of its "
                                       "session as one conversation")
                                  : tr("This trace has no session id: only its own LLM calls can be shown"));
}

void ConversationView::setShownTrace(const QString &traceId)
{
    m_shownTrace = traceId;
}

QList<QLabel *> ConversationView::traceSeparators() const
{
    return QList<QLabel *>(m_separators.begin(), m_separators.end());
}

void ConversationView::activate(const QString &traceId, const QString &spanId)
{
    if (traceId.isEmpty() || m_shownTrace.isEmpty() || traceId == m_shownTrace)
        Q_EMIT spanActivated(spanId);
    else
        Q_EMIT traceSpanActivated(traceId, spanId);
}

bool ConversationView::showsFullPrompt() const
{
    return m_fullPrompt->isChecked();
}

void ConversationView::setShowFullPrompt(bool on)
{
    m_fullPrompt->setChecked(on);
}

void ConversationView::setSpeed(double speed)
{
    const int i = m_speed->findData(speed);
    if (i >= 0)
        m_speed->setCurrentIndex(i);
}

double ConversationView::speed() const
{
    return m_speed->currentData().toDouble();
}

QFrame *ConversationView::turnWidget(int turn) const
{
    return turn >= 0 && turn < int(m_turnFrames.size()) ? m_turnFrames[turn] : nullptr;
}

QList<QFrame *> ConversationView::messageWidgets(int turn) const
{
    QFrame *frame = turnWidget(turn);
    if (!frame)
        return {};
    return frame->findChildren<QFrame *>(QStringLiteral("message"));
}

void ConversationView::setCurrentTurn(int turn)
{
    const int count = m_model ? m_model->rowCount() : 0;
    if (turn < 0 || turn >= count)
        return;
    markCurrent(turn);
    activate(m_model->turn(turn).traceId, m_model->turn(turn).spanId);
}

void ConversationView::stepForward()
{
    setCurrentTurn(m_current + 1);
}

void ConversationView::stepBack()
{
    setCurrentTurn(std::max(0, m_current - 1));
}

void ConversationView::play()
{
    const int count = m_model ? m_model->rowCount() : 0;
    if (count == 0)
        return;
    if (m_current >= count - 1)
        m_current = -1; // from the start again
    if (m_current < 0)
        setCurrentTurn(0);
    scheduleNextStep();
}

void ConversationView::pause()
{
    m_playTimer.stop();
    updateControls();
}

void ConversationView::scheduleNextStep()
{
    const int count = m_model ? m_model->rowCount() : 0;
    if (m_current < 0 || m_current >= count - 1) {
        pause();
        return;
    }
    const double s = speed();
    int ms = 0;
    if (s < 0) {
        ms = int(-s * 1000);
    } else {
        // Real time: the gap between the two calls' starts, divided by the speed.
        const int64_t gapNs = m_model->turn(m_current + 1).startNs - m_model->turn(m_current).startNs;
        ms = int(std::clamp(double(gapNs) / 1e6 / std::max(1.0, s), 100.0, 30000.0));
    }
    m_playTimer.start(ms);
    updateControls();
}

void ConversationView::setCurrentSpan(const QString &spanId)
{
    if (!m_model || !m_model->conversation())
        return;
    const Conversation *conversation = m_model->conversation();
    const int turn = conversation->turnOfSpan(spanId, conversation->isSession() ? m_shownTrace : QString());
    if (turn >= 0)
        markCurrent(turn);
}

void ConversationView::markCurrent(int turn)
{
    m_current = turn;
    if (turn >= 0 && turn < int(m_turnFrames.size()))
        expandAround(turn);
    // Only the turns that change are restyled: the style sheet is the content's, matched on "current".
    const auto restyle = [](QFrame *frame, bool current) {
        if (!frame || frame->property("current").toBool() == current)
            return;
        frame->setProperty("current", current);
        frame->style()->unpolish(frame);
        frame->style()->polish(frame);
        frame->update();
    };
    for (QFrame *frame : m_turnFrames) {
        if (frame->property("current").toBool())
            restyle(frame, false);
    }
    restyle(turnWidget(turn), true);
    if (QFrame *frame = turnWidget(turn)) {
        // Laid out first, so a freshly built turn has its real position.
        m_content->layout()->activate();
        m_scroll->ensureWidgetVisible(frame, 0, 8);
        // A turn taller than the view: start at its header.
        if (frame->height() > m_scroll->viewport()->height())
            m_scroll->verticalScrollBar()->setValue(frame->y());
    }
    updateControls();
}

void ConversationView::updateControls()
{
    const int count = m_model ? m_model->rowCount() : 0;
    m_back->setEnabled(m_current > 0);
    m_forward->setEnabled(m_current < count - 1);
    m_play->setEnabled(count > 0);
    m_play->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setText(isPlaying() ? tr("Pause") : tr("Play"));
    m_play->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_position->setText(count == 0      ? QString()
                        : m_current < 0 ? tr("%n turn(s)", nullptr, count)
                                        : tr("Turn %1 of %2").arg(m_current + 1).arg(count));
}

void ConversationView::rebuild()
{
    for (QFrame *frame : m_turnFrames)
        delete frame;
    m_turnFrames.clear();
    for (QLabel *label : m_separators)
        delete label;
    m_separators.clear();
    const Conversation *conversation = m_model ? m_model->conversation() : nullptr;
    const int count = m_model ? m_model->rowCount() : 0;
    const bool session = conversation && conversation->isSession();
    m_empty->setVisible(count == 0);
    m_empty->setText(!conversation ? tr("Select a trace to read its LLM calls as a conversation.")
                     : session     ? tr("No LLM calls in this session.")
                                   : tr("No LLM calls in this trace."));
    const int shownTraces = session ? int(conversation->traces().size()) : 0;
    const bool capped = session && conversation->totalTraces() > shownTraces;
    m_capNote->setVisible(capped);
    if (capped)
        m_capNote->setText(tr("Showing the first %1 of %2 traces of this session.")
                               .arg(shownTraces)
                               .arg(conversation->totalTraces()));
    m_expanded.resize(std::size_t(count), false);
    for (int i = 0; i < count; ++i) {
        if (session && (i == 0 || m_model->turn(i).traceId != m_model->turn(i - 1).traceId)) {
            if (const ConversationTrace *trace = conversation->trace(m_model->turn(i).traceId)) {
                QLabel *label = separator(*trace);
                m_turnsLayout->addWidget(label);
                m_separators.push_back(label);
            }
        }
        QFrame *frame = buildTurn(i, m_model->turn(i), m_expanded[i]);
        m_turnsLayout->addWidget(frame);
        m_turnFrames.push_back(frame);
    }
    if (conversation && count > 0) {
        QString summary = tr("%n LLM call(s) · %1 in / %2 out", nullptr, count)
                              .arg(DisplayFormat::count(conversation->totalInputTokens()),
                                   DisplayFormat::count(conversation->totalOutputTokens()));
        if (const auto cost = conversation->totalCostUsd())
            summary += QStringLiteral(" · ") + DisplayFormat::cost(*cost);
        if (session)
            summary = tr("%n trace(s) · ", nullptr, int(conversation->traces().size())) + summary;
        m_summary->setText(summary);
    } else {
        m_summary->clear();
    }
    if (m_current >= count)
        m_current = -1;
    if (m_current >= 0)
        markCurrent(m_current);
    else
        markCurrent(-1);
}

void ConversationView::expandAround(int turn)
{
    const int count = int(m_turnFrames.size());
    for (int i = std::max(0, turn - 1); i <= std::min(count - 1, turn + 2); ++i) {
        if (m_expanded[i])
            continue;
        m_expanded[i] = true;
        QFrame *frame = buildTurn(i, m_model->turn(i), true);
        const bool current = m_turnFrames[i]->property("current").toBool();
        delete m_turnsLayout->replaceWidget(m_turnFrames[i], frame);
        // Later: a click on the placeholder is still being delivered when it asks for the turn.
        m_turnFrames[i]->hide();
        m_turnFrames[i]->deleteLater();
        m_turnFrames[i] = frame;
        if (current) {
            frame->setProperty("current", true);
            frame->style()->unpolish(frame);
            frame->style()->polish(frame);
        }
    }
}

QFrame *ConversationView::buildTurn(int index, const ConversationTurn &turn, bool expanded)
{
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("turn"));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(6);

    QString headerHtml =
        tr("<b>Turn %1</b> · %2").arg(index + 1).arg(ConversationModel::header(turn).toHtmlEscaped());
    if (!turn.finishReason.isEmpty())
        headerHtml += tr(" · <i>%1</i>").arg(turn.finishReason.toHtmlEscaped());
    if (!turn.retries.empty())
        headerHtml += tr(" · retried ×%1").arg(turn.retries.size());
    if (turn.error)
        headerHtml += tr(" · <span style='color:#c62828'><b>failed</b>: %1</span>")
                          .arg(turn.errorMessage.toHtmlEscaped());
    auto *header = new QLabel(headerHtml);
    header->setTextFormat(Qt::RichText);
    header->setWordWrap(true);
    header->setToolTip(tr("%1 — click to select the span").arg(turn.spanName));
    clickable(header, turn.spanId, turn.traceId);
    layout->addWidget(header);
    if (!expanded) {
        // Built when stepped to or clicked: a long run lays out the first turns, not every bubble at once.
        auto *more = new QLabel(tr("%n message(s) — step here or click to show", nullptr,
                                   int(turn.input.size()) - turn.newFrom + int(turn.output.size())));
        more->setEnabled(false);
        clickable(more, turn.spanId, turn.traceId);
        layout->addWidget(more);
        clickable(frame, turn.spanId, turn.traceId);
        return frame;
    }

    for (std::size_t a = 0; a < turn.retries.size(); ++a) {
        const ConversationAttempt &attempt = turn.retries[a];
        auto *line =
            new QLabel(tr("Attempt %1 failed after %2: %3 — sent again")
                           .arg(a + 1)
                           .arg(DisplayFormat::duration(attempt.endNs - attempt.startNs), attempt.error));
        line->setStyleSheet(QStringLiteral("color: #c62828;"));
        line->setWordWrap(true);
        clickable(line, attempt.spanId, turn.traceId);
        layout->addWidget(line);
    }

    const bool full = showsFullPrompt();
    const int from = full ? 0 : turn.newFrom;
    if (from > 0) {
        auto *hidden = new QLabel(
            tr("%n earlier message(s) not repeated (Show full prompt to see them)", nullptr, from));
        hidden->setEnabled(false);
        layout->addWidget(hidden);
    }
    const auto add = [layout](QFrame *b, const QString &role) {
        auto *row = new QHBoxLayout;
        row->setContentsMargins(0, 0, 0, 0);
        if (role == QLatin1String("user"))
            row->addSpacing(48);
        row->addWidget(b, 1);
        if (role == QLatin1String("assistant") || role == QLatin1String("tool"))
            row->addSpacing(48);
        layout->addLayout(row);
    };
    for (int m = from; m < int(turn.input.size()); ++m) {
        const ConversationMessage &message = turn.input[m];
        add(bubble(message.role, roleTitle(message.role), messageMarkdown(message), message.spanId,
                   message.traceId),
            message.role);
    }
    for (const ConversationMessage &message : turn.output) {
        if (!message.content.isEmpty() || message.toolCalls.empty())
            add(bubble(message.role, tr("%1 — reply").arg(roleTitle(message.role)), messageMarkdown(message),
                       message.spanId, message.traceId),
                message.role);
        for (const ConversationToolCall &call : message.toolCalls) {
            QString md = tr("**%1**").arg(call.name);
            if (!call.id.isEmpty())
                md += QStringLiteral(" `%1`").arg(call.id);
            md += QStringLiteral("\n\n") +
                  codeBlock(call.arguments.isEmpty() ? QStringLiteral("{}") : call.arguments);
            add(bubble(QStringLiteral("assistant"), tr("Tool call"), md, turn.spanId, turn.traceId),
                QStringLiteral("assistant"));
            if (call.toolSpanId.isEmpty()) {
                auto *none = new QLabel(tr("No tool span found for this call."));
                none->setEnabled(false);
                layout->addWidget(none);
                continue;
            }
            const QString title = tr("%1 %2 · %3")
                                      .arg(call.name, call.error.isEmpty() ? tr("returned") : tr("failed"),
                                           DisplayFormat::duration(call.toolEndNs - call.toolStartNs));
            QString body;
            if (!call.error.isEmpty())
                body = tr("**Error:** %1").arg(call.error);
            if (!call.result.isEmpty())
                body += (body.isEmpty() ? QString() : QStringLiteral("\n\n")) + jsonBlockOr(call.result);
            if (body.isEmpty())
                body = tr("*(no result recorded)*");
            add(bubble(QStringLiteral("tool"), title, body, call.toolSpanId, turn.traceId,
                       !call.error.isEmpty()),
                QStringLiteral("tool"));
        }
    }
    clickable(frame, turn.spanId, turn.traceId);
    return frame;
}

QLabel *ConversationView::separator(const ConversationTrace &trace)
{
    QStringList parts;
    parts << DisplayFormat::timestamp(trace.startNs);
    parts << (trace.name.isEmpty() ? trace.traceId.left(16) : trace.name).toHtmlEscaped();
    if (trace.costUsd)
        parts << DisplayFormat::cost(*trace.costUsd);
    auto *label = new QLabel(tr("<b>Trace</b> %1").arg(parts.join(QStringLiteral(" · "))));
    label->setObjectName(QStringLiteral("traceSeparator"));
    label->setProperty("traceId", trace.traceId);
    label->setTextFormat(Qt::RichText);
    label->setAlignment(Qt::AlignCenter);
    label->setToolTip(tr("Trace %1 — click to open it").arg(trace.traceId));
    label->setStyleSheet(QStringLiteral("QLabel#traceSeparator { border-top: 1px solid %1; padding-top: 6px; "
                                        "margin-top: 4px; }")
                             .arg(palette().color(QPalette::Mid).name()));
    clickable(label, QString(), trace.traceId);
    return label;
}

QString ConversationView::messageMarkdown(const ConversationMessage &message) const
{
    QString md = message.role == QLatin1String("tool") ? jsonBlockOr(message.content) : message.content;
    if (!message.toolCallId.isEmpty())
        md = tr("*result of* `%1`").arg(message.toolCallId) + QStringLiteral("\n\n") + md;
    for (const ConversationToolCall &call : message.toolCalls) {
        md += QStringLiteral("\n\n") + tr("**Tool call %1**").arg(call.name) +
              (call.id.isEmpty() ? QString() : QStringLiteral(" `%1`").arg(call.id)) +
              QStringLiteral("\n\n") +
              codeBlock(call.arguments.isEmpty() ? QStringLiteral("{}") : call.arguments);
    }
    if (md.trimmed().isEmpty())
        md = tr("*(empty)*");
    return md;
}

QFrame *ConversationView::bubble(const QString &role, const QString &title, const QString &markdown,
                                 const QString &spanId, const QString &traceId, bool error)
{
    auto *frame = new QFrame;
    frame->setObjectName(QStringLiteral("message"));
    frame->setProperty("role", role);
    const QColor accent = roleColour(role, error);
    frame->setProperty("tone", error ? QStringLiteral("error") : toneOf(role));
    auto *layout = new QVBoxLayout(frame);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->setSpacing(4);
    auto *heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 0.9);
    heading->setFont(bold);
    QPalette p = heading->palette();
    p.setColor(QPalette::WindowText, accent.darker(error ? 110 : 130));
    heading->setPalette(p);
    layout->addWidget(heading);

    const QString head = folded(markdown);
    QLabel *body = markdownLabel(head.isEmpty() ? markdown : head);
    layout->addWidget(body);
    clickable(heading, spanId, traceId);
    clickable(body, spanId, traceId);
    clickable(frame, spanId, traceId);
    if (!head.isEmpty()) {
        auto *more = new QPushButton(tr("Show more (%n characters)", nullptr, int(markdown.size())));
        more->setObjectName(QStringLiteral("showMore"));
        more->setFlat(true);
        more->setCursor(Qt::PointingHandCursor);
        layout->addWidget(more, 0, Qt::AlignLeft);
        connect(more, &QPushButton::clicked, body, [body, more, markdown, head] {
            const bool expand = body->text() == head;
            body->setText(expand ? markdown : head);
            more->setText(expand ? tr("Show less")
                                 : tr("Show more (%n characters)", nullptr, int(markdown.size())));
        });
    }
    return frame;
}

void ConversationView::clickable(QWidget *widget, const QString &spanId, const QString &traceId)
{
    widget->setProperty(kSpanIdProperty, spanId);
    widget->setProperty(kTraceIdProperty, traceId);
    widget->installEventFilter(this);
}

void ConversationView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // The bubbles' tints are mixed from the palette: a new theme needs a new sheet.
    if (event->type() == QEvent::PaletteChange)
        m_content->setStyleSheet(bubbleStyleSheet(palette()));
}

bool ConversationView::eventFilter(QObject *watched, QEvent *event)
{
    // Press selects (a selectable label eats the release); the innermost widget carrying a span wins.
    if (event->type() == QEvent::MouseButtonPress &&
        static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
        const QString spanId = watched->property(kSpanIdProperty).toString();
        const QString traceId = watched->property(kTraceIdProperty).toString();
        if (!spanId.isEmpty() || !traceId.isEmpty()) {
            const int turn = m_model && m_model->conversation() && !spanId.isEmpty()
                                 ? m_model->conversation()->turnOfSpan(spanId, traceId)
                                 : -1;
            if (turn >= 0 && turn != m_current)
                markCurrent(turn);
            activate(traceId, spanId);
            // A selectable label keeps the press (text selection) and stops it there; anything else would
            // pass it on to the turn around it, which would select the turn's span instead.
            const auto *label = qobject_cast<QLabel *>(watched);
            return !(label && (label->textInteractionFlags() & Qt::TextSelectableByMouse));
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace tracedeck

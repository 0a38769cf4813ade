#include "spaninspector.h"

#include "displayformat.h"
#include "jsoninspector.h"
#include "span.h"

#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGridLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QSplitter>
#include <QStringList>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace tracedeck {

using nlohmann::json;

namespace {

constexpr int kMaxEventsListed = 50;
constexpr int kMaxStackTraceLines = 14;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

bool isDark(const QWidget *w)
{
    return w->palette().color(QPalette::Window).lightness() < 128;
}

QColor errorColor(const QWidget *w)
{
    return isDark(w) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

QString scalarText(const json &v)
{
    if (v.is_string())
        return qs(v.get_ref<const std::string &>());
    return qs(v.dump(-1, ' ', false, json::error_handler_t::replace));
}

QLabel *valueLabel(QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    // A long unbreakable word (an id, a URL) must not widen the whole summary past the scroll area, where
    // it would be cut off with no way to scroll; it is clipped in its own label instead.
    label->setMinimumWidth(1);
    return label;
}

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

// Attribute keys whose values are request or response payloads (DESIGN.md §4 and the seed formats).
bool isBodyKey(std::string_view key)
{
    static constexpr std::array<std::string_view, 16> exact{"input.value",
                                                            "output.value",
                                                            "tracedeck.input",
                                                            "tracedeck.output",
                                                            "tracedeck.messages",
                                                            "traceloop.entity.input",
                                                            "traceloop.entity.output",
                                                            "gen_ai.input.messages",
                                                            "gen_ai.output.messages",
                                                            "gen_ai.system_instructions",
                                                            "ai.prompt",
                                                            "ai.prompt.messages",
                                                            "ai.response.text",
                                                            "ai.response.object",
                                                            "ai.response.toolCalls",
                                                            "gen_ai.prompt"};
    if (std::find(exact.begin(), exact.end(), key) != exact.end())
        return true;
    // Sizes and lengths of bodies ("http.request.body.size") are numbers, not bodies.
    if (key.ends_with(".size") || key.ends_with("_size") || key.ends_with(".length"))
        return false;
    static constexpr std::array<std::string_view, 6> parts{"request_body",  "response_body", "request.body",
                                                           "response.body", "requestBody",   "responseBody"};
    return std::any_of(parts.begin(), parts.end(),
                       [key](std::string_view p) { return key.find(p) != std::string_view::npos; });
}

// Model parameters: gen_ai.request.* (except the model) and the members of llm.invocation_parameters.
QStringList parameterTexts(const json &attributes)
{
    QStringList out;
    if (!attributes.is_object())
        return out;
    constexpr std::string_view prefix = "gen_ai.request.";
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        const std::string &key = it.key();
        if (key.starts_with(prefix) && key != "gen_ai.request.model")
            out << qs(key.substr(prefix.size())) + QLatin1String(" = ") + scalarText(*it);
    }
    if (const auto it = attributes.find("llm.invocation_parameters"); it != attributes.end()) {
        json params = *it;
        if (params.is_string())
            params = json::parse(params.get_ref<const std::string &>(), nullptr, false);
        if (params.is_object()) {
            for (auto p = params.begin(); p != params.end(); ++p) {
                if (p.key() != "model")
                    out << qs(p.key()) + QLatin1String(" = ") + scalarText(*p);
            }
        }
    }
    return out;
}

// A bold caption over a framed panel. Not a QGroupBox: its title can only be made bold with a style sheet,
// and a style sheet there stops the panel's children from following the palette (dark mode).
QWidget *makeSection(QWidget *parent, const QString &objectName, QLabel **title, QFrame **panel)
{
    auto *section = new QWidget(parent);
    section->setObjectName(objectName);
    auto *layout = new QVBoxLayout(section);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    *title = new QLabel(section);
    QFont bold = (*title)->font();
    bold.setBold(true);
    (*title)->setFont(bold);
    *panel = new QFrame(section);
    (*panel)->setObjectName(QStringLiteral("sectionPanel"));
    (*panel)->setFrameShape(QFrame::StyledPanel);
    layout->addWidget(*title);
    layout->addWidget(*panel);
    return section;
}

QString countText(int64_t n)
{
    return QLocale().toString(qlonglong(n));
}

} // namespace

SpanInspector::SpanInspector(QWidget *parent)
    : QWidget(parent)
    , m_placeholder(new QLabel(tr("No span selected"), this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_summaryScroll(new QScrollArea(m_splitter))
    , m_summary(new QWidget)
    , m_tabs(new QTabWidget(m_splitter))
    , m_attributes(new JsonInspector)
    , m_bodies(new JsonInspector)
    , m_events(new JsonInspector)
    , m_links(new JsonInspector)
    , m_resource(new JsonInspector)
    , m_scope(new JsonInspector)
{
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setForegroundRole(QPalette::PlaceholderText);

    auto *summaryLayout = new QVBoxLayout(m_summary);
    summaryLayout->setContentsMargins(10, 8, 10, 8);
    summaryLayout->setSpacing(8);
    setupHeader(summaryLayout);
    setupLlmBlock(summaryLayout);

    QFrame *eventsPanel = nullptr;
    m_eventsBox = makeSection(m_summary, QStringLiteral("eventsBox"), &m_eventsTitle, &eventsPanel);
    m_eventsLayout = new QVBoxLayout(eventsPanel);
    m_eventsLayout->setSpacing(6);
    summaryLayout->addWidget(m_eventsBox);
    summaryLayout->addStretch(1);

    m_summaryScroll->setObjectName(QStringLiteral("summaryScroll"));
    m_summaryScroll->setWidget(m_summary);
    m_summaryScroll->setWidgetResizable(true);
    m_summaryScroll->setFrameShape(QFrame::NoFrame);
    m_summaryScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->setUsesScrollButtons(true);
    m_tabs->addTab(m_bodies, tr("Bodies"));
    m_tabs->addTab(m_attributes, tr("Attributes"));
    m_tabs->addTab(m_events, tr("Events"));
    m_tabs->addTab(m_links, tr("Links"));
    m_tabs->addTab(m_resource, tr("Resource"));
    m_tabs->addTab(m_scope, tr("Scope"));
    m_attributes->setObjectName(QStringLiteral("attributesInspector"));
    m_bodies->setObjectName(QStringLiteral("bodiesInspector"));
    m_events->setObjectName(QStringLiteral("eventsInspector"));
    m_links->setObjectName(QStringLiteral("linksInspector"));
    m_resource->setObjectName(QStringLiteral("resourceInspector"));
    m_scope->setObjectName(QStringLiteral("scopeInspector"));

    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    connect(m_splitter, &QSplitter::splitterMoved, this, [this] { m_splitterMovedByUser = true; });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_splitter);

    clear();
}

SpanInspector::~SpanInspector() = default;

void SpanInspector::setupHeader(QVBoxLayout *layout)
{
    m_name = valueLabel(m_summary, QStringLiteral("spanName"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.3);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    layout->addWidget(m_name);

    m_service = valueLabel(m_summary, QStringLiteral("spanService"));
    m_status = new QLabel(m_summary);
    m_status->setObjectName(QStringLiteral("spanStatus"));
    m_status->setAlignment(Qt::AlignCenter);
    auto *line = new QHBoxLayout;
    line->addWidget(m_service, 1);
    line->addWidget(m_status, 0, Qt::AlignTop);
    layout->addLayout(line);

    m_statusMessage = valueLabel(m_summary, QStringLiteral("spanStatusMessage"));
    layout->addWidget(m_statusMessage);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(3);
    grid->setColumnStretch(3, 1);
    m_start = valueLabel(m_summary, QStringLiteral("spanStart"));
    m_duration = valueLabel(m_summary, QStringLiteral("spanDuration"));
    m_selfTime = valueLabel(m_summary, QStringLiteral("spanSelfTime"));
    m_duration->setWordWrap(false);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_traceId = valueLabel(m_summary, QStringLiteral("traceId"));
    m_spanId = valueLabel(m_summary, QStringLiteral("spanId"));
    m_parentId = valueLabel(m_summary, QStringLiteral("parentSpanId"));
    for (QLabel *id : {m_traceId, m_spanId, m_parentId}) {
        id->setFont(mono);
        id->setWordWrap(false);
    }
    m_parentCaption = captionLabel(tr("Parent"), m_summary);
    int row = 0;
    grid->addWidget(captionLabel(tr("Start"), m_summary), row, 0);
    grid->addWidget(m_start, row++, 1, 1, 3);
    // Duration and self time share a row: they are read together, and the summary stays short.
    auto *times = new QHBoxLayout;
    times->setSpacing(6);
    times->addWidget(m_duration);
    times->addSpacing(18);
    times->addWidget(captionLabel(tr("Self time"), m_summary));
    times->addWidget(m_selfTime, 1);
    grid->addWidget(captionLabel(tr("Duration"), m_summary), row, 0);
    grid->addLayout(times, row++, 1, 1, 3);
    // The copy buttons sit right after their ids; the last column takes the slack.
    grid->addWidget(captionLabel(tr("Trace ID"), m_summary), row, 0);
    grid->addWidget(m_traceId, row, 1);
    grid->addWidget(makeCopyButton(m_traceId, QStringLiteral("copyTraceId")), row++, 2);
    grid->addWidget(captionLabel(tr("Span ID"), m_summary), row, 0);
    grid->addWidget(m_spanId, row, 1);
    grid->addWidget(makeCopyButton(m_spanId, QStringLiteral("copySpanId")), row++, 2);
    grid->addWidget(m_parentCaption, row, 0);
    grid->addWidget(m_parentId, row++, 1, 1, 3);
    layout->addLayout(grid);
}

QToolButton *SpanInspector::makeCopyButton(QLabel *source, const QString &objectName)
{
    auto *button = new QToolButton(m_summary);
    button->setObjectName(objectName);
    button->setText(tr("Copy"));
    button->setToolTip(tr("Copy to the clipboard"));
    button->setAutoRaise(true);
    connect(button, &QToolButton::clicked, this, [this, source] {
        QGuiApplication::clipboard()->setText(source->text());
        Q_EMIT idCopied(source->text());
    });
    return button;
}

void SpanInspector::setupLlmBlock(QVBoxLayout *layout)
{
    QFrame *panel = nullptr;
    m_llmBox = makeSection(m_summary, QStringLiteral("llmBlock"), &m_llmTitle, &panel);
    m_llmForm = new QFormLayout(panel);
    m_llmForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_llmForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_llmForm->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_llmForm->setVerticalSpacing(4);
    const auto row = [this, panel](const QString &caption, const QString &objectName) {
        QLabel *label = valueLabel(panel, objectName);
        m_llmForm->addRow(captionLabel(caption, panel), label);
        return label;
    };
    m_provider = row(tr("Provider"), QStringLiteral("llmProvider"));
    m_model = row(tr("Model"), QStringLiteral("llmModel"));
    m_tokens = row(tr("Tokens"), QStringLiteral("llmTokens"));
    m_cost = row(tr("Cost"), QStringLiteral("llmCost"));
    m_parameters = row(tr("Parameters"), QStringLiteral("llmParameters"));
    m_finishReason = row(tr("Finish reason"), QStringLiteral("llmFinishReason"));
    m_ttft = row(tr("First token"), QStringLiteral("llmTtft"));
    m_ttft->setToolTip(tr("Time to first token"));
    QFont modelFont = m_model->font();
    modelFont.setBold(true);
    m_model->setFont(modelFont);
    layout->addWidget(m_llmBox);
}

QString SpanInspector::kindText(int kind)
{
    switch (kind) {
    case 1:
        return tr("Internal");
    case 2:
        return tr("Server");
    case 3:
        return tr("Client");
    case 4:
        return tr("Producer");
    case 5:
        return tr("Consumer");
    default:
        return tr("Unspecified");
    }
}

void SpanInspector::clear()
{
    m_hasSpan = false;
    for (JsonInspector *inspector : {m_attributes, m_bodies, m_events, m_links, m_resource, m_scope})
        inspector->clear();
    m_splitter->hide();
    m_placeholder->show();
}

void SpanInspector::setSpan(const Span &span, int64_t selfTimeNs)
{
    m_hasSpan = true;
    fillHeader(span, selfTimeNs);
    fillLlmBlock(span);
    fillEvents(span);
    fillTabs(span);
    m_placeholder->hide();
    m_splitter->show();
    fitSplitter();
    // Sections shown just now get their final geometry only once the event loop has laid them out.
    QTimer::singleShot(0, this, [this] {
        if (m_hasSpan)
            fitSplitter();
    });
}

void SpanInspector::fillHeader(const Span &span, int64_t selfTimeNs)
{
    m_name->setText(span.name.empty() ? tr("(unnamed span)") : qs(span.name));
    QStringList serviceLine;
    serviceLine << (span.service.empty() ? tr("(unknown service)") : qs(span.service)) << kindText(span.kind);
    if (!span.fields.category.empty())
        serviceLine << qs(span.fields.category);
    m_service->setText(serviceLine.join(QStringLiteral("  \u00b7  ")));

    QString statusText;
    QColor statusColor;
    switch (span.status) {
    case SpanStatus::Error:
        statusText = tr("ERROR");
        statusColor = QColor(0xc6, 0x28, 0x28);
        break;
    case SpanStatus::Ok:
        statusText = tr("OK");
        statusColor = QColor(0x2e, 0x7d, 0x32);
        break;
    case SpanStatus::Unset:
        statusText = tr("UNSET");
        statusColor = QColor(0x75, 0x75, 0x75);
        break;
    }
    m_status->setText(statusText);
    // White on a saturated badge reads the same on light and dark palettes.
    m_status->setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; border-radius: 3px; padding: 1px 8px; "
                       "font-weight: bold; }")
            .arg(statusColor.name()));
    m_statusMessage->setText(qs(span.statusMessage));
    m_statusMessage->setVisible(!span.statusMessage.empty());
    m_statusIsError = span.status == SpanStatus::Error;
    applyErrorColour();

    const QDateTime start = QDateTime::fromMSecsSinceEpoch(span.startNs / 1'000'000, Qt::LocalTime);
    m_start->setText(QLocale().toString(start.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
                     start.toString(QStringLiteral("HH:mm:ss.zzz")));
    m_start->setToolTip(tr("%1 ns since the Unix epoch").arg(span.startNs));
    const int64_t duration = span.endNs - span.startNs;
    const bool ended = span.endNs > 0 && duration >= 0;
    m_duration->setText(ended ? DisplayFormat::duration(duration) : tr("not ended"));
    if (selfTimeNs >= 0 && ended && duration > 0)
        m_selfTime->setText(tr("%1  (%2% of the span)")
                                .arg(DisplayFormat::duration(selfTimeNs))
                                .arg(std::round(100.0 * double(selfTimeNs) / double(duration))));
    else
        m_selfTime->setText(selfTimeNs >= 0 ? DisplayFormat::duration(selfTimeNs) : tr("—"));

    m_name->setToolTip(m_name->text());
    m_traceId->setText(qs(span.traceId));
    m_traceId->setToolTip(m_traceId->text());
    m_spanId->setText(qs(span.spanId));
    m_spanId->setToolTip(m_spanId->text());
    m_parentId->setText(span.parentSpanId.empty() ? tr("none (root span)") : qs(span.parentSpanId));
}

void SpanInspector::fillLlmBlock(const Span &span)
{
    const ExtractedFields &f = span.fields;
    const bool isLlm =
        f.category == "llm" || f.category == "embedding" || !f.provider.empty() || !f.model.empty();
    m_llmBox->setVisible(isLlm);
    if (!isLlm)
        return;
    m_llmTitle->setText(f.category == "embedding" ? tr("Embedding call") : tr("LLM call"));

    // Not QFormLayout::setRowVisible: in Qt 6.4 a hidden row of wrapping labels corrupts the heap in
    // heightForWidth (valgrind). Hidden widgets leave the row out just as well.
    const auto show = [this](QLabel *label, const QString &text) {
        label->setText(text);
        label->setVisible(!text.isEmpty());
        if (QWidget *caption = m_llmForm->labelForField(label))
            caption->setVisible(!text.isEmpty());
    };
    show(m_provider, qs(f.provider));
    show(m_model, qs(f.model));
    show(m_parameters, parameterTexts(span.attributes).join(QStringLiteral("  \u00b7  ")));

    QStringList tokens;
    if (f.inputTokens) {
        QString in = tr("%1 in").arg(countText(*f.inputTokens));
        if (f.cachedInputTokens)
            in += QLatin1Char(' ') + tr("(%1 cached)").arg(countText(*f.cachedInputTokens));
        tokens << in;
    } else if (f.cachedInputTokens) {
        tokens << tr("%1 cached").arg(countText(*f.cachedInputTokens));
    }
    if (f.outputTokens) {
        QString out = tr("%1 out").arg(countText(*f.outputTokens));
        if (f.reasoningTokens)
            out += QLatin1Char(' ') + tr("(%1 reasoning)").arg(countText(*f.reasoningTokens));
        tokens << out;
    } else if (f.reasoningTokens) {
        tokens << tr("%1 reasoning").arg(countText(*f.reasoningTokens));
    }
    if (f.totalTokens)
        tokens << tr("%1 total").arg(countText(*f.totalTokens));
    show(m_tokens, tokens.join(QStringLiteral("  \u00b7  ")));

    QString cost;
    if (f.costUsd) {
        const double usd = *f.costUsd;
        cost = QStringLiteral("$") + QLocale().toString(usd, 'f', usd != 0.0 && usd < 0.01 ? 6 : 4);
        switch (f.costSource) {
        case CostSource::Given:
            cost += QStringLiteral("  \u2014  ") + tr("given by the client");
            break;
        case CostSource::Computed:
            cost += QStringLiteral("  \u2014  ") + tr("computed from the pricing table");
            break;
        case CostSource::Unknown:
            break;
        }
    }
    show(m_cost, cost);
    show(m_finishReason, qs(f.finishReason));
    show(m_ttft, f.ttftMs ? DisplayFormat::duration(int64_t(std::llround(*f.ttftMs * 1e6))) : QString());
}

void SpanInspector::fillEvents(const Span &span)
{
    m_exceptionTypes.clear();
    while (QLayoutItem *item = m_eventsLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const json &events = span.events;
    const int count = events.is_array() ? int(events.size()) : 0;
    m_eventsBox->setVisible(count > 0);
    if (count == 0)
        return;
    m_eventsTitle->setText(tr("Events (%1)").arg(count));

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int i = 0; i < std::min(count, kMaxEventsListed); ++i) {
        const json &event = events[std::size_t(i)];
        if (!event.is_object())
            continue;
        const auto nameIt = event.find("name");
        const std::string name =
            nameIt != event.end() && nameIt->is_string() ? nameIt->get<std::string>() : "";
        const json attrs = event.value("attributes", json::object());
        const auto text = [&attrs](const char *key) {
            const auto it = attrs.find(key);
            return it == attrs.end() ? QString() : scalarText(*it);
        };
        QString when;
        if (const auto t = event.find("timeNs"); t != event.end() && t->is_number())
            when = QStringLiteral("+") + DisplayFormat::duration(t->get<int64_t>() - span.startNs);

        auto *card = new QFrame(m_eventsLayout->parentWidget());
        card->setObjectName(QStringLiteral("eventCard"));
        auto *cardLayout = new QVBoxLayout(card);
        cardLayout->setContentsMargins(0, 0, 0, 0);
        cardLayout->setSpacing(2);
        auto *title = new QHBoxLayout;
        auto *nameLabel = valueLabel(card, QStringLiteral("eventName"));
        nameLabel->setText(qs(name));
        QFont bold = nameLabel->font();
        bold.setBold(true);
        nameLabel->setFont(bold);
        auto *whenLabel = captionLabel(when, card);
        title->addWidget(nameLabel, 1);
        title->addWidget(whenLabel, 0, Qt::AlignTop);
        cardLayout->addLayout(title);

        if (name == "exception") {
            auto *type = valueLabel(card, QStringLiteral("exceptionType"));
            type->setText(text("exception.type"));
            type->setFont(bold);
            m_exceptionTypes.append(type);
            type->setVisible(!type->text().isEmpty());
            auto *message = valueLabel(card, QStringLiteral("exceptionMessage"));
            message->setText(text("exception.message"));
            message->setVisible(!message->text().isEmpty());
            cardLayout->addWidget(type);
            cardLayout->addWidget(message);
            const QString stack = text("exception.stacktrace");
            if (!stack.isEmpty()) {
                auto *trace = new QPlainTextEdit(card);
                trace->setObjectName(QStringLiteral("stackTrace"));
                trace->setReadOnly(true);
                trace->setLineWrapMode(QPlainTextEdit::NoWrap);
                trace->setFont(mono);
                trace->setPlainText(stack);
                const int lines = std::min<int>(int(stack.count(QLatin1Char('\n'))) + 1, kMaxStackTraceLines);
                const int frame = 2 * trace->frameWidth() + int(trace->document()->documentMargin() * 2);
                // Room for a horizontal scroll bar: long frames are scrolled, not wrapped.
                trace->setFixedHeight(lines * QFontMetrics(mono).lineSpacing() + frame + 16);
                cardLayout->addWidget(trace);
            }
        } else if (attrs.is_object() && !attrs.empty()) {
            auto *details = valueLabel(card, QStringLiteral("eventAttributes"));
            QStringList pairs;
            for (auto it = attrs.begin(); it != attrs.end() && pairs.size() < 6; ++it)
                pairs << qs(it.key()) + QLatin1String(" = ") + scalarText(*it).left(120);
            details->setText(pairs.join(QLatin1Char('\n')));
            details->setForegroundRole(QPalette::PlaceholderText);
            cardLayout->addWidget(details);
        }
        m_eventsLayout->addWidget(card);
    }
    // The panel and section are reused across spans; their cached heights must not outlive the old cards,
    // which they would while the inspector is hidden (layout requests wait for the show).
    m_eventsLayout->parentWidget()->updateGeometry();
    m_eventsBox->updateGeometry();
    applyErrorColour();
    if (count > kMaxEventsListed) {
        m_eventsLayout->addWidget(captionLabel(tr("%1 more in the Events tab").arg(count - kMaxEventsListed),
                                               m_eventsLayout->parentWidget()));
    }
}

void SpanInspector::fillTabs(const Span &span)
{
    json bodies = json::object();
    if (span.attributes.is_object()) {
        for (auto it = span.attributes.begin(); it != span.attributes.end(); ++it) {
            if (isBodyKey(it.key()))
                bodies[it.key()] = *it;
        }
    }
    const auto size = [](const json &j) { return j.is_structured() ? int(j.size()) : (j.is_null() ? 0 : 1); };
    const struct {
        JsonInspector *inspector;
        const json &doc;
        QString title;
    } tabs[] = {
        {m_bodies, bodies, tr("Bodies")},
        {m_attributes, span.attributes, tr("Attributes")},
        {m_events, span.events, tr("Events")},
        {m_links, span.links, tr("Links")},
        {m_resource, span.resource, tr("Resource")},
        {m_scope, span.scope, tr("Scope")},
    };
    for (const auto &tab : tabs) {
        const int n = size(tab.doc);
        tab.inspector->setJson(tab.doc);
        const int at = m_tabs->indexOf(tab.inspector);
        m_tabs->setTabText(
            at, tab.inspector == m_scope || n == 0 ? tab.title : tab.title + QStringLiteral(" (%1)").arg(n));
        // Attributes always shows, even empty, so the tab bar never ends up blank.
        m_tabs->setTabVisible(at, n > 0 || tab.inspector == m_attributes);
    }
    m_tabs->setCurrentWidget(bodies.empty() ? m_attributes : m_bodies);
}

void SpanInspector::applyErrorColour()
{
    const QColor error = errorColor(this);
    const auto paint = [](QLabel *label, const QColor &colour) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, colour);
        label->setPalette(p);
    };
    paint(m_statusMessage, m_statusIsError ? error : palette().color(QPalette::WindowText));
    for (QLabel *type : std::as_const(m_exceptionTypes))
        paint(type, error);
}

void SpanInspector::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColour();
}

void SpanInspector::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_hasSpan)
        fitSplitter();
}

void SpanInspector::fitSplitter()
{
    if (m_splitterMovedByUser)
        return;
    // Lay the summary out at the width it will have (ours, less a scroll bar: the viewport may not be laid
    // out yet on the first show) and measure where its last visible section ends. Wrapped labels make that
    // depend on the width, and heightForWidth() overestimates nested wrapped rows.
    const int width = std::max(this->width() - style()->pixelMetric(QStyle::PM_ScrollBarExtent), 200);
    QLayout *layout = m_summary->layout();
    m_summary->resize(width, std::max(m_summary->heightForWidth(width), m_summary->sizeHint().height()));
    layout->activate();
    int bottom = 0;
    for (int i = 0; i < layout->count(); ++i) {
        QLayoutItem *item = layout->itemAt(i);
        if (!item->spacerItem() && !item->isEmpty())
            bottom = std::max(bottom, item->geometry().bottom());
    }
    const int wanted = bottom + layout->contentsMargins().bottom() + 1;
    const int total = std::max(height(), 400);
    const int summary = std::min(wanted, total * 3 / 5);
    m_splitter->setSizes({summary, total - summary});
}

} // namespace tracedeck

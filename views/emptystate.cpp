#include "emptystate.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace tracedeck {

EmptyState::EmptyState(QWidget *parent)
    : QWidget(parent)
    , m_instructions(new QLabel(this))
{
    auto *title = new QLabel(tr("No traces yet"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);

    m_instructions->setTextFormat(Qt::RichText);
    m_instructions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_instructions->setWordWrap(true);

    auto *samples = new QPushButton(tr("Load sample traces"), this);
    samples->setDefault(true);
    samples->setToolTip(tr("A REST request across services, an agent run with LLM and tool calls and an "
                           "error, and a streaming LLM call"));
    auto *open = new QPushButton(tr("Open trace file…"), this);
    connect(samples, &QPushButton::clicked, this, &EmptyState::loadSamplesRequested);
    connect(open, &QPushButton::clicked, this, &EmptyState::openFilesRequested);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(samples);
    buttons->addWidget(open);
    buttons->addStretch();

    auto *column = new QVBoxLayout;
    column->addWidget(title);
    column->addSpacing(8);
    column->addWidget(m_instructions);
    column->addSpacing(12);
    column->addLayout(buttons);

    auto *outer = new QHBoxLayout(this);
    outer->addStretch(1);
    outer->addLayout(column, 4);
    outer->addStretch(1);
    setListenAddress(QStringLiteral("127.0.0.1:4318"));
}

void EmptyState::setListenAddress(const QString &hostPort)
{
    const QString mono = QFontDatabase::systemFont(QFontDatabase::FixedFont).family();
    const QString code = QStringLiteral("<pre style=\"font-family:'%1'; background:palette(alternate-base); "
                                        "padding:6px\">%2</pre>")
                             .arg(mono);
    const QString curl =
        QStringLiteral(
            "curl -X POST http://%1/v1/traces -H 'Content-Type: application/json' \\\n"
            "  -d '{\"resourceSpans\":[{\"resource\":{\"attributes\":[{\"key\":\"service.name\",\n"
            "  \"value\":{\"stringValue\":\"demo\"}}]},\"scopeSpans\":[{\"spans\":[{\"traceId\":\n"
            "  \"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\",\"name\":\"hello\",\n"
            "  "
            "\"startTimeUnixNano\":\"1700000000000000000\",\"endTimeUnixNano\":\"1700000000500000000\"}]}]}]}"
            "'")
            .arg(hostPort);
    m_instructions->setText(
        tr("<p>Tracedeck is listening on <b>http://%1</b> for OTLP/HTTP (JSON or protobuf) and Zipkin v2.</p>"
           "<p>Point any OpenTelemetry SDK at it:</p>%2"
           "<p>or send a span by hand:</p>%3"
           "<p>Traces appear here as they arrive.</p>")
            .arg(hostPort,
                 code.arg(QStringLiteral("export OTEL_EXPORTER_OTLP_ENDPOINT=http://%1").arg(hostPort)),
                 code.arg(curl.toHtmlEscaped())));
}

} // namespace tracedeck

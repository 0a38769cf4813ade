#include "ingeststatus.h"

#include "displayformat.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QToolButton>

namespace tracedeck {

IngestStatus::IngestStatus(QWidget *parent)
    : QWidget(parent)
    , m_listener(new QToolButton(this))
    , m_rate(new QLabel(this))
    , m_counts(new QLabel(this))
    , m_size(new QLabel(this))
{
    m_listener->setAutoRaise(true);
    m_listener->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_listener->setCursor(Qt::PointingHandCursor);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    layout->addWidget(m_listener);
    layout->addWidget(m_rate);
    layout->addWidget(m_counts);
    layout->addWidget(m_size);
    connect(m_listener, &QToolButton::clicked, this, &IngestStatus::copyEndpointLine);
    setListener(QString(), false);
    setRate(0);
    setCounts(0, 0);
    setDatabaseSize(0);
}

QString IngestStatus::endpointLine() const
{
    return QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=http://%1").arg(m_hostPort);
}

QString IngestStatus::text() const
{
    return QStringList{m_listener->text(), m_rate->text(), m_counts->text(), m_size->text()}.join(u" | ");
}

void IngestStatus::setListener(const QString &hostPort, bool listening)
{
    m_hostPort = hostPort;
    m_listener->setText(listening ? tr("● Listening on %1").arg(hostPort) : tr("○ Not listening"));
    m_listener->setToolTip(listening ? tr("Click to copy %1").arg(endpointLine()) : QString());
    m_listener->setEnabled(listening);
}

void IngestStatus::setRate(double spansPerSecond)
{
    m_rate->setText(tr("%1 spans/s").arg(QLocale(QLocale::English).toString(spansPerSecond, 'f', 0)));
}

void IngestStatus::setCounts(qint64 traces, qint64 spans)
{
    m_counts->setText(
        tr("%1 traces, %2 spans").arg(DisplayFormat::count(traces), DisplayFormat::count(spans)));
}

void IngestStatus::setDatabaseSize(qint64 bytes)
{
    m_size->setText(tr("database %1").arg(QLocale(QLocale::English).formattedDataSize(bytes)));
}

void IngestStatus::copyEndpointLine()
{
    QGuiApplication::clipboard()->setText(endpointLine());
    Q_EMIT endpointCopied(endpointLine());
}

} // namespace tracedeck

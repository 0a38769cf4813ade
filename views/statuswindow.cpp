#include "statuswindow.h"

#include <QFont>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QStatusBar>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

QLabel *bigNumber(QWidget *parent)
{
    auto *label = new QLabel(QStringLiteral("0"), parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 2.2);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

StatusWindow::StatusWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_endpoint(new QLabel(this))
    , m_envLine(new QLabel(this))
    , m_database(new QLabel(this))
    , m_traces(bigNumber(this))
    , m_spans(bigNumber(this))
{
    setWindowTitle(QStringLiteral("Tracedeck"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);

    auto *title = new QLabel(tr("Send traces here"), central);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    layout->addWidget(title);

    m_envLine->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    m_envLine->setFont(mono);
    m_envLine->setFrameShape(QFrame::StyledPanel);
    m_envLine->setMargin(6);
    layout->addWidget(m_envLine);

    auto *form = new QFormLayout;
    m_endpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_database->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_database->setWordWrap(true);
    form->addRow(tr("Endpoints:"), m_endpoint);
    form->addRow(tr("Database:"), m_database);
    layout->addLayout(form);

    // A grid, not a form: each caption sits on the middle of its big number.
    auto *counts = new QGridLayout;
    counts->addWidget(new QLabel(tr("Traces stored:"), central), 0, 0, Qt::AlignLeft | Qt::AlignVCenter);
    counts->addWidget(m_traces, 0, 1, Qt::AlignLeft | Qt::AlignVCenter);
    counts->addWidget(new QLabel(tr("Spans stored:"), central), 1, 0, Qt::AlignLeft | Qt::AlignVCenter);
    counts->addWidget(m_spans, 1, 1, Qt::AlignLeft | Qt::AlignVCenter);
    counts->setColumnStretch(1, 1);
    layout->addSpacing(12);
    layout->addLayout(counts);
    layout->addStretch(1);
    setCentralWidget(central);
    statusBar()->showMessage(tr("Listener starting…"));
    resize(640, 320);
}

void StatusWindow::setListenAddress(const QString &hostPort)
{
    const QString base = QStringLiteral("http://") + hostPort;
    m_envLine->setText(QStringLiteral("OTEL_EXPORTER_OTLP_ENDPOINT=") + base);
    m_endpoint->setText(tr("OTLP/HTTP %1/v1/traces · Zipkin %1/api/v2/spans").arg(base));
    statusBar()->showMessage(tr("Listening on %1").arg(hostPort));
}

void StatusWindow::setDatabasePath(const QString &path)
{
    m_database->setText(path);
}

void StatusWindow::setCounts(qint64 traces, qint64 spans)
{
    const QLocale locale;
    m_traces->setText(locale.toString(traces));
    m_spans->setText(locale.toString(spans));
}

QString StatusWindow::endpointText() const
{
    return m_envLine->text();
}

QString StatusWindow::countsText() const
{
    return m_traces->text() + QLatin1Char('/') + m_spans->text();
}

} // namespace tracedeck

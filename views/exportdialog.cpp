#include "exportdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace tracedeck {

ExportDialog::ExportDialog(const QStringList &selectedTraceIds, const QString &filterText, int shownTraces,
                           QWidget *parent)
    : QDialog(parent)
    , m_selected(selectedTraceIds)
    , m_selectedOnly(new QRadioButton(tr("Selected traces (%n)", nullptr, int(selectedTraceIds.size()))))
    , m_filtered(new QRadioButton(filterText.isEmpty() ? tr("All traces in the workspace")
                                                       : tr("All traces matching “%1”").arg(filterText)))
    , m_format(new QComboBox)
    , m_path(new QLineEdit)
    , m_hint(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("Export Traces"));
    m_selectedOnly->setEnabled(!m_selected.isEmpty());
    (m_selected.isEmpty() ? m_filtered : m_selectedOnly)->setChecked(true);
    m_filtered->setToolTip(
        tr("%n trace(s) listed so far; the export reads every match from the store", nullptr, shownTraces));

    m_format->addItem(tr("OTLP JSON Lines (.jsonl) — for Tracedeck, the OTel Collector"),
                      int(Format::OtlpJson));
    m_format->addItem(tr("Jaeger JSON (.json) — for Jaeger UI"), int(Format::Jaeger));
    m_format->addItem(tr("CSV, one row per span (.csv) — for spreadsheets"), int(Format::Csv));

    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_path->setText(QDir(documents.isEmpty() ? QDir::homePath() : documents)
                        .filePath(QStringLiteral("traces") + extensionOf(Format::OtlpJson)));
    m_path->setMinimumWidth(420);
    auto *browse = new QPushButton(tr("Browse…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_hint->setWordWrap(true);
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    auto *which = new QVBoxLayout;
    which->addWidget(m_selectedOnly);
    which->addWidget(m_filtered);
    auto *form = new QFormLayout;
    form->addRow(tr("Traces:"), which);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("File:"), pathRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));

    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    formatChanged();
}

QString ExportDialog::extensionOf(Format format)
{
    switch (format) {
    case Format::Jaeger:
        return QStringLiteral(".json");
    case Format::Csv:
        return QStringLiteral(".csv");
    case Format::OtlpJson:
        break;
    }
    return QStringLiteral(".jsonl");
}

ExportDialog::Choice ExportDialog::choice() const
{
    Choice c;
    if (m_selectedOnly->isChecked())
        c.traceIds = m_selected;
    c.format = Format(m_format->currentData().toInt());
    c.path = m_path->text().trimmed();
    return c;
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

void ExportDialog::setFormat(Format format)
{
    m_format->setCurrentIndex(m_format->findData(int(format)));
}

void ExportDialog::setSelectedOnly(bool selectedOnly)
{
    (selectedOnly && m_selectedOnly->isEnabled() ? m_selectedOnly : m_filtered)->setChecked(true);
}

void ExportDialog::browse()
{
    const Format format = Format(m_format->currentData().toInt());
    const QString filter = format == Format::Csv      ? tr("CSV files (*.csv)")
                           : format == Format::Jaeger ? tr("Jaeger JSON (*.json)")
                                                      : tr("OTLP JSON Lines (*.jsonl *.json)");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Traces"), m_path->text(), filter);
    if (!path.isEmpty())
        m_path->setText(path);
}

// The file name follows the format while it still ends in another format's extension.
void ExportDialog::formatChanged()
{
    const Format format = Format(m_format->currentData().toInt());
    QString path = m_path->text();
    for (Format other : {Format::OtlpJson, Format::Jaeger, Format::Csv}) {
        const QString ext = extensionOf(other);
        if (other != format && path.endsWith(ext)) {
            path.chop(ext.size());
            m_path->setText(path + extensionOf(format));
            break;
        }
    }
    switch (format) {
    case Format::OtlpJson:
        m_hint->setText(tr("One ExportTraceServiceRequest per line. Opens again in Tracedeck with every "
                           "attribute, event and timing."));
        break;
    case Format::Jaeger:
        m_hint->setText(tr("Jaeger UI's “Download JSON” format: {\"data\": [traces]}."));
        break;
    case Format::Csv:
        m_hint->setText(tr("One row per span: ids, service, name, times, status, model, tokens and cost."));
        break;
    }
    updateOk();
}

void ExportDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_path->text().trimmed().isEmpty());
}

} // namespace tracedeck

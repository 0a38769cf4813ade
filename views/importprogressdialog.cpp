#include "importprogressdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace tracedeck {

ImportProgressDialog::ImportProgressDialog(QWidget *parent)
    : QDialog(parent)
    , m_file(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_detail(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    setWindowTitle(tr("Importing trace files"));
    setModal(false);
    setMinimumWidth(460);
    QFont bold = m_file->font();
    bold.setBold(true);
    m_file->setFont(bold);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar->setRange(0, 1000);
    m_bar->setTextVisible(true);
    m_detail->setObjectName(QStringLiteral("importDetail"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(m_cancel, &QPushButton::clicked, this, &ImportProgressDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_file);
    layout->addWidget(m_bar);
    layout->addWidget(m_detail);
    layout->addWidget(buttons);
}

void ImportProgressDialog::setProgress(const QString &path, int file, int files, qint64 bytesRead,
                                       qint64 fileSize, qint64 spans, double spansPerSecond)
{
    const QLocale locale;
    const QString name = QFileInfo(path).fileName();
    m_file->setText(files > 1 ? tr("%1 (file %2 of %3)").arg(name).arg(file + 1).arg(files) : name);
    m_file->setToolTip(path);
    const double fraction = fileSize > 0 ? std::min(1.0, double(bytesRead) / double(fileSize)) : 0.0;
    m_bar->setValue(int(fraction * 1000));
    m_bar->setFormat(QStringLiteral("%1%").arg(int(fraction * 100)));
    m_detail->setText(tr("%1 of %2 · %3 spans stored · %4 spans/s")
                          .arg(locale.formattedDataSize(bytesRead), locale.formattedDataSize(fileSize),
                               locale.toString(spans), locale.toString(qint64(spansPerSecond))));
}

void ImportProgressDialog::setCancelling()
{
    m_cancel->setEnabled(false);
    m_detail->setText(tr("Cancelling: stopping after the batch being stored…"));
}

void ImportProgressDialog::reset()
{
    m_cancel->setEnabled(true);
    m_bar->setValue(0);
    m_file->clear();
    m_detail->clear();
}

QString ImportProgressDialog::fileText() const
{
    return m_file->text();
}

QString ImportProgressDialog::detailText() const
{
    return m_detail->text();
}

int ImportProgressDialog::percent() const
{
    return m_bar->value() / 10;
}

void ImportProgressDialog::reject()
{
    if (!m_cancel->isEnabled())
        return;
    setCancelling();
    Q_EMIT cancelRequested();
}

} // namespace tracedeck

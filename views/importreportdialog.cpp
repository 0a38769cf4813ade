#include "importreportdialog.h"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tracedeck {

ImportReportDialog::ImportReportDialog(const QList<File> &files, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(int(files.size()), 6, this))
    , m_problems(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Import report"));
    const QLocale locale;
    qint64 traces = 0, spans = 0, rejected = 0;
    int failed = 0;
    QStringList problems;
    m_table->setHorizontalHeaderLabels(
        {tr("File"), tr("Format"), tr("Traces"), tr("Spans"), tr("Rejected"), tr("Result")});
    for (int row = 0; row < files.size(); ++row) {
        const File &f = files[row];
        traces += f.traces;
        spans += f.spans;
        rejected += f.rejected;
        failed += f.failed;
        const QString result = f.cancelled                               ? tr("cancelled")
                               : f.failed                                ? tr("failed")
                               : f.rejected > 0 || !f.problems.isEmpty() ? tr("imported, with problems")
                                                                         : tr("imported");
        const QStringList cells{QFileInfo(f.path).fileName(), f.format,
                                locale.toString(f.traces),    locale.toString(f.spans),
                                locale.toString(f.rejected),  result};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            if (column >= 2 && column <= 4)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column == 0)
                item->setToolTip(f.path);
            if (column == 5 && f.failed)
                item->setForeground(QColor(0xb0, 0x20, 0x20));
            m_table->setItem(row, column, item);
        }
        const QString name = QFileInfo(f.path).fileName();
        if (f.failed && !f.error.isEmpty() &&
            (f.problems.isEmpty() || !f.error.endsWith(f.problems.constFirst())))
            problems << f.error;
        for (const QString &p : f.problems)
            problems << name + QStringLiteral(": ") + p;
    }
    m_summary->setText(
        tr("%n file(s): %1 traces, %2 spans imported, %3 rejected, %4 failed.", nullptr, int(files.size()))
            .arg(locale.toString(traces), locale.toString(spans), locale.toString(rejected))
            .arg(failed));
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < 6; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_problems->setReadOnly(true);
    m_problems->setPlaceholderText(tr("No problems."));
    m_problems->setPlainText(problems.join(QLatin1Char('\n')));
    m_problems->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 2);
    layout->addWidget(new QLabel(tr("Problems (file: place: reason)"), this));
    layout->addWidget(m_problems, 1);
    layout->addWidget(buttons);
    resize(760, 420);
}

QString ImportReportDialog::summaryText() const
{
    return m_summary->text();
}

QString ImportReportDialog::problemsText() const
{
    return m_problems->toPlainText();
}

} // namespace tracedeck

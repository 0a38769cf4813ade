#pragma once

#include <QDialog>
#include <QList>
#include <QStringList>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace tracedeck {

// What an import did, per file: format, traces, spans stored, spans rejected, and whether the file was
// read to its end; below, every problem with its file, place (line/byte or record) and reason.
class ImportReportDialog : public QDialog {
    Q_OBJECT
public:
    struct File {
        QString path;
        QString format;
        qint64 traces = 0;
        qint64 spans = 0;
        qint64 rejected = 0;
        QString error; // empty when read to the end
        bool failed = false;
        bool cancelled = false;
        QStringList problems;
    };

    explicit ImportReportDialog(const QList<File> &files, QWidget *parent = nullptr);

    QString summaryText() const;
    QString problemsText() const;
    const QTableWidget *table() const { return m_table; }

private:
    QLabel *m_summary;
    QTableWidget *m_table;
    QPlainTextEdit *m_problems;
};

} // namespace tracedeck

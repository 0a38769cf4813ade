#pragma once

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;

namespace tracedeck {

// The progress of a file import: which file (of how many), bytes read of its size, spans stored and the
// rate, and Cancel. It only shows what it is told; the import runs elsewhere and is told of Cancel by
// cancelRequested. Not modal: the window stays usable while files import.
class ImportProgressDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportProgressDialog(QWidget *parent = nullptr);

    void setProgress(const QString &path, int file, int files, qint64 bytesRead, qint64 fileSize,
                     qint64 spans, double spansPerSecond);
    // After Cancel: says the import stops after the batch being stored.
    void setCancelling();
    // Ready for the next import.
    void reset();

    QString fileText() const;
    QString detailText() const;
    int percent() const;

Q_SIGNALS:
    void cancelRequested();

protected:
    void reject() override; // Escape or the close button cancel, as the Cancel button does

private:
    QLabel *m_file;
    QProgressBar *m_bar;
    QLabel *m_detail;
    QPushButton *m_cancel;
};

} // namespace tracedeck

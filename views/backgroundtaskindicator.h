#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace tracedeck {

// A status bar item for work the store does in the background (recomputing costs): what, and how far.
// Hidden while nothing runs.
class BackgroundTaskIndicator : public QWidget {
    Q_OBJECT
public:
    explicit BackgroundTaskIndicator(QWidget *parent = nullptr);

    void showProgress(const QString &task, double fraction);
    void finish();
    QString task() const;
    int percent() const;

private:
    QLabel *m_label;
    QProgressBar *m_bar;
};

} // namespace tracedeck

#pragma once

#include <QWidget>

class QLabel;

namespace tracedeck {

// What a first start shows instead of an empty list: where to point an SDK, and a way to see every view
// working at once with the bundled samples.
class EmptyState : public QWidget {
    Q_OBJECT
public:
    explicit EmptyState(QWidget *parent = nullptr);
    void setListenAddress(const QString &hostPort);

Q_SIGNALS:
    void loadSamplesRequested();
    void openFilesRequested();

private:
    QLabel *m_instructions;
};

} // namespace tracedeck

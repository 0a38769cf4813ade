#pragma once

#include <QMainWindow>

class QLabel;

namespace tracedeck {

// The first window: where to send traces, and what the store holds, live. It only shows what it is told.
class StatusWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit StatusWindow(QWidget *parent = nullptr);

    QString endpointText() const;
    QString countsText() const;

public Q_SLOTS:
    void setListenAddress(const QString &hostPort);
    void setDatabasePath(const QString &path);
    void setCounts(qint64 traces, qint64 spans);

private:
    QLabel *m_endpoint;
    QLabel *m_envLine;
    QLabel *m_database;
    QLabel *m_traces;
    QLabel *m_spans;
};

} // namespace tracedeck

#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace tracedeck {

// The status bar's right side: the listener (click copies the OTEL_EXPORTER_OTLP_ENDPOINT line), the live
// ingest rate, what the store holds and how big it is on disk.
class IngestStatus : public QWidget {
    Q_OBJECT
public:
    explicit IngestStatus(QWidget *parent = nullptr);

    QString endpointLine() const;
    QString text() const; // everything shown, for tests and accessibility

public Q_SLOTS:
    void setListener(const QString &hostPort, bool listening);
    void setRate(double spansPerSecond);
    void setCounts(qint64 traces, qint64 spans);
    void setDatabaseSize(qint64 bytes);
    void copyEndpointLine();

Q_SIGNALS:
    void endpointCopied(const QString &line);

private:
    QString m_hostPort;
    QToolButton *m_listener;
    QLabel *m_rate;
    QLabel *m_counts;
    QLabel *m_size;
};

} // namespace tracedeck

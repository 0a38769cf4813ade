#pragma once

#include <QObject>
#include <QStringList>

class QLocalServer;

namespace tracedeck {

// One window per store: a second `tracedeck FILE…` on the same database hands its files to the window that
// runs (over a local socket only this user can open) and exits, instead of failing on the taken port.
class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(const QString &databasePath, QObject *parent = nullptr);
    ~SingleInstance() override;

    // Gives the files (made absolute) to a running instance. True when it took them.
    bool handOver(const QStringList &files, int timeoutMs = 3000);
    // Becomes the instance others hand files to; a socket left by a crashed instance is replaced.
    bool listen(QString *error);
    QString serverName() const { return m_name; }

    // tracedeck-<user id>-<digest of the database's absolute path>
    static QString serverNameFor(const QString &databasePath);

Q_SIGNALS:
    // On the listening instance: another start asked to open these files (possibly none: just show).
    void openRequested(const QStringList &files);

private:
    void acceptConnections();

    QString m_name;
    QLocalServer *m_server = nullptr;
};

} // namespace tracedeck

#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace tracedeck {

// HOST:PORT as given to --listen ("127.0.0.1:4318", "[::1]:4318", "localhost:0").
struct ListenAddress {
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 4318;

    static std::optional<ListenAddress> parse(const QString &text, QString *error);
    QString toString() const;
    bool isLoopback() const { return host.isLoopback(); }
};

} // namespace tracedeck

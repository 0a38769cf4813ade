#include "listenaddress.h"

namespace tracedeck {

std::optional<ListenAddress> ListenAddress::parse(const QString &text, QString *error)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        *error = QStringLiteral("listen address \"%1\": expected HOST:PORT, e.g. 127.0.0.1:4318").arg(text);
        return std::nullopt;
    }
    QString hostText = text.left(colon);
    if (hostText.startsWith(QLatin1Char('[')) && hostText.endsWith(QLatin1Char(']')))
        hostText = hostText.mid(1, hostText.size() - 2);
    bool portOk = false;
    const uint port = text.mid(colon + 1).toUInt(&portOk);
    if (!portOk || port > 65535) {
        *error = QStringLiteral("listen address \"%1\": port must be a number from 0 to 65535").arg(text);
        return std::nullopt;
    }
    ListenAddress address;
    address.port = quint16(port);
    if (hostText == QLatin1String("localhost"))
        address.host = QHostAddress(QHostAddress::LocalHost);
    else if (!address.host.setAddress(hostText)) {
        *error = QStringLiteral("listen address \"%1\": \"%2\" is not an IP address").arg(text, hostText);
        return std::nullopt;
    }
    return address;
}

QString ListenAddress::toString() const
{
    if (host.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]:%2").arg(host.toString()).arg(port);
    return QStringLiteral("%1:%2").arg(host.toString()).arg(port);
}

} // namespace tracedeck

#include "peername.h"

#include <QUrl>

namespace tracedeck {

namespace {

using nlohmann::json;

std::string text(const json &attributes, const char *key)
{
    const auto it = attributes.find(key);
    if (it == attributes.end() || it->is_null())
        return {};
    if (it->is_string())
        return it->get<std::string>();
    if (it->is_number_integer())
        return std::to_string(it->get<int64_t>());
    return {};
}

std::string withPort(std::string host, const std::string &port)
{
    if (!host.empty() && !port.empty())
        host += ":" + port;
    return host;
}

// scheme://host[:port]/… → host[:port] (the port only when the URL gives one).
std::string urlHost(const std::string &url)
{
    const QUrl parsed(QString::fromStdString(url));
    const std::string host = parsed.host().toStdString();
    return parsed.port() > 0 ? withPort(host, std::to_string(parsed.port())) : host;
}

} // namespace

bool PeerName::needsAttributes(int kind, std::string_view category, std::string_view provider)
{
    if (isLlm(category))
        return provider.empty();
    return kind == kClientKind || kind == kProducerKind;
}

std::string PeerName::of(int kind, std::string_view category, std::string_view provider,
                         const json &attributes)
{
    const bool llm = isLlm(category);
    if (llm && !provider.empty())
        return std::string(provider);
    if (!llm && kind != kClientKind && kind != kProducerKind)
        return {};
    if (!attributes.is_object())
        return {};
    if (std::string name = text(attributes, "peer.service"); !name.empty())
        return name;
    if (std::string host = text(attributes, "server.address"); !host.empty())
        return withPort(std::move(host), text(attributes, "server.port"));
    if (std::string host = text(attributes, "net.peer.name"); !host.empty())
        return withPort(std::move(host), text(attributes, "net.peer.port"));
    for (const char *key : {"url.full", "http.url"}) {
        if (std::string host = urlHost(text(attributes, key)); !host.empty())
            return host;
    }
    if (std::string db = text(attributes, "db.system"); !db.empty()) {
        const std::string name = text(attributes, "db.name");
        return name.empty() ? db : db + "/" + name;
    }
    for (const char *key :
         {"rpc.service", "messaging.destination.name", "gen_ai.system", "network.peer.address"}) {
        if (std::string name = text(attributes, key); !name.empty())
            return name;
    }
    return {};
}

} // namespace tracedeck

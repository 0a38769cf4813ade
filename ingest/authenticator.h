#pragma once

#include "httpreply.h"
#include "keylimiter.h"
#include "keystore.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

class QHttpServerRequest;
class QHttpServerResponder;

namespace tracedeck {

// Who a request speaks for: the workspace its spans go to and its queries read.
struct RequestIdentity {
    std::string workspace = "local";
    int64_t keyId = 0; // 0: no key (loopback only)
    bool redaction = true;
    int64_t quotaDay = 0; // the UTC day admitSpans() counted the spans on
};

// API keys on the listener thread. Every route asks admit() first: `Authorization: Bearer <key>` or
// `x-api-key: <key>`, hashed and compared in constant time with the stored SHA-256 of the keys sharing its
// display prefix. No key: workspace `local`, unless keys are required (non-loopback listener). Unknown or
// revoked key: 401. The table of keys is read into memory and read again whenever the file changed
// (PRAGMA data_version, checked a few times a second), so a revocation from another process takes effect
// within about a second. Also applies each key's rate limits and quota (KeyLimiter), persisting the
// quota's usage about once a second.
class Authenticator : public QObject {
    Q_OBJECT
public:
    using Clock = std::function<int64_t()>; // UTC now in ms

    Authenticator(std::string databasePath, bool requireKeys, Clock utcClock, QObject *parent = nullptr);
    ~Authenticator() override;

    // Opens the key tables and starts the reload timer; call on the thread that will use this.
    bool open(std::string *error);
    bool requireKeys() const { return m_requireKeys; }
    int activeKeys() const { return m_activeKeys; }

    // Authenticates the request and applies its key's requests/s limit. On refusal sends the error
    // (401 or 429, JSON or google.rpc.Status per format) and returns nullopt.
    std::optional<RequestIdentity> admit(const QHttpServerRequest &request, QHttpServerResponder &responder,
                                         WireFormat format);
    // The spans/s limit and spans/day quota for a decoded body; the refusal to send, or nullopt when
    // admitted (and counted).
    std::optional<HttpReply> admitSpans(RequestIdentity &identity, int64_t spans, WireFormat format);
    // A body admitted by admitSpans() that was not stored after all.
    void refund(const RequestIdentity &identity, int64_t spans);

    // Reads the key table again if the file changed since the last read.
    void reloadIfChanged();
    void saveUsage();

private:
    void reload();
    double steadySeconds() const;

    std::string m_path;
    bool m_requireKeys;
    Clock m_clock;
    std::unique_ptr<KeyStore> m_store;
    QHash<QByteArray, std::vector<ApiKeyInfo>> m_keysByPrefix;
    QHash<QByteArray, bool> m_redaction; // per workspace
    int m_activeKeys = 0;
    int64_t m_dataVersion = -1;
    KeyLimiter m_limiter;
    QElapsedTimer m_steady;
    QTimer m_reloadTimer;
    QTimer m_saveTimer;
};

} // namespace tracedeck

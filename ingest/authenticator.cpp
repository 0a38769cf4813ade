#include "authenticator.h"

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>

namespace tracedeck {

namespace {

constexpr int kReloadIntervalMs = 250;
constexpr int kSaveIntervalMs = 1000;

QByteArray header(const QHttpServerRequest &request, QByteArrayView name)
{
    for (const auto &[key, value] : request.headers())
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value.trimmed();
    return {};
}

// No early exit: the time taken does not tell how many leading bytes matched.
bool equalInConstantTime(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

QString shown(const QByteArray &key)
{
    return QString::fromLatin1(key.left(KeyStore::kPrefixLength).toPercentEncoding()) + QStringLiteral("…");
}

} // namespace

Authenticator::Authenticator(std::string databasePath, bool requireKeys, Clock utcClock, QObject *parent)
    : QObject(parent)
    , m_path(std::move(databasePath))
    , m_requireKeys(requireKeys)
    , m_clock(std::move(utcClock))
    , m_limiter([this](int64_t keyId, int64_t day) {
        std::string error;
        return m_store ? m_store->usage(keyId, day, &error) : 0;
    })
    , m_reloadTimer(this)
    , m_saveTimer(this)
{
    if (!m_clock)
        m_clock = [] { return QDateTime::currentMSecsSinceEpoch(); };
    m_steady.start();
    m_reloadTimer.setInterval(kReloadIntervalMs);
    connect(&m_reloadTimer, &QTimer::timeout, this, &Authenticator::reloadIfChanged);
    m_saveTimer.setInterval(kSaveIntervalMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &Authenticator::saveUsage);
}

Authenticator::~Authenticator()
{
    saveUsage();
}

bool Authenticator::open(std::string *error)
{
    m_store = KeyStore::open(m_path, error);
    if (!m_store)
        return false;
    reload();
    m_reloadTimer.start();
    m_saveTimer.start();
    return true;
}

double Authenticator::steadySeconds() const
{
    return double(m_steady.nsecsElapsed()) / 1e9;
}

void Authenticator::reloadIfChanged()
{
    if (m_store && m_store->dataVersion() != m_dataVersion)
        reload();
}

void Authenticator::reload()
{
    m_dataVersion = m_store->dataVersion();
    std::string error;
    std::vector<ApiKeyInfo> keys = m_store->keys({}, &error);
    std::vector<WorkspaceInfo> workspaces = m_store->workspaces(&error);
    if (!error.empty()) {
        m_dataVersion = -1; // try again on the next tick; the table in memory stays as it was
        return;
    }
    m_keysByPrefix.clear();
    m_activeKeys = 0;
    for (ApiKeyInfo &key : keys) {
        m_activeKeys += !key.revoked();
        m_keysByPrefix[QByteArray::fromStdString(key.prefix)].push_back(std::move(key));
    }
    m_redaction.clear();
    for (const WorkspaceInfo &w : workspaces)
        m_redaction.insert(QByteArray::fromStdString(w.name), w.redaction);
}

std::optional<RequestIdentity> Authenticator::admit(const QHttpServerRequest &request,
                                                    QHttpServerResponder &responder, WireFormat format)
{
    const auto refuse = [&](const QString &detail) {
        HttpReply::error(401, "unauthorized", detail, format).send(responder);
        return std::nullopt;
    };
    QByteArray key;
    const QByteArray authorization = header(request, "Authorization");
    if (!authorization.isEmpty()) {
        // OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20<key> arrives decoded; accept it undecoded too.
        for (const QByteArray &scheme : {QByteArray("bearer "), QByteArray("bearer%20")})
            if (authorization.size() > scheme.size() && authorization.left(scheme.size()).toLower() == scheme)
                key = authorization.mid(scheme.size()).trimmed();
        if (key.isEmpty())
            return refuse(QStringLiteral("Authorization: expected \"Bearer <API key>\""));
    } else {
        key = header(request, "x-api-key");
    }

    RequestIdentity identity;
    if (key.isEmpty()) {
        if (m_requireKeys)
            return refuse(
                QStringLiteral("this listener requires an API key: send \"Authorization: Bearer "
                               "<key>\" (create one with: tracedeck keys create --workspace NAME)"));
        identity.redaction = m_redaction.value(QByteArrayLiteral("local"), true);
        return identity;
    }

    const QByteArray hash = KeyStore::hashKey(key);
    const ApiKeyInfo *found = nullptr;
    const auto candidates = m_keysByPrefix.constFind(key.left(KeyStore::kPrefixLength));
    if (candidates != m_keysByPrefix.constEnd())
        for (const ApiKeyInfo &candidate : *candidates)
            if (equalInConstantTime(candidate.hash, hash))
                found = &candidate;
    if (!found)
        return refuse(QStringLiteral("API key %1 is not known").arg(shown(key)));
    if (found->revoked())
        return refuse(QStringLiteral("API key %1 was revoked").arg(shown(key)));

    const LimitDecision decision = m_limiter.admitRequest(*found, steadySeconds());
    if (!decision.allowed) {
        HttpReply::error(429, "too_many_requests",
                         QString::fromStdString(decision.limit + ": " + decision.detail), format,
                         decision.retryAfterSeconds)
            .send(responder);
        return std::nullopt;
    }
    identity.workspace = found->workspace;
    identity.keyId = found->id;
    identity.redaction = m_redaction.value(QByteArray::fromStdString(found->workspace), true);
    return identity;
}

std::optional<HttpReply> Authenticator::admitSpans(RequestIdentity &identity, int64_t spans,
                                                   WireFormat format)
{
    if (identity.keyId == 0)
        return std::nullopt;
    const ApiKeyInfo *key = nullptr;
    for (const auto &list : std::as_const(m_keysByPrefix))
        for (const ApiKeyInfo &candidate : list)
            if (candidate.id == identity.keyId)
                key = &candidate;
    if (!key || key->revoked()) // revoked while the body was read
        return HttpReply::error(401, "unauthorized", QStringLiteral("API key was revoked"), format);
    const LimitDecision decision =
        m_limiter.admitSpans(*key, spans, steadySeconds(), m_clock(), &identity.quotaDay);
    if (decision.allowed)
        return std::nullopt;
    return HttpReply::error(429, "too_many_requests",
                            QString::fromStdString(decision.limit + ": " + decision.detail), format,
                            decision.retryAfterSeconds);
}

void Authenticator::refund(const RequestIdentity &identity, int64_t spans)
{
    if (identity.keyId != 0)
        m_limiter.refund(identity.keyId, identity.quotaDay, spans);
}

void Authenticator::saveUsage()
{
    if (!m_store)
        return;
    const std::vector<KeyLimiter::Unsaved> unsaved = m_limiter.takeUnsaved();
    if (unsaved.empty())
        return;
    std::string error;
    bool ok = m_store->database().exec("BEGIN IMMEDIATE", &error);
    for (const KeyLimiter::Unsaved &u : unsaved)
        ok = ok && m_store->addUsage(u.keyId, u.day, u.spans, &error);
    if (ok && m_store->database().exec("COMMIT", &error))
        return;
    m_store->database().exec("ROLLBACK");
    m_limiter.restoreUnsaved(unsaved); // the writer held the lock past the busy timeout: next time
}

} // namespace tracedeck

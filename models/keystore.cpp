#include "keystore.h"

#include "schema.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QRandomGenerator>

#include <sqlite3.h>

#include <algorithm>
#include <array>

namespace tracedeck {

namespace {

int64_t nowNs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

// Binds ?N parameters and steps; a statement's small helper so each query reads as SQL.
class Query {
public:
    Query(Database &db, const char *sql, std::string *error)
        : m_db(db)
        , m_stmt(db.prepare(sql, error))
    {}
    explicit operator bool() const { return bool(m_stmt); }
    Query &text(int i, const std::string &value)
    {
        sqlite3_bind_text(m_stmt.get(), i, value.data(), int(value.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Query &blob(int i, const QByteArray &value)
    {
        sqlite3_bind_blob(m_stmt.get(), i, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Query &integer(int i, int64_t value)
    {
        sqlite3_bind_int64(m_stmt.get(), i, value);
        return *this;
    }
    Query &optionalInteger(int i, const std::optional<int64_t> &value)
    {
        if (value)
            sqlite3_bind_int64(m_stmt.get(), i, *value);
        else
            sqlite3_bind_null(m_stmt.get(), i);
        return *this;
    }
    Query &optionalReal(int i, const std::optional<double> &value)
    {
        if (value)
            sqlite3_bind_double(m_stmt.get(), i, *value);
        else
            sqlite3_bind_null(m_stmt.get(), i);
        return *this;
    }
    // SQLITE_ROW, SQLITE_DONE, or an error code (then *error is set).
    int step(std::string *error)
    {
        const int rc = sqlite3_step(m_stmt.get());
        if (rc != SQLITE_ROW && rc != SQLITE_DONE && error)
            *error = m_db.lastError();
        return rc;
    }
    sqlite3_stmt *get() const { return m_stmt.get(); }

private:
    Database &m_db;
    Statement m_stmt;
};

std::string columnText(sqlite3_stmt *s, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return text ? std::string(text, size_t(sqlite3_column_bytes(s, column))) : std::string();
}

std::optional<int64_t> columnOptionalInt(sqlite3_stmt *s, int column)
{
    if (sqlite3_column_type(s, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_int64(s, column);
}

std::optional<double> columnOptionalReal(sqlite3_stmt *s, int column)
{
    if (sqlite3_column_type(s, column) == SQLITE_NULL)
        return std::nullopt;
    return sqlite3_column_double(s, column);
}

constexpr const char *kKeyColumns = "SELECT id, workspace, label, prefix, hash, created_ns, revoked_ns, "
                                    "requests_per_second, spans_per_second, spans_per_day FROM api_keys ";

ApiKeyInfo readKey(sqlite3_stmt *s)
{
    ApiKeyInfo key;
    key.id = sqlite3_column_int64(s, 0);
    key.workspace = columnText(s, 1);
    key.label = columnText(s, 2);
    key.prefix = columnText(s, 3);
    key.hash = QByteArray(static_cast<const char *>(sqlite3_column_blob(s, 4)), sqlite3_column_bytes(s, 4));
    key.createdNs = sqlite3_column_int64(s, 5);
    key.revokedNs = columnOptionalInt(s, 6);
    key.limits.requestsPerSecond = columnOptionalReal(s, 7);
    key.limits.spansPerSecond = columnOptionalReal(s, 8);
    key.limits.spansPerDay = columnOptionalInt(s, 9);
    return key;
}

std::vector<ApiKeyInfo> readKeys(Query &query, std::string *error)
{
    std::vector<ApiKeyInfo> keys;
    int rc;
    while ((rc = query.step(error)) == SQLITE_ROW)
        keys.push_back(readKey(query.get()));
    if (rc != SQLITE_DONE)
        keys.clear();
    return keys;
}

bool isAllDigits(const std::string &text)
{
    return !text.empty() && text.size() <= 18 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

KeyStore::KeyStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{}

std::unique_ptr<KeyStore> KeyStore::open(const std::string &path, std::string *error)
{
    auto db = Database::open(path, Database::Mode::ReadWrite, error);
    if (!db || !Schema::migrate(*db, error))
        return nullptr;
    return std::unique_ptr<KeyStore>(new KeyStore(std::move(db)));
}

bool KeyStore::isValidWorkspaceName(const std::string &name)
{
    if (name.empty() || name.size() > 64)
        return false;
    return std::all_of(name.begin(), name.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
               c == '.' || c == '-';
    });
}

QByteArray KeyStore::hashKey(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256);
}

QByteArray KeyStore::generateKey()
{
    std::array<quint32, 8> random; // 32 bytes
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    const QByteArray bytes(reinterpret_cast<const char *>(random.data()), qsizetype(sizeof(random)));
    return "td_" + bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool KeyStore::ensureWorkspace(const std::string &name, std::string *error)
{
    Query insert(*m_db, "INSERT OR IGNORE INTO workspaces (name, created_ns) VALUES (?1, ?2)", error);
    return insert && insert.text(1, name).integer(2, nowNs()).step(error) == SQLITE_DONE;
}

std::optional<KeyStore::Created> KeyStore::create(const std::string &workspace, const std::string &label,
                                                  const KeyLimits &limits, std::string *error)
{
    if (!isValidWorkspaceName(workspace)) {
        *error = "workspace \"" + workspace + "\": expected 1 to 64 of A-Z a-z 0-9 _ . -";
        return std::nullopt;
    }
    if ((limits.requestsPerSecond && !(*limits.requestsPerSecond > 0)) ||
        (limits.spansPerSecond && !(*limits.spansPerSecond > 0)) ||
        (limits.spansPerDay && *limits.spansPerDay <= 0)) {
        *error = "limits must be positive";
        return std::nullopt;
    }
    const QByteArray key = generateKey();
    Created created;
    created.key = key.toStdString();
    created.info.workspace = workspace;
    created.info.label = label;
    created.info.prefix = key.left(kPrefixLength).toStdString();
    created.info.hash = hashKey(key);
    created.info.createdNs = nowNs();
    created.info.limits = limits;
    if (!m_db->exec("BEGIN IMMEDIATE", error))
        return std::nullopt;
    Query insert(*m_db,
                 "INSERT INTO api_keys (workspace, label, prefix, hash, created_ns, requests_per_second, "
                 "spans_per_second, spans_per_day) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                 error);
    const bool ok = ensureWorkspace(workspace, error) && insert &&
                    insert.text(1, workspace)
                            .text(2, label)
                            .text(3, created.info.prefix)
                            .blob(4, created.info.hash)
                            .integer(5, created.info.createdNs)
                            .optionalReal(6, limits.requestsPerSecond)
                            .optionalReal(7, limits.spansPerSecond)
                            .optionalInteger(8, limits.spansPerDay)
                            .step(error) == SQLITE_DONE;
    if (!ok || !m_db->exec("COMMIT", error)) {
        m_db->exec("ROLLBACK");
        return std::nullopt;
    }
    created.info.id = sqlite3_last_insert_rowid(m_db->handle());
    return created;
}

std::vector<ApiKeyInfo> KeyStore::keys(const std::string &workspace, std::string *error)
{
    const std::string sql =
        std::string(kKeyColumns) + (workspace.empty() ? "" : "WHERE workspace = ?1 ") + "ORDER BY id DESC";
    Query query(*m_db, sql.c_str(), error);
    if (!query)
        return {};
    if (!workspace.empty())
        query.text(1, workspace);
    return readKeys(query, error);
}

std::optional<ApiKeyInfo> KeyStore::keyById(int64_t id, std::string *error)
{
    const std::string sql = std::string(kKeyColumns) + "WHERE id = ?1";
    Query query(*m_db, sql.c_str(), error);
    if (!query)
        return std::nullopt;
    query.integer(1, id);
    auto keys = readKeys(query, error);
    if (keys.empty())
        return std::nullopt;
    return keys.front();
}

std::optional<ApiKeyInfo> KeyStore::find(const std::string &idOrPrefix, std::string *error)
{
    std::vector<ApiKeyInfo> matches;
    if (isAllDigits(idOrPrefix)) {
        if (auto key = keyById(std::stoll(idOrPrefix), error))
            matches.push_back(*key);
    } else {
        const bool wholeKey = idOrPrefix.size() > size_t(kPrefixLength);
        const std::string sql =
            std::string(kKeyColumns) + (wholeKey ? "WHERE hash = ?1" : "WHERE prefix = ?1");
        Query query(*m_db, sql.c_str(), error);
        if (!query)
            return std::nullopt;
        if (wholeKey)
            query.blob(1, hashKey(QByteArray::fromStdString(idOrPrefix)));
        else
            query.text(1, idOrPrefix);
        matches = readKeys(query, error);
    }
    if (!error->empty())
        return std::nullopt;
    if (matches.empty()) {
        *error = "no API key " + idOrPrefix + " (give an id or a prefix from 'tracedeck keys list')";
        return std::nullopt;
    }
    if (matches.size() > 1) {
        *error = "prefix " + idOrPrefix + " matches " + std::to_string(matches.size()) +
                 " keys; give its id instead";
        return std::nullopt;
    }
    return matches.front();
}

std::optional<ApiKeyInfo> KeyStore::revoke(const std::string &idOrPrefix, std::string *error)
{
    std::optional<ApiKeyInfo> found = find(idOrPrefix, error);
    if (!found)
        return std::nullopt;
    ApiKeyInfo key = *found;
    if (key.revoked()) {
        *error = "API key " + std::to_string(key.id) + " (" + key.prefix + ") is already revoked";
        return std::nullopt;
    }
    Query update(*m_db, "UPDATE api_keys SET revoked_ns = ?2 WHERE id = ?1 AND revoked_ns IS NULL", error);
    key.revokedNs = nowNs();
    if (!update || update.integer(1, key.id).integer(2, *key.revokedNs).step(error) != SQLITE_DONE)
        return std::nullopt;
    return key;
}

bool KeyStore::setLimits(int64_t id, const KeyLimits &limits, std::string *error)
{
    Query update(*m_db,
                 "UPDATE api_keys SET requests_per_second = ?2, spans_per_second = ?3, spans_per_day = ?4 "
                 "WHERE id = ?1",
                 error);
    if (!update || update.integer(1, id)
                           .optionalReal(2, limits.requestsPerSecond)
                           .optionalReal(3, limits.spansPerSecond)
                           .optionalInteger(4, limits.spansPerDay)
                           .step(error) != SQLITE_DONE)
        return false;
    if (sqlite3_changes(m_db->handle()) == 0) {
        *error = "no API key " + std::to_string(id);
        return false;
    }
    return true;
}

int64_t KeyStore::activeKeyCount(std::string *error)
{
    return m_db->queryInt("SELECT count(*) FROM api_keys WHERE revoked_ns IS NULL", error);
}

std::vector<WorkspaceInfo> KeyStore::workspaces(std::string *error)
{
    Query query(*m_db, "SELECT name, retention_days, redaction, created_ns FROM workspaces ORDER BY name",
                error);
    std::vector<WorkspaceInfo> list;
    if (!query)
        return list;
    int rc;
    while ((rc = query.step(error)) == SQLITE_ROW) {
        WorkspaceInfo w;
        w.name = columnText(query.get(), 0);
        w.retentionDays = sqlite3_column_int(query.get(), 1);
        w.redaction = sqlite3_column_int(query.get(), 2) != 0;
        w.createdNs = sqlite3_column_int64(query.get(), 3);
        list.push_back(std::move(w));
    }
    if (rc != SQLITE_DONE)
        list.clear();
    return list;
}

bool KeyStore::setWorkspace(const std::string &name, std::optional<int> retentionDays,
                            std::optional<bool> redaction, std::string *error)
{
    if (!isValidWorkspaceName(name)) {
        *error = "workspace \"" + name + "\": expected 1 to 64 of A-Z a-z 0-9 _ . -";
        return false;
    }
    if (retentionDays && (*retentionDays < 1 || *retentionDays > 36500)) {
        *error = "retention days must be from 1 to 36500";
        return false;
    }
    if (!m_db->exec("BEGIN IMMEDIATE", error))
        return false;
    Query update(*m_db,
                 "UPDATE workspaces SET retention_days = coalesce(?2, retention_days), "
                 "redaction = coalesce(?3, redaction) WHERE name = ?1",
                 error);
    const bool ok =
        ensureWorkspace(name, error) && update &&
        update.text(1, name)
                .optionalInteger(2, retentionDays ? std::optional<int64_t>(*retentionDays) : std::nullopt)
                .optionalInteger(3, redaction ? std::optional<int64_t>(*redaction ? 1 : 0) : std::nullopt)
                .step(error) == SQLITE_DONE;
    if (!ok || !m_db->exec("COMMIT", error)) {
        m_db->exec("ROLLBACK");
        return false;
    }
    return true;
}

int64_t KeyStore::usage(int64_t keyId, int64_t day, std::string *error)
{
    Query query(*m_db, "SELECT spans FROM key_usage WHERE key_id = ?1 AND day = ?2", error);
    if (!query)
        return 0;
    query.integer(1, keyId).integer(2, day);
    return query.step(error) == SQLITE_ROW ? sqlite3_column_int64(query.get(), 0) : 0;
}

bool KeyStore::addUsage(int64_t keyId, int64_t day, int64_t spans, std::string *error)
{
    Query upsert(*m_db,
                 "INSERT INTO key_usage (key_id, day, spans) VALUES (?1, ?2, ?3) "
                 "ON CONFLICT (key_id, day) DO UPDATE SET spans = spans + excluded.spans",
                 error);
    return upsert && upsert.integer(1, keyId).integer(2, day).integer(3, spans).step(error) == SQLITE_DONE;
}

int64_t KeyStore::dataVersion()
{
    return m_db->queryInt("PRAGMA data_version");
}

} // namespace tracedeck

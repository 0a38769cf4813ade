#pragma once

#include "database.h"

#include <QByteArray>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// Per-key limits; nullopt means unlimited.
struct KeyLimits {
    std::optional<double> requestsPerSecond;
    std::optional<double> spansPerSecond;
    std::optional<int64_t> spansPerDay;

    bool operator==(const KeyLimits &) const = default;
};

// What is known about an API key. The key itself is never stored: only its SHA-256 and a display prefix.
struct ApiKeyInfo {
    int64_t id = 0;
    std::string workspace;
    std::string label;
    std::string prefix;
    int64_t createdNs = 0;
    std::optional<int64_t> revokedNs;
    KeyLimits limits;
    QByteArray hash; // SHA-256 of the key (filled by keys(), used by the authenticator)

    bool revoked() const { return revokedNs.has_value(); }
};

struct WorkspaceInfo {
    std::string name;
    int retentionDays = 30;
    bool redaction = true;
    int64_t createdNs = 0;
};

// Workspaces and their API keys (tables of schema v3) on a read-write connection of its own. Key admin is
// rare and small, so it does not go through the span writer; the busy timeout rides out the writer's
// commits. Not thread-safe: one per thread.
class KeyStore {
public:
    static constexpr int kPrefixLength = 10; // "td_" and 7 characters of the key

    // Opens (creating and migrating when needed) the store file.
    static std::unique_ptr<KeyStore> open(const std::string &path, std::string *error);

    // [A-Za-z0-9_.-]{1,64}
    static bool isValidWorkspaceName(const std::string &name);
    // SHA-256 of the key's bytes.
    static QByteArray hashKey(const QByteArray &key);
    // A new key: "td_" and 32 random bytes from the system's generator, base64url without padding.
    static QByteArray generateKey();

    struct Created {
        ApiKeyInfo info;
        std::string key; // the plaintext, returned this once
    };
    // Creates a key for the workspace, creating the workspace row if missing.
    std::optional<Created> create(const std::string &workspace, const std::string &label,
                                  const KeyLimits &limits, std::string *error);
    // Keys newest first; of one workspace when it is not empty. Revoked keys are listed too.
    std::vector<ApiKeyInfo> keys(const std::string &workspace, std::string *error);
    // Revokes the key with this id (all digits), this display prefix, or this full key. An ambiguous
    // prefix, an unknown key or an already revoked one is an error. Returns the revoked key.
    // A key by id, display prefix or the whole key; an error when none or several match.
    std::optional<ApiKeyInfo> find(const std::string &idOrPrefix, std::string *error);
    std::optional<ApiKeyInfo> revoke(const std::string &idOrPrefix, std::string *error);
    bool setLimits(int64_t id, const KeyLimits &limits, std::string *error);
    int64_t activeKeyCount(std::string *error);

    std::vector<WorkspaceInfo> workspaces(std::string *error);
    // Changes a workspace's settings, creating it when missing; nullopt leaves a setting as it is.
    bool setWorkspace(const std::string &name, std::optional<int> retentionDays,
                      std::optional<bool> redaction, std::string *error);

    // Spans per key taken on a UTC day (days since the epoch), as persisted.
    int64_t usage(int64_t keyId, int64_t day, std::string *error);
    // Adds to the persisted usage.
    bool addUsage(int64_t keyId, int64_t day, int64_t spans, std::string *error);

    // Changes whenever another connection commits to the file (PRAGMA data_version).
    int64_t dataVersion();
    Database &database() { return *m_db; }

private:
    explicit KeyStore(std::unique_ptr<Database> db);
    bool ensureWorkspace(const std::string &name, std::string *error);
    std::optional<ApiKeyInfo> keyById(int64_t id, std::string *error);

    std::unique_ptr<Database> m_db;
};

} // namespace tracedeck

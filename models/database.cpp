#include "database.h"

#include <sqlite3.h>

#include <utility>

namespace tracedeck {

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr))
{}

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
    }
    return *this;
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

Database::Database(sqlite3 *db, std::string path)
    : m_db(db)
    , m_path(std::move(path))
{}

Database::~Database()
{
    sqlite3_close_v2(m_db);
}

std::unique_ptr<Database> Database::open(const std::string &path, Mode mode, std::string *error)
{
    sqlite3 *db = nullptr;
    const int flags =
        (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
        SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        *error = "cannot open database " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close_v2(db);
        return nullptr;
    }
    std::unique_ptr<Database> database(new Database(db, path));
    sqlite3_busy_timeout(db, 5000);
    sqlite3_extended_result_codes(db, 1);
    // WAL lets the GUI's read connections run while the writer commits. NORMAL sync in WAL mode keeps
    // every commit across a process crash (kill -9); only an OS crash or power loss can lose the last ones.
    // Retention purges reclaim pages with incremental vacuum; a new file gets it only if it is chosen before
    // WAL mode writes the header (an older file keeps auto_vacuum off until a full VACUUM). Only for a new
    // file: on an existing one the pragma opens a write transaction, so every connection opened read-write
    // (the listener's key store, the CLI) would wait behind the writer's group commit, up to the busy
    // timeout, just to open.
    if (mode == Mode::ReadWrite) {
        std::string sizeError;
        const bool newFile = database->queryInt("PRAGMA page_count", &sizeError) == 0 && sizeError.empty();
        if ((newFile && !database->exec("PRAGMA auto_vacuum=INCREMENTAL", error)) ||
            !database->exec("PRAGMA journal_mode=WAL", error) ||
            !database->exec("PRAGMA synchronous=NORMAL", error))
            return nullptr;
    }
    // A group commit touches thousands of pages (a 1 KB prompt is one page per span). With SQLite's default
    // 2 MB cache, a transaction spills dirty pages into the WAL before it commits and rewrites them: 10x the
    // writes, measured. 64 MB keeps a whole group commit in memory.
    // Each upsert keeps a statement journal (to undo just that statement on a constraint error); in a temp
    // file that was 80% of all writes. In memory it costs a few pages per statement.
    if (!database->exec("PRAGMA cache_size=-65536", error) ||
        !database->exec("PRAGMA temp_store=MEMORY", error))
        return nullptr;
    // A quick header/schema read proves the file is a database before anyone relies on it.
    std::string readError;
    database->queryInt("PRAGMA user_version", &readError);
    if (!readError.empty()) {
        *error = "cannot read database " + path + ": " + readError;
        return nullptr;
    }
    return database;
}

bool Database::exec(const std::string &sql, std::string *error)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        if (error)
            *error = message ? message : lastError();
        sqlite3_free(message);
        return false;
    }
    return true;
}

Statement Database::prepare(const std::string &sql, std::string *error)
{
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.c_str(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr) !=
        SQLITE_OK) {
        if (error)
            *error = lastError() + " in: " + sql;
        return Statement();
    }
    return Statement(stmt);
}

int64_t Database::queryInt(const std::string &sql, std::string *error)
{
    std::string prepareError;
    Statement stmt = prepare(sql, &prepareError);
    if (!stmt) {
        if (error)
            *error = prepareError;
        return 0;
    }
    const int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_ROW)
        return sqlite3_column_int64(stmt.get(), 0);
    if (rc != SQLITE_DONE && error)
        *error = lastError();
    return 0;
}

std::string Database::lastError() const
{
    return sqlite3_errmsg(m_db);
}

} // namespace tracedeck

#pragma once

#include <cstdint>
#include <memory>
#include <string>

struct sqlite3;
struct sqlite3_stmt;

namespace tracedeck {

// A prepared statement, finalized on destruction. Reset and cleared before each use by Statement::Use.
class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt *stmt)
        : m_stmt(stmt)
    {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    sqlite3_stmt *get() const { return m_stmt; }
    explicit operator bool() const { return m_stmt != nullptr; }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

// One SQLite connection with the pragmas the store relies on (WAL, NORMAL sync, busy timeout).
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating if ReadWrite) the file. On failure returns null and sets *error.
    static std::unique_ptr<Database> open(const std::string &path, Mode mode, std::string *error);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    sqlite3 *handle() const { return m_db; }
    const std::string &path() const { return m_path; }

    // Runs SQL that returns no rows; returns false and sets *error on failure.
    bool exec(const std::string &sql, std::string *error = nullptr);
    Statement prepare(const std::string &sql, std::string *error = nullptr);
    // First column of the first row as an integer (0 when no row).
    int64_t queryInt(const std::string &sql, std::string *error = nullptr);
    std::string lastError() const;

private:
    Database(sqlite3 *db, std::string path);
    sqlite3 *m_db;
    std::string m_path;
};

} // namespace tracedeck

#include "ftsindexer.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

namespace tracedeck {

FtsIndexer::FtsIndexer(Database &db)
    : m_db(db)
{}

bool FtsIndexer::prepare(std::string *error)
{
    m_changed = m_db.prepare(
        "SELECT id, change_seq, messages, name FROM spans WHERE change_seq > ?1 ORDER BY change_seq LIMIT ?2",
        error);
    m_delete = m_db.prepare("DELETE FROM message_fts WHERE rowid = ?1", error);
    m_insert = m_db.prepare("INSERT INTO message_fts (rowid, text) VALUES (?1, ?2)", error);
    m_saveMark = m_db.prepare("UPDATE store_meta SET value = ?1 WHERE key = 'fts_indexed_seq'", error);
    if (!m_changed || !m_delete || !m_insert || !m_saveMark)
        return false;
    m_indexedSeq = m_db.queryInt("SELECT value FROM store_meta WHERE key = 'fts_indexed_seq'", error);
    return error->empty();
}

int FtsIndexer::indexSome(int maxSpans, std::string *error)
{
    if (!m_db.exec("BEGIN", error))
        return -1;
    int seen = 0;
    int64_t mark = m_indexedSeq;
    sqlite3_stmt *changed = m_changed.get();
    sqlite3_bind_int64(changed, 1, m_indexedSeq);
    sqlite3_bind_int(changed, 2, maxSpans);
    int rc;
    bool failed = false;
    while ((rc = sqlite3_step(changed)) == SQLITE_ROW) {
        ++seen;
        const int64_t rowid = sqlite3_column_int64(changed, 0);
        mark = sqlite3_column_int64(changed, 1);
        const auto *raw = reinterpret_cast<const char *>(sqlite3_column_text(changed, 2));
        // An updated span may have had text before: drop its old entry either way.
        sqlite3_bind_int64(m_delete.get(), 1, rowid);
        failed |= sqlite3_step(m_delete.get()) != SQLITE_DONE;
        sqlite3_reset(m_delete.get());
        const auto *name = reinterpret_cast<const char *>(sqlite3_column_text(changed, 3));
        std::string text = name ? std::string(name) : std::string();
        if (raw)
            text += ' ' + messageText(raw);
        if (!text.empty()) {
            sqlite3_bind_int64(m_insert.get(), 1, rowid);
            sqlite3_bind_text(m_insert.get(), 2, text.data(), int(text.size()), SQLITE_STATIC);
            failed |= sqlite3_step(m_insert.get()) != SQLITE_DONE;
            sqlite3_reset(m_insert.get());
        }
        if (failed)
            break;
    }
    failed |= rc != SQLITE_DONE && rc != SQLITE_ROW;
    sqlite3_reset(changed);
    if (!failed && seen > 0) {
        sqlite3_bind_int64(m_saveMark.get(), 1, mark);
        failed = sqlite3_step(m_saveMark.get()) != SQLITE_DONE;
        sqlite3_reset(m_saveMark.get());
    }
    if (failed) {
        *error = "full-text indexing: " + m_db.lastError();
        m_db.exec("ROLLBACK");
        return -1;
    }
    if (!m_db.exec("COMMIT", error))
        return -1;
    m_indexedSeq = mark;
    return seen;
}

std::string FtsIndexer::messageText(const std::string &messagesJson)
{
    const auto messages = nlohmann::json::parse(messagesJson, nullptr, false);
    if (!messages.is_array())
        return {};
    std::string text;
    auto append = [&text](const nlohmann::json &value) {
        if (value.is_string() && !value.get_ref<const std::string &>().empty()) {
            if (!text.empty())
                text += '\n';
            text += value.get_ref<const std::string &>();
        } else if (!value.is_null() && !value.is_string()) {
            if (!text.empty())
                text += '\n';
            text += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        }
    };
    for (const auto &message : messages) {
        if (!message.is_object())
            continue;
        if (auto it = message.find("content"); it != message.end())
            append(*it);
        if (auto calls = message.find("tool_calls"); calls != message.end() && calls->is_array()) {
            for (const auto &call : *calls) {
                if (!call.is_object())
                    continue;
                if (auto name = call.find("name"); name != call.end())
                    append(*name);
                if (auto args = call.find("arguments"); args != call.end())
                    append(*args);
            }
        }
    }
    return text;
}

} // namespace tracedeck

#pragma once

#include "database.h"

#include <cstdint>
#include <string>

namespace tracedeck {

// Fills the full-text index over LLM message text behind the span commits (DESIGN.md §2): it follows
// spans.change_seq with a high-water mark kept in store_meta, a small transaction at a time, so search
// lags under peak load and catches up when the writer is idle, and no acknowledgement waits on it.
class FtsIndexer {
public:
    explicit FtsIndexer(Database &db);
    bool prepare(std::string *error);

    // Indexes up to maxSpans changed spans in one transaction. Returns the number of spans looked at
    // (0 = caught up), or -1 on error.
    int indexSome(int maxSpans, std::string *error);
    int64_t indexedSeq() const { return m_indexedSeq; }

    // The searchable text of a messages column: every message's content and tool-call arguments.
    static std::string messageText(const std::string &messagesJson);

private:
    Database &m_db;
    Statement m_changed;
    Statement m_delete;
    Statement m_insert;
    Statement m_saveMark;
    int64_t m_indexedSeq = 0;
};

} // namespace tracedeck

#pragma once

#include "database.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace tracedeck {

// Copies the write-ahead log back into the database file on a thread and connection of its own, so the writer
// thread only appends. SQLite's default runs that copy (and its fsync) inside whichever commit crosses 1000
// pages: on the writer's critical path, it cut the writer's rate by about 3x (tests/bench/bench_ingest).
// Passive checkpoints never block the writer or readers.
class WalCheckpointer {
public:
    // Opens its own connection to path and hooks the writer's connection so each commit that leaves enough
    // new frames in the log wakes it.
    static std::unique_ptr<WalCheckpointer> start(const std::string &path, Database &writerDb,
                                                  std::string *error);
    ~WalCheckpointer(); // unhooks the writer's connection: call while the writer is not committing

    static constexpr int kFramesBeforeCheckpoint = 1000;

private:
    WalCheckpointer(std::unique_ptr<Database> db, Database &writerDb);
    static int onCommit(void *self, struct sqlite3 *, const char *, int framesInLog);
    void wake();
    void run();

    std::unique_ptr<Database> m_db;
    Database &m_writerDb;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace tracedeck

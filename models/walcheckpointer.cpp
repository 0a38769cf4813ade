#include "walcheckpointer.h"

#include <sqlite3.h>

namespace tracedeck {

std::unique_ptr<WalCheckpointer> WalCheckpointer::start(const std::string &path, Database &writerDb,
                                                        std::string *error)
{
    auto db = Database::open(path, Database::Mode::ReadWrite, error);
    if (!db)
        return nullptr;
    std::unique_ptr<WalCheckpointer> checkpointer(new WalCheckpointer(std::move(db), writerDb));
    // Replaces SQLite's auto-checkpoint on the writer's connection (which is itself a wal hook).
    sqlite3_wal_hook(writerDb.handle(), &WalCheckpointer::onCommit, checkpointer.get());
    checkpointer->m_thread = std::thread([c = checkpointer.get()] { c->run(); });
    return checkpointer;
}

WalCheckpointer::WalCheckpointer(std::unique_ptr<Database> db, Database &writerDb)
    : m_db(std::move(db))
    , m_writerDb(writerDb)
{}

WalCheckpointer::~WalCheckpointer()
{
    sqlite3_wal_hook(m_writerDb.handle(), nullptr, nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

int WalCheckpointer::onCommit(void *self, sqlite3 *, const char *, int framesInLog)
{
    if (framesInLog >= kFramesBeforeCheckpoint)
        static_cast<WalCheckpointer *>(self)->wake();
    return SQLITE_OK;
}

void WalCheckpointer::wake()
{
    {
        std::lock_guard lock(m_mutex);
        m_pending = true;
    }
    m_wake.notify_one();
}

void WalCheckpointer::run()
{
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_pending || m_stopping; });
            if (m_stopping)
                return;
            m_pending = false;
        }
        int logFrames = 0;
        int copiedFrames = 0;
        sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, &logFrames,
                                  &copiedFrames);
    }
}

} // namespace tracedeck

#pragma once

#include "costrecomputer.h"
#include "database.h"
#include "span.h"
#include "spaninserter.h"

#include <QObject>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

namespace tracedeck {

class FtsIndexer;
class RetentionPurger;
class WalCheckpointer;

struct CommitResult {
    bool ok = false;
    std::string error; // when !ok: why the batch was not stored
    WriteStats stats;
};

// The store's single writer (DESIGN.md §2). Every source submits batches to one bounded queue; a thread of
// its own takes all that is queued, commits it in one transaction (group commit), and only then calls
// each batch's callback — that callback is what lets a listener answer 2xx. When the queue is full,
// submit() says so at once, so callers can push back (HTTP 429) instead of buffering without limit.
class SpanWriter : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const CommitResult &)>; // called on the writer thread

    struct Options {
        size_t maxQueuedSpans = 200'000;
        size_t maxSpansPerCommit = 50'000;
        int ftsSpansPerStep = 200;
        // Full-text indexing waits until no batch has arrived for this long: under sustained load search
        // lags and catches up in the pauses, and no acknowledgement waits behind an indexing step.
        std::chrono::milliseconds ftsIdleDelay{50};
        // Retention (RetentionPurger): checked at start and then every interval, purged in small
        // transactions when no batch waits, interleaved with ingest commits. Zero (the default here) turns
        // the purge off (tests, `tracedeck import`); the app's Engine passes kRetentionCheckInterval.
        std::chrono::milliseconds retentionCheckInterval{0};
        int purgeSpansPerStep = 2000;
        std::chrono::milliseconds purgeStepBudget{20};
        int vacuumPagesPerStep = 256;
        // Cost recomputes (CostRecomputer) after the prices change: the same small steps as the purge.
        int recomputeSpansPerStep = 2000;
        std::chrono::milliseconds recomputeStepBudget{20};
        // Wall clock in ns since the epoch for retention horizons; empty: the system clock. Tests inject one.
        std::function<int64_t()> clock;
    };

    static constexpr std::chrono::minutes kRetentionCheckInterval{10};

    enum class Submit { Accepted, QueueFull, Stopped };

    // Opens or creates the database file, migrates its schema, starts the writer thread.
    static std::unique_ptr<SpanWriter> open(const std::string &path, const Options &options,
                                            std::string *error);
    static std::unique_ptr<SpanWriter> open(const std::string &path, std::string *error)
    {
        return open(path, Options{}, error);
    }
    ~SpanWriter() override; // commits what is queued, then closes the database

    // Serializes the spans' JSON on the calling thread, then queues them.
    Submit submit(SpanBatch &&spans, Callback done);
    Submit submit(EncodedBatch &&spans, Callback done);
    // Stops taking batches, commits everything queued, joins the thread. Idempotent.
    void stop();
    // Starts a retention check now instead of at the next interval (also when periodic checks are off).
    void checkRetention();
    // Prices every stored span whose cost was not sent by its client again with cost (CostRecomputer), in
    // the background between commits; a pass already running starts over with the new function.
    void recomputeCosts(CostFunction cost);

    const std::string &path() const { return m_path; }
    int64_t storedSpans() const { return m_storedSpans.load(); }
    int64_t storedTraces() const { return m_storedTraces.load(); }
    size_t queuedSpans() const;
    int64_t ftsIndexedSeq() const { return m_ftsIndexedSeq.load(); }
    int64_t changeSeq() const { return m_changeSeq.load(); }

Q_SIGNALS:
    // Emitted from the writer thread after each commit that stored something.
    void committed(qint64 newSpans, qint64 storedSpans, qint64 storedTraces);
    // Emitted when the full-text index has caught up with every committed change.
    void ftsCaughtUp(qint64 indexedSeq);
    // Emitted from the writer thread after each purge transaction that deleted traces (views refresh).
    void purged(qint64 traces, qint64 spans, qint64 storedSpans, qint64 storedTraces);
    // Emitted when a retention pass (deletes, then incremental vacuum) has finished.
    void retentionPassFinished(qint64 purgedTraces, qint64 purgedSpans, qint64 vacuumedPages);
    // Emitted from the writer thread while costs are recomputed (0 … 1, by whole percents), then once when
    // the pass is over or failed (error not empty; what was committed before the failure stays).
    void costRecomputeProgress(double fraction);
    void costsRecomputed(qint64 changedSpans, qint64 changedTraces, const QString &error);

private:
    struct Request {
        EncodedBatch spans;
        Callback done;
    };

    SpanWriter(std::unique_ptr<Database> db, const Options &options);
    bool initialize(std::string *error);
    bool queueFull(size_t incoming) const;
    void run();
    void commit(std::deque<Request> &requests);
    bool retentionDue(std::chrono::steady_clock::time_point now);
    void purgeStep();
    void recomputeStep();
    int64_t wallClockNs() const;

    std::unique_ptr<Database> m_db;
    std::unique_ptr<SpanInserter> m_inserter;
    std::unique_ptr<FtsIndexer> m_fts;
    std::unique_ptr<WalCheckpointer> m_checkpointer;
    std::unique_ptr<RetentionPurger> m_purger;
    std::unique_ptr<CostRecomputer> m_recomputer;
    Options m_options;
    std::string m_path;

    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Request> m_queue;
    size_t m_queuedSpans = 0;
    bool m_stopping = false;
    bool m_retentionWanted = false; // set at start when periodic checks are on
    CostFunction m_recomputeWanted;
    std::thread m_thread;

    int64_t m_seq = 0;                                          // writer thread only
    std::chrono::steady_clock::time_point m_nextRetentionCheck; // writer thread only
    int64_t m_passTraces = 0;                                   // writer thread only
    int64_t m_passSpans = 0;
    int64_t m_passPages = 0;
    int64_t m_recomputedSpans = 0; // writer thread only
    int64_t m_recomputedTraces = 0;
    int m_recomputePercent = -1;
    std::atomic<int64_t> m_changeSeq{0};
    std::atomic<int64_t> m_storedSpans{0};
    std::atomic<int64_t> m_storedTraces{0};
    std::atomic<int64_t> m_ftsIndexedSeq{0};
};

} // namespace tracedeck

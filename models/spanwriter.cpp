#include "spanwriter.h"

#include "ftsindexer.h"
#include "retentionpurger.h"
#include "schema.h"
#include "walcheckpointer.h"

#include <QDebug>

#include <chrono>
#include <utility>

namespace tracedeck {

std::unique_ptr<SpanWriter> SpanWriter::open(const std::string &path, const Options &options,
                                             std::string *error)
{
    auto db = Database::open(path, Database::Mode::ReadWrite, error);
    if (!db)
        return nullptr;
    if (!Schema::migrate(*db, error))
        return nullptr;
    std::unique_ptr<SpanWriter> writer(new SpanWriter(std::move(db), options));
    if (!writer->initialize(error))
        return nullptr;
    writer->m_thread = std::thread([w = writer.get()] { w->run(); });
    return writer;
}

SpanWriter::SpanWriter(std::unique_ptr<Database> db, const Options &options)
    : m_db(std::move(db))
    , m_options(options)
    , m_path(m_db->path())
    , m_retentionWanted(options.retentionCheckInterval.count() > 0)
{}

SpanWriter::~SpanWriter()
{
    stop();
    // Its connection closes first, so the writer's close (the last one) checkpoints and removes the log.
    m_checkpointer.reset();
}

bool SpanWriter::initialize(std::string *error)
{
    m_inserter = std::make_unique<SpanInserter>(*m_db);
    m_fts = std::make_unique<FtsIndexer>(*m_db);
    RetentionPurger::Settings purge;
    purge.spansPerStep = m_options.purgeSpansPerStep;
    purge.stepBudget = m_options.purgeStepBudget;
    purge.vacuumPagesPerStep = m_options.vacuumPagesPerStep;
    m_purger = std::make_unique<RetentionPurger>(*m_db, purge);
    CostRecomputer::Settings recompute;
    recompute.spansPerStep = m_options.recomputeSpansPerStep;
    recompute.stepBudget = m_options.recomputeStepBudget;
    m_recomputer = std::make_unique<CostRecomputer>(*m_db, recompute);
    if (!m_inserter->prepare(error) || !m_fts->prepare(error) || !m_purger->prepare(error) ||
        !m_recomputer->prepare(error))
        return false;
    m_checkpointer = WalCheckpointer::start(m_path, *m_db, error);
    if (!m_checkpointer)
        return false;
    m_seq = m_db->queryInt("SELECT coalesce(max(change_seq), 0) FROM spans", error);
    m_storedSpans = m_db->queryInt("SELECT count(*) FROM spans", error);
    m_storedTraces = m_db->queryInt("SELECT count(*) FROM traces", error);
    m_changeSeq = m_seq;
    m_ftsIndexedSeq = m_fts->indexedSeq();
    return error->empty();
}

SpanWriter::Submit SpanWriter::submit(SpanBatch &&spans, Callback done)
{
    if (queueFull(spans.size()))
        return Submit::QueueFull; // refuse before spending time on encoding
    return submit(encodeBatch(std::move(spans)), std::move(done));
}

bool SpanWriter::queueFull(size_t incoming) const
{
    std::lock_guard lock(m_mutex);
    return m_queuedSpans > 0 && m_queuedSpans + incoming > m_options.maxQueuedSpans;
}

SpanWriter::Submit SpanWriter::submit(EncodedBatch &&spans, Callback done)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_stopping)
            return Submit::Stopped;
        // A batch bigger than the whole queue is still taken when nothing else waits, or it could never go
        // in.
        if (m_queuedSpans > 0 && m_queuedSpans + spans.size() > m_options.maxQueuedSpans)
            return Submit::QueueFull;
        m_queuedSpans += spans.size();
        m_queue.push_back(Request{std::move(spans), std::move(done)});
    }
    m_wake.notify_one();
    return Submit::Accepted;
}

size_t SpanWriter::queuedSpans() const
{
    std::lock_guard lock(m_mutex);
    return m_queuedSpans;
}

void SpanWriter::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void SpanWriter::checkRetention()
{
    {
        std::lock_guard lock(m_mutex);
        m_retentionWanted = true;
    }
    m_wake.notify_one();
}

void SpanWriter::recomputeCosts(CostFunction cost)
{
    {
        std::lock_guard lock(m_mutex);
        m_recomputeWanted = std::move(cost);
    }
    m_wake.notify_one();
}

int64_t SpanWriter::wallClockNs() const
{
    if (m_options.clock)
        return m_options.clock();
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

bool SpanWriter::retentionDue(std::chrono::steady_clock::time_point now)
{
    bool wanted = false;
    {
        std::lock_guard lock(m_mutex);
        wanted = std::exchange(m_retentionWanted, false);
    }
    return wanted || (m_options.retentionCheckInterval.count() > 0 && now >= m_nextRetentionCheck);
}

void SpanWriter::purgeStep()
{
    std::string error;
    const RetentionPurger::Step step = m_purger->step(&error);
    if (!step.ok) {
        qWarning("tracedeck: retention purge: %s", error.c_str());
        return;
    }
    if (step.traces > 0) {
        m_storedSpans -= step.spans;
        m_storedTraces -= step.traces;
        m_passTraces += step.traces;
        m_passSpans += step.spans;
        Q_EMIT purged(step.traces, step.spans, m_storedSpans.load(), m_storedTraces.load());
    }
    m_passPages += step.vacuumedPages;
    if (!m_purger->busy())
        Q_EMIT retentionPassFinished(m_passTraces, m_passSpans, m_passPages);
}

void SpanWriter::recomputeStep()
{
    CostFunction wanted;
    {
        std::lock_guard lock(m_mutex);
        wanted = std::move(m_recomputeWanted);
        m_recomputeWanted = nullptr;
    }
    std::string error;
    if (wanted) {
        m_recomputedSpans = m_recomputedTraces = 0;
        m_recomputePercent = -1;
        if (!m_recomputer->begin(std::move(wanted), &error)) {
            Q_EMIT costsRecomputed(0, 0, QString::fromStdString(error));
            return;
        }
    }
    const CostRecomputer::Step step = m_recomputer->step(&error);
    m_recomputedSpans += step.changedSpans;
    m_recomputedTraces += step.changedTraces;
    if (!step.ok) {
        Q_EMIT costsRecomputed(m_recomputedSpans, m_recomputedTraces, QString::fromStdString(error));
        return;
    }
    if (m_recomputer->busy()) {
        const int percent = int(m_recomputer->progress() * 100);
        if (percent != m_recomputePercent) {
            m_recomputePercent = percent;
            Q_EMIT costRecomputeProgress(percent / 100.0);
        }
        return;
    }
    Q_EMIT costRecomputeProgress(1.0);
    Q_EMIT costsRecomputed(m_recomputedSpans, m_recomputedTraces, QString());
}

void SpanWriter::run()
{
    bool ftsBehind = m_fts->indexedSeq() < m_seq;
    bool justCommitted = false;
    m_nextRetentionCheck = std::chrono::steady_clock::now();
    for (;;) {
        std::deque<Request> taken;
        {
            std::unique_lock lock(m_mutex);
            const auto hasWork = [this] {
                return !m_queue.empty() || m_stopping || m_retentionWanted || m_recomputeWanted;
            };
            // A purge step is short (purgeStepBudget), so it runs as soon as the queue is empty: under
            // sustained ingest it still moves, and a batch waits for at most one step.
            if (!m_purger->busy() && !m_recomputer->busy() && !m_recomputeWanted) {
                if (!ftsBehind && m_options.retentionCheckInterval.count() > 0)
                    m_wake.wait_until(lock, m_nextRetentionCheck, hasWork);
                else if (!ftsBehind)
                    m_wake.wait(lock, hasWork);
                else if (justCommitted) // clients often send again right after an answer: let them go first
                    m_wake.wait_for(lock, m_options.ftsIdleDelay, hasWork);
            }
            if (m_queue.empty() && m_stopping)
                break;
            size_t spans = 0;
            while (!m_queue.empty() &&
                   (taken.empty() || spans + m_queue.front().spans.size() <= m_options.maxSpansPerCommit)) {
                spans += m_queue.front().spans.size();
                taken.push_back(std::move(m_queue.front()));
                m_queue.pop_front();
            }
            m_queuedSpans -= spans;
        }
        justCommitted = !taken.empty();
        if (!taken.empty()) {
            commit(taken);
            ftsBehind = m_fts->indexedSeq() < m_seq;
            continue;
        }
        // Idle: spend the time on retention, then the full-text index, a small transaction at a time.
        const auto now = std::chrono::steady_clock::now();
        if (!m_purger->busy() && retentionDue(now)) {
            m_nextRetentionCheck = now + m_options.retentionCheckInterval;
            std::string error;
            m_passTraces = m_passSpans = m_passPages = 0;
            if (!m_purger->begin(wallClockNs(), &error))
                qWarning("tracedeck: retention check: %s", error.c_str());
        }
        if (m_purger->busy()) { // the full-text index resumes when the pass is over
            purgeStep();
            continue;
        }
        bool recomputeWanted = false;
        {
            std::lock_guard lock(m_mutex);
            recomputeWanted = bool(m_recomputeWanted);
        }
        if (recomputeWanted || m_recomputer->busy()) {
            recomputeStep();
            continue;
        }
        if (!ftsBehind)
            continue;
        std::string error;
        const int seen = m_fts->indexSome(m_options.ftsSpansPerStep, &error);
        if (seen < 0)
            qWarning("tracedeck: %s", error.c_str());
        m_ftsIndexedSeq = m_fts->indexedSeq();
        ftsBehind = seen > 0 && m_fts->indexedSeq() < m_seq;
        if (!ftsBehind && seen >= 0)
            Q_EMIT ftsCaughtUp(m_fts->indexedSeq());
    }
}

void SpanWriter::commit(std::deque<Request> &requests)
{
    CommitResult result;
    std::string error;
    int64_t seq = m_seq;
    const int64_t storedNs = wallClockNs();
    bool ok = m_db->exec("BEGIN", &error);
    for (const Request &request : requests) {
        if (!ok)
            break;
        ok = m_inserter->write(request.spans, storedNs, seq, &result.stats, &error);
    }
    if (ok)
        ok = m_db->exec("COMMIT", &error);
    if (!ok) {
        m_db->exec("ROLLBACK");
        result = CommitResult{};
        result.error = "database write failed: " + error;
        qWarning("tracedeck: %s", result.error.c_str());
    } else {
        result.ok = true;
        m_seq = seq;
        m_changeSeq = seq;
        m_storedSpans += result.stats.inserted;
        m_storedTraces += result.stats.newTraces;
    }
    // Per-batch stats are not tracked separately: every batch of one commit gets the commit's outcome.
    for (const Request &request : requests)
        if (request.done)
            request.done(result);
    if (result.ok && (result.stats.inserted > 0 || result.stats.updated > 0))
        Q_EMIT committed(result.stats.inserted, m_storedSpans.load(), m_storedTraces.load());
}

} // namespace tracedeck

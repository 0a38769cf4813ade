#pragma once

#include "spanwriter.h"

#include <chrono>
#include <future>
#include <memory>

namespace tracedeck::testing {

// Submits a batch to the writer and waits for its commit callback (called on the writer thread).
inline CommitResult writeAndWait(SpanWriter &writer, SpanBatch batch)
{
    auto promise = std::make_shared<std::promise<CommitResult>>();
    auto future = promise->get_future();
    if (writer.submit(std::move(batch), [promise](const CommitResult &r) { promise->set_value(r); }) !=
        SpanWriter::Submit::Accepted)
        return {};
    if (future.wait_for(std::chrono::seconds(30)) != std::future_status::ready)
        return {};
    return future.get();
}

} // namespace tracedeck::testing

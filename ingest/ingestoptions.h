#pragma once

#include "listenaddress.h"
#include "redactor.h"

#include <cstdint>
#include <functional>

namespace tracedeck {

struct IngestOptions {
    ListenAddress address;
    qsizetype maxBodyBytes = 20 * 1024 * 1024; // per request, compressed and inflated alike
    int retryAfterSeconds = 1;                 // advised to clients when the writer's queue is full
    Redactor::Rules redaction;                 // applied to every span before it is stored
    // Every request needs an API key, on loopback too. A non-loopback address always requires keys.
    bool requireKeys = false;
    // UTC now in ms for the spans/day quota (tests move the day); empty: the system clock.
    std::function<int64_t()> utcClock;

    bool keysRequired() const { return requireKeys || !address.isLoopback(); }
};

} // namespace tracedeck

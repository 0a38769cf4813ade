#pragma once

#include "listenaddress.h"
#include "redactor.h"

namespace tracedeck {

struct IngestOptions {
    ListenAddress address;
    qsizetype maxBodyBytes = 20 * 1024 * 1024; // per request, compressed and inflated alike
    int retryAfterSeconds = 1;                 // advised to clients when the writer's queue is full
    Redactor::Rules redaction;                 // applied to every span before it is stored
};

} // namespace tracedeck

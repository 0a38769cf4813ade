#pragma once

#include "servicegraph.h"

#include <cstdint>
#include <optional>
#include <string>

namespace tracedeck {

class StoreReader;

// The service map of a time range: the path graph (ServiceGraph) over every span of a workspace that starts
// in [fromNs, toNs) instead of one trace. A service is entered by a root span or by a span whose parent is
// in another service (a call); an edge counts the calls from the parent's service into the child's, with
// their errors and median latency. Calls to peers without spans of their own (ServiceGraph) are external
// nodes, as in a trace's graph. A range of more than kMaxSpans spans is mapped from its latest kMaxSpans
// (*capped is set): each span costs an index seek for its parent, ~10 µs on a cold 1M-span store.
class ServiceMap {
public:
    static constexpr int kMaxSpans = 200'000;
    static ServiceGraph load(StoreReader &reader, const std::string &workspace, std::optional<int64_t> fromNs,
                             std::optional<int64_t> toNs, bool *capped, std::string *error);
};

} // namespace tracedeck

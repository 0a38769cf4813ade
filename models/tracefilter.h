#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

namespace tracedeck {

// Which traces the list shows. Empty strings mean "any". service and model accept a trailing `*`
// (`gpt-4*`); text is matched word by word against span names and LLM message text (all words must occur).
struct TraceFilter {
    std::string workspace = "local";
    std::string text;
    std::string requestId;
    std::string traceId;
    std::string userId;
    std::string sessionId;
    std::string service;
    std::string model;
    std::optional<int> statusCode;
    bool errorsOnly = false;
    bool okOnly = false;
    std::optional<int64_t> fromNs; // trace start >= fromNs
    std::optional<int64_t> toNs;   // trace start < toNs

    bool operator==(const TraceFilter &) const = default;

    // Parses what a user types in the filter bar: `service:ml-service status:error model:gpt-4* refund`.
    // Fields: service, model, user, session, request, trace, status (error|ok|<http code>), code
    // (http code), is:error. Values may be quoted ("a b"). Words that are not a known field are free text,
    // so `https://…` and `a:b` stay searchable. Sets *error (and returns what it could read) when a field's
    // value is malformed, e.g. `status:abc`.
    static TraceFilter parse(const QString &query, QString *error = nullptr);
    // The query string parse() turns back into this filter's fields (time range and workspace excluded).
    QString toQuery() const;
};

} // namespace tracedeck

#include "zipkindecoder.h"

#include "boundedjson.h"
#include "spanids.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tracedeck {

namespace {

using json = nlohmann::json;

// Larger microsecond values would overflow int64 nanoseconds.
constexpr int64_t kMaxMicros = std::numeric_limits<int64_t>::max() / 1000;
constexpr size_t kMaxQuotedChars = 48;

struct Endpoint {
    std::string serviceName;
    std::string ipv4;
    std::string ipv6;
    int port = 0;
};

// One decoded span before the body-wide rules (fragments, shared halves, duplicates) are applied.
struct Pending {
    Span span;
    std::string originalId;
    std::string endpointKey; // the whole localEndpoint: Zipkin tells shared halves apart by it
    size_t index = 0;
    int64_t durationMicros = 0;
    bool hasTimestamp = false;
    bool shared = false;
    bool sharedServer = false;
    bool dropped = false;
};

std::string quotedText(std::string_view text)
{
    if (text.size() <= kMaxQuotedChars)
        return '"' + std::string(text) + '"';
    size_t cut = kMaxQuotedChars;
    // Never split a UTF-8 sequence: the message may end up in JSON.
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut;
    return '"' + std::string(text.substr(0, cut)) + "…\"";
}

bool isAllZero(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
}

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
                       [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; });
}

int kindFromName(std::string_view name)
{
    if (name == "CLIENT")
        return 3;
    if (name == "SERVER")
        return 2;
    if (name == "PRODUCER")
        return 4;
    if (name == "CONSUMER")
        return 5;
    return -1;
}

bool isAbsent(const json *value)
{
    return value == nullptr || value->is_null();
}

std::string endpointKey(const Endpoint &e)
{
    std::string key;
    key.reserve(e.serviceName.size() + e.ipv4.size() + e.ipv6.size() + 10);
    key += e.serviceName;
    key += '\x1f';
    key += e.ipv4;
    key += '\x1f';
    key += e.ipv6;
    key += '\x1f';
    key += std::to_string(e.port);
    return key;
}

std::string idKey(const std::string &traceId, const std::string &spanId)
{
    return traceId + '/' + spanId;
}

class SpanReader {
public:
    explicit SpanReader(size_t index)
        : m_prefix('[' + std::to_string(index) + ']')
    {}

    bool read(json &in, Pending &out);
    std::string takeError() { return std::move(m_error); }

private:
    bool fail(std::string_view field, std::string_view message)
    {
        m_error = m_prefix;
        if (!field.empty()) {
            m_error += '.';
            m_error += field;
        }
        m_error += ": ";
        m_error += message;
        return false;
    }
    bool failType(std::string_view field, std::string_view expected, const json &got)
    {
        return fail(field, "expected " + std::string(expected) + ", got " + got.type_name());
    }

    bool readString(json *value, std::string_view field, std::string &out);
    bool readId(json *value, std::string_view field, size_t maxHex, size_t padTo, bool required,
                std::string &out);
    bool readMicros(const json *value, std::string_view field, int64_t &out);
    bool readBool(const json *value, std::string_view field, bool &out);
    bool readEndpoint(json *value, std::string_view field, Endpoint &out);
    bool readTags(json *value, json &attributes);
    bool readAnnotations(json *value, json &events);

    std::string m_prefix;
    std::string m_error;
};

bool SpanReader::readString(json *value, std::string_view field, std::string &out)
{
    if (isAbsent(value))
        return true;
    if (!value->is_string())
        return failType(field, "a string", *value);
    out = std::move(value->get_ref<std::string &>());
    return true;
}

bool SpanReader::readId(json *value, std::string_view field, size_t maxHex, size_t padTo, bool required,
                        std::string &out)
{
    if (isAbsent(value))
        return required ? fail(field, "missing") : true;
    if (!value->is_string())
        return failType(field, "a hex string", *value);
    const auto &text = value->get_ref<const std::string &>();
    // B3 propagation writes an absent parent as empty or all zeros.
    if (!required && (text.empty() || (text.size() <= maxHex && isAllZero(text))))
        return true;
    auto id = spanids::fromZipkinHex(text, maxHex, padTo);
    if (!id)
        return fail(field, "not a Zipkin id (1 to " + std::to_string(maxHex) +
                               " hex digits, not all zero): " + quotedText(text));
    out = std::move(*id);
    return true;
}

bool SpanReader::readMicros(const json *value, std::string_view field, int64_t &out)
{
    out = 0;
    if (isAbsent(value))
        return true;
    if (value->is_number_unsigned()) {
        const auto v = value->get<uint64_t>();
        if (v > static_cast<uint64_t>(kMaxMicros))
            return fail(field, "out of range: " + std::to_string(v) + " µs");
        out = static_cast<int64_t>(v);
        return true;
    }
    if (value->is_number_integer()) {
        const auto v = value->get<int64_t>();
        if (v < 0)
            return fail(field, "negative: " + std::to_string(v) + " µs");
        if (v > kMaxMicros)
            return fail(field, "out of range: " + std::to_string(v) + " µs");
        out = v;
        return true;
    }
    if (value->is_number_float()) {
        // The OpenTelemetry JS Zipkin exporter sends start times as fractional microseconds.
        const double v = value->get<double>();
        if (v < 0)
            return fail(field, "negative: " + value->dump() + " µs");
        if (!std::isfinite(v) || v > double(kMaxMicros))
            return fail(field, "out of range: " + value->dump() + " µs");
        out = std::llround(v);
        return true;
    }
    return failType(field, "a number of microseconds", *value);
}

bool SpanReader::readBool(const json *value, std::string_view field, bool &out)
{
    out = false;
    if (isAbsent(value))
        return true;
    if (!value->is_boolean())
        return failType(field, "true or false", *value);
    out = value->get<bool>();
    return true;
}

bool SpanReader::readEndpoint(json *value, std::string_view field, Endpoint &out)
{
    if (isAbsent(value))
        return true;
    if (!value->is_object())
        return failType(field, "an object", *value);
    const std::string f(field);
    for (auto &[key, item] : value->get_ref<json::object_t &>()) {
        if (key == "serviceName") {
            if (!readString(&item, f + ".serviceName", out.serviceName))
                return false;
        } else if (key == "ipv4") {
            if (!readString(&item, f + ".ipv4", out.ipv4))
                return false;
        } else if (key == "ipv6") {
            if (!readString(&item, f + ".ipv6", out.ipv6))
                return false;
        } else if (key == "port") {
            if (item.is_null())
                continue;
            if (!item.is_number_integer())
                return failType(f + ".port", "an integer", item);
            const auto port = item.get<int64_t>();
            if (port < 0 || port > 65535)
                return fail(f + ".port", "out of range: " + std::to_string(port));
            out.port = static_cast<int>(port);
        }
    }
    return true;
}

bool SpanReader::readTags(json *value, json &attributes)
{
    if (isAbsent(value))
        return true;
    if (!value->is_object())
        return failType("tags", "an object of strings", *value);
    for (auto &[key, item] : value->get_ref<json::object_t &>()) {
        if (item.is_string())
            attributes[key] = std::move(item.get_ref<std::string &>());
        else if (item.is_number() || item.is_boolean()) // Zipkin says strings; some clients send scalars
            attributes[key] = item.dump();
        else
            return failType("tags." + key, "a string", item);
    }
    return true;
}

bool SpanReader::readAnnotations(json *value, json &events)
{
    if (isAbsent(value))
        return true;
    if (!value->is_array())
        return failType("annotations", "an array", *value);
    auto &items = value->get_ref<json::array_t &>();
    events.get_ref<json::array_t &>().reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string field = "annotations[" + std::to_string(i) + ']';
        auto &item = items[i];
        if (!item.is_object())
            return failType(field, "an object", item);
        json *timestamp = nullptr;
        json *text = nullptr;
        for (auto &[key, v] : item.get_ref<json::object_t &>()) {
            if (key == "timestamp")
                timestamp = &v;
            else if (key == "value")
                text = &v;
        }
        if (isAbsent(timestamp))
            return fail(field + ".timestamp", "missing");
        int64_t micros = 0;
        if (!readMicros(timestamp, field + ".timestamp", micros))
            return false;
        if (isAbsent(text))
            return fail(field + ".value", "missing");
        if (!text->is_string())
            return failType(field + ".value", "a string", *text);
        events.push_back(json{{"name", std::move(text->get_ref<std::string &>())},
                              {"timeNs", micros * 1000},
                              {"attributes", json::object()}});
    }
    return true;
}

bool SpanReader::read(json &in, Pending &out)
{
    if (!in.is_object())
        return failType({}, "a Zipkin span object", in);

    json *traceId = nullptr, *id = nullptr, *parentId = nullptr, *kind = nullptr, *name = nullptr,
         *timestamp = nullptr, *duration = nullptr, *localEndpoint = nullptr, *remoteEndpoint = nullptr,
         *annotations = nullptr, *tags = nullptr, *debug = nullptr, *shared = nullptr;
    for (auto &[key, value] : in.get_ref<json::object_t &>()) {
        json **slot = nullptr;
        if (key == "traceId")
            slot = &traceId;
        else if (key == "id")
            slot = &id;
        else if (key == "parentId")
            slot = &parentId;
        else if (key == "kind")
            slot = &kind;
        else if (key == "name")
            slot = &name;
        else if (key == "timestamp")
            slot = &timestamp;
        else if (key == "duration")
            slot = &duration;
        else if (key == "localEndpoint")
            slot = &localEndpoint;
        else if (key == "remoteEndpoint")
            slot = &remoteEndpoint;
        else if (key == "annotations")
            slot = &annotations;
        else if (key == "tags")
            slot = &tags;
        else if (key == "debug")
            slot = &debug;
        else if (key == "shared")
            slot = &shared;
        if (slot)
            *slot = &value;
    }

    Span &span = out.span;
    span.source = "zipkin";
    if (!readId(traceId, "traceId", 32, 32, true, span.traceId) ||
        !readId(id, "id", 16, 16, true, span.spanId) ||
        !readId(parentId, "parentId", 16, 16, false, span.parentSpanId))
        return false;
    if (span.parentSpanId == span.spanId) // a self-parent would make a cycle in every tree built later
        span.parentSpanId.clear();
    out.originalId = span.spanId;

    if (!isAbsent(kind)) {
        if (!kind->is_string())
            return failType("kind", "a string", *kind);
        const auto &kindName = kind->get_ref<const std::string &>();
        span.kind = kindFromName(kindName);
        if (span.kind < 0)
            return fail("kind", "unknown value " + quotedText(kindName) +
                                    " (expected CLIENT, SERVER, PRODUCER or CONSUMER)");
    }
    if (!readString(name, "name", span.name))
        return false;

    int64_t startMicros = 0;
    if (!readMicros(timestamp, "timestamp", startMicros) ||
        !readMicros(duration, "duration", out.durationMicros))
        return false;
    // Zipkin reads 0 as "not set" for both.
    out.hasTimestamp = startMicros > 0;
    span.startNs = startMicros * 1000;
    if (out.durationMicros > (std::numeric_limits<int64_t>::max() - span.startNs) / 1000)
        return fail("duration", "out of range: timestamp + duration overflows");
    span.endNs = span.startNs + out.durationMicros * 1000;

    Endpoint local;
    Endpoint remote;
    if (!readEndpoint(localEndpoint, "localEndpoint", local) ||
        !readEndpoint(remoteEndpoint, "remoteEndpoint", remote) || !readTags(tags, span.attributes) ||
        !readAnnotations(annotations, span.events))
        return false;
    bool isDebug = false;
    if (!readBool(debug, "debug", isDebug) || !readBool(shared, "shared", out.shared))
        return false;

    // Explicit tags win over what the endpoint implies.
    if (!remote.serviceName.empty())
        span.attributes.emplace("peer.service", std::move(remote.serviceName));
    if (!remote.ipv4.empty())
        span.attributes.emplace("network.peer.address", std::move(remote.ipv4));
    else if (!remote.ipv6.empty())
        span.attributes.emplace("network.peer.address", std::move(remote.ipv6));
    if (remote.port > 0)
        span.attributes.emplace("network.peer.port", remote.port);
    if (isDebug)
        span.attributes["zipkin.debug"] = true;

    if (const auto error = span.attributes.find("error"); error != span.attributes.end()) {
        span.status = SpanStatus::Error;
        if (error->is_string())
            span.statusMessage = error->get<std::string>();
    }

    out.endpointKey = endpointKey(local);
    if (!local.serviceName.empty())
        span.resource["service.name"] = local.serviceName;
    if (!local.ipv4.empty() || !local.ipv6.empty()) {
        // host.ip is a string[] in the OTel semantic conventions.
        json ips = json::array();
        if (!local.ipv4.empty())
            ips.push_back(std::move(local.ipv4));
        if (!local.ipv6.empty())
            ips.push_back(std::move(local.ipv6));
        span.resource["host.ip"] = std::move(ips);
    }
    if (local.port > 0)
        span.resource["host.port"] = local.port;
    span.service = std::move(local.serviceName);
    return true;
}

bool sameContent(const Pending &a, const Pending &b)
{
    const Span &x = a.span;
    const Span &y = b.span;
    return a.endpointKey == b.endpointKey && x.parentSpanId == y.parentSpanId && x.name == y.name &&
           x.kind == y.kind && x.startNs == y.startNs && x.endNs == y.endNs && x.status == y.status &&
           x.statusMessage == y.statusMessage && x.attributes == y.attributes && x.events == y.events &&
           x.resource == y.resource;
}

// Among candidates (indexes into pending), the one with the same localEndpoint as `endpoint`, else the only
// one with the same service name; SIZE_MAX when none or ambiguous.
size_t matchByEndpoint(const std::vector<Pending> &pending, const std::vector<size_t> &candidates,
                       const std::string &endpoint, const std::string &service)
{
    size_t byService = SIZE_MAX;
    int serviceMatches = 0;
    for (size_t c : candidates) {
        if (pending[c].endpointKey == endpoint)
            return c;
        if (!service.empty() && pending[c].span.service == service) {
            byService = c;
            ++serviceMatches;
        }
    }
    return serviceMatches == 1 ? byService : SIZE_MAX;
}

// Zipkin reports late data (tags, annotations, a name) as a span with the same id and endpoint but no
// timestamp; the Zipkin server and UI merge such fragments into the span they complete.
void mergeFragment(Pending &into, Pending &&fragment)
{
    Span &to = into.span;
    Span &from = fragment.span;
    if (to.name.empty())
        to.name = std::move(from.name);
    if (to.kind == 0)
        to.kind = from.kind;
    if (to.parentSpanId.empty())
        to.parentSpanId = std::move(from.parentSpanId);
    if (to.endNs == to.startNs && fragment.durationMicros > 0 &&
        fragment.durationMicros <= (std::numeric_limits<int64_t>::max() - to.startNs) / 1000)
        to.endNs = to.startNs + fragment.durationMicros * 1000;
    for (auto &[key, value] : from.attributes.get_ref<json::object_t &>())
        to.attributes.emplace(key, std::move(value));
    for (auto &[key, value] : from.resource.get_ref<json::object_t &>())
        to.resource.emplace(key, std::move(value));
    for (auto &event : from.events)
        to.events.push_back(std::move(event));
    if (to.status == SpanStatus::Unset && from.status == SpanStatus::Error) {
        to.status = from.status;
        to.statusMessage = std::move(from.statusMessage);
    }
    into.shared = into.shared || fragment.shared;
}

void mergeFragments(std::vector<Pending> &pending, DecodeResult &result)
{
    if (std::all_of(pending.begin(), pending.end(), [](const Pending &p) { return p.hasTimestamp; }))
        return;
    std::unordered_map<std::string, std::vector<size_t>> placed;
    for (size_t i = 0; i < pending.size(); ++i)
        if (pending[i].hasTimestamp)
            placed[idKey(pending[i].span.traceId, pending[i].originalId)].push_back(i);
    for (auto &p : pending) {
        if (p.hasTimestamp)
            continue;
        size_t target = SIZE_MAX;
        if (const auto it = placed.find(idKey(p.span.traceId, p.originalId)); it != placed.end()) {
            target = matchByEndpoint(pending, it->second, p.endpointKey, p.span.service);
            if (target == SIZE_MAX && it->second.size() == 1 && p.span.service.empty())
                target = it->second.front();
        }
        p.dropped = true;
        if (target == SIZE_MAX)
            result.reject('[' + std::to_string(p.index) +
                          "].timestamp: missing, and no span with the same id and localEndpoint in this "
                          "body to merge it into");
        else
            mergeFragment(pending[target], std::move(p));
    }
}

void splitSharedServers(std::vector<Pending> &pending)
{
    // Zipkin backfills a missing shared flag on a SERVER span whose CLIENT half is in the same trace:
    // some instrumentation reuses the client's id without saying so.
    std::unordered_set<std::string> clientIds;
    for (const auto &p : pending)
        if (!p.dropped && p.span.kind == 3)
            clientIds.insert(idKey(p.span.traceId, p.originalId));
    for (auto &p : pending) {
        if (p.dropped || p.span.kind != 2)
            continue;
        if (!p.shared && !clientIds.count(idKey(p.span.traceId, p.originalId)))
            continue;
        p.sharedServer = true;
        p.span.spanId = spanids::derivedSpanId(p.originalId, "zipkin-shared-server");
        p.span.parentSpanId = p.originalId;
        p.span.attributes["zipkin.shared"] = true;
        p.span.attributes["zipkin.original_id"] = p.originalId;
    }
}

void separateDuplicates(std::vector<Pending> &pending, DecodeResult &result)
{
    std::unordered_map<std::string, std::vector<size_t>> kept;
    kept.reserve(pending.size());
    for (size_t i = 0; i < pending.size(); ++i) {
        Pending &p = pending[i];
        if (p.dropped)
            continue;
        auto &same = kept[idKey(p.span.traceId, p.span.spanId)];
        if (same.empty()) {
            same.push_back(i);
            continue;
        }
        if (std::any_of(same.begin(), same.end(), [&](size_t k) { return sameContent(pending[k], p); })) {
            p.dropped = true;
            continue;
        }
        same.push_back(i);
        const std::string derived =
            spanids::derivedSpanId(p.originalId, "zipkin-duplicate-" + std::to_string(p.index));
        p.span.attributes["tracedeck.warning"] = "another span in the same body had traceId " +
                                                 p.span.traceId + " and id " + p.originalId +
                                                 "; this one was given a derived id to keep both";
        p.span.attributes["zipkin.original_id"] = p.originalId;
        if (result.errors.size() < DecodeResult::kMaxErrors)
            result.errors.push_back('[' + std::to_string(p.index) + "].id: " + p.originalId +
                                    " is used by a different span in this body too; kept both, this one as " +
                                    derived);
        p.span.spanId = derived;
        kept[idKey(p.span.traceId, derived)].push_back(i);
    }
}

// Zipkin's tree builder attaches a span whose parent is a shared id to the server half with the same
// localEndpoint rather than to the client half. Beyond that exact match, a span of the same service is
// attached when only one server half has that service, unless it is a SERVER or CONSUMER (another
// receiver of the client call) or sits in the client half's own endpoint (a service calling itself).
void attachToSharedServers(std::vector<Pending> &pending)
{
    std::unordered_map<std::string, std::vector<size_t>> servers;
    for (size_t i = 0; i < pending.size(); ++i)
        if (!pending[i].dropped && pending[i].sharedServer)
            servers[idKey(pending[i].span.traceId, pending[i].originalId)].push_back(i);
    if (servers.empty())
        return;
    std::unordered_map<std::string, size_t> clients;
    for (size_t i = 0; i < pending.size(); ++i)
        if (!pending[i].dropped && !pending[i].sharedServer &&
            servers.count(idKey(pending[i].span.traceId, pending[i].span.spanId)))
            clients.emplace(idKey(pending[i].span.traceId, pending[i].span.spanId), i);

    for (auto &p : pending) {
        Span &span = p.span;
        if (p.dropped || p.sharedServer || span.parentSpanId.empty())
            continue;
        const std::string key = idKey(span.traceId, span.parentSpanId);
        const auto it = servers.find(key);
        if (it == servers.end())
            continue;
        size_t server = SIZE_MAX;
        size_t byService = SIZE_MAX;
        int serviceMatches = 0;
        for (size_t s : it->second) {
            if (pending[s].endpointKey == p.endpointKey) {
                server = s;
                break;
            }
            if (!span.service.empty() && pending[s].span.service == span.service) {
                byService = s;
                ++serviceMatches;
            }
        }
        if (server == SIZE_MAX && serviceMatches == 1 && span.kind != 2 && span.kind != 5) {
            const auto client = clients.find(key);
            if (client == clients.end() || pending[client->second].endpointKey != p.endpointKey)
                server = byService;
        }
        if (server != SIZE_MAX)
            span.parentSpanId = pending[server].span.spanId;
    }
}

} // namespace

DecodeResult ZipkinDecoder::decode(std::string_view body)
{
    DecodeResult result;
    if (isBlank(body)) {
        result.fatalError = "empty body";
        return result;
    }
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.fatalError = std::move(error);
        return result;
    }
    return decodeDocument(document);
}

DecodeResult ZipkinDecoder::decodeDocument(nlohmann::json &document, size_t firstIndex)
{
    DecodeResult result;
    if (!document.is_array()) {
        result.fatalError = "expected a JSON array of Zipkin v2 spans";
        return result;
    }

    auto &items = document.get_ref<json::array_t &>();
    std::vector<Pending> pending;
    pending.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        Pending p;
        p.index = firstIndex + i;
        SpanReader reader(firstIndex + i);
        if (reader.read(items[i], p))
            pending.push_back(std::move(p));
        else
            result.reject(reader.takeError());
    }

    mergeFragments(pending, result);
    splitSharedServers(pending);
    separateDuplicates(pending, result);
    attachToSharedServers(pending);

    result.spans.reserve(pending.size());
    for (auto &p : pending)
        if (!p.dropped)
            result.spans.push_back(std::move(p.span));
    return result;
}

} // namespace tracedeck

#include "otlpjsondecoder.h"

#include "boundedjson.h"
#include "otlpattributes.h"
#include "spanids.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace tracedeck {

namespace {

using json = nlohmann::json;

// A member found in an object, with the key as the client spelled it (camelCase or proto snake_case) so
// error messages name what the client actually sent.
struct Member {
    json *value = nullptr;
    std::string_view key;

    // proto3 JSON: null stands for the field's default value.
    bool present() const { return value != nullptr && !value->is_null(); }
    std::string_view name(std::string_view canonical) const { return value ? key : canonical; }
};

struct KeyName {
    std::string_view name;
    int slot;
};

// One pass over the object's members; unknown keys are ignored.
template <size_t N, size_t S>
void collect(json &object, const KeyName (&names)[N], std::array<Member, S> &members)
{
    for (auto &[key, value] : object.get_ref<json::object_t &>()) {
        for (const auto &n : names) {
            if (n.name == key) {
                members[n.slot] = Member{&value, key};
                break;
            }
        }
    }
}

std::string cat(std::initializer_list<std::string_view> parts)
{
    size_t size = 0;
    for (auto p : parts)
        size += p.size();
    std::string out;
    out.reserve(size);
    for (auto p : parts)
        out.append(p);
    return out;
}

std::string expected(std::string_view what, const json &value)
{
    return cat({"expected ", what, ", got ", value.type_name()});
}

// A value quoted for a message, cut short so a huge bad value cannot flood the error text.
std::string shownText(std::string_view text)
{
    constexpr size_t kMax = 40;
    if (text.size() <= kMax)
        return cat({"\"", text, "\""});
    return cat({"\"", text.substr(0, kMax), "…\""});
}

// 64-bit integers come as JSON numbers or, per the proto3 JSON mapping, as decimal strings.
bool readInt64(const json &value, bool allowNegative, int64_t &out, std::string &err)
{
    constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
    switch (value.type()) {
    case json::value_t::number_integer:
        out = value.get<int64_t>();
        break;
    case json::value_t::number_unsigned: {
        const auto u = value.get<uint64_t>();
        if (u > uint64_t(kMax)) {
            err = otlp::tooLargeForInt64(std::to_string(u));
            return false;
        }
        out = int64_t(u);
        break;
    }
    case json::value_t::number_float: {
        const double d = value.get<double>();
        if (!std::isfinite(d) || std::trunc(d) != d) {
            err = cat({"expected an integer, got ", value.dump()});
            return false;
        }
        if (d >= 9223372036854775808.0 || d < -9223372036854775808.0) {
            err = otlp::tooLargeForInt64(value.dump());
            return false;
        }
        out = int64_t(d);
        break;
    }
    case json::value_t::string: {
        const auto &s = value.get_ref<const std::string &>();
        const char *begin = s.data();
        const char *end = begin + s.size();
        std::from_chars_result r{};
        if (!s.empty() && s[0] == '-') {
            r = std::from_chars(begin, end, out);
        } else {
            uint64_t u = 0;
            r = std::from_chars(begin, end, u);
            if (r.ec == std::errc() && r.ptr == end && u > uint64_t(kMax))
                r.ec = std::errc::result_out_of_range;
            out = int64_t(u);
        }
        if (r.ec == std::errc::result_out_of_range) {
            err = otlp::tooLargeForInt64(s);
            return false;
        }
        if (r.ec != std::errc() || r.ptr != end) {
            err = cat({"expected an integer, got ", shownText(s)});
            return false;
        }
        break;
    }
    default:
        err = expected("an integer (number or decimal string)", value);
        return false;
    }
    if (!allowNegative && out < 0) {
        err = cat({"must not be negative, got ", std::to_string(out)});
        return false;
    }
    return true;
}

// Numbers, or the proto3 JSON strings "NaN", "Infinity", "-Infinity" (and numbers in strings).
bool readDouble(const json &value, double &out, std::string &err)
{
    if (value.is_number()) {
        out = value.get<double>();
        return true;
    }
    if (value.is_string()) {
        const auto &s = value.get_ref<const std::string &>();
        if (s == "NaN") {
            out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (s == "Infinity" || s == "-Infinity") {
            out = s[0] == '-' ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity();
            return true;
        }
        const auto r = std::from_chars(s.data(), s.data() + s.size(), out);
        if (r.ec == std::errc() && r.ptr == s.data() + s.size())
            return true;
        err = cat({"expected a number, got ", shownText(s)});
        return false;
    }
    err = expected("a number", value);
    return false;
}

template <size_t N>
bool readEnum(const json &value, const std::string_view (&names)[N], int &out, std::string &err,
              std::string (*unknown)(std::string_view))
{
    if (value.is_number_integer()) {
        const auto n = value.get<int64_t>();
        if (n < 0 || n >= int64_t(N)) {
            err = unknown(std::to_string(n));
            return false;
        }
        out = int(n);
        return true;
    }
    if (value.is_string()) {
        const auto &s = value.get_ref<const std::string &>();
        const auto it = std::find(std::begin(names), std::end(names), s);
        if (it == std::end(names)) {
            err = unknown(shownText(s));
            return false;
        }
        out = int(it - std::begin(names));
        return true;
    }
    err = expected("an integer or an enum name", value);
    return false;
}

constexpr std::string_view kSpanKindNames[] = {"SPAN_KIND_UNSPECIFIED", "SPAN_KIND_INTERNAL",
                                               "SPAN_KIND_SERVER",      "SPAN_KIND_CLIENT",
                                               "SPAN_KIND_PRODUCER",    "SPAN_KIND_CONSUMER"};
constexpr std::string_view kStatusCodeNames[] = {"STATUS_CODE_UNSET", "STATUS_CODE_OK", "STATUS_CODE_ERROR"};
static_assert(std::size(kSpanKindNames) == otlp::kMaxSpanKind + 1);
static_assert(std::size(kStatusCodeNames) == otlp::kMaxStatusCode + 1);

bool readString(const Member &m, std::string &out, std::string &err)
{
    if (!m.present())
        return true;
    if (!m.value->is_string()) {
        err = cat({m.key, ": ", expected("a string", *m.value)});
        return false;
    }
    out = std::move(m.value->get_ref<std::string &>());
    return true;
}

bool isBase64OfZeros(std::string_view text, size_t byteLength)
{
    const auto decoded = QByteArray::fromBase64Encoding(QByteArray(text.data(), qsizetype(text.size())),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    return decoded && size_t(decoded.decoded.size()) == byteLength &&
           std::all_of(decoded.decoded.begin(), decoded.decoded.end(), [](char c) { return c == 0; });
}

enum class IdRole {
    Required, // a span's own traceId/spanId
    Parent,   // empty or all zero: a root span
    Link,     // empty or all zero kept: OTel records links with invalid contexts when they carry attributes
};

bool readId(const Member &m, std::string_view canonical, size_t byteLength, IdRole role, std::string &out,
            std::string &err)
{
    const std::string_view name = m.name(canonical);
    if (!m.present()) {
        if (role != IdRole::Required)
            return true;
        err = cat({name, ": missing"});
        return false;
    }
    if (!m.value->is_string()) {
        err = cat({name, ": ", expected("a hex string", *m.value)});
        return false;
    }
    const auto &text = m.value->get_ref<const std::string &>();
    if (text.empty()) {
        if (role != IdRole::Required)
            return true;
        err = cat({name, ": missing (empty string)"});
        return false;
    }
    if (auto id = spanids::fromOtlpJson(text, byteLength)) {
        out = std::move(*id);
        return true;
    }
    const bool zeroHex = text.size() == byteLength * 2 &&
                         std::all_of(text.begin(), text.end(), [](char c) { return c == '0'; });
    if (zeroHex || isBase64OfZeros(text, byteLength)) {
        if (role == IdRole::Parent)
            return true;
        if (role == IdRole::Link) {
            out.assign(byteLength * 2, '0');
            return true;
        }
        err = cat({name, ": all zero, which OTLP defines as an invalid id"});
        return false;
    }
    const auto bytes = std::to_string(byteLength);
    const auto hexChars = std::to_string(byteLength * 2);
    err = cat({name, ": must be ", bytes, " bytes (", hexChars, " hex chars), got ",
               std::to_string(text.size()), " chars"});
    if (text.size() == byteLength * 2)
        err += cat({" that are not hex: ", shownText(text)});
    return false;
}

bool readAnyValue(json &value, json &out, std::string &err);

// An OTLP KeyValue list into a plain object; the last of duplicate keys wins. err starts with "[" or ":"
// so the caller can put the list's own name in front.
bool readKeyValues(json &list, json::object_t &out, std::string &err)
{
    if (!list.is_array()) {
        err = cat({": ", expected("an array", list)});
        return false;
    }
    auto &items = list.get_ref<json::array_t &>();
    for (size_t i = 0; i < items.size(); ++i) {
        json &kv = items[i];
        if (!kv.is_object()) {
            err = cat({"[", std::to_string(i), "]: ", expected("an object {key, value}", kv)});
            return false;
        }
        json *key = nullptr;
        json *val = nullptr;
        for (auto &[k, v] : kv.get_ref<json::object_t &>()) {
            if (k == "key")
                key = &v;
            else if (k == "value")
                val = &v;
        }
        std::string keyText;
        if (key && !key->is_null()) {
            if (!key->is_string()) {
                err = cat({"[", std::to_string(i), "].key: ", expected("a string", *key)});
                return false;
            }
            keyText = std::move(key->get_ref<std::string &>());
        }
        json converted;
        if (val && !val->is_null()) {
            std::string sub;
            if (!readAnyValue(*val, converted, sub)) {
                err = cat({"[", shownText(keyText), "].value", sub});
                return false;
            }
        }
        out.insert_or_assign(std::move(keyText), std::move(converted));
    }
    return true;
}

enum AnyValueType { String, Bool, Int, Double, Array, Kvlist, Bytes };

constexpr KeyName kAnyValueKeys[] = {
    {"stringValue", String},  {"boolValue", Bool},     {"intValue", Int},        {"doubleValue", Double},
    {"arrayValue", Array},    {"kvlistValue", Kvlist}, {"bytesValue", Bytes},    {"string_value", String},
    {"bool_value", Bool},     {"int_value", Int},      {"double_value", Double}, {"array_value", Array},
    {"kvlist_value", Kvlist}, {"bytes_value", Bytes},
};

// The values list of an ArrayValue or KeyValueList message; *values stays null when the list is absent.
bool valuesOf(json &message, json *&values, std::string &err)
{
    values = nullptr;
    if (!message.is_object()) {
        err = cat({": ", expected("an object {values}", message)});
        return false;
    }
    auto &object = message.get_ref<json::object_t &>();
    const auto it = object.find("values");
    if (it != object.end() && !it->second.is_null())
        values = &it->second;
    return true;
}

// OTLP AnyValue to plain JSON. An AnyValue with no value set becomes null. err starts with ":" or ".".
bool readAnyValue(json &value, json &out, std::string &err)
{
    if (!value.is_object()) {
        err = cat({": ", expected("an object (AnyValue)", value)});
        return false;
    }
    json *found = nullptr;
    std::string_view foundKey;
    int type = String;
    for (auto &[k, v] : value.get_ref<json::object_t &>()) {
        for (const auto &n : kAnyValueKeys) {
            if (n.name != k)
                continue;
            if (!v.is_null()) {
                if (found) {
                    err = cat({": more than one value set (", foundKey, " and ", k, ")"});
                    return false;
                }
                found = &v;
                foundKey = k;
                type = n.slot;
            }
            break;
        }
    }
    if (!found) {
        out = nullptr;
        return true;
    }
    json &v = *found;
    std::string sub;
    switch (type) {
    case String:
        if (!v.is_string()) {
            err = cat({".", foundKey, ": ", expected("a string", v)});
            return false;
        }
        out = std::move(v);
        return true;
    case Bool:
        if (!v.is_boolean()) {
            err = cat({".", foundKey, ": ", expected("a boolean", v)});
            return false;
        }
        out = v.get<bool>();
        return true;
    case Int: {
        int64_t n = 0;
        if (!readInt64(v, true, n, sub)) {
            err = cat({".", foundKey, ": ", sub});
            return false;
        }
        out = n;
        return true;
    }
    case Double: {
        double d = 0;
        if (!readDouble(v, d, sub)) {
            err = cat({".", foundKey, ": ", sub});
            return false;
        }
        out = d;
        return true;
    }
    case Array: {
        json *values = nullptr;
        if (!valuesOf(v, values, sub)) {
            err = cat({".", foundKey, sub});
            return false;
        }
        json::array_t array;
        if (!values) {
            out = std::move(array);
            return true;
        }
        if (!values->is_array()) {
            err = cat({".", foundKey, ".values: ", expected("an array", *values)});
            return false;
        }
        auto &items = values->get_ref<json::array_t &>();
        array.reserve(items.size());
        for (size_t i = 0; i < items.size(); ++i) {
            json element;
            if (!readAnyValue(items[i], element, sub)) {
                err = cat({".", foundKey, ".values[", std::to_string(i), "]", sub});
                return false;
            }
            array.push_back(std::move(element));
        }
        out = std::move(array);
        return true;
    }
    case Kvlist: {
        json *values = nullptr;
        if (!valuesOf(v, values, sub)) {
            err = cat({".", foundKey, sub});
            return false;
        }
        json::object_t object;
        if (values && !readKeyValues(*values, object, sub)) {
            err = cat({".", foundKey, ".values", sub});
            return false;
        }
        out = std::move(object);
        return true;
    }
    case Bytes: {
        if (!v.is_string()) {
            err = cat({".", foundKey, ": ", expected("a base64 string", v)});
            return false;
        }
        // proto3 JSON accepts standard or URL-safe base64, padded or not; store one spelling.
        const auto &text = v.get_ref<const std::string &>();
        const QByteArray raw(text.data(), qsizetype(text.size()));
        auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded)
            decoded = QByteArray::fromBase64Encoding(raw, QByteArray::Base64UrlEncoding |
                                                              QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded) {
            err = cat({".", foundKey, ": not valid base64"});
            return false;
        }
        out =
            otlp::base64Encode(std::string_view(decoded.decoded.constData(), size_t(decoded.decoded.size())));
        return true;
    }
    }
    return true;
}

// A KeyValue list member (absent or null: no attributes) into a JSON object.
bool readAttributes(const Member &m, json &out, std::string &err)
{
    if (!out.is_object())
        out = json::object();
    if (m.present()) {
        std::string sub;
        if (!readKeyValues(*m.value, out.get_ref<json::object_t &>(), sub)) {
            err = cat({m.key, sub});
            return false;
        }
    }
    return true;
}

bool readTime(const Member &m, std::string_view canonical, int64_t &out, std::string &err)
{
    if (!m.present())
        return true;
    std::string sub;
    if (!readInt64(*m.value, false, out, sub)) {
        err = cat({m.name(canonical), ": ", sub});
        return false;
    }
    return true;
}

std::string indexed(std::string_view key, size_t i)
{
    return cat({key, "[", std::to_string(i), "]"});
}

enum EventSlot { EvTime, EvName, EvAttributes, EvCount };
constexpr KeyName kEventKeys[] = {
    {"timeUnixNano", EvTime}, {"time_unix_nano", EvTime}, {"name", EvName}, {"attributes", EvAttributes}};

bool readEvents(const Member &m, json &out, std::string &err)
{
    if (!m.present())
        return true;
    if (!m.value->is_array()) {
        err = cat({m.key, ": ", expected("an array", *m.value)});
        return false;
    }
    auto &items = m.value->get_ref<json::array_t &>();
    auto &events = out.get_ref<json::array_t &>();
    events.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object()) {
            err = cat({indexed(m.key, i), ": ", expected("an object", items[i])});
            return false;
        }
        std::array<Member, EvCount> f;
        collect(items[i], kEventKeys, f);
        std::string name;
        int64_t time = 0;
        json attributes;
        std::string sub;
        if (!readTime(f[EvTime], "timeUnixNano", time, sub) || !readString(f[EvName], name, sub) ||
            !readAttributes(f[EvAttributes], attributes, sub)) {
            err = cat({indexed(m.key, i), ".", sub});
            return false;
        }
        events.push_back(otlp::makeEvent(std::move(name), time, std::move(attributes)));
    }
    return true;
}

enum LinkSlot { LkTrace, LkSpan, LkAttributes, LkCount };
constexpr KeyName kLinkKeys[] = {{"traceId", LkTrace},
                                 {"trace_id", LkTrace},
                                 {"spanId", LkSpan},
                                 {"span_id", LkSpan},
                                 {"attributes", LkAttributes}};

bool readLinks(const Member &m, json &out, std::string &err)
{
    if (!m.present())
        return true;
    if (!m.value->is_array()) {
        err = cat({m.key, ": ", expected("an array", *m.value)});
        return false;
    }
    auto &items = m.value->get_ref<json::array_t &>();
    auto &links = out.get_ref<json::array_t &>();
    links.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is_object()) {
            err = cat({indexed(m.key, i), ": ", expected("an object", items[i])});
            return false;
        }
        std::array<Member, LkCount> f;
        collect(items[i], kLinkKeys, f);
        std::string traceId;
        std::string spanId;
        json attributes;
        std::string sub;
        if (!readId(f[LkTrace], "traceId", spanids::kTraceIdBytes, IdRole::Link, traceId, sub) ||
            !readId(f[LkSpan], "spanId", spanids::kSpanIdBytes, IdRole::Link, spanId, sub) ||
            !readAttributes(f[LkAttributes], attributes, sub)) {
            err = cat({indexed(m.key, i), ".", sub});
            return false;
        }
        links.push_back(otlp::makeLink(std::move(traceId), std::move(spanId), std::move(attributes)));
    }
    return true;
}

enum StatusSlot { StCode, StMessage, StCount };
constexpr KeyName kStatusKeys[] = {{"code", StCode}, {"message", StMessage}};

bool readStatus(const Member &m, Span &span, std::string &err)
{
    if (!m.present())
        return true;
    if (!m.value->is_object()) {
        err = cat({m.key, ": ", expected("an object", *m.value)});
        return false;
    }
    std::array<Member, StCount> f;
    collect(*m.value, kStatusKeys, f);
    std::string sub;
    int code = 0;
    if (f[StCode].present() &&
        !readEnum(*f[StCode].value, kStatusCodeNames, code, sub, otlp::unknownStatusCode)) {
        err = cat({m.key, ".code: ", sub});
        return false;
    }
    if (!readString(f[StMessage], span.statusMessage, sub)) {
        err = cat({m.key, ".", sub});
        return false;
    }
    span.status = static_cast<SpanStatus>(code);
    return true;
}

enum SpanSlot {
    SpTrace,
    SpSpan,
    SpParent,
    SpName,
    SpKind,
    SpStart,
    SpEnd,
    SpAttributes,
    SpEvents,
    SpLinks,
    SpStatus,
    SpCount
};
constexpr KeyName kSpanKeys[] = {
    {"traceId", SpTrace},
    {"spanId", SpSpan},
    {"parentSpanId", SpParent},
    {"name", SpName},
    {"kind", SpKind},
    {"startTimeUnixNano", SpStart},
    {"endTimeUnixNano", SpEnd},
    {"attributes", SpAttributes},
    {"events", SpEvents},
    {"links", SpLinks},
    {"status", SpStatus},
    {"trace_id", SpTrace},
    {"span_id", SpSpan},
    {"parent_span_id", SpParent},
    {"start_time_unix_nano", SpStart},
    {"end_time_unix_nano", SpEnd},
};

// Fields are checked in a fixed order (not the object's key order) so the reported error is stable.
bool readSpan(json &object, Span &span, std::string &err)
{
    if (!object.is_object()) {
        err = cat({": ", expected("an object", object)});
        return false;
    }
    std::array<Member, SpCount> f;
    collect(object, kSpanKeys, f);
    std::string sub;
    if (!readId(f[SpTrace], "traceId", spanids::kTraceIdBytes, IdRole::Required, span.traceId, sub) ||
        !readId(f[SpSpan], "spanId", spanids::kSpanIdBytes, IdRole::Required, span.spanId, sub) ||
        !readId(f[SpParent], "parentSpanId", spanids::kSpanIdBytes, IdRole::Parent, span.parentSpanId, sub) ||
        !readString(f[SpName], span.name, sub)) {
        err = cat({".", sub});
        return false;
    }
    if (f[SpKind].present() &&
        !readEnum(*f[SpKind].value, kSpanKindNames, span.kind, sub, otlp::unknownSpanKind)) {
        err = cat({".", f[SpKind].key, ": ", sub});
        return false;
    }
    if (!readTime(f[SpStart], "startTimeUnixNano", span.startNs, sub) ||
        !readTime(f[SpEnd], "endTimeUnixNano", span.endNs, sub)) {
        err = cat({".", sub});
        return false;
    }
    if (span.endNs < span.startNs) {
        err = cat(
            {".", f[SpEnd].name("endTimeUnixNano"), ": ", otlp::endBeforeStart(span.startNs, span.endNs)});
        return false;
    }
    if (!readStatus(f[SpStatus], span, sub) || !readAttributes(f[SpAttributes], span.attributes, sub) ||
        !readEvents(f[SpEvents], span.events, sub) || !readLinks(f[SpLinks], span.links, sub)) {
        err = cat({".", sub});
        return false;
    }
    return true;
}

enum ScopeSlot { ScName, ScVersion, ScAttributes, ScCount };
constexpr KeyName kScopeKeys[] = {{"name", ScName}, {"version", ScVersion}, {"attributes", ScAttributes}};

bool readScope(const Member &m, json &out, std::string &err)
{
    std::string name;
    std::string version;
    json attributes = json::object();
    if (m.present()) {
        if (!m.value->is_object()) {
            err = cat({m.key, ": ", expected("an object", *m.value)});
            return false;
        }
        std::array<Member, ScCount> f;
        collect(*m.value, kScopeKeys, f);
        std::string sub;
        if (!readString(f[ScName], name, sub) || !readString(f[ScVersion], version, sub) ||
            !readAttributes(f[ScAttributes], attributes, sub)) {
            err = cat({m.key, ".", sub});
            return false;
        }
    }
    out = otlp::makeScope(std::move(name), std::move(version), std::move(attributes));
    return true;
}

bool readResource(const Member &m, json &out, std::string &err)
{
    if (!m.present()) {
        out = json::object();
        return true;
    }
    if (!m.value->is_object()) {
        err = cat({m.key, ": ", expected("an object", *m.value)});
        return false;
    }
    auto &object = m.value->get_ref<json::object_t &>();
    const auto it = object.find("attributes");
    std::string sub;
    if (!readAttributes(it == object.end() ? Member{} : Member{&it->second, it->first}, out, sub)) {
        err = cat({m.key, ".", sub});
        return false;
    }
    return true;
}

enum ScopeSpansSlot { SsScope, SsSpans, SsCount };
constexpr KeyName kScopeSpansKeys[] = {{"scope", SsScope},
                                       {"spans", SsSpans},
                                       {"instrumentationLibrary", SsScope},
                                       {"instrumentation_library", SsScope}};

enum ResourceSpansSlot { RsResource, RsScopeSpans, RsCount };
constexpr KeyName kResourceSpansKeys[] = {{"resource", RsResource},
                                          {"scopeSpans", RsScopeSpans},
                                          {"scope_spans", RsScopeSpans},
                                          {"instrumentationLibrarySpans", RsScopeSpans},
                                          {"instrumentation_library_spans", RsScopeSpans}};

enum RequestSlot { RqResourceSpans, RqCount };
constexpr KeyName kRequestKeys[] = {{"resourceSpans", RqResourceSpans}, {"resource_spans", RqResourceSpans}};

size_t spansIn(json &scopeSpans)
{
    if (!scopeSpans.is_object())
        return 0;
    std::array<Member, SsCount> f;
    collect(scopeSpans, kScopeSpansKeys, f);
    return f[SsSpans].present() && f[SsSpans].value->is_array() ? f[SsSpans].value->size() : 0;
}

size_t spansIn(json::array_t &scopeSpansList)
{
    size_t n = 0;
    for (auto &ss : scopeSpansList)
        n += spansIn(ss);
    return n;
}

json::array_t *scopeSpansOf(json &resourceSpans, std::array<Member, RsCount> &f)
{
    if (!resourceSpans.is_object())
        return nullptr;
    collect(resourceSpans, kResourceSpansKeys, f);
    if (!f[RsScopeSpans].present() || !f[RsScopeSpans].value->is_array())
        return nullptr;
    return &f[RsScopeSpans].value->get_ref<json::array_t &>();
}

class Walker {
public:
    explicit Walker(DecodeResult &result)
        : m_result(result)
    {}

    void resourceSpans(json &rs, std::string_view listKey, size_t index)
    {
        const std::string position = indexed(listKey, index);
        if (!rs.is_object()) {
            otlp::addError(m_result, cat({position, ": ", expected("an object", rs)}));
            return;
        }
        std::array<Member, RsCount> f;
        json::array_t *scopeSpansList = scopeSpansOf(rs, f);
        const Member &ssMember = f[RsScopeSpans];
        if (ssMember.present() && !scopeSpansList) {
            otlp::addError(m_result,
                           cat({position, ".", ssMember.key, ": ", expected("an array", *ssMember.value)}));
            return;
        }
        std::string err;
        json resource;
        if (!readResource(f[RsResource], resource, err)) {
            const size_t n = scopeSpansList ? spansIn(*scopeSpansList) : 0;
            otlp::rejectMany(m_result, int64_t(n),
                             cat({position, ".", err, " (", std::to_string(n), " spans rejected)"}));
            return;
        }
        if (!scopeSpansList)
            return;
        const std::string service = otlp::serviceName(resource);
        for (size_t j = 0; j < scopeSpansList->size(); ++j)
            scopeSpans((*scopeSpansList)[j], resource, service, listKey, index, ssMember.key, j);
    }

private:
    void scopeSpans(json &ss, const json &resource, const std::string &service, std::string_view rsKey,
                    size_t rsIndex, std::string_view ssKey, size_t ssIndex)
    {
        const auto position = [&] { return cat({indexed(rsKey, rsIndex), ".", indexed(ssKey, ssIndex)}); };
        if (!ss.is_object()) {
            otlp::addError(m_result, cat({position(), ": ", expected("an object", ss)}));
            return;
        }
        std::array<Member, SsCount> f;
        collect(ss, kScopeSpansKeys, f);
        const Member &spans = f[SsSpans];
        if (!spans.present())
            return;
        if (!spans.value->is_array()) {
            otlp::addError(m_result,
                           cat({position(), ".", spans.key, ": ", expected("an array", *spans.value)}));
            return;
        }
        auto &items = spans.value->get_ref<json::array_t &>();
        std::string err;
        json scope;
        if (!readScope(f[SsScope], scope, err)) {
            otlp::rejectMany(
                m_result, int64_t(items.size()),
                cat({position(), ".", err, " (", std::to_string(items.size()), " spans rejected)"}));
            return;
        }
        for (size_t k = 0; k < items.size(); ++k) {
            Span &span = m_result.spans.emplace_back();
            if (!readSpan(items[k], span, err)) {
                m_result.spans.pop_back();
                m_result.reject(otlp::spanPosition(rsKey, rsIndex, ssKey, ssIndex, spans.key, k) + err);
                continue;
            }
            span.service = service;
            span.resource = resource;
            span.scope = scope;
            span.source = "otlp-json";
        }
    }

    DecodeResult &m_result;
};

} // namespace

DecodeResult OtlpJsonDecoder::decode(std::string_view body)
{
    DecodeResult result;
    if (std::all_of(body.begin(), body.end(),
                    [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
        result.fatalError = "empty body";
        return result;
    }
    std::string error;
    json document = BoundedJson::parse(body, &error);
    if (document.is_discarded()) {
        result.fatalError = error;
        return result;
    }
    return decodeDocument(document);
}

DecodeResult OtlpJsonDecoder::decodeDocument(nlohmann::json &document)
{
    DecodeResult result;
    if (!document.is_object()) {
        result.fatalError =
            cat({"top level: ",
                 expected("an object (ExportTraceServiceRequest {resourceSpans: [...]})", document)});
        return result;
    }
    std::array<Member, RqCount> f;
    collect(document, kRequestKeys, f);
    const Member &list = f[RqResourceSpans];
    if (!list.present())
        return result;
    if (!list.value->is_array()) {
        result.fatalError = cat({list.key, ": ", expected("an array", *list.value)});
        return result;
    }
    auto &items = list.value->get_ref<json::array_t &>();
    size_t total = 0;
    for (auto &rs : items) {
        std::array<Member, RsCount> rsf;
        if (auto *ssList = scopeSpansOf(rs, rsf))
            total += spansIn(*ssList);
    }
    result.spans.reserve(total);
    Walker walker(result);
    for (size_t i = 0; i < items.size(); ++i)
        walker.resourceSpans(items[i], list.key, i);
    return result;
}

} // namespace tracedeck

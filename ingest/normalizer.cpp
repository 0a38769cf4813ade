#include "normalizer.h"
#include "textutil.h"

#include <QCryptographicHash>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tracedeck {
namespace {

using json = nlohmann::json;
using namespace std::string_view_literals;

// Every attribute key the normalizer reads, in one table so a span's attributes are classified in a
// single pass (one hash lookup per attribute) instead of probing the object once per candidate key.
#define TRACEDECK_NORMALIZER_KEYS(X)                                                                         \
    X(TdProvider, "tracedeck.provider")                                                                      \
    X(TdModel, "tracedeck.model")                                                                            \
    X(TdInputTokens, "tracedeck.input_tokens")                                                               \
    X(TdOutputTokens, "tracedeck.output_tokens")                                                             \
    X(TdCachedTokens, "tracedeck.cached_input_tokens")                                                       \
    X(TdReasoningTokens, "tracedeck.reasoning_tokens")                                                       \
    X(TdTotalTokens, "tracedeck.total_tokens")                                                               \
    X(TdCost, "tracedeck.cost_usd")                                                                          \
    X(TdFinishReason, "tracedeck.finish_reason")                                                             \
    X(TdTtft, "tracedeck.ttft_ms")                                                                           \
    X(TdRequestId, "tracedeck.request_id")                                                                   \
    X(TdUserId, "tracedeck.user_id")                                                                         \
    X(TdSessionId, "tracedeck.session_id")                                                                   \
    X(TdConversationId, "tracedeck.conversation_id")                                                         \
    X(TdCategory, "tracedeck.category")                                                                      \
    X(TdMessages, "tracedeck.messages")                                                                      \
    X(TdInput, "tracedeck.input")                                                                            \
    X(TdOutput, "tracedeck.output")                                                                          \
    X(TdHttpMethod, "tracedeck.http_method")                                                                 \
    X(TdHttpUrl, "tracedeck.http_url")                                                                       \
    X(TdStatusCode, "tracedeck.status_code")                                                                 \
    X(GaProviderName, "gen_ai.provider.name")                                                                \
    X(GaResponseModel, "gen_ai.response.model")                                                              \
    X(GaRequestModel, "gen_ai.request.model")                                                                \
    X(GaInputTokens, "gen_ai.usage.input_tokens")                                                            \
    X(GaOutputTokens, "gen_ai.usage.output_tokens")                                                          \
    X(GaCacheRead, "gen_ai.usage.cache_read.input_tokens")                                                   \
    X(GaCacheReadFlat, "gen_ai.usage.cache_read_input_tokens")                                               \
    X(GaCachedDetails, "gen_ai.usage.input_tokens_details.cached_tokens")                                    \
    X(GaReasoning, "gen_ai.usage.reasoning_tokens")                                                          \
    X(GaReasoningDetails, "gen_ai.usage.output_tokens_details.reasoning_tokens")                             \
    X(GaTotalTokens, "gen_ai.usage.total_tokens")                                                            \
    X(GaInputMessages, "gen_ai.input.messages")                                                              \
    X(GaOutputMessages, "gen_ai.output.messages")                                                            \
    X(GaSystemInstructions, "gen_ai.system_instructions")                                                    \
    X(GaFinishReasons, "gen_ai.response.finish_reasons")                                                     \
    X(GaConversationId, "gen_ai.conversation.id")                                                            \
    X(GaOperationName, "gen_ai.operation.name")                                                              \
    X(GaCost, "gen_ai.usage.cost")                                                                           \
    X(GaTtft, "gen_ai.response.time_to_first_token")                                                         \
    X(GaAgentName, "gen_ai.agent.name")                                                                      \
    X(GaToolName, "gen_ai.tool.name")                                                                        \
    X(OiProvider, "llm.provider")                                                                            \
    X(OiSystem, "llm.system")                                                                                \
    X(OiModel, "llm.model_name")                                                                             \
    X(OiResponseModel, "llm.response.model_name")                                                            \
    X(OiPromptTokens, "llm.token_count.prompt")                                                              \
    X(OiCompletionTokens, "llm.token_count.completion")                                                      \
    X(OiTotalTokens, "llm.token_count.total")                                                                \
    X(OiCacheRead, "llm.token_count.prompt_details.cache_read")                                              \
    X(OiReasoning, "llm.token_count.completion_details.reasoning")                                           \
    X(OiInputValue, "input.value")                                                                           \
    X(OiOutputValue, "output.value")                                                                         \
    X(OiSpanKind, "openinference.span.kind")                                                                 \
    X(OiCostTotal, "llm.cost.total")                                                                         \
    X(OiCostPrompt, "llm.cost.prompt")                                                                       \
    X(OiCostCompletion, "llm.cost.completion")                                                               \
    X(OiFinishReason, "llm.finish_reason")                                                                   \
    X(OiTtft, "llm.time_to_first_token_ms")                                                                  \
    X(SessionId, "session.id")                                                                               \
    X(UserId, "user.id")                                                                                     \
    X(GaSystem, "gen_ai.system")                                                                             \
    X(OlPromptTokens, "gen_ai.usage.prompt_tokens")                                                          \
    X(OlCompletionTokens, "gen_ai.usage.completion_tokens")                                                  \
    X(OlTotalTokens, "llm.usage.total_tokens")                                                               \
    X(OlEntityInput, "traceloop.entity.input")                                                               \
    X(OlEntityOutput, "traceloop.entity.output")                                                             \
    X(OlSpanKind, "traceloop.span.kind")                                                                     \
    X(OlSessionId, "traceloop.association.properties.session_id")                                            \
    X(OlUserId, "traceloop.association.properties.user_id")                                                  \
    X(OlRequestType, "llm.request.type")                                                                     \
    X(OlRequestModel, "llm.request.model")                                                                   \
    X(OlResponseModel, "llm.response.model")                                                                 \
    X(AiModelId, "ai.model.id")                                                                              \
    X(AiModelProvider, "ai.model.provider")                                                                  \
    X(AiResponseModel, "ai.response.model")                                                                  \
    X(AiPromptTokens, "ai.usage.promptTokens")                                                               \
    X(AiCompletionTokens, "ai.usage.completionTokens")                                                       \
    X(AiInputTokens, "ai.usage.inputTokens")                                                                 \
    X(AiOutputTokens, "ai.usage.outputTokens")                                                               \
    X(AiTotalTokens, "ai.usage.totalTokens")                                                                 \
    X(AiReasoningTokens, "ai.usage.reasoningTokens")                                                         \
    X(AiCachedTokens, "ai.usage.cachedInputTokens")                                                          \
    X(AiProviderMetadata, "ai.response.providerMetadata")                                                    \
    X(AiPromptMessages, "ai.prompt.messages")                                                                \
    X(AiPrompt, "ai.prompt")                                                                                 \
    X(AiResponseText, "ai.response.text")                                                                    \
    X(AiResponseObject, "ai.response.object")                                                                \
    X(AiResponseToolCalls, "ai.response.toolCalls")                                                          \
    X(AiFinishReason, "ai.response.finishReason")                                                            \
    X(AiMsToFirstChunk, "ai.response.msToFirstChunk")                                                        \
    X(AiStreamMsToFirstChunk, "ai.stream.msToFirstChunk")                                                    \
    X(AiOperationId, "ai.operationId")                                                                       \
    X(AiSessionId, "ai.telemetry.metadata.sessionId")                                                        \
    X(AiUserId, "ai.telemetry.metadata.userId")                                                              \
    X(LfSessionId, "langfuse.session.id")                                                                    \
    X(LfUserId, "langfuse.user.id")                                                                          \
    X(OperationCost, "operation.cost")                                                                       \
    X(RequestIdUnderscore, "request_id")                                                                     \
    X(RequestIdDot, "request.id")                                                                            \
    X(HttpRequestId, "http.request_id")                                                                      \
    X(HttpRequestIdHeader, "http.request.header.x-request-id")                                               \
    X(EnduserId, "enduser.id")                                                                               \
    X(HttpRequestMethod, "http.request.method")                                                              \
    X(HttpMethod, "http.method")                                                                             \
    X(UrlFull, "url.full")                                                                                   \
    X(HttpUrl, "http.url")                                                                                   \
    X(UrlScheme, "url.scheme")                                                                               \
    X(UrlPath, "url.path")                                                                                   \
    X(UrlQuery, "url.query")                                                                                 \
    X(ServerAddress, "server.address")                                                                       \
    X(ServerPort, "server.port")                                                                             \
    X(HttpTarget, "http.target")                                                                             \
    X(HttpScheme, "http.scheme")                                                                             \
    X(HttpHost, "http.host")                                                                                 \
    X(HttpPath, "http.path")                                                                                 \
    X(HttpResponseStatusCode, "http.response.status_code")                                                   \
    X(HttpStatusCode, "http.status_code")

enum Key : uint16_t {
#define TRACEDECK_KEY_ENUM(id, name) id,
    TRACEDECK_NORMALIZER_KEYS(TRACEDECK_KEY_ENUM)
#undef TRACEDECK_KEY_ENUM
        KeyCount
};

constexpr std::string_view kKeyNames[] = {
#define TRACEDECK_KEY_NAME(id, name) name##sv,
    TRACEDECK_NORMALIZER_KEYS(TRACEDECK_KEY_NAME)
#undef TRACEDECK_KEY_NAME
};
static_assert(std::size(kKeyNames) == KeyCount);

const std::unordered_map<std::string_view, Key> &keyIndex()
{
    static const auto index = [] {
        std::unordered_map<std::string_view, Key> map;
        map.reserve(KeyCount * 2);
        for (size_t i = 0; i < KeyCount; ++i)
            map.emplace(kKeyNames[i], Key(i));
        return map;
    }();
    return index;
}

constexpr std::string_view kOiInputPrefix = "llm.input_messages.";
constexpr std::string_view kOiOutputPrefix = "llm.output_messages.";
constexpr std::string_view kOlPromptPrefix = "gen_ai.prompt.";
constexpr std::string_view kOlCompletionPrefix = "gen_ai.completion.";

struct Attrs {
    std::array<const json *, KeyCount> slot{};
    bool oiInput = false;
    bool oiOutput = false;
    bool olPrompt = false;
    bool olCompletion = false;

    const json *operator[](Key k) const { return slot[k]; }
};

void classify(const json &attributes, Attrs &a)
{
    if (!attributes.is_object())
        return;
    const auto &index = keyIndex();
    for (const auto &[key, value] : attributes.get_ref<const json::object_t &>()) {
        const std::string_view k = key;
        if (const auto it = index.find(k); it != index.end()) {
            a.slot[it->second] = &value;
        } else if (k.size() > kOlPromptPrefix.size() && (k[0] == 'l' || k[0] == 'g')) {
            if (k.starts_with(kOiInputPrefix))
                a.oiInput = true;
            else if (k.starts_with(kOiOutputPrefix))
                a.oiOutput = true;
            else if (k.starts_with(kOlPromptPrefix))
                a.olPrompt = true;
            else if (k.starts_with(kOlCompletionPrefix))
                a.olCompletion = true;
        }
    }
}

// ---- Scalar values: numbers may arrive as JSON numbers or as numeric strings ----

std::optional<double> parseDouble(std::string_view s)
{
    s = trimmed(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    double d = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty() || !std::isfinite(d))
        return std::nullopt;
    return d;
}

std::optional<int64_t> integral(double d)
{
    if (!std::isfinite(d) || d != std::floor(d) || std::fabs(d) >= 9.2e18)
        return std::nullopt;
    return int64_t(d);
}

std::optional<int64_t> parseInt(std::string_view s)
{
    s = trimmed(s);
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty())
        return v;
    if (const auto d = parseDouble(s))
        return integral(*d);
    return std::nullopt;
}

std::optional<int64_t> toInt(const json *v)
{
    if (!v)
        return std::nullopt;
    switch (v->type()) {
    case json::value_t::number_integer:
        return v->get<int64_t>();
    case json::value_t::number_unsigned: {
        const uint64_t u = v->get<uint64_t>();
        if (u > uint64_t(std::numeric_limits<int64_t>::max()))
            return std::nullopt;
        return int64_t(u);
    }
    case json::value_t::number_float:
        return integral(v->get<double>());
    case json::value_t::string:
        return parseInt(v->get_ref<const std::string &>());
    default:
        return std::nullopt;
    }
}

std::optional<double> toDouble(const json *v)
{
    if (!v)
        return std::nullopt;
    if (v->is_number()) {
        const double d = v->get<double>();
        return std::isfinite(d) ? std::optional<double>(d) : std::nullopt;
    }
    if (v->is_string())
        return parseDouble(v->get_ref<const std::string &>());
    return std::nullopt;
}

std::string_view textOf(const json *v)
{
    if (!v || !v->is_string())
        return {};
    return trimmed(v->get_ref<const std::string &>());
}

// An id may be a string, an integer, or (HTTP header attributes) an array of strings.
std::string idOf(const json *v)
{
    if (!v)
        return {};
    if (v->is_string())
        return std::string(trimmed(v->get_ref<const std::string &>()));
    if (v->is_number_integer())
        return v->dump();
    if (v->is_array() && !v->empty() && v->front().is_string())
        return std::string(trimmed(v->front().get_ref<const std::string &>()));
    return {};
}

std::string firstText(const Attrs &a, std::initializer_list<Key> keys)
{
    for (const Key k : keys) {
        if (const std::string_view t = textOf(a[k]); !t.empty())
            return std::string(t);
    }
    return {};
}

std::string firstId(const Attrs &a, std::initializer_list<Key> keys)
{
    for (const Key k : keys) {
        if (std::string id = idOf(a[k]); !id.empty())
            return id;
    }
    return {};
}

std::optional<int64_t> firstCount(const Attrs &a, std::initializer_list<Key> keys)
{
    for (const Key k : keys) {
        if (const auto v = toInt(a[k]); v && *v >= 0)
            return v;
    }
    return std::nullopt;
}

std::optional<double> firstAmount(const Attrs &a, std::initializer_list<Key> keys)
{
    for (const Key k : keys) {
        if (const auto v = toDouble(a[k]); v && *v >= 0)
            return v;
    }
    return std::nullopt;
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool equalsLower(std::string_view s, std::string_view lower)
{
    return s.size() == lower.size() &&
           std::equal(s.begin(), s.end(), lower.begin(), [](char a, char b) { return lowerAscii(a) == b; });
}

// ---- A small read-only JSON tokenizer for message payloads ----
// Message attributes are JSON text on the hot path; tokenizing them in place (jsmn-style: flat tokens,
// strings left escaped until copied) is several times faster than building a nlohmann DOM we'd discard.

enum class JType : uint8_t { Null, Bool, Number, String, Array, Object };

struct JTok {
    JType type;
    bool escaped;   // String: contains backslash escapes
    uint32_t begin; // String: first character after the opening quote
    uint32_t end;   // String: the closing quote; others: one past the value
    uint32_t next;  // index of the first token after this value's subtree
};

void appendUtf8(std::string &out, uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

bool hex4(std::string_view s, size_t at, uint32_t &cp)
{
    if (at + 4 > s.size())
        return false;
    cp = 0;
    for (size_t i = at; i < at + 4; ++i) {
        const char c = s[i];
        cp <<= 4;
        if (c >= '0' && c <= '9')
            cp |= uint32_t(c - '0');
        else if (c >= 'a' && c <= 'f')
            cp |= uint32_t(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            cp |= uint32_t(c - 'A' + 10);
        else
            return false;
    }
    return true;
}

void appendUnescaped(std::string_view raw, std::string &out)
{
    size_t i = 0;
    while (i < raw.size()) {
        const size_t bs = raw.find('\\', i);
        if (bs == std::string_view::npos) {
            out.append(raw.substr(i));
            return;
        }
        out.append(raw.substr(i, bs - i));
        if (bs + 1 >= raw.size())
            return;
        const char e = raw[bs + 1];
        i = bs + 2;
        switch (e) {
        case 'n':
            out += '\n';
            break;
        case 't':
            out += '\t';
            break;
        case 'r':
            out += '\r';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'u': {
            uint32_t cp = 0;
            if (!hex4(raw, i, cp)) {
                cp = 0xFFFD;
            } else {
                i += 4;
                uint32_t low = 0;
                if (cp >= 0xD800 && cp <= 0xDBFF) {
                    if (i + 6 <= raw.size() && raw[i] == '\\' && raw[i + 1] == 'u' && hex4(raw, i + 2, low) &&
                        low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    } else {
                        cp = 0xFFFD;
                    }
                } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                    cp = 0xFFFD;
                }
            }
            appendUtf8(out, cp);
            break;
        }
        default: // '"', '\\', '/'
            out += e;
        }
    }
}

class JDoc {
public:
    // Tokenizes text, which must outlive the document. False unless it is exactly one JSON value.
    bool parse(std::string_view text)
    {
        m_toks.clear();
        m_text = text;
        m_pos = 0;
        if (text.size() >= std::numeric_limits<uint32_t>::max())
            return false;
        m_toks.reserve(16 + text.size() / 16);
        if (!value(0))
            return false;
        skipWs();
        return m_pos == m_text.size();
    }

    bool parseOwned(std::string text)
    {
        m_owned = std::move(text);
        return parse(m_owned);
    }

    // The document of a non-JSON text: one string value holding it as is.
    void setPlain(std::string_view text)
    {
        m_text = text;
        m_toks.assign(1, JTok{JType::String, false, 0, uint32_t(text.size()), 1});
    }

    void setPlainOwned(std::string text)
    {
        m_owned = std::move(text);
        setPlain(m_owned);
    }
    // After a failed parseOwned(): the text it was given, as plain text.
    void keepOwnedAsPlain() { setPlain(m_owned); }

    std::string_view text() const { return m_text; }
    const std::vector<JTok> &toks() const { return m_toks; }
    bool empty() const { return m_toks.empty(); }

    // For a document kept per thread: drop what one huge payload made it hold.
    void trim()
    {
        m_text = {};
        m_toks.clear();
        if (m_toks.capacity() > 64 * 1024)
            m_toks.shrink_to_fit();
        if (m_owned.capacity() > 1024 * 1024)
            std::string().swap(m_owned);
    }

private:
    static constexpr int kMaxDepth = 200;

    void skipWs()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t')
                return;
            ++m_pos;
        }
    }

    bool string()
    {
        const char *const begin = m_text.data();
        const char *const end = begin + m_text.size();
        const char *p = begin + m_pos + 1;
        bool escaped = false;
        for (;;) {
            const auto *quote = static_cast<const char *>(std::memchr(p, '"', size_t(end - p)));
            if (!quote)
                return false;
            const auto *backslash = static_cast<const char *>(std::memchr(p, '\\', size_t(quote - p)));
            if (!backslash) {
                p = quote;
                break;
            }
            escaped = true;
            p = backslash + 2;
            if (p >= end)
                return false;
        }
        const auto self = uint32_t(m_toks.size());
        m_toks.push_back(JTok{JType::String, escaped, uint32_t(m_pos + 1), uint32_t(p - begin), self + 1});
        m_pos = size_t(p - begin) + 1;
        return true;
    }

    bool literal(std::string_view word, JType type)
    {
        if (m_text.substr(m_pos, word.size()) != word)
            return false;
        const auto self = uint32_t(m_toks.size());
        m_toks.push_back(JTok{type, false, uint32_t(m_pos), uint32_t(m_pos + word.size()), self + 1});
        m_pos += word.size();
        return true;
    }

    bool number()
    {
        const size_t start = m_pos;
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'))
                break;
            ++m_pos;
        }
        const auto self = uint32_t(m_toks.size());
        m_toks.push_back(JTok{JType::Number, false, uint32_t(start), uint32_t(m_pos), self + 1});
        return true;
    }

    bool value(int depth)
    {
        if (depth > kMaxDepth)
            return false;
        skipWs();
        if (m_pos >= m_text.size())
            return false;
        const char c = m_text[m_pos];
        switch (c) {
        case '{':
        case '[':
            return container(depth, c == '{');
        case '"':
            return string();
        case 't':
            return literal("true", JType::Bool);
        case 'f':
            return literal("false", JType::Bool);
        case 'n':
            return literal("null", JType::Null);
        default:
            if (c == '-' || (c >= '0' && c <= '9'))
                return number();
            return false;
        }
    }

    bool container(int depth, bool isObject)
    {
        const auto self = uint32_t(m_toks.size());
        m_toks.push_back(JTok{isObject ? JType::Object : JType::Array, false, uint32_t(m_pos), 0, 0});
        const char close = isObject ? '}' : ']';
        ++m_pos;
        skipWs();
        if (m_pos < m_text.size() && m_text[m_pos] == close) {
            ++m_pos;
        } else {
            for (;;) {
                if (isObject) {
                    skipWs();
                    if (m_pos >= m_text.size() || m_text[m_pos] != '"' || !string())
                        return false;
                    skipWs();
                    if (m_pos >= m_text.size() || m_text[m_pos] != ':')
                        return false;
                    ++m_pos;
                }
                if (!value(depth + 1))
                    return false;
                skipWs();
                if (m_pos >= m_text.size())
                    return false;
                if (m_text[m_pos] == ',') {
                    ++m_pos;
                    continue;
                }
                if (m_text[m_pos] != close)
                    return false;
                ++m_pos;
                break;
            }
        }
        m_toks[self].end = uint32_t(m_pos);
        m_toks[self].next = uint32_t(m_toks.size());
        return true;
    }

    std::string_view m_text;
    std::string m_owned;
    std::vector<JTok> m_toks;
    size_t m_pos = 0;
};

// A value inside a JDoc; a default-constructed JV is "absent".
class JV {
public:
    JV() = default;
    JV(const JDoc *doc, uint32_t index)
        : m_doc(doc)
        , m_index(index)
    {}
    static JV root(const JDoc &doc) { return doc.empty() ? JV() : JV(&doc, 0); }

    explicit operator bool() const { return m_doc != nullptr; }
    bool is(JType type) const { return m_doc && tok().type == type; }
    bool isString() const { return is(JType::String); }
    bool isArray() const { return is(JType::Array); }
    bool isObject() const { return is(JType::Object); }

    // The escaped text of a string, the JSON text of anything else.
    std::string_view raw() const
    {
        if (!m_doc)
            return {};
        const JTok &t = tok();
        return m_doc->text().substr(t.begin, t.end - t.begin);
    }

    // A string's text; "" for null or absent; the JSON text of other values (tool arguments objects).
    void appendTo(std::string &out) const
    {
        if (!m_doc || tok().type == JType::Null)
            return;
        if (tok().type == JType::String && tok().escaped)
            appendUnescaped(raw(), out);
        else
            out.append(raw());
    }
    std::string str() const
    {
        std::string s;
        appendTo(s);
        return s;
    }

    bool equals(std::string_view s) const
    {
        if (!isString())
            return false;
        if (!tok().escaped)
            return raw() == s;
        return str() == s;
    }

    JV get(std::string_view key) const
    {
        if (!isObject())
            return {};
        const auto &toks = m_doc->toks();
        const uint32_t end = tok().next;
        for (uint32_t i = m_index + 1; i + 1 < end; i = toks[i + 1].next) {
            if (JV(m_doc, i).equals(key))
                return JV(m_doc, i + 1);
        }
        return {};
    }

    // The first of the keys that is present and not null.
    JV getAny(std::initializer_list<std::string_view> keys) const
    {
        for (const std::string_view key : keys) {
            if (const JV v = get(key); v && !v.is(JType::Null))
                return v;
        }
        return {};
    }

    template <typename F> void forEach(F &&f) const
    {
        if (!isArray())
            return;
        const auto &toks = m_doc->toks();
        const uint32_t end = tok().next;
        for (uint32_t i = m_index + 1; i < end; i = toks[i].next)
            f(JV(m_doc, i));
    }

    template <typename F> void forEachMember(F &&f) const
    {
        if (!isObject())
            return;
        const auto &toks = m_doc->toks();
        const uint32_t end = tok().next;
        for (uint32_t i = m_index + 1; i + 1 < end; i = toks[i + 1].next)
            f(JV(m_doc, i), JV(m_doc, i + 1));
    }

    std::optional<int64_t> asInt() const
    {
        if (is(JType::Number) || isString())
            return parseInt(str());
        return std::nullopt;
    }

private:
    const JTok &tok() const { return m_doc->toks()[m_index]; }

    const JDoc *m_doc = nullptr;
    uint32_t m_index = 0;
};

bool looksLikeJson(std::string_view s)
{
    s = trimmed(s);
    return !s.empty() && (s.front() == '[' || s.front() == '{');
}

// Loads an attribute that carries JSON, as JSON text (the usual case: OTLP has no nested maps in most
// SDKs) or as a structured value. Text that isn't JSON (plain prompts, truncated JSON) becomes a single
// string value so it is kept as message content. False when there is nothing to read.
bool load(const json *attr, JDoc &doc)
{
    if (!attr)
        return false;
    if (attr->is_string()) {
        const std::string &s = attr->get_ref<const std::string &>();
        const std::string_view t = trimmed(s);
        if (t.empty())
            return false;
        if ((t.front() == '[' || t.front() == '{') && doc.parse(s))
            return true;
        // A JSON string: its text, which may be JSON again (traceloop.entity.output is encoded twice).
        if (t.front() == '"' && doc.parse(s)) {
            std::string inner = JV::root(doc).str();
            if (!looksLikeJson(inner))
                doc.setPlainOwned(std::move(inner));
            else if (!doc.parseOwned(std::move(inner)))
                doc.keepOwnedAsPlain();
            return true;
        }
        doc.setPlain(s);
        return true;
    }
    if (attr->is_array()) {
        if (attr->empty())
            return false;
        // An OTLP array of strings that each hold one JSON object.
        if (std::all_of(attr->begin(), attr->end(), [](const json &e) {
                return e.is_string() && looksLikeJson(e.get_ref<const std::string &>());
            })) {
            std::string joined = "[";
            for (const json &e : *attr) {
                if (joined.size() > 1)
                    joined += ',';
                joined += e.get_ref<const std::string &>();
            }
            joined += ']';
            return doc.parseOwned(std::move(joined));
        }
    }
    if (attr->is_array() || attr->is_object())
        return doc.parseOwned(attr->dump(-1, ' ', false, json::error_handler_t::replace));
    return false;
}

// ---- Messages ----

struct ToolCall {
    std::string id;
    std::string name;
    std::string arguments;
};

struct Msg {
    std::string role;
    std::string content;
    std::vector<ToolCall> toolCalls;
    std::string toolCallId;
    bool output = false;
};

struct ToolResult {
    std::string id;
    std::string content;
};

// What the parts of one message add up to.
struct Parts {
    std::string text;
    std::vector<ToolCall> calls;
    std::vector<ToolResult> results;
};

std::string normalRole(std::string_view role, std::string_view fallback)
{
    role = trimmed(role);
    if (role.empty())
        return std::string(fallback);
    if (role == "user" || role == "assistant" || role == "system" || role == "tool")
        return std::string(role);
    if (equalsLower(role, "system") || equalsLower(role, "developer"))
        return "system";
    if (equalsLower(role, "user") || equalsLower(role, "human"))
        return "user";
    if (equalsLower(role, "assistant") || equalsLower(role, "ai") || equalsLower(role, "model"))
        return "assistant";
    if (equalsLower(role, "tool") || equalsLower(role, "function") || equalsLower(role, "ipython"))
        return "tool";
    return std::string(role);
}

void addText(Parts &parts, std::string_view text)
{
    if (text.empty())
        return;
    if (!parts.text.empty())
        parts.text += '\n';
    parts.text.append(text);
}

void addText(Parts &parts, JV text)
{
    if (!text || text.raw().empty())
        return;
    if (!parts.text.empty())
        parts.text += '\n';
    text.appendTo(parts.text);
}

// The member names of messages, parts and tool calls across the conventions, looked up in one pass over
// an object's members instead of one scan per name.
enum Member : uint8_t {
    MId,
    MRole,
    MText,
    MType,
    MName,
    MArgs,
    MParts,
    MInput,
    MValue,
    MOutput,
    MResult,
    MContent,
    MCallId,
    MResponse,
    MToolName,
    MFunction,
    MArguments,
    MToolCalls,
    MToolCallIdCamel,
    MToolUseId,
    MToolCallId,
    MFunctionCallCamel,
    MFunctionCall,
    MFinishReason,
    MFunctionResponse,
    MemberCount,
    MNone = MemberCount
};

Member memberOf(std::string_view k)
{
    switch (k.size()) {
    case 2:
        return k == "id" ? MId : MNone;
    case 4:
        return k == "role"   ? MRole
               : k == "text" ? MText
               : k == "type" ? MType
               : k == "name" ? MName
               : k == "args" ? MArgs
                             : MNone;
    case 5:
        return k == "parts" ? MParts : k == "input" ? MInput : k == "value" ? MValue : MNone;
    case 6:
        return k == "output" ? MOutput : k == "result" ? MResult : MNone;
    case 7:
        return k == "content" ? MContent : k == "call_id" ? MCallId : MNone;
    case 8:
        return k == "response"   ? MResponse
               : k == "toolName" ? MToolName
               : k == "function" ? MFunction
                                 : MNone;
    case 9:
        return k == "arguments" ? MArguments : MNone;
    case 10:
        return k == "tool_calls" ? MToolCalls : k == "toolCallId" ? MToolCallIdCamel : MNone;
    case 11:
        return k == "tool_use_id" ? MToolUseId : MNone;
    case 12:
        return k == "tool_call_id" ? MToolCallId : k == "functionCall" ? MFunctionCallCamel : MNone;
    case 13:
        return k == "function_call" ? MFunctionCall : k == "finish_reason" ? MFinishReason : MNone;
    case 16:
        return k == "functionResponse" ? MFunctionResponse : MNone;
    default:
        return MNone;
    }
}

// The members of obj by name; null members count as absent, and of repeated names the first wins.
struct Members {
    std::array<JV, MemberCount> v{};

    explicit Members(JV obj)
    {
        obj.forEachMember([this](JV key, JV value) {
            const Member m = memberOf(key.raw());
            if (m != MNone && !v[m] && !value.is(JType::Null))
                v[m] = value;
        });
    }
    JV operator[](Member m) const { return v[m]; }
    JV first(std::initializer_list<Member> ms) const
    {
        for (const Member m : ms) {
            if (v[m])
                return v[m];
        }
        return {};
    }
};

ToolCall toolCallOf(const Members &m)
{
    ToolCall c;
    c.id = m.first({MId, MToolCallIdCamel, MCallId}).str();
    if (const JV fn = m[MFunction]; fn.isObject()) {
        const Members f(fn);
        c.name = f[MName].str();
        c.arguments = f[MArguments].str();
    } else {
        c.name = m.first({MName, MToolName}).str();
        c.arguments = m.first({MArguments, MArgs, MInput}).str();
    }
    return c;
}

ToolCall toolCallOf(JV call)
{
    return toolCallOf(Members(call));
}

void addPart(JV part, Parts &parts);

std::string resultText(JV v)
{
    if (v.isArray()) {
        Parts inner;
        v.forEach([&](JV p) { addPart(p, inner); });
        if (!inner.text.empty())
            return std::move(inner.text);
    } else if (v.isObject()) {
        // AI SDK 5 tool outputs: {"type": "text" | "json", "value": …}
        const Members m(v);
        if (m[MValue] && m[MType])
            return m[MValue].str();
    }
    return v.str();
}

void addPart(JV part, Parts &parts)
{
    if (part.isString()) {
        addText(parts, part);
        return;
    }
    if (!part.isObject())
        return;
    const Members m(part);
    const std::string_view type = m[MType].isString() ? m[MType].raw() : std::string_view();
    if (type == "tool_call" || type == "tool-call" || type == "tool_use" || type == "function_call") {
        parts.calls.push_back(toolCallOf(m));
    } else if (type == "tool_call_response" || type == "tool-result" || type == "tool_result" ||
               type == "function_call_output") {
        parts.results.push_back({m.first({MId, MToolCallIdCamel, MToolUseId, MCallId}).str(),
                                 resultText(m.first({MResponse, MResult, MOutput, MContent}))});
    } else if (type.empty() || type == "text" || type == "input_text" || type == "output_text") {
        if (const JV text = m.first({MContent, MText}); text.isString()) {
            addText(parts, text);
        } else if (type.empty()) {
            // Gemini parts carry no type: {"text"}, {"functionCall"}, {"functionResponse"}.
            if (const JV fc = m[MFunctionCallCamel]; fc.isObject()) {
                const Members c(fc);
                parts.calls.push_back({c[MId].str(), c[MName].str(), c[MArgs].str()});
            } else if (const JV fr = m[MFunctionResponse]; fr.isObject()) {
                const Members r(fr);
                parts.results.push_back({r[MId].str(), r[MResponse].str()});
            }
        }
    }
    // Reasoning, images, audio and files are not message text; they stay in the raw attributes.
}

void addParts(JV v, Parts &parts)
{
    if (v.isArray())
        v.forEach([&](JV p) { addPart(p, parts); });
    else
        addPart(v, parts);
}

// Reads messages in any of the JSON shapes the conventions use (GenAI parts, OpenAI chat/responses,
// Anthropic, Gemini, AI SDK) into Msgs. Input and output messages use separate readers.
class MessageReader {
public:
    MessageReader(std::vector<Msg> &out, bool output, std::string *finishReason)
        : m_out(out)
        , m_output(output)
        , m_finish(finishReason)
    {}

    void payload(JV v, std::string_view defaultRole)
    {
        if (v.isString()) {
            emitText(defaultRole, v);
        } else if (v.isArray()) {
            messages(v, defaultRole);
        } else if (v.isObject()) {
            object(v, defaultRole);
        }
    }

    void messages(JV array, std::string_view defaultRole)
    {
        array.forEach([&](JV item) {
            if (item.isString()) {
                emitText(defaultRole, item);
            } else if (item.isObject()) {
                const Members m(item);
                if (!m[MRole] && !m[MParts] && !m[MContent] && m[MType]) {
                    // OpenAI Responses input items: a bare function_call / function_call_output.
                    Parts parts;
                    addPart(item, parts);
                    emit(parts.calls.empty() ? defaultRole : "assistant", std::move(parts), {}, m_output);
                } else {
                    message(item, defaultRole);
                }
            }
        });
    }

    void message(JV obj, std::string_view defaultRole)
    {
        const Members m(obj);
        Parts parts;
        if (const JV p = m[MParts])
            addParts(p, parts);
        if (const JV content = m[MContent])
            addParts(content, parts);
        if (const JV calls = m[MToolCalls]; calls.isArray()) {
            calls.forEach([&](JV call) { parts.calls.push_back(toolCallOf(call)); });
        } else if (calls.isString() && looksLikeJson(calls.raw())) {
            JDoc inner;
            if (inner.parseOwned(calls.str()))
                JV::root(inner).forEach([&](JV call) { parts.calls.push_back(toolCallOf(call)); });
        }
        if (const JV fc = m[MFunctionCall]; fc.isObject())
            parts.calls.push_back(toolCallOf(fc));
        noteFinish(m[MFinishReason]);
        const bool output = m_output || (m[MOutput].is(JType::Bool) && m[MOutput].raw() == "true");
        emit(normalRole(m[MRole].str(), defaultRole), std::move(parts),
             m.first({MToolCallId, MToolCallIdCamel}).str(), output);
    }

    void systemInstructions(JV v)
    {
        Parts parts;
        addParts(v, parts);
        if (!parts.text.empty())
            emit("system", std::move(parts), {}, false);
    }

    void emitText(std::string_view role, JV text)
    {
        Msg m;
        m.role = std::string(role);
        text.appendTo(m.content);
        m.output = m_output;
        m_out.push_back(std::move(m));
    }

    void emit(std::string_view role, Parts &&parts, std::string toolCallId, bool output)
    {
        if (parts.results.empty()) {
            m_out.push_back(Msg{std::string(role), std::move(parts.text), std::move(parts.calls),
                                std::move(toolCallId), output});
            return;
        }
        // Each tool result becomes its own tool message (Anthropic puts several in one user message).
        if (!parts.text.empty() || !parts.calls.empty())
            m_out.push_back(
                Msg{std::string(role), std::move(parts.text), std::move(parts.calls), {}, output});
        for (ToolResult &r : parts.results)
            m_out.push_back(Msg{"tool", std::move(r.content), {}, std::move(r.id), output});
    }

    void noteFinish(JV v)
    {
        if (m_finish && m_finish->empty() && v.isString())
            *m_finish = v.str();
    }

private:
    void object(JV v, std::string_view defaultRole)
    {
        if (const JV msgs = v.get("messages"); msgs.isArray()) {
            if (const JV system = v.get("system"); system.isString())
                emitText("system", system);
            messages(msgs, defaultRole);
        } else if (const JV choices = v.get("choices"); choices.isArray()) {
            choices.forEach([&](JV choice) {
                noteFinish(choice.get("finish_reason"));
                if (const JV m = choice.get("message"); m.isObject())
                    message(m, "assistant");
                else if (const JV text = choice.get("text"); text.isString())
                    emitText("assistant", text);
            });
        } else if (const JV candidates = v.get("candidates"); candidates.isArray()) {
            candidates.forEach([&](JV candidate) {
                noteFinish(candidate.get("finishReason"));
                if (const JV content = candidate.get("content"); content.isObject())
                    message(content, "assistant");
            });
        } else if (const JV contents = v.get("contents"); contents.isArray()) {
            if (const JV system = v.getAny({"systemInstruction", "system_instruction"}); system.isObject())
                message(system, "system");
            messages(contents, "user");
        } else if (const JV prompt = v.get("prompt")) {
            if (const JV system = v.get("system"); system.isString())
                emitText("system", system);
            if (prompt.isString())
                emitText("user", prompt);
            else if (prompt.isArray())
                messages(prompt, "user");
        } else if (const JV output = v.get("output"); output.isArray()) {
            // OpenAI Responses API result: message items and function_call items.
            Parts calls;
            output.forEach([&](JV item) {
                if (item.get("role"))
                    message(item, "assistant");
                else
                    addPart(item, calls);
            });
            if (!calls.calls.empty() || !calls.results.empty())
                emit("assistant", std::move(calls), {}, m_output);
        } else if (const JV input = v.get("input"); input.isString() || input.isArray()) {
            if (const JV instructions = v.get("instructions"); instructions.isString())
                emitText("system", instructions);
            payload(input, defaultRole);
        } else if (v.get("role") || v.get("parts") || v.get("content")) {
            message(v, defaultRole);
        }
        // Other objects ({"args": [], "kwargs": {}}) are not messages; the raw attribute stays visible.
    }

    std::vector<Msg> &m_out;
    bool m_output;
    std::string *m_finish;
};

// Reads the flattened message attributes of OpenInference (llm.input_messages.N.message.role, ….contents.M
// .message_content.text, ….tool_calls.M.tool_call.function.name) and OpenLLMetry (gen_ai.prompt.N.role,
// gen_ai.completion.N.tool_calls.M.name). The object is a sorted map, so all keys with the prefix are one
// contiguous range found with lower_bound.
struct FlatMessage {
    int64_t index = 0;
    std::string role;
    std::string content;
    std::string toolCallId;
    std::string finishReason;
    std::vector<std::pair<int64_t, std::string>> texts;
    std::vector<std::pair<int64_t, ToolCall>> calls;
};

std::optional<int64_t> leadingIndex(std::string_view &rest)
{
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9')
        ++digits;
    if (digits == 0 || digits > 9 || digits >= rest.size() || rest[digits] != '.')
        return std::nullopt;
    int64_t n = 0;
    std::from_chars(rest.data(), rest.data() + digits, n);
    rest.remove_prefix(digits + 1);
    return n;
}

std::string valueText(const json &v)
{
    if (v.is_string())
        return v.get_ref<const std::string &>();
    if (v.is_null())
        return {};
    return v.dump(-1, ' ', false, json::error_handler_t::replace);
}

ToolCall &callAt(std::vector<std::pair<int64_t, ToolCall>> &calls, int64_t index)
{
    for (auto &c : calls) {
        if (c.first == index)
            return c.second;
    }
    calls.emplace_back(index, ToolCall{});
    return calls.back().second;
}

void readFlattened(const json &attributes, std::string_view prefix, bool output, std::vector<Msg> &out,
                   std::string *finishReason)
{
    const auto &object = attributes.get_ref<const json::object_t &>();
    std::vector<FlatMessage> flats;
    for (auto it = object.lower_bound(prefix); it != object.end() && it->first.starts_with(prefix); ++it) {
        std::string_view rest = std::string_view(it->first).substr(prefix.size());
        const auto n = leadingIndex(rest);
        if (!n)
            continue;
        FlatMessage *f = nullptr;
        for (auto r = flats.rbegin(); r != flats.rend(); ++r) {
            if (r->index == *n) {
                f = &*r;
                break;
            }
        }
        if (!f) {
            flats.emplace_back();
            f = &flats.back();
            f->index = *n;
        }
        if (rest.starts_with("message."))
            rest.remove_prefix(8);
        const json &value = it->second;
        if (rest == "role") {
            f->role = valueText(value);
        } else if (rest == "content") {
            f->content = valueText(value);
        } else if (rest == "tool_call_id") {
            f->toolCallId = valueText(value);
        } else if (rest == "finish_reason") {
            f->finishReason = valueText(value);
        } else if (rest.starts_with("contents.")) {
            rest.remove_prefix(9);
            if (const auto m = leadingIndex(rest); m && rest == "message_content.text")
                f->texts.emplace_back(*m, valueText(value));
        } else if (rest.starts_with("tool_calls.")) {
            rest.remove_prefix(11);
            const auto m = leadingIndex(rest);
            if (!m)
                continue;
            if (rest.starts_with("tool_call."))
                rest.remove_prefix(10);
            ToolCall &call = callAt(f->calls, *m);
            if (rest == "id")
                call.id = valueText(value);
            else if (rest == "function.name" || rest == "name")
                call.name = valueText(value);
            else if (rest == "function.arguments" || rest == "arguments")
                call.arguments = valueText(value);
        } else if (rest == "function_call.name") {
            callAt(f->calls, -1).name = valueText(value);
        } else if (rest == "function_call.arguments") {
            callAt(f->calls, -1).arguments = valueText(value);
        }
    }
    std::sort(flats.begin(), flats.end(), [](const auto &a, const auto &b) { return a.index < b.index; });
    const std::string_view defaultRole = output ? "assistant" : "user";
    for (FlatMessage &f : flats) {
        Parts parts;
        // OpenLLMetry writes multimodal content as a JSON array of parts.
        JDoc doc;
        if (trimmed(f.content).starts_with("[{") && doc.parse(f.content)) {
            addParts(JV::root(doc), parts);
        } else {
            parts.text = std::move(f.content);
        }
        std::sort(f.texts.begin(), f.texts.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &t : f.texts)
            addText(parts, t.second);
        std::sort(f.calls.begin(), f.calls.end(),
                  [](const auto &a, const auto &b) { return a.first < b.first; });
        for (auto &c : f.calls)
            parts.calls.push_back(std::move(c.second));
        if (finishReason && finishReason->empty())
            *finishReason = f.finishReason;
        MessageReader(out, output, nullptr)
            .emit(normalRole(f.role, defaultRole), std::move(parts), std::move(f.toolCallId), output);
    }
}

// Older GenAI semantic conventions put messages in span events: gen_ai.system/user/assistant/tool.message
// and gen_ai.choice with the body as attributes (or a JSON "gen_ai.event.content"/"body"), and the 2024
// gen_ai.content.prompt / gen_ai.content.completion events with JSON gen_ai.prompt / gen_ai.completion.
void readEvents(const json &events, std::vector<Msg> *inputs, std::vector<Msg> *outputs,
                std::string *finishReason)
{
    if (!events.is_array())
        return;
    for (const json &event : events) {
        if (!event.is_object())
            continue;
        const auto nameIt = event.find("name");
        const std::string_view name = textOf(nameIt == event.end() ? nullptr : &*nameIt);
        if (!name.starts_with("gen_ai."))
            continue;
        static const json kNoAttributes = json::object();
        const auto attrIt = event.find("attributes");
        const json &attrs = attrIt != event.end() && attrIt->is_object() ? *attrIt : kNoAttributes;
        const auto attr = [&attrs](const char *key) -> const json * {
            const auto it = attrs.find(key);
            return it == attrs.end() ? nullptr : &*it;
        };
        JDoc doc;
        if (name == "gen_ai.content.prompt") {
            if (inputs && load(attr("gen_ai.prompt"), doc))
                MessageReader(*inputs, false, nullptr).payload(JV::root(doc), "user");
            continue;
        }
        if (name == "gen_ai.content.completion") {
            if (outputs && load(attr("gen_ai.completion"), doc))
                MessageReader(*outputs, true, finishReason).payload(JV::root(doc), "assistant");
            continue;
        }
        std::string_view role;
        if (name == "gen_ai.system.message")
            role = "system";
        else if (name == "gen_ai.user.message")
            role = "user";
        else if (name == "gen_ai.assistant.message")
            role = "assistant";
        else if (name == "gen_ai.tool.message")
            role = "tool";
        else if (name != "gen_ai.choice")
            continue;
        const bool isChoice = role.empty();
        if ((isChoice && !outputs) || (!isChoice && !inputs))
            continue;
        const json *body = attr("gen_ai.event.content");
        if (!body)
            body = attr("body");
        if (!load(body ? body : &attrs, doc))
            continue;
        JV message = JV::root(doc);
        MessageReader reader(isChoice ? *outputs : *inputs, isChoice, isChoice ? finishReason : nullptr);
        if (isChoice) {
            reader.noteFinish(message.get("finish_reason"));
            JDoc inner;
            JV m = message.get("message");
            if (m.isString() && looksLikeJson(m.raw()) && inner.parseOwned(m.str()))
                m = JV::root(inner);
            if (m.isObject())
                reader.message(m, "assistant");
            else if (m.isString())
                reader.emitText("assistant", m);
            continue;
        }
        if (message.isString()) {
            reader.emitText(role, message);
            continue;
        }
        const size_t before = inputs->size();
        reader.message(message, role);
        // A tool event names its call with "id".
        if (role == "tool" && inputs->size() == before + 1 && inputs->back().toolCallId.empty())
            inputs->back().toolCallId = message.get("id").str();
    }
}

// SHA-256 (Qt, already linked; collision-resistant where a 64-bit non-cryptographic hash would need
// another package) cut to 64 bits: at a million distinct prompts two share a hash with odds of ~3e-8.
// The input is the model, a NUL and the input messages as dumped JSON (nlohmann sorts object keys), so
// the same prompt from any convention hashes alike.
int64_t promptHashOf(const std::string &model, const json &inputMessages)
{
    std::string canonical = model;
    canonical.push_back('\0');
    canonical += inputMessages.dump();
    const QByteArray digest = QCryptographicHash::hash(
        QByteArray::fromRawData(canonical.data(), qsizetype(canonical.size())), QCryptographicHash::Sha256);
    uint64_t bits = 0;
    for (int i = 0; i < 8; ++i)
        bits = (bits << 8) | uint8_t(digest[i]);
    return int64_t(bits);
}

json toJson(Msg &&m)
{
    json out = json::object();
    auto &o = out.get_ref<json::object_t &>();
    o.emplace("role", std::move(m.role));
    o.emplace("content", std::move(m.content));
    if (!m.toolCalls.empty()) {
        json calls = json::array();
        for (ToolCall &c : m.toolCalls) {
            json call = json::object();
            auto &co = call.get_ref<json::object_t &>();
            co.emplace("id", std::move(c.id));
            co.emplace("name", std::move(c.name));
            co.emplace("arguments", std::move(c.arguments));
            calls.push_back(std::move(call));
        }
        o.emplace("tool_calls", std::move(calls));
    }
    if (!m.toolCallId.empty())
        o.emplace("tool_call_id", std::move(m.toolCallId));
    if (m.output)
        o.emplace("output", true);
    return out;
}

// ---- Fields ----

std::string composeUrl(const Attrs &a)
{
    std::string path;
    if (const std::string_view p = textOf(a[UrlPath]); !p.empty()) {
        path = p;
        if (const std::string_view q = textOf(a[UrlQuery]); !q.empty()) {
            path += '?';
            path += q;
        }
    } else {
        path = firstText(a, {HttpTarget, HttpPath});
    }
    if (path.empty())
        return {};
    const std::string host = firstText(a, {ServerAddress, HttpHost});
    const std::string scheme = firstText(a, {UrlScheme, HttpScheme});
    if (host.empty() || scheme.empty())
        return path;
    std::string url = scheme + "://" + host;
    if (const auto port = toInt(a[ServerPort]); port && host.find(':') == std::string::npos &&
                                                !(scheme == "http" && *port == 80) &&
                                                !(scheme == "https" && *port == 443)) {
        url += ':';
        url += std::to_string(*port);
    }
    if (path.front() != '/')
        url += '/';
    return url + path;
}

std::string finishReasonOf(const json *v)
{
    if (!v)
        return {};
    if (v->is_array()) {
        for (const json &e : *v) {
            if (e.is_string() && !e.get_ref<const std::string &>().empty())
                return e.get<std::string>();
        }
        return {};
    }
    const std::string_view t = textOf(v);
    if (t.starts_with('[')) {
        JDoc doc;
        std::string first;
        if (doc.parse(t)) {
            JV::root(doc).forEach([&](JV e) {
                if (first.empty() && e.isString())
                    first = e.str();
            });
            return first;
        }
    }
    return std::string(t);
}

std::optional<int64_t> cachedFromProviderMetadata(const json *v)
{
    JDoc doc;
    if (!load(v, doc))
        return std::nullopt;
    std::optional<int64_t> cached;
    JV::root(doc).forEachMember([&](JV, JV provider) {
        if (!cached)
            cached =
                provider.getAny({"cachedPromptTokens", "cacheReadInputTokens", "cachedContentTokenCount"})
                    .asInt();
    });
    if (cached && *cached < 0)
        return std::nullopt;
    return cached;
}

// Category from the explicit span kinds of each convention, then from what the span carries.
std::string categoryOf(const Attrs &a, const ExtractedFields &f, bool llmMessages)
{
    if (const std::string_view c = textOf(a[TdCategory]); !c.empty())
        return std::string(c);
    if (const std::string_view op = textOf(a[GaOperationName]); !op.empty()) {
        if (op == "chat" || op == "text_completion" || op == "generate_content" || op == "completion")
            return "llm";
        if (op == "embeddings" || op == "embedding")
            return "embedding";
        if (op == "execute_tool")
            return "tool";
        if (op == "invoke_agent" || op == "create_agent")
            return "agent";
        if (op == "retrieval" || op == "retrieve")
            return "retrieval";
    }
    if (const std::string_view kind = textOf(a[OiSpanKind]); !kind.empty()) {
        if (equalsLower(kind, "llm"))
            return "llm";
        if (equalsLower(kind, "embedding"))
            return "embedding";
        if (equalsLower(kind, "tool"))
            return "tool";
        if (equalsLower(kind, "agent"))
            return "agent";
        if (equalsLower(kind, "retriever") || equalsLower(kind, "reranker"))
            return "retrieval";
        if (equalsLower(kind, "chain") || equalsLower(kind, "prompt"))
            return "chain";
        if (equalsLower(kind, "guardrail"))
            return "guardrail";
        if (equalsLower(kind, "evaluator"))
            return "evaluator";
    }
    if (const std::string_view kind = textOf(a[OlSpanKind]); !kind.empty()) {
        if (kind == "workflow" || kind == "task")
            return "chain";
        if (kind == "agent")
            return "agent";
        if (kind == "tool")
            return "tool";
    }
    if (const std::string_view type = textOf(a[OlRequestType]); !type.empty()) {
        if (type == "chat" || type == "completion")
            return "llm";
        if (type == "embedding")
            return "embedding";
        if (type == "rerank")
            return "retrieval";
    }
    if (const std::string_view op = textOf(a[AiOperationId]); op.starts_with("ai.")) {
        if (op.ends_with(".doGenerate") || op.ends_with(".doStream"))
            return "llm";
        if (op.ends_with(".doEmbed"))
            return "embedding";
        if (op == "ai.toolCall")
            return "tool";
        // ai.generateText, ai.streamText, …: the SDK's multi-step call around its doGenerate/doStream
        // children, whose usage it sums up.
        return "chain";
    }
    if (!textOf(a[GaToolName]).empty())
        return "tool";
    if (!textOf(a[GaAgentName]).empty())
        return "agent";
    if (!f.model.empty() || f.inputTokens || f.outputTokens || f.totalTokens || llmMessages)
        return "llm";
    if (!f.httpMethod.empty() || f.statusCode)
        return "http";
    return {};
}

void extract(const Span &span, const PricingTable &pricing, ExtractedFields &f)
{
    Attrs a;
    classify(span.attributes, a);

    // Generic request fields.
    f.requestId =
        firstId(a, {TdRequestId, RequestIdUnderscore, RequestIdDot, HttpRequestId, HttpRequestIdHeader});
    f.userId = firstId(a, {TdUserId, UserId, EnduserId, OlUserId, LfUserId, AiUserId});
    f.sessionId = firstId(a, {TdSessionId, SessionId, OlSessionId, LfSessionId, AiSessionId});
    f.conversationId = firstId(a, {TdConversationId, GaConversationId});
    if ((f.userId.empty() || f.sessionId.empty()) && span.resource.is_object()) {
        const auto resourceId = [&span](const char *key) {
            const auto it = span.resource.find(key);
            return it == span.resource.end() ? std::string() : idOf(&*it);
        };
        if (f.userId.empty())
            f.userId = resourceId("user.id");
        if (f.userId.empty())
            f.userId = resourceId("enduser.id");
        if (f.sessionId.empty())
            f.sessionId = resourceId("session.id");
    }
    f.httpMethod = firstText(a, {TdHttpMethod, HttpRequestMethod, HttpMethod});
    f.httpUrl = firstText(a, {TdHttpUrl, UrlFull, HttpUrl});
    if (f.httpUrl.empty())
        f.httpUrl = composeUrl(a);
    for (const Key k : {TdStatusCode, HttpResponseStatusCode, HttpStatusCode}) {
        if (const auto code = toInt(a[k]); code && *code >= 0 && *code <= 999) {
            f.statusCode = int(*code);
            break;
        }
    }

    // Provider and model.
    f.provider = firstText(a, {TdProvider, GaProviderName, OiProvider, OiSystem, GaSystem});
    if (f.provider.empty()) {
        // AI SDK provider ids name the API too: "openai.chat", "anthropic.messages".
        const std::string_view p = textOf(a[AiModelProvider]);
        f.provider = std::string(p.substr(0, p.find('.')));
    }
    f.model = firstText(a, {TdModel, GaResponseModel, GaRequestModel, OiResponseModel, OiModel,
                            OlResponseModel, OlRequestModel, AiResponseModel, AiModelId});

    // Tokens.
    f.inputTokens = firstCount(
        a, {TdInputTokens, GaInputTokens, OiPromptTokens, OlPromptTokens, AiPromptTokens, AiInputTokens});
    f.outputTokens = firstCount(a, {TdOutputTokens, GaOutputTokens, OiCompletionTokens, OlCompletionTokens,
                                    AiCompletionTokens, AiOutputTokens});
    f.cachedInputTokens = firstCount(
        a, {TdCachedTokens, GaCacheRead, GaCacheReadFlat, GaCachedDetails, OiCacheRead, AiCachedTokens});
    if (!f.cachedInputTokens && a[AiProviderMetadata])
        f.cachedInputTokens = cachedFromProviderMetadata(a[AiProviderMetadata]);
    f.reasoningTokens =
        firstCount(a, {TdReasoningTokens, GaReasoning, GaReasoningDetails, OiReasoning, AiReasoningTokens});
    f.totalTokens =
        firstCount(a, {TdTotalTokens, GaTotalTokens, OiTotalTokens, OlTotalTokens, AiTotalTokens});
    // inputTokens includes cached tokens and outputTokens reasoning tokens (GenAI semantics). A count that
    // exceeds its total can only come from a source reporting them apart (Anthropic's raw usage has
    // input_tokens without cache reads), so add them in; otherwise they're taken as already included.
    if (f.inputTokens && f.cachedInputTokens && *f.cachedInputTokens > *f.inputTokens)
        *f.inputTokens += *f.cachedInputTokens;
    if (f.outputTokens && f.reasoningTokens && *f.reasoningTokens > *f.outputTokens)
        *f.outputTokens += *f.reasoningTokens;
    if (!f.totalTokens && f.inputTokens && f.outputTokens)
        f.totalTokens = *f.inputTokens + *f.outputTokens;

    // Time to first token.
    if (const auto ms = firstAmount(a, {TdTtft}))
        f.ttftMs = ms;
    else if (const auto s = firstAmount(a, {GaTtft}))
        f.ttftMs = *s * 1000.0;
    else if (const auto ms2 = firstAmount(a, {OiTtft, AiMsToFirstChunk, AiStreamMsToFirstChunk}))
        f.ttftMs = ms2;

    // Messages: inputs, then outputs, each from the first convention that has any.
    std::vector<Msg> inputs;
    std::vector<Msg> outputs;
    inputs.reserve(4);
    outputs.reserve(2);
    // Finish reasons met in messages, kept by convention so the precedence holds across keys and messages.
    std::string seedFinish;
    std::string genAiFinish;
    std::string openLlmetryFinish;
    std::string otherFinish;
    // Reused across spans: its token buffer is the one allocation of reading a message payload.
    thread_local JDoc doc;
    struct Trim {
        JDoc &doc;
        ~Trim() { doc.trim(); }
    } trim{doc};
    const bool seedMessages = load(a[TdMessages], doc);
    if (seedMessages) {
        MessageReader(inputs, false, &seedFinish).payload(JV::root(doc), "user");
    } else {
        if (load(a[TdInput], doc))
            MessageReader(inputs, false, nullptr).payload(JV::root(doc), "user");
        if (load(a[TdOutput], doc))
            MessageReader(outputs, true, &seedFinish).payload(JV::root(doc), "assistant");
    }
    if (!seedMessages) {
        if (inputs.empty()) {
            MessageReader reader(inputs, false, nullptr);
            if (load(a[GaSystemInstructions], doc))
                reader.systemInstructions(JV::root(doc));
            if (load(a[GaInputMessages], doc))
                reader.payload(JV::root(doc), "user");
        }
        if (inputs.empty() && a.oiInput)
            readFlattened(span.attributes, kOiInputPrefix, false, inputs, nullptr);
        if (inputs.empty() && a.olPrompt)
            readFlattened(span.attributes, kOlPromptPrefix, false, inputs, nullptr);
        if (inputs.empty() && (load(a[AiPromptMessages], doc) || load(a[AiPrompt], doc)))
            MessageReader(inputs, false, nullptr).payload(JV::root(doc), "user");

        if (outputs.empty() && load(a[GaOutputMessages], doc))
            MessageReader(outputs, true, &genAiFinish).payload(JV::root(doc), "assistant");
        if (outputs.empty() && a.oiOutput)
            readFlattened(span.attributes, kOiOutputPrefix, true, outputs, nullptr);
        if (outputs.empty() && a.olCompletion)
            readFlattened(span.attributes, kOlCompletionPrefix, true, outputs, &openLlmetryFinish);
        if (outputs.empty() && (a[AiResponseText] || a[AiResponseObject] || a[AiResponseToolCalls])) {
            Parts parts;
            const json *text = a[AiResponseText] ? a[AiResponseText] : a[AiResponseObject];
            if (text && text->is_string())
                parts.text = text->get<std::string>();
            if (load(a[AiResponseToolCalls], doc))
                JV::root(doc).forEach([&](JV call) { parts.calls.push_back(toolCallOf(call)); });
            if ((text && text->is_string()) || !parts.calls.empty())
                MessageReader(outputs, true, nullptr).emit("assistant", std::move(parts), {}, true);
        }
        if ((inputs.empty() || outputs.empty()) && span.events.is_array() && !span.events.empty())
            readEvents(span.events, inputs.empty() ? &inputs : nullptr, outputs.empty() ? &outputs : nullptr,
                       &otherFinish);
    }

    f.category = categoryOf(a, f, !inputs.empty() || !outputs.empty());

    // Free-form inputs and outputs count as messages only for model calls: on chain and agent spans they
    // would repeat what the model spans below them already show.
    if (f.category == "llm" && !seedMessages) {
        if (inputs.empty() && (load(a[OiInputValue], doc) || load(a[OlEntityInput], doc)))
            MessageReader(inputs, false, nullptr).payload(JV::root(doc), "user");
        if (outputs.empty() && (load(a[OiOutputValue], doc) || load(a[OlEntityOutput], doc)))
            MessageReader(outputs, true, &otherFinish).payload(JV::root(doc), "assistant");
    }
    if (!inputs.empty() || !outputs.empty()) {
        auto &messages = f.messages.get_ref<json::array_t &>();
        messages.reserve(inputs.size() + outputs.size());
        for (Msg &m : inputs)
            messages.push_back(toJson(std::move(m)));
        if (f.category == "llm" && !inputs.empty())
            f.promptHash = promptHashOf(f.model, messages);
        for (Msg &m : outputs)
            messages.push_back(toJson(std::move(m)));
    }

    f.finishReason = [&]() -> std::string {
        if (std::string t = firstText(a, {TdFinishReason}); !t.empty())
            return t;
        if (!seedFinish.empty())
            return std::move(seedFinish);
        if (std::string t = finishReasonOf(a[GaFinishReasons]); !t.empty())
            return t;
        if (!genAiFinish.empty())
            return std::move(genAiFinish);
        if (std::string t = firstText(a, {OiFinishReason}); !t.empty())
            return t;
        if (!openLlmetryFinish.empty())
            return std::move(openLlmetryFinish);
        if (std::string t = firstText(a, {AiFinishReason}); !t.empty())
            return t;
        return std::move(otherFinish);
    }();

    // Cost: a cost sent with the data wins; else computed from the pricing table.
    std::optional<double> given = firstAmount(a, {TdCost, GaCost, OiCostTotal});
    if (!given) {
        const auto prompt = firstAmount(a, {OiCostPrompt});
        const auto completion = firstAmount(a, {OiCostCompletion});
        if (prompt || completion)
            given = prompt.value_or(0) + completion.value_or(0);
    }
    if (!given)
        given = firstAmount(a, {OperationCost});
    if (given) {
        f.costUsd = given;
        f.costSource = CostSource::Given;
    }
    const ModelPrice *price = nullptr;
    if (!f.model.empty() && (f.provider.empty() || !given))
        price = pricing.find(f.model);
    if (price && f.provider.empty())
        f.provider = price->provider;
    if (!given) {
        f.costUsd =
            PricingTable::computedCost(price, f.category, f.inputTokens, f.cachedInputTokens, f.outputTokens);
        if (f.costUsd)
            f.costSource = CostSource::Computed;
    }
}

} // namespace

Normalizer::Normalizer()
    : m_held(PricingTable::current())
    , m_pricing(*m_held)
{}

Normalizer::Normalizer(const PricingTable &pricing)
    : m_pricing(pricing)
{}

void Normalizer::normalize(Span &span) const
{
    ExtractedFields fields;
    try {
        extract(span, m_pricing, fields);
    } catch (const std::exception &) {
        // Odd input must never stop ingest; keep whatever was extracted before it.
    }
    span.fields = std::move(fields);
}

} // namespace tracedeck

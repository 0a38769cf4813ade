#include "redactor.h"

#include <QRegularExpression>
#include <QString>

#include <algorithm>
#include <array>
#include <mutex>
#include <unordered_map>

namespace tracedeck {

namespace {

const std::string kRedacted = "[REDACTED]";

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

bool isAsciiDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isKeyChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isAsciiDigit(c) || c == '_' || c == '-' ||
           c == '.';
}

char lower(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool startsWith(std::string_view text, size_t at, std::string_view prefix)
{
    return text.size() - at >= prefix.size() && text.compare(at, prefix.size(), prefix) == 0;
}

bool startsWithNoCase(std::string_view text, size_t at, std::string_view lowerPrefix)
{
    if (text.size() - at < lowerPrefix.size())
        return false;
    for (size_t i = 0; i < lowerPrefix.size(); ++i) {
        if (lower(text[at + i]) != lowerPrefix[i])
            return false;
    }
    return true;
}

// Words that, after "<key>_", still name the secret itself (email_address, password_hash) rather than
// something about it (token_count, token_type, password_policy).
bool isQualifier(std::string_view word)
{
    static constexpr std::array<std::string_view, 11> words{
        "address", "addr", "number", "num", "no", "value", "hash", "key", "string", "plain", "raw"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

// Words that, before "_<key>", make it a count or a timing: time_to_first_token, max_token, num_token.
bool isCountWord(std::string_view word)
{
    static constexpr std::array<std::string_view, 14> words{
        "first", "last",   "next",   "per",        "max",   "min",    "num",
        "input", "output", "prompt", "completion", "total", "cached", "reasoning"};
    return std::find(words.begin(), words.end(), word) != words.end();
}

std::string_view lastWord(std::string_view snake)
{
    const size_t underscore = snake.rfind('_');
    return underscore == std::string_view::npos ? snake : snake.substr(underscore + 1);
}

bool luhnValid(const QString &digits)
{
    int sum = 0;
    bool twice = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        int d = digits[i].unicode() - '0';
        if (twice) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        twice = !twice;
    }
    return sum % 10 == 0;
}

QString digitsOf(QStringView text)
{
    QString digits;
    digits.reserve(text.size());
    for (QChar c : text) {
        if (isDigit(c))
            digits.append(c);
    }
    return digits;
}

// Phone numbers without '+' must look like one: a "(area)" part, '-' or '.' separators (not four or more
// dotted groups: IP addresses, versions), or space-separated groups starting with a trunk '0' or in the
// 3-3-4 shape. This keeps tables of numbers ("1500 2000 3000") and dates intact.
bool looksLikePhone(QStringView match)
{
    const QString digits = digitsOf(match);
    if (digits.size() < 9 || digits.size() > 15)
        return false;
    if (match.startsWith(QLatin1Char('+')) || match.contains(QLatin1Char('(')))
        return true;
    std::vector<qsizetype> groups{0};
    bool dash = false;
    bool dot = false;
    for (QChar c : match) {
        if (isDigit(c)) {
            ++groups.back();
            continue;
        }
        dash |= c == QLatin1Char('-');
        dot |= c == QLatin1Char('.');
        groups.push_back(0);
    }
    if (dash)
        return true;
    if (dot)
        return groups.size() <= 3;
    return match.front() == QLatin1Char('0') ||
           (groups.size() == 3 && groups[0] == 3 && groups[1] == 3 && groups[2] == 4);
}

QRegularExpression compiled(const QString &pattern)
{
    QRegularExpression re(pattern);
    Q_ASSERT(re.isValid());
    re.optimize(); // compile and JIT now, before threads share it
    return re;
}

struct Patterns {
    // key = value, key: value, "key": "value", 'key': 'value'; the key is checked in code.
    QRegularExpression keyed = compiled(QStringLiteral(
        R"re((?<![\w.\-])([A-Za-z_][\w.\-]*)(["']?[ \t]*[:=][ \t]*)(?:"([^"\n]*)"|'([^'\n]*)'|((?:[Bb]earer[ \t]+|[Bb]asic[ \t]+)?[^\s"'&,;}\]<>]+)))re"));
    QRegularExpression bearer =
        compiled(QStringLiteral(R"re((?i)\b(bearer\s+)([A-Za-z0-9\-._~+/]{8,}=*))re"));
    QRegularExpression jwt =
        compiled(QStringLiteral(R"(\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})"));
    QRegularExpression apiKey = compiled(QStringLiteral(
        R"(\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_\-]{16,}|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}|(?:AKIA|ASIA)[0-9A-Z]{16}\b|gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}|xox[abposr]-[A-Za-z0-9\-]{10,}|AIza[0-9A-Za-z_\-]{35}))"));
    QRegularExpression email = compiled(
        QStringLiteral(R"([A-Za-z0-9._%+\-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})"));
    // Issuer prefixes 2-6 only: no card starts with 1 or 7-9, which keeps epoch timestamps (17…) out.
    QRegularExpression card =
        compiled(QStringLiteral(R"re((?<![\w.\-+])[2-6]\d{3}(?:[ \-]?\d){9,15}(?![\w\-]))re"));
    QRegularExpression ssn = compiled(QStringLiteral(R"re((?<![\w.\-+])\d{3}-\d{2}-\d{4}(?![\w\-]))re"));
    QRegularExpression phone = compiled(QStringLiteral(
        R"re((?<![\w.\-+/])(?:\+(?:\d{1,3}[ .\-]?(?:\(\d{1,4}\)[ .\-]?)?\d{1,8}(?:[ .\-]\d{1,8}){0,5}|\d{8,15})|\(\d{1,4}\)[ .\-]?\d{1,8}(?:[ .\-]\d{1,8}){0,5}|\d{1,5}(?:[ .\-]\d{1,8}){1,5})(?![\w\-/:]|\.\d))re"));
};

const Patterns &patterns()
{
    static const Patterns instance;
    return instance;
}

// What replaces a match: the range [from, to) and the text to put there, or nothing; and where the search
// goes on.
struct Edit {
    bool replace = false;
    qsizetype from = 0;
    qsizetype to = 0;
    QString with;
    qsizetype resume = 0;
};

template <typename Decide> bool replaceMatches(QString &text, const QRegularExpression &re, Decide decide)
{
    QString out;
    qsizetype copied = 0;
    qsizetype pos = 0;
    bool changed = false;
    while (pos < text.size()) {
        const QRegularExpressionMatch match = re.match(text, pos);
        if (!match.hasMatch())
            break;
        const Edit edit = decide(match);
        if (edit.replace) {
            out.append(QStringView(text).mid(copied, edit.from - copied));
            out.append(edit.with);
            copied = edit.to;
            changed = true;
        }
        pos = std::max(edit.resume, match.capturedStart() + 1);
    }
    if (changed) {
        out.append(QStringView(text).mid(copied));
        text = std::move(out);
    }
    return changed;
}

bool replaceAllWith(QString &text, const QRegularExpression &re, const QString &label)
{
    return replaceMatches(text, re, [&label](const QRegularExpressionMatch &m) {
        return Edit{true, m.capturedStart(), m.capturedEnd(), label, m.capturedEnd()};
    });
}

enum CharClass : unsigned char { Plain, Digit, Separator, Dash, Trigger };

// What scan() does with each byte; most bytes are Plain.
constexpr std::array<CharClass, 256> kCharClasses = [] {
    std::array<CharClass, 256> classes{};
    for (char c = '0'; c <= '9'; ++c)
        classes[static_cast<unsigned char>(c)] = Digit;
    for (char c : std::string_view(" .()+"))
        classes[static_cast<unsigned char>(c)] = Separator;
    classes['-'] = Dash;
    for (char c : std::string_view("@:=BbkJAgx"))
        classes[static_cast<unsigned char>(c)] = Trigger;
    return classes;
}();

bool looksLikeJson(std::string_view text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    return first != std::string_view::npos && (text[first] == '{' || text[first] == '[');
}

} // namespace

struct Redactor::Triggers {
    bool keyed = false;
    bool email = false;
    bool number = false;
    bool token = false;
    bool apiKey = false;
    bool ssn = false;
    bool any() const { return keyed || email || number || token || apiKey || ssn; }
};

Redactor::Redactor()
    : Redactor(Rules())
{}

// A bounded map: keys made of ids (one per request) would otherwise grow it without end.
struct Redactor::KeyCache {
    static constexpr size_t kMaxKeys = 4096;
    struct Hash {
        using is_transparent = void;
        size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    std::mutex mutex;
    std::unordered_map<std::string, bool, Hash, std::equal_to<>> sensitive;
};

Redactor::Redactor(Rules rules)
    : m_rules(std::move(rules))
    , m_keyCache(std::make_shared<KeyCache>())
{
    for (const std::string &key : m_rules.keys) {
        std::string normalized;
        std::string compact;
        for (char c : key) {
            const char n = c == '-' || c == ' ' ? '_' : lower(c);
            normalized += n;
            if (n != '_')
                compact += n;
        }
        if (normalized.empty())
            continue;
        m_keys.push_back(std::move(normalized));
        m_compactKeys.push_back(std::move(compact));
    }
}

bool Redactor::isSensitiveKey(std::string_view key) const
{
    if (m_keys.empty() || key.empty())
        return false;
    KeyCache &cache = *m_keyCache;
    {
        std::lock_guard lock(cache.mutex);
        if (const auto it = cache.sensitive.find(key); it != cache.sensitive.end())
            return it->second;
    }
    const bool sensitive = classifyKey(key);
    std::lock_guard lock(cache.mutex);
    if (cache.sensitive.size() < KeyCache::kMaxKeys)
        cache.sensitive.emplace(key, sensitive);
    return sensitive;
}

bool Redactor::classifyKey(std::string_view key) const
{
    if (m_keys.empty() || key.empty())
        return false;
    // The last segment, skipping list indices (headers.authorization.0).
    std::string_view raw;
    size_t end = key.size();
    while (true) {
        const size_t dot = end == 0 ? std::string_view::npos : key.rfind('.', end - 1);
        const size_t begin = dot == std::string_view::npos ? 0 : dot + 1;
        raw = key.substr(begin, end - begin);
        const bool index = !raw.empty() && std::all_of(raw.begin(), raw.end(), isAsciiDigit);
        if (!index || begin == 0)
            break;
        end = begin - 1;
    }
    if (raw.empty() || raw.size() > 100)
        return false;
    // Normalized: lowercase, '-' and ' ' as '_', "camelCase" as "camel_case".
    char buffer[208];
    size_t n = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
        const char c = raw[i];
        if (c >= 'A' && c <= 'Z' && i > 0 &&
            ((raw[i - 1] >= 'a' && raw[i - 1] <= 'z') || isAsciiDigit(raw[i - 1])))
            buffer[n++] = '_';
        buffer[n++] = c == '-' || c == ' ' ? '_' : lower(c);
    }
    const std::string_view segment(buffer, n);
    if (!matchesKey(segment))
        return false;
    // Token counts live under "usage" (gen_ai.usage.*, llm.usage.*) and "token_count" (OpenInference).
    std::string parents(key.substr(0, size_t(raw.data() - key.data())));
    std::transform(parents.begin(), parents.end(), parents.begin(), lower);
    return parents.find("usage.") == std::string::npos && parents.find("token_count.") == std::string::npos &&
           parents.find("tokencount.") == std::string::npos;
}

bool Redactor::matchesKey(std::string_view segment) const
{
    for (size_t k = 0; k < m_keys.size(); ++k) {
        const std::string &want = m_keys[k];
        if (segment == want)
            return true;
        if (segment.size() > want.size() && segment.ends_with(want) &&
            segment[segment.size() - want.size() - 1] == '_' &&
            !isCountWord(lastWord(segment.substr(0, segment.size() - want.size() - 1))))
            return true;
        if (segment.size() > want.size() && segment.starts_with(want) && segment[want.size()] == '_' &&
            isQualifier(segment.substr(want.size() + 1)))
            return true;
        if (segment.size() == m_compactKeys[k].size() && segment == m_compactKeys[k])
            return true;
    }
    return false;
}

// One pass over the bytes to decide which patterns can match at all. Most strings (prose without
// digits runs, '@' or key prefixes) end here.
Redactor::Triggers Redactor::scan(std::string_view text) const
{
    Triggers found;
    int runDigits = 0;   // digits in a run of digits and phone/card separators
    int plainDigits = 0; // digits since the last non-digit
    int dashDigits = -1; // digits before the last '-', for 123-45-6789
    const size_t n = text.size();
    for (size_t i = 0; i < n; ++i) {
        const char c = text[i];
        switch (kCharClasses[static_cast<unsigned char>(c)]) {
        case Plain:
            runDigits = plainDigits = 0;
            dashDigits = -1;
            while (i + 1 < n && kCharClasses[static_cast<unsigned char>(text[i + 1])] == Plain)
                ++i;
            continue;
        case Digit:
            ++plainDigits;
            found.number |= ++runDigits >= 9;
            continue;
        case Separator:
            plainDigits = 0;
            dashDigits = -1;
            continue;
        case Dash:
            found.ssn |= plainDigits == 2 && dashDigits == 3;
            dashDigits = plainDigits;
            plainDigits = 0;
            continue;
        default:
            break;
        }
        runDigits = plainDigits = 0;
        dashDigits = -1;
        // Cheap tests of the neighbours first: most of these letters are in words, not keys.
        const char next = i + 1 < n ? text[i + 1] : '\0';
        switch (c) {
        case '@':
            found.email = true;
            break;
        case ':':
        case '=':
            if (!found.keyed && !m_keys.empty()) {
                size_t j = i;
                while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t'))
                    --j;
                if (j > 0 && (text[j - 1] == '"' || text[j - 1] == '\''))
                    --j;
                const size_t keyEnd = j;
                while (j > 0 && isKeyChar(text[j - 1]))
                    --j;
                found.keyed = keyEnd > j && isSensitiveKey(text.substr(j, keyEnd - j));
            }
            break;
        case 'B':
        case 'b':
            found.token |= (next == 'e' || next == 'E') && startsWithNoCase(text, i, "bearer");
            break;
        case 'J': // eyJ
            found.token |= i >= 2 && text[i - 1] == 'y' && text[i - 2] == 'e';
            break;
        case 'k': // sk-, sk_live_, rk_test_
            found.apiKey |= i >= 1 && (text[i - 1] == 's' || text[i - 1] == 'r') &&
                            (next == '-' || startsWith(text, i, "k_live_") || startsWith(text, i, "k_test_"));
            break;
        case 'A':
            found.apiKey |=
                (next == 'K' || next == 'S' || next == 'I') &&
                (startsWith(text, i, "AKIA") || startsWith(text, i, "ASIA") || startsWith(text, i, "AIza"));
            break;
        case 'g':
            found.apiKey |=
                next == 'h' && ((n - i > 3 && text[i + 3] == '_') || startsWith(text, i, "github_pat_"));
            break;
        case 'x':
            found.apiKey |= next == 'o' && startsWith(text, i, "xox");
            break;
        default:
            break;
        }
    }
    found.email &= m_rules.emails;
    found.number &= m_rules.phones || m_rules.cards;
    found.ssn &= m_rules.ssns;
    found.token &= m_rules.tokens;
    found.apiKey &= m_rules.apiKeys;
    return found;
}

bool Redactor::redactText(std::string &text, const Triggers &found) const
{
    const Patterns &p = patterns();
    QString q = QString::fromStdString(text);
    bool changed = false;
    if (found.keyed) {
        changed |= replaceMatches(q, p.keyed, [this](const QRegularExpressionMatch &m) {
            Edit edit;
            edit.resume = m.capturedEnd(2);
            if (!isSensitiveKey(m.captured(1).toStdString()))
                return edit;
            const int group = m.capturedStart(3) >= 0 ? 3 : m.capturedStart(4) >= 0 ? 4 : 5;
            edit.replace = m.capturedLength(group) > 0;
            edit.from = m.capturedStart(group);
            edit.to = m.capturedEnd(group);
            edit.with = QString::fromStdString(kRedacted);
            edit.resume = m.capturedEnd(0);
            return edit;
        });
    }
    if (found.token) {
        changed |= replaceMatches(q, p.bearer, [](const QRegularExpressionMatch &m) {
            return Edit{true, m.capturedStart(2), m.capturedEnd(2), QStringLiteral("[REDACTED:token]"),
                        m.capturedEnd()};
        });
        changed |= replaceAllWith(q, p.jwt, QStringLiteral("[REDACTED:token]"));
    }
    if (found.apiKey)
        changed |= replaceAllWith(q, p.apiKey, QStringLiteral("[REDACTED:api_key]"));
    if (found.email)
        changed |= replaceAllWith(q, p.email, QStringLiteral("[REDACTED:email]"));
    if (found.number && m_rules.cards) {
        changed |= replaceMatches(q, p.card, [](const QRegularExpressionMatch &m) {
            const QString digits = digitsOf(m.capturedView());
            const bool card = digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits);
            return Edit{card, m.capturedStart(), m.capturedEnd(), QStringLiteral("[REDACTED:card]"),
                        m.capturedEnd()};
        });
    }
    if (found.ssn)
        changed |= replaceAllWith(q, p.ssn, QStringLiteral("[REDACTED:ssn]"));
    if (found.number && m_rules.phones) {
        changed |= replaceMatches(q, p.phone, [](const QRegularExpressionMatch &m) {
            return Edit{looksLikePhone(m.capturedView()), m.capturedStart(), m.capturedEnd(),
                        QStringLiteral("[REDACTED:phone]"), m.capturedEnd()};
        });
    }
    if (changed)
        text = q.toStdString();
    return changed;
}

bool Redactor::redactString(std::string &text) const
{
    const Triggers found = scan(text);
    if (!found.any())
        return false;
    // JSON held in a string (gen_ai.input.messages, tool arguments): its keys count as keys, and its
    // strings are redacted unescaped.
    if (looksLikeJson(text)) {
        nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
        if (!parsed.is_discarded() && parsed.is_structured()) {
            if (!redactJson(parsed))
                return false;
            text = parsed.dump();
            return true;
        }
    }
    return redactText(text, found);
}

bool Redactor::redactJson(nlohmann::json &value) const
{
    bool changed = false;
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            nlohmann::json &child = it.value();
            if (isSensitiveKey(it.key())) {
                const bool empty =
                    child.is_null() || (child.is_string() && child.get_ref<const std::string &>().empty());
                if (!empty && child != kRedacted) {
                    child = kRedacted;
                    changed = true;
                }
            } else {
                changed |= redactJson(child);
            }
        }
    } else if (value.is_array()) {
        for (nlohmann::json &element : value)
            changed |= redactJson(element);
    } else if (value.is_string()) {
        changed |= redactString(value.get_ref<std::string &>());
    }
    return changed;
}

void Redactor::redact(Span &span) const
{
    if (!m_rules.enabled)
        return;
    redactString(span.name);
    redactString(span.statusMessage);
    redactJson(span.attributes);
    redactJson(span.events);
    redactJson(span.links);
    redactJson(span.resource);
    redactJson(span.scope);
    ExtractedFields &f = span.fields;
    for (std::string *text : {&f.requestId, &f.userId, &f.sessionId, &f.conversationId, &f.httpUrl})
        redactString(*text);
    redactJson(f.messages);
}

} // namespace tracedeck

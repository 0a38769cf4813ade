#pragma once

#include "span.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tracedeck {

// Removes secrets and personal data from a span before it is stored.
//
// Keys: an attribute or JSON object key is sensitive when its last dotted segment (trailing numeric
// segments such as ".0" skipped), lowercased, camelCase split and '-' read as '_', is one of Rules::keys,
// ends with "_<key>" (access_token, user_email, openai_api_key) unless the word before is a count or
// timing word (time_to_first_token, max_token, prompt_token: see isCountWord), starts with "<key>_" followed
// by one qualifier word (email_address, phone_number, password_hash, secret_key), or equals it with the
// underscores dropped (apikey). Keys under a "usage" or "token_count" segment are never sensitive: they
// hold token counts. "max_tokens", "input_tokens" do not match "token" ("tokens" is another word).
// A sensitive key's value, whatever its type, becomes "[REDACTED]". The same rule applies to "key=value"
// and "key: value" inside text (URL query strings, logs, Python reprs) and to keys of JSON held in a string.
//
// Values: inside every string, patterns become "[REDACTED:<kind>]" (see Rules). Identifiers the user
// filters by (user, session, request ids) are kept unless they contain such a pattern (an e-mail).
class Redactor {
public:
    struct Rules {
        bool enabled = true;
        std::vector<std::string> keys{"authorization", "x-api-key", "api-key", "password", "secret",
                                      "token",         "email",     "phone",   "ssn",      "credit_card"};
        bool emails = true; // [REDACTED:email]
        bool phones = true; // [REDACTED:phone]: 9-15 digits with separators or a leading '+'
        bool cards = true;  // [REDACTED:card]: 13-19 digits, issuer prefix 2-6, Luhn-valid
        bool tokens = true; // [REDACTED:token]: "Bearer …", JWTs
        bool apiKeys = true; // [REDACTED:api_key]: sk-…, sk-ant-…, sk_live_…, AKIA…, ghp_…, xox[bp]-…, AIza…
        bool ssns = true; // [REDACTED:ssn]: 123-45-6789
    };

    Redactor();
    explicit Redactor(Rules rules);

    void redact(Span &span) const;

    // The parts redact() is made of, public for tests.
    bool isSensitiveKey(std::string_view key) const;
    bool redactString(std::string &text) const; // true when text changed
    bool redactJson(nlohmann::json &value) const;

private:
    struct Triggers;
    struct KeyCache;
    bool classifyKey(std::string_view key) const;
    Triggers scan(std::string_view text) const;
    bool redactText(std::string &text, const Triggers &found) const;
    bool matchesKey(std::string_view normalizedSegment) const;

    Rules m_rules;
    std::vector<std::string> m_keys;        // normalized: lowercase, '_' for '-'
    std::vector<std::string> m_compactKeys; // idem without '_'
    // isSensitiveKey's answers: the same few attribute and message keys come back on every span. Shared by
    // copies, which have the same rules.
    std::shared_ptr<KeyCache> m_keyCache;
};

} // namespace tracedeck

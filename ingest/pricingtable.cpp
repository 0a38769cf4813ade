#include "pricingtable.h"
#include "textutil.h"

#include <QByteArray>
#include <QFile>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

// Q_INIT_RESOURCE declares a function in the current namespace, so it must be used outside ours. The
// resource lives in a static library, whose self-registering initializer the linker would drop.
static void initIngestResources()
{
    Q_INIT_RESOURCE(ingest);
}

namespace tracedeck {
namespace {

using json = nlohmann::json;

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view s)
{
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), lowerAscii);
    return out;
}

bool globMatch(std::string_view glob, std::string_view text)
{
    size_t g = 0;
    size_t t = 0;
    size_t starG = std::string_view::npos;
    size_t starT = 0;
    while (t < text.size()) {
        if (g < glob.size() && glob[g] == '*') {
            starG = g++;
            starT = t;
        } else if (g < glob.size() && glob[g] == text[t]) {
            ++g;
            ++t;
        } else if (starG != std::string_view::npos) {
            g = starG + 1;
            t = ++starT;
        } else {
            return false;
        }
    }
    while (g < glob.size() && glob[g] == '*')
        ++g;
    return g == glob.size();
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// What may follow "<model>-" (or "<model>@") in a versioned name of the same model: a date
// ("2024-08-06", "20241022"), a short version ("0613", "2411", "001"), "latest", "preview", "exp" or
// "v2". Anything else ("mini", "lite", "audio", "realtime") names a different model.
bool isVersionSuffix(std::string_view rest)
{
    const std::string_view token = rest.substr(0, rest.find_first_of("-@:"));
    if (allDigits(token))
        return token.size() >= 3 && token.size() <= 8;
    if (token == "latest" || token == "preview" || token == "exp")
        return true;
    return token.size() >= 2 && token[0] == 'v' && allDigits(token.substr(1));
}

std::optional<double> price(const json &entry, const char *key)
{
    const auto it = entry.find(key);
    if (it == entry.end() || !it->is_number())
        return std::nullopt;
    const double v = it->get<double>();
    if (!std::isfinite(v) || v < 0)
        return std::nullopt;
    return v;
}

} // namespace

PricingTable PricingTable::fromJson(std::string_view text, std::string *error)
{
    const auto fail = [error](std::string message) {
        if (error)
            *error = "pricing table: " + message;
        return PricingTable{};
    };
    const json doc = json::parse(text.begin(), text.end(), nullptr, false);
    if (doc.is_discarded())
        return fail("not valid JSON");
    if (!doc.is_object())
        return fail("the top level must be an object");

    PricingTable table;
    if (const auto date = doc.find("date"); date != doc.end()) {
        if (!date->is_string())
            return fail("\"date\" must be a string");
        table.m_date = date->get<std::string>();
    }
    if (const auto currency = doc.find("currency"); currency != doc.end() && *currency != "USD")
        return fail("\"currency\" must be \"USD\"");
    const auto models = doc.find("models");
    if (models == doc.end() || !models->is_array())
        return fail("\"models\" must be an array");

    for (size_t i = 0; i < models->size(); ++i) {
        const json &entry = (*models)[i];
        std::string where = "models[" + std::to_string(i) + "]";
        if (!entry.is_object())
            return fail(where + " must be an object");
        const auto model = entry.find("model");
        if (model == entry.end() || !model->is_string() ||
            trimmed(model->get_ref<const std::string &>()).empty())
            return fail(where + ": \"model\" must be a non-empty string");
        where += " (\"" + model->get<std::string>() + "\")";

        ModelPrice p;
        p.model = lowered(trimmed(model->get_ref<const std::string &>()));
        for (const ModelPrice &other : table.m_prices) {
            if (other.model == p.model)
                return fail(where + ": the model is listed twice");
        }
        if (const auto provider = entry.find("provider"); provider != entry.end()) {
            if (!provider->is_string())
                return fail(where + ": \"provider\" must be a string");
            p.provider = provider->get<std::string>();
        }
        const auto input = price(entry, "input");
        const auto output = price(entry, "output");
        if (!input)
            return fail(where + ": \"input\" must be a non-negative number");
        if (!output)
            return fail(where + ": \"output\" must be a non-negative number");
        p.inputPerMillion = *input;
        p.outputPerMillion = *output;
        // Without a cache price, cached tokens cost what other input tokens cost.
        p.cachedInputPerMillion = *input;
        if (entry.contains("cached_input")) {
            const auto cached = price(entry, "cached_input");
            if (!cached)
                return fail(where + ": \"cached_input\" must be a non-negative number");
            p.cachedInputPerMillion = *cached;
        }
        if (const auto patterns = entry.find("patterns"); patterns != entry.end()) {
            if (!patterns->is_array())
                return fail(where + ": \"patterns\" must be an array of strings");
            for (const json &pattern : *patterns) {
                if (!pattern.is_string() || trimmed(pattern.get_ref<const std::string &>()).empty())
                    return fail(where + ": \"patterns\" must be an array of non-empty strings");
                Pattern pat;
                pat.glob = lowered(trimmed(pattern.get_ref<const std::string &>()));
                pat.literalLength =
                    size_t(std::count_if(pat.glob.begin(), pat.glob.end(), [](char c) { return c != '*'; }));
                pat.priceIndex = table.m_prices.size();
                table.m_patterns.push_back(std::move(pat));
            }
        }
        table.m_prices.push_back(std::move(p));
    }
    // The most specific pattern wins: "gpt-4o-mini-20*" before "gpt-4o-20*", whatever the file order.
    std::stable_sort(table.m_patterns.begin(), table.m_patterns.end(),
                     [](const Pattern &a, const Pattern &b) { return a.literalLength > b.literalLength; });
    if (error)
        error->clear();
    return table;
}

const PricingTable &PricingTable::builtIn()
{
    static const PricingTable table = [] {
        initIngestResources();
        QFile file(QStringLiteral(":/tracedeck/pricing.json"));
        if (!file.open(QIODevice::ReadOnly)) {
            qWarning("tracedeck: the built-in pricing table :/tracedeck/pricing.json is missing");
            return PricingTable{};
        }
        const QByteArray bytes = file.readAll();
        std::string error;
        PricingTable loaded = fromJson(std::string_view(bytes.constData(), size_t(bytes.size())), &error);
        if (!error.empty())
            qWarning("tracedeck: built-in %s", error.c_str());
        return loaded;
    }();
    return table;
}

std::optional<size_t> PricingTable::findIndex(std::string_view name) const
{
    if (name.empty())
        return std::nullopt;
    for (size_t i = 0; i < m_prices.size(); ++i) {
        if (m_prices[i].model == name)
            return i;
    }
    for (const Pattern &pattern : m_patterns) {
        if ((pattern.glob.front() == '*' || pattern.glob.front() == name.front()) &&
            globMatch(pattern.glob, name))
            return pattern.priceIndex;
    }
    std::optional<size_t> best;
    size_t bestLength = 0;
    for (size_t i = 0; i < m_prices.size(); ++i) {
        const std::string &model = m_prices[i].model;
        if (model.size() + 1 < name.size() && model.size() > bestLength && name.starts_with(model) &&
            (name[model.size()] == '-' || name[model.size()] == '@') &&
            isVersionSuffix(name.substr(model.size() + 1))) {
            best = i;
            bestLength = model.size();
        }
    }
    return best;
}

std::optional<ModelPrice> PricingTable::find(std::string_view model) const
{
    // Lowercased on the stack: this runs for every model call span.
    std::array<char, 128> buffer;
    const std::string_view t = trimmed(model);
    if (t.size() > buffer.size())
        return std::nullopt;
    std::transform(t.begin(), t.end(), buffer.begin(), lowerAscii);
    std::string_view candidate(buffer.data(), t.size());
    if (const auto i = findIndex(candidate))
        return m_prices[*i];
    // Provider-qualified names: "openai/gpt-4o", "models/gemini-1.5-pro", "meta-llama/Llama-3.1-8B-Instruct".
    if (const size_t slash = candidate.rfind('/'); slash != std::string_view::npos) {
        candidate.remove_prefix(slash + 1);
        if (const auto i = findIndex(candidate))
            return m_prices[*i];
    }
    // Bedrock ids: "anthropic.claude-3-5-sonnet-20240620-v1:0", "us.anthropic.claude-…". Only all-letter
    // segments are dropped, so "gpt-4.1" and "gemini-2.5-pro" stay whole.
    bool stripped = false;
    for (;;) {
        const size_t dot = candidate.find('.');
        if (dot == 0 || dot == std::string_view::npos || dot + 1 == candidate.size() ||
            !std::all_of(candidate.begin(), candidate.begin() + dot,
                         [](char c) { return c >= 'a' && c <= 'z'; }))
            break;
        candidate.remove_prefix(dot + 1);
        stripped = true;
    }
    if (stripped) {
        if (const auto i = findIndex(candidate))
            return m_prices[*i];
    }
    return std::nullopt;
}

} // namespace tracedeck

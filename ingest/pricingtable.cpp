#include "pricingtable.h"
#include "textutil.h"

#include <QByteArray>
#include <QFile>
#include <QtGlobal>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <mutex>

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

    std::string date;
    if (const auto d = doc.find("date"); d != doc.end()) {
        if (!d->is_string())
            return fail("\"date\" must be a string");
        date = d->get<std::string>();
    }
    if (const auto currency = doc.find("currency"); currency != doc.end() && *currency != "USD")
        return fail("\"currency\" must be \"USD\"");
    const auto models = doc.find("models");
    if (models == doc.end() || !models->is_array())
        return fail("\"models\" must be an array");

    std::vector<ModelPrice> prices;
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
        p.model = model->get<std::string>();
        const std::string name = lowered(trimmed(p.model));
        if (std::any_of(prices.begin(), prices.end(),
                        [&name](const ModelPrice &other) { return lowered(trimmed(other.model)) == name; }))
            return fail(where + ": the model is listed twice");
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
                if (!pattern.is_string())
                    return fail(where + ": \"patterns\" must be an array of non-empty strings");
                p.patterns.push_back(pattern.get<std::string>());
            }
        }
        prices.push_back(std::move(p));
    }
    std::string rowError;
    PricingTable table = fromPrices(std::move(date), std::move(prices), &rowError);
    if (!rowError.empty())
        return fail(rowError);
    if (error)
        error->clear();
    return table;
}

ModelPrice PricingTable::normalized(ModelPrice price)
{
    price.model = lowered(trimmed(price.model));
    price.provider = std::string(trimmed(price.provider));
    for (std::string &glob : price.patterns)
        glob = lowered(trimmed(glob));
    return price;
}

PricingTable PricingTable::fromPrices(std::string date, std::vector<ModelPrice> prices, std::string *error)
{
    const auto fail = [error](std::string message) {
        if (error)
            *error = std::move(message);
        return PricingTable{};
    };
    const auto validPrice = [](double v) { return std::isfinite(v) && v >= 0; };
    PricingTable table;
    table.m_date = std::move(date);
    for (ModelPrice &p : prices) {
        p = normalized(std::move(p));
        if (p.model.empty())
            return fail("a model has no name");
        const std::string where = "\"" + p.model + "\"";
        for (const ModelPrice &other : table.m_prices) {
            if (other.model == p.model)
                return fail(where + ": the model is listed twice");
        }
        if (!validPrice(p.inputPerMillion))
            return fail(where + ": the input price must be a non-negative number");
        if (!validPrice(p.outputPerMillion))
            return fail(where + ": the output price must be a non-negative number");
        if (!validPrice(p.cachedInputPerMillion))
            return fail(where + ": the cached input price must be a non-negative number");
        for (const std::string &glob : p.patterns) {
            if (glob.empty())
                return fail(where + ": a pattern is empty");
            Pattern pat;
            pat.glob = glob;
            pat.literalLength =
                size_t(std::count_if(pat.glob.begin(), pat.glob.end(), [](char c) { return c != '*'; }));
            pat.priceIndex = table.m_prices.size();
            table.m_patterns.push_back(std::move(pat));
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

namespace {
std::mutex currentMutex;
std::shared_ptr<const PricingTable> &currentTable()
{
    // Not owned: the built-in table lives as long as the program.
    static std::shared_ptr<const PricingTable> table(std::shared_ptr<const PricingTable>(),
                                                     &PricingTable::builtIn());
    return table;
}
} // namespace

std::shared_ptr<const PricingTable> PricingTable::current()
{
    std::lock_guard lock(currentMutex);
    return currentTable();
}

void PricingTable::setCurrent(std::shared_ptr<const PricingTable> table)
{
    std::lock_guard lock(currentMutex);
    currentTable() =
        table ? std::move(table)
              : std::shared_ptr<const PricingTable>(std::shared_ptr<const PricingTable>(), &builtIn());
}

std::optional<double> PricingTable::computedCost(const ModelPrice *price, std::string_view category,
                                                 std::optional<int64_t> inputTokens,
                                                 std::optional<int64_t> cachedInputTokens,
                                                 std::optional<int64_t> outputTokens)
{
    if (!price || (!inputTokens && !outputTokens) || (category != "llm" && category != "embedding"))
        return std::nullopt;
    const int64_t input = inputTokens.value_or(0);
    const int64_t cached = std::min(cachedInputTokens.value_or(0), input);
    const int64_t output = outputTokens.value_or(0);
    return (double(input - cached) * price->inputPerMillion + double(cached) * price->cachedInputPerMillion +
            double(output) * price->outputPerMillion) /
           1e6;
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

const ModelPrice *PricingTable::find(std::string_view model) const
{
    // Lowercased on the stack: this runs for every model call span.
    std::array<char, 128> buffer;
    const std::string_view t = trimmed(model);
    if (t.size() > buffer.size())
        return nullptr;
    std::transform(t.begin(), t.end(), buffer.begin(), lowerAscii);
    std::string_view candidate(buffer.data(), t.size());
    if (const auto i = findIndex(candidate))
        return &m_prices[*i];
    // Provider-qualified names: "openai/gpt-4o", "models/gemini-1.5-pro", "meta-llama/Llama-3.1-8B-Instruct".
    if (const size_t slash = candidate.rfind('/'); slash != std::string_view::npos) {
        candidate.remove_prefix(slash + 1);
        if (const auto i = findIndex(candidate))
            return &m_prices[*i];
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
            return &m_prices[*i];
    }
    return nullptr;
}

} // namespace tracedeck

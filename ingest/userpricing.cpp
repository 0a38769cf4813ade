#include "userpricing.h"

#include <QDateTime>
#include <QFile>
#include <QSaveFile>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

namespace tracedeck {
namespace {

using json = nlohmann::json;

constexpr const char *kFormat = "tracedeck-pricing-overrides";

json rowJson(const ModelPrice &p)
{
    json row = {{"model", p.model},
                {"input", p.inputPerMillion},
                {"output", p.outputPerMillion},
                {"cached_input", p.cachedInputPerMillion}};
    if (!p.provider.empty())
        row["provider"] = p.provider;
    if (!p.patterns.empty())
        row["patterns"] = p.patterns;
    return row;
}

std::string fileProblem(const QString &path, const std::string &problem)
{
    return path.toStdString() + ": " + problem;
}

} // namespace

std::optional<PricingOverrides> UserPricing::read(const QString &path, std::string *error)
{
    error->clear();
    QFile file(path);
    if (!file.exists())
        return PricingOverrides{};
    if (!file.open(QIODevice::ReadOnly)) {
        *error = fileProblem(path, file.errorString().toStdString());
        return std::nullopt;
    }
    const QByteArray bytes = file.readAll();
    const json doc = json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        *error = fileProblem(path, "not a JSON object");
        return std::nullopt;
    }
    if (doc.value("format", std::string()) != kFormat) {
        *error = fileProblem(path, std::string("\"format\" must be \"") + kFormat + "\"");
        return std::nullopt;
    }
    // The rows are checked as the built-in file's are: the same reader, the same messages.
    json table = {{"currency", "USD"}, {"models", doc.value("models", json::array())}};
    std::string tableError;
    const PricingTable rows = PricingTable::fromJson(table.dump(), &tableError);
    if (!tableError.empty()) {
        *error = fileProblem(path, tableError);
        return std::nullopt;
    }
    PricingOverrides overrides;
    overrides.models = rows.prices();
    const auto removed = doc.find("removed");
    if (removed != doc.end()) {
        if (!removed->is_array()) {
            *error = fileProblem(path, "\"removed\" must be an array of model names");
            return std::nullopt;
        }
        for (const json &name : *removed) {
            if (!name.is_string() || name.get_ref<const std::string &>().empty()) {
                *error = fileProblem(path, "\"removed\" must be an array of model names");
                return std::nullopt;
            }
            ModelPrice named;
            named.model = name.get<std::string>();
            overrides.removed.push_back(PricingTable::normalized(std::move(named)).model);
        }
    }
    return overrides;
}

bool UserPricing::write(const QString &path, const PricingOverrides &overrides, std::string *error)
{
    error->clear();
    if (overrides.empty()) {
        if (QFile::exists(path) && !QFile::remove(path)) {
            *error = fileProblem(path, "cannot remove the file");
            return false;
        }
        return true;
    }
    json doc = {{"format", kFormat},
                {"currency", "USD"},
                {"unit", "per 1M tokens"},
                {"base", PricingTable::builtIn().date()},
                {"saved", QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toStdString()},
                {"models", json::array()},
                {"removed", overrides.removed}};
    for (const ModelPrice &p : overrides.models)
        doc["models"].push_back(rowJson(p));
    const std::string text = doc.dump(2) + "\n";
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(text.data(), qint64(text.size())) != qint64(text.size()) || !file.commit()) {
        *error = fileProblem(path, file.errorString().toStdString());
        return false;
    }
    return true;
}

std::vector<ModelPrice> UserPricing::apply(const PricingTable &base, const PricingOverrides &overrides)
{
    std::vector<ModelPrice> rows;
    std::vector<bool> used(overrides.models.size(), false);
    const auto overrideOf = [&](const std::string &model) -> std::optional<size_t> {
        for (size_t i = 0; i < overrides.models.size(); ++i) {
            if (PricingTable::normalized(overrides.models[i]).model == model)
                return i;
        }
        return std::nullopt;
    };
    for (const ModelPrice &p : base.prices()) {
        if (std::find(overrides.removed.begin(), overrides.removed.end(), p.model) != overrides.removed.end())
            continue;
        if (const auto i = overrideOf(p.model)) {
            rows.push_back(PricingTable::normalized(overrides.models[*i]));
            used[*i] = true;
        } else {
            rows.push_back(p);
        }
    }
    for (size_t i = 0; i < overrides.models.size(); ++i) {
        if (!used[i])
            rows.push_back(PricingTable::normalized(overrides.models[i]));
    }
    return rows;
}

PricingOverrides UserPricing::difference(const PricingTable &base, const std::vector<ModelPrice> &edited)
{
    PricingOverrides overrides;
    std::vector<ModelPrice> rows;
    rows.reserve(edited.size());
    for (const ModelPrice &p : edited)
        rows.push_back(PricingTable::normalized(p));
    for (const ModelPrice &row : rows) {
        const auto same = std::find(base.prices().begin(), base.prices().end(), row);
        if (same == base.prices().end())
            overrides.models.push_back(row);
    }
    for (const ModelPrice &p : base.prices()) {
        if (std::none_of(rows.begin(), rows.end(),
                         [&](const ModelPrice &row) { return row.model == p.model; }))
            overrides.removed.push_back(p.model);
    }
    return overrides;
}

std::shared_ptr<const PricingTable> UserPricing::load(const QString &path, const PricingTable &base,
                                                      std::string *error)
{
    const auto keepBase = [&base] {
        return std::shared_ptr<const PricingTable>(std::shared_ptr<const PricingTable>(), &base);
    };
    const auto overrides = read(path, error);
    if (!overrides)
        return keepBase();
    if (overrides->empty())
        return keepBase();
    std::string tableError;
    auto table = std::make_shared<const PricingTable>(
        PricingTable::fromPrices(base.date(), apply(base, *overrides), &tableError));
    if (!tableError.empty()) {
        *error = fileProblem(path, tableError);
        return keepBase();
    }
    return table;
}

} // namespace tracedeck

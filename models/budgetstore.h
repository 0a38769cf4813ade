#pragma once

#include "budget.h"
#include "database.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tracedeck {

// A budget as a user typed it (dialog or CLI): checked and turned into a Budget by BudgetStore.
struct BudgetDraft {
    std::string workspace = "local";
    std::string scope = "workspace"; // workspace | user | model
    std::string value;               // the user id or model name; empty for a workspace budget
    std::string period = "month";    // day | month
    std::string limitUsd;            // a positive number of US dollars ("25", "2.50", "$10")
};

// Budgets and their alerts (schema v9) on a read-write connection of its own, like KeyStore: edits are
// rare and small, so they do not go through the span writer. Not thread-safe: one per thread.
class BudgetStore {
public:
    static constexpr double kMaxLimitUsd = 1e9;

    // Opens (creating and migrating when needed) the store file.
    static std::unique_ptr<BudgetStore> open(const std::string &path, std::string *error);
    explicit BudgetStore(std::unique_ptr<Database> db);

    // A positive, finite amount of USD in picodollars; nullopt with *error naming what is wrong.
    static std::optional<int64_t> parseLimit(const std::string &text, std::string *error);
    // The draft as a Budget (id 0), or nullopt with *error: unknown scope or period, a missing or extra
    // value, a bad limit. Does not look at the database.
    static std::optional<Budget> validate(const BudgetDraft &draft, std::string *error);

    // Budgets of one workspace (all when empty), by workspace, scope, value and period.
    std::vector<Budget> list(const std::string &workspace, std::string *error);
    std::optional<Budget> find(int64_t id, std::string *error);
    // Adds a budget; refuses an unknown workspace and a second budget on the same scope, value and period.
    std::optional<Budget> add(const BudgetDraft &draft, std::string *error);
    // Replaces a budget's scope, value, period and limit (its workspace stays).
    bool update(int64_t id, const BudgetDraft &draft, std::string *error);
    // Removes a budget and its alerts.
    bool remove(int64_t id, std::string *error);
    // The latest alerts, newest first, with their budgets.
    std::vector<BudgetAlert> alerts(int limit, std::string *error);

    Database &database() const { return *m_db; }

private:
    bool checkUnique(const Budget &budget, int64_t exceptId, std::string *error);

    std::unique_ptr<Database> m_db;
};

} // namespace tracedeck

#include "budgetstore.h"

#include "budgetcalendar.h"
#include "metricsrollup.h"
#include "schema.h"

#include <QDateTime>

#include <sqlite3.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace tracedeck {

namespace {

std::string columnText(sqlite3_stmt *s, int column)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(s, column));
    return text ? std::string(text, size_t(sqlite3_column_bytes(s, column))) : std::string();
}

void bindText(sqlite3_stmt *s, int i, const std::string &value)
{
    sqlite3_bind_text(s, i, value.data(), int(value.size()), SQLITE_TRANSIENT);
}

std::string trimmed(const std::string &text)
{
    const size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

constexpr const char *kBudgetColumns =
    "SELECT id, workspace, scope_kind, scope_value, period, limit_pusd, created_ns FROM budgets ";

// Columns from `first`: id, workspace, scope_kind, scope_value, period, limit_pusd, created_ns.
Budget readBudget(sqlite3_stmt *s, int first = 0)
{
    Budget b;
    b.id = sqlite3_column_int64(s, first);
    b.workspace = columnText(s, first + 1);
    b.scope = Budget::parseScope(columnText(s, first + 2)).value_or(BudgetScope::Workspace);
    b.scopeValue = columnText(s, first + 3);
    b.period = Budget::parsePeriod(columnText(s, first + 4)).value_or(BudgetPeriod::Month);
    b.limitPicoUsd = sqlite3_column_int64(s, first + 5);
    b.createdNs = sqlite3_column_int64(s, first + 6);
    return b;
}

} // namespace

std::unique_ptr<BudgetStore> BudgetStore::open(const std::string &path, std::string *error)
{
    auto db = Database::open(path, Database::Mode::ReadWrite, error);
    if (!db || !Schema::migrate(*db, error))
        return nullptr;
    return std::make_unique<BudgetStore>(std::move(db));
}

BudgetStore::BudgetStore(std::unique_ptr<Database> db)
    : m_db(std::move(db))
{}

std::optional<int64_t> BudgetStore::parseLimit(const std::string &text, std::string *error)
{
    std::string t = trimmed(text);
    if (!t.empty() && t.front() == '$')
        t = trimmed(t.substr(1));
    if (t.empty()) {
        *error = "the limit is missing: give an amount in USD, such as 25 or 2.50";
        return std::nullopt;
    }
    errno = 0;
    char *end = nullptr;
    const double usd = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || errno == ERANGE || !std::isfinite(usd)) {
        *error = "the limit \"" + text + "\" is not a number of USD";
        return std::nullopt;
    }
    if (usd <= 0) {
        *error = "the limit must be more than 0 USD (got " + t + ")";
        return std::nullopt;
    }
    if (usd > kMaxLimitUsd) {
        *error = "the limit " + t + " USD is larger than 1,000,000,000 USD";
        return std::nullopt;
    }
    return MetricsRollup::toPicoUsd(usd);
}

std::optional<Budget> BudgetStore::validate(const BudgetDraft &draft, std::string *error)
{
    Budget b;
    b.workspace = trimmed(draft.workspace);
    if (b.workspace.empty()) {
        *error = "the workspace is missing";
        return std::nullopt;
    }
    const auto scope = Budget::parseScope(trimmed(draft.scope));
    if (!scope) {
        *error = "unknown scope \"" + draft.scope + "\": use workspace, user or model";
        return std::nullopt;
    }
    b.scope = *scope;
    b.scopeValue = trimmed(draft.value);
    if (b.scope == BudgetScope::Workspace && !b.scopeValue.empty()) {
        *error =
            "a workspace budget covers the whole workspace and takes no value (got \"" + b.scopeValue + "\")";
        return std::nullopt;
    }
    if (b.scope != BudgetScope::Workspace && b.scopeValue.empty()) {
        *error = std::string("a ") + Budget::scopeName(b.scope) + " budget needs the " +
                 (b.scope == BudgetScope::User ? "user id" : "model name");
        return std::nullopt;
    }
    const auto period = Budget::parsePeriod(trimmed(draft.period));
    if (!period) {
        *error = "unknown period \"" + draft.period + "\": use day or month";
        return std::nullopt;
    }
    b.period = *period;
    const auto limit = parseLimit(draft.limitUsd, error);
    if (!limit)
        return std::nullopt;
    b.limitPicoUsd = *limit;
    return b;
}

std::vector<Budget> BudgetStore::list(const std::string &workspace, std::string *error)
{
    Statement stmt = m_db->prepare(std::string(kBudgetColumns) +
                                       (workspace.empty() ? "WHERE ?1 = '' " : "WHERE workspace = ?1 ") +
                                       "ORDER BY workspace, scope_kind <> 'workspace', scope_kind, "
                                       "scope_value, period",
                                   error);
    std::vector<Budget> budgets;
    if (!stmt)
        return budgets;
    bindText(stmt.get(), 1, workspace);
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW)
        budgets.push_back(readBudget(stmt.get()));
    if (rc != SQLITE_DONE)
        *error = "reading budgets: " + m_db->lastError();
    return budgets;
}

std::optional<Budget> BudgetStore::find(int64_t id, std::string *error)
{
    Statement stmt = m_db->prepare(std::string(kBudgetColumns) + "WHERE id = ?1", error);
    if (!stmt)
        return std::nullopt;
    sqlite3_bind_int64(stmt.get(), 1, id);
    const int rc = sqlite3_step(stmt.get());
    if (rc == SQLITE_ROW)
        return readBudget(stmt.get());
    *error = rc == SQLITE_DONE ? "no budget with id " + std::to_string(id)
                               : "reading a budget: " + m_db->lastError();
    return std::nullopt;
}

bool BudgetStore::checkUnique(const Budget &budget, int64_t exceptId, std::string *error)
{
    Statement stmt = m_db->prepare("SELECT id FROM budgets WHERE workspace = ?1 AND scope_kind = ?2 AND "
                                   "scope_value = ?3 AND period = ?4 AND id <> ?5",
                                   error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    bindText(s, 1, budget.workspace);
    bindText(s, 2, Budget::scopeName(budget.scope));
    bindText(s, 3, budget.scopeValue);
    bindText(s, 4, Budget::periodName(budget.period));
    sqlite3_bind_int64(s, 5, exceptId);
    if (sqlite3_step(s) == SQLITE_ROW) {
        *error = "workspace " + budget.workspace + " already has a " +
                 (budget.period == BudgetPeriod::Day ? "daily" : "monthly") + " budget for the " +
                 budget.subject() + " (id " + std::to_string(sqlite3_column_int64(s, 0)) + ")";
        return false;
    }
    return true;
}

std::optional<Budget> BudgetStore::add(const BudgetDraft &draft, std::string *error)
{
    auto budget = validate(draft, error);
    if (!budget)
        return std::nullopt;
    Statement known = m_db->prepare("SELECT count(*) FROM workspaces WHERE name = ?1", error);
    if (!known)
        return std::nullopt;
    bindText(known.get(), 1, budget->workspace);
    if (sqlite3_step(known.get()) != SQLITE_ROW || sqlite3_column_int64(known.get(), 0) == 0) {
        *error = "unknown workspace \"" + budget->workspace + "\"";
        return std::nullopt;
    }
    if (!checkUnique(*budget, 0, error))
        return std::nullopt;
    budget->createdNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    Statement insert = m_db->prepare("INSERT INTO budgets (workspace, scope_kind, scope_value, period, "
                                     "limit_pusd, created_ns) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                     error);
    if (!insert)
        return std::nullopt;
    sqlite3_stmt *s = insert.get();
    bindText(s, 1, budget->workspace);
    bindText(s, 2, Budget::scopeName(budget->scope));
    bindText(s, 3, budget->scopeValue);
    bindText(s, 4, Budget::periodName(budget->period));
    sqlite3_bind_int64(s, 5, budget->limitPicoUsd);
    sqlite3_bind_int64(s, 6, budget->createdNs);
    if (sqlite3_step(s) != SQLITE_DONE) {
        *error = "adding a budget: " + m_db->lastError();
        return std::nullopt;
    }
    budget->id = sqlite3_last_insert_rowid(m_db->handle());
    return budget;
}

bool BudgetStore::update(int64_t id, const BudgetDraft &draft, std::string *error)
{
    const auto existing = find(id, error);
    if (!existing)
        return false;
    BudgetDraft d = draft;
    d.workspace = existing->workspace;
    auto budget = validate(d, error);
    if (!budget || !checkUnique(*budget, id, error))
        return false;
    Statement stmt = m_db->prepare(
        "UPDATE budgets SET scope_kind = ?1, scope_value = ?2, period = ?3, limit_pusd = ?4 WHERE id = ?5",
        error);
    if (!stmt)
        return false;
    sqlite3_stmt *s = stmt.get();
    bindText(s, 1, Budget::scopeName(budget->scope));
    bindText(s, 2, budget->scopeValue);
    bindText(s, 3, Budget::periodName(budget->period));
    sqlite3_bind_int64(s, 4, budget->limitPicoUsd);
    sqlite3_bind_int64(s, 5, id);
    if (sqlite3_step(s) != SQLITE_DONE) {
        *error = "changing a budget: " + m_db->lastError();
        return false;
    }
    return true;
}

bool BudgetStore::remove(int64_t id, std::string *error)
{
    if (!find(id, error))
        return false;
    const std::string n = std::to_string(id);
    if (!m_db->exec("BEGIN IMMEDIATE; DELETE FROM budget_alerts WHERE budget_id = " + n +
                        "; DELETE FROM budgets WHERE id = " + n + "; COMMIT;",
                    error)) {
        m_db->exec("ROLLBACK");
        *error = "removing a budget: " + *error;
        return false;
    }
    return true;
}

std::vector<BudgetAlert> BudgetStore::alerts(int limit, std::string *error)
{
    Statement stmt = m_db->prepare(
        "SELECT a.id, a.period_start_ns, a.limit_pusd, a.crossed_ns, a.spend_pusd, b.id, b.workspace, "
        "b.scope_kind, b.scope_value, b.period, b.limit_pusd, b.created_ns FROM budget_alerts a "
        "JOIN budgets b ON b.id = a.budget_id ORDER BY a.crossed_ns DESC, a.id DESC LIMIT ?1",
        error);
    std::vector<BudgetAlert> alerts;
    if (!stmt)
        return alerts;
    sqlite3_bind_int(stmt.get(), 1, limit);
    int rc;
    while ((rc = sqlite3_step(stmt.get())) == SQLITE_ROW) {
        sqlite3_stmt *s = stmt.get();
        BudgetAlert a;
        a.id = sqlite3_column_int64(s, 0);
        a.periodStartNs = sqlite3_column_int64(s, 1);
        a.limitPicoUsd = sqlite3_column_int64(s, 2);
        a.crossedNs = sqlite3_column_int64(s, 3);
        a.spendPicoUsd = sqlite3_column_int64(s, 4);
        a.budget = readBudget(s, 5);
        a.periodEndNs = a.budget.period == BudgetPeriod::Day
                            ? a.periodStartNs + BudgetCalendar::kDayNs
                            : BudgetCalendar::nextMonthStart(a.periodStartNs);
        alerts.push_back(std::move(a));
    }
    if (rc != SQLITE_DONE)
        *error = "reading budget alerts: " + m_db->lastError();
    return alerts;
}

} // namespace tracedeck

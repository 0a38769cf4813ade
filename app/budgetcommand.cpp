#include "budgetcommand.h"

#include "budgetcalendar.h"
#include "budgetevaluator.h"
#include "budgetstore.h"
#include "preferencesbridge.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <cstdio>

namespace tracedeck {

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;

const char *kHelp =
    "Usage:\n"
    "  tracedeck budgets list [--workspace NAME] [--db FILE]\n"
    "  tracedeck budgets add --scope workspace|user|model [--value USER|MODEL] --period day|month\n"
    "                        --limit USD [--workspace NAME] [--db FILE]\n"
    "  tracedeck budgets remove ID [--db FILE]\n"
    "Days and months are UTC. The workspace defaults to local. When a period's cost reaches a limit, the\n"
    "window lists it in View > Alerts.\n";

void out(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "tracedeck: %s\n", qPrintable(message));
    if (code == kUsage)
        std::fputs("Try 'tracedeck budgets --help'.\n", stderr);
    return code;
}

QString usd(int64_t picoUsd)
{
    return QString::number(double(picoUsd) / 1e12, 'f', 2);
}

} // namespace

int BudgetCommand::run(const QStringList &arguments)
{
    QCommandLineParser p;
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show usage."));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                QStringLiteral("FILE"));
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Workspace."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("workspace, user or model."),
                                   QStringLiteral("KIND"));
    const QCommandLineOption value(QStringLiteral("value"), QStringLiteral("The user id or model name."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption period(QStringLiteral("period"), QStringLiteral("day or month."),
                                    QStringLiteral("PERIOD"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("Limit in USD."),
                                   QStringLiteral("USD"));
    p.addOptions({help, db, workspace, scope, value, period, limit});
    QStringList args = arguments;
    args.removeAt(1); // tracedeck budgets add … → the parser sees "tracedeck add …"
    if (!p.parse(args))
        return fail(p.errorText(), kUsage);
    const QStringList positional = p.positionalArguments();
    const QString action = positional.value(0);
    if (p.isSet(help) || action == u"help") {
        out(QString::fromLatin1(kHelp));
        return 0;
    }
    if (action != u"list" && action != u"add" && action != u"remove")
        return fail(
            action.isEmpty()
                ? QStringLiteral("budgets: expected list, add or remove")
                : QStringLiteral("budgets: unknown action \"%1\"; expected list, add or remove").arg(action),
            kUsage);
    const bool budgetGiven = p.isSet(scope) || p.isSet(value) || p.isSet(period) || p.isSet(limit);
    if (action != u"add" && budgetGiven)
        return fail(QStringLiteral("budgets %1: --scope, --value, --period and --limit belong to budgets add")
                        .arg(action),
                    kUsage);
    if (action == u"remove" && p.isSet(workspace))
        return fail(QStringLiteral("budgets remove: give the budget's ID only (see budgets list)"), kUsage);
    if (action != u"remove" && positional.size() > 1)
        return fail(QStringLiteral("budgets %1: unexpected argument \"%2\"").arg(action, positional.at(1)),
                    kUsage);
    int64_t id = 0;
    if (action == u"remove") {
        bool ok = false;
        id = positional.value(1).toLongLong(&ok);
        if (positional.size() != 2 || !ok || id <= 0)
            return fail(QStringLiteral("budgets remove: give one budget ID (a number from budgets list)"),
                        kUsage);
    }
    if (action == u"add") {
        for (const QCommandLineOption *required : {&scope, &period, &limit}) {
            if (!p.isSet(*required))
                return fail(
                    QStringLiteral("budgets add: --%1 is required").arg(required->names().constFirst()),
                    kUsage);
        }
    }

    const QString path = p.isSet(db) ? p.value(db) : PreferencesBridge::databasePath();
    std::string error;
    auto store = BudgetStore::open(path.toStdString(), &error);
    if (!store)
        return fail(QString::fromStdString(error), kFailed);

    if (action == u"add") {
        BudgetDraft d;
        d.workspace = p.isSet(workspace) ? p.value(workspace).toStdString() : std::string("local");
        d.scope = p.value(scope).toStdString();
        d.value = p.value(value).toStdString();
        d.period = p.value(period).toStdString();
        d.limitUsd = p.value(limit).toStdString();
        const auto added = store->add(d, &error);
        if (!added)
            return fail(QStringLiteral("budgets add: %1").arg(QString::fromStdString(error)), kFailed);
        out(QStringLiteral("Budget %1 added: %2, %3 in workspace %4, %5 USD\n")
                .arg(added->id)
                .arg(QString::fromLatin1(added->period == BudgetPeriod::Day ? "daily" : "monthly"),
                     QString::fromStdString(added->subject()), QString::fromStdString(added->workspace),
                     usd(added->limitPicoUsd)));
        return 0;
    }
    if (action == u"remove") {
        if (!store->remove(id, &error))
            return fail(QStringLiteral("budgets remove: %1").arg(QString::fromStdString(error)), kFailed);
        out(QStringLiteral("Budget %1 removed, with its alerts\n").arg(id));
        return 0;
    }
    const auto budgets =
        store->list(p.isSet(workspace) ? p.value(workspace).toStdString() : std::string(), &error);
    if (!error.empty())
        return fail(QString::fromStdString(error), kFailed);
    BudgetEvaluator evaluator(*store);
    const int64_t now = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
    const int64_t day = BudgetCalendar::dayStart(now);
    const int64_t month = BudgetCalendar::monthStart(now);
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                       .arg(QStringLiteral("ID"), 4)
                       .arg(QStringLiteral("WORKSPACE"), -16)
                       .arg(QStringLiteral("SCOPE"), -28)
                       .arg(QStringLiteral("PERIOD"), -6)
                       .arg(QStringLiteral("LIMIT USD"), 12)
                       .arg(QStringLiteral("TODAY"), 10)
                       .arg(QStringLiteral("MONTH"), 10);
    for (const Budget &b : budgets) {
        const auto today = evaluator.spend(b, day, day + BudgetCalendar::kDayNs, &error);
        const auto thisMonth = evaluator.spend(b, month, BudgetCalendar::nextMonthStart(now), &error);
        if (!today || !thisMonth)
            return fail(QString::fromStdString(error), kFailed);
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                    .arg(b.id, 4)
                    .arg(QString::fromStdString(b.workspace), -16)
                    .arg(QString::fromStdString(b.subject()), -28)
                    .arg(QString::fromLatin1(Budget::periodName(b.period)), -6)
                    .arg(usd(b.limitPicoUsd), 12)
                    .arg(usd(*today), 10)
                    .arg(usd(*thisMonth), 10);
    }
    out(text);
    return 0;
}

} // namespace tracedeck

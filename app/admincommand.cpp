#include "admincommand.h"

#include "budgetcommand.h"
#include "keystore.h"
#include "preferencesbridge.h"
#include "storepaths.h"

#include <QCommandLineParser>
#include <QDateTime>

#include <cstdio>
#include <cstring>
#include <optional>

namespace tracedeck {

namespace {

constexpr int kFailed = 1;
constexpr int kUsage = 2;

void out(const QString &text)
{
    std::fputs(qPrintable(text), stdout);
    std::fflush(stdout);
}

int fail(const QString &message, int code)
{
    std::fprintf(stderr, "tracedeck: %s\n", qPrintable(message));
    if (code == kUsage)
        std::fputs("Try 'tracedeck keys --help' or 'tracedeck workspaces --help'.\n", stderr);
    return code;
}

QString isoTime(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000, Qt::UTC).toString(Qt::ISODate);
}

QString limitText(const std::optional<double> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

QString limitText(const std::optional<int64_t> &value)
{
    return value ? QString::number(*value) : QStringLiteral("-");
}

const char *kKeysHelp =
    "Usage:\n"
    "  tracedeck keys create --workspace NAME [--label TEXT] [--requests-per-second N]\n"
    "                        [--spans-per-second N] [--spans-per-day N] [--db FILE]\n"
    "  tracedeck keys list [--workspace NAME] [--db FILE]\n"
    "  tracedeck keys limit ID|PREFIX [--requests-per-second N|none]\n"
    "                        [--spans-per-second N|none] [--spans-per-day N|none] [--db FILE]\n"
    "  tracedeck keys revoke ID|PREFIX [--db FILE]\n"
    "The key is printed once by create and never again; only its SHA-256 is stored.\n";
const char *kWorkspacesHelp = "Usage:\n"
                              "  tracedeck workspaces list [--db FILE]\n"
                              "  tracedeck workspaces set NAME [--retention-days N] [--redaction on|off] "
                              "[--db FILE]\n";

// The options every subcommand shares, and the parsed result.
class Command {
public:
    explicit Command(const QStringList &arguments)
        : m_help(QStringList{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show usage."))
        , m_db(QStringLiteral("db"), QStringLiteral("SQLite database file."), QStringLiteral("FILE"))
        , m_arguments(arguments)
    {
        m_parser.addOption(m_help);
        m_parser.addOption(m_db);
    }
    QCommandLineParser &parser() { return m_parser; }
    // Parses; on error prints it and returns false with *code = 2.
    bool parse(int *code)
    {
        // tracedeck keys create … → the parser sees "tracedeck create …"
        QStringList args = m_arguments;
        args.removeAt(1);
        if (!m_parser.parse(args)) {
            *code = fail(m_parser.errorText(), kUsage);
            return false;
        }
        return true;
    }
    bool wantsHelp() const { return m_parser.isSet(m_help); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    std::unique_ptr<KeyStore> openStore(int *code)
    {
        const QString path = m_parser.isSet(m_db) ? m_parser.value(m_db) : PreferencesBridge::databasePath();
        std::string error;
        auto store = KeyStore::open(path.toStdString(), &error);
        if (!store)
            *code = fail(QString::fromStdString(error), kFailed);
        return store;
    }

private:
    QCommandLineParser m_parser;
    QCommandLineOption m_help;
    QCommandLineOption m_db;
    QStringList m_arguments;
};

// A positive number option, or nullopt when absent; *bad is set when present and malformed.
template <typename T>
std::optional<T> positive(const QCommandLineParser &parser, const QCommandLineOption &option, QString *bad)
{
    if (!parser.isSet(option))
        return std::nullopt;
    bool ok = false;
    const QString text = parser.value(option);
    T value;
    if constexpr (std::is_same_v<T, double>)
        value = text.toDouble(&ok);
    else
        value = T(text.toLongLong(&ok));
    if (!ok || !(value > 0)) {
        *bad = QStringLiteral("--%1 must be a positive number, not \"%2\"")
                   .arg(option.names().constFirst(), text);
        return std::nullopt;
    }
    return value;
}

int keysCreate(Command &command, const QCommandLineOption &workspace, const QCommandLineOption &label,
               const QCommandLineOption &rps, const QCommandLineOption &sps, const QCommandLineOption &spd)
{
    QCommandLineParser &p = command.parser();
    if (!command.positional().isEmpty() && command.positional().size() > 1)
        return fail(QStringLiteral("keys create: unexpected argument \"%1\"").arg(command.positional().at(1)),
                    kUsage);
    if (!p.isSet(workspace))
        return fail(QStringLiteral("keys create: --workspace NAME is required"), kUsage);
    const std::string name = p.value(workspace).toStdString();
    if (!KeyStore::isValidWorkspaceName(name))
        return fail(QStringLiteral("keys create: workspace \"%1\": expected 1 to 64 of A-Z a-z 0-9 _ . -")
                        .arg(p.value(workspace)),
                    kUsage);
    QString bad;
    KeyLimits limits;
    limits.requestsPerSecond = positive<double>(p, rps, &bad);
    limits.spansPerSecond = positive<double>(p, sps, &bad);
    limits.spansPerDay = positive<int64_t>(p, spd, &bad);
    if (!bad.isEmpty())
        return fail(QStringLiteral("keys create: ") + bad, kUsage);
    int code = 0;
    auto store = command.openStore(&code);
    if (!store)
        return code;
    std::string error;
    const auto created = store->create(name, p.value(label).toStdString(), limits, &error);
    if (!created)
        return fail(QStringLiteral("keys create: %1").arg(QString::fromStdString(error)), kFailed);
    const QString key = QString::fromStdString(created->key);
    out(QStringLiteral("Created API key %1 (id %2) for workspace %3:\n\n    %4\n\n"
                       "Copy it now: it is not shown again (only its hash is stored).\n"
                       "Use it with an OpenTelemetry SDK:\n"
                       "    export OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20%4\n"
                       "or any HTTP client:  Authorization: Bearer %4\n")
            .arg(QString::fromStdString(created->info.prefix))
            .arg(created->info.id)
            .arg(QString::fromStdString(name), key));
    return 0;
}

int keysList(Command &command, const QCommandLineOption &workspace)
{
    if (command.positional().size() > 1)
        return fail(QStringLiteral("keys list: unexpected argument \"%1\"").arg(command.positional().at(1)),
                    kUsage);
    int code = 0;
    auto store = command.openStore(&code);
    if (!store)
        return code;
    std::string error;
    const auto keys = store->keys(command.parser().value(workspace).toStdString(), &error);
    if (!error.empty())
        return fail(QString::fromStdString(error), kFailed);
    QString text = QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                       .arg(QStringLiteral("ID"), 4)
                       .arg(QStringLiteral("WORKSPACE"), -16)
                       .arg(QStringLiteral("PREFIX"), -10)
                       .arg(QStringLiteral("CREATED"), -20)
                       .arg(QStringLiteral("REVOKED"), -20)
                       .arg(QStringLiteral("REQ/S"), 7)
                       .arg(QStringLiteral("SPANS/S"), 8)
                       .arg(QStringLiteral("SPANS/DAY"), 10)
                       .arg(QStringLiteral("LABEL"));
    for (const ApiKeyInfo &key : keys)
        text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9\n")
                    .arg(key.id, 4)
                    .arg(QString::fromStdString(key.workspace), -16)
                    .arg(QString::fromStdString(key.prefix), -10)
                    .arg(isoTime(key.createdNs), -20)
                    .arg(key.revokedNs ? isoTime(*key.revokedNs) : QStringLiteral("-"), -20)
                    .arg(limitText(key.limits.requestsPerSecond), 7)
                    .arg(limitText(key.limits.spansPerSecond), 8)
                    .arg(limitText(key.limits.spansPerDay), 10)
                    .arg(QString::fromStdString(key.label));
    if (keys.empty())
        text += QStringLiteral("(no API keys; create one with: tracedeck keys create --workspace NAME)\n");
    out(text);
    return 0;
}

// keys limit: the given limits change ("none" lifts one), the others stay. The listener follows within a
// quarter of a second (it reloads keys when the store's data version moves).
int keysLimit(Command &command, const QCommandLineOption &rps, const QCommandLineOption &sps,
              const QCommandLineOption &spd)
{
    const QStringList args = command.positional();
    if (args.size() != 2)
        return fail(QStringLiteral("keys limit: give one key id or prefix (see 'tracedeck keys list')"),
                    kUsage);
    QCommandLineParser &p = command.parser();
    if (!p.isSet(rps) && !p.isSet(sps) && !p.isSet(spd))
        return fail(QStringLiteral("keys limit: nothing to change; give --requests-per-second, "
                                   "--spans-per-second and/or --spans-per-day (N, or none to lift it)"),
                    kUsage);
    QString bad;
    for (const QCommandLineOption *option : {&rps, &sps}) // checked before the store is touched
        if (p.isSet(*option) && p.value(*option) != u"none")
            positive<double>(p, *option, &bad);
    if (p.isSet(spd) && p.value(spd) != u"none")
        positive<int64_t>(p, spd, &bad);
    if (!bad.isEmpty())
        return fail(QStringLiteral("keys limit: ") + bad, kUsage);
    int code = 0;
    auto store = command.openStore(&code);
    if (!store)
        return code;
    std::string error;
    const auto key = store->find(args.at(1).toStdString(), &error);
    if (!key)
        return fail(QStringLiteral("keys limit: %1").arg(QString::fromStdString(error)), kFailed);
    if (key->revoked())
        return fail(QStringLiteral("keys limit: API key %1 (%2) is revoked")
                        .arg(key->id)
                        .arg(QString::fromStdString(key->prefix)),
                    kFailed);
    KeyLimits limits = key->limits;
    const auto change = [&](const QCommandLineOption &option, auto &limit) {
        if (!p.isSet(option))
            return;
        if (p.value(option) == u"none")
            limit.reset();
        else
            limit = positive<typename std::decay_t<decltype(limit)>::value_type>(p, option, &bad);
    };
    change(rps, limits.requestsPerSecond);
    change(sps, limits.spansPerSecond);
    change(spd, limits.spansPerDay);
    if (!store->setLimits(key->id, limits, &error))
        return fail(QStringLiteral("keys limit: %1").arg(QString::fromStdString(error)), kFailed);
    out(QStringLiteral("API key %1 (%2): %3 requests/s, %4 spans/s, %5 spans/day\n")
            .arg(key->id)
            .arg(QString::fromStdString(key->prefix), limitText(limits.requestsPerSecond),
                 limitText(limits.spansPerSecond), limitText(limits.spansPerDay)));
    return 0;
}

int keysRevoke(Command &command)
{
    const QStringList args = command.positional();
    if (args.size() != 2)
        return fail(QStringLiteral("keys revoke: give one key id or prefix (see 'tracedeck keys list')"),
                    kUsage);
    int code = 0;
    auto store = command.openStore(&code);
    if (!store)
        return code;
    std::string error;
    const auto revoked = store->revoke(args.at(1).toStdString(), &error);
    if (!revoked)
        return fail(QStringLiteral("keys revoke: %1").arg(QString::fromStdString(error)), kFailed);
    out(QStringLiteral("Revoked API key %1 (%2) of workspace %3\n")
            .arg(revoked->id)
            .arg(QString::fromStdString(revoked->prefix), QString::fromStdString(revoked->workspace)));
    return 0;
}

int keys(const QStringList &arguments)
{
    Command command(arguments);
    QCommandLineParser &p = command.parser();
    const QCommandLineOption workspace(QStringLiteral("workspace"), QStringLiteral("Workspace name."),
                                       QStringLiteral("NAME"));
    const QCommandLineOption label(QStringLiteral("label"), QStringLiteral("A note to tell keys apart."),
                                   QStringLiteral("TEXT"));
    const QCommandLineOption rps(QStringLiteral("requests-per-second"), QStringLiteral("Request rate limit."),
                                 QStringLiteral("N"));
    const QCommandLineOption sps(QStringLiteral("spans-per-second"), QStringLiteral("Span rate limit."),
                                 QStringLiteral("N"));
    const QCommandLineOption spd(QStringLiteral("spans-per-day"), QStringLiteral("Spans per UTC day."),
                                 QStringLiteral("N"));
    p.addOptions({workspace, label, rps, sps, spd});
    int code = 0;
    if (!command.parse(&code))
        return code;
    const QString action = command.positional().value(0);
    if (command.wantsHelp() || action == u"help") {
        out(QString::fromLatin1(kKeysHelp));
        return 0;
    }
    const bool limitsGiven = p.isSet(rps) || p.isSet(sps) || p.isSet(spd);
    if (action == u"create")
        return keysCreate(command, workspace, label, rps, sps, spd);
    if (p.isSet(label))
        return fail(QStringLiteral("keys %1: --label belongs to keys create").arg(action), kUsage);
    if (action == u"limit")
        return p.isSet(workspace)
                   ? fail(QStringLiteral("keys limit: --workspace belongs to create and list"), kUsage)
                   : keysLimit(command, rps, sps, spd);
    if (limitsGiven)
        return fail(QStringLiteral("keys %1: limits belong to keys create and keys limit").arg(action),
                    kUsage);
    if (action == u"list")
        return keysList(command, workspace);
    if (p.isSet(workspace))
        return fail(QStringLiteral("keys %1: --workspace belongs to create and list").arg(action), kUsage);
    if (action == u"revoke")
        return keysRevoke(command);
    return fail(action.isEmpty()
                    ? QStringLiteral("keys: expected create, list, limit or revoke")
                    : QStringLiteral("keys: unknown action \"%1\"; expected create, list, limit or revoke")
                          .arg(action),
                kUsage);
}

int workspaces(const QStringList &arguments)
{
    Command command(arguments);
    QCommandLineParser &p = command.parser();
    const QCommandLineOption retention(
        QStringLiteral("retention-days"),
        QStringLiteral("Days to keep a trace after it was stored (0: forever)."), QStringLiteral("N"));
    const QCommandLineOption redaction(QStringLiteral("redaction"),
                                       QStringLiteral("Redact personal data at ingest."),
                                       QStringLiteral("on|off"));
    p.addOptions({retention, redaction});
    int code = 0;
    if (!command.parse(&code))
        return code;
    const QStringList args = command.positional();
    const QString action = args.value(0);
    if (command.wantsHelp() || action == u"help") {
        out(QString::fromLatin1(kWorkspacesHelp));
        return 0;
    }
    if (action == u"list") {
        if (args.size() > 1 || p.isSet(retention) || p.isSet(redaction))
            return fail(QStringLiteral("workspaces list takes no arguments but --db"), kUsage);
        auto store = command.openStore(&code);
        if (!store)
            return code;
        std::string error;
        const auto list = store->workspaces(&error);
        if (!error.empty())
            return fail(QString::fromStdString(error), kFailed);
        QString text = QStringLiteral("%1  %2  %3  %4\n")
                           .arg(QStringLiteral("WORKSPACE"), -16)
                           .arg(QStringLiteral("RETENTION"), 9)
                           .arg(QStringLiteral("REDACTION"), -9)
                           .arg(QStringLiteral("CREATED"));
        for (const WorkspaceInfo &w : list)
            text += QStringLiteral("%1  %2  %3  %4\n")
                        .arg(QString::fromStdString(w.name), -16)
                        .arg(w.retentionDays > 0 ? QStringLiteral("%1 d").arg(w.retentionDays)
                                                 : QStringLiteral("forever"),
                             9)
                        .arg(w.redaction ? QStringLiteral("on") : QStringLiteral("off"), -9)
                        .arg(isoTime(w.createdNs));
        out(text);
        return 0;
    }
    if (action != u"set")
        return fail(
            action.isEmpty()
                ? QStringLiteral("workspaces: expected list or set")
                : QStringLiteral("workspaces: unknown action \"%1\"; expected list or set").arg(action),
            kUsage);
    if (args.size() != 2)
        return fail(QStringLiteral("workspaces set: give one workspace NAME"), kUsage);
    const std::string name = args.at(1).toStdString();
    if (!KeyStore::isValidWorkspaceName(name))
        return fail(QStringLiteral("workspaces set: workspace \"%1\": expected 1 to 64 of A-Z a-z 0-9 _ . -")
                        .arg(args.at(1)),
                    kUsage);
    std::optional<int> days;
    if (p.isSet(retention)) {
        bool ok = false;
        days = p.value(retention).toInt(&ok);
        if (!ok || *days < 0 || *days > 36500)
            return fail(QStringLiteral("workspaces set: --retention-days must be a whole number from 0 (keep "
                                       "forever) to 36500"),
                        kUsage);
    }
    std::optional<bool> redact;
    if (p.isSet(redaction)) {
        const QString value = p.value(redaction).toLower();
        if (value != u"on" && value != u"off")
            return fail(QStringLiteral("workspaces set: --redaction must be on or off"), kUsage);
        redact = value == u"on";
    }
    if (!days && !redact)
        return fail(QStringLiteral("workspaces set: nothing to set; give --retention-days N and/or "
                                   "--redaction on|off"),
                    kUsage);
    auto store = command.openStore(&code);
    if (!store)
        return code;
    std::string error;
    if (!store->setWorkspace(name, days, redact, &error))
        return fail(QStringLiteral("workspaces set: %1").arg(QString::fromStdString(error)), kFailed);
    out(QStringLiteral("Workspace %1 updated\n").arg(args.at(1)));
    return 0;
}

} // namespace

bool AdminCommand::handles(int argc, char **argv)
{
    return argc >= 2 && (std::strcmp(argv[1], "keys") == 0 || std::strcmp(argv[1], "workspaces") == 0 ||
                         std::strcmp(argv[1], "budgets") == 0);
}

int AdminCommand::run(const QStringList &arguments)
{
    if (arguments.value(1) == u"keys")
        return keys(arguments);
    if (arguments.value(1) == u"workspaces")
        return workspaces(arguments);
    if (arguments.value(1) == u"budgets")
        return BudgetCommand::run(arguments);
    return fail(QStringLiteral("unknown command \"%1\"").arg(arguments.value(1)), kUsage);
}

} // namespace tracedeck

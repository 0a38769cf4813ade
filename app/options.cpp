#include "options.h"

#include "preferencesbridge.h"
#include "storepaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace tracedeck {

namespace {

void printTo(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fflush(stream);
}

} // namespace

bool Options::wantsHeadless(int argc, char **argv)
{
    if (argc > 1 && std::strcmp(argv[1], "import") == 0)
        return true;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--headless") == 0 || std::strcmp(argv[i], "--help") == 0 ||
            std::strcmp(argv[i], "-h") == 0 || std::strcmp(argv[i], "--version") == 0 ||
            std::strcmp(argv[i], "-v") == 0)
            return true;
    return false;
}

std::optional<Options> Options::parse(const QStringList &arguments, int *exitCode)
{
    return parse(arguments, exitCode, PreferencesBridge::defaults());
}

std::optional<Options> Options::parse(const QStringList &arguments, int *exitCode,
                                      const Preferences &defaults)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Tracedeck — a local observability workstation for LLM agents and services.\n"
        "Point any OpenTelemetry SDK at it: OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4318"));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption version(QStringList{QStringLiteral("v"), QStringLiteral("version")},
                                     QStringLiteral("Show the version and exit."));
    const QCommandLineOption headless(QStringLiteral("headless"),
                                      QStringLiteral("Run the listener and store with no window; stop with "
                                                     "SIGINT or SIGTERM."));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Listen for OTLP/HTTP and Zipkin on HOST:PORT "
                                                   "(default %1, set in Preferences).")
                                        .arg(defaults.listenAddress),
                                    QStringLiteral("HOST:PORT"), defaults.listenAddress);
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("SQLite database file (default %1).")
                                    .arg(defaults.databasePath.isEmpty()
                                             ? QStringLiteral("~/.local/share/tracedeck/tracedeck.db")
                                             : defaults.databasePath),
                                QStringLiteral("FILE"));
    const QCommandLineOption maxBody(QStringLiteral("max-body-mb"),
                                     QStringLiteral("Largest request body accepted, in MiB, before and after "
                                                    "gzip inflation (default %1).")
                                         .arg(defaults.maxBodyMb),
                                     QStringLiteral("N"), QString::number(defaults.maxBodyMb));
    const QCommandLineOption requireKeys(
        QStringLiteral("require-keys"), QStringLiteral("Require an API key on every request, on loopback too "
                                                       "(a non-loopback --listen always does)."));
    QCommandLineOption logInterval(QStringLiteral("log-interval"),
                                   QStringLiteral("Seconds between headless ingest-rate log lines."),
                                   QStringLiteral("SECONDS"), QStringLiteral("60"));
    logInterval.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({help, version, headless, listen, db, maxBody, requireKeys, logInterval});
    parser.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Trace files to import when the window opens (also: "
                       "tracedeck import [--db FILE] FILE… imports with no window)."),
        QStringLiteral("[FILE…]"));

    if (!parser.parse(arguments)) {
        printTo(stderr, QStringLiteral("tracedeck: %1\nTry 'tracedeck --help'.\n").arg(parser.errorText()));
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(help)) {
        printTo(stdout, parser.helpText());
        *exitCode = 0;
        return std::nullopt;
    }
    if (parser.isSet(version)) {
        printTo(stdout, QStringLiteral("tracedeck %1\n").arg(QStringLiteral(TRACEDECK_VERSION)));
        *exitCode = 0;
        return std::nullopt;
    }
    Options options;
    options.headless = parser.isSet(headless);
    options.files = parser.positionalArguments();
    if (!options.files.isEmpty() && options.headless) {
        printTo(stderr, QStringLiteral("tracedeck: files are imported into the window; without one use "
                                       "'tracedeck import FILE…'\n"));
        *exitCode = 2;
        return std::nullopt;
    }
    QString error;
    const auto address = ListenAddress::parse(parser.value(listen), &error);
    if (!address) {
        if (!parser.isSet(listen))
            error = QStringLiteral("the listener address in Preferences: %1 (give --listen HOST:PORT)")
                        .arg(error);
        printTo(stderr, QStringLiteral("tracedeck: %1\n").arg(error));
        *exitCode = 2;
        return std::nullopt;
    }
    options.ingest.address = *address;
    options.ingest.requireKeys = parser.isSet(requireKeys);
    options.ingest.redaction = PreferencesBridge::rules(defaults.redaction);
    bool ok = false;
    const int maxBodyMb = parser.value(maxBody).toInt(&ok);
    if (!ok || maxBodyMb < 1 || maxBodyMb > 1024) {
        printTo(stderr, QStringLiteral("tracedeck: --max-body-mb must be a whole number from 1 to 1024\n"));
        *exitCode = 2;
        return std::nullopt;
    }
    options.ingest.maxBodyBytes = qsizetype(maxBodyMb) * 1024 * 1024;
    options.logIntervalSeconds = parser.value(logInterval).toInt(&ok);
    if (!ok || options.logIntervalSeconds < 1) {
        printTo(stderr, QStringLiteral("tracedeck: --log-interval must be a positive number of seconds\n"));
        *exitCode = 2;
        return std::nullopt;
    }
    if (parser.isSet(db))
        options.databasePath = parser.value(db);
    else if (!defaults.databasePath.isEmpty())
        options.databasePath = defaults.databasePath;
    else
        options.databasePath = StorePaths::defaultDatabasePath();
    return options;
}

} // namespace tracedeck

#include "admincommand.h"
#include "appicon.h"
#include "engine.h"
#include "exportcommand.h"
#include "importcommand.h"
#include "languageloader.h"
#include "mainwindow.h"
#include "options.h"
#include "preferencesbridge.h"
#include "ratelogger.h"
#include "signalwatcher.h"
#include "singleinstance.h"
#include "storepaths.h"
#include "userpricing.h"
#include "workstation.h"

#include <QApplication>
#include <QCoreApplication>
#include <QSettings>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace tracedeck;

int main(int argc, char **argv)
{
    if (AdminCommand::handles(argc, argv)) { // tracedeck keys …, tracedeck workspaces …
        QCoreApplication admin(argc, argv);
        return AdminCommand::run(QCoreApplication::arguments());
    }
    if (argc > 1 && std::strcmp(argv[1], "export") == 0) {
        QCoreApplication app(argc, argv);
        return ExportCommand::run(QCoreApplication::arguments());
    }
    std::unique_ptr<QCoreApplication> app;
    if (Options::wantsHeadless(argc, argv))
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tracedeck"));
    QCoreApplication::setOrganizationName(QStringLiteral("tracedeck"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDECK_VERSION));
    // The system locale's language unless Preferences chose one (read at start: a change applies on restart).
    LanguageLoader language;
    language.load(QSettings().value(QStringLiteral("ui/language")).toString());
    if (auto *gui = qobject_cast<QApplication *>(app.get())) {
        gui->setWindowIcon(AppIcon::icon());
        QGuiApplication::setDesktopFileName(QStringLiteral("org.tracedeck.Tracedeck"));
    }

    // The user's price changes (Preferences ▸ Pricing) price what the listener and imports store.
    std::string pricingError;
    PricingTable::setCurrent(
        UserPricing::load(StorePaths::pricingPath(), PricingTable::builtIn(), &pricingError));
    if (!pricingError.empty())
        std::fprintf(stderr, "tracedeck: %s; using the built-in prices\n", pricingError.c_str());

    if (ImportCommand::matches(argc, argv))
        return ImportCommand::run(QCoreApplication::arguments());

    int exitCode = 0;
    const auto options = Options::parse(QCoreApplication::arguments(), &exitCode, PreferencesBridge::load());
    if (!options)
        return exitCode;

    // One window per store: a second start on the same database hands its files to the running window.
    std::unique_ptr<SingleInstance> instance;
    if (!options->headless) {
        instance = std::make_unique<SingleInstance>(options->databasePath);
        if (instance->handOver(options->files)) {
            std::fprintf(stderr, "tracedeck: handed %lld file(s) to the Tracedeck already running on %s\n",
                         static_cast<long long>(options->files.size()), qPrintable(options->databasePath));
            return 0;
        }
    }

    Engine engine;
    QString error;
    if (!engine.start(*options, &error)) {
        std::fprintf(stderr, "tracedeck: %s\n", qPrintable(error));
        return 1;
    }
    const QString address = engine.listener()->address().toString();
    std::fprintf(
        stderr,
        "tracedeck: listening on http://%s (OTLP/HTTP /v1/traces, Zipkin /api/v2/spans), database %s\n",
        qPrintable(address), qPrintable(options->databasePath));
    std::fflush(stderr);

    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, app.get(), [](int signalNumber) {
        std::fprintf(stderr, "tracedeck: signal %d, stopping\n", signalNumber);
        QCoreApplication::quit();
    });

    std::unique_ptr<RateLogger> logger;
    std::unique_ptr<Workstation> workstation;
    if (options->headless) {
        logger = std::make_unique<RateLogger>(engine, options->logIntervalSeconds);
    } else {
        workstation = std::make_unique<Workstation>(engine);
        workstation->window().show();
        if (!options->files.isEmpty())
            workstation->importFiles(options->files);
        QString instanceError;
        if (!instance->listen(&instanceError))
            std::fprintf(stderr, "tracedeck: %s (files opened later will start another window)\n",
                         qPrintable(instanceError));
        QObject::connect(instance.get(), &SingleInstance::openRequested, workstation.get(),
                         [station = workstation.get()](const QStringList &files) {
                             if (!files.isEmpty())
                                 station->importFiles(files);
                             station->window().raise();
                             station->window().activateWindow();
                         });
    }

    const int rc = app->exec();
    workstation.reset();
    const int64_t stored = engine.stop();
    std::fprintf(stderr, "tracedeck: stopped; %lld spans stored\n", static_cast<long long>(stored));
    return rc;
}

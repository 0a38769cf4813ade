#include "importcommand.h"

#include "fileimport.h"
#include "preferencesbridge.h"
#include "signalwatcher.h"
#include "spanwriter.h"
#include "storepaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace tracedeck {

namespace {

void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text), stream);
    std::fflush(stream);
}

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

} // namespace

bool ImportCommand::matches(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], "import") == 0;
}

int ImportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Import trace files into the Tracedeck store: OTLP JSON / JSON Lines / protobuf, Zipkin, Jaeger,\n"
        "Chrome trace events, Langfuse exports and the seed formats, gzip-compressed or not.\n"
        "Exit codes: 0 imported, 1 a file failed, 2 bad arguments, 3 the store cannot be opened, "
        "130 interrupted."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption db(QStringLiteral("db"),
                                QStringLiteral("SQLite database file (default %1).")
                                    .arg(QStringLiteral("~/.local/share/tracedeck/tracedeck.db")),
                                QStringLiteral("FILE"));
    const QCommandLineOption quiet(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("No progress lines, only the summary."));
    parser.addOptions({help, db, quiet});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Trace files to import."),
                                 QStringLiteral("FILE…"));
    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "import"
    if (!parser.parse(args)) {
        print(
            stderr,
            QStringLiteral("tracedeck import: %1\nTry 'tracedeck import --help'.\n").arg(parser.errorText()));
        return 2;
    }
    if (parser.isSet(help)) {
        print(stdout, parser.helpText().replace(QStringLiteral("[options] FILE…"),
                                                QStringLiteral("import [options] FILE…")));
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.isEmpty()) {
        print(stderr, QStringLiteral("tracedeck import: no files given\nTry 'tracedeck import --help'.\n"));
        return 2;
    }

    const QString dbPath = parser.isSet(db) ? parser.value(db) : PreferencesBridge::databasePath();
    QDir().mkpath(QFileInfo(dbPath).absolutePath());
    std::string error;
    auto writer = SpanWriter::open(dbPath.toStdString(), &error);
    if (!writer) {
        print(stderr, QStringLiteral("tracedeck import: cannot open the store %1: %2\n")
                          .arg(dbPath, QString::fromStdString(error)));
        return 3;
    }

    const bool terminal = isatty(fileno(stderr));
    const bool showProgress = !parser.isSet(quiet);
    FileImport import(*writer);
    import.setProgressInterval(terminal ? 200 : 1000);
    bool progressLineOpen = false;
    bool failed = false;
    bool interrupted = false;
    qint64 traces = 0, rejected = 0;
    int done = 0;
    QElapsedTimer lastLine;
    QElapsedTimer clock;
    clock.start();

    QObject::connect(&import, &FileImport::progress, &import, [&](const FileImport::Progress &p) {
        if (!showProgress)
            return;
        const QString line = QStringLiteral("importing %1 (%2/%3): %4 of %5 MB, %6 spans, %7 spans/s")
                                 .arg(QFileInfo(p.path).fileName())
                                 .arg(p.file + 1)
                                 .arg(p.files)
                                 .arg(megabytes(p.bytesRead), megabytes(p.fileSize))
                                 .arg(p.spans)
                                 .arg(qint64(p.spansPerSecond));
        if (!terminal && lastLine.isValid() && lastLine.elapsed() < 5000)
            return;
        lastLine.start();
        if (terminal) {
            print(stderr, QStringLiteral("\r\033[K") + line);
            progressLineOpen = true;
        } else {
            print(stderr, line + QLatin1Char('\n'));
        }
    });
    const auto endProgressLine = [&] {
        if (progressLineOpen)
            print(stderr, QStringLiteral("\r\033[K"));
        progressLineOpen = false;
    };
    QObject::connect(&import, &FileImport::fileDone, &import, [&](const FileImport::FileReport &r) {
        endProgressLine();
        ++done;
        traces += r.traces;
        rejected += r.rejected;
        failed = failed || (r.failed && !r.cancelled);
        QString line = QStringLiteral("%1: %2 trace(s), %3 span(s), %4 rejected")
                           .arg(r.path)
                           .arg(r.traces)
                           .arg(r.spans)
                           .arg(r.rejected);
        if (!r.format.isEmpty() && r.format != QStringLiteral("unknown format"))
            line += QStringLiteral(" [%1]").arg(r.format);
        if (r.cancelled)
            line += QStringLiteral(" (cancelled)");
        print(stdout, line + QLatin1Char('\n'));
        if (r.failed && (r.problems.isEmpty() || !r.error.endsWith(r.problems.constFirst())))
            print(stderr, QStringLiteral("tracedeck import: %1\n").arg(r.error));
        const int shown = std::min<int>(int(r.problems.size()), 5);
        for (int i = 0; i < shown; ++i)
            print(stderr, QStringLiteral("  %1: %2\n").arg(QFileInfo(r.path).fileName(), r.problems[i]));
        if (r.problems.size() > shown)
            print(stderr, QStringLiteral("  … and more problems (first %1 kept)\n").arg(r.problems.size()));
    });
    int exitCode = 0;
    QObject::connect(&import, &FileImport::finished, &import, [&](qint64 spans, int failedFiles) {
        endProgressLine();
        const double seconds = double(clock.elapsed()) / 1000.0;
        print(stdout,
              QStringLiteral("total: %1 file(s), %2 trace(s), %3 span(s), %4 rejected, %5 failed, %6 s\n")
                  .arg(done)
                  .arg(traces)
                  .arg(spans)
                  .arg(rejected)
                  .arg(failedFiles)
                  .arg(seconds, 0, 'f', 1));
        exitCode = interrupted ? 130 : (failed ? 1 : 0);
        QCoreApplication::exit(exitCode);
    });
    SignalWatcher signals;
    QObject::connect(&signals, &SignalWatcher::terminationRequested, &import, [&](int) {
        interrupted = true;
        import.cancel();
    });

    import.start(files);
    QCoreApplication::exec();
    writer->stop();
    return exitCode;
}

} // namespace tracedeck

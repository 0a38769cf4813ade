#include "exportcommand.h"

#include "preferencesbridge.h"
#include "storepaths.h"
#include "storereader.h"
#include "traceexporter.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tracedeck {

namespace {

int fail(int code, const QString &message)
{
    std::fprintf(stderr, "tracedeck export: %s\n", qPrintable(message));
    return code;
}

std::optional<TraceExporter::Format> formatFromName(const QString &path)
{
    const QString name = path.toLower();
    if (name.endsWith(QLatin1String(".csv")))
        return TraceExporter::Format::Csv;
    if (name.endsWith(QLatin1String(".jsonl")) || name.endsWith(QLatin1String(".otlp.json")))
        return TraceExporter::Format::OtlpJson;
    return std::nullopt;
}

} // namespace

int ExportCommand::run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Export stored traces to OTLP JSON Lines, Jaeger JSON or CSV."));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help and exit."));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("otlp (JSON Lines, one request per trace), jaeger or csv "
                                                   "(default: from OUT's extension, .csv or .jsonl)."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption trace(
        QStringLiteral("trace"), QStringLiteral("A trace id to export (repeatable)."), QStringLiteral("ID"));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    QStringLiteral("Export the traces this filter-bar query matches, e.g. "
                                                   "\"service:checkout status:error\" (default: all)."),
                                    QStringLiteral("QUERY"));
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QStringLiteral("Workspace to read (default local)."),
                                       QStringLiteral("NAME"), QStringLiteral("local"));
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("SQLite database file."),
                                QStringLiteral("FILE"));
    parser.addOptions({help, format, trace, filter, workspace, db});
    parser.addPositionalArgument(QStringLiteral("OUT"),
                                 QStringLiteral("File to write, or - for standard output."));

    QStringList args = arguments;
    if (args.size() > 1)
        args.removeAt(1); // "export"
    if (!parser.parse(args))
        return fail(2, parser.errorText());
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(2, positional.isEmpty()
                           ? QStringLiteral("say where to write (OUT, or - for standard output)")
                           : QStringLiteral("one OUT file only, got %1").arg(positional.size()));
    const QString out = positional.constFirst();

    TraceExporter::Request request;
    const auto chosen =
        parser.isSet(format) ? TraceExporter::parseFormat(parser.value(format)) : formatFromName(out);
    if (!chosen)
        return fail(2, parser.isSet(format)
                           ? QStringLiteral("unknown format \"%1\" (expected otlp, jaeger or csv)")
                                 .arg(parser.value(format))
                           : QStringLiteral("say --format otlp|jaeger|csv (OUT's extension does not tell)"));
    request.format = *chosen;
    if (parser.isSet(filter)) {
        QString error;
        request.filter = TraceFilter::parse(parser.value(filter), &error);
        if (!error.isEmpty())
            return fail(2, QStringLiteral("--filter: %1").arg(error));
    }
    request.filter.workspace = parser.value(workspace).toStdString();
    for (const QString &id : parser.values(trace))
        request.traceIds.push_back(id.trimmed().toStdString());
    if (!request.traceIds.empty() && parser.isSet(filter))
        return fail(2, QStringLiteral("give --trace or --filter, not both"));

    const QString dbPath = parser.isSet(db) ? parser.value(db) : PreferencesBridge::databasePath();
    if (!QFileInfo::exists(dbPath))
        return fail(1, QStringLiteral("no database at %1").arg(dbPath));
    std::string error;
    auto reader = StoreReader::open(dbPath.toStdString(), &error);
    if (!reader)
        return fail(1, QStringLiteral("cannot open %1: %2").arg(dbPath, QString::fromStdString(error)));

    TraceExporter::Result result;
    if (out == QLatin1String("-")) {
        QFile stdoutFile;
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(1, QStringLiteral("cannot write to standard output"));
        result = TraceExporter::write(*reader, request, stdoutFile);
    } else {
        result = TraceExporter::writeFile(*reader, request, out);
    }
    if (!result.ok())
        return fail(1, result.error);
    for (const std::string &id : result.missing)
        std::fprintf(stderr, "tracedeck export: no trace %s in workspace %s\n", id.c_str(),
                     request.filter.workspace.c_str());
    std::fprintf(stderr, "tracedeck export: %lld traces, %lld spans%s%s\n",
                 static_cast<long long>(result.traces), static_cast<long long>(result.spans),
                 out == QLatin1String("-") ? "" : " to ", out == QLatin1String("-") ? "" : qPrintable(out));
    return result.missing.empty() ? 0 : 1;
}

} // namespace tracedeck

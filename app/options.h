#pragma once

#include "ingestoptions.h"
#include "preferences.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tracedeck {

// The command line: tracedeck [--headless] [--listen HOST:PORT] [--db FILE] [--max-body-mb N]
// [--require-keys] [FILE…] (trace files to import into the window). Subcommands are their own classes: `keys`
// and `workspaces` AdminCommand, `import` ImportCommand, `export` ExportCommand.
struct Options {
    bool headless = false;
    QString databasePath;
    IngestOptions ingest;
    int logIntervalSeconds = 60;
    QStringList files; // imported when the window opens

    // Parses arguments (argv[0] first) over the defaults of Preferences (listener address, database, body
    // limit, redaction; see PreferencesBridge), which the command line overrides. On --help/--version prints
    // and sets *exitCode to 0; on a bad argument (or a bad stored preference) prints the problem and sets
    // *exitCode to 2. Returns nullopt in both cases.
    static std::optional<Options> parse(const QStringList &arguments, int *exitCode,
                                        const Preferences &defaults);
    // The same over the built-in defaults (no stored preferences).
    static std::optional<Options> parse(const QStringList &arguments, int *exitCode);
    // Cheap look at argv before the QApplication exists: a window is needed unless --headless is given.
    static bool wantsHeadless(int argc, char **argv);
};

} // namespace tracedeck

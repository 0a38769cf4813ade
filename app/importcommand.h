#pragma once

#include <QStringList>

namespace tracedeck {

// `tracedeck import [--db FILE] FILE…`: imports trace files into the store with no window and no
// listener (open the writer, import, close). Progress goes to stderr (one line rewritten on a terminal, a
// line every few seconds otherwise), a summary per file and in total to stdout.
// Exit codes: 0 every file read to its end (rejected records are reported, not failures), 1 a file could
// not be read or stored (whole or in part), 2 a bad command line, 3 the store cannot be opened,
// 130 interrupted (SIGINT/SIGTERM; the batches committed so far stay).
class ImportCommand {
public:
    static bool matches(int argc, char **argv);
    // arguments: the whole command line, argv[0] first, "import" second. Needs a QCoreApplication.
    static int run(const QStringList &arguments);
};

} // namespace tracedeck

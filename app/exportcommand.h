#pragma once

#include <QStringList>

namespace tracedeck {

// `tracedeck export --format otlp|jaeger|csv [--trace ID]… [--filter QUERY] [--workspace NAME] [--db FILE]
// OUT` Writes the chosen traces from the store to OUT (`-` for standard output). A file is written whole or
// not at all (QSaveFile). Exit codes: 0 written, 1 the store or the file failed or a trace was not found, 2
// bad usage.
class ExportCommand {
public:
    // arguments: the program name, then "export", then its options.
    static int run(const QStringList &arguments);
};

} // namespace tracedeck

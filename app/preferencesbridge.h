#pragma once

#include "preferences.h"
#include "redactor.h"

namespace tracedeck {

// Between the stored Preferences (models/) and what the engine takes: the defaults of a first start come
// from the engine's own (Redactor::Rules, IngestOptions), and the redaction preferences become Rules.
class PreferencesBridge {
public:
    static Preferences defaults();
    // The preferences in the application's QSettings, missing values from defaults().
    static Preferences load();
    static Redactor::Rules rules(const Preferences::Redaction &redaction);
    // The database when no --db is given: the one set in Preferences, else StorePaths' default. For the
    // subcommands (import, export, keys, workspaces), which run before the application's name is set.
    static QString databasePath();
};

} // namespace tracedeck

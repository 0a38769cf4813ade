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
};

} // namespace tracedeck

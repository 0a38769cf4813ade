#pragma once

#include <QString>
#include <QStringList>

class QSettings;

namespace tracedeck {

// What Preferences sets, as stored in QSettings. app/ reads it at start-up as the defaults the command line
// overrides (--listen, --db, --max-body-mb); the theme applies live, the rest on the next start. Retention is
// not here: it is a workspace's setting in the database (KeyAdminModel).
struct Preferences {
    enum class Theme { System, Light, Dark };

    QString listenAddress = QStringLiteral("127.0.0.1:4318");
    QString databasePath; // empty: StorePaths::defaultDatabasePath()
    int maxBodyMb = 20;
    // Mirrors Redactor::Rules (ingest/), which models/ cannot see; app/ converts.
    struct Redaction {
        bool enabled = true;
        QStringList keys;
        bool emails = true;
        bool phones = true;
        bool cards = true;
        bool tokens = true;
        bool apiKeys = true;
        bool ssns = true;
        bool operator==(const Redaction &) const = default;
    } redaction;
    QString language; // empty: the system locale's; else "en", "de", "fr"
    Theme theme = Theme::System;

    static constexpr int kMinBodyMb = 1;
    static constexpr int kMaxBodyMb = 1024;

    // Values missing from settings (or out of range) take those of defaults.
    static Preferences load(const QSettings &settings, const Preferences &defaults);
    void save(QSettings &settings) const;

    static QString themeName(Theme theme);
    static Theme themeFromName(const QString &name, Theme fallback);

    bool operator==(const Preferences &) const = default;
};

} // namespace tracedeck

#include "preferencesbridge.h"

#include "ingestoptions.h"
#include "storepaths.h"

#include <QSettings>

namespace tracedeck {

Preferences PreferencesBridge::defaults()
{
    Preferences p;
    const IngestOptions ingest;
    p.listenAddress = ingest.address.toString();
    p.maxBodyMb = int(ingest.maxBodyBytes / (1024 * 1024));
    const Redactor::Rules rules;
    p.redaction.enabled = rules.enabled;
    p.redaction.keys.clear();
    for (const std::string &key : rules.keys)
        p.redaction.keys.push_back(QString::fromStdString(key));
    p.redaction.emails = rules.emails;
    p.redaction.phones = rules.phones;
    p.redaction.cards = rules.cards;
    p.redaction.tokens = rules.tokens;
    p.redaction.apiKeys = rules.apiKeys;
    p.redaction.ssns = rules.ssns;
    return p;
}

Preferences PreferencesBridge::load()
{
    const QSettings settings;
    return Preferences::load(settings, defaults());
}

QString PreferencesBridge::databasePath()
{
    // Named explicitly: the subcommands' QCoreApplication has no organisation or application name yet.
    const QSettings settings(QStringLiteral("tracedeck"), QStringLiteral("tracedeck"));
    const QString path = settings.value(QStringLiteral("store/database")).toString().trimmed();
    return path.isEmpty() ? StorePaths::defaultDatabasePath() : path;
}

Redactor::Rules PreferencesBridge::rules(const Preferences::Redaction &redaction)
{
    Redactor::Rules rules;
    rules.enabled = redaction.enabled;
    rules.keys.clear();
    for (const QString &key : redaction.keys)
        rules.keys.push_back(key.toStdString());
    rules.emails = redaction.emails;
    rules.phones = redaction.phones;
    rules.cards = redaction.cards;
    rules.tokens = redaction.tokens;
    rules.apiKeys = redaction.apiKeys;
    rules.ssns = redaction.ssns;
    return rules;
}

} // namespace tracedeck

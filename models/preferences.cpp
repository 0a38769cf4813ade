#include "preferences.h"

#include <QSettings>

namespace tracedeck {

namespace {

const QString kListen = QStringLiteral("listener/address");
const QString kMaxBody = QStringLiteral("listener/maxBodyMb");
const QString kDatabase = QStringLiteral("store/database");
const QString kRedaction = QStringLiteral("redaction/");
const QString kLanguage = QStringLiteral("ui/language");
const QString kTheme = QStringLiteral("ui/theme");

bool readBool(const QSettings &settings, const QString &key, bool fallback)
{
    return settings.value(key, fallback).toBool();
}

} // namespace

Preferences Preferences::load(const QSettings &settings, const Preferences &defaults)
{
    Preferences p = defaults;
    p.listenAddress = settings.value(kListen, defaults.listenAddress).toString().trimmed();
    if (p.listenAddress.isEmpty())
        p.listenAddress = defaults.listenAddress;
    p.databasePath = settings.value(kDatabase, defaults.databasePath).toString().trimmed();
    bool ok = false;
    const int body = settings.value(kMaxBody, defaults.maxBodyMb).toInt(&ok);
    p.maxBodyMb = ok && body >= kMinBodyMb && body <= kMaxBodyMb ? body : defaults.maxBodyMb;
    Redaction &r = p.redaction;
    r.enabled = readBool(settings, kRedaction + QStringLiteral("enabled"), defaults.redaction.enabled);
    if (settings.contains(kRedaction + QStringLiteral("keys"))) {
        r.keys.clear();
        for (const QString &key : settings.value(kRedaction + QStringLiteral("keys")).toStringList()) {
            if (!key.trimmed().isEmpty())
                r.keys.push_back(key.trimmed());
        }
    }
    r.emails = readBool(settings, kRedaction + QStringLiteral("emails"), defaults.redaction.emails);
    r.phones = readBool(settings, kRedaction + QStringLiteral("phones"), defaults.redaction.phones);
    r.cards = readBool(settings, kRedaction + QStringLiteral("cards"), defaults.redaction.cards);
    r.tokens = readBool(settings, kRedaction + QStringLiteral("tokens"), defaults.redaction.tokens);
    r.apiKeys = readBool(settings, kRedaction + QStringLiteral("apiKeys"), defaults.redaction.apiKeys);
    r.ssns = readBool(settings, kRedaction + QStringLiteral("ssns"), defaults.redaction.ssns);
    p.language = settings.value(kLanguage, defaults.language).toString();
    p.theme = themeFromName(settings.value(kTheme).toString(), defaults.theme);
    return p;
}

void Preferences::save(QSettings &settings) const
{
    settings.setValue(kListen, listenAddress);
    settings.setValue(kDatabase, databasePath);
    settings.setValue(kMaxBody, maxBodyMb);
    settings.setValue(kRedaction + QStringLiteral("enabled"), redaction.enabled);
    settings.setValue(kRedaction + QStringLiteral("keys"), redaction.keys);
    settings.setValue(kRedaction + QStringLiteral("emails"), redaction.emails);
    settings.setValue(kRedaction + QStringLiteral("phones"), redaction.phones);
    settings.setValue(kRedaction + QStringLiteral("cards"), redaction.cards);
    settings.setValue(kRedaction + QStringLiteral("tokens"), redaction.tokens);
    settings.setValue(kRedaction + QStringLiteral("apiKeys"), redaction.apiKeys);
    settings.setValue(kRedaction + QStringLiteral("ssns"), redaction.ssns);
    settings.setValue(kLanguage, language);
    settings.setValue(kTheme, themeName(theme));
}

QString Preferences::themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Preferences::Theme Preferences::themeFromName(const QString &name, Theme fallback)
{
    if (name == u"system")
        return Theme::System;
    if (name == u"light")
        return Theme::Light;
    if (name == u"dark")
        return Theme::Dark;
    return fallback;
}

} // namespace tracedeck

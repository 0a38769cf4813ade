#include "languageloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

#include <memory>

namespace tracedeck {

LanguageLoader::LanguageLoader(QObject *parent)
    : QObject(parent)
{}

LanguageLoader::~LanguageLoader()
{
    removeAll();
}

QStringList LanguageLoader::languages()
{
    return {QStringLiteral("de"), QStringLiteral("fr")};
}

QString LanguageLoader::languageFor(const QLocale &locale)
{
    // uiLanguages() lists the user's preferences in order (LANGUAGE, then LC_MESSAGES/LANG).
    for (const QString &name : locale.uiLanguages()) {
        const QString code = name.section(u'-', 0, 0).section(u'_', 0, 0).toLower();
        if (code == u"en")
            return code;
        if (languages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

QString LanguageLoader::load(const QString &language)
{
    removeAll();
    QString code = language.isEmpty() ? languageFor(QLocale::system()) : language;
    if (!languages().contains(code))
        code = QStringLiteral("en");
    auto app = std::make_unique<QTranslator>();
    if (!app->load(QStringLiteral(":/i18n/tracedeck_%1.qm").arg(code))) {
        code = QStringLiteral("en");
        if (!app->load(QStringLiteral(":/i18n/tracedeck_en.qm")))
            return code;
    }
    m_app = app.release();
    QCoreApplication::installTranslator(m_app);
    // English is the source text; its file holds only the plural forms ("1 span", "2 spans").
    if (code == u"en")
        return code;
    // qt6-translations-l10n provides these; without it Qt's own dialogs stay in English.
    auto qt = std::make_unique<QTranslator>();
    if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qt = qt.release();
        QCoreApplication::installTranslator(m_qt);
    }
    return code;
}

void LanguageLoader::removeAll()
{
    for (QTranslator **t : {&m_app, &m_qt}) {
        if (*t) {
            QCoreApplication::removeTranslator(*t);
            delete *t;
            *t = nullptr;
        }
    }
}

} // namespace tracedeck

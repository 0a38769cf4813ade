#pragma once

#include <QLocale>
#include <QObject>
#include <QStringList>

class QTranslator;

namespace tracedeck {

// Installs Tracedeck's translation (embedded as :/i18n/tracedeck_<lang>.qm) and, when the system has them,
// Qt's own qtbase translations for one language. Loading another language replaces the previous one.
// Widgets built afterwards show the new language (the window is rebuilt on restart).
class LanguageLoader : public QObject {
    Q_OBJECT
public:
    explicit LanguageLoader(QObject *parent = nullptr);
    ~LanguageLoader() override;

    // The languages Tracedeck is translated into besides English, as ISO 639 codes ("de", "fr").
    static QStringList languages();
    // "" follows the system locale; otherwise a code of languages() or "en". Returns the code whose
    // translation is installed ("en" when none was needed or found).
    QString load(const QString &language);
    // The language of a locale that Tracedeck can show: one of languages(), or "en".
    static QString languageFor(const QLocale &locale);

private:
    void removeAll();

    QTranslator *m_app = nullptr;
    QTranslator *m_qt = nullptr;
};

} // namespace tracedeck

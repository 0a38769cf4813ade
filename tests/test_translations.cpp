// Translations: the German and French .ts files are complete, and installing one changes the window's text.
#include "languageloader.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

using namespace tracedeck;

namespace {

struct TsProblem {
    QString context;
    QString source;
    QString what;
};

// Every message of a .ts file: a finished, non-empty translation (each plural form too) that keeps the
// source's placeholders, and no vanished or obsolete entry.
QList<TsProblem> checkTs(const QString &path, int *messages)
{
    QList<TsProblem> problems;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        problems.push_back({QString(), path, QStringLiteral("cannot open")});
        return problems;
    }
    QXmlStreamReader xml(&file);
    QString context, source, translationType;
    QStringList forms;
    QString translationText;
    bool numerus = false;
    static const QRegularExpression placeholder(QStringLiteral("%(n|\\d)"));
    auto placeholders = [](const QString &text) {
        QSet<QString> found;
        for (auto it = placeholder.globalMatch(text); it.hasNext();)
            found.insert(it.next().captured(0));
        return found;
    };
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"name" && source.isNull()) {
                context = xml.readElementText();
            } else if (name == u"message") {
                numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
                source = QString();
                forms.clear();
                translationText.clear();
            } else if (name == u"source") {
                source = xml.readElementText();
            } else if (name == u"translation") {
                translationType = xml.attributes().value(QStringLiteral("type")).toString();
                if (!numerus)
                    translationText = xml.readElementText();
            } else if (name == u"numerusform") {
                forms.push_back(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == u"message") {
            ++*messages;
            if (!translationType.isEmpty())
                problems.push_back({context, source, translationType});
            const QStringList texts = numerus ? forms : QStringList{translationText};
            if (numerus && forms.size() != 2)
                problems.push_back(
                    {context, source, QStringLiteral("%1 plural forms, want 2").arg(forms.size())});
            for (const QString &text : texts) {
                if (text.trimmed().isEmpty())
                    problems.push_back({context, source, QStringLiteral("empty translation")});
                else if (placeholders(text) != placeholders(source))
                    problems.push_back({context, source, QStringLiteral("placeholders differ: ") + text});
            }
            source = QString();
        }
    }
    if (xml.hasError())
        problems.push_back({QString(), path, xml.errorString()});
    return problems;
}

QString fileMenuTitle()
{
    MainWindow window;
    return window.menuBar()->actions().value(0)->text();
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tsFilesAreComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("atLeast");
        QTest::newRow("de") << QStringLiteral("de") << 300;
        QTest::newRow("fr") << QStringLiteral("fr") << 300;
        QTest::newRow("en (plural forms only)") << QStringLiteral("en") << 20;
    }
    void tsFilesAreComplete()
    {
        QFETCH(QString, language);
        QFETCH(int, atLeast);
        int messages = 0;
        const auto problems = checkTs(
            QStringLiteral(TRACEDECK_SOURCE_DIR "/translations/tracedeck_%1.ts").arg(language), &messages);
        for (const TsProblem &p : problems)
            qWarning().noquote() << p.context << p.source << p.what;
        QCOMPARE(problems.size(), 0);
        QVERIFY2(messages > atLeast, qPrintable(QString::number(messages)));
    }

    void compiledTranslationsAreEmbedded()
    {
        for (const QString &language : LanguageLoader::languages() + QStringList{QStringLiteral("en")})
            QVERIFY2(QFile::exists(QStringLiteral(":/i18n/tracedeck_%1.qm").arg(language)),
                     qPrintable(language));
    }

    void switchingLanguageChangesTheMenus()
    {
        LanguageLoader loader;
        QCOMPARE(loader.load(QStringLiteral("en")), QStringLiteral("en"));
        QCOMPARE(fileMenuTitle(), QStringLiteral("&File"));
        // English's plural forms: no "(s)" left for the reader.
        const auto importing = [](int n) {
            return QCoreApplication::translate("tracedeck::Workstation", "Importing %n file(s)…", nullptr, n);
        };
        QCOMPARE(importing(1), QStringLiteral("Importing 1 file…"));
        QCOMPARE(importing(3), QStringLiteral("Importing 3 files…"));
        QCOMPARE(loader.load(QStringLiteral("de")), QStringLiteral("de"));
        QCOMPARE(fileMenuTitle(), QStringLiteral("&Datei"));
        {
            // Looked at: German is the longest; menus and toolbar must still fit.
            MainWindow window;
            window.resize(1400, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QDir().mkpath(QStringLiteral(TRACEDECK_SCREENSHOT_OUT));
            QVERIFY(window.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/main-window-de.png")));
        }
        QCOMPARE(loader.load(QStringLiteral("fr")), QStringLiteral("fr"));
        QCOMPARE(fileMenuTitle(), QStringLiteral("&Fichier"));
        // Plurals come from the translation too.
        QCOMPARE(QCoreApplication::translate("tracedeck::Workstation", "Importing %n file(s)…", nullptr, 2),
                 QStringLiteral("Import de 2 fichiers…"));
        QCOMPARE(loader.load(QStringLiteral("xx")), QStringLiteral("en"));
        QCOMPARE(fileMenuTitle(), QStringLiteral("&File"));
        QCOMPARE(importing(2), QStringLiteral("Importing 2 files…"));
    }

    void systemLocalePicksALanguage()
    {
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::German, QLocale::Austria)),
                 QStringLiteral("de"));
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::French, QLocale::Canada)),
                 QStringLiteral("fr"));
        QCOMPARE(LanguageLoader::languageFor(QLocale(QLocale::Japanese)), QStringLiteral("en"));
    }
};

QTEST_MAIN(TestTranslations)
#include "test_translations.moc"

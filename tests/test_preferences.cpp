// Preferences: stored in QSettings, the defaults the command line overrides, edited in the dialog (Edit ▸
// Preferences) with the local workspace's retention going to the store; the theme applies live.
#include "engine.h"
#include "keyadminmodel.h"
#include "languageloader.h"
#include "mainwindow.h"
#include "options.h"
#include "preferences.h"
#include "preferencesbridge.h"
#include "preferencesdialog.h"
#include "thememanager.h"
#include "timelineview.h"
#include "workspacesdialog.h"
#include "workstation.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

namespace {

QAction *menuAction(QMainWindow &window, const QString &menu, const QString &text)
{
    for (QAction *top : window.menuBar()->actions()) {
        if (top->text() != menu || !top->menu())
            continue;
        for (QAction *a : top->menu()->actions())
            if (a->text() == text)
                return a;
    }
    return nullptr;
}

} // namespace

class TestPreferences : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_preferences"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        qRegisterMetaType<PreferencesDialog *>();
    }

    void cleanup()
    {
        QSettings().clear();
        ThemeManager::apply(Preferences::Theme::System);
    }

    void missingSettingsTakeTheDefaults()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
        const Preferences p = Preferences::load(settings, PreferencesBridge::defaults());
        QCOMPARE(p.listenAddress, QStringLiteral("127.0.0.1:4318"));
        QCOMPARE(p.maxBodyMb, 20);
        QVERIFY(p.databasePath.isEmpty());
        QVERIFY(p.redaction.enabled);
        QVERIFY(p.redaction.keys.contains(QStringLiteral("authorization")));
        QCOMPARE(p.theme, Preferences::Theme::System);
        QVERIFY(p.language.isEmpty());
    }

    void savedPreferencesReadBack()
    {
        const QString path = m_dir.filePath(QStringLiteral("saved.ini"));
        Preferences p = PreferencesBridge::defaults();
        p.listenAddress = QStringLiteral("[::1]:5000");
        p.databasePath = QStringLiteral("/tmp/elsewhere.db");
        p.maxBodyMb = 64;
        p.redaction.enabled = false;
        p.redaction.keys = {QStringLiteral("cookie"), QStringLiteral("session_key")};
        p.redaction.phones = false;
        p.redaction.ssns = false;
        p.language = QStringLiteral("fr");
        p.theme = Preferences::Theme::Dark;
        {
            QSettings settings(path, QSettings::IniFormat);
            p.save(settings);
        }
        QSettings settings(path, QSettings::IniFormat);
        QCOMPARE(Preferences::load(settings, PreferencesBridge::defaults()), p);
    }

    void badStoredValuesFallBack()
    {
        QSettings settings(m_dir.filePath(QStringLiteral("bad.ini")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("listener/maxBodyMb"), 999999);
        settings.setValue(QStringLiteral("ui/theme"), QStringLiteral("purple"));
        const Preferences p = Preferences::load(settings, PreferencesBridge::defaults());
        QCOMPARE(p.maxBodyMb, 20);
        QCOMPARE(p.theme, Preferences::Theme::System);
    }

    void commandLineOverridesPreferences()
    {
        Preferences p = PreferencesBridge::defaults();
        p.listenAddress = QStringLiteral("127.0.0.1:5999");
        p.databasePath = m_dir.filePath(QStringLiteral("pref.db"));
        p.maxBodyMb = 7;
        p.redaction.keys = {QStringLiteral("cookie")};
        p.redaction.emails = false;
        int rc = -1;
        auto fromPrefs = Options::parse({QStringLiteral("tracedeck")}, &rc, p);
        QVERIFY(fromPrefs);
        QCOMPARE(fromPrefs->ingest.address.port, quint16(5999));
        QCOMPARE(fromPrefs->databasePath, p.databasePath);
        QCOMPARE(fromPrefs->ingest.maxBodyBytes, qsizetype(7) * 1024 * 1024);
        QCOMPARE(fromPrefs->ingest.redaction.keys, std::vector<std::string>{"cookie"});
        QVERIFY(!fromPrefs->ingest.redaction.emails);

        auto fromArgs = Options::parse({QStringLiteral("tracedeck"), QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:6001"), QStringLiteral("--db"),
                                        QStringLiteral("/tmp/cli.db"), QStringLiteral("--max-body-mb"),
                                        QStringLiteral("3")},
                                       &rc, p);
        QVERIFY(fromArgs);
        QCOMPARE(fromArgs->ingest.address.port, quint16(6001));
        QCOMPARE(fromArgs->databasePath, QStringLiteral("/tmp/cli.db"));
        QCOMPARE(fromArgs->ingest.maxBodyBytes, qsizetype(3) * 1024 * 1024);
    }

    void badStoredAddressIsAClearError()
    {
        Preferences p = PreferencesBridge::defaults();
        p.listenAddress = QStringLiteral("nowhere");
        int rc = -1;
        QVERIFY(!Options::parse({QStringLiteral("tracedeck")}, &rc, p));
        QCOMPARE(rc, 2);
        // --listen overrides the bad preference.
        QVERIFY(Options::parse(
            {QStringLiteral("tracedeck"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}, &rc,
            p));
    }

    void dialogShowsAndReturnsPreferences()
    {
        PreferencesDialog dialog;
        Preferences p = PreferencesBridge::defaults();
        p.listenAddress = QStringLiteral("0.0.0.0:4318");
        p.maxBodyMb = 50;
        p.redaction.keys = {QStringLiteral("cookie"), QStringLiteral("x-auth")};
        p.redaction.cards = false;
        p.language = QStringLiteral("de");
        p.theme = Preferences::Theme::Light;
        dialog.setPreferences(p);
        dialog.setRetentionDays(14);
        QCOMPARE(dialog.preferences(), p);
        QCOMPARE(dialog.retentionDays(), std::optional<int>(14));
        dialog.setRetentionDays(std::nullopt);
        QCOMPARE(dialog.retentionDays(), std::nullopt);
        QCOMPARE(dialog.pageCount(), 4);
        const int added = dialog.addPage(QStringLiteral("Pricing"), new QLabel(QStringLiteral("prices")));
        QCOMPARE(added, 4);
        QCOMPARE(dialog.pageCount(), 5);
        QCOMPARE(dialog.pageTitle(4), QStringLiteral("Pricing"));
        dialog.showPage(4);
        QCOMPARE(dialog.currentPage(), 4);
    }

    void dialogRefusesABadAddress()
    {
        PreferencesDialog dialog;
        dialog.setPreferences(PreferencesBridge::defaults());
        dialog.setAddressValidator([](const QString &text) {
            return text == u"bad" ? QStringLiteral("expected HOST:PORT") : QString();
        });
        QSignalSpy applied(&dialog, &PreferencesDialog::applied);
        dialog.showPage(3);
        dialog.findChild<QLineEdit *>(QStringLiteral("listenAddress"))->setText(QStringLiteral("bad"));
        QVERIFY(!dialog.apply());
        QCOMPARE(applied.count(), 0);
        QCOMPARE(dialog.currentPage(), 0);
        QVERIFY2(dialog.errorText().contains(QStringLiteral("expected HOST:PORT")),
                 qPrintable(dialog.errorText()));
        dialog.findChild<QLineEdit *>(QStringLiteral("listenAddress"))->setText(QString());
        QVERIFY(!dialog.apply());
        dialog.findChild<QLineEdit *>(QStringLiteral("listenAddress"))
            ->setText(QStringLiteral("127.0.0.1:1"));
        QVERIFY(dialog.apply());
        QCOMPARE(applied.count(), 1);
        QVERIFY(dialog.errorText().isEmpty());
    }

    void editPreferencesStoresSettingsRetentionAndTheme()
    {
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("prefs.db"));
        options.ingest.address.port = 0;
        Engine engine;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        {
            Workstation station(engine);
            station.window().show();
            QVERIFY(QTest::qWaitForWindowExposed(&station.window()));
            QSignalSpy created(&station, &Workstation::preferencesDialogCreated);

            // Edit ▸ Preferences… opens Preferences; Workspaces & API Keys… still opens the workspaces.
            QAction *prefs =
                menuAction(station.window(), QStringLiteral("&Edit"), QStringLiteral("&Preferences…"));
            QVERIFY(prefs);
            prefs->trigger();
            auto *dialog = station.window().findChild<PreferencesDialog *>();
            QVERIFY(dialog);
            QVERIFY(dialog->isVisible());
            QCOMPARE(created.count(), 1);
            QCOMPARE(dialog->retentionDays(), std::optional<int>(30));
            QCOMPARE(dialog->preferences().listenAddress, QStringLiteral("127.0.0.1:4318"));
            QAction *workspaces = menuAction(station.window(), QStringLiteral("&Edit"),
                                             QStringLiteral("&Workspaces && API Keys…"));
            QVERIFY(workspaces);
            workspaces->trigger();
            QVERIFY(station.window().findChild<WorkspacesDialog *>());

            const QPalette before = station.timeline().palette();
            QVERIFY(!ThemeManager::isDark(before));
            dialog->findChild<QSpinBox *>(QStringLiteral("retentionDays"))->setValue(9);
            dialog->findChild<QSpinBox *>(QStringLiteral("maxBodyMb"))->setValue(33);
            auto *theme = dialog->findChild<QComboBox *>(QStringLiteral("theme"));
            theme->setCurrentIndex(theme->findData(int(Preferences::Theme::Dark)));
            QSignalSpy applied(&station, &Workstation::preferencesApplied);
            dialog->accept();
            QCOMPARE(applied.count(), 1);
            QVERIFY(!dialog->isVisible());

            const Preferences stored = PreferencesBridge::load();
            QCOMPARE(stored.maxBodyMb, 33);
            QCOMPARE(stored.theme, Preferences::Theme::Dark);
            QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));
            QCOMPARE(station.keyAdmin().workspaceInfo(QStringLiteral("local"))->retentionDays, 9);
            QVERIFY2(station.window().statusBar()->currentMessage().contains(QStringLiteral("restarts")),
                     qPrintable(station.window().statusBar()->currentMessage()));
            // Applied live: the views got the dark palette.
            QTRY_VERIFY(ThemeManager::isDark(station.timeline().palette()));
            QVERIFY(station.timeline().palette().color(QPalette::Base) != before.color(QPalette::Base));

            // Opening again shows what was stored.
            QCOMPARE(station.openPreferences(), dialog);
            QCOMPARE(dialog->retentionDays(), std::optional<int>(9));
            QCOMPARE(dialog->preferences().maxBodyMb, 33);
            QCOMPARE(created.count(), 1);
            dialog->reject();
        }
        engine.stop();
    }

    void themesSwitchLive()
    {
        MainWindow window;
        TimelineView timeline;
        window.setDetailWidgets(&timeline, new QWidget);
        window.show();
        ThemeManager::apply(Preferences::Theme::Dark);
        QTRY_VERIFY(ThemeManager::isDark(timeline.palette()));
        QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
        ThemeManager::apply(Preferences::Theme::Light);
        QTRY_VERIFY(!ThemeManager::isDark(timeline.palette()));
        QCOMPARE(timeline.palette().color(QPalette::Base),
                 ThemeManager::lightPalette().color(QPalette::Base));
        ThemeManager::apply(Preferences::Theme::System);
        QCOMPARE(ThemeManager::current(), Preferences::Theme::System);
    }

    // Every page, light and dark and in German (the longest strings), saved to be looked at.
    void screenshotsOfEveryPage()
    {
        const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
        QDir().mkpath(dir);
        LanguageLoader language;
        for (const QString &lang : {QStringLiteral("en"), QStringLiteral("de")}) {
            language.load(lang);
            for (const auto theme : {Preferences::Theme::Light, Preferences::Theme::Dark}) {
                ThemeManager::apply(theme);
                PreferencesDialog dialog;
                dialog.setPreferences(PreferencesBridge::defaults());
                dialog.setRetentionDays(30);
                dialog.setDefaultDatabasePath(
                    QStringLiteral("/home/ann/.local/share/tracedeck/tracedeck.db"));
                dialog.show();
                QVERIFY(QTest::qWaitForWindowExposed(&dialog));
                for (int page = 0; page < dialog.pageCount(); ++page) {
                    dialog.showPage(page);
                    QVERIFY(dialog.grab().save(dir + QStringLiteral("/preferences-%1-%2-%3.png")
                                                         .arg(lang, Preferences::themeName(theme))
                                                         .arg(page)));
                }
            }
        }
        language.load(QStringLiteral("en"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestPreferences)
#include "test_preferences.moc"

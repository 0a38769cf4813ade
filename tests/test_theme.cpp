// Light and dark themes on the real workstation with the sample traces: every view follows the palette.
// Screenshots of each tab go to build/tests/screenshots/theme-*.png to be looked at.
#include "compareview.h"
#include "conversationview.h"
#include "engine.h"
#include "jsoninspector.h"
#include "mainwindow.h"
#include "pathgraphview.h"
#include "spaninspector.h"
#include "thememanager.h"
#include "timelinedata.h"
#include "timelineview.h"
#include "tracelistmodel.h"
#include "workstation.h"

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

namespace {

QString screenshotDir()
{
    const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

QString traceOfRoot(const TraceListModel &model, const QString &rootPrefix)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, int(TraceColumn::Root)).data().toString().startsWith(rootPrefix))
            return QString::fromStdString(model.trace(row)->traceId);
    }
    return QString();
}

// The mean lightness of an image: the dark theme must really paint dark.
int meanLightness(const QImage &image)
{
    qint64 sum = 0;
    qint64 n = 0;
    for (int y = 0; y < image.height(); y += 4)
        for (int x = 0; x < image.width(); x += 4, ++n)
            sum += QColor(image.pixel(x, y)).lightness();
    return n ? int(sum / n) : 0;
}

} // namespace

class TestTheme : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_theme"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
        Options options;
        options.databasePath = m_dir.filePath(QStringLiteral("theme.db"));
        options.ingest.address.port = 0;
        QString error;
        QVERIFY2(m_engine.start(options, &error), qPrintable(error));
        m_station = std::make_unique<Workstation>(m_engine);
        m_station->window().resize(1500, 900);
        m_station->window().show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_station->window()));
        QSignalSpy imported(m_station.get(), &Workstation::importFinished);
        m_station->loadSamples();
        QVERIFY(imported.wait(10000));
        QTRY_COMPARE_WITH_TIMEOUT(m_station->traces().rowCount(), 3, 10000);
        const QString agent = traceOfRoot(m_station->traces(), QStringLiteral("support-agent"));
        QVERIFY(!agent.isEmpty());
        QSignalSpy conversation(m_station.get(), &Workstation::conversationShown);
        m_station->showTrace(agent);
        QVERIFY(conversation.wait(10000));
        QTRY_VERIFY(m_station->timeline().data() && m_station->timeline().data()->count() == 8);
    }

    void cleanupTestCase()
    {
        m_station.reset();
        m_engine.stop();
        ThemeManager::apply(Preferences::Theme::System);
    }

    void eachThemeIsPainted_data()
    {
        QTest::addColumn<int>("theme");
        QTest::newRow("light") << int(Preferences::Theme::Light);
        QTest::newRow("dark") << int(Preferences::Theme::Dark);
    }
    void eachThemeIsPainted()
    {
        QFETCH(int, theme);
        const bool dark = Preferences::Theme(theme) == Preferences::Theme::Dark;
        const QString name = dark ? QStringLiteral("dark") : QStringLiteral("light");
        ThemeManager::apply(Preferences::Theme(theme));
        MainWindow &window = m_station->window();
        QTRY_COMPARE(ThemeManager::isDark(m_station->timeline().palette()), dark);
        QCOMPARE(ThemeManager::isDark(m_station->conversation().palette()), dark);
        QCOMPARE(ThemeManager::isDark(m_station->pathGraph().palette()), dark);
        QCOMPARE(ThemeManager::isDark(m_station->inspector().palette()), dark);

        QTabWidget *tabs = window.traceTabs();
        tabs->setCurrentIndex(0);
        QApplication::processEvents();
        const QImage timeline = window.grab().toImage();
        QVERIFY(timeline.save(screenshotDir() + QStringLiteral("/theme-%1-timeline.png").arg(name)));
        const int lightness = meanLightness(m_station->timeline().grab().toImage());
        QVERIFY2(dark ? lightness < 110 : lightness > 150, qPrintable(QString::number(lightness)));

        tabs->setCurrentWidget(&m_station->conversation());
        QApplication::processEvents();
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/theme-%1-conversation.png").arg(name)));
        const int conversationLightness = meanLightness(m_station->conversation().grab().toImage());
        QVERIFY2(dark ? conversationLightness < 110 : conversationLightness > 150,
                 qPrintable(QString::number(conversationLightness)));

        tabs->setCurrentWidget(&m_station->pathGraph());
        QApplication::processEvents();
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/theme-%1-pathgraph.png").arg(name)));
        const int graphLightness = meanLightness(m_station->pathGraph().grab().toImage());
        QVERIFY2(dark ? graphLightness < 110 : graphLightness > 150,
                 qPrintable(QString::number(graphLightness)));
        tabs->setCurrentIndex(0);
    }

    void compareViewFollowsTheTheme()
    {
        const QString a = traceOfRoot(m_station->traces(), QStringLiteral("support-agent"));
        const QString b = traceOfRoot(m_station->traces(), QStringLiteral("web-frontend"));
        QVERIFY(!a.isEmpty());
        if (b.isEmpty())
            QSKIP("no second sample trace to compare with");
        QSignalSpy shown(m_station.get(), &Workstation::comparisonShown);
        m_station->compareTraces({a, b});
        QVERIFY(shown.wait(10000));
        for (const auto theme : {Preferences::Theme::Light, Preferences::Theme::Dark}) {
            ThemeManager::apply(theme);
            QApplication::processEvents();
            const QString name =
                theme == Preferences::Theme::Dark ? QStringLiteral("dark") : QStringLiteral("light");
            QVERIFY(m_station->window().grab().save(screenshotDir() +
                                                    QStringLiteral("/theme-%1-compare.png").arg(name)));
        }
        m_station->window().detailTabs()->setCurrentIndex(0);
    }

private:
    QTemporaryDir m_dir;
    Engine m_engine;
    std::unique_ptr<Workstation> m_station;
};

QTEST_MAIN(TestTheme)
#include "test_theme.moc"

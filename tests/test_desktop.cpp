#include "aboutdialog.h"
#include "appicon.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QTextBrowser>
#include <QtTest>

using namespace tracedeck;

class TestDesktop : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The icon is compiled in and drawn by the SVG plugin: a 256 px rendering has the card's colours, and
    // the corners stay transparent.
    void iconRendersAtEverySize()
    {
        const QIcon icon = AppIcon::icon();
        QVERIFY(!icon.isNull());
        for (const int size : {16, 48, 256}) {
            const QImage image = icon.pixmap(size, size).toImage();
            QCOMPARE(image.size(), QSize(size, size));
            QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
            QVERIFY(qAlpha(image.pixel(size / 2, size / 2)) == 255);
        }
    }

    void aboutNamesVersionBuildAndLibraries()
    {
        QCoreApplication::setApplicationVersion(QStringLiteral(TRACEDECK_VERSION));
        AboutDialog dialog;
        dialog.resize(640, 420);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QString header;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            header += label->text();
        QVERIFY(header.contains(QStringLiteral("Tracedeck " TRACEDECK_VERSION)));
        QVERIFY(header.contains(QStringLiteral(QT_VERSION_STR)));
        const auto *libraries = dialog.findChild<QTextBrowser *>(QStringLiteral("libraries"));
        QVERIFY(libraries);
        const QString text = libraries->toPlainText();
        for (const char *name : {"Qt 6", "SQLite", "Protocol Buffers", "zlib", "nlohmann/json"})
            QVERIFY2(text.contains(QLatin1String(name)), name);
        for (const char *licence : {"LGPL-3.0-only", "Public domain", "BSD-3-Clause", "Zlib", "MIT"})
            QVERIFY2(text.contains(QLatin1String(licence)), licence);
        QDir().mkpath(QStringLiteral(TRACEDECK_SCREENSHOT_OUT));
        dialog.grab().save(QStringLiteral(TRACEDECK_SCREENSHOT_OUT "/about.png"));
    }
};

QTEST_MAIN(TestDesktop)
#include "test_desktop.moc"

// Settings robustness: window state and preferences survive a restart (two MainWindow lifetimes on one
// settings file), and a process killed in the middle of writing its settings leaves a whole file.
#include "mainwindow.h"
#include "preferences.h"

#include <QApplication>
#include <QProcess>
#include <QSettings>
#include <QSplitter>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>
#include <cstring>

using namespace tracedeck;

namespace {

constexpr int kKeys = 300;

// The child: rewrites every key with its iteration number and syncs, forever, saying each iteration done.
int writeSettingsForever(const char *path)
{
    QSettings settings(QString::fromLocal8Bit(path), QSettings::IniFormat);
    const QString padding(200, u'x'); // a file of ~70 KB: a write takes a while
    for (int i = 1;; ++i) {
        for (int k = 0; k < kKeys; ++k)
            settings.setValue(QStringLiteral("group/key%1").arg(k),
                              QStringLiteral("%1 %2").arg(i).arg(padding));
        settings.setValue(QStringLiteral("iteration"), i);
        settings.sync();
        std::printf("%d\n", i);
        std::fflush(stdout);
    }
}

} // namespace

class TestSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // The app's QSettings() (native format: an ini file on Linux) in a directory of the test's own.
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir.path());
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_settings"));
        QSettings().clear();
    }

    void windowStateSurvivesARestart()
    {
        QList<int> vertical;
        QList<int> detail;
        {
            MainWindow first;
            first.restoreLayout();
            first.resize(1234, 777);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            auto *v = first.findChild<QSplitter *>(QStringLiteral("verticalSplitter"));
            auto *d = first.findChild<QSplitter *>(QStringLiteral("detailSplitter"));
            QVERIFY(v && d);
            d->addWidget(new QWidget);
            d->addWidget(new QWidget);
            v->setSizes({200, 500});
            d->setSizes({700, 500});
            vertical = v->sizes();
            detail = d->sizes();
            QVERIFY(first.close()); // saves the layout, as on quit
        }
        QSettings().sync();
        QVERIFY(QFile::exists(QSettings().fileName()));
        MainWindow second;
        second.findChild<QSplitter *>(QStringLiteral("detailSplitter"))->addWidget(new QWidget);
        second.findChild<QSplitter *>(QStringLiteral("detailSplitter"))->addWidget(new QWidget);
        second.restoreLayout();
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), QSize(1234, 777));
        QCOMPARE(second.findChild<QSplitter *>(QStringLiteral("verticalSplitter"))->sizes(), vertical);
        QCOMPARE(second.findChild<QSplitter *>(QStringLiteral("detailSplitter"))->sizes(), detail);
    }

    void preferencesSurviveARestart()
    {
        Preferences p;
        p.listenAddress = QStringLiteral("127.0.0.1:4999");
        p.theme = Preferences::Theme::Dark;
        p.language = QStringLiteral("de");
        {
            QSettings settings;
            p.save(settings);
        } // written when the object goes, as at exit
        QSettings reopened;
        QCOMPARE(Preferences::load(reopened, Preferences()), p);
    }

    // QSettings writes an ini file through QSaveFile (a temporary file renamed over the old one; atomic sync
    // is the default): a kill at any moment leaves the previous or the new file, whole.
    void killDuringWritesNeverCorruptsTheFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("killed.ini"));
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--write-settings"), path});
            QVERIFY(child.waitForStarted());
            // Killed after a few more whole writes each round, in the middle of one more.
            const int wanted = 3 + round * 4;
            int done = 0;
            QByteArray pending;
            while (done < wanted) {
                QVERIFY2(child.waitForReadyRead(20000), "the writer stopped reporting");
                pending += child.readAllStandardOutput();
                while (pending.contains('\n')) {
                    const qsizetype nl = pending.indexOf('\n');
                    done = pending.left(nl).toInt();
                    pending.remove(0, nl + 1);
                }
            }
            child.kill(); // SIGKILL: no destructor, no final sync
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);

            QSettings read(path, QSettings::IniFormat);
            QCOMPARE(read.status(), QSettings::NoError);
            const int iteration = read.value(QStringLiteral("iteration")).toInt();
            QVERIFY2(iteration >= done, qPrintable(QStringLiteral("%1 < %2").arg(iteration).arg(done)));
            for (int k = 0; k < kKeys; ++k) {
                const QString value = read.value(QStringLiteral("group/key%1").arg(k)).toString();
                QCOMPARE(value.section(u' ', 0, 0).toInt(), iteration);
                QCOMPARE(value.size(), QString::number(iteration).size() + 201);
            }
        }
    }

private:
    QTemporaryDir m_dir;
};

int main(int argc, char **argv)
{
    if (argc == 3 && std::strcmp(argv[1], "--write-settings") == 0) {
        QCoreApplication app(argc, argv);
        return writeSettingsForever(argv[2]);
    }
    QApplication app(argc, argv);
    TestSettings test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_settings.moc"

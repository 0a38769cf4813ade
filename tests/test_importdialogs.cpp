#include "engine.h"
#include "gzipsupport.h"
#include "importprogressdialog.h"
#include "importreportdialog.h"
#include "mainwindow.h"
#include "workstation.h"

#include <QFile>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tracedeck;

namespace {

QString dataPath(const char *relative)
{
    return QStringLiteral(TRACEDECK_TEST_DATA "/") + QLatin1String(relative);
}

QString screenshotDir()
{
    const QString dir = QStringLiteral(TRACEDECK_SCREENSHOT_OUT);
    QDir().mkpath(dir);
    return dir;
}

QPushButton *buttonWithText(QWidget *parent, const QString &text)
{
    for (QPushButton *button : parent->findChildren<QPushButton *>())
        if (button->text() == text)
            return button;
    return nullptr;
}

// Zipkin spans, ~1 KB each, in one file big enough to take a few seconds to import.
QByteArray bigZipkinFile(int spans)
{
    QByteArray out("[");
    const QByteArray tag(800, 'x');
    for (int i = 0; i < spans; ++i) {
        if (i)
            out += ',';
        out += "{\"traceId\":\"" + QByteArray::number(1 + i / 10, 16).rightJustified(16, '0') +
               "\",\"id\":\"" + QByteArray::number(1 + i, 16).rightJustified(16, '0') +
               "\",\"name\":\"op\",\"timestamp\":1700000000000000,\"duration\":10,"
               "\"localEndpoint\":{\"serviceName\":\"svc\"},\"tags\":{\"t\":\"" +
               tag + "\"}}";
    }
    return out + "]";
}

} // namespace

class TestImportDialogs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("tracedeck-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_importdialogs"));
    }

    void progressDialogShowsFileBytesRateAndCancels()
    {
        ImportProgressDialog dialog;
        QSignalSpy cancel(&dialog, &ImportProgressDialog::cancelRequested);
        dialog.setProgress(QStringLiteral("/tmp/traces/agent-runs.jsonl.gz"), 1, 3, 300ll << 20, 1200ll << 20,
                           1234567, 98765.4);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.fileText(), QStringLiteral("agent-runs.jsonl.gz (file 2 of 3)"));
        QCOMPARE(dialog.percent(), 25);
        QVERIFY2(dialog.detailText().contains(QStringLiteral("300.00 MiB of 1.17 GiB")),
                 qPrintable(dialog.detailText()));
        QVERIFY2(dialog.detailText().contains(QStringLiteral("1,234,567 spans stored")),
                 qPrintable(dialog.detailText()));
        QVERIFY2(dialog.detailText().contains(QStringLiteral("98,765 spans/s")),
                 qPrintable(dialog.detailText()));
        QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import-progress.png")));

        QPushButton *button = buttonWithText(&dialog, QStringLiteral("Cancel"));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(cancel.size(), 1);
        QVERIFY(!button->isEnabled());
        QVERIFY(dialog.detailText().startsWith(QStringLiteral("Cancelling")));
        QTest::keyClick(&dialog, Qt::Key_Escape); // once is enough
        QCOMPARE(cancel.size(), 1);
        dialog.reset();
        QVERIFY(button->isEnabled());
        QTest::keyClick(&dialog, Qt::Key_Escape); // Escape cancels too
        QCOMPARE(cancel.size(), 2);
    }

    void reportListsFilesAndProblems()
    {
        QList<ImportReportDialog::File> files;
        files.append({QStringLiteral("/data/yelp.json"),
                      QStringLiteral("Zipkin v2 JSON"),
                      1,
                      16,
                      0,
                      {},
                      false,
                      false,
                      {}});
        files.append({QStringLiteral("/data/mixed.jsonl"),
                      QStringLiteral("OTLP JSON Lines"),
                      3,
                      12,
                      2,
                      QStringLiteral("/data/mixed.jsonl: 2 problem(s), the first: line 4: spanId: missing"),
                      false,
                      false,
                      {QStringLiteral("line 4: spanId: missing"),
                       QStringLiteral("line 9: malformed JSON: syntax error")}});
        files.append(
            {QStringLiteral("/data/broken.json"),
             QStringLiteral("Jaeger JSON"),
             0,
             0,
             0,
             QStringLiteral("/data/broken.json: not a trace file Tracedeck can read as Jaeger JSON: line 1, "
                            "byte 40: malformed JSON: unexpected end of input"),
             true,
             false,
             {}});
        ImportReportDialog dialog(files);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.summaryText(),
                 QStringLiteral("3 file(s): 4 traces, 28 spans imported, 2 rejected, 1 failed."));
        QCOMPARE(dialog.table()->rowCount(), 3);
        QCOMPARE(dialog.table()->item(0, 5)->text(), QStringLiteral("imported"));
        QCOMPARE(dialog.table()->item(1, 5)->text(), QStringLiteral("imported, with problems"));
        QCOMPARE(dialog.table()->item(2, 5)->text(), QStringLiteral("failed"));
        QCOMPARE(dialog.table()->item(2, 0)->text(), QStringLiteral("broken.json"));
        const QString problems = dialog.problemsText();
        QVERIFY2(problems.contains(QStringLiteral("mixed.jsonl: line 9: malformed JSON")),
                 qPrintable(problems));
        QVERIFY2(problems.contains(QStringLiteral("broken.json: not a trace file")), qPrintable(problems));
        QVERIFY(dialog.grab().save(screenshotDir() + QStringLiteral("/import-report.png")));
    }

    // Through the workstation: a long import shows the dialog, Cancel stops it, the report says so, and the
    // window stays responsive meanwhile (the event loop turns: timers fire while it runs).
    void longImportShowsProgressAndCancels()
    {
        QTemporaryDir dir;
        Options options;
        options.databasePath = dir.filePath(QStringLiteral("dialogs.db"));
        options.ingest.address.port = 0;
        Engine engine;
        QString error;
        QVERIFY2(engine.start(options, &error), qPrintable(error));
        {
            Workstation workstation(engine);
            workstation.window().show();
            const QString big = dir.filePath(QStringLiteral("big.json"));
            QFile file(big);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(bigZipkinFile(400000));
            file.close();
            QSignalSpy finished(&workstation, &Workstation::importFinished);
            workstation.importFiles({big, dataPath("zipkin/skew.json")});
            QVERIFY(!workstation.importProgress()->isVisible()); // not for the first half second
            QTRY_VERIFY_WITH_TIMEOUT(workstation.importProgress()->isVisible(), 5000);
            QTRY_VERIFY_WITH_TIMEOUT(
                workstation.importProgress()->detailText().contains(QStringLiteral("spans/s")), 5000);
            QVERIFY(workstation.importProgress()->grab().save(screenshotDir() +
                                                              QStringLiteral("/import-progress-live.png")));
            QPushButton *cancel = buttonWithText(workstation.importProgress(), QStringLiteral("Cancel"));
            QVERIFY(cancel);
            QTest::mouseClick(cancel, Qt::LeftButton);
            QVERIFY(finished.wait(60000));
            QVERIFY(!workstation.importProgress()->isVisible());
            QVERIFY(finished.first().at(0).toLongLong() < 400000);
            QTRY_VERIFY(workstation.importReport());
            QVERIFY(workstation.importReport()->isVisible());
            QCOMPARE(workstation.importReport()->table()->item(0, 5)->text(), QStringLiteral("cancelled"));
            QCOMPARE(workstation.importReport()->table()->item(1, 5)->text(), QStringLiteral("cancelled"));
            QVERIFY(workstation.importReport()->grab().save(screenshotDir() +
                                                            QStringLiteral("/import-report-cancelled.png")));
        }
        engine.stop();
    }
};

QTEST_MAIN(TestImportDialogs)
#include "test_importdialogs.moc"

#include <QtTest>

class Test_zipkindecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QFAIL("to be written"); }
};

QTEST_GUILESS_MAIN(Test_zipkindecoder)
#include "test_zipkindecoder.moc"

#include <QtTest>

class Test_otlpprotodecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QFAIL("to be written"); }
};

QTEST_GUILESS_MAIN(Test_otlpprotodecoder)
#include "test_otlpprotodecoder.moc"

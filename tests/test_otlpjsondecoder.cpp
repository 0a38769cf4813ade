#include <QtTest>

class Test_otlpjsondecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QFAIL("to be written"); }
};

QTEST_GUILESS_MAIN(Test_otlpjsondecoder)
#include "test_otlpjsondecoder.moc"

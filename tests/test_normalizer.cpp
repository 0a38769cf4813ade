#include <QtTest>

class Test_normalizer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void placeholder() { QFAIL("to be written"); }
};

QTEST_GUILESS_MAIN(Test_normalizer)
#include "test_normalizer.moc"

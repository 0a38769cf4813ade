#pragma once

// Shared by the decoder tests: readable QCOMPARE output for std::string and JSON, and fixture loading.

#include <QFile>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <string>

namespace QTest {
template <> inline char *toString(const std::string &s)
{
    return qstrdup(s.c_str());
}
template <> inline char *toString(const nlohmann::json &j)
{
    return qstrdup(j.dump().c_str());
}
} // namespace QTest

// A file under tests/data, whole; a missing fixture ends the test run.
inline std::string readFixture(const QString &relative)
{
    QFile file(QStringLiteral(TRACEDECK_TEST_DATA "/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", qPrintable(file.fileName()));
    return file.readAll().toStdString();
}

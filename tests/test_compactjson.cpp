// CompactJson writes what nlohmann's dump(-1, ' ', false, replace) writes, byte for byte: on hand-made
// values covering every escape and fallback, and on every span of every fixture under tests/data once
// decoded and normalized (what EncodedSpan stores).

#include "compactjson.h"
#include "encodedspan.h"
#include "normalizer.h"
#include "tracefilereader.h"

#include <QDirIterator>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>

using namespace tracedeck;
using nlohmann::json;

namespace {

std::string reference(const json &value)
{
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

} // namespace

class TestCompactJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void handMadeValues()
    {
        const std::vector<json> values = {
            json::object(),
            json::array(),
            nullptr,
            true,
            false,
            0,
            -42,
            uint64_t(18446744073709551615ull),
            int64_t(-9223372036854775807ll - 1),
            3.5,
            1e300,
            -0.0,
            0.1,
            std::nan(""),
            "",
            "plain text",
            "quote \" and backslash \\ and slash /",
            "\"\\\"\\",
            "tab\tnewline\ncr\rbell\x07 formfeed\f backspace\b nul-free",
            std::string("nul \0 inside", 12),
            "\x7f delete is printable for nlohmann",
            "ünïcödé ✓ 😀",
            "invalid \xff\xfe utf-8 \xc3",
            "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"hi\"}]}]",
            json::object({{"b", 1}, {"a", json::array({1, "x", nullptr, json::object()})}}),
            json::object({{"key \"quoted\"", "v"}, {"k\\e\ny", "w"}, {"ключ", "значение"}, {"\xff", 1}}),
            json::array({json::array({json::array()}), json::object({{"", ""}})}),
            json::binary({1, 2, 3}),
        };
        for (const json &value : values)
            QCOMPARE(CompactJson::dump(value), reference(value));
    }

    // Strings are checked eight bytes at a time: put each special byte at every position of a word and
    // around word boundaries, in strings of every length up to three words.
    void specialBytesAtEveryPosition()
    {
        const std::string specials[] = {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", "/"};
        for (const std::string &special : specials) {
            for (size_t length = 0; length <= 24; ++length) {
                for (size_t at = 0; at <= length; ++at) {
                    std::string text(length, 'a');
                    text.insert(at, special);
                    const json value = text;
                    QCOMPARE(CompactJson::dump(value), reference(value));
                    const json keyed = json::object({{text, text}});
                    QCOMPARE(CompactJson::dump(keyed), reference(keyed));
                }
            }
        }
    }

    // Every JSON column EncodedSpan writes, for every span of every fixture.
    void everyFixtureSpan()
    {
        const Normalizer normalizer;
        int64_t spans = 0;
        QDirIterator files(QStringLiteral(TRACEDECK_TEST_DATA), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            const QString path = files.next();
            const auto result = TraceFileReader::readFile(path);
            for (Span span : result.decoded.spans) {
                normalizer.normalize(span);
                for (const json *value : {&span.attributes, &span.events, &span.links, &span.resource,
                                          &span.scope, &span.fields.messages})
                    QCOMPARE(CompactJson::dump(*value), reference(*value));
                ++spans;
            }
        }
        QVERIFY2(spans > 1000, qPrintable(QString::number(spans)));
    }

    void appendsToWhatIsThere()
    {
        std::string out = "prefix:";
        CompactJson::append(json::object({{"a", "b"}}), out);
        QCOMPARE(out, std::string("prefix:{\"a\":\"b\"}"));
    }

    // EncodedSpan stores the same text as before the fast path.
    void encodedSpanColumns()
    {
        Span span;
        span.attributes = json::object({{"gen_ai.input.messages", "[{\"role\":\"user\"}]"}, {"n", 3}});
        span.resource = json::object({{"service.name", "svc é"}});
        span.fields.messages = json::array({json::object({{"role", "user"}, {"content", "hi\n"}})});
        const json attributes = span.attributes, resource = span.resource, messages = span.fields.messages;
        const EncodedSpan encoded = EncodedSpan::encode(std::move(span));
        QCOMPARE(encoded.attributes, reference(attributes));
        QCOMPARE(encoded.resource, reference(resource));
        QCOMPARE(encoded.messages, reference(messages));
        QVERIFY(encoded.events.empty());
        QVERIFY(encoded.scope.empty());
    }
};

QTEST_GUILESS_MAIN(TestCompactJson)
#include "test_compactjson.moc"

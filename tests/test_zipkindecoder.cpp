#include "spanids.h"
#include "zipkindecoder.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <string>

namespace QTest {
template <> inline char *toString(const std::string &text)
{
    return qstrdup(('"' + text + '"').c_str());
}
template <> inline char *toString(const nlohmann::json &value)
{
    return qstrdup(value.dump().c_str());
}
} // namespace QTest

using namespace tracedeck;

namespace {

std::string readFixture(const char *name)
{
    QFile file(QString::fromUtf8(TRACEDECK_TEST_DATA "/zipkin/") + QString::fromUtf8(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open fixture %s", name);
    return file.readAll().toStdString();
}

DecodeResult decodeFixture(const char *name)
{
    return ZipkinDecoder::decode(readFixture(name));
}

const Span *findSpan(const DecodeResult &result, const std::string &spanId)
{
    for (const auto &span : result.spans)
        if (span.spanId == spanId)
            return &span;
    return nullptr;
}

std::set<std::string> services(const DecodeResult &result)
{
    std::set<std::string> names;
    for (const auto &span : result.spans)
        names.insert(span.service);
    return names;
}

std::map<int, int> kindCounts(const DecodeResult &result)
{
    std::map<int, int> counts;
    for (const auto &span : result.spans)
        ++counts[span.kind];
    return counts;
}

// Spans whose parentSpanId names no span in the result.
std::vector<std::string> orphans(const DecodeResult &result)
{
    std::set<std::string> ids;
    for (const auto &span : result.spans)
        ids.insert(span.spanId);
    std::vector<std::string> out;
    for (const auto &span : result.spans)
        if (!span.parentSpanId.empty() && !ids.count(span.parentSpanId))
            out.push_back(span.spanId);
    return out;
}

std::vector<std::string> roots(const DecodeResult &result)
{
    std::vector<std::string> out;
    for (const auto &span : result.spans)
        if (span.parentSpanId.empty())
            out.push_back(span.spanId);
    return out;
}

bool idsUnique(const DecodeResult &result)
{
    std::set<std::pair<std::string, std::string>> keys;
    for (const auto &span : result.spans)
        if (!keys.emplace(span.traceId, span.spanId).second)
            return false;
    return true;
}

int count(const DecodeResult &result, const std::function<bool(const Span &)> &predicate)
{
    return static_cast<int>(std::count_if(result.spans.begin(), result.spans.end(), predicate));
}

bool isSharedHalf(const Span &span)
{
    return span.attributes.value("zipkin.shared", false);
}

// Spans whose parent is a shared server half (by its derived id).
int childrenOfServerHalves(const DecodeResult &result)
{
    std::set<std::string> halves;
    for (const auto &span : result.spans)
        if (isSharedHalf(span))
            halves.insert(span.spanId);
    return count(result, [&](const Span &s) { return !isSharedHalf(s) && halves.count(s.parentSpanId) > 0; });
}

std::string sharedId(const std::string &id)
{
    return spanids::derivedSpanId(id, "zipkin-shared-server");
}

bool anyErrorContains(const DecodeResult &result, const std::string &text)
{
    return std::any_of(result.errors.begin(), result.errors.end(),
                       [&](const std::string &e) { return e.find(text) != std::string::npos; });
}

// A minimal valid span with the given id, as a JSON object text; `extra` is spliced in before the brace.
std::string spanJson(const std::string &id, const std::string &extra = {})
{
    return R"({"traceId":"463ac35c9f6413ad","id":")" + id +
           R"(","name":"op","timestamp":1000000,"duration":500,"localEndpoint":{"serviceName":"svc"})" +
           extra + "}";
}

} // namespace

class Test_zipkindecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void yelpFixture();
    void messagingKafkaFixture();
    void skewFixture();
    void smartthingsOauthFixture();
    void smartthingsMobileWebInstallFixture();

    void fullSpanMapping();
    void kinds_data();
    void kinds();
    void errorTag();
    void fractionalMicrosecondsAreRounded();
    void sharedClientServerPair();
    void sharedServerWithoutClientIsDeterministic();
    void sharedFlagOnClientIgnored();
    void serverReusingClientIdWithoutFlagIsShared();
    void multipleSharedServersKeepDistinctIds();
    void localChildAttachesToServerHalf();
    void differentSpansWithSameIdKeepBoth();
    void identicalDuplicateStoredOnce();
    void fragmentWithoutTimestampIsMerged();
    void missingTimestampRejected();
    void traceIdPaddedAndLowercased();
    void shortIdsPadded();
    void absentParentForms_data();
    void absentParentForms();
    void missingDurationEndsAtStart();
    void nullOptionalFieldsAreAbsent();
    void numericTagsBecomeStrings();

    void emptyBody_data();
    void emptyBody();
    void emptyArray();
    void malformedJson();
    void topLevelObject();
    void deepNesting();
    void nonUtf8();
    void invalidSpans_data();
    void invalidSpans();
    void mixedBatchKeepsGoodSpans();
    void errorListIsCapped();
};

void Test_zipkindecoder::yelpFixture()
{
    const auto r = decodeFixture("yelp.json");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(16));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
    QCOMPARE(services(r), (std::set<std::string>{"mobile_api", "routing", "spectre", "unknown", "yelp-main",
                                                 "yelp_main/api_proxy"}));
    QCOMPARE(kindCounts(r), (std::map<int, int>{{0, 1}, {2, 4}, {3, 11}}));
    QVERIFY(idsUnique(r));
    for (const auto &span : r.spans) {
        QCOMPARE(span.traceId, std::string("0000000000000000a03ee8fff1dcd9b9"));
        QCOMPARE(span.source, std::string("zipkin"));
    }
    QCOMPARE(count(r, isSharedHalf), 4);

    // spectre's server half hangs under mobile_api's client half with the same wire id.
    const Span *spectre = findSpan(r, sharedId("7a778764a0d0b594"));
    QVERIFY(spectre);
    QCOMPARE(spectre->service, std::string("spectre"));
    QCOMPARE(spectre->kind, 2);
    QCOMPARE(spectre->parentSpanId, std::string("7a778764a0d0b594"));
    QCOMPARE(spectre->attributes.value("zipkin.original_id", ""), std::string("7a778764a0d0b594"));
    const Span *mobileClient = findSpan(r, "7a778764a0d0b594");
    QVERIFY(mobileClient);
    QCOMPARE(mobileClient->service, std::string("mobile_api"));
    QCOMPARE(mobileClient->kind, 3);

    // mobile_api's calls belong to its server half: one by identical endpoint, one by service name (its
    // endpoint has no port).
    QCOMPARE(findSpan(r, "6a65182ea4f684c3")->parentSpanId, sharedId("f5f268651b2a2b34"));
    QCOMPARE(findSpan(r, "15fc03927f0f68df")->parentSpanId, sharedId("f5f268651b2a2b34"));
    // Another service than the server half's: stays with the wire parent.
    QCOMPARE(findSpan(r, "e7d1a2d5a788ac81")->parentSpanId, std::string("668ed78ad94b35a1"));
    QCOMPARE(childrenOfServerHalves(r), 4);

    // The root is routing's shared server half, whose client never reported: no span has the wire id, so
    // the half and the two calls naming it as parent wait for it.
    QVERIFY(roots(r).empty());
    QVERIFY(!findSpan(r, "2e8cfb154b59a41f"));
    QCOMPARE(orphans(r), (std::vector<std::string>{"f5f268651b2a2b34", "668ed78ad94b35a1",
                                                   sharedId("2e8cfb154b59a41f")}));

    const Span *proxy = findSpan(r, sharedId("668ed78ad94b35a1"));
    QVERIFY(proxy);
    QCOMPARE(proxy->events.size(), size_t(1));
    QCOMPARE(proxy->events.at(0).at("name").get<std::string>(), std::string("py_zipkin.logging_end"));
    QCOMPARE(proxy->events.at(0).at("timeNs").get<int64_t>(), int64_t(1571896375355436000));
    QCOMPARE(proxy->resource.at("host.port").get<int>(), 31523);
    QCOMPARE(proxy->attributes.at("http.route").get<std::string>(), std::string("/*path"));
    QCOMPARE(proxy->startNs, int64_t(1571896375264995000));
    QCOMPARE(proxy->endNs, int64_t(1571896375264995000 + 88935000));

    const Span *blt = findSpan(r, "15fc03927f0f68df");
    QCOMPARE(blt->attributes.at("peer.service").get<std::string>(), std::string("blt"));
    QCOMPARE(blt->attributes.at("network.peer.port").get<int>(), 31882);
}

void Test_zipkindecoder::messagingKafkaFixture()
{
    const auto r = decodeFixture("messaging-kafka.json");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(28));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
    QCOMPARE(services(r), (std::set<std::string>{"servicea", "serviceb"}));
    QCOMPARE(kindCounts(r), (std::map<int, int>{{0, 12}, {4, 9}, {5, 7}}));
    QCOMPARE(count(r, [](const Span &s) { return s.attributes.value("peer.service", "") == "kafka"; }), 16);
    QCOMPARE(roots(r), std::vector<std::string>{"0562809467078eab"});
    QVERIFY(orphans(r).empty());
    QVERIFY(idsUnique(r));
    QCOMPARE(count(r, isSharedHalf), 0);

    QCOMPARE(count(r, [](const Span &s) { return s.status == SpanStatus::Error; }), 3);
    const Span *failed = findSpan(r, "2f77d5b0b8e0de35");
    QVERIFY(failed);
    QCOMPARE(failed->status, SpanStatus::Error);
    QCOMPARE(failed->statusMessage, std::string("some error"));
    QCOMPARE(failed->parentSpanId, std::string("b4a2a87ee7f003bc"));
    const Span *emptyError = findSpan(r, "568b33e6af8a225a");
    QCOMPARE(emptyError->status, SpanStatus::Error);
    QCOMPARE(emptyError->statusMessage, std::string());
}

void Test_zipkindecoder::skewFixture()
{
    const auto r = decodeFixture("skew.json");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(4));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
    QCOMPARE(services(r), (std::set<std::string>{"servicea", "serviceb"}));

    const Span *client = findSpan(r, "74280ae0c10d8062");
    const Span *server = findSpan(r, sharedId("74280ae0c10d8062"));
    QVERIFY(client && server);
    QCOMPARE(client->kind, 3);
    QCOMPARE(client->service, std::string("servicea"));
    QCOMPARE(client->parentSpanId, std::string("bf396325699c84bf"));
    QCOMPARE(server->kind, 2);
    QCOMPARE(server->service, std::string("serviceb"));
    QCOMPARE(server->parentSpanId, std::string("74280ae0c10d8062"));
    // Clock skew is kept as sent: correcting it is the views' business.
    QVERIFY(server->startNs < client->startNs);
    QCOMPARE(server->startNs, int64_t(1470150004008761000));

    // serviceb's local "async" span belongs to serviceb's server half.
    QCOMPARE(findSpan(r, "43210ae0c10d1234")->parentSpanId, sharedId("74280ae0c10d8062"));
    QCOMPARE(roots(r), std::vector<std::string>{"bf396325699c84bf"});
    QVERIFY(orphans(r).empty());
    QCOMPARE(server->resource.at("host.ip"), nlohmann::json::array({"192.0.0.0"}));
    QCOMPARE(server->resource.at("service.name").get<std::string>(), std::string("serviceb"));
}

void Test_zipkindecoder::smartthingsOauthFixture()
{
    const auto r = decodeFixture("smartthings-oauth-authorization.json");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(175));
    QCOMPARE(r.rejectedSpans, 0);
    // Five pusher consumers answered one shared id: the four beyond the first are kept with a warning.
    QCOMPARE(r.errors.size(), size_t(4));
    for (const auto &e : r.errors)
        QVERIFY2(e.find("].id: 9d2d35b746db84f3") != std::string::npos, e.c_str());
    QCOMPARE(services(r), (std::set<std::string>{"account", "auth", "bouncer", "datamgmt", "dove", "paperboy",
                                                 "pusher", "stlogin"}));
    QCOMPARE(kindCounts(r), (std::map<int, int>{{0, 3}, {2, 77}, {3, 95}}));
    QCOMPARE(count(r, isSharedHalf), 45);
    QCOMPARE(count(r, [](const Span &s) { return s.attributes.contains("tracedeck.warning"); }), 4);
    QCOMPARE(
        count(r, [](const Span &s) { return s.status == SpanStatus::Error && s.statusMessage == "401"; }), 2);
    int events = 0;
    for (const auto &span : r.spans)
        events += static_cast<int>(span.events.size());
    QCOMPARE(events, 9);
    QVERIFY(idsUnique(r));
    QCOMPARE(roots(r), std::vector<std::string>{"8ce82b2e9ed820ba"});
    QVERIFY(orphans(r).empty());
    QCOMPARE(childrenOfServerHalves(r), 75);

    // All five consumer halves are children of bouncer's client half.
    QCOMPARE(
        count(r, [](const Span &s) { return s.parentSpanId == "9d2d35b746db84f3" && s.service == "pusher"; }),
        5);
}

void Test_zipkindecoder::smartthingsMobileWebInstallFixture()
{
    const auto r = decodeFixture("smartthings-mobile-web-install.json");
    QVERIFY(r.ok());
    // 1041 records: 84 are timestamp-less fragments of a server half (same id and endpoint) and merge into
    // it.
    QCOMPARE(r.spans.size(), size_t(957));
    QCOMPARE(r.rejectedSpans, 0);
    QCOMPARE(r.errors.size(), size_t(4));
    for (const auto &e : r.errors)
        QVERIFY2(e.find("].id: cbab506b53f336fc") != std::string::npos, e.c_str());
    QCOMPARE(services(r).size(), size_t(16));
    QVERIFY(services(r).count("coreSrv"));
    QVERIFY(services(r).count("platformapi"));
    QCOMPARE(kindCounts(r), (std::map<int, int>{{0, 3}, {2, 326}, {3, 628}}));
    QCOMPARE(count(r, isSharedHalf), 294);
    QCOMPARE(
        count(r, [](const Span &s) { return s.status == SpanStatus::Error && s.statusMessage == "404"; }), 2);
    int events = 0;
    for (const auto &span : r.spans)
        events += static_cast<int>(span.events.size());
    QCOMPARE(events, 92);
    QCOMPARE(count(r, [](const Span &s) { return s.startNs <= 0; }), 0);
    QVERIFY(idsUnique(r));
    QCOMPARE(roots(r), std::vector<std::string>{"14b60fd9ae504820"});
    QVERIFY(orphans(r).empty());
    QCOMPARE(childrenOfServerHalves(r), 535);

    const Span *platform = findSpan(r, sharedId("a0dc23f22c4fee3f"));
    QVERIFY(platform);
    QCOMPARE(platform->service, std::string("platformapi"));
    QCOMPARE(platform->name, std::string("post"));
    QCOMPARE(platform->startNs, int64_t(1543549825673008000));
    QCOMPARE(platform->attributes.at("http.path").get<std::string>(), std::string("app-execute"));
    QCOMPARE(platform->resource.at("host.ip"), nlohmann::json::array({"10.104.90.167"}));
    QCOMPARE(platform->resource.at("host.port").get<int>(), 8140);
}

void Test_zipkindecoder::fullSpanMapping()
{
    const auto r = ZipkinDecoder::decode(R"([{
        "traceId": "5AF7183FB1D4CF5F", "id": "352BFF9A74CA9AD2", "parentId": "6B221D5BC9E6496C",
        "kind": "CLIENT", "name": "get /api", "timestamp": 1556604172355737, "duration": 1431,
        "localEndpoint": {"serviceName": "frontend", "ipv4": "192.168.99.1", "ipv6": "::1", "port": 8081},
        "remoteEndpoint": {"serviceName": "backend", "ipv4": "172.19.0.2", "port": 9000},
        "annotations": [{"timestamp": 1556604172355800, "value": "wire send"}],
        "tags": {"http.method": "GET", "http.path": "/api", "http.status_code": "200"},
        "debug": true, "unknownField": {"ignored": [1, 2]}
    }])");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(1));
    QVERIFY(r.errors.empty());
    const Span &s = r.spans[0];
    QCOMPARE(s.traceId, std::string("00000000000000005af7183fb1d4cf5f"));
    QCOMPARE(s.spanId, std::string("352bff9a74ca9ad2"));
    QCOMPARE(s.parentSpanId, std::string("6b221d5bc9e6496c"));
    QCOMPARE(s.kind, 3);
    QCOMPARE(s.name, std::string("get /api"));
    QCOMPARE(s.service, std::string("frontend"));
    QCOMPARE(s.startNs, int64_t(1556604172355737000));
    QCOMPARE(s.endNs, int64_t(1556604172355737000 + 1431000));
    QCOMPARE(s.status, SpanStatus::Unset);
    QCOMPARE(s.source, std::string("zipkin"));
    QCOMPARE(s.workspace, std::string("local"));
    const nlohmann::json attributes = {{"http.method", "GET"},
                                       {"http.path", "/api"},
                                       {"http.status_code", "200"},
                                       {"peer.service", "backend"},
                                       {"network.peer.address", "172.19.0.2"},
                                       {"network.peer.port", 9000},
                                       {"zipkin.debug", true}};
    QCOMPARE(s.attributes, attributes);
    const nlohmann::json resource = {
        {"service.name", "frontend"}, {"host.ip", {"192.168.99.1", "::1"}}, {"host.port", 8081}};
    QCOMPARE(s.resource, resource);
    const nlohmann::json events = {{{"name", "wire send"},
                                    {"timeNs", int64_t(1556604172355800000)},
                                    {"attributes", nlohmann::json::object()}}};
    QCOMPARE(s.events, events);
    QCOMPARE(s.links, nlohmann::json::array());
    QVERIFY(!s.fields.statusCode.has_value());
}

void Test_zipkindecoder::kinds_data()
{
    QTest::addColumn<QString>("kindField");
    QTest::addColumn<int>("expected");
    QTest::newRow("client") << QStringLiteral(R"(,"kind":"CLIENT")") << 3;
    QTest::newRow("server") << QStringLiteral(R"(,"kind":"SERVER")") << 2;
    QTest::newRow("producer") << QStringLiteral(R"(,"kind":"PRODUCER")") << 4;
    QTest::newRow("consumer") << QStringLiteral(R"(,"kind":"CONSUMER")") << 5;
    QTest::newRow("absent") << QString() << 0;
    QTest::newRow("null") << QStringLiteral(R"(,"kind":null)") << 0;
}

void Test_zipkindecoder::kinds()
{
    QFETCH(QString, kindField);
    QFETCH(int, expected);
    const auto r = ZipkinDecoder::decode('[' + spanJson("0000000000000001", kindField.toStdString()) + ']');
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].kind, expected);
    QCOMPARE(r.spans[0].spanId, std::string("0000000000000001"));
}

// The OpenTelemetry JS exporter writes timestamp as sec * 1e6 + nanos / 1e3, unrounded.
void Test_zipkindecoder::fractionalMicrosecondsAreRounded()
{
    const auto r = ZipkinDecoder::decode(
        R"([{"traceId":"86154a4ba6e91385","id":"4d1e00c0db9010db","timestamp":1700000000123456.789,"duration":250.4}])");
    QVERIFY(r.ok());
    QCOMPARE(r.rejectedSpans, 0);
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].startNs, int64_t(1700000000123457000));
    QCOMPARE(r.spans[0].endNs, int64_t(1700000000123457000 + 250000));
}

void Test_zipkindecoder::errorTag()
{
    const auto r = ZipkinDecoder::decode('[' + spanJson("a1", R"(,"tags":{"error":"connection refused"})") +
                                         ',' + spanJson("a2", R"(,"tags":{"error":""})") + ',' +
                                         spanJson("a3", R"(,"tags":{"http.status_code":"500"})") + ']');
    QCOMPARE(r.spans.size(), size_t(3));
    QCOMPARE(r.spans[0].status, SpanStatus::Error);
    QCOMPARE(r.spans[0].statusMessage, std::string("connection refused"));
    QCOMPARE(r.spans[1].status, SpanStatus::Error);
    QCOMPARE(r.spans[1].statusMessage, std::string());
    // Status codes are the normalizer's to interpret.
    QCOMPARE(r.spans[2].status, SpanStatus::Unset);
    QCOMPARE(r.spans[2].attributes.at("http.status_code").get<std::string>(), std::string("500"));
}

void Test_zipkindecoder::sharedClientServerPair()
{
    const auto r = ZipkinDecoder::decode(R"([
        {"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"CLIENT",
         "name":"get","timestamp":1472470996199000,"duration":207000,"localEndpoint":{"serviceName":"frontend"}},
        {"traceId":"86154a4ba6e91385","parentId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"SERVER",
         "name":"get","timestamp":1472470996238000,"duration":151000,"localEndpoint":{"serviceName":"backend"},
         "shared":true}
    ])");
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(2));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
    const Span &client = r.spans[0];
    const Span &server = r.spans[1];
    QCOMPARE(client.spanId, std::string("4d1e00c0db9010db"));
    QCOMPARE(client.parentSpanId, std::string("86154a4ba6e91385"));
    QCOMPARE(client.kind, 3);
    QVERIFY(!client.attributes.contains("zipkin.shared"));
    QCOMPARE(server.spanId, spanids::derivedSpanId("4d1e00c0db9010db", "zipkin-shared-server"));
    QVERIFY(server.spanId != client.spanId);
    QCOMPARE(server.spanId.size(), size_t(16));
    QCOMPARE(server.parentSpanId, client.spanId);
    QCOMPARE(server.kind, 2);
    QCOMPARE(server.service, std::string("backend"));
    QCOMPARE(server.attributes.at("zipkin.shared"), nlohmann::json(true));
    QCOMPARE(server.attributes.at("zipkin.original_id").get<std::string>(), std::string("4d1e00c0db9010db"));
    QCOMPARE(server.traceId, client.traceId);
}

void Test_zipkindecoder::sharedServerWithoutClientIsDeterministic()
{
    const std::string body =
        R"([{"traceId":"86154a4ba6e91385","id":"4d1e00c0db9010db","kind":"SERVER","timestamp":1472470996238000,
             "localEndpoint":{"serviceName":"backend"},"shared":true}])";
    const auto first = ZipkinDecoder::decode(body);
    const auto second = ZipkinDecoder::decode(body);
    QCOMPARE(first.spans.size(), size_t(1));
    QCOMPARE(first.spans[0].spanId, spanids::derivedSpanId("4d1e00c0db9010db", "zipkin-shared-server"));
    QCOMPARE(first.spans[0].parentSpanId, std::string("4d1e00c0db9010db"));
    QCOMPARE(second.spans[0].spanId, first.spans[0].spanId);
}

void Test_zipkindecoder::sharedFlagOnClientIgnored()
{
    const auto r =
        ZipkinDecoder::decode('[' + spanJson("00000000000000aa", R"(,"kind":"CLIENT","shared":true)") + ']');
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].spanId, std::string("00000000000000aa"));
    QVERIFY(r.spans[0].parentSpanId.empty());
    QVERIFY(!r.spans[0].attributes.contains("zipkin.shared"));
}

void Test_zipkindecoder::serverReusingClientIdWithoutFlagIsShared()
{
    const auto r = ZipkinDecoder::decode(
        '[' + spanJson("00000000000000aa", R"(,"kind":"CLIENT","parentId":"00000000000000ff")") + ',' +
        spanJson("00000000000000aa", R"(,"kind":"SERVER","parentId":"00000000000000ff")") + ']');
    QCOMPARE(r.spans.size(), size_t(2));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans[1].spanId, spanids::derivedSpanId("00000000000000aa", "zipkin-shared-server"));
    QCOMPARE(r.spans[1].parentSpanId, std::string("00000000000000aa"));
    QCOMPARE(r.spans[1].attributes.at("zipkin.shared"), nlohmann::json(true));
}

void Test_zipkindecoder::multipleSharedServersKeepDistinctIds()
{
    const std::string client =
        R"({"traceId":"1","id":"a","kind":"CLIENT","timestamp":10,"localEndpoint":{"serviceName":"bouncer"}})";
    auto server = [](const char *ip, int ts) {
        return R"({"traceId":"1","id":"a","kind":"SERVER","shared":true,"timestamp":)" + std::to_string(ts) +
               R"(,"localEndpoint":{"serviceName":"pusher","ipv4":")" + ip + R"("}})";
    };
    const auto r = ZipkinDecoder::decode('[' + client + ',' + server("10.0.0.1", 20) + ',' +
                                         server("10.0.0.2", 30) + ',' + server("10.0.0.3", 40) + ']');
    QCOMPARE(r.spans.size(), size_t(4));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(idsUnique(r));
    QCOMPARE(r.spans[1].spanId, spanids::derivedSpanId("000000000000000a", "zipkin-shared-server"));
    QCOMPARE(r.spans[2].spanId, spanids::derivedSpanId("000000000000000a", "zipkin-duplicate-2"));
    QCOMPARE(r.spans[3].spanId, spanids::derivedSpanId("000000000000000a", "zipkin-duplicate-3"));
    for (size_t i = 1; i < 4; ++i)
        QCOMPARE(r.spans[i].parentSpanId, std::string("000000000000000a"));
    QCOMPARE(r.errors.size(), size_t(2));
    QCOMPARE(r.errors[0].rfind("[2].id: ", 0), size_t(0));
    QCOMPARE(r.errors[1].rfind("[3].id: ", 0), size_t(0));
    QVERIFY(r.spans[2].attributes.contains("tracedeck.warning"));
}

void Test_zipkindecoder::localChildAttachesToServerHalf()
{
    const auto r = ZipkinDecoder::decode(R"([
        {"traceId":"1","id":"b","parentId":"a","name":"db","timestamp":30,
         "localEndpoint":{"serviceName":"backend","ipv4":"10.0.0.2"}},
        {"traceId":"1","id":"c","parentId":"a","kind":"CLIENT","name":"cache","timestamp":30,
         "localEndpoint":{"serviceName":"backend"}},
        {"traceId":"1","id":"d","parentId":"a","kind":"SERVER","name":"retry","timestamp":30,
         "localEndpoint":{"serviceName":"backend","ipv4":"10.0.0.3"}},
        {"traceId":"1","id":"e","parentId":"a","name":"log","timestamp":30,
         "localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"}},
        {"traceId":"1","id":"a","kind":"CLIENT","timestamp":10,
         "localEndpoint":{"serviceName":"frontend","ipv4":"10.0.0.1"}},
        {"traceId":"1","id":"a","kind":"SERVER","shared":true,"timestamp":20,
         "localEndpoint":{"serviceName":"backend","ipv4":"10.0.0.2"}}
    ])");
    QCOMPARE(r.spans.size(), size_t(6));
    const std::string half = spanids::derivedSpanId("000000000000000a", "zipkin-shared-server");
    QCOMPARE(findSpan(r, "000000000000000b")->parentSpanId, half); // same endpoint
    QCOMPARE(findSpan(r, "000000000000000c")->parentSpanId, half); // same service, only one half
    // Another receiver of the client call, and the client's own process: both stay with the client half.
    QCOMPARE(findSpan(r, "000000000000000d")->parentSpanId, std::string("000000000000000a"));
    QCOMPARE(findSpan(r, "000000000000000e")->parentSpanId, std::string("000000000000000a"));

    // A service calling itself: only the endpoint tells the two sides apart.
    const auto self = ZipkinDecoder::decode(R"([
        {"traceId":"1","id":"a","kind":"CLIENT","timestamp":10,"localEndpoint":{"serviceName":"svc","ipv4":"10.0.0.1"}},
        {"traceId":"1","id":"a","kind":"SERVER","shared":true,"timestamp":20,
         "localEndpoint":{"serviceName":"svc","ipv4":"10.0.0.2"}},
        {"traceId":"1","id":"b","parentId":"a","timestamp":30,"localEndpoint":{"serviceName":"svc","ipv4":"10.0.0.1"}},
        {"traceId":"1","id":"c","parentId":"a","timestamp":30,"localEndpoint":{"serviceName":"svc","ipv4":"10.0.0.2"}}
    ])");
    QCOMPARE(self.spans.size(), size_t(4));
    QCOMPARE(findSpan(self, "000000000000000b")->parentSpanId, std::string("000000000000000a"));
    QCOMPARE(findSpan(self, "000000000000000c")->parentSpanId, half);
}

void Test_zipkindecoder::differentSpansWithSameIdKeepBoth()
{
    const auto r = ZipkinDecoder::decode('[' + spanJson("00000000000000aa") + ',' +
                                         spanJson("00000000000000aa", R"(,"tags":{"retry":"1"})") + ']');
    QCOMPARE(r.spans.size(), size_t(2));
    QCOMPARE(r.rejectedSpans, 0);
    QCOMPARE(r.spans[0].spanId, std::string("00000000000000aa"));
    QCOMPARE(r.spans[1].spanId, spanids::derivedSpanId("00000000000000aa", "zipkin-duplicate-1"));
    QVERIFY(r.spans[1].attributes.at("tracedeck.warning").is_string());
    QCOMPARE(r.spans[1].attributes.at("zipkin.original_id").get<std::string>(),
             std::string("00000000000000aa"));
    QVERIFY(!r.spans[0].attributes.contains("tracedeck.warning"));
    QCOMPARE(r.errors.size(), size_t(1));
    QCOMPARE(r.errors[0].rfind("[1].id: 00000000000000aa", 0), size_t(0));
}

void Test_zipkindecoder::identicalDuplicateStoredOnce()
{
    // The same span twice, the second spelled differently (uppercase id, reordered keys).
    const auto r = ZipkinDecoder::decode(
        '[' + spanJson("00000000000000aa", R"(,"tags":{"k":"v"})") + ',' +
        R"({"localEndpoint":{"serviceName":"svc"},"tags":{"k":"v"},"duration":500,"timestamp":1000000,"name":"op",
            "id":"00000000000000AA","traceId":"463AC35C9F6413AD"}])");
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
}

void Test_zipkindecoder::fragmentWithoutTimestampIsMerged()
{
    const auto r = ZipkinDecoder::decode(R"([
        {"traceId":"1","id":"a","parentId":"f","name":"post","localEndpoint":{"serviceName":"api","port":80},
         "tags":{"late":"yes","http.path":"/ignored"},"annotations":[{"timestamp":25,"value":"flush"}]},
        {"traceId":"1","id":"a","parentId":"f","kind":"SERVER","timestamp":20,"duration":10,
         "localEndpoint":{"serviceName":"api","port":80},"tags":{"http.path":"/x"}}
    ])");
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
    const Span &s = r.spans[0];
    QCOMPARE(s.spanId, std::string("000000000000000a"));
    QCOMPARE(s.name, std::string("post"));
    QCOMPARE(s.startNs, int64_t(20000));
    QCOMPARE(s.endNs, int64_t(30000));
    QCOMPARE(s.attributes.at("late").get<std::string>(), std::string("yes"));
    QCOMPARE(s.attributes.at("http.path").get<std::string>(), std::string("/x"));
    QCOMPARE(s.events.size(), size_t(1));
    QCOMPARE(s.events.at(0).at("timeNs").get<int64_t>(), int64_t(25000));
}

void Test_zipkindecoder::missingTimestampRejected()
{
    const auto r = ZipkinDecoder::decode(R"([
        {"traceId":"1","id":"a","name":"orphan","localEndpoint":{"serviceName":"api"}},
        {"traceId":"1","id":"b","name":"zero","timestamp":0,"localEndpoint":{"serviceName":"api"}},
        {"traceId":"1","id":"c","name":"other endpoint","localEndpoint":{"serviceName":"web"}},
        {"traceId":"1","id":"c","timestamp":5,"localEndpoint":{"serviceName":"api"}}
    ])");
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].spanId, std::string("000000000000000c"));
    QCOMPARE(r.spans[0].name, std::string());
    QCOMPARE(r.rejectedSpans, 3);
    QCOMPARE(r.errors.size(), size_t(3));
    QCOMPARE(r.errors[0].rfind("[0].timestamp: missing", 0), size_t(0));
    QCOMPARE(r.errors[1].rfind("[1].timestamp: missing", 0), size_t(0));
    QCOMPARE(r.errors[2].rfind("[2].timestamp: missing", 0), size_t(0));
}

void Test_zipkindecoder::traceIdPaddedAndLowercased()
{
    const auto r = ZipkinDecoder::decode(
        R"([{"traceId":"463AC35C9F6413AD","id":"A2FB4A1D1A96D312","parentId":"0020000000000001","timestamp":1},
            {"traceId":"463ac35c9f6413ad48485a3953bb6124","id":"a2fb4a1d1a96d313","timestamp":1},
            {"traceId":"0000000000000000463AC35C9F6413AD","id":"a2fb4a1d1a96d314","timestamp":1}])");
    QCOMPARE(r.spans.size(), size_t(3));
    QCOMPARE(r.spans[0].traceId, std::string("0000000000000000463ac35c9f6413ad"));
    QCOMPARE(r.spans[0].spanId, std::string("a2fb4a1d1a96d312"));
    QCOMPARE(r.spans[0].parentSpanId, std::string("0020000000000001"));
    QCOMPARE(r.spans[1].traceId, std::string("463ac35c9f6413ad48485a3953bb6124"));
    // A 64-bit id and its zero-padded 128-bit form name the same trace.
    QCOMPARE(r.spans[2].traceId, r.spans[0].traceId);
}

void Test_zipkindecoder::shortIdsPadded()
{
    const auto r = ZipkinDecoder::decode(R"([{"traceId":"abc","id":"1f","parentId":"2","timestamp":1}])");
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].traceId, std::string("00000000000000000000000000000abc"));
    QCOMPARE(r.spans[0].spanId, std::string("000000000000001f"));
    QCOMPARE(r.spans[0].parentSpanId, std::string("0000000000000002"));
}

void Test_zipkindecoder::absentParentForms_data()
{
    QTest::addColumn<QString>("parentField");
    QTest::newRow("absent") << QString();
    QTest::newRow("null") << QStringLiteral(R"(,"parentId":null)");
    QTest::newRow("empty") << QStringLiteral(R"(,"parentId":"")");
    QTest::newRow("zeros") << QStringLiteral(R"(,"parentId":"0000000000000000")");
    QTest::newRow("itself") << QStringLiteral(R"(,"parentId":"00000000000000AA")");
}

void Test_zipkindecoder::absentParentForms()
{
    QFETCH(QString, parentField);
    const auto r = ZipkinDecoder::decode('[' + spanJson("00000000000000aa", parentField.toStdString()) + ']');
    QCOMPARE(r.spans.size(), size_t(1));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans[0].parentSpanId, std::string());
}

void Test_zipkindecoder::missingDurationEndsAtStart()
{
    const auto r = ZipkinDecoder::decode(R"([{"traceId":"1","id":"2","timestamp":1500},
                                             {"traceId":"1","id":"3","timestamp":1500,"duration":0}])");
    QCOMPARE(r.spans.size(), size_t(2));
    for (const auto &s : r.spans) {
        QCOMPARE(s.startNs, int64_t(1500000));
        QCOMPARE(s.endNs, int64_t(1500000));
        QCOMPARE(s.name, std::string());
        QCOMPARE(s.service, std::string());
        QCOMPARE(s.resource, nlohmann::json::object());
    }
}

void Test_zipkindecoder::nullOptionalFieldsAreAbsent()
{
    const auto r = ZipkinDecoder::decode(
        R"([{"traceId":"1","id":"2","timestamp":7,"name":null,"kind":null,"duration":null,"localEndpoint":null,
             "remoteEndpoint":null,"annotations":null,"tags":null,"debug":null,"shared":null}])");
    QCOMPARE(r.spans.size(), size_t(1));
    QVERIFY(r.errors.empty());
    QCOMPARE(r.spans[0].attributes, nlohmann::json::object());
    QCOMPARE(r.spans[0].events, nlohmann::json::array());
    QCOMPARE(r.spans[0].endNs, int64_t(7000));
}

void Test_zipkindecoder::numericTagsBecomeStrings()
{
    const auto r = ZipkinDecoder::decode('[' + spanJson("1", R"(,"tags":{"n":42,"b":true,"s":"x"})") + ']');
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.spans[0].attributes, (nlohmann::json{{"n", "42"}, {"b", "true"}, {"s", "x"}}));
}

void Test_zipkindecoder::emptyBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \r\n\t ");
}

void Test_zipkindecoder::emptyBody()
{
    QFETCH(QByteArray, body);
    const auto r = ZipkinDecoder::decode(std::string_view(body.constData(), size_t(body.size())));
    QVERIFY(!r.ok());
    QCOMPARE(r.fatalError, std::string("empty body"));
    QVERIFY(r.spans.empty());
}

void Test_zipkindecoder::emptyArray()
{
    const auto r = ZipkinDecoder::decode(" [ ] ");
    QVERIFY(r.ok());
    QVERIFY(r.spans.empty());
    QCOMPARE(r.rejectedSpans, 0);
    QVERIFY(r.errors.empty());
}

void Test_zipkindecoder::malformedJson()
{
    const auto r = ZipkinDecoder::decode(R"([{"traceId":"1","id":"2",])");
    QVERIFY(!r.ok());
    QCOMPARE(r.fatalError.rfind("malformed JSON", 0), size_t(0));
    QVERIFY(r.spans.empty());
}

void Test_zipkindecoder::topLevelObject()
{
    const auto r = ZipkinDecoder::decode('{' + std::string(R"("spans":[)") + spanJson("1") + "]}");
    QCOMPARE(r.fatalError, std::string("expected a JSON array of Zipkin v2 spans"));
    QVERIFY(r.spans.empty());
    QCOMPARE(ZipkinDecoder::decode("\"text\"").fatalError,
             std::string("expected a JSON array of Zipkin v2 spans"));
}

void Test_zipkindecoder::deepNesting()
{
    const std::string body = std::string(10000, '[') + std::string(10000, ']');
    const auto r = ZipkinDecoder::decode(body);
    QVERIFY(!r.ok());
    QVERIFY2(r.fatalError.find("nested deeper") != std::string::npos, r.fatalError.c_str());

    std::string inTags =
        "[" + spanJson("1", R"(,"tags":{"x":)" + std::string(10000, '[') + std::string(10000, ']') + "}") +
        "]";
    QVERIFY(!ZipkinDecoder::decode(inTags).ok());
}

void Test_zipkindecoder::nonUtf8()
{
    std::string body = '[' + spanJson("1", ",\"name\":\"bad \xff\xfe bytes\"") + ']';
    body.replace(body.find(R"("name":"op",)"), 12, "");
    const auto r = ZipkinDecoder::decode(body);
    QVERIFY(!r.ok());
    QCOMPARE(r.fatalError.rfind("malformed JSON", 0), size_t(0));
}

void Test_zipkindecoder::invalidSpans_data()
{
    QTest::addColumn<QString>("span");
    QTest::addColumn<QString>("errorPrefix");
    auto row = [](const char *name, const std::string &span, const char *prefix) {
        QTest::newRow(name) << QString::fromStdString(span) << QString::fromUtf8(prefix);
    };
    const std::string ok = R"("traceId":"1","timestamp":5)";
    row("not an object", R"("span")", "[0]: expected a Zipkin span object, got string");
    row("array span", "[1,2]", "[0]: expected a Zipkin span object, got array");
    row("missing id", "{" + ok + "}", "[0].id: missing");
    row("null id", "{" + ok + R"(,"id":null})", "[0].id: missing");
    row("missing traceId", R"({"id":"1","timestamp":5})", "[0].traceId: missing");
    row("id number", "{" + ok + R"(,"id":12})", "[0].id: expected a hex string, got number");
    row("id too long", "{" + ok + R"(,"id":"12345678901234567"})", "[0].id: not a Zipkin id");
    row("id not hex", "{" + ok + R"(,"id":"xyz"})", "[0].id: not a Zipkin id");
    row("id empty", "{" + ok + R"(,"id":""})", "[0].id: not a Zipkin id");
    row("id zero", "{" + ok + R"(,"id":"0000"})", "[0].id: not a Zipkin id");
    row("traceId too long", R"({"traceId":"123456789012345678901234567890123","id":"1","timestamp":5})",
        "[0].traceId: not a Zipkin id");
    row("traceId not hex", R"({"traceId":"g23","id":"1","timestamp":5})", "[0].traceId: not a Zipkin id");
    row("parentId too long", "{" + ok + R"(,"id":"1","parentId":"12345678901234567"})",
        "[0].parentId: not a Zipkin id");
    row("parentId object", "{" + ok + R"(,"id":"1","parentId":{}})",
        "[0].parentId: expected a hex string, got object");
    row("negative duration", "{" + ok + R"(,"id":"1","duration":-5})", "[0].duration: negative");
    row("negative timestamp", R"({"traceId":"1","id":"1","timestamp":-5})", "[0].timestamp: negative");
    row("timestamp string", R"({"traceId":"1","id":"1","timestamp":"5"})",
        "[0].timestamp: expected a number of microseconds, got string");
    row("timestamp overflow", R"({"traceId":"1","id":"1","timestamp":9300000000000000})",
        "[0].timestamp: out of range");
    row("end overflow", R"({"traceId":"1","id":"1","timestamp":9000000000000000,"duration":300000000000000})",
        "[0].duration: out of range");
    row("kind unknown", "{" + ok + R"(,"id":"1","kind":"INTERNAL"})", "[0].kind: unknown value \"INTERNAL\"");
    row("kind number", "{" + ok + R"(,"id":"1","kind":2})", "[0].kind: expected a string, got number");
    row("name number", "{" + ok + R"(,"id":"1","name":2})", "[0].name: expected a string, got number");
    row("tags array", "{" + ok + R"(,"id":"1","tags":["a"]})",
        "[0].tags: expected an object of strings, got array");
    row("tag object", "{" + ok + R"(,"id":"1","tags":{"a":{"b":1}}})",
        "[0].tags.a: expected a string, got object");
    row("tag null", "{" + ok + R"(,"id":"1","tags":{"a":null}})", "[0].tags.a: expected a string, got null");
    row("annotations object", "{" + ok + R"(,"id":"1","annotations":{}})",
        "[0].annotations: expected an array, got object");
    row("annotation value", "{" + ok + R"(,"id":"1","annotations":[{"timestamp":5,"value":3}]})",
        "[0].annotations[0].value: expected a string, got number");
    row("annotation no timestamp", "{" + ok + R"(,"id":"1","annotations":[{"value":"x"}]})",
        "[0].annotations[0].timestamp: missing");
    row("localEndpoint string", "{" + ok + R"(,"id":"1","localEndpoint":"svc"})",
        "[0].localEndpoint: expected an object, got string");
    row("serviceName number", "{" + ok + R"(,"id":"1","localEndpoint":{"serviceName":1}})",
        "[0].localEndpoint.serviceName: expected a string, got number");
    row("remote port string", "{" + ok + R"(,"id":"1","remoteEndpoint":{"port":"80"}})",
        "[0].remoteEndpoint.port: expected an integer, got string");
    row("remote port range", "{" + ok + R"(,"id":"1","remoteEndpoint":{"port":70000}})",
        "[0].remoteEndpoint.port: out of range");
    row("shared string", "{" + ok + R"(,"id":"1","shared":"true"})", "[0].shared: expected true or false");
    row("debug number", "{" + ok + R"(,"id":"1","debug":1})", "[0].debug: expected true or false");
}

void Test_zipkindecoder::invalidSpans()
{
    QFETCH(QString, span);
    QFETCH(QString, errorPrefix);
    const auto r = ZipkinDecoder::decode('[' + span.toStdString() + ']');
    QVERIFY(r.ok());
    QVERIFY(r.spans.empty());
    QCOMPARE(r.rejectedSpans, 1);
    QCOMPARE(r.errors.size(), size_t(1));
    QVERIFY2(r.errors[0].rfind(errorPrefix.toStdString(), 0) == 0, r.errors[0].c_str());
}

void Test_zipkindecoder::mixedBatchKeepsGoodSpans()
{
    const std::string body = '[' + spanJson("1") + ',' + R"({"traceId":"1","id":"zz","timestamp":5})" + ',' +
                             spanJson("2") + ',' + spanJson("3", R"(,"duration":-1)") + ',' + "42" + ',' +
                             spanJson("4", R"(,"tags":"x")") + ',' + spanJson("5") + ']';
    const auto r = ZipkinDecoder::decode(body);
    QVERIFY(r.ok());
    QCOMPARE(r.spans.size(), size_t(3));
    QCOMPARE(r.spans[0].spanId, std::string("0000000000000001"));
    QCOMPARE(r.spans[1].spanId, std::string("0000000000000002"));
    QCOMPARE(r.spans[2].spanId, std::string("0000000000000005"));
    QCOMPARE(r.rejectedSpans, 4);
    QCOMPARE(r.errors.size(), size_t(4));
    QCOMPARE(r.errors[0].rfind("[1].id: ", 0), size_t(0));
    QCOMPARE(r.errors[1].rfind("[3].duration: negative", 0), size_t(0));
    QCOMPARE(r.errors[2].rfind("[4]: expected a Zipkin span object", 0), size_t(0));
    QCOMPARE(r.errors[3].rfind("[5].tags: ", 0), size_t(0));
    QVERIFY(anyErrorContains(r, "\"zz\""));
    QVERIFY(r.errorSummary().find("[3].duration") != std::string::npos);
}

void Test_zipkindecoder::errorListIsCapped()
{
    std::string body = "[";
    for (int i = 0; i < 30; ++i)
        body += R"({"traceId":"1","id":"xyz"},)";
    body += spanJson("1") + ']';
    const auto r = ZipkinDecoder::decode(body);
    QCOMPARE(r.spans.size(), size_t(1));
    QCOMPARE(r.rejectedSpans, 30);
    QCOMPARE(r.errors.size(), DecodeResult::kMaxErrors);
    QVERIFY(r.errorSummary().find("10 more rejected") != std::string::npos);
}

QTEST_GUILESS_MAIN(Test_zipkindecoder)
#include "test_zipkindecoder.moc"

#include "fileimport.h"
#include "httpclient.h"
#include "ingestlistener.h"
#include "normalizer.h"
#include "redactor.h"
#include "sampletraces.h"
#include "spanwriter.h"

#include "opentelemetry/proto/collector/trace/v1/trace_service.pb.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace tracedeck;
using json = nlohmann::json;
using ExportRequest = opentelemetry::proto::collector::trace::v1::ExportTraceServiceRequest;

namespace {

std::string redacted(const std::string &text, const Redactor &redactor = Redactor())
{
    std::string copy = text;
    redactor.redactString(copy);
    return copy;
}

// The secrets one ingest path sends; each path has its own so a leak names its path.
struct Secrets {
    std::string email;
    std::string phone;
    std::string card;
    std::string bearer;
    std::string apiKey;
    std::string password;
    std::string marker; // not secret: must be found, proving the scan reads the right bytes

    std::vector<std::string> all() const { return {email, phone, card, bearer, apiKey, password}; }
};

Secrets secretsFor(const std::string &path, int n)
{
    static const char *const cards[] = {"4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005",
                                        "6011111111111117"};
    const std::string digit = std::to_string(n);
    return Secrets{"person." + path + "@example.com",
                   "+1 415 555 010" + digit,
                   cards[n],
                   "tok" + path + "Zq8Lm2Xw" + digit,
                   "sk-ant-api03-" + path + "Secret0123456789abcdef",
                   "hunter2-" + path + "-pw",
                   "MARKERx" + path + "x" + digit};
}

std::string promptText(const Secrets &s)
{
    std::string text = "Please email " + s.email + " or call " + s.phone + ". My card is " + s.card +
                       ". Header was Authorization: Bearer " + s.bearer + " and the key " + s.apiKey + ". " +
                       s.marker + ". ";
    while (text.size() < 1000)
        text += "The quick brown fox jumps over the lazy dog. ";
    return text;
}

std::string inputMessages(const Secrets &s)
{
    json messages = json::array();
    messages.push_back({{"role", "user"}, {"parts", {{{"type", "text"}, {"content", promptText(s)}}}}});
    json call = {{"type", "tool_call"},
                 {"id", "call_1"},
                 {"name", "login"},
                 {"arguments", {{"user", "bob"}, {"password", s.password}}}};
    messages.push_back({{"role", "assistant"}, {"parts", json::array({call})}});
    return messages.dump();
}

// OTLP JSON attributes: [{key, value:{stringValue}}].
json otlpAttributes(const std::vector<std::pair<std::string, std::string>> &pairs)
{
    json attributes = json::array();
    for (const auto &[key, value] : pairs)
        attributes.push_back({{"key", key}, {"value", {{"stringValue", value}}}});
    return attributes;
}

std::vector<std::pair<std::string, std::string>> spanAttributes(const Secrets &s)
{
    return {
        {"gen_ai.operation.name", "chat"},
        {"gen_ai.request.model", "gpt-4o"},
        {"gen_ai.input.messages", inputMessages(s)},
        {"gen_ai.output.messages",
         "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Sure " + s.email + "\"}]}]"},
        {"http.request.header.authorization", "Bearer " + s.bearer},
        {"user.password", s.password},
        {"url.full", "https://api.example.com/v1?api_key=" + s.apiKey + "&page=2"},
        {"user.id", s.email}};
}

QByteArray otlpJsonBody(const Secrets &s, const std::string &traceId)
{
    json span = {{"traceId", traceId},
                 {"spanId", "00000000000000a1"},
                 {"name", "chat " + s.email},
                 {"kind", 3},
                 {"startTimeUnixNano", "1700000000000000000"},
                 {"endTimeUnixNano", "1700000000500000000"},
                 {"attributes", otlpAttributes(spanAttributes(s))},
                 {"status", {{"code", 2}, {"message", "failed for " + s.phone}}},
                 {"events",
                  {{{"name", "exception"},
                    {"timeUnixNano", "1700000000100000000"},
                    {"attributes", otlpAttributes({{"exception.message", "bad card " + s.card}})}}}},
                 {"links",
                  {{{"traceId", traceId},
                    {"spanId", "00000000000000b1"},
                    {"attributes", otlpAttributes({{"note", "from " + s.email}})}}}}};
    json resource = {
        {"attributes", otlpAttributes({{"service.name", "redact-svc"}, {"owner.email", s.email}})}};
    json body = {{"resourceSpans",
                  {{{"resource", resource},
                    {"scopeSpans", {{{"scope", {{"name", "test"}}}, {"spans", json::array({span})}}}}}}}};
    return QByteArray::fromStdString(body.dump());
}

QByteArray otlpProtoBody(const Secrets &s)
{
    ExportRequest request;
    auto *resourceSpans = request.add_resource_spans();
    auto *service = resourceSpans->mutable_resource()->add_attributes();
    service->set_key("service.name");
    service->mutable_value()->set_string_value("redact-proto");
    auto *span = resourceSpans->add_scope_spans()->add_spans();
    span->set_trace_id(std::string(15, '\x05') + '\x02');
    span->set_span_id(std::string(7, '\x05') + '\x02');
    span->set_name("chat");
    span->set_start_time_unix_nano(1000);
    span->set_end_time_unix_nano(2000);
    span->mutable_status()->set_message("failed for " + s.email);
    for (const auto &[key, value] : spanAttributes(s)) {
        auto *attribute = span->add_attributes();
        attribute->set_key(key);
        attribute->mutable_value()->set_string_value(value);
    }
    auto *event = span->add_events();
    event->set_name("log");
    event->set_time_unix_nano(1500);
    auto *eventAttribute = event->add_attributes();
    eventAttribute->set_key("message");
    eventAttribute->mutable_value()->set_string_value("call me at " + s.phone);
    return QByteArray::fromStdString(request.SerializeAsString());
}

QByteArray zipkinBody(const Secrets &s)
{
    json tags = json::object();
    for (const auto &[key, value] : spanAttributes(s))
        tags[key] = value;
    json span = {{"traceId", "5b8efff798038103d269b633813fc6a3"},
                 {"id", "00000000000000c3"},
                 {"name", "chat"},
                 {"kind", "CLIENT"},
                 {"timestamp", 1700000000000000},
                 {"duration", 5000},
                 {"localEndpoint", {{"serviceName", "redact-zipkin"}}},
                 {"annotations", {{{"timestamp", 1700000000001000}, {"value", "card " + s.card}}}},
                 {"tags", tags}};
    return QByteArray::fromStdString(json::array({span}).dump());
}

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestRedactor : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keys_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<bool>("sensitive");
        const char *const yes[] = {"authorization",
                                   "Authorization",
                                   "http.request.header.authorization",
                                   "http.request.header.authorization.0",
                                   "http.request.header.x-api-key",
                                   "X-Api-Key",
                                   "api_key",
                                   "apiKey",
                                   "apikey",
                                   "openai_api_key",
                                   "user.email",
                                   "email_address",
                                   "password",
                                   "db.password",
                                   "Password",
                                   "password_hash",
                                   "client_secret",
                                   "secret_key",
                                   "token",
                                   "access_token",
                                   "refreshToken",
                                   "id_token",
                                   "user_phone",
                                   "phone_number",
                                   "ssn",
                                   "credit_card",
                                   "creditCard"};
        const char *const no[] = {"max_tokens",
                                  "prompt_tokens",
                                  "total_tokens",
                                  "gen_ai.usage.input_tokens",
                                  "gen_ai.request.max_tokens",
                                  "llm.token_count.prompt",
                                  "llm.usage.token",
                                  "usage.access_token",
                                  "token_count",
                                  "token_type",
                                  "tokens",
                                  "user.id",
                                  "session.id",
                                  "email_verified",
                                  "password_policy",
                                  "gen_ai.input.messages",
                                  "session",
                                  "description",
                                  "ssn_last_checked",
                                  "gen_ai.response.time_to_first_token",
                                  "max_token",
                                  "prompt_token",
                                  "cached_token"};
        for (const char *key : yes)
            QTest::newRow(key) << QString::fromLatin1(key) << true;
        for (const char *key : no)
            QTest::newRow(key) << QString::fromLatin1(key) << false;
    }

    void keys()
    {
        QFETCH(QString, key);
        QFETCH(bool, sensitive);
        QCOMPARE(Redactor().isSensitiveKey(key.toStdString()), sensitive);
    }

    void patterns_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *text, const char *expected) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(expected);
        };
        const auto same = [](const char *name, const char *text) {
            QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(text);
        };
        row("email", "mail jane.doe+x@mail.example.co.uk now", "mail [REDACTED:email] now");
        row("phone +intl", "call +1 415 555 0132 today", "call [REDACTED:phone] today");
        row("phone +compact", "tel:+442079460958", "tel:[REDACTED:phone]");
        row("phone us parens", "call (415) 555-0132.", "call [REDACTED:phone].");
        row("phone us dashes", "ring 415-555-0132", "ring [REDACTED:phone]");
        row("phone us dots", "ring 415.555.0132", "ring [REDACTED:phone]");
        row("phone uk national", "tel 020 7946 0958", "tel [REDACTED:phone]");
        row("phone fr national", "tel 06 12 34 56 78", "tel [REDACTED:phone]");
        row("card spaces", "card 4111 1111 1111 1111 exp", "card [REDACTED:card] exp");
        row("card dashes", "card 5555-5555-5555-4444", "card [REDACTED:card]");
        row("card amex", "amex 378282246310005.", "amex [REDACTED:card].");
        row("card plain", "4012888888881881", "[REDACTED:card]");
        row("ssn", "SSN 123-45-6789", "SSN [REDACTED:ssn]");
        row("bearer", "sent bearer abcdefghijklmnop123 ok", "sent bearer [REDACTED:token] ok");
        row("authorization header text", "Authorization: Bearer abc.def-ghi_jkl",
            "Authorization: [REDACTED]");
        row("jwt", "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3",
            "jwt [REDACTED:token]");
        row("openai key", "key sk-proj-abcdefghijklmnop1234 used", "key [REDACTED:api_key] used");
        row("openai legacy key", "sk-abcdefghijklmnopqrstuvwxyz012345", "[REDACTED:api_key]");
        row("anthropic key", "(sk-ant-api03-abcdefghijklmnopqrstuvwxyz)", "([REDACTED:api_key])");
        row("stripe key", "sk_live_abcdefghijklmnop1234", "[REDACTED:api_key]");
        row("aws key", "id AKIAIOSFODNN7EXAMPLE", "id [REDACTED:api_key]");
        row("github token", "ghp_abcdefghijklmnopqrstuvwxyz0123456789", "[REDACTED:api_key]");
        row("slack bot token", "xoxb-123456789012-abcdefghijkl", "[REDACTED:api_key]");
        row("slack user token", "xoxp-1234-5678-abcdefghij", "[REDACTED:api_key]");
        row("google key", "AIzaSyA1234567890abcdefghijklmnopqrstuv", "[REDACTED:api_key]");
        row("query string", "https://api.example.com/v1?api_key=abc123&page=2&token=xyz",
            "https://api.example.com/v1?api_key=[REDACTED]&page=2&token=[REDACTED]");
        row("key=value", "password=hunter2 user=bob", "password=[REDACTED] user=bob");
        row("python repr", "{'password': 'hunter 2', 'n': 1}", "{'password': '[REDACTED]', 'n': 1}");
        row("truncated json", "{\"secret\": \"abc def\", \"more\": \"x",
            "{\"secret\": \"[REDACTED]\", \"more\": \"x");
        same("token counts", "used 1500 prompt tokens, max_tokens=4096, total_tokens: 5000, input_tokens=12");
        same("ns timestamp", "at 1700000000123456789 ns");
        same("ms timestamp", "ts 1700000000123 and 1700000000");
        same("trace id", "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7");
        same("numeric trace id", "trace 12345678901234567890123456789012");
        same("uuid", "id 550e8400-e29b-41d4-a716-446655440000");
        same("version", "version 1.22.333.4444 and v10.15.7");
        same("ip", "from 192.168.100.200");
        same("prices", "price $1,234,567.89 or 12345.67 USD, EUR 1 234,56");
        same("non-luhn card", "4111111111111112");
        same("non-luhn card spaced", "4111 1111 1111 1112");
        same("datetime", "at 2024-01-15 12:30:45 and 2024-01-15T12:30:45Z");
        same("number table", "counts 1500 2000 3000 4000");
        same("order id", "order 123456789012");
        same("sk words", "use sk-learn for task-management-framework");
        same("no tld", "user@localhost and foo@1.2.3");
        same("token word", "the token is in the header");
        same("bearer word", "the bearer of bad news");
    }

    void patterns()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(redacted(text.toStdString())), expected);
    }

    void nestedKeysAndJsonInStrings()
    {
        Span span;
        span.attributes["request.body"] = {
            {"user", {{"name", "bob"}, {"Email", "bob@example.com"}, {"Password", {{"v", 1}}}}},
            {"items", {{{"api_key", "k1"}, {"qty", 2}}}},
            {"usage", {{"total_tokens", 12}}}};
        json messages =
            json::array({{{"role", "user"}, {"content", "card 4111 1111 1111 1111, mail bob@example.com"}},
                         {{"role", "assistant"},
                          {"tool_calls", {{{"arguments", "{\"password\":\"p\",\"city\":\"Oslo\"}"}}}}}});
        span.attributes["gen_ai.input.messages"] = messages.dump();
        span.attributes["llm.invocation_parameters"] = "{\"max_tokens\": 100, \"temperature\": 0.2}";
        Redactor().redact(span);

        const json &body = span.attributes["request.body"];
        QCOMPARE(body["user"]["name"], "bob");
        QCOMPARE(body["user"]["Email"], "[REDACTED]");
        QCOMPARE(body["user"]["Password"], "[REDACTED]");
        QCOMPARE(body["items"][0]["api_key"], "[REDACTED]");
        QCOMPARE(body["items"][0]["qty"], 2);
        QCOMPARE(body["usage"]["total_tokens"], 12);
        const json inner = json::parse(span.attributes["gen_ai.input.messages"].get<std::string>());
        QCOMPARE(inner[0]["content"], "card [REDACTED:card], mail [REDACTED:email]");
        const json arguments = json::parse(inner[1]["tool_calls"][0]["arguments"].get<std::string>());
        QCOMPARE(arguments["password"], "[REDACTED]");
        QCOMPARE(arguments["city"], "Oslo");
        // Nothing to redact: the string stays byte for byte as sent.
        QCOMPARE(span.attributes["llm.invocation_parameters"], "{\"max_tokens\": 100, \"temperature\": 0.2}");
    }

    void everyPartOfASpan()
    {
        Span span;
        span.name = "GET /users/bob@example.com";
        span.statusMessage = "no route to +1 415 555 0132";
        span.events = {
            {{"name", "mail to bob@example.com"}, {"timeNs", 5}, {"attributes", {{"token", "t0k"}}}}};
        span.links = {{{"traceId", "ab"}, {"spanId", "cd"}, {"attributes", {{"note", "bob@example.com"}}}}};
        span.resource = {{"service.name", "svc"}, {"deployment.secret", "s3"}};
        span.scope = {{"name", "lib"}, {"attributes", {{"owner", "bob@example.com"}}}};
        span.attributes = {
            {"gen_ai.input.messages", "[{\"role\":\"user\",\"content\":\"hi bob@example.com\"}]"},
            {"user.id", "bob@example.com"},
            {"session.id", "s-1"},
            {"gen_ai.usage.input_tokens", 10}};
        Normalizer().normalize(span);
        QVERIFY(span.fields.messages.dump().find("bob@example.com") != std::string::npos);
        span.fields.httpUrl = "https://x.test/p?access_token=abc&q=1";
        Redactor().redact(span);

        QCOMPARE(span.name, "GET /users/[REDACTED:email]");
        QCOMPARE(span.statusMessage, "no route to [REDACTED:phone]");
        QCOMPARE(span.events[0]["name"], "mail to [REDACTED:email]");
        QCOMPARE(span.events[0]["attributes"]["token"], "[REDACTED]");
        QCOMPARE(span.events[0]["timeNs"], 5);
        QCOMPARE(span.links[0]["attributes"]["note"], "[REDACTED:email]");
        QCOMPARE(span.resource["deployment.secret"], "[REDACTED]");
        QCOMPARE(span.resource["service.name"], "svc");
        QCOMPARE(span.scope["attributes"]["owner"], "[REDACTED:email]");
        QCOMPARE(span.attributes["gen_ai.usage.input_tokens"], 10);
        QCOMPARE(span.fields.userId, "[REDACTED:email]");
        QCOMPARE(span.fields.sessionId, "s-1");
        QCOMPARE(span.fields.httpUrl, "https://x.test/p?access_token=[REDACTED]&q=1");
        QVERIFY(span.fields.messages.dump().find("bob@example.com") == std::string::npos);
        QVERIFY(span.fields.messages.dump().find("[REDACTED:email]") != std::string::npos);
    }

    void disabledRulesLeaveTextIntact()
    {
        const std::string text =
            "mail bob@example.com, call +1 415 555 0132, key sk-proj-abcdefghijklmnop1234";
        Redactor::Rules off;
        off.enabled = false;
        Span span;
        span.name = text;
        span.attributes = {{"password", "p"}};
        Redactor(off).redact(span);
        QCOMPARE(span.name, text);
        QCOMPARE(span.attributes["password"], "p");

        Redactor::Rules noEmails;
        noEmails.emails = false;
        QCOMPARE(redacted(text, Redactor(noEmails)),
                 "mail bob@example.com, call [REDACTED:phone], key [REDACTED:api_key]");
        Redactor::Rules noPatterns;
        noPatterns.emails = noPatterns.phones = noPatterns.cards = noPatterns.tokens = noPatterns.apiKeys =
            noPatterns.ssns = false;
        QCOMPARE(redacted(text, Redactor(noPatterns)), text);
        Redactor::Rules noKeys;
        noKeys.keys.clear();
        QVERIFY(!Redactor(noKeys).isSensitiveKey("password"));
        QCOMPARE(redacted("password=hunter2", Redactor(noKeys)), "password=hunter2");
        Redactor::Rules ownKeys;
        ownKeys.keys = {"Session-Cookie"};
        QVERIFY(Redactor(ownKeys).isSensitiveKey("http.request.header.session-cookie"));
        QVERIFY(!Redactor(ownKeys).isSensitiveKey("password"));
    }

    // Answers are remembered per key (and the memory is bounded): asked again, or after thousands of other
    // keys have filled it, a key gets the same answer; a Redactor with other rules has its own.
    void keyAnswersAreStableAcrossRepeats()
    {
        const Redactor redactor;
        for (int round = 0; round < 3; ++round) {
            QVERIFY(redactor.isSensitiveKey("http.request.header.authorization"));
            QVERIFY(!redactor.isSensitiveKey("gen_ai.usage.input_tokens"));
        }
        for (int i = 0; i < 10000; ++i)
            QVERIFY(!redactor.isSensitiveKey("attr." + std::to_string(i) + ".name"));
        QVERIFY(redactor.isSensitiveKey("user.email"));
        QVERIFY(redactor.isSensitiveKey("http.request.header.authorization"));
        QVERIFY(!redactor.isSensitiveKey("gen_ai.usage.input_tokens"));
        Redactor::Rules ownKeys;
        ownKeys.keys = {"name"};
        QVERIFY(Redactor(ownKeys).isSensitiveKey("attr.1.name"));
        QVERIFY(!Redactor(ownKeys).isSensitiveKey("user.email"));
    }

    // The bundled samples hold no secrets: redaction on or off, they load the same (no false positives
    // on token counts, time_to_first_token, ids, timestamps or the prompts).
    void sampleTracesHaveNothingToRedact()
    {
        Redactor::Rules off;
        off.enabled = false;
        const SpanBatch plain = SampleTraces::load(1'700'000'000'000'000'000, off);
        const SpanBatch redacted = SampleTraces::load(1'700'000'000'000'000'000);
        QVERIFY(!plain.empty());
        QCOMPARE(redacted.size(), plain.size());
        for (size_t i = 0; i < plain.size(); ++i) {
            QCOMPARE(redacted[i].name, plain[i].name);
            QCOMPARE(redacted[i].attributes.dump(), plain[i].attributes.dump());
            QCOMPARE(redacted[i].events.dump(), plain[i].events.dump());
            QCOMPARE(redacted[i].resource.dump(), plain[i].resource.dump());
            QCOMPARE(redacted[i].fields.messages.dump(), plain[i].fields.messages.dump());
        }
    }

    // The end-to-end check: secrets sent through every ingest path never reach the database file.
    void noSecretReachesTheDatabaseFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString dbPath = dir.filePath(QStringLiteral("redact.db"));
        std::string error;
        auto writer = SpanWriter::open(dbPath.toStdString(), &error);
        QVERIFY2(writer, error.c_str());
        IngestOptions options;
        options.address.port = 0;
        auto listener = std::make_unique<IngestListener>(*writer, options);
        QString listenError;
        QVERIFY2(listener->start(&listenError), qPrintable(listenError));
        const HttpClient client(listener->address().port);

        const Secrets otlpJson = secretsFor("otlpjson", 0);
        const Secrets otlpProto = secretsFor("otlpproto", 1);
        const Secrets zipkin = secretsFor("zipkin", 2);
        const Secrets file = secretsFor("fileimport", 3);

        QCOMPARE(client
                     .post(QStringLiteral("/v1/traces"),
                           otlpJsonBody(otlpJson, "5b8efff798038103d269b633813fc6a1"), "application/json")
                     .status,
                 200);
        QCOMPARE(client.post(QStringLiteral("/v1/traces"), otlpProtoBody(otlpProto), "application/x-protobuf")
                     .status,
                 200);
        const int zipkinStatus =
            client.post(QStringLiteral("/api/v2/spans"), zipkinBody(zipkin), "application/json").status;
        QVERIFY2(zipkinStatus >= 200 && zipkinStatus < 300, QByteArray::number(zipkinStatus).constData());

        const QString importPath = dir.filePath(QStringLiteral("export.otlp.json"));
        {
            QFile out(importPath);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(otlpJsonBody(file, "5b8efff798038103d269b633813fc6a4"));
        }
        FileImport import(*writer);
        QSignalSpy imported(&import, &FileImport::finished);
        import.start({importPath});
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.at(0).at(0).toLongLong(), 1);

        QCOMPARE(writer->storedSpans(), 4);
        // Let full-text indexing catch up so the FTS tables are part of what is scanned.
        QTRY_VERIFY_WITH_TIMEOUT(writer->ftsIndexedSeq() >= writer->changeSeq(), 20000);
        listener->stopAccepting();
        writer->stop();

        QByteArray bytes = fileBytes(dbPath);
        QVERIFY(!bytes.isEmpty());
        bytes += fileBytes(dbPath + QStringLiteral("-wal"));
        for (const Secrets *s : {&otlpJson, &otlpProto, &zipkin, &file}) {
            QVERIFY2(bytes.contains(QByteArray::fromStdString(s->marker)), s->marker.c_str());
            for (const std::string &secret : s->all())
                QVERIFY2(!bytes.contains(QByteArray::fromStdString(secret)), secret.c_str());
        }
        QVERIFY(bytes.contains("[REDACTED:email]"));
        QVERIFY(bytes.contains("[REDACTED:card]"));
        listener.reset();
        writer.reset();
    }
};

QTEST_GUILESS_MAIN(TestRedactor)
#include "test_redactor.moc"

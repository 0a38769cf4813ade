#include "queryapi.h"

#include "authenticator.h"
#include "backgroundreader.h"
#include "requestsizeguard.h"
#include "spanjson.h"

#include <QDateTime>
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QUrlQuery>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>

namespace tracedeck {

namespace {

HttpReply jsonReply(int status, const nlohmann::json &body)
{
    return HttpReply::json(status, QByteArray::fromStdString(body.dump()));
}

HttpReply badRequest(const QString &detail)
{
    return HttpReply::error(400, "bad_request", detail);
}

// A time parameter: ISO 8601 (`2026-11-25T10:00:00.000Z`) or nanoseconds since the epoch.
std::optional<int64_t> parseTime(const QString &text, bool *ok)
{
    *ok = true;
    if (text.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qlonglong ns = text.toLongLong(&isNumber);
    if (isNumber)
        return int64_t(ns);
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid()) {
        *ok = false;
        return std::nullopt;
    }
    return int64_t(time.toMSecsSinceEpoch()) * 1'000'000;
}

QByteArray encodeCursor(const TraceSummary &last)
{
    nlohmann::json cursor = {{"t", last.traceId}};
    if (const auto *n = std::get_if<int64_t>(&last.sortKey))
        cursor["k"] = *n;
    return QByteArray::fromStdString(cursor.dump())
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

std::optional<TraceCursor> decodeCursor(const QString &text)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const auto json = nlohmann::json::parse((*decoded).toStdString(), nullptr, false);
    if (!json.is_object() || !json.contains("t") || !json["t"].is_string() || !json.contains("k") ||
        !json["k"].is_number_integer())
        return std::nullopt;
    TraceCursor cursor;
    cursor.key = json["k"].get<int64_t>();
    cursor.traceId = json["t"].get<std::string>();
    return cursor;
}

} // namespace

QueryApi::QueryApi(const std::string &databasePath, Authenticator &auth, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_reader(std::make_unique<BackgroundReader>(QString::fromStdString(databasePath)))
{}

QueryApi::~QueryApi()
{
    m_reader.reset(); // waits for a running query; its answer is then dropped with this object
}

void QueryApi::addRoutes(QHttpServer &http)
{
    using Method = QHttpServerRequest::Method;
    http.route(QStringLiteral("/api/v1/traces"), Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   listTraces(request, std::move(responder));
               });
    http.route(
        QStringLiteral("/api/v1/traces/<arg>"), Method::Get,
        [this](const QString &traceId, const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            getTrace(traceId, request, std::move(responder));
        });
    http.route(
        QStringLiteral("/api/v1/paths/<arg>"), Method::Get,
        [this](const QString &requestId, const QHttpServerRequest &request,
               QHttpServerResponder &&responder) { getPath(requestId, request, std::move(responder)); });
    http.route(QStringLiteral("/api/v1/metrics/summary"), Method::Get,
               [this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
                   metricsSummary(request, std::move(responder));
               });
}

void QueryApi::run(QHttpServerResponder &&responder, Query query)
{
    const quint64 id = m_nextId++;
    m_pending.emplace(id, Pending{std::move(responder), RequestSizeGuard::socketBeingRead()});
    m_reader->post([this, id, query = std::move(query)](StoreReader *reader, const std::string &openError) {
        const HttpReply reply =
            reader ? query(*reader)
                   : HttpReply::error(503, "unavailable", QString::fromStdString("store: " + openError));
        QMetaObject::invokeMethod(
            this, [this, id, reply] { complete(id, reply); }, Qt::QueuedConnection);
    });
}

void QueryApi::complete(quint64 id, const HttpReply &reply)
{
    auto it = m_pending.find(id);
    if (it == m_pending.end())
        return;
    Pending pending = std::move(it->second);
    m_pending.erase(it);
    // The responder writes to its socket without checking it still exists.
    if (pending.connection && pending.connection->state() == QAbstractSocket::ConnectedState)
        reply.send(pending.responder);
}

void QueryApi::listTraces(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const auto identity = m_auth.admit(request, responder, WireFormat::Json);
    if (!identity)
        return;
    const QUrlQuery params(request.url());
    const auto text = [&params](const char *name) {
        return params.queryItemValue(QLatin1String(name), QUrl::FullyDecoded).trimmed();
    };
    TraceFilter filter;
    filter.workspace = identity->workspace;
    filter.requestId = text("request_id").toStdString();
    filter.traceId = text("trace_id").toLower().toStdString();
    filter.userId = text("user_id").toStdString();
    filter.sessionId = text("session_id").toStdString();
    filter.service = text("service").toStdString();
    filter.model = text("model").toStdString();
    filter.text = text("q").toStdString();
    if (!text("status_code").isEmpty()) {
        bool ok = false;
        const int code = text("status_code").toInt(&ok);
        if (!ok || code < 100 || code > 599) {
            badRequest(QStringLiteral("status_code: not an HTTP status code")).send(responder);
            return;
        }
        filter.statusCode = code;
    }
    const QString status = text("status").toLower();
    if (status == u"error")
        filter.errorsOnly = true;
    else if (status == u"ok")
        filter.okOnly = true;
    else if (!status.isEmpty()) {
        badRequest(QStringLiteral("status: expected error or ok")).send(responder);
        return;
    }
    bool ok = true;
    filter.fromNs = parseTime(text("start_time"), &ok);
    if (!ok) {
        badRequest(QStringLiteral("start_time: not ISO 8601 or nanoseconds")).send(responder);
        return;
    }
    filter.toNs = parseTime(text("end_time"), &ok);
    if (!ok) {
        badRequest(QStringLiteral("end_time: not ISO 8601 or nanoseconds")).send(responder);
        return;
    }
    int limit = 50;
    if (!text("limit").isEmpty()) {
        limit = text("limit").toInt(&ok);
        if (!ok || limit < 1 || limit > 1000) {
            badRequest(QStringLiteral("limit: expected 1 to 1000")).send(responder);
            return;
        }
    }
    std::optional<TraceCursor> cursor;
    if (!text("cursor").isEmpty()) {
        cursor = decodeCursor(text("cursor"));
        if (!cursor) {
            badRequest(QStringLiteral("cursor: not a cursor this API returned")).send(responder);
            return;
        }
    }
    run(std::move(responder), [filter, cursor, limit](StoreReader &reader) {
        std::string error;
        // One row more than asked says whether another page exists.
        std::vector<TraceSummary> rows = reader.traces(filter, TraceSort{}, cursor, limit + 1, &error);
        if (!error.empty())
            return HttpReply::error(500, "internal_error", QString::fromStdString(error));
        const bool more = int(rows.size()) > limit;
        if (more)
            rows.resize(size_t(limit));
        nlohmann::json traces = nlohmann::json::array();
        for (const TraceSummary &row : rows)
            traces.push_back(SpanJson::trace(row));
        nlohmann::json body = {{"traces", traces}, {"next_cursor", nullptr}};
        if (more)
            body["next_cursor"] = encodeCursor(rows.back()).toStdString();
        return jsonReply(200, body);
    });
}

void QueryApi::getTrace(const QString &traceId, const QHttpServerRequest &request,
                        QHttpServerResponder &&responder)
{
    const auto identity = m_auth.admit(request, responder, WireFormat::Json);
    if (!identity)
        return;
    run(std::move(responder), [id = traceId.toStdString(), ws = identity->workspace](StoreReader &reader) {
        std::string error;
        TraceFilter filter;
        filter.workspace = ws;
        filter.traceId = id;
        const auto summary = reader.traces(filter, TraceSort{}, std::nullopt, 1, &error);
        if (error.empty() && summary.empty())
            return HttpReply::error(404, "not_found",
                                    QStringLiteral("no trace %1").arg(QString::fromStdString(id)));
        const std::vector<Span> spans = reader.spans(ws, id, &error);
        if (!error.empty())
            return HttpReply::error(500, "internal_error", QString::fromStdString(error));
        nlohmann::json body = SpanJson::trace(summary.front());
        nlohmann::json list = nlohmann::json::array();
        for (const Span &span : spans)
            list.push_back(SpanJson::span(span));
        body["spans"] = std::move(list);
        return jsonReply(200, body);
    });
}

void QueryApi::getPath(const QString &requestId, const QHttpServerRequest &request,
                       QHttpServerResponder &&responder)
{
    const auto identity = m_auth.admit(request, responder, WireFormat::Json);
    if (!identity)
        return;
    run(std::move(responder), [id = requestId.toStdString(), ws = identity->workspace](StoreReader &reader) {
        std::string error;
        const std::vector<Span> spans = reader.requestPath(ws, id, &error);
        if (!error.empty())
            return HttpReply::error(500, "internal_error", QString::fromStdString(error));
        if (spans.empty())
            return HttpReply::error(404, "not_found",
                                    QStringLiteral("no request %1").arg(QString::fromStdString(id)));
        nlohmann::json hops = nlohmann::json::array();
        int64_t start = INT64_MAX, end = INT64_MIN, inputTokens = 0, outputTokens = 0, errors = 0;
        std::optional<double> cost;
        for (const Span &s : spans) {
            const ExtractedFields &f = s.fields;
            hops.push_back(
                {{"span_id", s.spanId},
                 {"trace_id", s.traceId},
                 {"service", s.service},
                 {"name", s.name},
                 {"method", f.httpMethod.empty() ? nlohmann::json() : nlohmann::json(f.httpMethod)},
                 {"url", f.httpUrl.empty() ? nlohmann::json() : nlohmann::json(f.httpUrl)},
                 {"status_code", f.statusCode ? nlohmann::json(*f.statusCode) : nlohmann::json()},
                 {"error", s.status == SpanStatus::Error},
                 {"start_time", SpanJson::isoTime(s.startNs)},
                 {"latency_ms", double(s.endNs - s.startNs) / 1e6}});
            start = std::min(start, s.startNs);
            end = std::max(end, s.endNs);
            inputTokens += f.inputTokens.value_or(0);
            outputTokens += f.outputTokens.value_or(0);
            errors += s.status == SpanStatus::Error;
            if (f.costUsd)
                cost = cost.value_or(0) + *f.costUsd;
        }
        const nlohmann::json totals = {{"hops", spans.size()},
                                       {"duration_ms", double(end - start) / 1e6},
                                       {"input_tokens", inputTokens},
                                       {"output_tokens", outputTokens},
                                       {"cost_usd", cost ? nlohmann::json(*cost) : nlohmann::json()},
                                       {"errors", errors}};
        return jsonReply(200, {{"request_id", id}, {"hops", hops}, {"totals", totals}});
    });
}

void QueryApi::metricsSummary(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const auto identity = m_auth.admit(request, responder, WireFormat::Json);
    if (!identity)
        return;
    const QUrlQuery params(request.url());
    const QString groupBy = params.queryItemValue(QStringLiteral("group_by")).trimmed().toLower();
    MetricsGrouping grouping = MetricsGrouping::Service;
    if (groupBy == u"model")
        grouping = MetricsGrouping::Model;
    else if (groupBy == u"provider")
        grouping = MetricsGrouping::Provider;
    else if (groupBy == u"user")
        grouping = MetricsGrouping::User;
    else if (!groupBy.isEmpty() && groupBy != u"service") {
        badRequest(QStringLiteral("group_by: expected service, model, provider or user")).send(responder);
        return;
    }
    bool ok = true;
    const auto from = parseTime(params.queryItemValue(QStringLiteral("start_time")), &ok);
    if (!ok) {
        badRequest(QStringLiteral("start_time: not ISO 8601 or nanoseconds")).send(responder);
        return;
    }
    const auto to = parseTime(params.queryItemValue(QStringLiteral("end_time")), &ok);
    if (!ok) {
        badRequest(QStringLiteral("end_time: not ISO 8601 or nanoseconds")).send(responder);
        return;
    }
    const std::string groupName = groupBy.isEmpty() ? std::string("service") : groupBy.toStdString();
    run(std::move(responder), [grouping, from, to, groupName, ws = identity->workspace](StoreReader &reader) {
        std::string error;
        const auto groups = reader.metrics(ws, grouping, from, to, &error);
        if (!error.empty())
            return HttpReply::error(500, "internal_error", QString::fromStdString(error));
        nlohmann::json list = nlohmann::json::array();
        int64_t spans = 0, errors = 0;
        double percentileError = 0;
        for (const MetricsGroup &g : groups) {
            list.push_back(SpanJson::metricsGroup(g));
            spans += g.spans;
            errors += g.errors;
            percentileError = std::max(percentileError, g.percentileError);
        }
        // Long ranges merge the writer's per-minute latency histograms: p50/p95/p99 are then within
        // percentile_relative_error of the exact values.
        return jsonReply(200, {{"group_by", groupName},
                               {"spans", spans},
                               {"errors", errors},
                               {"error_rate", spans ? double(errors) / double(spans) : 0.0},
                               {"percentiles", percentileError > 0 ? "histogram" : "exact"},
                               {"percentile_relative_error", percentileError},
                               {"groups", list}});
    });
}

} // namespace tracedeck

#include "tracefilter.h"

#include <QCoreApplication>
#include <QStringList>

namespace tracedeck {

namespace {

// Splits on spaces, keeping "quoted parts" (and key:"quoted values") together, quotes removed.
QStringList tokenize(const QString &query)
{
    QStringList tokens;
    QString current;
    bool quoted = false;
    bool started = false;
    for (const QChar c : query) {
        if (c == u'"') {
            quoted = !quoted;
            started = true;
        } else if (c.isSpace() && !quoted) {
            if (started)
                tokens << current;
            current.clear();
            started = false;
        } else {
            current += c;
            started = true;
        }
    }
    if (started)
        tokens << current;
    return tokens;
}

QString quoteIfNeeded(const std::string &value)
{
    const QString text = QString::fromStdString(value);
    return text.contains(u' ') ? u'"' + text + u'"' : text;
}

} // namespace

TraceFilter TraceFilter::parse(const QString &query, QString *error)
{
    TraceFilter filter;
    QStringList freeWords;
    QStringList problems;
    for (const QString &token : tokenize(query)) {
        const qsizetype colon = token.indexOf(u':');
        const QString key = colon > 0 ? token.left(colon).toLower() : QString();
        const QString value = colon > 0 ? token.mid(colon + 1) : QString();
        const std::string v = value.toStdString();
        if (key == u"service")
            filter.service = v;
        else if (key == u"model")
            filter.model = v;
        else if (key == u"user")
            filter.userId = v;
        else if (key == u"session")
            filter.sessionId = v;
        else if (key == u"request" || key == u"request_id")
            filter.requestId = v;
        else if (key == u"trace" || key == u"trace_id")
            filter.traceId = value.toLower().toStdString();
        else if (key == u"is" && value.toLower() == u"error")
            filter.errorsOnly = true;
        else if (key == u"status" || key == u"code" || key == u"status_code") {
            bool isNumber = false;
            const int code = value.toInt(&isNumber);
            if (key == u"status" && value.toLower() == u"error")
                filter.errorsOnly = true;
            else if (key == u"status" && value.toLower() == u"ok")
                filter.okOnly = true;
            else if (isNumber && code >= 100 && code <= 599)
                filter.statusCode = code;
            else
                problems << QCoreApplication::translate("TraceFilter",
                                                        "%1: expected error, ok or an HTTP code")
                                .arg(token);
        } else {
            freeWords << token;
        }
    }
    filter.text = freeWords.join(u' ').toStdString();
    if (error)
        *error = problems.join(QStringLiteral("; "));
    return filter;
}

QString TraceFilter::toQuery() const
{
    QStringList parts;
    const auto add = [&parts](const char *key, const std::string &value) {
        if (!value.empty())
            parts << QLatin1String(key) + u':' + quoteIfNeeded(value);
    };
    add("service", service);
    add("model", model);
    add("user", userId);
    add("session", sessionId);
    add("request", requestId);
    add("trace", traceId);
    if (statusCode)
        parts << QStringLiteral("code:%1").arg(*statusCode);
    if (errorsOnly)
        parts << QStringLiteral("status:error");
    if (okOnly)
        parts << QStringLiteral("status:ok");
    if (!text.empty())
        parts << QString::fromStdString(text);
    return parts.join(u' ');
}

} // namespace tracedeck

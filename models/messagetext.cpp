#include "messagetext.h"

namespace tracedeck {

namespace {

QString text(const nlohmann::json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return {};
    return QString::fromStdString(value.dump());
}

QString messageText(const nlohmann::json &m)
{
    QString out = text(m.value("content", nlohmann::json()));
    if (const auto calls = m.find("tool_calls"); calls != m.end() && calls->is_array()) {
        for (const auto &call : *calls) {
            if (!out.isEmpty())
                out += u'\n';
            out += QStringLiteral("\u2192 ") + text(call.value("name", nlohmann::json())) + u'(' +
                   text(call.value("arguments", nlohmann::json())) + u')';
        }
    }
    return out;
}

QString blocks(const Span &span, bool output)
{
    QString out;
    const nlohmann::json &messages = span.fields.messages;
    if (!messages.is_array())
        return out;
    for (const auto &m : messages) {
        if (!m.is_object() || m.value("output", false) != output)
            continue;
        if (!out.isEmpty())
            out += QStringLiteral("\n\n");
        out += text(m.value("role", nlohmann::json())) + u':';
        if (const auto id = m.find("tool_call_id"); id != m.end() && id->is_string())
            out += QStringLiteral(" [") + text(*id) + u']';
        out += u'\n' + messageText(m);
    }
    return out;
}

} // namespace

QString MessageText::input(const Span &span)
{
    return blocks(span, false);
}

QString MessageText::output(const Span &span)
{
    return blocks(span, true);
}

QString MessageText::finalAnswer(const Span &span)
{
    const nlohmann::json &messages = span.fields.messages;
    if (!messages.is_array())
        return {};
    for (auto it = messages.rbegin(); it != messages.rend(); ++it) {
        if (it->is_object() && it->value("output", false)) {
            const QString t = messageText(*it);
            if (!t.isEmpty())
                return t;
        }
    }
    return {};
}

} // namespace tracedeck

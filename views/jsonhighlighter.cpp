#include "jsonhighlighter.h"

namespace tracedeck {

JsonHighlighter::JsonHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    // One pass over the line: a string (a key when a colon follows), a number, or a literal.
    , m_token(QStringLiteral("(\"(?:[^\"\\\\]|\\\\.)*\")(\\s*:)?"
                             "|(-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)"
                             "|\\b(true|false|null)\\b"))
{
    updateFormats();
}

void JsonHighlighter::setDarkBackground(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    updateFormats();
    rehighlight();
}

void JsonHighlighter::updateFormats()
{
    // Light: deep hues on white. Dark: soft hues on near-black. Each pair keeps a contrast ratio above 4.5.
    m_key.setForeground(m_dark ? QColor(0x9c, 0xdc, 0xfe) : QColor(0x0b, 0x45, 0x8c));
    m_key.setFontWeight(QFont::DemiBold);
    m_string.setForeground(m_dark ? QColor(0xce, 0x91, 0x78) : QColor(0xa3, 0x15, 0x15));
    m_number.setForeground(m_dark ? QColor(0xb5, 0xce, 0xa8) : QColor(0x09, 0x86, 0x58));
    m_literal.setForeground(m_dark ? QColor(0xc5, 0x86, 0xc0) : QColor(0x80, 0x00, 0x80));
    m_literal.setFontWeight(QFont::DemiBold);
}

void JsonHighlighter::highlightBlock(const QString &text)
{
    auto it = m_token.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedLength(1) > 0) {
            const bool isKey = m.capturedLength(2) > 0;
            setFormat(int(m.capturedStart(1)), int(m.capturedLength(1)), isKey ? m_key : m_string);
        } else if (m.capturedLength(3) > 0) {
            setFormat(int(m.capturedStart(3)), int(m.capturedLength(3)), m_number);
        } else if (m.capturedLength(4) > 0) {
            setFormat(int(m.capturedStart(4)), int(m.capturedLength(4)), m_literal);
        }
    }
}

} // namespace tracedeck

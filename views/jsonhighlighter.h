#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace tracedeck {

// Colours pretty-printed JSON: keys, strings, numbers and the literals true/false/null. The colours are
// picked for the palette's base colour so they stay readable on light and dark backgrounds.
class JsonHighlighter : public QSyntaxHighlighter {
    Q_OBJECT
public:
    explicit JsonHighlighter(QTextDocument *document);

    // Picks the light- or dark-background colour set; rehighlights when it changes.
    void setDarkBackground(bool dark);
    bool isDarkBackground() const { return m_dark; }

    QTextCharFormat keyFormat() const { return m_key; }
    QTextCharFormat stringFormat() const { return m_string; }
    QTextCharFormat numberFormat() const { return m_number; }
    QTextCharFormat literalFormat() const { return m_literal; }

protected:
    void highlightBlock(const QString &text) override;

private:
    void updateFormats();

    bool m_dark = false;
    QRegularExpression m_token;
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_literal;
};

} // namespace tracedeck

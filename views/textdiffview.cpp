#include "textdiffview.h"

#include "worddiff.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollBar>
#include <QTextEdit>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

int countWords(const QString &text)
{
    int words = 0;
    for (const QString &t : WordDiff::tokens(text)) {
        if (!t.front().isSpace())
            ++words;
    }
    return words;
}

QString html(const QString &text)
{
    QString escaped = text.toHtmlEscaped();
    escaped.replace(u'\n', QStringLiteral("<br>"));
    return escaped;
}

// One side of the diff of a section: common text plain, this side's own words highlighted.
QString sideHtml(const std::vector<DiffSegment> &segments, DiffSegment::Op own, int *changedWords)
{
    QString out;
    for (const DiffSegment &s : segments) {
        if (s.op == DiffSegment::Common) {
            out += html(s.text);
        } else if (s.op == own) {
            *changedWords += countWords(s.text);
            out += own == DiffSegment::Removed
                       ? QStringLiteral("<span style=\"background-color:#ffd2cf; color:#8a1010; "
                                        "text-decoration:line-through\">")
                       : QStringLiteral("<span style=\"background-color:#c8f0d0; color:#0d5a1d\">");
            out += html(s.text) + QStringLiteral("</span>");
        }
    }
    return out;
}

QString section(const QString &title, const QString &body)
{
    return QStringLiteral("<p style=\"margin-top:6px; margin-bottom:2px\"><b>") + title.toHtmlEscaped() +
           QStringLiteral("</b></p><p style=\"white-space:pre-wrap; font-family:monospace\">") +
           (body.isEmpty() ? QStringLiteral("<i>(none)</i>") : body) + QStringLiteral("</p>");
}

QTextEdit *makeEdit()
{
    auto *edit = new QTextEdit;
    edit->setReadOnly(true);
    edit->setLineWrapMode(QTextEdit::WidgetWidth);
    edit->setMinimumWidth(200);
    return edit;
}

} // namespace

TextDiffView::TextDiffView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_left(makeEdit())
    , m_right(makeEdit())
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_title->setWordWrap(true);
    m_title->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_title);
    auto *sides = new QHBoxLayout;
    sides->setSpacing(4);
    sides->addWidget(m_left);
    sides->addWidget(m_right);
    layout->addLayout(sides, 1);
    // Scroll together, by fraction: the two sides differ in length.
    auto follow = [this](QTextEdit *from, QTextEdit *to) {
        connect(from->verticalScrollBar(), &QScrollBar::valueChanged, this, [this, from, to](int value) {
            if (m_syncing)
                return;
            m_syncing = true;
            const QScrollBar *a = from->verticalScrollBar();
            QScrollBar *b = to->verticalScrollBar();
            const double fraction = a->maximum() > 0 ? double(value) / a->maximum() : 0.0;
            b->setValue(qRound(fraction * b->maximum()));
            m_syncing = false;
        });
    };
    follow(m_left, m_right);
    follow(m_right, m_left);
    showMessage(tr("Select a matched LLM call to compare its messages word by word."));
}

void TextDiffView::setTexts(const QString &leftInput, const QString &leftOutput, const QString &rightInput,
                            const QString &rightOutput)
{
    setDiffs(WordDiff::diff(leftInput, rightInput), WordDiff::diff(leftOutput, rightOutput));
}

void TextDiffView::setDiffs(const std::vector<DiffSegment> &input, const std::vector<DiffSegment> &output)
{
    m_removedWords = 0;
    m_addedWords = 0;
    const QString left = section(tr("Input (A)"), sideHtml(input, DiffSegment::Removed, &m_removedWords)) +
                         section(tr("Output (A)"), sideHtml(output, DiffSegment::Removed, &m_removedWords));
    const QString right = section(tr("Input (B)"), sideHtml(input, DiffSegment::Added, &m_addedWords)) +
                          section(tr("Output (B)"), sideHtml(output, DiffSegment::Added, &m_addedWords));
    m_left->setHtml(left);
    m_right->setHtml(right);
    m_title->setText(m_removedWords == 0 && m_addedWords == 0
                         ? tr("Messages: identical")
                         : tr("Messages: %n word(s) only in A", nullptr, m_removedWords) +
                               QStringLiteral(" \u00b7 ") +
                               tr("%n word(s) only in B", nullptr, m_addedWords));
}

void TextDiffView::showMessage(const QString &message)
{
    m_removedWords = 0;
    m_addedWords = 0;
    m_left->clear();
    m_right->clear();
    m_title->setText(message);
}

QString TextDiffView::message() const
{
    return m_title->text();
}

} // namespace tracedeck

#pragma once

#include "worddiff.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTextEdit;

namespace tracedeck {

// Two texts side by side with a word-level diff (WordDiff): words only on the left (A) struck through on red,
// words only on the right (B) on green. Shows the input and output messages of a matched pair of LLM calls;
// the two sides scroll together.
class TextDiffView : public QWidget {
    Q_OBJECT
public:
    explicit TextDiffView(QWidget *parent = nullptr);

    void setTexts(const QString &leftInput, const QString &leftOutput, const QString &rightInput,
                  const QString &rightOutput);
    // The same from diffs computed elsewhere (off the GUI thread: long prompts take a while to diff).
    void setDiffs(const std::vector<DiffSegment> &input, const std::vector<DiffSegment> &output);
    // Empties both sides and shows why (no LLM pair selected, loading, an error).
    void showMessage(const QString &message);

    QTextEdit *leftEdit() const { return m_left; }
    QTextEdit *rightEdit() const { return m_right; }
    QString message() const;
    // Words changed on each side in the last setTexts (removed on the left, added on the right).
    int removedWords() const { return m_removedWords; }
    int addedWords() const { return m_addedWords; }

private:
    QLabel *m_title;
    QTextEdit *m_left;
    QTextEdit *m_right;
    bool m_syncing = false;
    int m_removedWords = 0;
    int m_addedWords = 0;
};

} // namespace tracedeck

#pragma once

#include <QWidget>

#include <nlohmann/json.hpp>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace tracedeck {

class JsonHighlighter;
class JsonTreeModel;

// One JSON document as a lazy tree (Key, Value, Type) or as pretty-printed, highlighted text, with a find
// bar (Ctrl+F, Enter for the next match), copy value / copy JSON path and a bounded expand all.
class JsonInspector : public QWidget {
    Q_OBJECT
public:
    // Expand all stops after this many expanded rows or this depth, so a huge document stays responsive.
    static constexpr int kMaxExpandedNodes = 2000;
    static constexpr int kMaxExpandDepth = 16;
    // Above this size the text view is not highlighted (highlighting is per line and would stall).
    static constexpr qsizetype kMaxHighlightedChars = 2 * 1024 * 1024;
    // A new document opens expanded while at most this many rows show, down to this depth.
    static constexpr int kAutoExpandRows = 40;
    static constexpr int kAutoExpandDepth = 4;

    explicit JsonInspector(QWidget *parent = nullptr);
    ~JsonInspector() override;

    void setJson(nlohmann::json json);
    void setJson(std::shared_ptr<const nlohmann::json> json);
    void clear();

    bool isTextMode() const;
    JsonTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QPlainTextEdit *textView() const { return m_text; }
    QLineEdit *findEdit() const { return m_findEdit; }
    QAction *copyValueAction() const { return m_copyValue; }
    QAction *copyPathAction() const { return m_copyPath; }
    QAction *expandAllAction() const { return m_expandAll; }
    QAction *collapseAllAction() const { return m_collapseAll; }

public Q_SLOTS:
    void setTextMode(bool text);
    void showFindBar();
    void hideFindBar();
    // Selects the next match after the current row (tree) or cursor (text); false when nothing matches.
    bool findNext();
    void copyValue();
    void copyPath();
    // Expands breadth first up to kMaxExpandedNodes rows and kMaxExpandDepth levels; returns how many.
    int expandAll();
    void collapseAll();

Q_SIGNALS:
    void textModeChanged(bool text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void autoExpand();
    void ensureText();
    void updateHighlighterPalette();
    void setStatus(const QString &text);

    JsonTreeModel *m_model;
    QTreeView *m_tree;
    QPlainTextEdit *m_text;
    JsonHighlighter *m_highlighter;
    QStackedWidget *m_stack;
    QToolButton *m_treeButton;
    QToolButton *m_textButton;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_status;
    QAction *m_copyValue;
    QAction *m_copyPath;
    QAction *m_expandAll;
    QAction *m_collapseAll;
    QString m_textNote;
    bool m_textDirty = true;
};

} // namespace tracedeck

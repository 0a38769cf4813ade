#include "jsoninspector.h"
#include "jsonhighlighter.h"
#include "jsontreemodel.h"

#include <QAction>
#include <QButtonGroup>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

#include <deque>
#include <utility>

namespace tracedeck {

namespace {

// Replaces every string holding a JSON object or array by its parsed value; true when any was.
bool expandEmbeddedJson(nlohmann::json &value)
{
    if (value.is_string()) {
        nlohmann::json parsed;
        if (!JsonTreeModel::parseEmbeddedJson(value.get_ref<const std::string &>(), parsed))
            return false;
        value = std::move(parsed);
        expandEmbeddedJson(value);
        return true;
    }
    bool changed = false;
    if (value.is_structured()) {
        for (nlohmann::json &element : value)
            changed = expandEmbeddedJson(element) || changed;
    }
    return changed;
}

} // namespace

JsonInspector::JsonInspector(QWidget *parent)
    : QWidget(parent)
    , m_model(new JsonTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_text(new QPlainTextEdit(this))
    , m_highlighter(new JsonHighlighter(m_text->document()))
    , m_stack(new QStackedWidget(this))
    , m_treeButton(new QToolButton(this))
    , m_textButton(new QToolButton(this))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_status(new QLabel(this))
{
    m_tree->setObjectName(QStringLiteral("jsonTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::KeyColumn, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::ValueColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(JsonTreeModel::TypeColumn, QHeaderView::Interactive);
    m_tree->header()->resizeSection(JsonTreeModel::KeyColumn, 190);
    m_tree->header()->resizeSection(JsonTreeModel::TypeColumn, 96);

    m_text->setObjectName(QStringLiteral("jsonText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);

    m_stack->addWidget(m_tree);
    m_stack->addWidget(m_text);

    // Tree / Text toggle, a status line and the find button.
    m_treeButton->setText(tr("Tree"));
    m_textButton->setText(tr("Text"));
    m_treeButton->setObjectName(QStringLiteral("treeModeButton"));
    m_textButton->setObjectName(QStringLiteral("textModeButton"));
    m_textButton->setToolTip(tr("Show the document as pretty-printed JSON"));
    auto *modes = new QButtonGroup(this);
    for (QToolButton *b : {m_treeButton, m_textButton}) {
        b->setCheckable(true);
        b->setAutoRaise(true);
        modes->addButton(b);
    }
    m_treeButton->setChecked(true);
    connect(m_textButton, &QToolButton::toggled, this, &JsonInspector::setTextMode);

    auto *findButton = new QToolButton(this);
    findButton->setText(tr("Find"));
    findButton->setAutoRaise(true);
    findButton->setToolTip(tr("Find in keys and values (Ctrl+F)"));
    connect(findButton, &QToolButton::clicked, this, &JsonInspector::showFindBar);

    m_status->setObjectName(QStringLiteral("jsonStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->setSpacing(2);
    bar->addWidget(m_treeButton);
    bar->addWidget(m_textButton);
    bar->addSpacing(8);
    bar->addWidget(m_status, 1);
    bar->addWidget(findButton);

    // The find bar, hidden until Ctrl+F.
    m_findBar->setObjectName(QStringLiteral("findBar"));
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find in keys and values"));
    m_findEdit->setClearButtonEnabled(true);
    auto *nextButton = new QToolButton(m_findBar);
    nextButton->setText(tr("Next"));
    nextButton->setToolTip(tr("Next match (Enter)"));
    auto *closeButton = new QToolButton(m_findBar);
    closeButton->setText(QStringLiteral("\u2715"));
    closeButton->setAutoRaise(true);
    closeButton->setToolTip(tr("Close (Esc)"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(0, 0, 0, 0);
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(nextButton);
    findLayout->addWidget(closeButton);
    m_findBar->hide();
    connect(m_findEdit, &QLineEdit::returnPressed, this, &JsonInspector::findNext);
    connect(nextButton, &QToolButton::clicked, this, &JsonInspector::findNext);
    connect(closeButton, &QToolButton::clicked, this, &JsonInspector::hideFindBar);
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] { setStatus(QString()); });

    auto *escape = new QAction(m_findBar);
    escape->setShortcut(Qt::Key_Escape);
    escape->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(escape, &QAction::triggered, this, &JsonInspector::hideFindBar);
    m_findBar->addAction(escape);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_findBar);
    layout->addWidget(m_stack, 1);

    // Actions: shortcuts while focus is anywhere in the inspector, and the tree's context menu.
    const auto makeAction = [this](const QString &text, const QKeySequence &key, auto slot) {
        auto *action = new QAction(text, this);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        return action;
    };
    auto *find = makeAction(tr("Find…"), QKeySequence::Find, &JsonInspector::showFindBar);
    addAction(find);
    m_copyValue = makeAction(tr("Copy Value"), QKeySequence::Copy, &JsonInspector::copyValue);
    m_copyPath = makeAction(tr("Copy JSON Path"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                            &JsonInspector::copyPath);
    m_expandAll = makeAction(tr("Expand All"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                             &JsonInspector::expandAll);
    m_collapseAll = makeAction(tr("Collapse All"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L),
                               &JsonInspector::collapseAll);
    // These act on tree rows, so they live on the tree; in the text view Ctrl+C copies the selection.
    for (QAction *a : {m_copyValue, m_copyPath, m_expandAll, m_collapseAll}) {
        a->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(a);
    }
    connect(m_tree, &QTreeView::customContextMenuRequested, this, [this](const QPoint &pos) {
        const QModelIndex at = m_tree->indexAt(pos);
        if (at.isValid())
            m_tree->setCurrentIndex(at);
        const bool onRow = m_tree->currentIndex().isValid();
        m_copyValue->setEnabled(onRow);
        m_copyPath->setEnabled(onRow);
        QMenu menu(this);
        menu.addAction(m_copyValue);
        menu.addAction(m_copyPath);
        menu.addSeparator();
        menu.addAction(m_expandAll);
        menu.addAction(m_collapseAll);
        menu.exec(m_tree->viewport()->mapToGlobal(pos));
        m_copyValue->setEnabled(true);
        m_copyPath->setEnabled(true);
    });

    updateHighlighterPalette();
}

JsonInspector::~JsonInspector() = default;

void JsonInspector::setJson(nlohmann::json json)
{
    setJson(std::make_shared<const nlohmann::json>(std::move(json)));
}

void JsonInspector::setJson(std::shared_ptr<const nlohmann::json> json)
{
    m_model->setJson(std::move(json));
    m_textDirty = true;
    m_textNote.clear();
    setStatus(QString());
    autoExpand();
    if (isTextMode()) {
        ensureText();
        setStatus(m_textNote);
    }
}

void JsonInspector::autoExpand()
{
    // Open breadth first while the rows shown stay within a screenful, so a small document's first look
    // shows its content rather than "{3}", and a big one opens at its top level.
    std::deque<std::pair<QModelIndex, int>> queue{{QModelIndex(), 0}};
    int visible = m_model->rowCount();
    while (!queue.empty() && visible < kAutoExpandRows) {
        const auto [parent, depth] = queue.front();
        queue.pop_front();
        const int rows = m_model->rowCount(parent);
        for (int row = 0; row < rows && depth < kAutoExpandDepth; ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            const int children = m_model->rowCount(child);
            if (children == 0 || visible + children > kAutoExpandRows)
                continue;
            m_tree->expand(child);
            visible += children;
            queue.emplace_back(child, depth + 1);
        }
    }
}

void JsonInspector::clear()
{
    m_model->clear();
    m_text->clear();
    m_textDirty = false;
    setStatus(QString());
}

bool JsonInspector::isTextMode() const
{
    return m_stack->currentWidget() == m_text;
}

void JsonInspector::setTextMode(bool text)
{
    if (text == isTextMode())
        return;
    if (text)
        ensureText();
    m_stack->setCurrentWidget(text ? static_cast<QWidget *>(m_text) : m_tree);
    const QSignalBlocker blockTree(m_treeButton);
    const QSignalBlocker blockText(m_textButton);
    m_textButton->setChecked(text);
    m_treeButton->setChecked(!text);
    setStatus(text ? m_textNote : QString());
    Q_EMIT textModeChanged(text);
}

void JsonInspector::ensureText()
{
    if (!m_textDirty)
        return;
    m_textDirty = false;
    QString text;
    m_textNote.clear();
    if (const auto doc = m_model->document()) {
        // Strings holding JSON read as JSON here too, as in the tree; the note says so.
        nlohmann::json shown = *doc;
        if (expandEmbeddedJson(shown))
            m_textNote = tr("Strings holding JSON are shown parsed");
        text = QString::fromStdString(shown.dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    // Highlighting runs over every line on setPlainText; skip it for huge documents.
    m_highlighter->setDocument(text.size() <= kMaxHighlightedChars ? m_text->document() : nullptr);
    m_text->setPlainText(text);
}

void JsonInspector::showFindBar()
{
    m_findBar->show();
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
}

void JsonInspector::hideFindBar()
{
    m_findBar->hide();
    setStatus(QString());
    if (isTextMode())
        m_text->setFocus();
    else
        m_tree->setFocus();
}

bool JsonInspector::findNext()
{
    const QString needle = m_findEdit->text();
    if (needle.isEmpty())
        return false;
    if (isTextMode()) {
        if (!m_text->find(needle)) {
            QTextCursor start = m_text->textCursor();
            start.movePosition(QTextCursor::Start);
            m_text->setTextCursor(start);
            if (!m_text->find(needle)) {
                setStatus(tr("No match"));
                return false;
            }
        }
        setStatus(m_textNote);
        return true;
    }
    const QModelIndex hit = m_model->find(needle, m_tree->currentIndex().siblingAtColumn(0));
    if (!hit.isValid()) {
        setStatus(tr("No match"));
        return false;
    }
    QModelIndexList ancestors;
    for (QModelIndex p = hit.parent(); p.isValid(); p = p.parent())
        ancestors.prepend(p);
    for (const QModelIndex &p : std::as_const(ancestors))
        m_tree->expand(p);
    m_tree->setCurrentIndex(hit);
    m_tree->scrollTo(hit);
    setStatus(QString());
    return true;
}

void JsonInspector::copyValue()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(m_model->valueText(current));
}

void JsonInspector::copyPath()
{
    const QModelIndex current = m_tree->currentIndex();
    if (current.isValid())
        QGuiApplication::clipboard()->setText(m_model->jsonPath(current));
}

int JsonInspector::expandAll()
{
    // Breadth first, so a cut-off leaves the upper levels fully open rather than one deep branch.
    std::deque<std::pair<QModelIndex, int>> queue{{QModelIndex(), 0}};
    int expanded = 0;
    bool cut = false;
    m_tree->setUpdatesEnabled(false);
    while (!queue.empty()) {
        const auto [parent, depth] = queue.front();
        queue.pop_front();
        const int rows = m_model->rowCount(parent);
        for (int row = 0; row < rows; ++row) {
            const QModelIndex child = m_model->index(row, 0, parent);
            if (!m_model->hasChildren(child))
                continue;
            if (expanded >= kMaxExpandedNodes || depth >= kMaxExpandDepth) {
                cut = true;
                break;
            }
            m_tree->expand(child);
            ++expanded;
            queue.emplace_back(child, depth + 1);
        }
        if (expanded >= kMaxExpandedNodes && cut)
            break;
    }
    m_tree->setUpdatesEnabled(true);
    setStatus(cut ? tr("Expanded the first %1 nodes").arg(expanded) : QString());
    return expanded;
}

void JsonInspector::collapseAll()
{
    m_tree->collapseAll();
    setStatus(QString());
}

void JsonInspector::setStatus(const QString &text)
{
    m_status->setText(text);
}

void JsonInspector::updateHighlighterPalette()
{
    m_highlighter->setDarkBackground(palette().color(QPalette::Base).lightness() < 128);
}

void JsonInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateHighlighterPalette();
    QWidget::changeEvent(event);
}

} // namespace tracedeck

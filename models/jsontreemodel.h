#pragma once

#include <QAbstractItemModel>

#include <nlohmann/json.hpp>

#include <memory>

namespace tracedeck {

// A tree over one JSON document with the columns Key, Value and Type. Nodes are created only when a view
// (or find) first asks for them, so opening a multi-megabyte body costs as much as its top level. A string
// that holds JSON is shown as the parsed sub-tree ("string (JSON)"), parsed the first time it is looked at.
class JsonTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { KeyColumn = 0, ValueColumn, TypeColumn, ColumnCount };
    enum Role {
        FullTextRole = Qt::UserRole + 1, // the whole value text, never elided
        JsonPathRole,                    // jsonPath() of the row
        IsEmbeddedJsonRole,              // true for a string shown as a parsed JSON sub-tree
    };
    // Value column display text is cut at this many characters; tooltips at kMaxToolTipChars.
    static constexpr int kMaxDisplayChars = 160;
    static constexpr int kMaxToolTipChars = 4000;

    explicit JsonTreeModel(QObject *parent = nullptr);
    ~JsonTreeModel() override;

    void setJson(nlohmann::json json);
    void setJson(std::shared_ptr<const nlohmann::json> json);
    std::shared_ptr<const nlohmann::json> document() const { return m_document; }
    void clear();

    // "$.attributes[\"gen_ai.input.messages\"][0].content": names that are not identifiers are
    // bracket-quoted; the path continues into strings that hold JSON.
    QString jsonPath(const QModelIndex &index) const;
    // A scalar's text (strings unquoted), or the compact JSON of an object or array.
    QString valueText(const QModelIndex &index) const;
    // The next row after `from` (depth first, wrapping around) whose key or value contains `text`
    // (case-insensitive). Searches rows no view has opened yet. Returns an invalid index when none match.
    QModelIndex find(const QString &text, const QModelIndex &from = QModelIndex()) const;

    // True and `out` set when `text` holds a JSON object or array (the test the model shows sub-trees by).
    static bool parseEmbeddedJson(const std::string &text, nlohmann::json &out);

    // How many rows the model has materialised; lets tests check that it stays lazy.
    qsizetype createdNodeCount() const { return m_createdNodes; }

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    struct Node;

    Node *nodeOf(const QModelIndex &index) const;
    const nlohmann::json *containerOf(Node *node) const;
    int childCountOf(Node *node) const;
    void buildChildren(Node *node) const;
    Node *nextInPreOrder(Node *node) const;
    bool matches(Node *node, const QString &text) const;
    QModelIndex indexOf(Node *node, int column) const;

    std::shared_ptr<const nlohmann::json> m_document;
    std::unique_ptr<Node> m_root;
    mutable qsizetype m_createdNodes = 0;
};

} // namespace tracedeck

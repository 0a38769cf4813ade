#include "jsontreemodel.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tracedeck {

using nlohmann::json;

struct JsonTreeModel::Node {
    enum class Embedded : std::uint8_t { Unknown, No, Yes };

    const json *value = nullptr;
    Node *parent = nullptr;
    int row = 0;
    const std::string *key = nullptr; // member name when the parent is an object
    bool arrayElement = false;
    bool childrenBuilt = false;
    Embedded embedded = Embedded::Unknown;
    std::unique_ptr<json> parsed; // the document a JSON-holding string parses to
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

constexpr std::string_view kWhitespace = " \t\r\n";

// Only strings that look like a JSON object or array are worth a parse attempt.
bool looksLikeJson(const std::string &s)
{
    const auto first = s.find_first_not_of(kWhitespace);
    const auto last = s.find_last_not_of(kWhitespace);
    if (first == std::string::npos || last <= first)
        return false;
    return (s[first] == '{' && s[last] == '}') || (s[first] == '[' && s[last] == ']');
}

bool isIdentifier(const std::string &key)
{
    if (key.empty())
        return false;
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
    if (!alpha(key.front()))
        return false;
    return std::all_of(key.begin(), key.end(), [&](char c) { return alpha(c) || (c >= '0' && c <= '9'); });
}

QString compactJson(const json &value)
{
    return QString::fromStdString(value.dump(-1, ' ', false, json::error_handler_t::replace));
}

// The first `maxChars` characters of a possibly huge UTF-8 string, without converting all of it.
QString leadingText(const std::string &s, int maxChars, bool *elided)
{
    // Every code point takes at most 4 bytes, so this prefix holds at least maxChars whole characters.
    const auto bytes = std::min(s.size(), std::size_t(maxChars) * 4);
    QString text = QString::fromUtf8(s.data(), qsizetype(bytes));
    *elided = bytes < s.size() || text.size() > maxChars;
    if (text.size() > maxChars)
        text.truncate(maxChars);
    return text;
}

QString elide(const std::string &s, int maxChars, bool singleLine)
{
    bool elided = false;
    QString text = leadingText(s, maxChars, &elided);
    if (singleLine) {
        text.replace(QLatin1String("\r\n"), QStringLiteral("\u21b5 "));
        text.replace(QLatin1Char('\n'), QStringLiteral("\u21b5 "));
        text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    }
    if (elided)
        text += QChar(0x2026);
    return text;
}

} // namespace

JsonTreeModel::JsonTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

JsonTreeModel::~JsonTreeModel() = default;

void JsonTreeModel::setJson(nlohmann::json json)
{
    setJson(std::make_shared<const nlohmann::json>(std::move(json)));
}

void JsonTreeModel::setJson(std::shared_ptr<const nlohmann::json> json)
{
    beginResetModel();
    m_root.reset();
    m_document = std::move(json);
    m_createdNodes = 0;
    if (m_document) {
        m_root = std::make_unique<Node>();
        m_root->value = m_document.get();
    }
    endResetModel();
}

void JsonTreeModel::clear()
{
    setJson(std::shared_ptr<const nlohmann::json>());
}

bool JsonTreeModel::parseEmbeddedJson(const std::string &text, nlohmann::json &out)
{
    if (!looksLikeJson(text))
        return false;
    json parsed = json::parse(text, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_structured())
        return false;
    out = std::move(parsed);
    return true;
}

JsonTreeModel::Node *JsonTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

// What a node's children are read from: itself for objects and arrays, the parsed document for a string
// holding JSON, nothing for other scalars.
const json *JsonTreeModel::containerOf(Node *node) const
{
    const json *v = node->value;
    if (v->is_object() || v->is_array())
        return v;
    if (!v->is_string() || node == m_root.get())
        return nullptr;
    if (node->embedded == Node::Embedded::Unknown) {
        node->embedded = Node::Embedded::No;
        json parsed;
        if (parseEmbeddedJson(v->get_ref<const std::string &>(), parsed)) {
            node->parsed = std::make_unique<json>(std::move(parsed));
            node->embedded = Node::Embedded::Yes;
        }
    }
    return node->parsed.get();
}

int JsonTreeModel::childCountOf(Node *node) const
{
    if (node == m_root.get() && !node->value->is_structured())
        return node->value->is_null() ? 0 : 1; // a scalar document is shown as one row
    const json *c = containerOf(node);
    return c ? int(c->size()) : 0;
}

void JsonTreeModel::buildChildren(Node *node) const
{
    if (node->childrenBuilt)
        return;
    node->childrenBuilt = true;
    const auto add = [&](const json *value, const std::string *key, bool arrayElement) {
        auto child = std::make_unique<Node>();
        child->value = value;
        child->parent = node;
        child->row = int(node->children.size());
        child->key = key;
        child->arrayElement = arrayElement;
        node->children.push_back(std::move(child));
        ++m_createdNodes;
    };
    if (node == m_root.get() && !node->value->is_structured()) {
        if (!node->value->is_null())
            add(node->value, nullptr, false);
        return;
    }
    const json *c = containerOf(node);
    if (!c)
        return;
    node->children.reserve(c->size());
    if (c->is_object()) {
        for (auto it = c->begin(); it != c->end(); ++it)
            add(&*it, &it.key(), false);
    } else {
        for (const json &element : *c)
            add(&element, nullptr, true);
    }
}

QModelIndex JsonTreeModel::indexOf(Node *node, int column) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, column, node);
}

QModelIndex JsonTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!m_root || !hasIndex(row, column, parent))
        return {};
    Node *p = nodeOf(parent);
    buildChildren(p);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex JsonTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent, KeyColumn);
}

int JsonTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!m_root || parent.column() > 0)
        return 0;
    return childCountOf(nodeOf(parent));
}

int JsonTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool JsonTreeModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

QVariant JsonTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    Node *node = nodeOf(index);
    const json &v = *node->value;
    const bool embedded = v.is_string() && containerOf(node) != nullptr;

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case KeyColumn:
            if (node->key)
                return QString::fromStdString(*node->key);
            return node->arrayElement ? QString::number(node->row) : QStringLiteral("$");
        case ValueColumn:
            if (v.is_object())
                return QStringLiteral("{%1}").arg(v.size());
            if (v.is_array())
                return QStringLiteral("[%1]").arg(v.size());
            if (v.is_string())
                return elide(v.get_ref<const std::string &>(), kMaxDisplayChars, true);
            return compactJson(v);
        case TypeColumn:
            switch (v.type()) {
            case json::value_t::object:
                return tr("object");
            case json::value_t::array:
                return tr("array");
            case json::value_t::string:
                return embedded ? tr("string (JSON)") : tr("string");
            case json::value_t::boolean:
                return tr("boolean");
            case json::value_t::null:
                return tr("null");
            case json::value_t::number_integer:
            case json::value_t::number_unsigned:
                return tr("integer");
            case json::value_t::number_float:
                return tr("number");
            default:
                return tr("binary");
            }
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == KeyColumn)
            return jsonPath(index);
        if (index.column() == ValueColumn && v.is_string())
            return elide(v.get_ref<const std::string &>(), kMaxToolTipChars, false);
        return {};
    case FullTextRole:
        return valueText(index);
    case JsonPathRole:
        return jsonPath(index);
    case IsEmbeddedJsonRole:
        return embedded;
    default:
        return {};
    }
}

QVariant JsonTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case ValueColumn:
        return tr("Value");
    case TypeColumn:
        return tr("Type");
    default:
        return {};
    }
}

Qt::ItemFlags JsonTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QString JsonTreeModel::jsonPath(const QModelIndex &index) const
{
    if (!index.isValid())
        return QStringLiteral("$");
    std::vector<const Node *> chain;
    for (const Node *n = nodeOf(index); n && n != m_root.get(); n = n->parent)
        chain.push_back(n);
    QString path = QStringLiteral("$");
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        const Node *n = *it;
        if (n->arrayElement) {
            path += QLatin1Char('[') + QString::number(n->row) + QLatin1Char(']');
        } else if (n->key && isIdentifier(*n->key)) {
            path += QLatin1Char('.') + QString::fromStdString(*n->key);
        } else if (n->key) {
            QString key = QString::fromStdString(*n->key);
            key.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
            key.replace(QLatin1Char('"'), QLatin1String("\\\""));
            path += QLatin1String("[\"") + key + QLatin1String("\"]");
        }
    }
    return path;
}

QString JsonTreeModel::valueText(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_document ? compactJson(*m_document) : QString();
    const json &v = *nodeOf(index)->value;
    if (v.is_string())
        return QString::fromStdString(v.get_ref<const std::string &>());
    return compactJson(v);
}

JsonTreeModel::Node *JsonTreeModel::nextInPreOrder(Node *node) const
{
    if (childCountOf(node) > 0) {
        buildChildren(node);
        return node->children.front().get();
    }
    for (Node *n = node; n->parent; n = n->parent) {
        const auto &siblings = n->parent->children;
        if (std::size_t(n->row) + 1 < siblings.size())
            return siblings[std::size_t(n->row) + 1].get();
    }
    return nullptr;
}

bool JsonTreeModel::matches(Node *node, const QString &text) const
{
    if (node->key && QString::fromStdString(*node->key).contains(text, Qt::CaseInsensitive))
        return true;
    const json &v = *node->value;
    if (v.is_structured())
        return false;
    if (v.is_string()) {
        // A string holding JSON is searched through its parsed children instead.
        if (containerOf(node))
            return false;
        return QString::fromStdString(v.get_ref<const std::string &>()).contains(text, Qt::CaseInsensitive);
    }
    return compactJson(v).contains(text, Qt::CaseInsensitive);
}

QModelIndex JsonTreeModel::find(const QString &text, const QModelIndex &from) const
{
    if (!m_root || text.isEmpty())
        return {};
    Node *root = m_root.get();
    Node *start = from.isValid() ? nodeOf(from) : root;
    Node *n = start;
    for (;;) {
        n = nextInPreOrder(n);
        if (!n) {
            if (start == root)
                return {};
            n = root; // wrap around to the first row
            continue;
        }
        if (matches(n, text))
            return indexOf(n, KeyColumn);
        if (n == start)
            return {};
    }
}

} // namespace tracedeck

#include "pricelistmodel.h"

#include <QSet>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace tracedeck {
namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string normalizedName(const std::string &name)
{
    return QString::fromStdString(name).trimmed().toLower().toStdString();
}

QString patternsText(const std::vector<std::string> &patterns)
{
    QStringList list;
    for (const std::string &p : patterns)
        list << qs(p);
    return list.join(QStringLiteral(", "));
}

std::vector<std::string> patternsOf(const QString &text)
{
    std::vector<std::string> patterns;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (const QString p = part.trimmed(); !p.isEmpty())
            patterns.push_back(p.toStdString());
    }
    return patterns;
}

// Prices as people write them: up to 4 decimals, no trailing zeros beyond cents.
QString priceText(double usd)
{
    QString text = QString::number(usd, 'f', 4);
    while (text.endsWith(QLatin1Char('0')) && text.indexOf(QLatin1Char('.')) < text.size() - 3)
        text.chop(1);
    return QStringLiteral("$") + text;
}

} // namespace

PriceListModel::PriceListModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PriceListModel::setRows(std::vector<ModelPrice> rows, std::vector<ModelPrice> builtIn)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_builtIn = std::move(builtIn);
    m_modified = false;
    endResetModel();
}

const ModelPrice *PriceListModel::builtInOf(const std::string &model) const
{
    const std::string name = normalizedName(model);
    for (const ModelPrice &p : m_builtIn) {
        if (p.model == name)
            return &p;
    }
    return nullptr;
}

PriceListModel::RowOrigin PriceListModel::origin(int row) const
{
    const ModelPrice &p = m_rows[size_t(row)];
    const ModelPrice *builtIn = builtInOf(p.model);
    if (!builtIn)
        return RowOrigin::Added;
    ModelPrice normalized = p;
    normalized.model = normalizedName(p.model);
    normalized.provider = QString::fromStdString(p.provider).trimmed().toStdString();
    for (std::string &glob : normalized.patterns)
        glob = normalizedName(glob);
    return normalized == *builtIn ? RowOrigin::BuiltIn : RowOrigin::Changed;
}

QStringList PriceListModel::removedModels() const
{
    QStringList removed;
    for (const ModelPrice &p : m_builtIn) {
        if (std::none_of(m_rows.begin(), m_rows.end(),
                         [&](const ModelPrice &row) { return normalizedName(row.model) == p.model; }))
            removed << qs(p.model);
    }
    return removed;
}

void PriceListModel::changed()
{
    m_modified = true;
    Q_EMIT edited();
}

int PriceListModel::addRow()
{
    const int row = int(m_rows.size());
    beginInsertRows({}, row, row);
    m_rows.push_back(ModelPrice{});
    endInsertRows();
    changed();
    return row;
}

void PriceListModel::removeModelRow(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    changed();
}

void PriceListModel::revertRow(int row)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    if (const ModelPrice *builtIn = builtInOf(m_rows[size_t(row)].model)) {
        m_rows[size_t(row)] = *builtIn;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        changed();
    }
}

void PriceListModel::revertAll()
{
    beginResetModel();
    m_rows = m_builtIn;
    endResetModel();
    changed();
}

QString PriceListModel::problem() const
{
    QSet<QString> seen;
    for (size_t i = 0; i < m_rows.size(); ++i) {
        const QString name = QString::fromStdString(m_rows[i].model).trimmed().toLower();
        if (name.isEmpty())
            return tr("row %1 has no model name").arg(i + 1);
        if (seen.contains(name))
            return tr("the model %1 is listed twice").arg(name);
        seen.insert(name);
    }
    return {};
}

int PriceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PriceListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PriceListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const ModelPrice &p = m_rows[size_t(index.row())];
    const auto price = [&](double usd) -> QVariant {
        if (role == Qt::EditRole)
            return usd;
        return priceText(usd);
    };
    if (role == Qt::DisplayRole || role == Qt::EditRole) {
        switch (index.column()) {
        case Model:
            return qs(p.model);
        case Provider:
            return qs(p.provider);
        case Input:
            return price(p.inputPerMillion);
        case Output:
            return price(p.outputPerMillion);
        case CachedInput:
            return price(p.cachedInputPerMillion);
        case Patterns:
            return patternsText(p.patterns);
        case Origin:
            switch (origin(index.row())) {
            case RowOrigin::BuiltIn:
                return tr("built-in");
            case RowOrigin::Changed:
                return tr("changed");
            case RowOrigin::Added:
                return tr("added");
            }
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Input && index.column() <= CachedInput)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole) {
        if (index.column() == Patterns)
            return tr("Other names of this model, comma-separated; '*' matches any run of characters. "
                      "\"<model>-<date or version>\" matches without a pattern.");
        if (index.column() == Origin && origin(index.row()) == RowOrigin::Changed) {
            const ModelPrice *builtIn = builtInOf(p.model);
            return tr("Built-in: input %1, output %2, cached input %3 per 1M tokens")
                .arg(priceText(builtIn->inputPerMillion), priceText(builtIn->outputPerMillion),
                     priceText(builtIn->cachedInputPerMillion));
        }
    }
    return {};
}

bool PriceListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= int(m_rows.size()))
        return false;
    ModelPrice &p = m_rows[size_t(index.row())];
    const auto setPrice = [&](double &field) {
        QString text = value.toString().trimmed();
        if (text.startsWith(QLatin1Char('$')))
            text.remove(0, 1);
        bool ok = false;
        const double usd = text.toDouble(&ok);
        if (!ok || !std::isfinite(usd) || usd < 0)
            return false;
        field = usd;
        return true;
    };
    bool ok = true;
    switch (index.column()) {
    case Model:
        p.model = value.toString().trimmed().toStdString();
        break;
    case Provider:
        p.provider = value.toString().trimmed().toStdString();
        break;
    case Input:
        ok = setPrice(p.inputPerMillion);
        break;
    case Output:
        ok = setPrice(p.outputPerMillion);
        break;
    case CachedInput:
        ok = setPrice(p.cachedInputPerMillion);
        break;
    case Patterns:
        p.patterns = patternsOf(value.toString());
        break;
    default:
        return false;
    }
    if (!ok)
        return false;
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    changed();
    return true;
}

Qt::ItemFlags PriceListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() != Origin)
        f |= Qt::ItemIsEditable;
    return f;
}

QVariant PriceListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Model:
        return tr("Model");
    case Provider:
        return tr("Provider");
    case Input:
        return tr("Input / 1M");
    case Output:
        return tr("Output / 1M");
    case CachedInput:
        return tr("Cached input / 1M");
    case Patterns:
        return tr("Patterns");
    case Origin:
        return tr("Source");
    }
    return {};
}

} // namespace tracedeck

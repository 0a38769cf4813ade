#include "keyadminmodel.h"

#include <QDateTime>

namespace tracedeck {

namespace {

QString when(int64_t ns)
{
    return QDateTime::fromMSecsSinceEpoch(ns / 1'000'000).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString limitsText(const KeyLimits &limits)
{
    QStringList parts;
    if (limits.requestsPerSecond)
        parts << KeyAdminModel::tr("%1 req/s").arg(*limits.requestsPerSecond);
    if (limits.spansPerSecond)
        parts << KeyAdminModel::tr("%1 spans/s").arg(*limits.spansPerSecond);
    if (limits.spansPerDay)
        parts << KeyAdminModel::tr("%1 spans/day").arg(*limits.spansPerDay);
    return parts.isEmpty() ? KeyAdminModel::tr("unlimited") : parts.join(QStringLiteral(", "));
}

} // namespace

KeyAdminModel::KeyAdminModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

KeyAdminModel::~KeyAdminModel() = default;

bool KeyAdminModel::open(const QString &databasePath, QString *error)
{
    std::string openError;
    m_store = KeyStore::open(databasePath.toStdString(), &openError);
    if (!m_store) {
        *error = QString::fromStdString(openError);
        return false;
    }
    reloadWorkspaces();
    reload();
    return true;
}

int KeyAdminModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_keys.size());
}

int KeyAdminModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyAdminModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ApiKeyInfo &key = m_keys[size_t(index.row())];
    if (role == KeyIdRole)
        return qint64(key.id);
    if (role == RevokedRole)
        return key.revoked();
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (Column(index.column())) {
    case Prefix:
        return QString(QString::fromStdString(key.prefix) + QStringLiteral("…"));
    case Label:
        return QString::fromStdString(key.label);
    case Created:
        return when(key.createdNs);
    case Status:
        return key.revoked() ? tr("revoked %1").arg(when(*key.revokedNs)) : tr("active");
    case Limits:
        return limitsText(key.limits);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant KeyAdminModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Prefix:
        return tr("Key");
    case Label:
        return tr("Label");
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case Limits:
        return tr("Limits");
    case ColumnCount:
        break;
    }
    return {};
}

void KeyAdminModel::setWorkspace(const QString &workspace)
{
    m_workspace = workspace;
    reload();
}

void KeyAdminModel::reload()
{
    beginResetModel();
    m_keys.clear();
    if (m_store) {
        std::string error;
        m_keys = m_store->keys(m_workspace.toStdString(), &error);
    }
    endResetModel();
}

void KeyAdminModel::reloadWorkspaces()
{
    std::string error;
    if (m_store)
        m_workspaces = m_store->workspaces(&error);
}

std::optional<QString> KeyAdminModel::createKey(const QString &workspace, const QString &label,
                                                const KeyLimits &limits, QString *error)
{
    if (!m_store) {
        *error = tr("the store is not open");
        return std::nullopt;
    }
    std::string createError;
    const bool newWorkspace = !workspaceInfo(workspace);
    const auto created = m_store->create(workspace.toStdString(), label.toStdString(), limits, &createError);
    if (!created) {
        *error = QString::fromStdString(createError);
        return std::nullopt;
    }
    reload();
    if (newWorkspace) {
        reloadWorkspaces();
        Q_EMIT workspacesChanged();
    }
    return QString::fromStdString(created->key);
}

bool KeyAdminModel::revoke(int row, QString *error)
{
    if (row < 0 || row >= rowCount()) {
        *error = tr("no key selected");
        return false;
    }
    std::string revokeError;
    if (!m_store->revoke(std::to_string(m_keys[size_t(row)].id), &revokeError)) {
        *error = QString::fromStdString(revokeError);
        return false;
    }
    reload();
    return true;
}

QStringList KeyAdminModel::workspaceNames() const
{
    QStringList names;
    for (const WorkspaceInfo &w : m_workspaces)
        names << QString::fromStdString(w.name);
    return names;
}

std::optional<WorkspaceInfo> KeyAdminModel::workspaceInfo(const QString &name) const
{
    for (const WorkspaceInfo &w : m_workspaces)
        if (QString::fromStdString(w.name) == name)
            return w;
    return std::nullopt;
}

bool KeyAdminModel::setWorkspaceSettings(const QString &name, int retentionDays, bool redaction,
                                         QString *error)
{
    std::string setError;
    if (!m_store || !m_store->setWorkspace(name.toStdString(), retentionDays, redaction, &setError)) {
        *error = m_store ? QString::fromStdString(setError) : tr("the store is not open");
        return false;
    }
    reloadWorkspaces();
    Q_EMIT workspacesChanged();
    return true;
}

bool KeyAdminModel::isValidWorkspaceName(const QString &name)
{
    return KeyStore::isValidWorkspaceName(name.toStdString());
}

} // namespace tracedeck

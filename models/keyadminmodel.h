#pragma once

#include "keystore.h"

#include <QAbstractTableModel>

#include <memory>
#include <optional>

namespace tracedeck {

// Workspaces and API keys for the settings dialog: a table of the keys of one workspace (or all), and the
// admin actions. Key admin is rare and small, so it runs on the caller's thread on a connection of its own
// (KeyStore); the listener picks changes up by itself.
class KeyAdminModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Prefix, Label, Created, Status, Limits, ColumnCount };
    enum Role { KeyIdRole = Qt::UserRole + 1, RevokedRole };

    explicit KeyAdminModel(QObject *parent = nullptr);
    ~KeyAdminModel() override;

    bool open(const QString &databasePath, QString *error);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Shows the keys of this workspace; empty: of all.
    void setWorkspace(const QString &workspace);
    QString workspace() const { return m_workspace; }
    void reload();

    // The new key's plaintext (shown once), or nullopt with *error.
    std::optional<QString> createKey(const QString &workspace, const QString &label, const KeyLimits &limits,
                                     QString *error);
    bool revoke(int row, QString *error);

    QStringList workspaceNames() const;
    std::optional<WorkspaceInfo> workspaceInfo(const QString &name) const;
    bool setWorkspaceSettings(const QString &name, int retentionDays, bool redaction, QString *error);
    static bool isValidWorkspaceName(const QString &name);

Q_SIGNALS:
    // A workspace was added or its settings changed.
    void workspacesChanged();

private:
    void reloadWorkspaces();

    std::unique_ptr<KeyStore> m_store;
    QString m_workspace;
    std::vector<ApiKeyInfo> m_keys;
    std::vector<WorkspaceInfo> m_workspaces;
};

} // namespace tracedeck

#pragma once

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QWidget;

namespace tracedeck {

class KeyAdminModel;

// Settings ▸ Workspaces & API keys: pick a workspace, set its retention and redaction, see its keys, create
// one (shown once, with a Copy button) and revoke one (after a confirmation). All data goes through the
// KeyAdminModel.
class WorkspacesDialog : public QDialog {
    Q_OBJECT
public:
    explicit WorkspacesDialog(KeyAdminModel *model, QWidget *parent = nullptr);

    QComboBox *workspaceBox() const { return m_workspace; }
    QTableView *keyTable() const { return m_keys; }
    QLineEdit *labelEdit() const { return m_label; }
    QPushButton *createButton() const { return m_create; }
    QPushButton *revokeButton() const { return m_revoke; }
    QLineEdit *newKeyField() const { return m_newKey; }
    QPushButton *copyButton() const { return m_copy; }
    QSpinBox *retentionBox() const { return m_retention; }
    QCheckBox *redactionBox() const { return m_redaction; }
    QPushButton *applyButton() const { return m_apply; }
    QLabel *messageLabel() const { return m_message; }

    void selectWorkspace(const QString &name);

private:
    void refreshWorkspaces();
    void showWorkspace();
    void createKey();
    void revokeSelected();
    void applySettings();
    void showMessage(const QString &text, bool error);
    void updateButtons();

    KeyAdminModel *m_model;
    QComboBox *m_workspace;
    QSpinBox *m_retention;
    QCheckBox *m_redaction;
    QPushButton *m_apply;
    QTableView *m_keys;
    QLineEdit *m_label;
    QSpinBox *m_requestsPerSecond;
    QSpinBox *m_spansPerSecond;
    QSpinBox *m_spansPerDay;
    QPushButton *m_create;
    QPushButton *m_revoke;
    QWidget *m_newKeyPanel;
    QLineEdit *m_newKey;
    QPushButton *m_copy;
    QLabel *m_message;
};

} // namespace tracedeck

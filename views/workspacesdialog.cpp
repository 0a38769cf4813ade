#include "workspacesdialog.h"

#include "keyadminmodel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

QSpinBox *limitBox(int maximum)
{
    auto *box = new QSpinBox;
    box->setRange(0, maximum);
    box->setSpecialValueText(QObject::tr("unlimited"));
    box->setAccelerated(true);
    return box;
}

} // namespace

WorkspacesDialog::WorkspacesDialog(KeyAdminModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_workspace(new QComboBox)
    , m_retention(new QSpinBox)
    , m_redaction(new QCheckBox(tr("Redact personal data and secrets at ingest")))
    , m_apply(new QPushButton(tr("Apply")))
    , m_keys(new QTableView)
    , m_label(new QLineEdit)
    , m_requestsPerSecond(limitBox(1'000'000))
    , m_spansPerSecond(limitBox(10'000'000))
    , m_spansPerDay(limitBox(2'000'000'000))
    , m_create(new QPushButton(tr("Create Key")))
    , m_revoke(new QPushButton(tr("Revoke…")))
    , m_newKeyPanel(new QWidget)
    , m_newKey(new QLineEdit)
    , m_copy(new QPushButton(tr("Copy")))
    , m_message(new QLabel)
{
    setWindowTitle(tr("Workspaces & API Keys"));
    resize(760, 560);

    m_workspace->setEditable(true);
    m_workspace->setInsertPolicy(QComboBox::NoInsert);
    m_workspace->setToolTip(tr("Pick a workspace, or type a new name and create a key for it"));
    m_retention->setRange(0, 36500);
    m_retention->setSuffix(tr(" days"));
    m_retention->setSpecialValueText(tr("Keep forever"));
    m_retention->setToolTip(tr("Traces are deleted this many days after they were stored or imported"));

    auto *settings = new QGroupBox(tr("Workspace"));
    auto *settingsForm = new QFormLayout(settings);
    settingsForm->addRow(tr("Name:"), m_workspace);
    auto *retentionRow = new QHBoxLayout;
    retentionRow->addWidget(m_retention);
    retentionRow->addStretch(1);
    settingsForm->addRow(tr("Keep traces for:"), retentionRow);
    auto *redactionRow = new QHBoxLayout;
    redactionRow->addWidget(m_redaction, 1);
    redactionRow->addWidget(m_apply);
    settingsForm->addRow(QString(), redactionRow);

    m_keys->setModel(m_model);
    m_keys->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_keys->setSelectionMode(QAbstractItemView::SingleSelection);
    m_keys->verticalHeader()->hide();
    m_keys->horizontalHeader()->setStretchLastSection(true);
    for (int column = 0; column < KeyAdminModel::Limits; ++column)
        m_keys->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_keys->setAlternatingRowColors(true);
    m_keys->setWordWrap(false);

    auto *keys = new QGroupBox(tr("API keys"));
    auto *keysLayout = new QVBoxLayout(keys);
    auto *hint = new QLabel(
        tr("Requests with a key go to its workspace: <code>Authorization: Bearer &lt;key&gt;</code> "
           "(OpenTelemetry: <code>OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&lt;key&gt;"
           "</code>). Requests without a key on loopback go to <b>local</b>."));
    hint->setWordWrap(true);
    hint->setTextFormat(Qt::RichText);
    keysLayout->addWidget(hint);
    keysLayout->addWidget(m_keys, 1);
    auto *revokeRow = new QHBoxLayout;
    revokeRow->addStretch(1);
    revokeRow->addWidget(m_revoke);
    keysLayout->addLayout(revokeRow);

    auto *createForm = new QFormLayout;
    m_label->setPlaceholderText(tr("e.g. laptop, CI, staging"));
    createForm->addRow(tr("Label:"), m_label);
    auto *limitsRow = new QHBoxLayout;
    limitsRow->addWidget(new QLabel(tr("Requests/s")));
    limitsRow->addWidget(m_requestsPerSecond);
    limitsRow->addWidget(new QLabel(tr("Spans/s")));
    limitsRow->addWidget(m_spansPerSecond);
    limitsRow->addWidget(new QLabel(tr("Spans/day")));
    limitsRow->addWidget(m_spansPerDay);
    limitsRow->addStretch(1);
    limitsRow->addWidget(m_create);
    createForm->addRow(tr("Limits:"), limitsRow);
    keysLayout->addLayout(createForm);

    // The new key, shown this once.
    auto *panelLayout = new QVBoxLayout(m_newKeyPanel);
    panelLayout->setContentsMargins(8, 8, 8, 8);
    m_newKeyPanel->setObjectName(QStringLiteral("newKeyPanel"));
    m_newKeyPanel->setStyleSheet(
        // Its own text colour: the light amber panel stays legible under the dark theme too.
        QStringLiteral("#newKeyPanel { background: #fff8e1; border: 1px solid #f0c36d; "
                       "border-radius: 4px; } #newKeyPanel QLabel { color: #3e2c00; }"));
    auto *warning =
        new QLabel(tr("<b>Copy this key now.</b> It will not be shown again: Tracedeck stores only "
                      "its hash."));
    warning->setWordWrap(true);
    panelLayout->addWidget(warning);
    auto *keyRow = new QHBoxLayout;
    m_newKey->setReadOnly(true);
    m_newKey->setFont(QFont(QStringLiteral("monospace")));
    keyRow->addWidget(m_newKey, 1);
    keyRow->addWidget(m_copy);
    panelLayout->addLayout(keyRow);
    m_newKeyPanel->hide();
    keysLayout->addWidget(m_newKeyPanel);

    m_message->setWordWrap(true);
    m_message->hide();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(settings);
    layout->addWidget(keys, 1);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(m_workspace, &QComboBox::currentTextChanged, this, &WorkspacesDialog::showWorkspace);
    connect(m_apply, &QPushButton::clicked, this, &WorkspacesDialog::applySettings);
    connect(m_create, &QPushButton::clicked, this, &WorkspacesDialog::createKey);
    connect(m_revoke, &QPushButton::clicked, this, &WorkspacesDialog::revokeSelected);
    connect(m_copy, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_newKey->text());
        showMessage(tr("The key is on the clipboard."), false);
    });
    connect(m_model, &KeyAdminModel::workspacesChanged, this, &WorkspacesDialog::refreshWorkspaces);
    connect(m_model, &QAbstractItemModel::modelReset, this, &WorkspacesDialog::updateButtons);
    connect(m_keys->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &WorkspacesDialog::updateButtons);
    refreshWorkspaces();
    selectWorkspace(QStringLiteral("local"));
}

void WorkspacesDialog::selectWorkspace(const QString &name)
{
    m_workspace->setCurrentText(name);
    showWorkspace();
}

void WorkspacesDialog::refreshWorkspaces()
{
    const QString current = m_workspace->currentText();
    const QSignalBlocker blocker(m_workspace);
    m_workspace->clear();
    m_workspace->addItems(m_model->workspaceNames());
    m_workspace->setCurrentText(current);
}

void WorkspacesDialog::showWorkspace()
{
    const QString name = m_workspace->currentText().trimmed();
    const auto info = m_model->workspaceInfo(name);
    m_retention->setValue(info ? info->retentionDays : 30);
    m_redaction->setChecked(info ? info->redaction : true);
    m_model->setWorkspace(name);
    m_newKeyPanel->hide();
    m_newKey->clear();
    updateButtons();
}

void WorkspacesDialog::updateButtons()
{
    const QString name = m_workspace->currentText().trimmed();
    const bool valid = KeyAdminModel::isValidWorkspaceName(name);
    m_create->setEnabled(valid);
    m_apply->setEnabled(valid);
    const QModelIndexList rows = m_keys->selectionModel()->selectedRows();
    m_revoke->setEnabled(!rows.isEmpty() && !rows.first().data(KeyAdminModel::RevokedRole).toBool());
}

void WorkspacesDialog::createKey()
{
    const QString workspace = m_workspace->currentText().trimmed();
    KeyLimits limits;
    if (m_requestsPerSecond->value() > 0)
        limits.requestsPerSecond = m_requestsPerSecond->value();
    if (m_spansPerSecond->value() > 0)
        limits.spansPerSecond = m_spansPerSecond->value();
    if (m_spansPerDay->value() > 0)
        limits.spansPerDay = m_spansPerDay->value();
    QString error;
    const auto key = m_model->createKey(workspace, m_label->text().trimmed(), limits, &error);
    if (!key) {
        showMessage(tr("Cannot create the key: %1").arg(error), true);
        return;
    }
    m_newKey->setText(*key);
    m_newKeyPanel->show();
    m_label->clear();
    showMessage(tr("Created a key for workspace %1.").arg(workspace), false);
}

void WorkspacesDialog::revokeSelected()
{
    const QModelIndexList rows = m_keys->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const int row = rows.first().row();
    const QString prefix = m_model->index(row, KeyAdminModel::Prefix).data().toString();
    QMessageBox confirm(QMessageBox::Warning, tr("Revoke API key"),
                        tr("Revoke key %1 of workspace %2?\n\nClients using it get 401 within a second; this "
                           "cannot be undone.")
                            .arg(prefix, m_workspace->currentText()),
                        QMessageBox::Cancel, this);
    QPushButton *revoke = confirm.addButton(tr("Revoke"), QMessageBox::DestructiveRole);
    confirm.setDefaultButton(QMessageBox::Cancel);
    confirm.exec();
    if (confirm.clickedButton() != revoke)
        return;
    QString error;
    if (!m_model->revoke(row, &error))
        showMessage(tr("Cannot revoke the key: %1").arg(error), true);
    else
        showMessage(tr("Revoked key %1.").arg(prefix), false);
}

void WorkspacesDialog::applySettings()
{
    const QString name = m_workspace->currentText().trimmed();
    QString error;
    if (!m_model->setWorkspaceSettings(name, m_retention->value(), m_redaction->isChecked(), &error))
        showMessage(tr("Cannot save the workspace: %1").arg(error), true);
    else
        showMessage(tr("Saved the settings of workspace %1.").arg(name), false);
}

void WorkspacesDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #c62828;") : QStringLiteral("color: #2e7d32;"));
    m_message->show();
}

} // namespace tracedeck

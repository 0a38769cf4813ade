#include "budgetsdialog.h"

#include "budgetadminmodel.h"
#include "thememanager.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace tracedeck {

BudgetsDialog::BudgetsDialog(BudgetAdminModel *model, QWidget *parent)
    : QDialog(parent)
    , m_model(model)
    , m_title(new QLabel)
    , m_table(new QTableView)
    , m_scope(new QComboBox)
    , m_value(new QLineEdit)
    , m_period(new QComboBox)
    , m_limit(new QLineEdit)
    , m_add(new QPushButton(tr("Add")))
    , m_remove(new QPushButton(tr("Remove")))
    , m_message(new QLabel)
{
    setWindowTitle(tr("Budgets"));
    resize(640, 420);
    m_title->setWordWrap(true);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->setAlternatingRowColors(true);

    m_scope->addItem(tr("Whole workspace"), QStringLiteral("workspace"));
    m_scope->addItem(tr("User"), QStringLiteral("user"));
    m_scope->addItem(tr("Model"), QStringLiteral("model"));
    m_period->addItem(tr("Daily"), QStringLiteral("day"));
    m_period->addItem(tr("Monthly"), QStringLiteral("month"));
    m_period->setCurrentIndex(1);
    m_limit->setPlaceholderText(tr("USD, e.g. 25"));
    m_limit->setMaximumWidth(120);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(new QLabel(tr("New budget:")));
    addRow->addWidget(m_scope);
    addRow->addWidget(m_value, 1);
    addRow->addWidget(m_period);
    addRow->addWidget(m_limit);
    addRow->addWidget(m_add);

    auto *removeRow = new QHBoxLayout;
    removeRow->addWidget(
        new QLabel(tr("Double-click a value or limit to change it. Days and months are UTC.")), 1);
    removeRow->addWidget(m_remove);

    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addLayout(removeRow);
    layout->addLayout(addRow);
    layout->addWidget(m_message);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, &BudgetsDialog::addBudget);
    connect(m_limit, &QLineEdit::returnPressed, this, &BudgetsDialog::addBudget);
    connect(m_remove, &QPushButton::clicked, this, &BudgetsDialog::removeSelected);
    connect(m_scope, &QComboBox::currentIndexChanged, this, &BudgetsDialog::scopeChanged);
    connect(m_model, &BudgetAdminModel::editFailed, this,
            [this](const QString &message) { showMessage(message, true); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { m_remove->setEnabled(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_remove->setEnabled(m_table->selectionModel()->hasSelection()); });
    scopeChanged();
    refresh();
}

void BudgetsDialog::refresh()
{
    m_title->setText(
        tr("Spending limits of workspace <b>%1</b>. When a day's or a month's cost reaches a limit, "
           "an entry appears in View ▸ Alerts and a desktop notification is shown.")
            .arg(m_model->workspace().toHtmlEscaped()));
    m_model->reload();
    m_remove->setEnabled(false);
}

void BudgetsDialog::scopeChanged()
{
    const QString scope = m_scope->currentData().toString();
    m_value->setEnabled(scope != QStringLiteral("workspace"));
    m_value->setPlaceholderText(scope == QStringLiteral("user")    ? tr("user id")
                                : scope == QStringLiteral("model") ? tr("model name, e.g. gpt-4o")
                                                                   : tr("(the whole workspace)"));
    if (!m_value->isEnabled())
        m_value->clear();
}

void BudgetsDialog::addBudget()
{
    BudgetDraft draft;
    draft.scope = m_scope->currentData().toString().toStdString();
    draft.value = m_value->isEnabled() ? m_value->text().toStdString() : std::string();
    draft.period = m_period->currentData().toString().toStdString();
    draft.limitUsd = m_limit->text().toStdString();
    QString error;
    if (!m_model->add(draft, &error)) {
        showMessage(error, true);
        return;
    }
    m_value->clear();
    m_limit->clear();
    showMessage(tr("Budget added."), false);
}

void BudgetsDialog::removeSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    QString error;
    if (!m_model->remove(rows.first().row(), &error))
        showMessage(error, true);
    else
        showMessage(tr("Budget removed, with its alerts."), false);
}

void BudgetsDialog::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    const QColor colour = error ? ThemeManager::negative(palette()) : ThemeManager::positive(palette());
    m_message->setStyleSheet(QStringLiteral("color: %1;").arg(colour.name()));
    m_message->setProperty("error", error);
}

} // namespace tracedeck

#include "pricingeditor.h"
#include "pricelistmodel.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace tracedeck {
namespace {

// Prices are typed as numbers: a spin box with the precision list prices need ($0.075, $0.0375).
class PriceDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *spin = new QDoubleSpinBox(parent);
        spin->setDecimals(4);
        spin->setRange(0, 1'000'000);
        spin->setPrefix(QStringLiteral("$"));
        spin->setFrame(false);
        return spin;
    }
    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        static_cast<QDoubleSpinBox *>(editor)->setValue(index.data(Qt::EditRole).toDouble());
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        auto *spin = static_cast<QDoubleSpinBox *>(editor);
        spin->interpretText();
        model->setData(index, spin->value(), Qt::EditRole);
    }
};

} // namespace

PricingEditor::PricingEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new PriceListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_source(new QLabel)
    , m_filter(new QLineEdit)
    , m_table(new QTableView)
    , m_remove(new QPushButton(tr("&Remove")))
    , m_revert(new QPushButton(tr("Re&vert to Built-in")))
    , m_summary(new QLabel)
{
    m_source->setWordWrap(true);
    m_filter->setPlaceholderText(tr("Filter models and providers…"));
    m_filter->setClearButtonEnabled(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::EditRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the table's own order until a header is clicked
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    auto *delegate = new PriceDelegate(m_table);
    for (int column : {PriceListModel::Input, PriceListModel::Output, PriceListModel::CachedInput})
        m_table->setItemDelegateForColumn(column, delegate);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(PriceListModel::Patterns, QHeaderView::Stretch);

    auto *add = new QPushButton(tr("&Add Model"));
    auto *revertAll = new QPushButton(tr("Revert &All"));
    revertAll->setToolTip(tr("Every price back to the built-in table; added models are removed"));
    m_revert->setToolTip(tr("The selected models back to their built-in prices"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_revert);
    buttons->addWidget(revertAll);
    buttons->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_source);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_summary);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(add, &QPushButton::clicked, this, &PricingEditor::addModel);
    connect(m_remove, &QPushButton::clicked, this, &PricingEditor::removeSelected);
    connect(m_revert, &QPushButton::clicked, this, &PricingEditor::revertSelected);
    connect(revertAll, &QPushButton::clicked, m_model, &PriceListModel::revertAll);
    connect(m_model, &PriceListModel::edited, this, &PricingEditor::updateState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &PricingEditor::updateState);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &PricingEditor::updateState);
    updateState();
}

void PricingEditor::setSource(const QString &builtInDate, const QString &overridesPath)
{
    m_source->setText(
        tr("Prices in USD per 1M tokens; cached input tokens are a part of input tokens and are "
           "priced once, at the cached price. Built-in table of %1; your changes are kept in %2. "
           "Saving prices again every cost Tracedeck computed (costs sent by clients stay as "
           "they are).")
            .arg(builtInDate, overridesPath));
}

int PricingEditor::sourceRow(const QModelIndex &proxyIndex) const
{
    return m_proxy->mapToSource(proxyIndex).row();
}

void PricingEditor::addModel()
{
    m_filter->clear();
    const int row = m_model->addRow();
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, PriceListModel::Model));
    m_table->scrollTo(index);
    m_table->setCurrentIndex(index);
    m_table->edit(index);
}

void PricingEditor::removeSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << sourceRow(index);
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (int row : rows)
        m_model->removeModelRow(row);
}

void PricingEditor::revertSelected()
{
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        m_model->revertRow(sourceRow(index));
}

QString PricingEditor::summaryText() const
{
    return m_summary->text();
}

void PricingEditor::updateState()
{
    int changed = 0;
    int added = 0;
    bool revertable = false;
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const auto origin = m_model->origin(row);
        changed += origin == PriceListModel::RowOrigin::Changed;
        added += origin == PriceListModel::RowOrigin::Added;
    }
    for (const QModelIndex &index : selected)
        revertable |= m_model->origin(sourceRow(index)) == PriceListModel::RowOrigin::Changed;
    m_remove->setEnabled(!selected.isEmpty());
    m_revert->setEnabled(revertable);
    const int removed = int(m_model->removedModels().size());
    QString text;
    if (changed + added + removed == 0)
        text = tr("Models: %1, all at the built-in prices.").arg(m_model->rowCount());
    else
        text = tr("Models: %1; changed: %2, added: %3, built-in removed: %4.")
                   .arg(m_model->rowCount())
                   .arg(changed)
                   .arg(added)
                   .arg(removed);
    if (const QString problem = m_model->problem(); !problem.isEmpty())
        text += QLatin1Char(' ') + tr("Cannot save: %1.").arg(problem);
    m_summary->setText(text);
}

} // namespace tracedeck

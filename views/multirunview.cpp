#include "multirunview.h"
#include "thememanager.h"

#include "multirunmodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace tracedeck {

namespace {

class FigureDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(MultiRunModel::BestRole).toBool())
            option->font.setBold(true);
        if (index.data(MultiRunModel::ErrorRole).toBool() && !(option->state & QStyle::State_Selected))
            option->palette.setColor(QPalette::Text, ThemeManager::negative(option->palette));
    }
};

} // namespace

MultiRunView::MultiRunView(QWidget *parent)
    : QWidget(parent)
    , m_model(new MultiRunModel(this))
    , m_title(new QLabel)
    , m_table(new QTableView)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    m_table->setModel(m_model);
    m_table->setItemDelegate(new FigureDelegate(m_table));
    m_table->setWordWrap(true);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setMinimumSectionSize(160);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
}

void MultiRunView::setRuns(std::vector<RunSummary> runs)
{
    const int n = static_cast<int>(runs.size());
    m_model->setRuns(std::move(runs));
    m_title->setText(
        tr("%n run(s) side by side; the best figure of each row in bold. Hover a final answer to "
           "read it whole.",
           nullptr, n));
    m_table->resizeRowsToContents();
    // The answer row gets room for a few lines, no more.
    const int answerRow = MultiRunModel::AnswerFigure;
    if (m_model->rowCount() > answerRow)
        m_table->setRowHeight(answerRow,
                              std::min(m_table->rowHeight(answerRow), fontMetrics().height() * 5 + 8));
}

} // namespace tracedeck

#include "tracelistview.h"

#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace tracedeck {

namespace {

constexpr int kTraceIdRole = Qt::UserRole + 1; // TraceListModel::TraceIdRole
constexpr int kErrorCountRole = Qt::UserRole + 2;

// Paints a red bar at the left of rows whose trace has errors, and the error count in red.
class ErrorMarkDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        const bool hasErrors = index.data(kErrorCountRole).toLongLong() > 0;
        if (hasErrors && !(opt.state & QStyle::State_Selected))
            opt.palette.setColor(QPalette::Text, index.column() == 5 ? QColor(0xc6, 0x28, 0x28)
                                                                     : opt.palette.color(QPalette::Text));
        QStyledItemDelegate::paint(painter, opt, index);
        if (hasErrors && index.column() == 0)
            painter->fillRect(QRect(option.rect.left(), option.rect.top(), 3, option.rect.height()),
                              QColor(0xe5, 0x39, 0x35));
    }
};

} // namespace

TraceListView::TraceListView(QWidget *parent)
    : QTableView(parent)
{
    setSelectionBehavior(SelectRows);
    setSelectionMode(SingleSelection);
    setSortingEnabled(true);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setItemDelegate(new ErrorMarkDelegate(this));
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(true);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setSortIndicator(0, Qt::DescendingOrder);
}

void TraceListView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    if (!model)
        return;
    static const int widths[] = {170, 260, 220, 80, 60, 55, 80, 80, 80, 90, 120, 160};
    for (int c = 0; c < int(std::size(widths)) && c < model->columnCount(); ++c)
        setColumnWidth(c, widths[c]);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &TraceListView::rememberTopRow);
    connect(model, &QAbstractItemModel::layoutChanged, this, &TraceListView::restoreTopRow);
    connect(selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT traceSelected(current.data(kTraceIdRole).toString());
            });
}

QString TraceListView::currentTraceId() const
{
    return currentIndex().data(kTraceIdRole).toString();
}

void TraceListView::selectTrace(const QString &traceId)
{
    if (!model() || traceId == currentTraceId())
        return;
    for (int row = 0; row < model()->rowCount(); ++row) {
        const QModelIndex index = model()->index(row, 0);
        if (index.data(kTraceIdRole).toString() == traceId) {
            selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
            scrollTo(index);
            return;
        }
    }
}

void TraceListView::rememberTopRow()
{
    m_wasScrolled = verticalScrollBar()->value() > 0;
    m_topRow = indexAt(QPoint(1, 1));
}

void TraceListView::restoreTopRow()
{
    // At the top the list shows the newest traces as they come; scrolled down, it stays where it was.
    if (m_wasScrolled && m_topRow.isValid())
        scrollTo(m_topRow, PositionAtTop);
    m_topRow = QPersistentModelIndex();
}

} // namespace tracedeck

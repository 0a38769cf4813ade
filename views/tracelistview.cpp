#include "tracelistview.h"
#include "thememanager.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
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
            opt.palette.setColor(QPalette::Text, index.column() == 5 ? ThemeManager::negative(opt.palette)
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
    setSelectionMode(ExtendedSelection);
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
                if (!current.isValid())
                    return;
                const QString traceId = current.data(kTraceIdRole).toString();
                Q_EMIT traceSelected(traceId);
                if (!m_pickFor.isEmpty() && traceId != m_pickFor) {
                    const QString first = m_pickFor;
                    cancelComparePick();
                    Q_EMIT compareRequested({first, traceId});
                }
            });
}

QStringList TraceListView::selectedTraceIds() const
{
    QStringList ids;
    if (!selectionModel())
        return ids;
    QModelIndexList rows = selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows)
        ids.push_back(index.data(kTraceIdRole).toString());
    return ids;
}

void TraceListView::startComparePick(const QString &traceId)
{
    if (traceId.isEmpty())
        return;
    m_pickFor = traceId;
    Q_EMIT comparePickChanged(traceId);
}

void TraceListView::cancelComparePick()
{
    if (m_pickFor.isEmpty())
        return;
    m_pickFor.clear();
    Q_EMIT comparePickChanged(QString());
}

void TraceListView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    const QString traceId = index.data(kTraceIdRole).toString();
    QStringList selected = selectedTraceIds();
    if (!selected.contains(traceId)) {
        selectionModel()->setCurrentIndex(index,
                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        selected = {traceId};
    }
    QMenu menu(this);
    menu.addAction(tr("Compare with…"), this, [this, traceId] { startComparePick(traceId); })
        ->setToolTip(tr("Then click the trace to compare this one with"));
    QAction *compare = menu.addAction(tr("Compare %n Selected Trace(s)", nullptr, int(selected.size())), this,
                                      [this, selected] { Q_EMIT compareRequested(selected); });
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    compare->setEnabled(selected.size() >= 2);
    menu.exec(event->globalPos());
}

void TraceListView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && !m_pickFor.isEmpty()) {
        cancelComparePick();
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
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

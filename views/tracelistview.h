#pragma once

#include <QPersistentModelIndex>
#include <QTableView>

namespace tracedeck {

// The trace table: sorting by header click (the model sorts in SQL), the current row is the trace shown,
// rows with errors marked. When live updates insert traces above, a scrolled list keeps its top row in view.
// Several rows can be selected (Ctrl/Shift+click) to compare them; the context menu offers "Compare with…"
// (then click the other trace) and "Compare Selected".
class TraceListView : public QTableView {
    Q_OBJECT
public:
    explicit TraceListView(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model) override;

    QString currentTraceId() const;
    void selectTrace(const QString &traceId);
    // The selected traces in row order.
    QStringList selectedTraceIds() const;
    // "Compare with…": the next trace made current (by click or keyboard) is compared with this one.
    void startComparePick(const QString &traceId);
    void cancelComparePick();
    QString comparePickTrace() const { return m_pickFor; }

Q_SIGNALS:
    void traceSelected(const QString &traceId);
    void compareRequested(const QStringList &traceIds);
    // A pick started ("Compare with…") or ended: traceId empty.
    void comparePickChanged(const QString &traceId);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void rememberTopRow();
    void restoreTopRow();

    QPersistentModelIndex m_topRow;
    QString m_pickFor;
    bool m_wasScrolled = false;
};

} // namespace tracedeck

#pragma once

#include <QPersistentModelIndex>
#include <QTableView>

namespace tracedeck {

// The trace table: sorting by header click (the model sorts in SQL), one selected trace at a time, rows
// with errors marked. When live updates insert traces above, a scrolled list keeps its top row in view.
class TraceListView : public QTableView {
    Q_OBJECT
public:
    explicit TraceListView(QWidget *parent = nullptr);
    void setModel(QAbstractItemModel *model) override;

    QString currentTraceId() const;
    void selectTrace(const QString &traceId);

Q_SIGNALS:
    void traceSelected(const QString &traceId);

private:
    void rememberTopRow();
    void restoreTopRow();

    QPersistentModelIndex m_topRow;
    bool m_wasScrolled = false;
};

} // namespace tracedeck

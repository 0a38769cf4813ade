#pragma once

#include <QWidget>

#include <vector>

class QLabel;
class QTableView;

namespace tracedeck {

class MultiRunModel;
struct RunSummary;

// N runs side by side (MultiRunModel): a column per run, the best figure of a row in bold, errors in red,
// the final answer wrapped and elided, whole in its tooltip.
class MultiRunView : public QWidget {
    Q_OBJECT
public:
    explicit MultiRunView(QWidget *parent = nullptr);

    void setRuns(std::vector<RunSummary> runs);
    MultiRunModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }

private:
    MultiRunModel *m_model;
    QLabel *m_title;
    QTableView *m_table;
};

} // namespace tracedeck

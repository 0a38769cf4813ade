#pragma once

#include "tracefilter.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace tracedeck {

// The trace list's filter: a query line (`service:ml-service status:error model:gpt-4* refund`), a time
// range preset and "errors only". Emits the parsed filter a moment after the user stops typing.
class FilterBar : public QWidget {
    Q_OBJECT
public:
    // Custom: the range set by setCustomRange (the dashboard's custom range); listed once set.
    enum class Range { Last15Minutes, LastHour, Last24Hours, Last7Days, All, Last30Days, Custom };

    explicit FilterBar(QWidget *parent = nullptr);

    TraceFilter filter() const;
    QLineEdit *queryEdit() const { return m_query; }
    QComboBox *workspaceBox() const { return m_workspace; }
    // The workspaces to choose from; the current one stays when it is still listed, else `local`.
    void setWorkspaces(const QStringList &names);
    void setQuery(const QString &query);
    void setRange(Range range);
    Range range() const;
    void setCustomRange(int64_t fromNs, int64_t toNs);
    std::pair<int64_t, int64_t> customRange() const { return {m_customFromNs, m_customToNs}; }
    bool isEmpty() const;

public Q_SLOTS:
    void focusQuery();

Q_SIGNALS:
    void filterChanged(const tracedeck::TraceFilter &filter);
    // The time range preset changed (by the user or by setRange / setCustomRange).
    void rangeChanged(tracedeck::FilterBar::Range range);

private:
    void emitSoon();
    void emitNow();

    QLineEdit *m_query;
    QComboBox *m_range;
    QComboBox *m_workspace;
    QCheckBox *m_errorsOnly;
    QLabel *m_problem;
    QTimer m_debounce;
    int64_t m_customFromNs = 0;
    int64_t m_customToNs = 0;
};

} // namespace tracedeck

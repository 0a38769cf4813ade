#pragma once

#include "comparemodel.h"
#include "spanalignment.h"
#include "timelinedata.h"
#include "worddiff.h"

#include <QWidget>

#include <memory>

class QLabel;
class QSplitter;
class QTableView;

namespace tracedeck {

class TextDiffView;
class TimelineView;

// Two runs side by side: A's timeline on the left, B's on the right, on one time axis (each from its trace's
// start) that zooms and pans together; added and removed spans marked; selecting a span selects its match on
// the other side and its row in the delta table below; for a matched pair of LLM calls, the word diff of
// their messages (asked for by llmPairSelected, given back by setMessages).
class CompareView : public QWidget {
    Q_OBJECT
public:
    explicit CompareView(QWidget *parent = nullptr);

    void setRuns(const QString &leftTraceId, const QString &rightTraceId,
                 std::shared_ptr<const TimelineData> left, std::shared_ptr<const TimelineData> right,
                 std::shared_ptr<const SpanAlignment> alignment);
    // The messages of the pair (left, right); ignored unless that pair is still the selected one.
    void setMessages(int left, int right, const QString &leftInput, const QString &leftOutput,
                     const QString &rightInput, const QString &rightOutput);
    void setMessageDiffs(int left, int right, const std::vector<DiffSegment> &input,
                         const std::vector<DiffSegment> &output);
    void setMessagesError(int left, int right, const QString &error);

    QString leftTraceId() const { return m_leftTrace; }
    QString rightTraceId() const { return m_rightTrace; }
    TimelineView *leftTimeline() const { return m_leftView; }
    TimelineView *rightTimeline() const { return m_rightView; }
    QTableView *deltaTable() const { return m_table; }
    CompareModel *model() const { return m_model; }
    TextDiffView *textDiff() const { return m_diff; }
    QString summaryText() const;

Q_SIGNALS:
    // A matched pair of LLM calls is selected: the app loads their messages and calls setMessages.
    void llmPairSelected(int left, int right);

protected:
    void changeEvent(QEvent *event) override;

private:
    void selectFromLeft(int index);
    void selectFromRight(int index);
    void selectFromTable(int row);
    void showPair(int left, int right);
    void updateSummary();

    QString m_leftTrace;
    QString m_rightTrace;
    CompareModel *m_model;
    QLabel *m_summary;
    QLabel *m_leftTitle;
    QLabel *m_rightTitle;
    TimelineView *m_leftView;
    TimelineView *m_rightView;
    QTableView *m_table;
    TextDiffView *m_diff;
    QSplitter *m_vertical;
    bool m_syncing = false;
    int m_pairLeft = -1;
    int m_pairRight = -1;
};

} // namespace tracedeck

#pragma once

#include <QList>
#include <QWidget>

#include <cstdint>

class QFormLayout;
class QLabel;
class QScrollArea;
class QSplitter;
class QTabWidget;
class QToolButton;
class QVBoxLayout;

namespace tracedeck {

class JsonInspector;
struct Span;

// Everything about one span: a header (name, service, kind, status, times, ids), the LLM call details
// when it is one, its events with exceptions readable, and the raw JSON (attributes, bodies, events,
// links, resource, scope) each in a JsonInspector. It shows what it is given; it never queries the store.
class SpanInspector : public QWidget {
    Q_OBJECT
public:
    explicit SpanInspector(QWidget *parent = nullptr);
    ~SpanInspector() override;

    void setSpan(const tracedeck::Span &span, int64_t selfTimeNs);
    void clear();
    bool hasSpan() const { return m_hasSpan; }

    JsonInspector *attributesInspector() const { return m_attributes; }
    JsonInspector *bodiesInspector() const { return m_bodies; }
    JsonInspector *eventsInspector() const { return m_events; }
    JsonInspector *linksInspector() const { return m_links; }
    JsonInspector *resourceInspector() const { return m_resource; }
    JsonInspector *scopeInspector() const { return m_scope; }

    // "850 ns", "12.4 µs", "312.5 ms", "4.21 s", "2 min 5 s", "1 h 3 min".
    static QString kindText(int kind);

Q_SIGNALS:
    // A trace or span id was put on the clipboard by its copy button.
    void idCopied(const QString &id);

protected:
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void setupHeader(QVBoxLayout *layout);
    void setupLlmBlock(QVBoxLayout *layout);
    void fillHeader(const Span &span, int64_t selfTimeNs);
    void fillLlmBlock(const Span &span);
    void fillEvents(const Span &span);
    void fillTabs(const Span &span);
    void fitSplitter();
    // Error red differs on light and dark palettes; re-applied when the palette changes.
    void applyErrorColour();
    QToolButton *makeCopyButton(QLabel *source, const QString &objectName);

    bool m_hasSpan = false;
    bool m_splitterMovedByUser = false;
    bool m_statusIsError = false;
    QList<QLabel *> m_exceptionTypes;
    QLabel *m_placeholder;
    QSplitter *m_splitter;
    QScrollArea *m_summaryScroll;
    QWidget *m_summary;

    QLabel *m_name;
    QLabel *m_service;
    QLabel *m_status;
    QLabel *m_statusMessage;
    QLabel *m_start;
    QLabel *m_duration;
    QLabel *m_selfTime;
    QLabel *m_traceId;
    QLabel *m_spanId;
    QLabel *m_parentId;
    QLabel *m_parentCaption;

    QWidget *m_llmBox;
    QLabel *m_llmTitle;
    QFormLayout *m_llmForm;
    QLabel *m_provider;
    QLabel *m_model;
    QLabel *m_parameters;
    QLabel *m_tokens;
    QLabel *m_cost;
    QLabel *m_finishReason;
    QLabel *m_ttft;

    QWidget *m_eventsBox;
    QLabel *m_eventsTitle;
    QVBoxLayout *m_eventsLayout;

    QTabWidget *m_tabs;
    JsonInspector *m_attributes;
    JsonInspector *m_bodies;
    JsonInspector *m_events;
    JsonInspector *m_links;
    JsonInspector *m_resource;
    JsonInspector *m_scope;
};

} // namespace tracedeck

#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace tracedeck {

// File ▸ Export Traces…: which traces (the selected rows, or every trace the filter bar matches), the
// format (OTLP JSON Lines, Jaeger JSON, CSV of spans) and the file. It only asks; app/ runs the export.
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    enum class Format { OtlpJson, Jaeger, Csv };
    struct Choice {
        QStringList traceIds; // empty: every trace the filter matches
        Format format = Format::OtlpJson;
        QString path;
    };

    // filterText describes the filter (the query, or empty for all traces); shownTraces how many rows the
    // list shows so far.
    ExportDialog(const QStringList &selectedTraceIds, const QString &filterText, int shownTraces,
                 QWidget *parent = nullptr);

    Choice choice() const;
    void setPath(const QString &path);
    void setFormat(Format format);
    void setSelectedOnly(bool selectedOnly);
    static QString extensionOf(Format format);

private:
    void browse();
    void formatChanged();
    void updateOk();

    QStringList m_selected;
    QRadioButton *m_selectedOnly;
    QRadioButton *m_filtered;
    QComboBox *m_format;
    QLineEdit *m_path;
    QLabel *m_hint;
    QDialogButtonBox *m_buttons;
};

} // namespace tracedeck

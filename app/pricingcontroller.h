#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

#include "pricingeditor.h"

namespace tracedeck {

class BackgroundTaskIndicator;
class PreferencesDialog;
class SpanWriter;

// The Pricing page of Preferences and what saving it does: the user's changes to the built-in table go to
// their file (UserPricing), new spans are priced with the new table at once, and the writer prices the
// stored ones again in the background while the status bar shows how far it is.
class PricingController : public QObject {
    Q_OBJECT
public:
    PricingController(SpanWriter &writer, BackgroundTaskIndicator &indicator, QString overridesPath,
                      QObject *parent = nullptr);

    void addPageTo(PreferencesDialog &dialog);
    // Fills the page with the table in use (the built-in one with the file's changes).
    void reload();
    // When the page was changed: saves, installs the table and starts the recompute. Returns what went
    // wrong, or an empty string (also when nothing changed).
    QString apply();
    PricingEditor *editor() const { return m_editor; }

Q_SIGNALS:
    void recomputeFinished(qint64 changedSpans, const QString &error);

private:
    SpanWriter &m_writer;
    BackgroundTaskIndicator &m_indicator;
    QString m_path;
    QPointer<PricingEditor> m_editor;
};

} // namespace tracedeck

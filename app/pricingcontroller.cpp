#include "pricingcontroller.h"

#include "backgroundtaskindicator.h"
#include "preferencesdialog.h"
#include "pricelistmodel.h"
#include "pricingeditor.h"
#include "spanwriter.h"
#include "userpricing.h"

#include <QDir>

namespace tracedeck {

PricingController::PricingController(SpanWriter &writer, BackgroundTaskIndicator &indicator,
                                     QString overridesPath, QObject *parent)
    : QObject(parent)
    , m_writer(writer)
    , m_indicator(indicator)
    , m_path(std::move(overridesPath))
{
    connect(
        &m_writer, &SpanWriter::costRecomputeProgress, this,
        [this](double fraction) { m_indicator.showProgress(tr("Recomputing costs"), fraction); },
        Qt::QueuedConnection);
    connect(
        &m_writer, &SpanWriter::costsRecomputed, this,
        [this](qint64 spans, qint64, const QString &error) {
            m_indicator.finish();
            Q_EMIT recomputeFinished(spans, error);
        },
        Qt::QueuedConnection);
}

void PricingController::addPageTo(PreferencesDialog &dialog)
{
    m_editor = new PricingEditor;
    m_editor->setSource(QString::fromStdString(PricingTable::builtIn().date()),
                        QDir::toNativeSeparators(m_path));
    dialog.addPage(tr("Pricing"), m_editor, [editor = m_editor] { return editor->model()->problem(); });
    reload();
}

void PricingController::reload()
{
    if (!m_editor)
        return;
    std::string error;
    const auto overrides = UserPricing::read(m_path, &error);
    const PricingTable &builtIn = PricingTable::builtIn();
    m_editor->model()->setRows(UserPricing::apply(builtIn, overrides.value_or(PricingOverrides{})),
                               builtIn.prices());
}

QString PricingController::apply()
{
    if (!m_editor || !m_editor->model()->modified())
        return {};
    const PricingTable &builtIn = PricingTable::builtIn();
    const std::vector<ModelPrice> &rows = m_editor->model()->rows();
    std::string error;
    auto table = std::make_shared<const PricingTable>(PricingTable::fromPrices(builtIn.date(), rows, &error));
    if (!error.empty())
        return tr("cannot save the prices: %1").arg(QString::fromStdString(error));
    if (!UserPricing::write(m_path, UserPricing::difference(builtIn, rows), &error))
        return tr("cannot save the prices: %1").arg(QString::fromStdString(error));
    m_editor->model()->setModified(false);
    PricingTable::setCurrent(table);
    m_indicator.showProgress(tr("Recomputing costs"), 0);
    m_writer.recomputeCosts([table](const std::string &model, const std::string &category,
                                    std::optional<int64_t> input, std::optional<int64_t> cached,
                                    std::optional<int64_t> output) {
        return PricingTable::computedCost(table->find(model), category, input, cached, output);
    });
    return {};
}

} // namespace tracedeck

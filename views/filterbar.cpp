#include "filterbar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

namespace tracedeck {

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_query(new QLineEdit(this))
    , m_range(new QComboBox(this))
    , m_workspace(new QComboBox(this))
    , m_errorsOnly(new QCheckBox(tr("Errors only"), this))
    , m_problem(new QLabel(this))
{
    m_query->setPlaceholderText(
        tr("Search messages and span names, or filter: service:NAME model:gpt-4* user:ID session:ID "
           "request:ID trace:ID status:error code:503"));
    m_query->setClearButtonEnabled(true);
    m_query->setToolTip(
        tr("Words search span names and LLM messages (all must occur; word* for a prefix).\n"
           "Fields: service: model: user: session: request: trace: status:error|ok code:HTTP"));
    m_range->addItem(tr("Last 15 minutes"), int(Range::Last15Minutes));
    m_range->addItem(tr("Last hour"), int(Range::LastHour));
    m_range->addItem(tr("Last 24 hours"), int(Range::Last24Hours));
    m_range->addItem(tr("Last 7 days"), int(Range::Last7Days));
    m_range->addItem(tr("Last 30 days"), int(Range::Last30Days));
    m_range->addItem(tr("All time"), int(Range::All));
    m_range->setCurrentIndex(m_range->count() - 1);
    // The fields as a menu too: picking one puts `field:` in the query, ready for a value.
    auto *fields = new QToolButton(this);
    fields->setText(tr("Field"));
    fields->setToolTip(tr("Add a field filter to the query"));
    fields->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(fields);
    const std::pair<QString, QString> fieldItems[] = {
        {tr("Service"), QStringLiteral("service:")},
        {tr("Model"), QStringLiteral("model:")},
        {tr("User"), QStringLiteral("user:")},
        {tr("Session"), QStringLiteral("session:")},
        {tr("Request ID"), QStringLiteral("request:")},
        {tr("Trace ID"), QStringLiteral("trace:")},
        {tr("HTTP status code"), QStringLiteral("code:")},
    };
    for (const auto &[label, prefix] : fieldItems) {
        menu->addAction(label, this, [this, prefix = prefix] {
            QString text = m_query->text();
            if (!text.isEmpty() && !text.endsWith(u' '))
                text += u' ';
            m_query->setText(text + prefix);
            m_query->setFocus(Qt::OtherFocusReason);
        });
    }
    fields->setMenu(menu);
    m_workspace->setToolTip(tr("The workspace whose traces the list shows"));
    m_workspace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_workspace->addItem(QStringLiteral("local"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_problem->hide();

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    auto *workspaceLabel = new QLabel(tr("Workspace:"), this);
    workspaceLabel->setBuddy(m_workspace);
    layout->addWidget(workspaceLabel);
    layout->addWidget(m_workspace);
    layout->addWidget(fields);
    layout->addWidget(m_query, 1);
    layout->addWidget(m_problem);
    layout->addWidget(m_errorsOnly);
    layout->addWidget(m_range);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &FilterBar::emitNow);
    connect(m_query, &QLineEdit::textChanged, this, &FilterBar::emitSoon);
    connect(m_query, &QLineEdit::returnPressed, this, &FilterBar::emitNow);
    connect(m_range, &QComboBox::currentIndexChanged, this, [this] {
        emitNow();
        Q_EMIT rangeChanged(range());
    });
    connect(m_errorsOnly, &QCheckBox::toggled, this, &FilterBar::emitNow);
    connect(m_workspace, &QComboBox::currentIndexChanged, this, &FilterBar::emitNow);
}

void FilterBar::setWorkspaces(const QStringList &names)
{
    const QString current = m_workspace->currentText();
    {
        const QSignalBlocker blocker(m_workspace);
        m_workspace->clear();
        m_workspace->addItems(names.isEmpty() ? QStringList{QStringLiteral("local")} : names);
        const int index = m_workspace->findText(current);
        m_workspace->setCurrentIndex(
            index >= 0 ? index : std::max(0, m_workspace->findText(QStringLiteral("local"))));
    }
    if (m_workspace->currentText() != current)
        emitNow();
}

TraceFilter FilterBar::filter() const
{
    TraceFilter filter = TraceFilter::parse(m_query->text());
    filter.errorsOnly = filter.errorsOnly || m_errorsOnly->isChecked();
    if (!m_workspace->currentText().isEmpty())
        filter.workspace = m_workspace->currentText().toStdString();
    static constexpr int64_t kMinuteNs = 60'000'000'000;
    int64_t span = 0;
    switch (Range(m_range->currentData().toInt())) {
    case Range::Last15Minutes:
        span = 15 * kMinuteNs;
        break;
    case Range::LastHour:
        span = 60 * kMinuteNs;
        break;
    case Range::Last24Hours:
        span = 24 * 60 * kMinuteNs;
        break;
    case Range::Last7Days:
        span = 7 * 24 * 60 * kMinuteNs;
        break;
    case Range::Last30Days:
        span = 30 * 24 * 60 * kMinuteNs;
        break;
    case Range::All:
        break;
    case Range::Custom:
        filter.fromNs = m_customFromNs;
        filter.toNs = m_customToNs;
        break;
    }
    if (span > 0)
        filter.fromNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000 - span;
    return filter;
}

void FilterBar::setQuery(const QString &query)
{
    m_query->setText(query);
    emitNow();
}

void FilterBar::setRange(Range range)
{
    const int index = m_range->findData(int(range));
    if (index >= 0)
        m_range->setCurrentIndex(index);
}

FilterBar::Range FilterBar::range() const
{
    return Range(m_range->currentData().toInt());
}

void FilterBar::setCustomRange(int64_t fromNs, int64_t toNs)
{
    m_customFromNs = fromNs;
    m_customToNs = toNs;
    const QString label = tr("%1 – %2").arg(
        QDateTime::fromMSecsSinceEpoch(fromNs / 1'000'000).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
        QDateTime::fromMSecsSinceEpoch(toNs / 1'000'000).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    int index = m_range->findData(int(Range::Custom));
    if (index < 0) {
        const QSignalBlocker blocker(m_range);
        m_range->addItem(label, int(Range::Custom));
        index = m_range->count() - 1;
    } else {
        m_range->setItemText(index, label);
    }
    if (m_range->currentIndex() == index) {
        emitNow();
        Q_EMIT rangeChanged(Range::Custom);
    } else {
        m_range->setCurrentIndex(index);
    }
}

bool FilterBar::isEmpty() const
{
    return m_query->text().trimmed().isEmpty() && !m_errorsOnly->isChecked() &&
           Range(m_range->currentData().toInt()) == Range::All;
}

void FilterBar::focusQuery()
{
    m_query->setFocus(Qt::ShortcutFocusReason);
    m_query->selectAll();
}

void FilterBar::emitSoon()
{
    m_debounce.start();
}

void FilterBar::emitNow()
{
    m_debounce.stop();
    QString problem;
    TraceFilter::parse(m_query->text(), &problem);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    Q_EMIT filterChanged(filter());
}

} // namespace tracedeck

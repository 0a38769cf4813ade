#include "backgroundtaskindicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <algorithm>

namespace tracedeck {

BackgroundTaskIndicator::BackgroundTaskIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_bar(new QProgressBar)
{
    m_bar->setRange(0, 100);
    m_bar->setMaximumWidth(160);
    m_bar->setMaximumHeight(16);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    hide();
}

void BackgroundTaskIndicator::showProgress(const QString &task, double fraction)
{
    m_label->setText(task);
    m_bar->setValue(std::clamp(int(fraction * 100), 0, 100));
    show();
}

void BackgroundTaskIndicator::finish()
{
    hide();
}

QString BackgroundTaskIndicator::task() const
{
    return isVisible() ? m_label->text() : QString();
}

int BackgroundTaskIndicator::percent() const
{
    return m_bar->value();
}

} // namespace tracedeck

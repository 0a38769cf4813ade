#include "statusbinding.h"

#include "engine.h"
#include "statuswindow.h"

#include <QTimer>

namespace tracedeck {

void bindStatusWindow(Engine &engine, StatusWindow &window)
{
    window.setListenAddress(engine.listener()->address().toString());
    window.setDatabasePath(QString::fromStdString(engine.writer()->path()));
    auto *throttle = new QTimer(&window);
    throttle->setSingleShot(true);
    throttle->setInterval(250);
    QObject::connect(&engine, &Engine::storeChanged, throttle, [throttle] {
        if (!throttle->isActive())
            throttle->start();
    });
    QObject::connect(throttle, &QTimer::timeout, &window, [&engine, &window] {
        window.setCounts(engine.writer()->storedTraces(), engine.writer()->storedSpans());
    });
    window.setCounts(engine.writer()->storedTraces(), engine.writer()->storedSpans());
}

} // namespace tracedeck

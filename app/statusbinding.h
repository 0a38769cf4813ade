#pragma once

namespace tracedeck {

class Engine;
class StatusWindow;

// Shows the engine's listener and store in the window, and keeps the counts live: the store's commit
// signal, throttled to four updates a second however fast spans arrive.
void bindStatusWindow(Engine &engine, StatusWindow &window);

} // namespace tracedeck

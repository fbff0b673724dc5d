#pragma once

namespace vs {

// Ties the running GUI to its installed launcher: the desktop entry's id (so
// Wayland/X11 docks group the window with its launcher) and the window icon.
void applyDesktopIntegration();

} // namespace vs

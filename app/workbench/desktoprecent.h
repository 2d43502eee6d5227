#pragma once
// The desktop's own list of recent documents (freedesktop.org's
// recently-used.xbel, which GNOME's and KDE's file choosers and docks read;
// Qt has no API for it on Linux): a file the window opened is added there with
// MoEScope as the application that used it, as GTK applications do.

#include <QString>

namespace moescope {

// Adds `path` (or refreshes its entry) in `xbelFile` (empty: the user's
// $XDG_DATA_HOME/recently-used.xbel). A file that is there but not an XBEL
// file is left as it is: false with `error`.
bool addToDesktopRecentFiles(const QString &path, QString *error, const QString &xbelFile = {});

// The file addToDesktopRecentFiles() writes by default.
QString desktopRecentFilesPath();

} // namespace moescope

#pragma once
// The window's looks and language: Fusion with a light or dark palette, or
// the platform's own style and palette ("system"), the application's icons,
// and the translations chosen in Settings.

#include <QIcon>
#include <QString>

namespace moescope::gui {

// "system", "light" or "dark"; anything else is "system". Call after the
// QApplication exists; may be called again (Settings) to switch.
void applyTheme(const QString &theme);
// Whether the palette in use is dark (a dark theme, or a dark system palette).
bool darkPaletteInUse();
// One of the icons drawn for MoEScope (resources/icons/NAME.svg).
QIcon appIcon(const QString &name);

// Installs Qt's and MoEScope's translations for `language` ("de", "zh_CN";
// empty: the system's locale), replacing those installed before, and makes
// its locale the default. Returns what could not be done (a language chosen
// in Settings whose translation is not there: English is shown), or empty.
QString installTranslations(const QString &language);

} // namespace moescope::gui

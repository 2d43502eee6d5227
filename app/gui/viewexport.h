#pragma once
// Every view exports PNG and SVG, every table CSV (issue 13): pictures by
// the file's suffix (.svg through QSvgGenerator, so lines, bars and text stay
// vectors; anything else as PNG), tables as the model shows them. Windows
// call installExportActions once: each chart and diagram gets "Save as
// PNG/SVG…" and each table "Export as CSV…" on its right-click menu (image
// views keep the right button for window/level: they export from the menus).

#include <QString>

class QAbstractItemModel;
class QWidget;

namespace moescope::gui {

// False with `error` naming the file and the cause.
bool saveWidgetPicture(QWidget *widget, const QString &path, QString *error);
bool saveTableCsv(const QAbstractItemModel *model, const QString &path, QString *error);

// Adds the actions to every chart view, expert-paths diagram and table under `root`.
void installExportActions(QWidget *root);

} // namespace moescope::gui

#pragma once

// Window/level presets for CT in Hounsfield units, the common radiology values (Radiopaedia,
// "Windowing (CT)"): what a reader picks to look at brain, lung, mediastinum, abdomen or bone.

#include "image/image.h"

#include <QList>
#include <QString>

namespace moescope {

struct WindowPreset
{
    QString id;   // stable, for settings and tests: "brain", "lung", ...
    QString name; // what the user reads
    WindowLevel window;
};

// In the order a menu shows them.
const QList<WindowPreset> &ctWindowPresets();

// The preset with `id`, or nullptr.
const WindowPreset *ctWindowPreset(const QString &id);

} // namespace moescope

#include "image/windowpresets.h"

#include <QCoreApplication>

namespace moescope {

const QList<WindowPreset> &ctWindowPresets()
{
    // Centre/width in HU. Abdomen is the soft-tissue window (40/400); bone 400/1800 shows
    // cortex and marrow apart.
    static const QList<WindowPreset> presets = {
        {QStringLiteral("brain"), QCoreApplication::translate("moescope", "Brain"), {40, 80}},
        {QStringLiteral("lung"), QCoreApplication::translate("moescope", "Lung"), {-600, 1500}},
        {QStringLiteral("mediastinum"),
         QCoreApplication::translate("moescope", "Mediastinum"),
         {50, 350}},
        {QStringLiteral("abdomen"), QCoreApplication::translate("moescope", "Abdomen"), {40, 400}},
        {QStringLiteral("bone"), QCoreApplication::translate("moescope", "Bone"), {400, 1800}},
    };
    return presets;
}

const WindowPreset *ctWindowPreset(const QString &id)
{
    for (const WindowPreset &p : ctWindowPresets()) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

} // namespace moescope

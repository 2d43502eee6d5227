#include "ultrasoundplugin.h"

#include "plugin/outputs.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace moescope::ultrasound {

QString UltrasoundPlugin::displayName() const
{
    return tr("Ultrasound (task-conditioned MoE)");
}

bool UltrasoundPlugin::prepare(const model::ModelContract &contract, const ImageStack &image,
                               int step, const PrepareOptions &options, model::InputBatch *batch,
                               QString *error) const
{
    if (image.isEmpty()) {
        *error = tr("the image is empty");
        return false;
    }
    return prepareStandardInputs(contract, image, step, options, modelRegion(image), batch, error);
}

QJsonObject UltrasoundPlugin::interpret(const model::ModelContract &contract,
                                        const model::ForwardResult &result, int b) const
{
    return interpretOutputs(contract, result, b);
}

QStringList UltrasoundPlugin::inputWarnings(const model::ModelContract &,
                                            const ImageStack &image) const
{
    QStringList warnings;
    // Ordinary pictures (PNG, JPEG) carry no modality: an exported frame is fine.
    if (!image.modality.isEmpty() && image.modality != QLatin1String("US"))
        warnings << tr("%1 is modality %2, not ultrasound (US); the ultrasound model was not "
                       "made for it, so read its results with care")
                        .arg(QFileInfo(image.sourcePath).fileName(), image.modality);
    return warnings;
}

} // namespace moescope::ultrasound

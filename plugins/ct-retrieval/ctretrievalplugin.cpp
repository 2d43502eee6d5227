#include "ctretrievalplugin.h"

#include "plugin/genericplugin.h"
#include "plugin/outputs.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace moescope::ct {

QString CtRetrievalPlugin::displayName() const
{
    return tr("CT retrieval (global/local dual experts)");
}

bool CtRetrievalPlugin::prepare(const model::ModelContract &contract, const ImageStack &image,
                                int step, const PrepareOptions &options, model::InputBatch *batch,
                                QString *error) const
{
    if (image.isEmpty()) {
        *error = tr("the image is empty");
        return false;
    }
    QRect crop;
    const QVariant region = options.extra.value(QStringLiteral("region"));
    if (region.isValid()) {
        crop = region.toRect().intersected(QRect(0, 0, image.width, image.height));
        // A region of a few pixels would be upsampled into noise.
        if (crop.width() < 8 || crop.height() < 8) {
            *error = tr("the query region %1×%2 at (%3, %4) is too small or outside the %5×%6 "
                        "slice (8×8 pixels at least)")
                         .arg(region.toRect().width())
                         .arg(region.toRect().height())
                         .arg(region.toRect().x())
                         .arg(region.toRect().y())
                         .arg(image.width)
                         .arg(image.height);
            return false;
        }
    }
    return prepareStandardInputs(contract, image, step, options, crop, batch, error);
}

QJsonObject CtRetrievalPlugin::interpret(const model::ModelContract &contract,
                                         const model::ForwardResult &result, int b) const
{
    return interpretOutputs(contract, result, b);
}

QStringList CtRetrievalPlugin::inputWarnings(const model::ModelContract &,
                                             const ImageStack &image) const
{
    QStringList warnings;
    const QString name = QFileInfo(image.sourcePath).fileName();
    if (!image.modality.isEmpty() && image.modality != QLatin1String("CT"))
        warnings << tr("%1 is modality %2, not CT; the CT retrieval model reads Hounsfield "
                       "units, so its matches may mean little")
                        .arg(name, image.modality);
    else if (image.modality.isEmpty() && image.channels == 3)
        warnings << tr("%1 is a colour picture, not a CT slice in Hounsfield units; the model's "
                       "HU windows see its 0-255 values")
                        .arg(name);
    return warnings;
}

} // namespace moescope::ct

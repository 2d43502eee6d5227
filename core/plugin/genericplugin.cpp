#include "genericplugin.h"

#include "outputs.h"
#include "preprocess.h"

#include <QCoreApplication>

namespace moescope {

QString GenericTaskPlugin::displayName() const
{
    return QCoreApplication::translate("moescope::GenericTaskPlugin", "Generic (any MoE model)");
}

bool GenericTaskPlugin::prepare(const model::ModelContract &contract, const ImageStack &image,
                                int step, const PrepareOptions &options, model::InputBatch *batch,
                                QString *error) const
{
    return prepareStandardInputs(contract, image, step, options, QRect(), batch, error);
}

bool prepareStandardInputs(const model::ModelContract &contract, const ImageStack &image, int step,
                           const PrepareOptions &options, const QRect &crop,
                           model::InputBatch *batch, QString *error)
{
    if (image.isEmpty()) {
        *error = QCoreApplication::translate("moescope::GenericTaskPlugin", "the image is empty");
        return false;
    }
    const int frame = std::clamp(step, 0, image.frameCount - 1);
    *batch = model::InputBatch();
    batch->batch = 1;
    for (const model::InputSpec &spec : contract.inputs) {
        switch (spec.kind) {
        case model::InputKind::Image: {
            auto other = options.images.find(spec.name);
            if (other != options.images.end() && other->second && !other->second->isEmpty()) {
                const ImageStack &picture = *other->second;
                batch->images[spec.name] =
                    imageInputValues(picture, std::min(frame, picture.frameCount - 1), spec);
            } else {
                batch->images[spec.name] = imageInputValues(image, frame, spec, {}, crop);
            }
            break;
        }
        case model::InputKind::Index: {
            auto it = options.indexChoices.find(spec.name);
            batch->indices[spec.name] = {it == options.indexChoices.end() ? 0 : it->second};
            break;
        }
        case model::InputKind::Vector:
            batch->vectors[spec.name] = std::vector<float>(size_t(spec.size), 0.0f);
            break;
        case model::InputKind::ExpertMask:
            break;
        }
    }
    return true;
}

QJsonObject GenericTaskPlugin::interpret(const model::ModelContract &contract,
                                         const model::ForwardResult &result, int b) const
{
    return interpretOutputs(contract, result, b);
}

QStringList GenericTaskPlugin::inputWarnings(const model::ModelContract &contract,
                                             const ImageStack &) const
{
    QStringList warnings;
    for (const model::InputSpec &spec : contract.inputs) {
        if (spec.kind == model::InputKind::Vector)
            warnings
                << QCoreApplication::translate(
                       "moescope::GenericTaskPlugin",
                       "input \"%1\" is a vector no installed plugin computes; it is fed zeros")
                       .arg(QString::fromStdString(spec.name));
    }
    return warnings;
}

} // namespace moescope

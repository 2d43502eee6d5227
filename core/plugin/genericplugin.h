#pragma once
// The fallback for any model whose `task` no installed plugin claims: it feeds
// each image input from the image (and the first choice to index inputs), and
// lists the outputs. The routing views need nothing more.

#include "taskplugin.h"

#include <QRect>

namespace moescope {

// The contract's standard inputs for one step: image inputs from `image`
// (cropped to `crop` when valid) or from options.images, index inputs from
// options.indexChoices (else choice 0), vectors as zeros. Plugins that only
// change where the picture comes from build on this.
bool prepareStandardInputs(const model::ModelContract &contract, const ImageStack &image, int step,
                           const PrepareOptions &options, const QRect &crop,
                           model::InputBatch *batch, QString *error);

class GenericTaskPlugin final : public TaskPlugin
{
public:
    QString id() const override { return QStringLiteral("generic"); }
    QString displayName() const override;
    TaskShape shape() const override { return TaskShape::SingleImage; }
    bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                 const PrepareOptions &options, model::InputBatch *batch,
                 QString *error) const override;
    QJsonObject interpret(const model::ModelContract &contract, const model::ForwardResult &result,
                          int b) const override;
    QStringList inputWarnings(const model::ModelContract &contract,
                              const ImageStack &image) const override;
};

} // namespace moescope

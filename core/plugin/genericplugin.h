#pragma once
// The fallback for any model whose `task` no installed plugin claims: it feeds
// each image input from the image (and the first choice to index inputs), and
// lists the outputs. The routing views need nothing more.

#include "taskplugin.h"

namespace moescope {

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

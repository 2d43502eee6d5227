#pragma once
// The ultrasound task plugin (after M2DINO's task-conditioned MoE): frames of
// a B-mode / echo cine go to the model cropped to the imaging region that the
// file's Sequence of Ultrasound Regions gives (the viewer keeps the whole
// frame: annotations, the ECG trace and the black margin are not tissue); the
// task choice comes from the host (its task selector or --choice task=…), and
// only the chosen task's outputs are kept (the host does that for
// "task_choice"). A file that is not ultrasound gets a warning, not a refusal.

#include "plugin/genericplugin.h"
#include "plugin/taskplugin.h"

#include <QObject>

namespace moescope::ultrasound {

class UltrasoundPlugin : public QObject, public TaskPlugin
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID MoEScopeTaskPlugin_iid FILE "plugin.json")
    Q_INTERFACES(moescope::TaskPlugin)

public:
    QString id() const override { return QStringLiteral("ultrasound"); }
    QString displayName() const override;
    TaskShape shape() const override { return TaskShape::SingleImage; }

    bool prepare(const model::ModelContract &contract, const ImageStack &image, int step,
                 const PrepareOptions &options, model::InputBatch *batch,
                 QString *error) const override;
    QJsonObject interpret(const model::ModelContract &contract, const model::ForwardResult &result,
                          int b) const override;
    QStringList inputWarnings(const model::ModelContract &contract,
                              const ImageStack &image) const override;
    QRect modelRegion(const ImageStack &image) const override { return image.imagingRegion; }
};

} // namespace moescope::ultrasound

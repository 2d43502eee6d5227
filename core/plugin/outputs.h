#pragma once
// The contract's output kinds read into JSON: classes → probabilities and the
// top labels; segmentation → label-map size and per-label area; embedding →
// the vector and its norm; box → coordinates. Plugins start from this.

#include "model/engine.h"

#include <QImage>
#include <QJsonObject>

namespace moescope {

QJsonObject interpretOutputs(const model::ModelContract &contract,
                             const model::ForwardResult &result, int b, int topK = 5);

// Batch element b's segmentation as an argmax label map (Format_Indexed8,
// colour table from render's expert colours shifted to keep label 0 clear).
QImage segmentationLabels(const model::HostTensor &logits, int b);

} // namespace moescope

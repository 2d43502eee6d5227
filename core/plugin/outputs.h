#pragma once
// The contract's output kinds read into JSON: classes → probabilities and the
// top labels; segmentation → label-map size and per-label area; embedding →
// the vector and its norm; box → coordinates. Plugins start from this.

#include "model/engine.h"

#include <QColor>
#include <QImage>
#include <QJsonObject>

namespace moescope {

QJsonObject interpretOutputs(const model::ModelContract &contract,
                             const model::ForwardResult &result, int b, int topK = 5);

// Batch element b's segmentation as an argmax label map (Format_Indexed8,
// colour table from render's expert colours shifted to keep label 0 clear).
QImage segmentationLabels(const model::HostTensor &logits, int b);

// Colour of segmentation label k in overlays and legends.
QColor labelColor(int label);

// A segmentation output's stored label map ("label_map_png" of its JSON) as
// an indexed image; null when the JSON has none.
QImage labelMapFromJson(const QJsonObject &segmentation);

// A label map's "no label here" (a tiled run's tiles not run yet).
inline constexpr int kNoLabel = 255;

// The label map coloured for an overlay, label k in labelColor(k); label 0
// transparent when it is a background (as "background" labels usually are),
// kNoLabel always.
QImage labelOverlay(const QImage &labelMap, bool clearLabelZero = true);

} // namespace moescope

#pragma once
// Image → model input tensors, the way the model contract defines them:
// resize to the input's height × width, convert to its channel count, scale
// to [0, 1], then (x - mean) / std, channel-major. Shared by every plugin.

#include "image/image.h"
#include "model/contract.h"

#include <QImage>

#include <vector>

namespace moescope {

// The frame as the 8-bit picture a model of `spec` sees (resized, channels
// converted), before normalisation.
QImage modelView(const ImageStack &image, int frame, const model::InputSpec &spec,
                 WindowLevel window = {});

// The normalised C × H × W values for one image input.
std::vector<float> imageInputValues(const QImage &picture, const model::InputSpec &spec);

// Softmax of one row.
std::vector<float> softmax(const float *logits, int count);

} // namespace moescope

#pragma once
// Image → model input tensors, the way the model contract defines them:
// resize to the input's height × width, convert to its channel count, scale
// to [0, 1], then (x - mean) / std, channel-major. Shared by every plugin.

#include "image/image.h"
#include "model/contract.h"

#include <QImage>
#include <QRect>

#include <vector>

namespace moescope {

// The frame as the 8-bit picture a model of `spec` sees (cropped to `crop`
// when it is valid, resized, channels converted), before normalisation.
QImage modelView(const ImageStack &image, int frame, const model::InputSpec &spec,
                 WindowLevel window = {}, const QRect &crop = {});

// The normalised C × H × W values for one image input from an 8-bit picture.
std::vector<float> imageInputValues(const QImage &picture, const model::InputSpec &spec);

// The normalised C × H × W values for one image input, the way the contract
// says: through the input's own "windows" over the raw samples when it has
// them (CT in HU), else through the 8-bit picture under `window`.
std::vector<float> imageInputValues(const ImageStack &image, int frame,
                                    const model::InputSpec &spec, WindowLevel window = {},
                                    const QRect &crop = {});

// One frame's grey values (channel mean), cropped, resized to width × height
// bilinearly with half-pixel centres (torch's interpolate(mode="bilinear",
// align_corners=False)), in the image's own units.
std::vector<float> resampledFrame(const ImageStack &image, int frame, int width, int height,
                                  const QRect &crop = {});

// Softmax of one row.
std::vector<float> softmax(const float *logits, int count);

} // namespace moescope

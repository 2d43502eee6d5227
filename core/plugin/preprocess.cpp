#include "preprocess.h"

#include <algorithm>
#include <cmath>

namespace moescope {

QImage modelView(const ImageStack &image, int frame, const model::InputSpec &spec,
                 WindowLevel window, const QRect &crop)
{
    QImage picture = image.toQImage(frame, window);
    if (crop.isValid())
        picture = picture.copy(crop.intersected(picture.rect()));
    picture = picture.convertToFormat(spec.channels == 1 ? QImage::Format_Grayscale8
                                                         : QImage::Format_RGB888);
    if (picture.width() != spec.width || picture.height() != spec.height)
        picture = picture.scaled(spec.width, spec.height, Qt::IgnoreAspectRatio,
                                 Qt::SmoothTransformation);
    return picture;
}

std::vector<float> imageInputValues(const QImage &picture, const model::InputSpec &spec)
{
    const int C = spec.channels, H = spec.height, W = spec.width;
    std::vector<float> values(size_t(C) * H * W);
    const int sourceChannels = picture.format() == QImage::Format_Grayscale8 ? 1 : 3;
    for (int y = 0; y < H; ++y) {
        const uchar *line = picture.constScanLine(y);
        for (int x = 0; x < W; ++x) {
            for (int c = 0; c < C; ++c) {
                const int sc = std::min(c, sourceChannels - 1);
                const float v = line[x * sourceChannels + sc] / 255.0f;
                values[(size_t(c) * H + y) * W + x] =
                    (v - spec.mean[size_t(c)]) / spec.std[size_t(c)];
            }
        }
    }
    return values;
}

std::vector<float> resampledFrame(const ImageStack &image, int frame, int width, int height,
                                  const QRect &crop)
{
    QRect area(0, 0, image.width, image.height);
    if (crop.isValid())
        area = crop.intersected(area);
    const int C = image.channels;
    const float *src = image.frame(frame);
    auto at = [&](int x, int y) {
        x = std::clamp(x, 0, area.width() - 1) + area.x();
        y = std::clamp(y, 0, area.height() - 1) + area.y();
        const float *p = src + (size_t(y) * image.width + x) * C;
        float sum = 0;
        for (int c = 0; c < C; ++c)
            sum += p[c];
        return sum / float(C);
    };
    std::vector<float> out(size_t(width) * height);
    const double sx = double(area.width()) / width, sy = double(area.height()) / height;
    for (int y = 0; y < height; ++y) {
        const double fy = std::max(0.0, (y + 0.5) * sy - 0.5);
        const int y0 = int(fy);
        const float wy = float(fy - y0);
        for (int x = 0; x < width; ++x) {
            const double fx = std::max(0.0, (x + 0.5) * sx - 0.5);
            const int x0 = int(fx);
            const float wx = float(fx - x0);
            const float top = at(x0, y0) * (1 - wx) + at(x0 + 1, y0) * wx;
            const float bottom = at(x0, y0 + 1) * (1 - wx) + at(x0 + 1, y0 + 1) * wx;
            out[size_t(y) * width + x] = top * (1 - wy) + bottom * wy;
        }
    }
    return out;
}

std::vector<float> imageInputValues(const ImageStack &image, int frame,
                                    const model::InputSpec &spec, WindowLevel window,
                                    const QRect &crop)
{
    if (spec.windows.empty())
        return imageInputValues(modelView(image, frame, spec, window, crop), spec);
    const int H = spec.height, W = spec.width;
    const std::vector<float> grey = resampledFrame(image, frame, W, H, crop);
    std::vector<float> values(size_t(spec.channels) * H * W);
    for (int c = 0; c < spec.channels; ++c) {
        const model::InputSpec::Window &w = spec.windows[size_t(c)];
        const float low = w.center - w.width / 2;
        const float mean = spec.mean[size_t(c)], sd = spec.std[size_t(c)];
        float *dst = values.data() + size_t(c) * H * W;
        for (size_t i = 0; i < grey.size(); ++i)
            dst[i] = (std::clamp((grey[i] - low) / w.width, 0.0f, 1.0f) - mean) / sd;
    }
    return values;
}

std::vector<float> softmax(const float *logits, int count)
{
    std::vector<float> p(logits, logits + count);
    const float top = *std::max_element(p.begin(), p.end());
    double sum = 0;
    for (float &v : p) {
        v = std::exp(v - top);
        sum += v;
    }
    for (float &v : p)
        v = float(v / sum);
    return p;
}

} // namespace moescope

#include "preprocess.h"

#include <algorithm>
#include <cmath>

namespace moescope {

QImage modelView(const ImageStack &image, int frame, const model::InputSpec &spec,
                 WindowLevel window)
{
    QImage picture = image.toQImage(frame, window);
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

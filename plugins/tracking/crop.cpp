#include "crop.h"

#include <algorithm>
#include <cfenv>
#include <cmath>

namespace moescope::tracking {

double roundHalfEven(double v)
{
    // std::nearbyint rounds as the current mode says: ties to even by default.
    return std::nearbyint(v);
}

CropWindow cropWindow(const QRectF &box, double factor)
{
    const double w = std::max(box.width(), 1.0), h = std::max(box.height(), 1.0);
    const int side = std::max(int(roundHalfEven(factor * std::sqrt(w * h))), 8);
    const double cx = box.x() + 0.5 * box.width(), cy = box.y() + 0.5 * box.height();
    return {int(roundHalfEven(cx - 0.5 * side)), int(roundHalfEven(cy - 0.5 * side)), side};
}

Rgb8 Rgb8::fromImage(const QImage &image)
{
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    Rgb8 f;
    f.width = rgb.width();
    f.height = rgb.height();
    f.samples.resize(size_t(f.width) * f.height * 3);
    for (int y = 0; y < f.height; ++y)
        std::copy_n(rgb.constScanLine(y), size_t(f.width) * 3,
                    f.samples.begin() + std::ptrdiff_t(y) * f.width * 3);
    return f;
}

std::array<std::uint8_t, 3> Rgb8::meanColour() const
{
    std::array<std::uint64_t, 3> sum{0, 0, 0};
    for (size_t i = 0; i < samples.size(); i += 3)
        for (int c = 0; c < 3; ++c)
            sum[size_t(c)] += samples[i + size_t(c)];
    const double n = std::max<double>(1.0, double(width) * height);
    std::array<std::uint8_t, 3> mean{};
    for (int c = 0; c < 3; ++c)
        mean[size_t(c)] = std::uint8_t(roundHalfEven(double(sum[size_t(c)]) / n));
    return mean;
}

void Rgb8::read(const QRect &region, const QSize &outSize, Raster *out) const
{
    readNearest(
        QSize(width, height), 3, region, outSize,
        [this](int x, int y, int b) {
            return float(samples[(size_t(y) * width + size_t(x)) * 3 + size_t(b)]);
        },
        out);
}

namespace {

// One output index's source span and weights along one axis.
struct Taps
{
    int first = 0;
    std::vector<float> weights;
};

// torch's antialiased bilinear (UpSampleKernel.cpp, _compute_weights_aa):
// a triangle filter stretched by the scale, weights normalised, in float.
std::vector<Taps> antialiasTaps(int in, int out)
{
    const float scale = float(in) / float(out);
    const float support = scale >= 1.0f ? scale : 1.0f;
    const float invscale = scale >= 1.0f ? 1.0f / scale : 1.0f;
    std::vector<Taps> taps(static_cast<size_t>(out));
    for (int i = 0; i < out; ++i) {
        const float center = scale * (float(i) + 0.5f);
        const int xmin = std::max(int(center - support + 0.5f), 0);
        const int xsize = std::min(int(center + support + 0.5f), in) - xmin;
        Taps &t = taps[size_t(i)];
        t.first = xmin;
        float total = 0.0f;
        for (int j = 0; j < xsize; ++j) {
            float x = (float(j + xmin) - center + 0.5f) * invscale;
            x = x < 0 ? -x : x;
            const float w = x < 1.0f ? 1.0f - x : 0.0f;
            t.weights.push_back(w);
            total += w;
        }
        if (total != 0.0f)
            for (float &w : t.weights)
                w /= total;
    }
    return taps;
}

} // namespace

std::vector<std::uint8_t> cropResize(const Rgb8 &frame, const CropWindow &window, int out)
{
    const int side = window.side;
    // The window cut out, the frame's mean colour where it reaches outside.
    std::vector<float> patch(size_t(side) * side * 3);
    const int xa = std::max(window.x0, 0), xb = std::min(window.x0 + side, frame.width);
    const int ya = std::max(window.y0, 0), yb = std::min(window.y0 + side, frame.height);
    if (xa > window.x0 || ya > window.y0 || xb < window.x0 + side || yb < window.y0 + side) {
        const auto mean = frame.meanColour();
        for (size_t i = 0; i < patch.size(); i += 3)
            for (int c = 0; c < 3; ++c)
                patch[i + size_t(c)] = mean[size_t(c)];
    }
    for (int y = ya; y < yb; ++y)
        for (int x = xa; x < xb; ++x)
            for (int c = 0; c < 3; ++c)
                patch[(size_t(y - window.y0) * side + size_t(x - window.x0)) * 3 + size_t(c)] =
                    frame.samples[(size_t(y) * frame.width + size_t(x)) * 3 + size_t(c)];

    std::vector<std::uint8_t> result(size_t(out) * out * 3);
    auto store = [&](size_t i, float v) {
        result[i] = std::uint8_t(std::clamp(roundHalfEven(v), 0.0, 255.0));
    };
    if (side == out) {
        for (size_t i = 0; i < patch.size(); ++i)
            store(i, patch[i]);
        return result;
    }
    if (side > out) {
        // Separable, as torch does it: along rows first, then columns.
        const std::vector<Taps> taps = antialiasTaps(side, out);
        std::vector<float> rows(size_t(side) * out * 3);
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < out; ++x) {
                const Taps &t = taps[size_t(x)];
                for (int c = 0; c < 3; ++c) {
                    const float *src = &patch[(size_t(y) * side + size_t(t.first)) * 3 + size_t(c)];
                    float v = src[0] * t.weights[0];
                    for (size_t j = 1; j < t.weights.size(); ++j)
                        v += src[j * 3] * t.weights[j];
                    rows[(size_t(y) * out + size_t(x)) * 3 + size_t(c)] = v;
                }
            }
        for (int y = 0; y < out; ++y) {
            const Taps &t = taps[size_t(y)];
            for (int x = 0; x < out; ++x)
                for (int c = 0; c < 3; ++c) {
                    const size_t column = size_t(x) * 3 + size_t(c), stride = size_t(out) * 3;
                    const float *src = &rows[size_t(t.first) * stride + column];
                    float v = src[0] * t.weights[0];
                    for (size_t j = 1; j < t.weights.size(); ++j)
                        v += src[j * stride] * t.weights[j];
                    store((size_t(y) * out + size_t(x)) * 3 + size_t(c), v);
                }
        }
        return result;
    }
    // Enlarging: plain bilinear. The recipe's patch tensor is channels-last
    // (a permuted HWC array), so torch takes cpu_upsample_linear_channels_last:
    // four corner weights h·w, summed in this order.
    const float scale = float(side) / float(out);
    struct Corner
    {
        int i0, i1;
        float l0, l1;
    };
    std::vector<Corner> corners(static_cast<size_t>(out));
    for (int i = 0; i < out; ++i) {
        float real = scale * (float(i) + 0.5f) - 0.5f;
        real = real < 0.0f ? 0.0f : real;
        const int i0 = int(real);
        const float l1 = real - float(i0);
        corners[size_t(i)] = {i0, i0 + (i0 < side - 1 ? 1 : 0), 1.0f - l1, l1};
    }
    for (int y = 0; y < out; ++y) {
        const Corner &h = corners[size_t(y)];
        for (int x = 0; x < out; ++x) {
            const Corner &w = corners[size_t(x)];
            const float w00 = h.l0 * w.l0, w01 = h.l0 * w.l1, w10 = h.l1 * w.l0, w11 = h.l1 * w.l1;
            auto at = [&](int sy, int sx, int c) {
                return patch[(size_t(sy) * side + size_t(sx)) * 3 + size_t(c)];
            };
            for (int c = 0; c < 3; ++c)
                store((size_t(y) * out + size_t(x)) * 3 + size_t(c),
                      at(h.i0, w.i0, c) * w00 + at(h.i0, w.i1, c) * w01 + at(h.i1, w.i0, c) * w10 +
                          at(h.i1, w.i1, c) * w11);
        }
    }
    return result;
}

QRectF windowToBox(const std::array<float, 4> &cxcywh, const CropWindow &window)
{
    const double s = window.side;
    const double cx = cxcywh[0], cy = cxcywh[1], w = cxcywh[2], h = cxcywh[3];
    return {window.x0 + (cx - 0.5 * w) * s, window.y0 + (cy - 0.5 * h) * s, w * s, h * s};
}

} // namespace moescope::tracking

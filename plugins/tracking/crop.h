#pragma once
// The tracker's crops, pixel for pixel as the recipe cuts them
// (resources/models/recipe/tracking/data.py: crop_window, crop): a square
// window of side factor·sqrt(w·h) around a box, the frame's mean colour
// outside the frame, resized with torch's bilinear interpolation
// (antialiased when shrinking, align_corners false) and rounded half to even.
// Written here rather than through Qt or LibTorch: QImage::scaled filters
// differently, and the plugin does not link LibTorch; parity with the
// Python tracker (tst_tracking) needs the same arithmetic.

#include "image/scenesource.h"

#include <QImage>
#include <QRectF>

#include <array>
#include <cstdint>
#include <vector>

namespace moescope::tracking {

struct CropWindow
{
    int x0 = 0, y0 = 0, side = 0;
    QRect rect() const { return {x0, y0, side, side}; }
};

// data.crop_window: side = max(round(factor·sqrt(max(w,1)·max(h,1))), 8), centred
// on the box, corner rounded (half to even, as Python's round).
CropWindow cropWindow(const QRectF &box, double factor);

// An RGB frame as 8-bit samples, row-major, 3 per pixel.
struct Rgb8
{
    int width = 0, height = 0;
    std::vector<std::uint8_t> samples;
    static Rgb8 fromImage(const QImage &image);
    // The mean colour, rounded half to even (numpy's mean then round).
    std::array<std::uint8_t, 3> meanColour() const;
    // SceneSource::read's nearest-neighbour read of `region` at `outSize`.
    void read(const QRect &region, const QSize &outSize, Raster *out) const;
};

// data.crop: `window` of `frame` resized to out × out, 8-bit RGB.
std::vector<std::uint8_t> cropResize(const Rgb8 &frame, const CropWindow &window, int out);

// data.window_to_box: (cx, cy, w, h) normalised to the window → x, y, w, h.
QRectF windowToBox(const std::array<float, 4> &cxcywh, const CropWindow &window);

// Python's round(): half to even.
double roundHalfEven(double v);

} // namespace moescope::tracking

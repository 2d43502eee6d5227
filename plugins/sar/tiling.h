#pragma once
// How a tiled run cuts a region of a scene: tiles of `tile` scene pixels a
// side, `overlap` pixels shared with each neighbour, laid from the region's
// top-left corner. Each tile owns the centre of its footprint (the first and
// last tiles of a row or column own out to the region's edge), so every
// region pixel is owned by exactly one tile and a stitched map takes each
// pixel from the tile that saw it farthest from an edge ("keep tile
// centres"). What a tile yields depends only on the scene pixels under it:
// the same tile laid by another tiling gives the same values.

#include <QRect>

#include <algorithm>

namespace moescope::sar {

struct TilingPlan
{
    QRect region;
    int tile = 128, overlap = 32;
    int cols = 1, rows = 1;

    int stride() const { return tile - overlap; }
    int count() const { return cols * rows; }

    // `tile` a side at least `overlap` + `align`; `overlap` a multiple of
    // 2 * `align` (so that owned edges, at overlap / 2 into a tile, fall on
    // the `align` grid: a token of the model's grid is never split).
    static TilingPlan make(const QRect &region, int tile, int overlap, int align)
    {
        TilingPlan p;
        p.region = region;
        p.tile = tile;
        p.overlap = std::clamp(overlap / (2 * align) * (2 * align), 0, tile - align);
        auto count = [&](int extent) {
            return extent <= tile ? 1 : (extent - tile + p.stride() - 1) / p.stride() + 1;
        };
        p.cols = count(region.width());
        p.rows = count(region.height());
        return p;
    }

    // Scene pixels tile `step` (row-major) reads; may reach past the region
    // and the scene.
    QRect footprint(int step) const
    {
        return {region.x() + (step % cols) * stride(), region.y() + (step / cols) * stride(), tile,
                tile};
    }

    // Scene pixels whose stitched values come from tile `step`.
    QRect owned(int step) const
    {
        const int c = step % cols, r = step / cols;
        auto span = [&](int i, int n, int origin, int extent, int *from, int *to) {
            *from = i == 0 ? origin : origin + i * stride() + overlap / 2;
            *to = i == n - 1 ? origin + extent : origin + (i + 1) * stride() + overlap / 2;
        };
        int x0, x1, y0, y1;
        span(c, cols, region.x(), region.width(), &x0, &x1);
        span(r, rows, region.y(), region.height(), &y0, &y1);
        return QRect(x0, y0, x1 - x0, y1 - y0);
    }
};

} // namespace moescope::sar

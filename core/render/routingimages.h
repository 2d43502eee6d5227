#pragma once
// Routing maps → pictures: colormapped per-expert heatmaps, the top-1 expert
// map, overlays on the image, expert grids and colour bars. QtGui only (no
// widgets), shared by the window and the CLI's --out artifacts.

#include "routing/routing.h"

#include <QColor>
#include <QImage>
#include <QStringList>

#include <vector>

namespace moescope::render {

enum class Colormap { Viridis, Magma, Turbo, Gray };

QStringList colormapNames();
Colormap colormapFromName(const QString &name); // unknown names give Viridis
QString colormapName(Colormap map);
QRgb colormapColor(Colormap map, double t); // t in [0, 1], clamped

// A distinct colour per expert for the top-1 map and its legend.
QColor expertColor(int expert);

// The colour of a rectangle a plugin asks to have drawn on a frame
// (frame_boxes), by its role: prediction, truth, region, or another.
QColor frameBoxColor(const QString &role);

// Samples a rows × cols grid at (x, y) in grid cell units with bilinear
// interpolation between cell centres (align_corners = false, edges clamped).
float sampleBilinear(const std::vector<float> &grid, int rows, int cols, double x, double y);

// A heatmap of `grid` stretched over `size`, bilinear, values lo..hi mapped
// through `map`. Format_ARGB32, opaque.
QImage heatmap(const std::vector<float> &grid, int rows, int cols, QSize size, Colormap map,
               float lo = 0.0f, float hi = 1.0f);

// The top-1 expert of each cell, nearest-neighbour, in expertColor().
QImage top1Image(const std::vector<int> &grid, int rows, int cols, QSize size);

// `overlay` over `base` (converted to RGB32) at `opacity` in [0, 1].
QImage blend(const QImage &base, const QImage &overlay, double opacity);

// A vertical colour bar with lo / hi labels.
QImage colorBar(Colormap map, QSize size, float lo, float hi);

// One tile per expert: the image with that expert's router probability over
// it, titled with the expert's name and load. Laid out in a near-square grid.
QImage expertGrid(const QImage &base, const routing::LayerRouting &layer,
                  const routing::TokenGrid &grid, Colormap map, double opacity, int tileSize);

// The top-1 expert map over the image with a legend of expert names.
QImage top1WithLegend(const QImage &base, const routing::LayerRouting &layer,
                      const routing::TokenGrid &grid, double opacity, int size);

} // namespace moescope::render

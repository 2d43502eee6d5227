#include "mosaic.h"

#include <algorithm>
#include <cmath>

namespace moescope::routing {

RoutingMosaic::RoutingMosaic(int sceneWidth, int sceneHeight, std::string input, long maxCells)
    : m_width(sceneWidth), m_height(sceneHeight), m_maxCells(std::max(1L, maxCells)),
      m_input(std::move(input))
{
}

void RoutingMosaic::add(const std::vector<LayerRouting> &layers, double x, double y, double width,
                        double height)
{
    if (m_layers.empty()) {
        for (const LayerRouting &layer : layers) {
            Accumulator acc;
            acc.shape.name = layer.name;
            acc.shape.experts = layer.experts;
            acc.shape.topK = layer.topK;
            acc.shape.router = layer.router;
            acc.shape.expertNames = layer.expertNames;
            MosaicCells cells;
            if (const TokenGrid *grid = gridFor(layer, m_input)) {
                cells.cellWidth = width / grid->cols;
                cells.cellHeight = height / grid->rows;
                for (int k = 1;; ++k) {
                    cells.cols = int(std::ceil(m_width / (k * cells.cellWidth) - 1e-9));
                    cells.rows = int(std::ceil(m_height / (k * cells.cellHeight) - 1e-9));
                    if (long(cells.cols) * cells.rows <= m_maxCells) {
                        cells.cellWidth *= k;
                        cells.cellHeight *= k;
                        break;
                    }
                }
            } else {
                cells.rows = cells.cols = 1; // a per-tile decision, averaged
            }
            acc.sum.assign(size_t(cells.rows) * cells.cols * layer.experts, 0.0);
            acc.count.assign(size_t(cells.rows) * cells.cols, 0);
            m_layers.push_back(std::move(acc));
            m_cells.push_back(cells);
        }
    }
    ++m_tiles;
    for (size_t l = 0; l < layers.size() && l < m_layers.size(); ++l) {
        const LayerRouting &layer = layers[l];
        Accumulator &acc = m_layers[l];
        const MosaicCells &cells = m_cells[l];
        const int E = acc.shape.experts;
        if (layer.experts != E)
            continue;
        const TokenGrid *grid = gridFor(layer, m_input);
        if (!grid || cells.cellWidth <= 0) {
            // Mean over the tile's tokens as one decision.
            for (int t = 0; t < layer.tokens; ++t)
                for (int e = 0; e < E; ++e)
                    acc.sum[size_t(e)] += layer.prob(t, e) / layer.tokens;
            acc.count[0] += 1;
            continue;
        }
        const double tw = width / grid->cols, th = height / grid->rows;
        for (int r = 0; r < grid->rows; ++r) {
            const double cy = y + (r + 0.5) * th;
            const int row = int(std::floor(cy / cells.cellHeight));
            if (cy < 0 || row >= cells.rows)
                continue;
            for (int c = 0; c < grid->cols; ++c) {
                const double cx = x + (c + 0.5) * tw;
                const int col = int(std::floor(cx / cells.cellWidth));
                if (cx < 0 || col >= cells.cols)
                    continue;
                const int token = grid->offset + r * grid->cols + c;
                const size_t cell = size_t(row) * cells.cols + col;
                for (int e = 0; e < E; ++e)
                    acc.sum[cell * E + e] += layer.prob(token, e);
                acc.count[cell] += 1;
            }
        }
    }
}

std::vector<LayerRouting> RoutingMosaic::layers() const
{
    std::vector<LayerRouting> out;
    for (size_t l = 0; l < m_layers.size(); ++l) {
        const Accumulator &acc = m_layers[l];
        const MosaicCells &cells = m_cells[l];
        LayerRouting layer = acc.shape;
        const int E = layer.experts;
        layer.tokens = cells.rows * cells.cols;
        if (cells.cellWidth > 0)
            layer.grids = {TokenGrid{m_input, 0, cells.rows, cells.cols}};
        layer.probs.resize(size_t(layer.tokens) * E);
        for (size_t cell = 0; cell < acc.count.size(); ++cell) {
            const int n = acc.count[cell];
            for (int e = 0; e < E; ++e)
                layer.probs[cell * E + e] =
                    n > 0 ? float(acc.sum[cell * E + e] / n) : 1.0f / float(E);
        }
        out.push_back(std::move(layer));
    }
    return out;
}

std::vector<int> RoutingMosaic::coverage(size_t layer) const
{
    return layer < m_layers.size() ? m_layers[layer].count : std::vector<int>();
}

} // namespace moescope::routing

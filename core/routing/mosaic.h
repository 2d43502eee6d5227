#pragma once
// Stitches the routing of many tiles back into one scene-wide map per MoE
// layer. Each tile's token grid is laid where the tile came from in the
// scene; a mosaic cell is as large as one token of the first tile seen, and
// a token lands in the cell under its centre. Cells that several tiles cover
// (overlap) get the mean of their probabilities, so tiles cut on the token
// grid stitch to exactly what one pass over the cell would give.
//
// No library does this for router tensors (GDAL's mosaicking works on
// rasters it owns, not on per-token probabilities); standard library only.

#include "routing.h"

#include <string>
#include <vector>

namespace moescope::routing {

struct MosaicCells
{
    double cellWidth = 0, cellHeight = 0; // scene pixels per cell
    int rows = 0, cols = 0;
};

class RoutingMosaic
{
public:
    // A mosaic over a sceneWidth × sceneHeight scene, of the routing each
    // layer has over the model input named `input`. A layer's mosaic has at
    // most `maxCells` cells: on a larger scene, each cell gathers k x k tokens
    // (the mean of their probabilities) for the smallest such k.
    RoutingMosaic(int sceneWidth, int sceneHeight, std::string input, long maxCells = 1L << 30);

    // One tile's routing; its `input` covered scene pixels x .. x + width,
    // y .. y + height. Layers without a grid over the input are averaged as a
    // per-tile decision (one token).
    void add(const std::vector<LayerRouting> &layers, double x, double y, double width,
             double height);

    int tiles() const { return m_tiles; }
    // Per layer: probabilities on a rows × cols grid over the scene (rows sum
    // to 1; cells no tile reached are uniform), and how many tiles touched
    // each cell.
    std::vector<LayerRouting> layers() const;
    const std::vector<MosaicCells> &cells() const { return m_cells; }
    std::vector<int> coverage(size_t layer) const;

private:
    struct Accumulator
    {
        LayerRouting shape; // name, experts, names; no probabilities
        std::vector<double> sum;
        std::vector<int> count;
    };

    int m_width, m_height;
    long m_maxCells;
    std::string m_input;
    int m_tiles = 0;
    std::vector<Accumulator> m_layers;
    std::vector<MosaicCells> m_cells;
};

} // namespace moescope::routing

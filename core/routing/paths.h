#pragma once
// Expert paths across layers (after PathMoE): where each token's top-1
// expert goes from one MoE layer to the next. Per pair of consecutive layers
// that lay tokens on the same grid: the co-activation matrix (tokens with
// top-1 expert i in the first and j in the second), and per token its top-1
// expert in every layer, so a path can be shown on the image. Standard
// library only.

#include "routing.h"

#include <string>
#include <vector>

namespace moescope::routing {

struct ExpertPaths
{
    std::string input;                  // the grid's image input
    int rows = 0, cols = 0;             // the grid
    int tokens = 0;                     // tokens counted (the grid's, or the region's)
    std::vector<int> layers;            // the layers on the path (those with the grid)
    std::vector<int> experts;           // per path layer
    std::vector<std::vector<int>> top1; // per path layer, per grid token (-1: not counted)
    std::string reason;                 // layers left out, and why; empty when none

    // Tokens with top-1 `a` in path layer `k` and `b` in path layer k+1,
    // experts[k] × experts[k+1], row-major.
    std::vector<int> coactivation(size_t k) const;
    // How many counted tokens take expert `e` in path layer `k`.
    int nodeCount(size_t k, int e) const;
    // Per grid token: whether it goes from `a` (path layer k) to `b` (k+1);
    // `b` < 0: every token of `a` in layer k.
    std::vector<bool> onPath(size_t k, int a, int b) const;
};

// The paths over the grid named `input` (empty: the first layer's last grid,
// the one routing maps are laid on). `region`, when not empty, keeps only the
// grid tokens it marks (row-major, rows × cols): a drawn region.
ExpertPaths expertPaths(const std::vector<LayerRouting> &layers, const std::string &input = {},
                        const std::vector<bool> &region = {});

} // namespace moescope::routing

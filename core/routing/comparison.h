#pragma once
// Two runs' routing of one MoE layer, side by side (issue 13): the cheap
// A-vs-B figures in use for routing comparisons
// (../shared/research/round2-conventions.md, "Comparing routing"):
//
// - top-1 agreement: the share of tokens whose top-1 expert is the same;
// - Jensen–Shannon divergence of the two router distributions per token,
//   in bits (0: the same, 1: disjoint), and its mean;
// - entropy change: mean router entropy of B minus A, in bits;
// - Jaccard overlap of the top-k expert sets per token (k the layer's top_k,
//   or 2 for a dense router), and its mean;
// - the JS divergence of the two layers' loads (top-1 shares), in bits.
//
// Per-token figures need the same token grid on both sides (one image, or
// two of one size through one model) and the same number of experts; where
// either differs, only loads (where the expert counts match) and entropy
// are compared and `reason` says why. Standard library only.

#include "routing.h"

#include <string>
#include <vector>

namespace moescope::routing {

struct LayerComparison
{
    std::string nameA, nameB;
    int expertsA = 0, expertsB = 0;
    bool tokenWise = false; // per-token figures and maps computed
    std::string reason;     // why not, when not
    int tokens = 0;         // tokens compared (the grid's)
    int rows = 0, cols = 0; // the grid the maps lie on
    double agreement = 0;
    double meanJs = 0;
    double meanJaccard = 0;
    double entropyA = 0, entropyB = 0; // mean per-token entropy, bits
    double entropyChange = 0;          // entropyB - entropyA
    double loadJs = -1;                // -1: the expert counts differ
    std::vector<double> loadA, loadB;
    // Per grid token (row-major), when tokenWise:
    std::vector<float> agreementMap;   // 1 where the top-1 experts agree
    std::vector<float> jsMap;          // bits
    std::vector<float> entropyDiffMap; // bits, B - A
};

// Jensen–Shannon divergence of two distributions over the same support, bits.
double jsDivergence(const float *p, const float *q, int n);
double jsDivergence(const std::vector<double> &p, const std::vector<double> &q);
// Shannon entropy, bits.
double entropyBits(const float *p, int n);

// Compares layer `a` with `b` over the tokens of the grid named `input`
// (empty: each layer's first grid; a layer without grids: all its tokens).
LayerComparison compareLayers(const LayerRouting &a, const LayerRouting &b,
                              const std::string &input = {});

} // namespace moescope::routing

#pragma once
// Router tensors → what a person looks at: per-expert maps on each token grid,
// the top-1 expert map, per-token entropy and per-expert load.
//
// Plain data and the standard library only, so the same code serves the app,
// the CLI, the store and a Qt-free build on a GPU machine.

#include <string>
#include <vector>

namespace moescope::routing {

// Tokens offset .. offset + rows*cols - 1 of a layer lie row-major on a
// rows × cols grid over the named model input (model contract, "tokens").
struct TokenGrid
{
    std::string input;
    int offset = 0;
    int rows = 0;
    int cols = 0;

    int size() const { return rows * cols; }
};

// One MoE layer's routing for one image (batch element).
struct LayerRouting
{
    std::string name;
    int experts = 0;
    int tokens = 0;
    int topK = 0;
    std::string router;
    std::vector<std::string> expertNames; // empty, or one per expert
    std::vector<TokenGrid> grids;         // empty: a per-image / per-task decision
    std::vector<float> probs;             // tokens × experts, row-major; rows sum to 1
    std::vector<float> dispatch;          // empty, or tokens × experts combine weights

    float prob(int token, int expert) const { return probs[size_t(token) * experts + expert]; }
    std::string expertName(int expert) const;
};

struct LayerSummary
{
    // Fraction of the counted tokens whose top-1 expert is each expert; sums to 1.
    // Counted tokens are the spatial ones, or all tokens when none is spatial.
    std::vector<double> load;
    std::vector<double> meanProb; // mean router probability per expert
    double meanEntropy = 0;       // mean per-token router entropy, nats
    double maxEntropy = 0;        // log(experts): the entropy of a uniform router
    int countedTokens = 0;
    bool spatial = false; // whether the counted tokens lie on a grid
};

// Whether each token lies on one of the layer's grids.
std::vector<bool> spatialMask(const LayerRouting &layer);

int top1Expert(const LayerRouting &layer, int token);
double tokenEntropy(const LayerRouting &layer, int token);

LayerSummary summarize(const LayerRouting &layer);

// Maps on one grid, row-major, grid.rows × grid.cols values.
std::vector<float> expertMap(const LayerRouting &layer, const TokenGrid &grid, int expert);
std::vector<int> top1Map(const LayerRouting &layer, const TokenGrid &grid);
std::vector<float> entropyMap(const LayerRouting &layer, const TokenGrid &grid);

// The grid over `input`, or nullptr when the layer has none over it.
const TokenGrid *gridFor(const LayerRouting &layer, const std::string &input);

// Checks the contract's router rules on one layer: shape, finite, rows >= 0
// and summing to 1 within `tolerance`. Returns "" when it holds, else the
// first broken rule in words.
std::string validate(const LayerRouting &layer, double tolerance = 1e-3);

} // namespace moescope::routing

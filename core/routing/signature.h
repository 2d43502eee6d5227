#pragma once
// Routing signatures (issue 13): a run's routing in one vector, its per-layer
// expert loads (top-1 shares) one after another, so that many runs can be
// set side by side. Two signatures compare where their layers have the same
// numbers of experts (one model, or models of one shape): their similarity
// is 1 minus the mean over layers of the Jensen–Shannon divergence of the
// loads (bits), so 1 is the same routing and 0 disjoint experts in every
// layer. A 2-D principal-component projection lays a set of them out.
// Standard library only.

#include <string>
#include <vector>

namespace moescope::routing {

struct Signature
{
    std::vector<std::vector<double>> loads; // per layer, per expert; each sums to 1

    std::vector<int> shape() const;                              // experts per layer
    static std::string shapeText(const std::vector<int> &shape); // "4/4/6"
    std::vector<double> flat() const;
};

// 1 − mean_l JS(a_l, b_l), bits; -1 when the shapes differ.
double signatureSimilarity(const Signature &a, const Signature &b);

// The first two principal components' scores of `signatures` (all of one
// shape), centred: one (x, y) per signature. Fewer than two give zeros.
std::vector<std::pair<double, double>> projectSignatures(const std::vector<Signature> &signatures);

} // namespace moescope::routing
